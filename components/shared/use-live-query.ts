import { useEffect, useState } from 'preact/hooks';
import { watchQuery } from '@/lib/cases/live';

/**
 * A Preact view's live read of the data module (lib/cases/live.ts): undefined until the first answer, then the
 * latest, re-read whenever the rows it read change. `deps` as for useEffect: a change starts a new watch.
 * A failed read leaves the last answer shown.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<{ of: unknown[]; value: T }>();
  useEffect(() => watchQuery(query, (next) => setValue({ of: deps, value: next })), deps);
  // An answer to the previous deps is not shown for the new ones (another case's page, say).
  return value && sameDeps(value.of, deps) ? value.value : undefined;
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

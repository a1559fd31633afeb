import { act } from 'preact/test-utils';

/**
 * Lets the component under test work (its database reads, its renders) until `check` holds, and returns what
 * it gave; fails after `timeoutMs` with `what`. For unit tests of screens: wait on what the screen shows, never
 * a fixed number of milliseconds, which a loaded machine does not keep.
 */
export async function until<T>(check: () => T | undefined | null | false | '', what = 'the screen to show it', timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
}

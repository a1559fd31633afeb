/** A browser's "disk full" for IndexedDB, however deep Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { name, inner } = e as { name?: string; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

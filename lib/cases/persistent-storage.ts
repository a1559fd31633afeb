/**
 * Evidence must not be evicted. Firefox keeps an add-on's IndexedDB as "best-effort" storage, which it may
 * clear when the disk runs short, until the add-on asks for persistence; with `unlimitedStorage` it grants
 * that without asking the user. Chrome exempts an extension with `unlimitedStorage` from eviction already, and
 * its service worker has no `persist()` (a window-only API): there this does nothing.
 */
export interface PersistableStorage {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/** Asks once per start; true when the storage is persistent, false when not, undefined when it cannot be asked. */
export async function keepStoragePersistent(storage: PersistableStorage | undefined = globalThis.navigator?.storage): Promise<boolean | undefined> {
  if (typeof storage?.persist !== 'function') return undefined;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

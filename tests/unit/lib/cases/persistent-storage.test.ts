import { describe, expect, it } from 'vitest';
import { keepStoragePersistent } from '@/lib/cases/persistent-storage';

describe('keepStoragePersistent', () => {
  it('asks for persistence where the storage is not persistent yet (Firefox)', async () => {
    let asked = 0;
    const result = await keepStoragePersistent({ persisted: async () => false, persist: async () => (asked++, true) });
    expect(result).toBe(true);
    expect(asked).toBe(1);
  });

  it('does not ask again when it already is', async () => {
    let asked = 0;
    expect(await keepStoragePersistent({ persisted: async () => true, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(0);
  });

  it('does nothing where persist() does not exist (Chrome’s service worker)', async () => {
    expect(await keepStoragePersistent({})).toBeUndefined();
    expect(await keepStoragePersistent(undefined)).toBeUndefined();
  });

  it('a refusal or a failure is false, never a throw', async () => {
    expect(await keepStoragePersistent({ persisted: async () => false, persist: async () => false })).toBe(false);
    expect(await keepStoragePersistent({ persist: () => Promise.reject(new Error('denied')) })).toBe(false);
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CURRENT_CASE_KEY, getCurrentCaseId, recentOpenCases, rememberOpenedCase, resolveCurrentCase, setCurrentCase } from '@/lib/cases/current-case';
import { DisputeKitDB } from '@/lib/cases/db';
import type { CaseRecord } from '@/lib/common/model';
import { loadSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';

const storage = fakeBrowser.storage.local;
let database: DisputeKitDB;

function caseRecord(orderId: string, updatedAt: string, state: CaseRecord['state'] = 'open'): CaseRecord {
  return {
    id: `aliexpress:${orderId}`,
    platform: 'aliexpress',
    orderId,
    order: { orderId, items: [], sources: {} },
    state,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt,
  };
}

beforeEach(() => {
  database = new DisputeKitDB('current-case-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('current-case-test');
});

describe('the current case', () => {
  it('is remembered in storage.local and read back', async () => {
    expect(await getCurrentCaseId(storage)).toBeUndefined();
    await setCurrentCase(storage, 'aliexpress:1', new Date('2026-11-20T10:00:00Z'));
    expect(await getCurrentCaseId(storage)).toBe('aliexpress:1');
    await setCurrentCase(storage, 'taobao:2', new Date('2026-11-20T11:00:00Z'));
    expect(await getCurrentCaseId(storage)).toBe('taobao:2');
    expect((await storage.get(CURRENT_CASE_KEY))[CURRENT_CASE_KEY]).toEqual({ caseId: 'taobao:2', at: '2026-11-20T11:00:00.000Z' });
  });

  it('reads a damaged stored value as no current case', async () => {
    await storage.set({ [CURRENT_CASE_KEY]: 'aliexpress:1' });
    expect(await getCurrentCaseId(storage)).toBeUndefined();
    await storage.set({ [CURRENT_CASE_KEY]: { caseId: '' } });
    expect(await getCurrentCaseId(storage)).toBeUndefined();
  });

  it('resolves only to a case that exists and is open', async () => {
    await database.cases.bulkPut([caseRecord('1', '2026-11-10T00:00:00.000Z'), caseRecord('2', '2026-11-11T00:00:00.000Z', 'closed')]);
    await setCurrentCase(storage, 'aliexpress:1', new Date());
    expect((await resolveCurrentCase(storage, database))?.id).toBe('aliexpress:1');
    await setCurrentCase(storage, 'aliexpress:2', new Date());
    expect(await resolveCurrentCase(storage, database)).toBeUndefined();
    await setCurrentCase(storage, 'aliexpress:gone', new Date());
    expect(await resolveCurrentCase(storage, database)).toBeUndefined();
  });

  it('becomes the case whose page the user opens, unless that case does not exist', async () => {
    await database.cases.put(caseRecord('1', '2026-11-10T00:00:00.000Z'));
    await setCurrentCase(storage, 'aliexpress:other', new Date());
    expect(await rememberOpenedCase(storage, database, 'aliexpress:nope', new Date())).toBe(false);
    expect(await getCurrentCaseId(storage)).toBe('aliexpress:other');
    expect(await rememberOpenedCase(storage, database, 'aliexpress:1', new Date())).toBe(true);
    expect(await getCurrentCaseId(storage)).toBe('aliexpress:1');
  });

  it('lists recent open cases, most recently touched first', async () => {
    await database.cases.bulkPut([
      caseRecord('old', '2026-11-01T00:00:00.000Z'),
      caseRecord('new', '2026-11-15T00:00:00.000Z'),
      caseRecord('closed', '2026-11-20T00:00:00.000Z', 'closed'),
      caseRecord('mid', '2026-11-10T00:00:00.000Z'),
    ]);
    expect((await recentOpenCases(database)).map((c) => c.orderId)).toEqual(['new', 'mid', 'old']);
    expect((await recentOpenCases(database, 2)).map((c) => c.orderId)).toEqual(['new', 'mid']);
  });
});

describe('settings', () => {
  it('default to the in-page button on', async () => {
    expect(await loadSettings(storage)).toMatchObject({ pageButton: true });
  });

  it('keep what the user set, and read a damaged value as its default', async () => {
    await saveSettings(storage, { pageButton: false });
    expect(await loadSettings(storage)).toMatchObject({ pageButton: false });
    await storage.set({ [SETTINGS_KEY]: { pageButton: 'no' } });
    expect(await loadSettings(storage)).toMatchObject({ pageButton: true });
    await storage.set({ [SETTINGS_KEY]: 42 });
    expect(await loadSettings(storage)).toMatchObject({ pageButton: true });
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import { addNote, importFiles } from '@/lib/cases/evidence-import';
import { translator } from '@/lib/i18n';
import { formatBytes, storageUse } from '@/lib/cases/storage-meter';
import { CASE_ID, caseWithCapture, importDeps } from '../../support/case-fixture';

const NAME = 'storage-meter-test';
let database: DisputeKitDB;
beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

describe('the storage meter', () => {
  it('sums this case’s files and thumbnails apart from all cases, and passes on the browser’s estimate', async () => {
    const deps = importDeps(database, { makeThumbnail: async () => new Blob([new Uint8Array(100)], { type: 'image/jpeg' }) });
    await importFiles(deps, CASE_ID, [new File([new Uint8Array(5000)], 'photo.png', { type: 'image/png' })]);
    await addNote(deps, CASE_ID, 'abc');
    // Another case's file counts in the total only.
    await database.cases.add({ ...(await database.cases.get(CASE_ID))!, id: 'taobao:1', platform: 'taobao', orderId: '1' });
    await importFiles(deps, 'taobao:1', [new File([new Uint8Array(700)], 'other.mp4', { type: 'video/mp4' })]);

    // The captured page as stored (archived with its scripts disabled, lib/capture/page-archive.ts).
    const htmlBytes = (await database.evidence.get('page-1'))!.bytes;
    const use = await storageUse(database, CASE_ID, async () => ({ usage: 123_456, quota: 10_000_000 }));
    expect(use).toEqual({ caseBytes: htmlBytes + 5000 + 100 + 3, allCasesBytes: htmlBytes + 5000 + 100 + 3 + 700, used: 123_456, quota: 10_000_000 });
  });

  it('still gives the case sizes when the browser has no estimate', async () => {
    const htmlBytes = (await database.evidence.get('page-1'))!.bytes;
    expect(await storageUse(database, CASE_ID, undefined)).toEqual({ caseBytes: htmlBytes, allCasesBytes: htmlBytes });
    expect(await storageUse(database, CASE_ID, () => Promise.reject(new Error('no')))).toEqual({ caseBytes: htmlBytes, allCasesBytes: htmlBytes });
  });

  it('formats sizes in decimal units in the user’s language', () => {
    const en = translator('en');
    expect(formatBytes(512, en, 'en')).toBe('512 bytes');
    expect(formatBytes(1, en, 'en')).toBe('1 byte');
    expect(formatBytes(1_400_000, en, 'en')).toBe('1.4 MB');
    expect(formatBytes(820_000, en, 'en')).toBe('820 kB');
    expect(formatBytes(1_400_000, translator('ru'), 'ru')).toBe('1,4 МБ');
    // Intl would write "kB" in Chinese; the catalogue's unit names keep the text Chinese.
    expect(formatBytes(820_000, translator('zh_CN'), 'zh-CN')).toBe('820 KB');
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCustodyLog } from '@/lib/cases/cases';
import { checkChain } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { addNote, importFiles, MAX_NOTE_CHARS } from '@/lib/cases/evidence-import';
import { CASE_ID, caseWithCapture, importDeps } from '../../support/case-fixture';

const NAME = 'import-test';
let database: DisputeKitDB;
beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

const photo = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'unboxing.png', { type: 'image/png', lastModified: Date.UTC(2026, 10, 19, 9, 0) });
const video = () => new File([new Uint8Array(300_000).fill(7)], 'unboxing.mp4', { type: 'video/mp4', lastModified: Date.UTC(2026, 10, 19, 9, 5) });

describe('adding files from disk', () => {
  it('stores each file as a blob with its hash, name, dates and metadata, in the custody log', async () => {
    const thumbnailsMade: string[] = [];
    const deps = importDeps(database, { makeThumbnail: async (b) => (thumbnailsMade.push(b.type), new Blob(['t'], { type: 'image/jpeg' })) });
    const result = await importFiles(deps, CASE_ID, [photo(), video()], 'unboxing');
    expect(result).toEqual({ ok: true, evidenceIds: ['imp-2', 'imp-3'] });

    const [png, mp4] = await database.evidence.bulkGet(['imp-2', 'imp-3']);
    expect(png).toMatchObject({
      caseId: CASE_ID, captureId: 'imp-1', kind: 'file', label: 'unboxing', fileName: 'unboxing.png', mime: 'image/png', bytes: 7,
      fileLastModified: '2026-11-19T09:00:00.000Z', capturedAt: '2026-11-21T08:30:00.000Z', capturedAtLocal: '2026-11-21T16:30:00.000+08:00',
      timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0', browser: 'Chromium test',
    });
    expect(png!.page).toBeUndefined();
    expect(png!.sha256).toBe(await sha256Hex(photo()));
    expect(await sha256Hex(png!.blob)).toBe(png!.sha256);
    expect(png!.thumbnail).toBeInstanceOf(Blob);
    expect(mp4).toMatchObject({ kind: 'file', fileName: 'unboxing.mp4', mime: 'video/mp4', bytes: 300_000, sha256: await sha256Hex(video()) });
    expect(mp4!.thumbnail).toBeUndefined();
    expect(thumbnailsMade).toEqual(['image/png']);

    const log = await getCustodyLog(database, CASE_ID);
    expect(log.map((e) => [e.seq, e.action, e.evidenceId, e.sha256])).toEqual([
      [1, 'added', 'page-1', expect.any(String)],
      [2, 'added', 'imp-2', png!.sha256],
      [3, 'added', 'imp-3', mp4!.sha256],
    ]);
    expect(log[1].prevHash).toBe(log[0].hash);
    expect(checkChain(CASE_ID, log)).toEqual([]);
  });

  it('a file without a type is stored as application/octet-stream, with no thumbnail', async () => {
    const result = await importFiles(importDeps(database), CASE_ID, [new File(['x'], 'receipt.heic')]);
    expect(result.ok).toBe(true);
    const item = await database.evidence.get('imp-2');
    expect(item).toMatchObject({ mime: 'application/octet-stream', fileName: 'receipt.heic' });
    expect(item!.thumbnail).toBeUndefined();
  });

  it('a full disk saves nothing of the import and keeps what was there, and says so', async () => {
    const before = { evidence: await database.evidence.toArray(), log: await getCustodyLog(database, CASE_ID), events: await database.events.count() };
    // The browser refuses the last write of the transaction, as IndexedDB does when the disk is full.
    database.custody.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await importFiles(importDeps(database), CASE_ID, [photo(), video()]);
    expect(result).toEqual({ ok: false, error: 'storageFull' });
    expect((await database.evidence.toArray()).map((e) => e.id)).toEqual(before.evidence.map((e) => e.id));
    expect(await getCustodyLog(database, CASE_ID)).toEqual(before.log);
    expect(await database.events.count()).toBe(before.events);
  });

  it('refuses a case that does not exist, and an empty drop', async () => {
    expect(await importFiles(importDeps(database), 'aliexpress:1', [photo()])).toEqual({ ok: false, error: 'noCase' });
    expect(await importFiles(importDeps(database), CASE_ID, [])).toEqual({ ok: false, error: 'empty' });
    expect(await database.evidence.count()).toBe(1);
  });
});

describe('imports at the same time', () => {
  it('each append after the other: the chain stays whole', async () => {
    const results = await Promise.all([
      addNote(importDeps(database, { newId: () => `a-${Math.random()}` }), CASE_ID, 'first'),
      importFiles(importDeps(database, { newId: () => `b-${Math.random()}` }), CASE_ID, [photo()]),
      addNote(importDeps(database, { newId: () => `c-${Math.random()}` }), CASE_ID, 'third'),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(checkChain(CASE_ID, log)).toEqual([]);
  });
});

describe('notes', () => {
  it('are saved as UTF-8 text with their hash and chained in the log', async () => {
    const text = 'Seller promised a refund in chat on 19.11 — 卖家承诺退款';
    const result = await addNote(importDeps(database), CASE_ID, text, 'chat');
    expect(result).toEqual({ ok: true, evidenceIds: ['imp-2'] });
    const note = await database.evidence.get('imp-2');
    expect(note).toMatchObject({ kind: 'note', label: 'chat', mime: 'text/plain' });
    expect(note).not.toHaveProperty('fileName');
    expect(note).not.toHaveProperty('page');
    expect(await note!.blob.text()).toBe(text);
    expect(note!.sha256).toBe(await sha256Hex(new TextEncoder().encode(text)));
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.at(-1)).toMatchObject({ seq: 2, action: 'added', evidenceId: 'imp-2', sha256: note!.sha256, prevHash: log[0].hash });
  });

  it('refuses an empty or over-long note', async () => {
    expect(await addNote(importDeps(database), CASE_ID, '   ')).toEqual({ ok: false, error: 'empty' });
    expect(await addNote(importDeps(database), CASE_ID, 'x'.repeat(MAX_NOTE_CHARS + 1))).toEqual({ ok: false, error: 'noteTooLong' });
    expect(await database.evidence.count()).toBe(1);
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildBackup } from '@/lib/backup/build';
import { restoreBackup } from '@/lib/backup/restore';
import { deleteEvidence, getCustodyLog } from '@/lib/cases/cases';
import { entryHash } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { exportDossier } from '@/lib/dossier/export';
import { sha256Hex } from '@/lib/common/hash';
import { addNote, importFiles } from '@/lib/cases/evidence-import';
import { verifyCase } from '@/lib/cases/verify-case';
import { CASE_ID, caseWithCapture, importDeps } from '../../support/case-fixture';
import { memorySink } from '../../support/dossier-fixture';

const NAME = 'verify-test';
const NOW = new Date('2026-11-22T00:00:00.000Z');
let database: DisputeKitDB;
let photoId: string;
let noteId: string;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
  const deps = importDeps(database);
  const photo = await importFiles(deps, CASE_ID, [new File([new Uint8Array([1, 2, 3, 4])], 'box.jpg', { type: 'image/jpeg' })], 'unboxing');
  const note = await addNote(deps, CASE_ID, 'The box arrived crushed.');
  if (!photo.ok || !note.ok) throw new Error('setup failed');
  [photoId] = photo.evidenceIds;
  [noteId] = note.evidenceIds;
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

describe('verifying a case', () => {
  it('an untouched case verifies: every file ok, the chain whole', async () => {
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(true);
    expect(report.chain).toEqual([]);
    expect(report.logLength).toBe(3);
    expect(report.items.map((i) => [i.status, i.name])).toEqual([
      ['ok', 'page-html 2026-11-20T10:00:00.000Z'],
      ['ok', 'box.jpg'],
      ['ok', 'note 2026-11-21T08:30:00.000Z'],
    ]);
  });

  it('a file whose bytes changed is a mismatch, naming the file with expected and actual hashes', async () => {
    const original = await database.evidence.get(photoId);
    const forged = new Blob([new Uint8Array([9, 9, 9, 9])], { type: 'image/jpeg' });
    await database.evidence.update(photoId, { blob: forged });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.evidenceId === photoId)).toEqual({
      status: 'mismatch', evidenceId: photoId, name: 'box.jpg', expected: original!.sha256, actual: await sha256Hex(forged),
    });
    expect(report.items.filter((i) => i.status !== 'ok')).toHaveLength(1);
  });

  it('a file replaced together with its recorded hash is still a mismatch: the log keeps the original hash', async () => {
    const original = await database.evidence.get(photoId);
    const forged = new Blob(['other'], { type: 'image/jpeg' });
    await database.evidence.update(photoId, { blob: forged, sha256: await sha256Hex(forged) });
    const item = (await verifyCase(database, CASE_ID, NOW)).items.find((i) => i.evidenceId === photoId);
    expect(item).toMatchObject({ status: 'mismatch', expected: original!.sha256, actual: await sha256Hex(forged) });
  });

  it('a row deleted outside the app is reported missing', async () => {
    const note = await database.evidence.get(noteId);
    await database.evidence.delete(noteId);
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(false);
    expect(report.items).toContainEqual({ status: 'missing', evidenceId: noteId, name: noteId, expected: note!.sha256, addedAt: '2026-11-21T08:30:00.000Z' });
  });

  it('a row deleted through the app is logged, and the case still verifies', async () => {
    expect(await deleteEvidence(database, CASE_ID, noteId, NOW)).toBe(true);
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.at(-1)).toMatchObject({ seq: 4, action: 'deleted', evidenceId: noteId, prevHash: log[2].hash });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(true);
    expect(report.items.map((i) => i.evidenceId)).not.toContain(noteId);
  });

  it('a row slipped in outside the app is unlogged', async () => {
    const row = await database.evidence.get(photoId);
    await database.evidence.add({ ...row!, id: 'intruder', fileName: 'added-later.jpg' });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.items).toContainEqual({ status: 'unlogged', evidenceId: 'intruder', name: 'added-later.jpg', actual: row!.sha256 });
    expect(report.ok).toBe(false);
  });

  it('an edited log entry is reported at its place in the chain', async () => {
    const [, second] = await getCustodyLog(database, CASE_ID);
    await database.custody.put({ ...second, at: '2026-11-01T00:00:00.000Z' });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(false);
    expect(report.chain).toEqual([{ kind: 'edited', seq: 2, expected: second.hash, actual: entryHash({ ...second, at: '2026-11-01T00:00:00.000Z' }) }]);
  });

  it('reordered log entries are reported', async () => {
    const [, second, third] = await getCustodyLog(database, CASE_ID);
    // Swap their places: each keeps its content (and hash) but takes the other's number.
    await database.custody.bulkPut([{ ...second, seq: 3 }, { ...third, seq: 2 }]);
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(false);
    expect(report.chain.map((b) => `${b.kind}@${b.seq}`)).toEqual(expect.arrayContaining(['link@2', 'edited@2', 'link@3', 'edited@3']));
  });

  it('a removed log entry breaks the chain and leaves its item unlogged', async () => {
    await database.custody.delete([CASE_ID, 2]);
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.chain.map((b) => b.kind)).toEqual(['sequence', 'link']);
    expect(report.items.find((i) => i.evidenceId === photoId)?.status).toBe('unlogged');
  });

  it('metadata edited outside the app (URL, title) is reported though the file is intact', async () => {
    const page = (await database.evidence.get('page-1'))!;
    await database.evidence.update('page-1', { page: { ...page.page!, url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1111111111111111', title: 'Another order' } });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.evidenceId === 'page-1')).toEqual({ status: 'metadata', evidenceId: 'page-1', name: 'page-html 2026-11-20T10:00:00.000Z', sha256: page.sha256 });
    expect(report.items.filter((i) => i.status !== 'ok')).toHaveLength(1);
  });

  it('capture times swapped between two items, a changed kind or label: each item named', async () => {
    const [photo, note] = await database.evidence.bulkGet([photoId, noteId]);
    await database.evidence.update(photoId, { capturedAt: '2026-11-01T00:00:00.000Z', label: 'product' });
    await database.evidence.update(noteId, { kind: 'letter' });
    const report = await verifyCase(database, CASE_ID, NOW);
    expect(report.items.filter((i) => i.status === 'metadata').map((i) => i.evidenceId).sort()).toEqual([photoId, noteId].sort());
    expect(photo!.capturedAt).not.toBe('2026-11-01T00:00:00.000Z');
    expect(note!.kind).toBe('note');
  });

  it('a case exported, backed up and restored elsewhere still verifies: its entries and metadata come back as they were', async () => {
    await exportDossier({ database, now: () => NOW, locale: 'en', timeZone: 'UTC', extensionVersion: '0.1.0' }, CASE_ID, memorySink());
    const backup = await buildBackup({ database, storage: fakeBrowser.storage.local, extensionVersion: '0.1.0', now: () => NOW });
    const target = new DisputeKitDB(`${NAME}-restored`);
    try {
      await restoreBackup({ database: target, storage: fakeBrowser.storage.local }, backup);
      const report = await verifyCase(target, CASE_ID, NOW);
      expect(report.items.map((i) => i.status)).toEqual(['ok', 'ok', 'ok']);
      expect((await getCustodyLog(target, CASE_ID)).map((e) => e.action)).toEqual(['added', 'added', 'added', 'exported']);
      expect(report.ok).toBe(true);
    } finally {
      target.close();
      await Dexie.delete(`${NAME}-restored`);
    }
  });

  it('a file the browser cannot read back is unreadable, not a crash', async () => {
    const report = await verifyCase(database, CASE_ID, NOW, async (blob) => {
      if (blob.type === 'image/jpeg') throw new DOMException('The file could not be read', 'NotReadableError');
      return sha256Hex(blob);
    });
    expect(report.items.find((i) => i.evidenceId === photoId)).toMatchObject({ status: 'unreadable', name: 'box.jpg', detail: 'The file could not be read' });
    expect(report.ok).toBe(false);
  });
});

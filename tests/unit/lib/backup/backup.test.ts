import { strToU8, zipSync } from 'fflate';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { buildBackup, DB_VERSION } from '@/lib/backup/build';
import { BACKUP_FORMAT, BACKUP_TABLES } from '@/lib/backup/format';
import { DERIVED_TABLES } from '@/lib/cases/schema';
import { rejectionText, restoreMessage } from '@/lib/backup/report';
import { restoreBackup } from '@/lib/backup/restore';
import { deleteEvidence, getCustodyLog, saveCapture } from '@/lib/cases/cases';
import { addContact } from '@/lib/cases/contacts';
import { getCurrentCaseId, setCurrentCase } from '@/lib/cases/current-case';
import { checkChain } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { addNote, importFiles } from '@/lib/cases/evidence-import';
import { sha256Hex } from '@/lib/common/hash';
import { translator } from '@/lib/i18n';
import { loadSettings, saveSettings } from '@/lib/settings/settings';
import { altered, files, rejected, snapshot } from '../../support/backup-fixture';
import { CASE_ID, caseWithCapture, importDeps, ORDER_ID } from '../../support/case-fixture';

let dbCount = 0;
const freshDb = () => new DisputeKitDB(`backup-test-${++dbCount}`);
const storage = () => fakeBrowser.storage.local;
const t = translator('en');

/** A database with every kind of record: a capture, a photo with a thumbnail, a note, a contact, a checklist step (and the document step the capture ticked), a sent notification. */
async function fullDatabase(): Promise<DisputeKitDB> {
  const database = freshDb();
  await caseWithCapture(database);
  const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5])], 'box.png', { type: 'image/png', lastModified: Date.parse('2026-11-19T09:00:00Z') });
  await importFiles(importDeps(database), CASE_ID, [photo]);
  await addNote(importDeps(database, { newId: () => 'note-1' }), CASE_ID, 'Box arrived crushed. 快递拒绝签收。');
  await addContact(database, { caseId: CASE_ID, at: '2026-11-21T09:00:00.000Z', channel: 'seller-chat', reference: 'T-1', summary: 'Asked for a refund' }, () => 'contact-1');
  await database.checklist.put({ caseId: CASE_ID, stepId: 'open-dispute', state: 'done', at: '2026-11-21T09:30:00.000Z' });
  await database.sentNotifications.put({ caseId: CASE_ID, rule: 'AE-PROTECTION', thresholdHours: 72, due: '2026-12-01T00:00:00.000Z', at: '2026-11-28T00:00:00.000Z' });
  await saveSettings(storage(), { language: 'ru', notifyBeforeHours: [48], pageButton: false });
  await setCurrentCase(storage(), CASE_ID, new Date('2026-11-21T10:00:00.000Z'));
  return database;
}

const backupDeps = (database: DisputeKitDB) => ({ database, storage: storage(), extensionVersion: '0.1.0', now: () => new Date('2026-11-22T12:00:00.000Z') });

const page1 = (m: any) => m.tables.evidence.find((e: any) => e.id === 'page-1');

describe('making a backup', () => {
  it('covers every table of the database but the derived ones (a new table must be added to the backup)', () => {
    expect([...BACKUP_TABLES, ...DERIVED_TABLES].sort()).toEqual(freshDb().tables.map((table) => table.name).sort());
  });

  it('holds every record, each file once under blobs/ with its SHA-256, and the settings and current case', async () => {
    const database = await fullDatabase();
    const zip = await buildBackup(backupDeps(database));
    const entries = await files(zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['backup.json']));
    expect(manifest).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-11-22T12:00:00.000Z', extensionVersion: '0.1.0', dbVersion: DB_VERSION });
    expect(manifest.settings).toEqual({ language: 'ru', notifyBeforeHours: [48], pageButton: false, timestamps: { enabled: false, authority: 'freetsa' } });
    expect(manifest.currentCase).toEqual({ caseId: CASE_ID, at: '2026-11-21T10:00:00.000Z' });
    const local = await snapshot(database);
    for (const table of ['cases', 'events', 'checklist', 'custody', 'contacts', 'sentNotifications', 'readings'] as const) {
      expect(manifest.tables[table], table).toEqual(JSON.parse(JSON.stringify(local[table])));
    }
    // Three evidence rows: the page, the photo (with a thumbnail) and the note: four files.
    expect(manifest.tables.evidence).toHaveLength(3);
    expect(manifest.blobs).toHaveLength(4);
    for (const row of manifest.tables.evidence) {
      const original = (await database.evidence.get(row.id))!;
      const file = entries[`blobs/${row.blob.blob}`];
      expect(await sha256Hex(file)).toBe(original.sha256);
      expect(manifest.blobs.find((b: any) => b.id === row.blob.blob)).toEqual({ id: row.blob.blob, sha256: original.sha256, bytes: original.bytes, type: original.blob.type });
      if (original.thumbnail) {
        const thumb = entries[`blobs/${row.thumbnail.blob}`];
        expect(new TextDecoder().decode(thumb)).toBe('thumb');
        expect(manifest.blobs.find((b: any) => b.id === row.thumbnail.blob).sha256).toBe(await sha256Hex(thumb));
      } else {
        expect(row.thumbnail).toBeUndefined();
      }
    }
    expect(manifest.tables.evidence.filter((e: any) => e.thumbnail)).toHaveLength(1);
  });
});

describe('restoring a backup', () => {
  it('into an empty database gives back every table, every file, the settings and the current case', async () => {
    const source = await fullDatabase();
    const zip = await buildBackup(backupDeps(source));
    const expected = await snapshot(source);
    fakeBrowser.reset();
    const target = freshDb();
    const outcome = await restoreBackup({ database: target, storage: storage() }, zip);
    expect(outcome.ok).toBe(true);
    expect(await snapshot(target)).toEqual(expected);
    expect(await loadSettings(storage())).toEqual({ language: 'ru', notifyBeforeHours: [48], pageButton: false, timestamps: { enabled: false, authority: 'freetsa' } });
    expect(await getCurrentCaseId(storage())).toBe(CASE_ID);
    const message = restoreMessage(t, outcome, 'en');
    expect(message.tone).toBe('ok');
    // Plain words, each count what was written: the case by its order, then every kind of record added.
    const { added } = (outcome as Extract<typeof outcome, { ok: true }>).report;
    expect(message.lines[0]).toBe(`Added 1 case: AliExpress order ${ORDER_ID}.`);
    expect(message.lines).toContain(
      `Added 3 files, 1 contact log entry, 2 checklist answers, ${added.readings} reading${added.readings === 1 ? '' : 's'} of ${added.readings === 1 ? 'an order page' : 'order pages'}, ${added.events} timeline entries, and ${added.custody} custody log entries.`,
    );
    expect(added).toMatchObject({ evidence: 3, contacts: 1, checklist: (await source.checklist.count()), events: (await source.events.count()), custody: (await source.custody.count()), readings: (await source.readings.count()) });
    expect(message.lines.join('\n')).not.toMatch(/aliexpress:|page-1|note-|contact-1/);
    expect(checkChain(CASE_ID, await getCustodyLog(target, CASE_ID))).toEqual([]);
  });

  it('twice: the second time every item is already there with the same file and is skipped', async () => {
    const database = await fullDatabase();
    const zip = await buildBackup(backupDeps(database));
    const before = await snapshot(database);
    const outcome = await restoreBackup({ database, storage: storage() }, zip);
    expect(outcome).toMatchObject({ ok: true, report: { skippedIdentical: 3, cases: [{ caseId: CASE_ID, outcome: 'unchanged' }], added: { evidence: 0, events: 0, custody: 0, contacts: 0, checklist: 0, sentNotifications: 0 } } });
    expect(await snapshot(database)).toEqual(before);
  });

  it('an older backup of a case changed here since has nothing to add, and writes nothing', async () => {
    const database = await fullDatabase();
    const zip = await buildBackup(backupDeps(database));
    await addNote(importDeps(database, { now: () => new Date('2026-11-23T08:00:00.000Z'), newId: () => 'note-later' }), CASE_ID, 'Later note');
    const before = await snapshot(database);
    const outcome = await restoreBackup({ database, storage: storage() }, zip);
    expect(outcome).toMatchObject({ ok: true, report: { cases: [{ caseId: CASE_ID, outcome: 'unchanged' }] } });
    expect(restoreMessage(t, outcome, 'en').lines).toEqual([`1 case already here had nothing new in the backup: AliExpress order ${ORDER_ID}.`, 'Nothing new was added: this browser already has everything in the backup.', '3 files were already here (same SHA-256) and were not added again.', 'Settings restored from the backup.']);
    expect(await snapshot(database)).toEqual(before);
  });

  it('brings a newer backup of a case in by extending its custody log here, which still holds', async () => {
    const older = freshDb();
    await caseWithCapture(older);
    const source = freshDb();
    await caseWithCapture(source);
    await addNote(importDeps(source, { newId: () => 'note-new' }), CASE_ID, 'Seller stopped answering');
    const outcome = await restoreBackup({ database: older, storage: storage() }, await buildBackup(backupDeps(source)));
    expect(outcome).toMatchObject({ ok: true, report: { cases: [{ caseId: CASE_ID, outcome: 'extended' }], skippedIdentical: 1, added: { evidence: 1, custody: 1 } } });
    const log = await getCustodyLog(older, CASE_ID);
    expect(log.map((e) => e.evidenceId)).toEqual(['page-1', 'note-new']);
    expect(checkChain(CASE_ID, log)).toEqual([]);
    expect((await older.evidence.get('note-new'))?.sha256).toBe((await source.evidence.get('note-new'))?.sha256);
  });

  it('leaves an item deleted here after the backup deleted, and the log intact', async () => {
    const database = freshDb();
    await caseWithCapture(database);
    await addNote(importDeps(database, { newId: () => 'note-1' }), CASE_ID, 'a note');
    const zip = await buildBackup(backupDeps(database));
    // Deleting does not change the case's updatedAt: only the custody log says it happened.
    await deleteEvidence(database, CASE_ID, 'note-1', new Date('2026-11-22T00:00:00.000Z'));
    const before = await snapshot(database);
    const outcome = await restoreBackup({ database, storage: storage() }, zip);
    expect(outcome).toMatchObject({ ok: true, report: { skippedDeleted: 1, skippedIdentical: 1 } });
    expect(await database.evidence.get('note-1')).toBeUndefined();
    expect(await snapshot(database)).toEqual(before);
  });

  it('into a database with other cases: event ids already used here get new ones, nothing here changes', async () => {
    const source = await fullDatabase();
    const zip = await buildBackup(backupDeps(source));
    const target = freshDb();
    const note = new Blob(['mine'], { type: 'text/plain' });
    await saveCapture(target, {
      platform: 'taobao',
      order: { orderId: '555', items: [], sources: {} },
      now: new Date('2026-11-01T00:00:00.000Z'),
      evidence: [{ id: 'mine-1', captureId: 'm', kind: 'note', blob: note, mime: 'text/plain', bytes: note.size, sha256: await sha256Hex(note), capturedAt: '2026-11-01T00:00:00.000Z', capturedAtLocal: '2026-11-01T08:00:00.000+08:00', timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0', browser: 'test' }],
    });
    const mine = await snapshot(target);
    const outcome = await restoreBackup({ database: target, storage: storage() }, zip);
    expect(outcome.ok).toBe(true);
    const after = await snapshot(target);
    const theirs = await snapshot(source);
    const strip = ({ id: _id, ...rest }: { id?: number }) => JSON.stringify(rest);
    // Ours keep their ids; theirs all arrive, those whose ids were taken with new ones.
    expect(after.events.filter((e) => e.caseId === 'taobao:555')).toEqual(mine.events);
    expect(after.events.filter((e) => e.caseId === CASE_ID).map(strip).sort()).toEqual(theirs.events.map(strip).sort());
    expect(new Set(after.events.map((e) => e.id)).size).toBe(after.events.length);
    expect(after.evidence.map((e) => e.id).sort()).toEqual([...theirs.evidence.map((e) => e.id), 'mine-1'].sort());
  });

  it('rejects an evidence id that is here with a different file, and writes nothing', async () => {
    const source = await fullDatabase();
    const zip = await buildBackup(backupDeps(source));
    const target = freshDb();
    // Same order, same evidence id "page-1", other bytes.
    const other = new Blob(['<html>another page</html>'], { type: 'text/html' });
    await saveCapture(target, {
      platform: 'aliexpress',
      order: { orderId: '8190123456789012', items: [], sources: {} },
      now: new Date('2026-11-01T00:00:00.000Z'),
      evidence: [{ id: 'page-1', captureId: 'x', kind: 'page-html', blob: other, mime: 'text/html', bytes: other.size, sha256: await sha256Hex(other), capturedAt: '2026-11-01T00:00:00.000Z', capturedAtLocal: '2026-11-01T03:00:00.000+03:00', timeZone: 'Europe/Moscow', page: { url: 'https://www.aliexpress.com/', title: 'x', viewport: { width: 1, height: 1 }, devicePixelRatio: 1 }, extensionVersion: '0.1.0', browser: 'test' }],
    });
    const before = await snapshot(target);
    const outcome = await restoreBackup({ database: target, storage: storage() }, zip);
    const reasons = rejected(outcome).map((r) => r.reason);
    // The log here and the backup's start differently too: both are said.
    expect(reasons).toContain('custody-diverged');
    expect(await snapshot(target)).toEqual(before);
  });

  it('rejects an evidence id used here by another case with a different file', async () => {
    const source = await fullDatabase();
    const zip = await buildBackup(backupDeps(source));
    const target = freshDb();
    const other = new Blob(['other'], { type: 'text/plain' });
    await saveCapture(target, {
      platform: 'taobao',
      order: { orderId: '555', items: [], sources: {} },
      now: new Date('2026-11-01T00:00:00.000Z'),
      evidence: [{ id: 'page-1', captureId: 'x', kind: 'note', blob: other, mime: 'text/plain', bytes: other.size, sha256: await sha256Hex(other), capturedAt: '2026-11-01T00:00:00.000Z', capturedAtLocal: '2026-11-01T08:00:00.000+08:00', timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0', browser: 'test' }],
    });
    const before = await snapshot(target);
    const outcome = await restoreBackup({ database: target, storage: storage() }, zip);
    expect(rejected(outcome)).toEqual([{ table: 'evidence', id: 'page-1', field: 'caseId', reason: 'id-conflict', detail: 'taobao:555' }]);
    expect(restoreMessage(t, outcome, 'en').title).toBe('Nothing was restored: 1 record was rejected. Your data is as it was.');
    expect(await snapshot(target)).toEqual(before);
  });

  it('rejects a case whose custody log here went another way (merging would break it)', async () => {
    const source = freshDb();
    await caseWithCapture(source, new Date('2026-11-20T10:00:00.000Z'));
    const zip = await buildBackup(backupDeps(source));
    const target = freshDb();
    // The same order captured here earlier, with other evidence: the logs differ from the first entry.
    await addNoteCase(target);
    const before = await snapshot(target);
    const outcome = await restoreBackup({ database: target, storage: storage() }, zip);
    expect(rejected(outcome)).toEqual([{ table: 'cases', id: CASE_ID, field: 'custody', reason: 'custody-diverged', detail: '1/1' }]);
    expect(rejectionText(t, rejected(outcome)[0])).toBe(`AliExpress order ${ORDER_ID}: its custody log here and the one in the backup differ; restoring would break yours`);
    expect(await snapshot(target)).toEqual(before);
  });
});

async function addNoteCase(database: DisputeKitDB) {
  const note = new Blob(['earlier'], { type: 'text/plain' });
  await saveCapture(database, {
    platform: 'aliexpress',
    order: { orderId: '8190123456789012', items: [], sources: {} },
    now: new Date('2026-11-01T00:00:00.000Z'),
    evidence: [{ id: 'mine-1', captureId: 'm', kind: 'note', blob: note, mime: 'text/plain', bytes: note.size, sha256: await sha256Hex(note), capturedAt: '2026-11-01T00:00:00.000Z', capturedAtLocal: '2026-11-01T03:00:00.000+03:00', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0', browser: 'test' }],
  });
}

describe('restore validation: every record is checked before anything is written', () => {
  const cases: [string, (m: any, entries: Record<string, Uint8Array>) => void, object][] = [
    ['a field that does not fit the model', (m) => (m.tables.cases[0].platform = 'ebay'), { table: 'cases', id: CASE_ID, field: 'platform', reason: 'invalid' }],
    ['an evidence sha256 that is not its file’s', (m) => (page1(m).sha256 = 'a'.repeat(64)), { table: 'evidence', id: 'page-1', field: 'sha256', reason: 'evidence-hash' }],
    ['a file changed after the backup was made', (m, e) => (e[`blobs/${page1(m).blob.blob}`] = strToU8('<html>edited</html>')), { table: 'evidence', id: 'page-1', field: 'blob', reason: 'file-damaged' }],
    ['a file missing from the ZIP', (m, e) => delete e[`blobs/${page1(m).blob.blob}`], { table: 'evidence', id: 'page-1', field: 'blob', reason: 'file-missing' }],
    ['the same case twice', (m) => m.tables.cases.push(m.tables.cases[0]), { table: 'cases', id: CASE_ID, reason: 'duplicate' }],
    ['a record of a case the backup does not have', (m) => (m.tables.contacts[0].caseId = 'taobao:1'), { table: 'contacts', id: 'contact-1', field: 'caseId', reason: 'no-case' }],
    ['an edited custody entry', (m) => (m.tables.custody[0].at = '2020-01-01T00:00:00.000Z'), { table: 'custody', id: `${CASE_ID} #1`, reason: 'custody-broken' }],
    ['settings that do not fit', (m) => (m.settings = { notifyBeforeHours: 'soon' }), { table: 'settings', field: 'notifyBeforeHours', reason: 'invalid' }],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}, names it, and writes nothing`, async () => {
      const source = await fullDatabase();
      const zip = await altered(await buildBackup(backupDeps(source)), change);
      fakeBrowser.reset();
      const database = freshDb();
      await saveSettings(storage(), { notifyBeforeHours: [12] });
      const before = await snapshot(database);
      const outcome = await restoreBackup({ database, storage: storage() }, zip);
      const list = rejected(outcome);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject(expected);
      expect(await snapshot(database)).toEqual(before);
      expect((await loadSettings(storage())).notifyBeforeHours).toEqual([12]);
    });
  }

  it('says it in plain words, naming the file by its kind, time and order, never by its id', async () => {
    const zip = await altered(await buildBackup(backupDeps(await fullDatabase())), (m) => (page1(m).sha256 = 'b'.repeat(64)));
    const outcome = await restoreBackup({ database: freshDb(), storage: storage() }, zip);
    const at = (lang: string) => new Date('2026-11-20T10:00:00.000Z').toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
    expect(restoreMessage(t, outcome, 'en').lines).toEqual([`Page copy (HTML) · ${at('en')} · AliExpress order ${ORDER_ID}: its recorded SHA-256 does not match its file`]);
    expect(restoreMessage(translator('ru'), outcome, 'ru').lines).toEqual([`Копия страницы (HTML) · ${at('ru')} · AliExpress № ${ORDER_ID}: записанный SHA-256 не совпадает с его файлом`]);
    expect(restoreMessage(translator('zh_CN'), outcome, 'zh-CN').lines).toEqual([`页面副本（HTML） · ${at('zh-CN')} · 速卖通 AliExpress 订单${ORDER_ID}：记录的 SHA-256 与其文件不符`]);
  });

  it('counts a record that fails two checks once, and names a file the user added by its name', async () => {
    const zip = await altered(await buildBackup(backupDeps(await fullDatabase())), (m, entries) => {
      const photo = m.tables.evidence.find((e: any) => e.thumbnail);
      delete entries[`blobs/${photo.blob.blob}`];
      delete entries[`blobs/${photo.thumbnail.blob}`];
    });
    const outcome = await restoreBackup({ database: freshDb(), storage: storage() }, zip);
    expect(rejected(outcome).map((r) => [r.field, r.reason])).toEqual([['blob', 'file-missing'], ['thumbnail', 'file-missing']]);
    const message = restoreMessage(t, outcome, 'en');
    expect(message.title).toBe('Nothing was restored: 1 record was rejected. Your data is as it was.');
    expect(message.lines).toHaveLength(2);
    for (const line of message.lines) expect(line).toMatch(new RegExp(`^“[^”]+\\.(jpg|png)” · .+ · AliExpress order ${ORDER_ID}: its file is missing from the backup$`));
  });
});

describe('a restore that fails while writing', () => {
  it('leaves every table as it was (one transaction)', async () => {
    const source = await fullDatabase();
    const zip = await buildBackup(backupDeps(source));
    // The case as it was before the photo, note, contact…: the restore has something to write to every table.
    const database = freshDb();
    await caseWithCapture(database, new Date('2026-11-20T10:00:00.000Z'));
    const before = await snapshot(database);
    // Contacts are written after cases, evidence, events, checklist and custody.
    database.contacts.hook('creating', () => {
      throw new Error('disk full (injected)');
    });
    await expect(restoreBackup({ database, storage: storage() }, zip)).rejects.toThrow('disk full (injected)');
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('files that are not a readable backup', () => {
  async function outcomeOf(file: Blob) {
    const database = await fullDatabase();
    const before = await snapshot(database);
    const outcome = await restoreBackup({ database, storage: storage() }, file);
    expect(await snapshot(database)).toEqual(before);
    return outcome;
  }
  const good = async () => buildBackup(backupDeps(await fullDatabase()));

  it('not a ZIP', async () => {
    expect(await outcomeOf(new Blob(['{"format":"disputekit-backup"}']))).toEqual({ ok: false, problem: { kind: 'not-zip' } });
  });
  it('cut in half', async () => {
    const whole = new Uint8Array(await (await good()).arrayBuffer());
    const outcome = await outcomeOf(new Blob([whole.slice(0, Math.floor(whole.length / 2))]));
    expect(outcome).toEqual({ ok: false, problem: { kind: 'damaged' } });
    expect(restoreMessage(t, outcome, 'en').title).toMatch(/cut short or damaged.*Nothing was changed/);
  });
  it('a ZIP without backup.json', async () => {
    expect(await outcomeOf(new Blob([zipSync({ 'photo.png': new Uint8Array([1, 2]) }) as BlobPart]))).toEqual({ ok: false, problem: { kind: 'no-manifest' } });
  });
  it('bad JSON', async () => {
    expect(await outcomeOf(new Blob([zipSync({ 'backup.json': strToU8('{"format": "disputekit-backup",') }) as BlobPart]))).toEqual({ ok: false, problem: { kind: 'bad-json' } });
  });
  it('another format', async () => {
    expect(await outcomeOf(await altered(await good(), (m) => (m.format = 'other-backup')))).toEqual({ ok: false, problem: { kind: 'wrong-format', format: 'other-backup' } });
  });
  it('a future format version', async () => {
    const outcome = await outcomeOf(await altered(await good(), (m) => (m.version = 2)));
    expect(outcome).toEqual({ ok: false, problem: { kind: 'future-version', version: 2 } });
    expect(restoreMessage(t, outcome, 'en').title).toBe('This backup was made by a newer DisputeKit (backup format 2). Update DisputeKit to restore it. Nothing was changed.');
  });
  it('a future database version', async () => {
    expect(await outcomeOf(await altered(await good(), (m) => (m.dbVersion = DB_VERSION + 1)))).toEqual({ ok: false, problem: { kind: 'future-database', version: DB_VERSION + 1 } });
  });
  it('a header without its tables', async () => {
    expect(await outcomeOf(await altered(await good(), (m) => delete m.tables))).toMatchObject({ ok: false, problem: { kind: 'bad-manifest', field: 'tables' } });
  });
});

// Issue 12, "a backup can rewrite a case": each crafted backup is rejected with nothing written, and a
// restore only ever extends what is here (the user's dates, deadlines, steps, contacts and facts stay).
import { zipSync } from 'fflate';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { buildBackup } from '@/lib/backup/build';
import { MAX_BACKUP_FILE_BYTES, MAX_ENTRY_BYTES, MAX_MANIFEST_BYTES, MAX_UNPACKED_BYTES } from '@/lib/backup/format';
import { rejectionText, restoreMessage } from '@/lib/backup/report';
import { REJECT_REASONS } from '@/lib/backup/read';
import { restoreBackup } from '@/lib/backup/restore';
import { saveCapture } from '@/lib/cases/cases';
import { setUserDue, setUserEventDate } from '@/lib/cases/case-dates';
import { addContact } from '@/lib/cases/contacts';
import { DisputeKitDB } from '@/lib/cases/db';
import { importFiles } from '@/lib/cases/evidence-import';
import { sha256Hex } from '@/lib/common/hash';
import { LOCALES, translator, type MessageKey } from '@/lib/i18n';
import { getReadings } from '@/lib/cases/readings';
import { altered, files, rejected, snapshot } from '../../support/backup-fixture';
import { CASE_ID, caseWithCapture, importDeps, ORDER_ID } from '../../support/case-fixture';

/** This computer's clock in these tests; every time in the fixtures is before it. */
const NOW = new Date('2026-11-30T12:00:00.000Z');
let dbCount = 0;
const freshDb = () => new DisputeKitDB(`backup-extends-${++dbCount}`);
const storage = () => fakeBrowser.storage.local;
const restore = (database: DisputeKitDB, file: Blob) => restoreBackup({ database, storage: storage(), now: () => NOW }, file);
const backupOf = (database: DisputeKitDB) => buildBackup({ database, storage: storage(), extensionVersion: '0.1.0', now: () => new Date('2026-11-22T12:00:00.000Z') });
const t = translator('en');

const PLACED = '2026-11-01T08:00:00.000+03:00';
const AE02_DUE = '2026-12-20T10:00:00.000+03:00';

/** The user's case: a captured page, a date and a deadline set by hand, a ticked step and a logged contact. */
async function usersCase(database = freshDb()): Promise<DisputeKitDB> {
  await caseWithCapture(database);
  await setUserEventDate(database, CASE_ID, 'placed', PLACED, new Date('2026-11-20T11:00:00.000Z'));
  await setUserDue(database, CASE_ID, 'AE-02', AE02_DUE, new Date('2026-11-20T11:05:00.000Z'));
  await database.checklist.put({ caseId: CASE_ID, stepId: 'open-dispute', state: 'done', at: '2026-11-21T09:30:00.000Z' });
  await addContact(database, { caseId: CASE_ID, at: '2026-11-21T09:00:00.000Z', channel: 'seller-chat', reference: 'T-1', summary: 'Asked for a refund' }, () => 'contact-1');
  return database;
}

/** A second case in the same database, with a note of its own. */
async function addTaobaoCase(database: DisputeKitDB): Promise<void> {
  const note = new Blob(['mine'], { type: 'text/plain' });
  await saveCapture(database, {
    platform: 'taobao',
    order: { orderId: '555666777', items: [], sources: {} },
    now: new Date('2026-11-01T00:00:00.000Z'),
    evidence: [{ id: 'mine-1', captureId: 'm', kind: 'note', blob: note, mime: 'text/plain', bytes: note.size, sha256: await sha256Hex(note), capturedAt: '2026-11-01T00:00:00.000Z', capturedAtLocal: '2026-11-01T08:00:00.000+08:00', timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0', browser: 'test' }],
  });
}

/** When caseWithCapture's page was captured, as the report writes it in `lang` (the process's zone). */
const CAPTURED = (lang: string) => new Date('2026-11-20T10:00:00.000Z').toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

const caseOf = (m: any) => m.tables.cases.find((c: any) => c.id === CASE_ID);
const page1 = (m: any) => m.tables.evidence.find((e: any) => e.id === 'page-1');
/** Every record of the case moved to another case id. */
function renameCase(m: any, id: string) {
  for (const table of Object.keys(m.tables)) for (const row of m.tables[table]) if (row.caseId === CASE_ID) row.caseId = id;
  caseOf(m).id = id;
}
const ATTACKER_FACTS = { store: { name: 'Attacker Store' }, total: { amount: 1, currency: 'USD' }, status: 'Completed' };

/** Restores `file` into `database` and checks that it was refused and that nothing at all changed. */
async function refusedWithNothingWritten(database: DisputeKitDB, file: Blob) {
  const before = await snapshot(database);
  const outcome = await restore(database, file);
  const list = rejected(outcome);
  expect(await snapshot(database)).toEqual(before);
  return { list, outcome };
}

describe('a crafted backup is rejected, named, and nothing is written', () => {
  it('evidence moved to another case (it is in the custody log of the case it came from)', async () => {
    const source = await usersCase();
    await addTaobaoCase(source);
    const zip = await altered(await backupOf(source), (m) => (page1(m).caseId = 'taobao:555666777'));
    const { list, outcome } = await refusedWithNothingWritten(freshDb(), zip);
    expect(list).toEqual([{ table: 'evidence', id: 'page-1', field: 'caseId', reason: 'custody-other-case', detail: CASE_ID }]);
    // Named by what it is, when it was captured and the order it claims: never by its id.
    expect(restoreMessage(t, outcome, 'en').lines).toEqual([
      `Page copy (HTML) · ${CAPTURED('en')} · Taobao order 555666777: it is in the custody log of AliExpress order ${ORDER_ID}, not of its own case: it was moved between cases`,
    ]);
    expect(restoreMessage(translator('zh_CN'), outcome, 'zh-CN').lines).toEqual([
      `页面副本（HTML） · ${CAPTURED('zh-CN')} · 淘宝订单555666777：它记录在速卖通 AliExpress 订单${ORDER_ID}的保管链记录中，而不在所属案件的日志中：它被移到了别的案件`,
    ]);
  });

  it('a case with updatedAt in year 9999 (it would sort before every real case)', async () => {
    const database = await usersCase();
    const zip = await altered(await backupOf(database), (m) => {
      caseOf(m).updatedAt = '9999-12-31T23:59:59.000Z';
      Object.assign(caseOf(m).order, ATTACKER_FACTS);
    });
    const { list, outcome } = await refusedWithNothingWritten(database, zip);
    expect(list).toEqual([{ table: 'cases', id: CASE_ID, field: 'updatedAt', reason: 'bad-time', detail: '9999-12-31T23:59:59.000Z' }]);
    expect(restoreMessage(t, outcome, 'en').lines).toEqual([`AliExpress order ${ORDER_ID}: “updatedAt”: not a valid time (9999-12-31T23:59:59.000Z)`]);
  });

  it('a case dated tomorrow: a time in the future, named in the user’s language', async () => {
    const database = await usersCase();
    const zip = await altered(await backupOf(database), (m) => (caseOf(m).updatedAt = '2026-12-01T12:00:00.000Z'));
    const { list, outcome } = await refusedWithNothingWritten(database, zip);
    expect(list).toEqual([{ table: 'cases', id: CASE_ID, field: 'updatedAt', reason: 'future-time', detail: '2026-12-01T12:00:00.000Z' }]);
    const tomorrow = (lang: string) => new Date('2026-12-01T12:00:00.000Z').toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
    expect(restoreMessage(translator('ru'), outcome, 'ru').lines).toEqual([`AliExpress № ${ORDER_ID}: «updatedAt»: время в будущем (${tomorrow('ru')}); проверьте часы на этом компьютере`]);
    expect(restoreMessage(translator('zh_CN'), outcome, 'zh-CN').lines).toEqual([`速卖通 AliExpress 订单${ORDER_ID}：“updatedAt”：时间在未来（${tomorrow('zh-CN')}）；请检查本机的时钟`]);
  });

  it('an empty custody log: the items it no longer vouches for are unlogged', async () => {
    const database = await usersCase();
    const zip = await altered(await backupOf(database), (m) => (m.tables.custody = []));
    // Into an empty profile and into the one it came from alike: the backup's own log must vouch for its items.
    for (const target of [freshDb(), database]) {
      const { list } = await refusedWithNothingWritten(target, zip);
      expect(list).toEqual([{ table: 'evidence', id: 'page-1', field: 'caseId', reason: 'custody-missing' }]);
    }
  });

  it('an unlogged item added (the exported dossier would otherwise vouch for it)', async () => {
    const database = await usersCase();
    const zip = await altered(await backupOf(database), (m) => m.tables.evidence.push({ ...page1(m), id: 'forged-1', captureId: 'forged' }));
    for (const target of [freshDb(), database]) {
      const { list } = await refusedWithNothingWritten(target, zip);
      expect(list).toEqual([{ table: 'evidence', id: 'forged-1', field: 'caseId', reason: 'custody-missing' }]);
    }
  });

  it('a case id that is not platform:orderId (every later capture of that order would fail)', async () => {
    const zip = await backupOf(await usersCase());
    const renamed = await altered(zip, (m) => renameCase(m, 'evil-case'));
    expect((await refusedWithNothingWritten(freshDb(), renamed)).list).toEqual([{ table: 'cases', id: 'evil-case', field: 'id', reason: 'bad-case-id', detail: CASE_ID }]);
    const otherOrder = await altered(zip, (m) => renameCase(m, 'aliexpress:1111111111111111'));
    expect((await refusedWithNothingWritten(freshDb(), otherOrder)).list).toMatchObject([{ id: 'aliexpress:1111111111111111', reason: 'bad-case-id', detail: CASE_ID }]);
    const factsOfAnother = await altered(zip, (m) => (caseOf(m).order.orderId = '1111111111111111'));
    expect((await refusedWithNothingWritten(freshDb(), factsOfAnother)).list).toEqual([{ table: 'cases', id: CASE_ID, field: 'order.orderId', reason: 'facts-other-order', detail: '1111111111111111' }]);
  });

  it('two case ids for one order in the backup: reported, not thrown', async () => {
    const zip = await altered(await backupOf(await usersCase()), (m) => m.tables.cases.push({ ...caseOf(m), id: 'second-id' }));
    const { list } = await refusedWithNothingWritten(freshDb(), zip);
    expect(list).toEqual([{ table: 'cases', id: 'second-id', field: 'id', reason: 'bad-case-id', detail: CASE_ID }]);
  });

  it('a case here for the same order under another id: a rejection, not a thrown ConstraintError', async () => {
    const zip = await backupOf(await usersCase());
    const database = freshDb();
    // As an earlier restore that accepted any id could have left it.
    await database.cases.add({ id: 'legacy-id', platform: 'aliexpress', orderId: ORDER_ID, order: { orderId: ORDER_ID, items: [], sources: {} }, state: 'open', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    const { list } = await refusedWithNothingWritten(database, zip);
    expect(list).toEqual([{ table: 'cases', id: CASE_ID, field: 'orderId', reason: 'order-collision', detail: 'legacy-id' }]);
    expect(rejectionText(t, list[0])).toBe(`AliExpress order ${ORDER_ID}: this order already has a case here under another name`);
  });

  const badTimes: [string, (m: any) => void, object][] = [
    ['a contact time that is not a date', (m) => (m.tables.contacts[0].at = 'yesterday'), { table: 'contacts', id: 'contact-1', field: 'at', reason: 'bad-time' }],
    ['a capture time before 2000', (m) => (page1(m).capturedAt = '1970-01-01T00:00:00.000Z'), { table: 'evidence', id: 'page-1', field: 'capturedAt', reason: 'bad-time' }],
    ['a hand-set deadline in year 9999', (m) => (caseOf(m).userDue['AE-02'] = '9999-01-01T00:00:00.000Z'), { table: 'cases', id: CASE_ID, field: 'userDue.AE-02', reason: 'bad-time' }],
    ['a checklist answer given in the future', (m) => (m.tables.checklist[0].at = '2027-01-01T00:00:00.000Z'), { table: 'checklist', field: 'at', reason: 'future-time' }],
    ['a custody entry in the future', (m) => (m.tables.custody[0].at = '2030-01-01T00:00:00.000Z'), { table: 'custody', field: 'at', reason: 'future-time' }],
    ['an export time in the future', (m) => (m.exportedAt = '2031-01-01T00:00:00.000Z'), { table: 'backup', id: 'backup.json', field: 'exportedAt', reason: 'future-time' }],
  ];
  for (const [what, change, expected] of badTimes) {
    it(`${what}`, async () => {
      const zip = await altered(await backupOf(await usersCase()), change);
      const { list } = await refusedWithNothingWritten(freshDb(), zip);
      expect(list[0]).toMatchObject(expected);
    });
  }
});

/** The ZIP's central directory, entry by entry: where each record starts, its name and its declared sizes. */
function centralDirectory(zip: Uint8Array): { offset: number; name: string }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({ offset, name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)) });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** The same ZIP with the central directory claiming other uncompressed sizes for some entries: nothing else changes. */
function declaring(zip: Uint8Array, sizes: Record<string, number>): Blob {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const entry of centralDirectory(copy)) if (entry.name in sizes) view.setUint32(entry.offset + 24, sizes[entry.name], true);
  return new Blob([copy as BlobPart]);
}

describe('sizes are checked from the ZIP’s directory before anything is inflated', () => {
  /** A backup with two stored (not deflated) image files: blobs/b000002 (the photo) and blobs/b000003 (its thumbnail). */
  async function backupWithPhoto(): Promise<{ database: DisputeKitDB; zip: Uint8Array; stored: string[] }> {
    const database = await usersCase();
    const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'box.png', { type: 'image/png', lastModified: Date.parse('2026-11-19T09:00:00Z') });
    await importFiles(importDeps(database), CASE_ID, [photo]);
    const zip = new Uint8Array(await (await backupOf(database)).arrayBuffer());
    const manifest = JSON.parse(new TextDecoder().decode((await files(new Blob([zip as BlobPart])))['backup.json']));
    const stored = manifest.blobs.filter((b: any) => b.type.startsWith('image/')).map((b: any) => `blobs/${b.id}`);
    expect(stored).toHaveLength(2);
    return { database, zip, stored };
  }

  it('an entry that says it unpacks to 3 GiB is refused with a clear message (no 3 GiB buffer is made)', async () => {
    const { zip, stored } = await backupWithPhoto();
    const target = freshDb();
    const before = await snapshot(target);
    const outcome = await restore(target, declaring(zip, { [stored[0]]: 3 * 1024 ** 3 }));
    expect(outcome).toEqual({ ok: false, problem: { kind: 'entry-too-large', name: stored[0], bytes: 3 * 1024 ** 3, max: MAX_ENTRY_BYTES } });
    expect(restoreMessage(t, outcome, 'en').title).toBe(`The file “${stored[0]}” in this backup would unpack to 3.2 GB, more than a restore can take (1.1 GB). Nothing was changed.`);
    expect(await snapshot(target)).toEqual(before);
  });

  it('entries each under the cap whose declared total is over it are refused', async () => {
    const { zip, stored } = await backupWithPhoto();
    const outcome = await restore(freshDb(), declaring(zip, { [stored[0]]: MAX_ENTRY_BYTES, [stored[1]]: MAX_ENTRY_BYTES, 'backup.json': 1024 }));
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'unpacked-too-large', max: MAX_UNPACKED_BYTES } });
    expect(restoreMessage(translator('ru'), outcome, 'ru').title).toMatch(/^Копия после распаковки займёт 2,1 ГБ — больше, чем допускает восстановление \(2,1 ГБ\)\. Ничего не изменено\.$/);
  });

  it('a backup.json over its own cap is refused', async () => {
    const { zip } = await backupWithPhoto();
    const outcome = await restore(freshDb(), declaring(zip, { 'backup.json': MAX_MANIFEST_BYTES + 1 }));
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'entry-too-large', name: 'backup.json', max: MAX_MANIFEST_BYTES } });
  });

  it('two entries with one name are refused: which one is the backup’s cannot be told', async () => {
    const { zip, stored } = await backupWithPhoto();
    // Rename the thumbnail's entry in the directory to the photo's name (same length).
    const copy = zip.slice();
    const entry = centralDirectory(copy).find((e) => e.name === stored[1])!;
    copy.set(new TextEncoder().encode(stored[0]), entry.offset + 46);
    expect(await restore(freshDb(), new Blob([copy as BlobPart]))).toEqual({ ok: false, problem: { kind: 'duplicate-entry', name: stored[0] } });
  });

  it('a file over the cap is refused before it is read', async () => {
    const huge = { size: MAX_BACKUP_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const outcome = await restore(freshDb(), huge);
    expect(outcome).toEqual({ ok: false, problem: { kind: 'file-too-large', bytes: MAX_BACKUP_FILE_BYTES + 1, max: MAX_BACKUP_FILE_BYTES } });
    expect(restoreMessage(translator('zh_CN'), outcome, 'zh-CN').title).toBe('此备份太大，无法恢复（2.1 GB，上限为2.1 GB）。未做任何更改。');
  });

  it('an entry that lies small about its size comes out short and fails its SHA-256', async () => {
    const database = await usersCase();
    const zip = new Uint8Array(await (await backupOf(database)).arrayBuffer());
    const outcome = await restore(freshDb(), declaring(zip, { 'blobs/b000001': 3 }));
    expect(rejected(outcome)).toEqual([{ table: 'evidence', id: 'page-1', field: 'blob', reason: 'file-damaged', detail: 'b000001' }]);
  });
});

describe('a restore only extends: what is here stays', () => {
  it('a backup with an empty log, no evidence, fewer dates and no steps or contacts deletes nothing here', async () => {
    const database = await usersCase();
    const zip = await altered(await backupOf(database), (m) => {
      const record = caseOf(m);
      delete record.dates;
      delete record.userDue;
      record.updatedAt = '2026-11-29T00:00:00.000Z';
      Object.assign(m.tables, { custody: [], evidence: [], checklist: [], contacts: [], events: [], readings: [] });
      m.blobs = [];
    });
    const before = await snapshot(database);
    const outcome = await restore(database, zip);
    expect(outcome).toMatchObject({ ok: true, report: { cases: [{ caseId: CASE_ID, outcome: 'extended' }] } });
    const after = await snapshot(database);
    // Only the case's last-changed time moved (the later of the two); every record and every user value is as it was.
    expect(after).toEqual({ ...before, cases: [{ ...before.cases[0], updatedAt: '2026-11-29T00:00:00.000Z' }] });
    expect(after.cases[0]).toMatchObject({ dates: { placed: { at: PLACED, setBy: 'user' } }, userDue: { 'AE-02': AE02_DUE } });
  });

  it('merges dates, deadlines, steps and contacts; keeps the case’s facts and adds the backup’s beside them as a reading', async () => {
    const database = await usersCase();
    const localFacts = (await database.cases.get(CASE_ID))!.order;
    const zip = await altered(await backupOf(database), (m) => {
      const record = caseOf(m);
      record.dates = { shipped: { at: '2026-11-05T10:00:00.000+08:00', setBy: 'user' } };
      record.userDue = { 'AE-02': '2026-12-25T00:00:00.000Z', 'AE-05': '2026-12-28T00:00:00.000Z' };
      record.updatedAt = '2026-11-29T00:00:00.000Z';
      Object.assign(record.order, ATTACKER_FACTS);
      m.tables.checklist = [
        { caseId: CASE_ID, stepId: 'open-dispute', state: 'skipped', at: '2026-11-29T00:00:00.000Z' },
        { caseId: CASE_ID, stepId: 'ask-seller', state: 'done', at: '2026-11-19T00:00:00.000Z' },
      ];
      m.tables.contacts = [{ id: 'contact-2', caseId: CASE_ID, at: '2026-11-25T09:00:00.000Z', channel: 'platform-support', summary: 'Opened a ticket' }];
    });
    const outcome = await restore(database, zip);
    expect(outcome).toMatchObject({ ok: true, report: { cases: [{ caseId: CASE_ID, outcome: 'extended', factsKept: true, userValuesKept: 1 }] } });

    const record = (await database.cases.get(CASE_ID))!;
    expect(record.order).toEqual(localFacts);
    expect(record.dates).toEqual({ placed: { at: PLACED, setBy: 'user' }, shipped: { at: '2026-11-05T10:00:00.000+08:00', setBy: 'user' } });
    expect(record.userDue).toEqual({ 'AE-02': AE02_DUE, 'AE-05': '2026-12-28T00:00:00.000Z' });
    expect(Object.fromEntries((await database.checklist.where('caseId').equals(CASE_ID).toArray()).map((s) => [s.stepId, s.state]))).toEqual({ document: 'done', 'open-dispute': 'done', 'ask-seller': 'done' }); // document: ticked by the local case's capture (issue 11)
    expect((await database.contacts.where('caseId').equals(CASE_ID).toArray()).map((c) => c.id).sort()).toEqual(['contact-1', 'contact-2']);
    const fromBackup = (await getReadings(database, CASE_ID)).filter((r) => r.source === 'backup');
    expect(fromBackup).toMatchObject([{ at: '2026-11-29T00:00:00.000Z', order: { store: { name: 'Attacker Store' }, status: 'Completed' } }]);

    const lines = restoreMessage(t, outcome, 'en').lines;
    expect(lines).toContain(`AliExpress order ${ORDER_ID}: the backup’s order facts differ from yours. Yours are kept; the backup’s are kept beside them as a reading, shown on the case page.`);
    expect(lines).toContain(`AliExpress order ${ORDER_ID}: 1 of your dates or deadlines differs from the backup’s; yours is kept.`);
    // Restoring the same file again adds nothing: the backup's reading is already here.
    const again = await snapshot(database);
    expect(await restore(database, zip)).toMatchObject({ ok: true });
    expect(await snapshot(database)).toEqual(again);
  });

  it('a backup made before readings were kept (no readings table) still restores', async () => {
    const zip = await altered(await backupOf(await usersCase()), (m) => {
      delete m.tables.readings;
      m.dbVersion = 4;
    });
    const database = freshDb();
    expect(await restore(database, zip)).toMatchObject({ ok: true, report: { cases: [{ caseId: CASE_ID, outcome: 'added' }] } });
    expect((await database.cases.get(CASE_ID))?.userDue).toEqual({ 'AE-02': AE02_DUE });
  });

  it('a backup rewritten by another ZIP writer (fflate zipSync, all entries deflated) still restores', async () => {
    const entries = await files(await backupOf(await usersCase()));
    const database = freshDb();
    expect(await restore(database, new Blob([zipSync(entries) as BlobPart]))).toMatchObject({ ok: true });
    expect(await database.evidence.count()).toBe(1);
  });
});

describe('the restore report', () => {
  it('has every rejection reason, table and size problem in en, zh_CN and ru', () => {
    const keys = [
      ...REJECT_REASONS.map((r) => `restore.reason.${r}`),
      ...['cases', 'evidence', 'events', 'checklist', 'custody', 'contacts', 'sentNotifications', 'readings'].map((table) => `restore.record.${table}`),
      'restore.subject.settings',
      'restore.subject.backup',
      ...['sequence', 'link', 'edited', 'malformed'].map((kind) => `restore.custodyBreak.${kind}`),
      ...['file-too-large', 'entry-too-large', 'unpacked-too-large', 'too-many-entries', 'duplicate-entry'].map((kind) => `restore.problem.${kind}`),
    ];
    for (const catalogue of Object.values(LOCALES)) for (const key of keys) expect(catalogue[key as MessageKey], key).toEqual(expect.any(String));
  });
});

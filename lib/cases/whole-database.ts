/**
 * The whole database at once, table by table as TABLE_NAMES (lib/cases/db.ts) declares them: what a backup
 * reads (lib/backup/build.ts) and what a restore reads and writes in one transaction (lib/backup/restore.ts).
 */
import Dexie from 'dexie';
import type { CustodyEntry } from './custody';
import { caseTables } from './cases';
import { type DisputeKitDB } from './db';
import { TABLE_NAMES, type TableName, type TableRows } from './schema';
import type { Reading, TimelineEvent } from '../common/model';
import { checklistKey, orderKey, sentKey, type LocalState } from '../backup/merge';

/** Every row of every table, read in one transaction so the tables agree with each other (custody in [caseId+seq] order). */
export async function readEveryTable(database: DisputeKitDB): Promise<TableRows> {
  return database.transaction('r', caseTables(database), async () => {
    const rows: Partial<Record<TableName, unknown[]>> = {};
    for (const name of TABLE_NAMES) rows[name] = await database[name].toArray();
    return rows as TableRows;
  });
}

/** What the database holds that the plan must know about; call inside the restore's transaction. */
async function readLocalState(database: DisputeKitDB, backup: TableRows): Promise<LocalState> {
  const caseIds = backup.cases.map((c) => c.id);
  const cases = (await database.cases.bulkGet(caseIds)).filter((c) => c !== undefined);
  const evidence = (await database.evidence.bulkGet(backup.evidence.map((e) => e.id))).filter((e) => e !== undefined);
  const caseIdByOrder = new Map<string, string>();
  const custody = new Map<string, CustodyEntry[]>();
  const events = new Map<string, TimelineEvent[]>();
  const readings = new Map<string, Reading[]>();
  for (const theirs of backup.cases) {
    const caseId = theirs.id;
    const sameOrder = await database.cases.where('[platform+orderId]').equals([theirs.platform, theirs.orderId]).first();
    if (sameOrder) caseIdByOrder.set(orderKey(theirs), sameOrder.id);
    const log = await database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
    if (log.length > 0) custody.set(caseId, log);
    const caseEvents = await database.events.where('caseId').equals(caseId).toArray();
    if (caseEvents.length > 0) events.set(caseId, caseEvents);
    const caseReadings = await database.readings.where('caseId').equals(caseId).toArray();
    if (caseReadings.length > 0) readings.set(caseId, caseReadings);
  }
  const backupEventIds = backup.events.flatMap((e) => (e.id === undefined ? [] : [e.id]));
  const usedEvents = (await database.events.bulkGet(backupEventIds)).filter((e) => e !== undefined);
  const usedReadings = (await database.readings.bulkGet(backup.readings.flatMap((r) => (r.id === undefined ? [] : [r.id])))).filter((r) => r !== undefined);
  const checklist = (await database.checklist.bulkGet(backup.checklist.map((s) => [s.caseId, s.stepId] as [string, string]))).filter((s) => s !== undefined);
  const contacts = (await database.contacts.bulkGet(backup.contacts.map((c) => c.id))).filter((c) => c !== undefined);
  const sent = (await database.sentNotifications.bulkGet(backup.sentNotifications.map((n) => [n.caseId, n.rule, n.thresholdHours] as [string, string, number]))).filter((n) => n !== undefined);
  return {
    cases: new Map(cases.map((c) => [c.id, c])),
    caseIdByOrder,
    evidence: new Map(evidence.map((e) => [e.id, { caseId: e.caseId, sha256: e.sha256 }])),
    custody,
    events,
    eventIdsInUse: new Set(usedEvents.map((e) => e.id!)),
    readings,
    readingIdsInUse: new Set(usedReadings.map((r) => r.id!)),
    checklist: new Map(checklist.map((s) => [checklistKey(s), s])),
    contactIds: new Set(contacts.map((c) => c.id)),
    sentNotificationKeys: new Set(sent.map(sentKey)),
  };
}

/** Tables whose merged rows replace what is here (the merge decided so); every other table's rows are new, added. */
const REPLACED: ReadonlySet<TableName> = new Set<TableName>(['cases', 'checklist']);

/** The one write of a restore, table by table. Call inside a transaction over every table. */
async function writeRows(database: DisputeKitDB, writes: TableRows): Promise<void> {
  for (const name of TABLE_NAMES) {
    const table = database[name] as Dexie.Table;
    let rows = writes[name] as { id?: unknown }[];
    // Rows that keep their ids first: an id-less one added before could be given one of those ids.
    if (table.schema.primKey.auto) rows = [...rows.filter((r) => r.id !== undefined), ...rows.filter((r) => r.id === undefined)];
    await (REPLACED.has(name) ? table.bulkPut(rows) : table.bulkAdd(rows));
  }
}

/**
 * In ONE transaction over every table: reads what the database holds of the backup's rows, lets `plan` decide
 * (a pure function), and writes what it returns, or nothing when it returns no writes. A failure while writing
 * aborts the transaction, so the database stays as it was.
 */
export async function mergeInOneTransaction<P>(database: DisputeKitDB, incoming: TableRows, plan: (local: LocalState) => { planned: P; writes: TableRows | undefined }): Promise<P> {
  return database.transaction('rw', caseTables(database), async () => {
    const { planned, writes } = plan(await readLocalState(database, incoming));
    if (writes) await writeRows(database, writes);
    return planned;
  });
}

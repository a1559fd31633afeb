/**
 * Restoring a backup file: read and check everything (lib/backup/read.ts), then, in ONE transaction over
 * every table, read what is here, plan the merge (lib/backup/merge.ts) and write it. Any rejection writes
 * nothing; a failure while writing aborts the transaction, so the database stays as it was.
 */
import Dexie from 'dexie';
import { getCurrentCaseId, setCurrentCase, type KeyValueArea } from '../cases/current-case';
import type { CustodyEntry } from '../cases/custody';
import type { DisputeKitDB } from '../cases/db';
import type { Reading, TimelineEvent } from '../common/model';
import { saveSettings, type SettingsStorage } from '../settings/settings';
import { MAX_BACKUP_FILE_BYTES } from './format';
import { checklistKey, orderKey, planRestore, sentKey, type LocalState, type RestorePlan } from './merge';
import { describeRejected, openBackup, validateBackup, type FileProblem, type Rejection, type ValidBackup } from './read';

export interface RestoreReport {
  cases: RestorePlan['cases'];
  added: { evidence: number; events: number; checklist: number; custody: number; contacts: number; sentNotifications: number; readings: number };
  skippedIdentical: number;
  skippedDeleted: number;
  settingsRestored: boolean;
  currentCaseRestored: boolean;
  exportedAt: string;
}

export type RestoreOutcome =
  | { ok: true; report: RestoreReport }
  /** The file is not a backup this version can read; nothing was written. */
  | { ok: false; problem: FileProblem }
  /** Some records did not pass; nothing was written. */
  | { ok: false; rejected: Rejection[] };

export interface RestoreDeps {
  database: DisputeKitDB;
  storage: KeyValueArea & SettingsStorage;
  /** This computer's clock: no time in the backup may be later (lib/backup/checks.ts). */
  now?(): Date;
}

function allTables(database: DisputeKitDB) {
  return [database.cases, database.evidence, database.events, database.checklist, database.custody, database.contacts, database.sentNotifications, database.readings];
}

/** What the database holds that the plan must know about; call inside the restore's transaction. */
async function readLocalState(database: DisputeKitDB, backup: ValidBackup): Promise<LocalState> {
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

/** The one write of a restore. Call inside a transaction over every table. */
async function writePlan(database: DisputeKitDB, writes: RestorePlan['writes']): Promise<void> {
  await database.cases.bulkPut(writes.cases);
  await database.evidence.bulkAdd(writes.evidence);
  // Events that keep their ids first: an id-less one added before could be given one of those ids.
  await database.events.bulkAdd([...writes.events.filter((e) => e.id !== undefined), ...writes.events.filter((e) => e.id === undefined)]);
  await database.checklist.bulkPut(writes.checklist);
  await database.custody.bulkAdd(writes.custody);
  await database.contacts.bulkAdd(writes.contacts);
  await database.sentNotifications.bulkAdd(writes.sentNotifications);
  await database.readings.bulkAdd([...writes.readings.filter((r) => r.id !== undefined), ...writes.readings.filter((r) => r.id === undefined)]);
}

/**
 * Reads, checks and merges the backup into the database: all of it or, if anything is rejected or
 * fails, none of it. Settings and the current case are written after the records are in.
 */
export async function restoreBackup(deps: RestoreDeps, file: Blob): Promise<RestoreOutcome> {
  // Refused before it is read: the restore holds the whole file in memory.
  if (file.size > MAX_BACKUP_FILE_BYTES) return { ok: false, problem: { kind: 'file-too-large', bytes: file.size, max: MAX_BACKUP_FILE_BYTES } };
  const opened = openBackup(new Uint8Array(await file.arrayBuffer()));
  if (!opened.ok) return { ok: false, problem: opened.problem };
  // Files are hashed here, before the transaction: IndexedDB would commit it while WebCrypto works.
  const { backup, rejected } = await validateBackup(opened.manifest, opened.files, deps.now?.() ?? new Date());

  const { database } = deps;
  const plan = await database.transaction('rw', allTables(database), async () => {
    const planned = planRestore(backup, await readLocalState(database, backup));
    if (rejected.length === 0 && planned.rejected.length === 0) await writePlan(database, planned.writes);
    return planned;
  });
  const allRejected = [...rejected, ...plan.rejected];
  if (allRejected.length > 0) return { ok: false, rejected: describeRejected(opened.manifest, allRejected) };

  let settingsRestored = false;
  if (backup.settings) {
    await saveSettings(deps.storage, backup.settings);
    settingsRestored = true;
  }
  // The backup's current case only when there is none here: the user's own choice is newer.
  let currentCaseRestored = false;
  if (backup.currentCase && !(await getCurrentCaseId(deps.storage)) && (await database.cases.get(backup.currentCase.caseId))) {
    await setCurrentCase(deps.storage, backup.currentCase.caseId, new Date(backup.currentCase.at));
    currentCaseRestored = true;
  }
  const w = plan.writes;
  return {
    ok: true,
    report: {
      cases: plan.cases,
      added: {
        evidence: w.evidence.length,
        events: w.events.length,
        checklist: w.checklist.length,
        custody: w.custody.length,
        contacts: w.contacts.length,
        sentNotifications: w.sentNotifications.length,
        readings: w.readings.length,
      },
      skippedIdentical: plan.skippedIdentical,
      skippedDeleted: plan.skippedDeleted,
      settingsRestored,
      currentCaseRestored,
      exportedAt: backup.exportedAt,
    },
  };
}

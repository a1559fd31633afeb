/**
 * Merging a checked backup into what the user has: a pure plan of what to write, and what the report says.
 * A restore only ever extends what is here; nothing here is replaced or removed because a backup says so:
 * - a case that is not here is added whole; a case here keeps its order facts, state, dates, hand-set
 *   deadlines, checklist answers and contacts, and gets what the backup has and it lacks (dates and
 *   deadlines it has not set, steps it has not answered, contacts, events, notifications, readings);
 * - where the backup's order facts differ from the case's, they are kept beside them as a reading
 *   (source 'backup', lib/cases/readings.ts) and the report says so: no copy is lost, the case page shows both;
 * - no time decides anything: a backup's times are only checked (lib/backup/checks.ts), and the case's
 *   `updatedAt` becomes the later of the two;
 * - the custody log here is only extended: the backup's log must continue it (or be its start), and every
 *   item must be one the resulting log says the case holds; an item the log here says was deleted since
 *   stays deleted; an evidence id here with another file is rejected;
 * - a case here for the same order under another id (or this id for another order) is rejected, not thrown.
 */
import { canonicalJson, expectedEvidence, type CustodyEntry } from '../cases/custody';
import type { TableRows } from '../cases/schema';
import type { CaseRecord, ChecklistStepState, EvidenceRecord, Reading, SentNotification, TimelineEvent } from '../common/model';
import { groupByCase, type Rejection, type ValidBackup } from './read';

/** What the database holds of the backup's cases and ids, read in the restore's transaction. */
export interface LocalState {
  cases: Map<string, CaseRecord>;
  /** The id of the case here for each `platform:orderId` of the backup's cases, when there is one. */
  caseIdByOrder: Map<string, string>;
  /** Local evidence rows with the ids of the backup's evidence. */
  evidence: Map<string, Pick<EvidenceRecord, 'caseId' | 'sha256'>>;
  /** Each local case's custody log, in seq order (only cases the backup has). */
  custody: Map<string, CustodyEntry[]>;
  /** Each local case's events (only cases the backup has). */
  events: Map<string, TimelineEvent[]>;
  /** Event ids already used here, among the backup's event ids. */
  eventIdsInUse: Set<number>;
  /** Each local case's readings (only cases the backup has). */
  readings: Map<string, Reading[]>;
  /** Reading ids already used here, among the backup's reading ids. */
  readingIdsInUse: Set<number>;
  /** Checklist steps here, by `${caseId} ${stepId}`, among the backup's. */
  checklist: Map<string, ChecklistStepState>;
  contactIds: Set<string>;
  /** `${caseId} ${rule} ${thresholdHours}` of notifications already recorded here, among the backup's. */
  sentNotificationKeys: Set<string>;
}

/** 'extended': the case was here and got something from the backup; 'unchanged': the backup had nothing it lacked. */
export type CaseOutcome = 'added' | 'extended' | 'unchanged';

export interface CaseReport {
  caseId: string;
  outcome: CaseOutcome;
  /** The backup's order facts differ from the case's here: the case kept its own, the backup's became a reading. */
  factsKept?: boolean;
  /** How many of the user's dates and hand-set deadlines here differ from the backup's (the ones here are kept). */
  userValuesKept?: number;
}

export interface RestorePlan {
  writes: TableRows;
  /** What happened to each case of the backup that was not rejected. */
  cases: CaseReport[];
  /** Evidence that was here already with the same file. */
  skippedIdentical: number;
  /** Evidence the custody log here says was deleted after the backup was made: it stays deleted. */
  skippedDeleted: number;
  rejected: Rejection[];
}

export const checklistKey = (s: Pick<ChecklistStepState, 'caseId' | 'stepId'>) => `${s.caseId} ${s.stepId}`;
export const sentKey = (n: Pick<SentNotification, 'caseId' | 'rule' | 'thresholdHours'>) => `${n.caseId} ${n.rule} ${n.thresholdHours}`;
export const orderKey = (c: Pick<CaseRecord, 'platform' | 'orderId'>) => `${c.platform}:${c.orderId}`;
const eventKey = (e: TimelineEvent) => `${e.type} ${e.at} ${(e.evidenceIds ?? []).join(',')}`;
const readingKey = ({ id: _id, ...reading }: Reading) => canonicalJson(reading);

function byCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.caseId, [...(map.get(row.caseId) ?? []), row]);
  return map;
}

/** True when `shorter` is the start of `longer`, entry for entry (each entry's hash covers its place in the chain). */
function isPrefix(shorter: CustodyEntry[], longer: CustodyEntry[]): boolean {
  return shorter.length <= longer.length && shorter.every((entry, i) => entry.hash === longer[i].hash);
}

/** A row's id is kept unless the database already uses it; then the database gives it a new one. */
function withFreeId<T extends { id?: number }>(row: T, inUse: Set<number>): T {
  if (row.id === undefined || !inUse.has(row.id)) return row;
  const { id: _taken, ...rest } = row;
  return rest as T;
}

const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);
const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/** Keys of `theirs` that `mine` lacks are added; where both have a key, mine stays. Returns the merge and how many differed. */
function mergeUserValues<V>(mine: Record<string, V> | undefined, theirs: Record<string, V> | undefined): { merged: Record<string, V> | undefined; kept: number } {
  if (!theirs) return { merged: mine, kept: 0 };
  let kept = 0;
  const merged: Record<string, V> = { ...(mine ?? {}) };
  for (const [key, value] of Object.entries(theirs)) {
    if (!(key in merged)) merged[key] = value;
    else if (canonicalJson(merged[key]) !== canonicalJson(value)) kept++;
  }
  return { merged, kept };
}

/** The case as it is here with what the backup adds: facts, state and the user's values here all stay. */
function mergeCase(mine: CaseRecord, theirs: CaseRecord): { record: CaseRecord; userValuesKept: number } {
  const dates = mergeUserValues(mine.dates, theirs.dates);
  const userDue = mergeUserValues(mine.userDue, theirs.userDue);
  const record: CaseRecord = {
    ...mine,
    createdAt: earlier(mine.createdAt, theirs.createdAt),
    updatedAt: later(mine.updatedAt, theirs.updatedAt),
    ...(dates.merged && { dates: dates.merged }),
    ...(userDue.merged && { userDue: userDue.merged }),
  };
  return { record, userValuesKept: dates.kept + userDue.kept };
}

export function planRestore(backup: ValidBackup, local: LocalState): RestorePlan {
  const plan: RestorePlan = {
    writes: { cases: [], evidence: [], events: [], checklist: [], custody: [], contacts: [], sentNotifications: [], readings: [] },
    cases: [],
    skippedIdentical: 0,
    skippedDeleted: 0,
    rejected: [],
  };
  const evidenceOf = byCase(backup.evidence);
  const eventsOf = byCase(backup.events);
  const checklistOf = byCase(backup.checklist);
  const custodyOf = groupByCase(backup.custody);
  const contactsOf = byCase(backup.contacts);
  const sentOf = byCase(backup.sentNotifications);
  const readingsOf = byCase(backup.readings);

  for (const theirs of backup.cases) {
    const caseId = theirs.id;
    const mine = local.cases.get(caseId);
    const rejectedBefore = plan.rejected.length;
    const reject = (r: Rejection) => plan.rejected.push(r);

    // One case per order: the order's case here must be this id, and this id here must be this order.
    const orderHere = local.caseIdByOrder.get(orderKey(theirs));
    if ((orderHere !== undefined && orderHere !== caseId) || (mine && orderKey(mine) !== orderKey(theirs))) {
      reject({ table: 'cases', id: caseId, field: 'orderId', reason: 'order-collision', detail: orderHere !== undefined && orderHere !== caseId ? orderHere : orderKey(mine!) });
      continue;
    }

    // The custody log after the merge: the longer of the two when one continues the other.
    const localLog = local.custody.get(caseId) ?? [];
    const backupLog = custodyOf.get(caseId) ?? [];
    let resultLog = localLog;
    let newEntries: CustodyEntry[] = [];
    if (isPrefix(localLog, backupLog)) {
      resultLog = backupLog;
      newEntries = backupLog.slice(localLog.length);
    } else if (!isPrefix(backupLog, localLog)) {
      reject({ table: 'cases', id: caseId, field: 'custody', reason: 'custody-diverged', detail: `${localLog.length}/${backupLog.length}` });
      continue;
    }
    const logged = expectedEvidence(resultLog);
    const everLogged = new Set(resultLog.map((e) => e.evidenceId));

    const evidence: EvidenceRecord[] = [];
    let identical = 0;
    let deleted = 0;
    for (const item of evidenceOf.get(caseId) ?? []) {
      const here = local.evidence.get(item.id);
      if (here) {
        if (here.sha256 === item.sha256 && here.caseId === item.caseId) identical++;
        else reject({ table: 'evidence', id: item.id, field: here.caseId === item.caseId ? 'sha256' : 'caseId', reason: 'id-conflict', detail: here.caseId === item.caseId ? undefined : here.caseId });
        continue;
      }
      const inLog = logged.get(item.id);
      if (inLog && inLog.sha256 !== item.sha256) {
        reject({ table: 'evidence', id: item.id, field: 'sha256', reason: 'custody-mismatch' });
        continue;
      }
      if (!inLog) {
        // Deleted here after the backup was made (the log here says so): restoring it would contradict the log.
        if (everLogged.has(item.id)) deleted++;
        else reject({ table: 'evidence', id: item.id, field: 'caseId', reason: 'custody-missing' });
        continue;
      }
      evidence.push(item);
    }
    if (plan.rejected.length > rejectedBefore) continue;

    const writesBefore = Object.values(plan.writes).reduce((n, rows) => n + rows.length, 0);
    const report: CaseReport = { caseId, outcome: 'added' };
    const localReadings = local.readings.get(caseId) ?? [];
    const readingKeys = new Set([...localReadings, ...(readingsOf.get(caseId) ?? [])].map(readingKey));
    if (!mine) {
      plan.writes.cases.push(theirs);
    } else {
      const { record, userValuesKept } = mergeCase(mine, theirs);
      if (canonicalJson(record) !== canonicalJson(mine)) plan.writes.cases.push(record);
      if (userValuesKept > 0) report.userValuesKept = userValuesKept;
      // The backup's facts differ from the ones here: kept beside them, never over them.
      if (canonicalJson(theirs.order) !== canonicalJson(mine.order)) {
        report.factsKept = true;
        const reading: Reading = { caseId, at: theirs.updatedAt, source: 'backup', order: theirs.order };
        if (!readingKeys.has(readingKey(reading))) plan.writes.readings.push(reading);
      }
    }
    plan.skippedIdentical += identical;
    plan.skippedDeleted += deleted;
    plan.writes.evidence.push(...evidence);
    plan.writes.custody.push(...newEntries);

    const localEvents = new Set((local.events.get(caseId) ?? []).map(eventKey));
    for (const event of eventsOf.get(caseId) ?? []) {
      if (!localEvents.has(eventKey(event))) plan.writes.events.push(withFreeId(event, local.eventIdsInUse));
    }
    const localReadingKeys = new Set(localReadings.map(readingKey));
    for (const reading of readingsOf.get(caseId) ?? []) {
      if (!localReadingKeys.has(readingKey(reading))) plan.writes.readings.push(withFreeId(reading, local.readingIdsInUse));
    }
    // A step answered here keeps its answer; the backup only adds steps not answered here.
    for (const step of checklistOf.get(caseId) ?? []) {
      if (!local.checklist.has(checklistKey(step))) plan.writes.checklist.push(step);
    }
    for (const contact of contactsOf.get(caseId) ?? []) {
      if (!local.contactIds.has(contact.id)) plan.writes.contacts.push(contact);
    }
    for (const sent of sentOf.get(caseId) ?? []) {
      if (!local.sentNotificationKeys.has(sentKey(sent))) plan.writes.sentNotifications.push(sent);
    }
    const wrote = Object.values(plan.writes).reduce((n, rows) => n + rows.length, 0) > writesBefore;
    if (mine) report.outcome = wrote ? 'extended' : 'unchanged';
    plan.cases.push(report);
  }
  return plan;
}

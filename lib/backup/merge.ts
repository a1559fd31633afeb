/**
 * Merging a checked backup into what the user has: a pure plan of what to write, and what the report says.
 * Rules: nothing newer is overwritten (a case whose `updatedAt` here is later is kept whole: "kept yours");
 * an evidence id here with the same file is skipped, with another file it is rejected; a custody log here
 * is only ever extended, so after a merge every chain still holds (a log that went another way rejects
 * the case).
 */
import { expectedEvidence, type CustodyEntry } from '../custody';
import type { TableRows } from '../db';
import type { CaseRecord, ChecklistStepState, EvidenceRecord, SentNotification, TimelineEvent } from '../model';
import { groupByCase, type Rejection, type ValidBackup } from './read';

/** What the database holds of the backup's cases and ids, read in the restore's transaction. */
export interface LocalState {
  cases: Map<string, CaseRecord>;
  /** Local evidence rows with the ids of the backup's evidence. */
  evidence: Map<string, Pick<EvidenceRecord, 'caseId' | 'sha256'>>;
  /** Each local case's custody log, in seq order (only cases the backup has). */
  custody: Map<string, CustodyEntry[]>;
  /** Each local case's events (only cases the backup has). */
  events: Map<string, TimelineEvent[]>;
  /** Event ids already used here, among the backup's event ids. */
  eventIdsInUse: Set<number>;
  /** Checklist steps here, by `${caseId} ${stepId}`, among the backup's. */
  checklist: Map<string, ChecklistStepState>;
  contactIds: Set<string>;
  /** `${caseId} ${rule} ${thresholdHours}` of notifications already recorded here, among the backup's. */
  sentNotificationKeys: Set<string>;
}

export type CaseOutcome = 'added' | 'updated' | 'unchanged' | 'kept-newer';

export interface RestorePlan {
  writes: TableRows;
  /** What happened to each case of the backup that was not rejected. */
  cases: { caseId: string; outcome: CaseOutcome }[];
  /** Evidence that was here already with the same file. */
  skippedIdentical: number;
  /** Evidence the custody log here says was deleted after the backup was made: it stays deleted. */
  skippedDeleted: number;
  rejected: Rejection[];
}

export const checklistKey = (s: Pick<ChecklistStepState, 'caseId' | 'stepId'>) => `${s.caseId} ${s.stepId}`;
export const sentKey = (n: Pick<SentNotification, 'caseId' | 'rule' | 'thresholdHours'>) => `${n.caseId} ${n.rule} ${n.thresholdHours}`;
const eventKey = (e: TimelineEvent) => `${e.type} ${e.at} ${(e.evidenceIds ?? []).join(',')}`;

function byCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.caseId, [...(map.get(row.caseId) ?? []), row]);
  return map;
}

/** True when `shorter` is the start of `longer`, entry for entry (each entry's hash covers its place in the chain). */
function isPrefix(shorter: CustodyEntry[], longer: CustodyEntry[]): boolean {
  return shorter.length <= longer.length && shorter.every((entry, i) => entry.hash === longer[i].hash);
}

/** An event's id is kept unless the database already uses it; then the database gives it a new one. */
function withFreeId(event: TimelineEvent, inUse: Set<number>): TimelineEvent {
  if (event.id === undefined || !inUse.has(event.id)) return event;
  const { id: _taken, ...rest } = event;
  return rest;
}

export function planRestore(backup: ValidBackup, local: LocalState): RestorePlan {
  const plan: RestorePlan = {
    writes: { cases: [], evidence: [], events: [], checklist: [], custody: [], contacts: [], sentNotifications: [] },
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

  for (const theirs of backup.cases) {
    const caseId = theirs.id;
    const mine = local.cases.get(caseId);
    if (mine && mine.updatedAt > theirs.updatedAt) {
      plan.cases.push({ caseId, outcome: 'kept-newer' });
      continue;
    }
    const rejectedBefore = plan.rejected.length;
    const reject = (r: Rejection) => plan.rejected.push(r);

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
      // Deleted here after the backup was made (the log here says so): restoring it would contradict the log.
      if (mine && !inLog && everLogged.has(item.id)) {
        deleted++;
        continue;
      }
      evidence.push(item);
    }
    if (plan.rejected.length > rejectedBefore) continue;

    const outcome: CaseOutcome = !mine ? 'added' : mine.updatedAt < theirs.updatedAt ? 'updated' : 'unchanged';
    plan.cases.push({ caseId, outcome });
    plan.skippedIdentical += identical;
    plan.skippedDeleted += deleted;
    if (outcome !== 'unchanged') plan.writes.cases.push(theirs);
    plan.writes.evidence.push(...evidence);
    plan.writes.custody.push(...newEntries);

    const localEvents = new Set((local.events.get(caseId) ?? []).map(eventKey));
    for (const event of eventsOf.get(caseId) ?? []) {
      if (!localEvents.has(eventKey(event))) plan.writes.events.push(withFreeId(event, local.eventIdsInUse));
    }
    // A checklist step keeps whichever answer was given last.
    for (const step of checklistOf.get(caseId) ?? []) {
      const here = local.checklist.get(checklistKey(step));
      if (!here || here.at < step.at) plan.writes.checklist.push(step);
    }
    for (const contact of contactsOf.get(caseId) ?? []) {
      if (!local.contactIds.has(contact.id)) plan.writes.contacts.push(contact);
    }
    for (const sent of sentOf.get(caseId) ?? []) {
      if (!local.sentNotificationKeys.has(sentKey(sent))) plan.writes.sentNotifications.push(sent);
    }
  }
  return plan;
}

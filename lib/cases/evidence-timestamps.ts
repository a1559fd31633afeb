/**
 * Each item's trusted timestamp as the database keeps it (the evidence row's `timestamp`, EvidenceTimestampSchema
 * in lib/common/model.ts): which items are due to be asked, an attempt noted before it is made (so a worker stopped
 * mid-request is asked again, not forgotten), the token kept with its custody entry, a failure kept with its reason
 * and the time of the next attempt. Who asks the authority is lib/capture/timestamp-evidence.ts; nothing here
 * touches the network.
 */
import { appendCustody } from './cases';
import type { DisputeKitDB } from './db';
import { timestampDueOf, type EvidenceRecord, type EvidenceTimestamp, type TimestampFailure } from '../common/model';
import { sha256HexSync } from '../common/hash';
import { authorityName, tokenBytes, type TimestampRecord } from '../timestamp/record-schema';

/**
 * How long after each failed attempt the next one is made: soon at first (a dropped connection), then further
 * apart (an authority down for hours), and no more after the last: the case page then offers "Retry timestamps".
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** An item to ask for: its id, case and SHA-256. */
export interface DueItem {
  evidenceId: string;
  caseId: string;
  sha256: string;
}

const due = (item: EvidenceRecord, nowIso: string) =>
  item.timestamp?.state === 'queued' || (item.timestamp?.state === 'waiting' && item.timestamp.next !== undefined && item.timestamp.next <= nowIso);

const dueItem = (item: EvidenceRecord): DueItem => ({ evidenceId: item.id, caseId: item.caseId, sha256: item.sha256 });

/**
 * Items due to be asked now, oldest capture first: the given ones (just saved), or every item of the database
 * (a start, the retry alarm), read from the index of due items (`timestampDue`), not by reading every item.
 */
export async function dueTimestamps(database: DisputeKitDB, now: Date, evidenceIds?: string[]): Promise<DueItem[]> {
  const nowIso = now.toISOString();
  const rows = evidenceIds ? (await database.evidence.bulkGet(evidenceIds)).filter((r) => r !== undefined) : await database.evidence.where('timestampDue').belowOrEqual(nowIso).toArray();
  return rows.filter((r) => due(r, nowIso)).sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : 0)).map(dueItem);
}

/** The earliest time an item is to be asked again (for the retry alarm); undefined when none is. */
export async function nextTimestampAttempt(database: DisputeKitDB): Promise<Date | undefined> {
  const earliest = await database.evidence.orderBy('timestampDue').first();
  return earliest?.timestampDue === undefined ? undefined : new Date(earliest.timestampDue);
}

/** Changes one item's timestamp state, in one transaction, as `change` says from the state it holds now (another run may have settled it meanwhile: `change` then says undefined, and nothing is written); false when nothing was. */
async function updateTimestamp(database: DisputeKitDB, evidenceId: string, change: (current: EvidenceTimestamp | undefined) => EvidenceTimestamp | undefined): Promise<boolean> {
  return database.transaction('rw', database.evidence, async () => {
    const row = await database.evidence.get(evidenceId);
    if (!row) return false;
    const next = change(row.timestamp);
    if (next === undefined) return false;
    // undefined removes `timestampDue`: the item leaves the index of due items.
    await database.evidence.update(evidenceId, { timestamp: next, timestampDue: timestampDueOf({ capturedAt: row.capturedAt, timestamp: next }) });
    return true;
  });
}

/**
 * Notes an attempt before it is made: one more attempt, and the time of the next one already set, so that if the
 * worker stops before the answer, the item is asked again then. False when the item is gone or no longer due.
 */
export async function beginTimestampAttempt(database: DisputeKitDB, evidenceId: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  return updateTimestamp(database, evidenceId, (current) => {
    if (current?.state !== 'queued' && !(current?.state === 'waiting' && current.next !== undefined && current.next <= nowIso)) return undefined;
    const attempts = current.state === 'waiting' ? Math.min(current.attempts + 1, 100) : 1;
    return { state: 'waiting', attempts, triedAt: nowIso, ...nextAttempt(attempts, now), ...(current.state === 'waiting' && current.failure && { failure: current.failure }) };
  });
}

function nextAttempt(attempts: number, now: Date): { next?: string } {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? {} : { next: new Date(now.getTime() + delay).toISOString() };
}

/** Why the attempt gave no token; the item is asked again at the time its attempt set (or never, after the last). */
export async function failTimestampAttempt(database: DisputeKitDB, evidenceId: string, failure: { reason: TimestampFailure; detail?: string }): Promise<void> {
  await updateTimestamp(database, evidenceId, (current) => (current?.state === 'waiting' ? { ...current, failure: { reason: failure.reason, ...(failure.detail && { detail: failure.detail.slice(0, 2000) }) } } : undefined));
}

/** The option was off when the items were to be asked: nothing was sent, and nothing will be for them. */
export async function markTimestampsOff(database: DisputeKitDB, evidenceIds: string[]): Promise<number> {
  let marked = 0;
  for (const id of evidenceIds) if (await updateTimestamp(database, id, (current) => (current?.state === 'queued' ? { state: 'off' } : undefined))) marked++;
  return marked;
}

/**
 * Keeps a token (already checked against the item's SHA-256 by whoever asked) with its item, and its custody entry
 * (the token's SHA-256, who signed, when), in one transaction. False when the item is gone, holds other bytes,
 * or has a token already (two runs asked at once): the log then records nothing.
 */
export async function keepTimestampToken(database: DisputeKitDB, evidenceId: string, sha256: string, record: TimestampRecord, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return database.transaction('rw', database.evidence, database.custody, async () => {
    const row = await database.evidence.get(evidenceId);
    if (!row || row.sha256 !== sha256 || record.summary.digest !== sha256 || row.timestamp?.state === 'stamped') return false;
    await database.evidence.update(evidenceId, { timestamp: { state: 'stamped', record, at }, timestampDue: undefined });
    await appendCustody(database, row.caseId, [
      { at, action: 'timestamped', evidenceId, sha256, token: sha256HexSync(tokenBytes(record)), authority: authorityName(record).slice(0, 1000), genTime: record.summary.genTime },
    ]);
    return true;
  });
}

/**
 * "Retry timestamps" on a case page: every item of the case still waiting (given up or not) is due again now, as
 * one more attempt (one that fails gives up again at once if the schedule was spent). Returns the ids of the case's
 * items now due (those and the queued ones), for the run to ask.
 */
export async function retryCaseTimestamps(database: DisputeKitDB, caseId: string, now: Date): Promise<string[]> {
  const nowIso = now.toISOString();
  const ids: string[] = [];
  await database.transaction('rw', database.evidence, () =>
    database.evidence
      .where('caseId')
      .equals(caseId)
      .modify((row) => {
        if (row.timestamp?.state === 'queued') ids.push(row.id);
        if (row.timestamp?.state !== 'waiting') return;
        row.timestamp = { ...row.timestamp, next: nowIso };
        row.timestampDue = nowIso;
        ids.push(row.id);
      }),
  );
  return ids;
}

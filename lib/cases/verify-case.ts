/**
 * "Verify": re-hashes every file of a case and checks its custody log, so the user (or anyone they hand the
 * case to) can see that nothing was altered, removed or slipped in since it was saved.
 */
import { getCaseEvidence, getCustodyLog } from './cases';
import { checkChain, checkHoldings, CustodyEntrySchema, evidenceMetadata, loggedTimestamps, type ChainBreak, type CustodyEntry, type TimestampEntry } from './custody';
import type { DisputeKitDB } from './db';
import { describeError } from '../common/errors';
import { sha256Hex, sha256HexSync } from '../common/hash';
import { TimestampError } from '../timestamp/errors';
import { authorityName, tokenBytes } from '../timestamp/record-schema';
import type { EvidenceRecord } from '../common/model';

/** An intact item's trusted timestamp, checked again: its token stamps the file's hash, is validly signed, by a time-stamping certificate. */
export interface TimestampOk {
  status: 'ok';
  genTime: string;
  authority: string;
}

export type ItemCheck =
  | { status: 'ok'; evidenceId: string; name: string; sha256: string; timestamp?: TimestampOk }
  /**
   * The file is intact but its trusted timestamp does not hold: 'invalid' (the token fails its check, `detail`),
   * 'unlogged' (the custody log records another token, or none), 'missing' (the log records a token the item no longer has).
   */
  | { status: 'timestamp'; evidenceId: string; name: string; sha256: string; problem: 'invalid' | 'unlogged' | 'missing'; detail?: string }
  /** The file's bytes no longer hash to what was recorded (`expected`): the file was altered. */
  | { status: 'mismatch'; evidenceId: string; name: string; expected: string; actual: string }
  /** The log says the item is in the case, but its row is gone: removed outside the app. */
  | { status: 'missing'; evidenceId: string; name: string; expected: string; addedAt: string }
  /** The item is in the case but the log never recorded it: slipped in outside the app, or its entry removed. */
  | { status: 'unlogged'; evidenceId: string; name: string; actual: string }
  /** The file is intact but its metadata (page, title, times, kind, part, label…) is not what the log recorded. */
  | { status: 'metadata'; evidenceId: string; name: string; sha256: string }
  /** The file could not be read back at all (its data is gone from the browser's storage). */
  | { status: 'unreadable'; evidenceId: string; name: string; expected: string; detail: string };

export interface VerifyReport {
  caseId: string;
  checkedAt: string;
  items: ItemCheck[];
  chain: ChainBreak[];
  /** Number of entries in the custody log. */
  logLength: number;
  ok: boolean;
}

/** A name a person can find the item by: the file name, or its kind and time. */
export function evidenceName(item: Pick<EvidenceRecord, 'kind' | 'fileName' | 'capturedAt'>): string {
  return item.fileName ?? `${item.kind} ${item.capturedAt}`;
}

export async function verifyCase(database: DisputeKitDB, caseId: string, now: Date, hash: (blob: Blob) => Promise<string> = sha256Hex): Promise<VerifyReport> {
  // One read transaction so the rows and the log are the same moment's; hashing happens after it.
  const [rows, log] = await database.transaction('r', database.evidence, database.custody, () =>
    Promise.all([getCaseEvidence(database, caseId), getCustodyLog(database, caseId)]),
  );
  const chain = checkChain(caseId, log);
  const wellFormed = log.flatMap((entry): CustodyEntry[] => {
    const parsed = CustodyEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  // The same checks as a dossier's (lib/cases/custody.ts): each item logged once, with the metadata it was logged with.
  const holdings = checkHoldings(wellFormed, rows.map((row) => ({ evidenceId: row.id, metadata: evidenceMetadata(row) })));

  const stampedInLog = loggedTimestamps(wellFormed);

  const items: ItemCheck[] = [];
  // One file at a time, each hashed slice by slice: a case can hold videos of gigabytes.
  for (const [index, row] of rows.entries()) {
    const name = evidenceName(row);
    const holding = holdings.items[index];
    const logged = holding.status === 'logged' ? holding.logged : undefined;
    // The log's hash is the one to trust: the row's own field could have been edited along with the file.
    const recorded = logged?.sha256 ?? row.sha256;
    let actual: string;
    try {
      actual = await hash(row.blob);
    } catch (error) {
      items.push({ status: 'unreadable', evidenceId: row.id, name, expected: recorded, detail: describeError(error) });
      continue;
    }
    if (!logged) items.push({ status: 'unlogged', evidenceId: row.id, name, actual });
    else if (actual !== recorded || row.sha256 !== recorded) items.push({ status: 'mismatch', evidenceId: row.id, name, expected: recorded, actual });
    else if (holding.status === 'logged' && holding.metadataChanged) items.push({ status: 'metadata', evidenceId: row.id, name, sha256: actual });
    else {
      const timestamp = await checkTimestamp(row, recorded, stampedInLog.get(row.id));
      if (timestamp && timestamp.status !== 'ok') items.push({ status: 'timestamp', evidenceId: row.id, name, sha256: actual, problem: timestamp.problem, ...(timestamp.detail && { detail: timestamp.detail }) });
      else items.push({ status: 'ok', evidenceId: row.id, name, sha256: actual, ...(timestamp && { timestamp }) });
    }
  }
  for (const [evidenceId, { sha256, at }] of holdings.missing) items.push({ status: 'missing', evidenceId, name: evidenceId, expected: sha256, addedAt: at });
  return {
    caseId,
    checkedAt: now.toISOString(),
    items,
    chain,
    logLength: log.length,
    ok: chain.length === 0 && items.every((i) => i.status === 'ok'),
  };
}

/**
 * An item's token, checked as `npm run verify` checks a dossier's: it stamps the hash the log vouches for, its
 * signature holds, its certificate is a time-stamping one, and it is the very token the log's 'timestamped' entry
 * recorded. Undefined for an item without a token, of which the log records none either.
 */
async function checkTimestamp(row: EvidenceRecord, sha256: string, logged: TimestampEntry | undefined): Promise<TimestampOk | { status: 'failed'; problem: 'invalid' | 'unlogged' | 'missing'; detail?: string } | undefined> {
  const kept = row.timestamp?.state === 'stamped' ? row.timestamp.record : undefined;
  if (!kept) return logged ? { status: 'failed', problem: 'missing' } : undefined;
  // Only here is the CMS code (pkijs) loaded: a case without tokens never loads it.
  const { verifyTimestampRecord } = await import('../timestamp/record');
  // What is shown is what the token itself says, never the summary kept beside it.
  let summary: Awaited<ReturnType<typeof verifyTimestampRecord>>;
  try {
    summary = await verifyTimestampRecord(kept, sha256);
  } catch (error) {
    return { status: 'failed', problem: 'invalid', detail: error instanceof TimestampError ? error.detail : describeError(error) };
  }
  if (!logged || logged.token !== sha256HexSync(tokenBytes(kept))) return { status: 'failed', problem: 'unlogged' };
  return { status: 'ok', genTime: summary.genTime, authority: authorityName({ ...kept, summary }) };
}

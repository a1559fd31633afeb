/**
 * "Verify": re-hashes every file of a case and checks its custody log, so the user (or anyone they hand the
 * case to) can see that nothing was altered, removed or slipped in since it was saved.
 */
import { getCaseEvidence, getCustodyLog } from './cases';
import { checkChain, checkHoldings, CustodyEntrySchema, evidenceMetadata, type ChainBreak, type CustodyEntry } from './custody';
import type { DisputeKitDB } from './db';
import { describeError } from '../common/errors';
import { sha256Hex } from '../common/hash';
import type { EvidenceRecord } from '../common/model';

export type ItemCheck =
  | { status: 'ok'; evidenceId: string; name: string; sha256: string }
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
    else items.push({ status: 'ok', evidenceId: row.id, name, sha256: actual });
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

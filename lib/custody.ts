/**
 * The chain of custody of a case: an append-only log of what happened to its evidence. Each entry holds the
 * SHA-256 of the previous entry, and its own hash covers that, so removing, reordering or editing an entry
 * breaks the chain where it happened. Pure functions; lib/cases.ts appends entries in the same transaction
 * as the evidence they are about, lib/verify.ts checks them.
 */
import { z } from 'zod';
import { sha256HexSync } from './hash';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * 'added': saved by the app (capture or import). 'deleted': removed through the app. 'recorded': the
 * evidence already existed when the log began (database upgrade); the log vouches for it from then on only.
 */
export const CUSTODY_ACTIONS = ['added', 'deleted', 'recorded'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const CustodyEntrySchema = z.object({
  caseId: z.string(),
  /** 1, 2, 3… within the case. */
  seq: z.number().int().positive(),
  /** UTC, ISO 8601 with Z. */
  at: z.string(),
  action: z.enum(CUSTODY_ACTIONS),
  evidenceId: z.string(),
  /** SHA-256 of the evidence file the entry is about. */
  sha256: hex64,
  prevHash: hex64,
  /** SHA-256 of the canonical JSON of every other field. */
  hash: hex64,
});
export type CustodyEntry = z.infer<typeof CustodyEntrySchema>;
export type CustodyEntryBody = Omit<CustodyEntry, 'hash'>;
/** What a caller says happened; the chain supplies caseId, seq, prevHash and hash. */
export type CustodyEvent = Pick<CustodyEntry, 'at' | 'action' | 'evidenceId' | 'sha256'>;

/** JSON with object keys sorted at every level and no spaces: the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(body: CustodyEntryBody): string {
  const { caseId, seq, at, action, evidenceId, sha256, prevHash } = body;
  return sha256HexSync(new TextEncoder().encode(canonicalJson({ caseId, seq, at, action, evidenceId, sha256, prevHash })));
}

/** The entries that record `events` after `last` (the case's newest entry, or none for a new log). */
export function chainEntries(caseId: string, last: CustodyEntry | undefined, events: CustodyEvent[]): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  let previous = last;
  for (const event of events) {
    const body: CustodyEntryBody = {
      caseId,
      seq: (previous?.seq ?? 0) + 1,
      at: event.at,
      action: event.action,
      evidenceId: event.evidenceId,
      sha256: event.sha256,
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    const entry = { ...body, hash: entryHash(body) };
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

export type ChainBreak =
  /** The entry at this position has the wrong number: entries before it were removed, or the order changed. */
  | { kind: 'sequence'; seq: number; expectedSeq: number }
  /** The entry does not point at the one before it: an entry was removed, inserted or reordered. */
  | { kind: 'link'; seq: number; expected: string; actual: string }
  /** The entry's content no longer matches its own hash: it was edited. */
  | { kind: 'edited'; seq: number; expected: string; actual: string }
  /** The entry is not a well-formed custody entry at all, or belongs to another case. */
  | { kind: 'malformed'; seq: number };

/** Every break in a case's log, given its entries as stored (in seq order). An empty list: the chain holds. */
export function checkChain(caseId: string, stored: unknown[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let previousHash = GENESIS_HASH;
  stored.forEach((raw, index) => {
    const expectedSeq = index + 1;
    const parsed = CustodyEntrySchema.safeParse(raw);
    if (!parsed.success || parsed.data.caseId !== caseId) {
      const seq = (raw as { seq?: unknown })?.seq;
      breaks.push({ kind: 'malformed', seq: typeof seq === 'number' ? seq : expectedSeq });
      previousHash = (raw as { hash?: string })?.hash ?? previousHash;
      return;
    }
    const entry = parsed.data;
    if (entry.seq !== expectedSeq) breaks.push({ kind: 'sequence', seq: entry.seq, expectedSeq });
    if (entry.prevHash !== previousHash) breaks.push({ kind: 'link', seq: entry.seq, expected: previousHash, actual: entry.prevHash });
    const recomputed = entryHash(entry);
    if (recomputed !== entry.hash) breaks.push({ kind: 'edited', seq: entry.seq, expected: entry.hash, actual: recomputed });
    previousHash = entry.hash;
  });
  return breaks;
}

/**
 * What the log says a case should hold now: for each evidence id still present by the log, the SHA-256 it
 * was saved with (the latest 'added'/'recorded' entry not followed by a 'deleted' one).
 */
export function expectedEvidence(entries: CustodyEntry[]): Map<string, { sha256: string; seq: number; at: string }> {
  const present = new Map<string, { sha256: string; seq: number; at: string }>();
  for (const entry of entries) {
    if (entry.action === 'deleted') present.delete(entry.evidenceId);
    else present.set(entry.evidenceId, { sha256: entry.sha256, seq: entry.seq, at: entry.at });
  }
  return present;
}

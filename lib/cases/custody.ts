/**
 * The chain of custody of a case: an append-only log of what happened to its evidence. Each entry holds the
 * SHA-256 of the previous entry, and its own hash covers that, so removing, reordering or editing an entry
 * breaks the chain where it happened. Pure functions; lib/cases/cases.ts appends entries in the same transaction
 * as the evidence they are about, lib/dossier/export.ts the export entry in the transaction that reads the
 * case for a dossier, and lib/cases/verify-case.ts and lib/cli/verify-dossier.ts check them (with checkHoldings here).
 *
 * Two entry versions. Version 1 (no `v` field; DisputeKit 0.1 and the database upgrade that started the log)
 * covers the file's bytes only. Version 2 (`v: 2`) also covers the item's metadata (`meta`: the SHA-256 of
 * its canonical JSON, see evidenceMetadata), and adds 'exported' entries. Old entries stay as they were
 * written and verify as they are; every entry written now is version 2.
 */
import { z } from 'zod';
import { sha256HexSync } from '../common/hash';
import type { EvidenceRecord, PageMetadata } from '../common/model';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * 'added': saved by the app (capture or import). 'deleted': removed through the app. 'recorded': the
 * evidence already existed when the log began (database upgrade); the log vouches for it from then on only.
 * 'exported': a dossier was made of the case (see ExportEntry). 'timestamped': an item's trusted timestamp
 * came (see TimestampEntry).
 */
export const CUSTODY_ACTIONS = ['added', 'deleted', 'recorded', 'exported', 'timestamped'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
export const EVIDENCE_ACTIONS = ['added', 'deleted', 'recorded'] as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const common = {
  caseId: z.string(),
  /** 1, 2, 3… within the case. */
  seq: z.number().int().positive(),
  /** UTC, ISO 8601 with Z. */
  at: z.string(),
  prevHash: hex64,
  /** SHA-256 of the canonical JSON of every other field. */
  hash: hex64,
};
// Strict: a field nobody hashed must not ride along unnoticed.
const EntryV1Schema = z.strictObject({
  ...common,
  action: z.enum(EVIDENCE_ACTIONS),
  evidenceId: z.string(),
  /** SHA-256 of the evidence file the entry is about. */
  sha256: hex64,
});
const EvidenceEntrySchema = z.strictObject({
  ...common,
  v: z.literal(2),
  action: z.enum(EVIDENCE_ACTIONS),
  evidenceId: z.string().min(1),
  sha256: hex64,
  /** SHA-256 of the canonical JSON of the item's metadata as stored (evidenceMetadata). */
  meta: hex64,
});
/**
 * A dossier was exported. It is the last entry in that dossier's manifest and covers the rest of the dossier:
 * `sha256` is the SHA-256 of report.html's bytes, `manifest` that of the canonical JSON of manifest.json
 * without its `custody` member (manifestDigest). The manifest cannot hold a hash of itself, and its custody
 * entries are already covered by the chain, which this entry continues.
 */
const ExportEntrySchema = z.strictObject({
  ...common,
  v: z.literal(2),
  action: z.literal('exported'),
  /** No item: the entry is about the dossier. */
  evidenceId: z.literal(''),
  sha256: hex64,
  manifest: hex64,
});
/**
 * An item's trusted timestamp (RFC 3161) was kept: `sha256` is the item's SHA-256 the token stamps, `token` the
 * SHA-256 of the token's DER, `authority` who signed it (its certificate's names), `genTime` when, as the token says.
 * The token itself is kept with the item (its evidence row, a dossier's timestamps/); this entry ties that very
 * token into the chain, so swapping it for another (even a valid one) shows.
 */
const TimestampEntrySchema = z.strictObject({
  ...common,
  v: z.literal(2),
  action: z.literal('timestamped'),
  evidenceId: z.string().min(1),
  sha256: hex64,
  token: hex64,
  authority: z.string().max(1000),
  genTime: z.string().max(40),
});
export const CustodyEntrySchema = z.union([EvidenceEntrySchema, ExportEntrySchema, TimestampEntrySchema, EntryV1Schema]);
export type CustodyEntry = z.infer<typeof CustodyEntrySchema>;
export type ExportEntry = z.infer<typeof ExportEntrySchema>;
export type TimestampEntry = z.infer<typeof TimestampEntrySchema>;
type WithoutHash<E> = E extends unknown ? Omit<E, 'hash'> : never;
export type CustodyEntryBody = WithoutHash<CustodyEntry>;

/**
 * What a caller says happened; the chain supplies caseId, seq, prevHash and hash. An evidence event without
 * `meta` gives a version-1 entry: only the database upgrade that started the log (lib/cases/db.ts, version 3)
 * writes those, and it is never edited.
 */
export type EvidenceEvent = { at: string; action: EvidenceAction; evidenceId: string; sha256: string; meta?: string };
/** A dossier export: the SHA-256 of its report.html and its manifestDigest. */
export type ExportEvent = { at: string; action: 'exported'; report: string; manifest: string };
/** An item's trusted timestamp kept: the item's hash, the token's SHA-256, who signed it and when. */
export type TimestampEvent = { at: string; action: 'timestamped'; evidenceId: string; sha256: string; token: string; authority: string; genTime: string };
export type CustodyEvent = EvidenceEvent | ExportEvent | TimestampEvent;

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

/** SHA-256 of a value's canonical JSON (UTF-8). */
export function canonicalDigest(value: unknown): string {
  return sha256HexSync(new TextEncoder().encode(canonicalJson(value)));
}

export function entryHash(body: CustodyEntryBody): string {
  const { caseId, seq, at, action, evidenceId, sha256, prevHash } = body;
  if (!('v' in body)) return canonicalDigest({ caseId, seq, at, action, evidenceId, sha256, prevHash });
  const extra = 'manifest' in body ? { manifest: body.manifest } : 'token' in body ? { token: body.token, authority: body.authority, genTime: body.genTime } : { meta: body.meta };
  return canonicalDigest({ caseId, seq, at, action, evidenceId, sha256, prevHash, v: body.v, ...extra });
}

/** The entries that record `events` after `last` (the case's newest entry, or none for a new log). */
export function chainEntries(caseId: string, last: CustodyEntry | undefined, events: CustodyEvent[]): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  let previous = last;
  for (const event of events) {
    const link = { caseId, seq: (previous?.seq ?? 0) + 1, at: event.at, prevHash: previous?.hash ?? GENESIS_HASH };
    let body: CustodyEntryBody;
    if (event.action === 'exported') body = { ...link, v: 2, action: 'exported', evidenceId: '', sha256: event.report, manifest: event.manifest };
    else if (event.action === 'timestamped') body = { ...link, v: 2, action: 'timestamped', evidenceId: event.evidenceId, sha256: event.sha256, token: event.token, authority: event.authority, genTime: event.genTime };
    else if (event.meta !== undefined) body = { ...link, v: 2, action: event.action, evidenceId: event.evidenceId, sha256: event.sha256, meta: event.meta };
    else body = { ...link, action: event.action, evidenceId: event.evidenceId, sha256: event.sha256 };
    const entry = { ...body, hash: entryHash(body) } as CustodyEntry;
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

/** What the log records of an item the case holds: its SHA-256, the entry, and (version 2) its metadata digest. */
export interface LoggedItem {
  sha256: string;
  seq: number;
  at: string;
  meta?: string;
}

/**
 * What the log says a case should hold now: for each evidence id still present by the log, what it was saved
 * with (the latest 'added'/'recorded' entry not followed by a 'deleted' one). Export entries hold no item.
 */
export function expectedEvidence(entries: CustodyEntry[]): Map<string, LoggedItem> {
  const present = new Map<string, LoggedItem>();
  for (const entry of entries) {
    // Neither an export nor a timestamp changes what the case holds.
    if (entry.action === 'exported' || entry.action === 'timestamped') continue;
    if (entry.action === 'deleted') present.delete(entry.evidenceId);
    else present.set(entry.evidenceId, { sha256: entry.sha256, seq: entry.seq, at: entry.at, ...('meta' in entry && { meta: entry.meta }) });
  }
  return present;
}

/**
 * An item's metadata as its custody entry covers it and a dossier's manifest lists it: every stored field
 * but its bytes (blob, thumbnail), its ids and its SHA-256 (which the entry holds itself), with the page's
 * fields (url, title, viewport, devicePixelRatio) flattened. A field added to evidence later is covered
 * without a change here. Nor its trusted timestamp (`timestamp`, and `timestampDue` worked out from it): that comes after the entry, and has an entry
 * of its own ('timestamped', which holds the token's hash).
 */
export type EvidenceMetadata = Omit<EvidenceRecord, 'id' | 'caseId' | 'sha256' | 'blob' | 'thumbnail' | 'page' | 'timestamp' | 'timestampDue'> & Partial<PageMetadata>;

export function evidenceMetadata(item: EvidenceRecord): EvidenceMetadata {
  const { id: _id, caseId: _caseId, sha256: _sha256, blob: _blob, thumbnail: _thumbnail, timestamp: _timestamp, timestampDue: _due, page, ...rest } = item;
  return { ...rest, ...(page && { url: page.url, title: page.title, viewport: page.viewport, devicePixelRatio: page.devicePixelRatio }) };
}

/** The digest a version-2 entry keeps of an item's metadata. */
export function metadataDigest(metadata: object): string {
  return canonicalDigest(metadata);
}

/** For each item, the token hash of its latest 'timestamped' entry: the token the log vouches for. */
export function loggedTimestamps(entries: CustodyEntry[]): Map<string, TimestampEntry> {
  const stamped = new Map<string, TimestampEntry>();
  for (const entry of entries) if (entry.action === 'timestamped') stamped.set(entry.evidenceId, entry);
  return stamped;
}

/** One item a case or a dossier holds, as the log must vouch for it. */
export interface Holding {
  evidenceId: string;
  /** Its metadata as found now (evidenceMetadata of the row, or the manifest line without path, id and hash). */
  metadata: object;
}

export type HoldingCheck =
  /** In the log; `metadataChanged` when a version-2 entry's metadata digest differs from the item's now. */
  | { status: 'logged'; logged: LoggedItem; metadataChanged: boolean }
  /** The log never had it, or says it was deleted. */
  | { status: 'unlogged' }
  /** The same id is held twice (only a forged dossier can do that). */
  | { status: 'duplicate' };

/**
 * The checks a case (lib/cases/verify-case.ts) and a dossier (lib/cli/verify-dossier.ts) share: every item held must be
 * in the log once, with the metadata it was logged with, and every item the log says is present must be held.
 * The file's bytes are then compared with `logged.sha256` by the caller, who has them.
 */
export function checkHoldings(entries: CustodyEntry[], held: Holding[]): { items: HoldingCheck[]; missing: [string, LoggedItem][] } {
  const logged = expectedEvidence(entries);
  const seen = new Set<string>();
  const items = held.map((item): HoldingCheck => {
    if (seen.has(item.evidenceId)) return { status: 'duplicate' };
    seen.add(item.evidenceId);
    const entry = logged.get(item.evidenceId);
    if (!entry) return { status: 'unlogged' };
    return { status: 'logged', logged: entry, metadataChanged: entry.meta !== undefined && entry.meta !== metadataDigest(item.metadata) };
  });
  return { items, missing: [...logged].filter(([id]) => !seen.has(id)) };
}

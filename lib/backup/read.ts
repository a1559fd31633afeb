/**
 * Reading a backup file: check the sizes its ZIP directory declares against the caps (./format.ts) before
 * inflating anything, open it, check its header, then check every record against lib/common/model.ts and the rules
 * of ./checks.ts (times, case ids), every file against the SHA-256 the backup lists and the one its evidence
 * row holds, and every item against its own case's custody log. Nothing is written here; what does not pass
 * is collected as a `Rejection` naming the record, the field and the reason.
 */
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { checkChain, CustodyEntrySchema, expectedEvidence, loggedTimestamps, type CustodyEntry } from '../cases/custody';
import { TimestampError } from '../timestamp/errors';
import { authorityName, tokenBytes } from '../timestamp/record-schema';
import type { TimestampSummary } from '../timestamp/token';
import { SCHEMA_HISTORY, type TableRows } from '../cases/schema';
import { sha256Hex, sha256HexSync } from '../common/hash';
import {
  CaseSchema,
  ChecklistStepStateSchema,
  ContactSchema,
  EvidenceSchema,
  ReadingSchema,
  SentNotificationSchema,
  TimelineEventSchema,
  timestampDueOf,
  type EvidenceRecord,
} from '../common/model';
import { SettingsSchema, type Settings } from '../settings/settings';
import { caseIdProblem, firstTimeProblem, timeProblem } from './checks';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BLOB_DIR,
  BlobIdSchema,
  BlobRefSchema,
  MANIFEST_PATH,
  ManifestHeaderSchema,
  ManifestSchema,
  MAX_ENTRIES,
  MAX_ENTRY_BYTES,
  MAX_MANIFEST_BYTES,
  MAX_UNPACKED_BYTES,
  type BackupTable,
  type BlobEntry,
  type Manifest,
} from './format';

/** Why a file cannot be read as a backup at all. */
export type FileProblem =
  | { kind: 'not-zip' }
  /** It starts like a ZIP but its directory is missing or broken: cut short (an interrupted copy) or damaged. */
  | { kind: 'damaged' }
  | { kind: 'no-manifest' }
  | { kind: 'bad-json' }
  | { kind: 'wrong-format'; format: string }
  | { kind: 'future-version'; version: number }
  | { kind: 'future-database'; version: number }
  | { kind: 'bad-manifest'; field: string; detail: string }
  /** The file, one entry or all entries together (as the ZIP's directory declares them) are over a cap of ./format.ts. */
  | { kind: 'file-too-large'; bytes: number; max: number }
  | { kind: 'entry-too-large'; name: string; bytes: number; max: number }
  | { kind: 'unpacked-too-large'; bytes: number; max: number }
  | { kind: 'too-many-entries'; count: number; max: number }
  /** Two entries of the ZIP have the same name: which one is the backup's cannot be told. */
  | { kind: 'duplicate-entry'; name: string };

export const REJECT_REASONS = [
  /** A field does not fit the model (detail: the schema's message). */
  'invalid',
  /** The same id appears twice in the backup. */
  'duplicate',
  /** The record points at a file the backup does not hold. */
  'file-missing',
  /** The file's bytes do not match the SHA-256 (or size) the backup lists for it. */
  'file-damaged',
  /** The evidence row's sha256 is not the SHA-256 of its file. */
  'evidence-hash',
  /** The record belongs to a case that is not in the backup. */
  'no-case',
  /** The backup's custody log of this case is broken (detail: the entry). */
  'custody-broken',
  /** An evidence id that exists here with a different file (or in another case). */
  'id-conflict',
  /** This case's custody log here and in the backup have gone different ways: merging would break yours. */
  'custody-diverged',
  /** The evidence file is not the one the case's custody log recorded for it. */
  'custody-mismatch',
  /** The evidence is not in its case's custody log (an item added outside DisputeKit). */
  'custody-missing',
  /** The evidence is in another case's custody log, not its own (detail: that case): moved between cases. */
  'custody-other-case',
  /** A time that is not an ISO 8601 instant between 2000 and 2100 (detail: the value). */
  'bad-time',
  /** A time later than this computer's clock (detail: the value). */
  'future-time',
  /** The case's id is not `platform:orderId` of its own fields (detail: the id it must have). */
  'bad-case-id',
  /** The case's facts are of another order than the case's (detail: that order). */
  'facts-other-order',
  /** The item's trusted timestamp does not hold: not a token of its file's hash, or not validly signed by a time-stamping certificate (detail: why). */
  'timestamp-invalid',
  /** The item's trusted timestamp is not the token its case's custody log recorded (a token put in its place). */
  'timestamp-unlogged',
  /** A case here is already the case of this order, under another id (detail: its id). */
  'order-collision',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  /** 'backup': the backup's own header (its export time, its current case). */
  table: BackupTable | 'settings' | 'backup';
  /** The record's id (`#3` for the third record when it has none). */
  id: string;
  field?: string;
  reason: RejectReason;
  detail?: string;
  /** What the record is, as far as the backup says (describeRejected), for the report to name it without its id. */
  about?: RejectedRecord;
}

/** What a rejected record is: its case (by platform and order), and for an item of evidence its kind, time and file name. */
export interface RejectedRecord {
  caseId?: string;
  platform?: string;
  orderId?: string;
  kind?: string;
  at?: string;
  fileName?: string;
}

/**
 * Each rejection with what its record is (`about`), read from the backup's own records: the report names a
 * record by its order and what it is ("Full-page screenshot, 20 Nov, AliExpress order 8190…"), never by an
 * internal id. Values are the backup's, unchecked: only short strings are taken.
 */
export function describeRejected(manifest: Manifest, rejected: Rejection[]): Rejection[] {
  const index = new Map<string, Record<string, unknown>>();
  for (const table of Object.keys(manifest.tables) as BackupTable[]) {
    manifest.tables[table].forEach((raw, i) => {
      const key = `${table}\u0000${recordId(table, raw, i)}`;
      if (!index.has(key) && raw && typeof raw === 'object') index.set(key, raw as Record<string, unknown>);
    });
  }
  const short = (value: unknown, max = 200) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);
  return rejected.map((r) => {
    if (r.table === 'settings' || r.table === 'backup') return r;
    const raw = index.get(`${r.table}\u0000${r.id}`);
    if (!raw) return r;
    const about: RejectedRecord = {
      caseId: short(r.table === 'cases' ? raw.id : raw.caseId),
      ...(r.table === 'cases' && { platform: short(raw.platform, 40), orderId: short(raw.orderId, 80) }),
      ...(r.table === 'evidence' && { kind: short(raw.kind, 40), fileName: short(raw.fileName, 120) }),
      at: short(r.table === 'evidence' ? raw.capturedAt : r.table === 'cases' ? raw.createdAt : raw.at, 40),
    };
    return { ...r, about: Object.fromEntries(Object.entries(about).filter(([, v]) => v !== undefined)) };
  });
}

/** A backup's records that passed every check, Blobs restored. */
export interface ValidBackup extends TableRows {
  exportedAt: string;
  extensionVersion: string;
  settings: Settings | undefined;
  currentCase: Manifest['currentCase'];
}

export type OpenedBackup = { ok: true; manifest: Manifest; files: Record<string, Uint8Array> } | { ok: false; problem: FileProblem };

const LATEST_DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1].version;

function startsLikeZip(bytes: Uint8Array): boolean {
  // "PK\3\4" (a file entry) or "PK\5\6" (an empty archive's directory).
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

// Any zod error, full or mini (the settings are a mini schema, lib/settings/settings.ts).
function firstIssue(error: z.core.$ZodError): { field: string; detail: string } {
  const issue = error.issues[0];
  return { field: issue?.path.map(String).join('.') ?? '', detail: issue?.message ?? '' };
}

/** The entries a restore reads: `backup.json` and the files under `blobs/`; anything else is never inflated. */
function isBackupEntry(name: string): boolean {
  return name === MANIFEST_PATH || (name.startsWith(BLOB_DIR) && BlobIdSchema.safeParse(name.slice(BLOB_DIR.length)).success);
}

/**
 * The sizes the ZIP's central directory declares, checked against the caps before anything is inflated:
 * fflate's filter sees each entry's directory record first, and this pass inflates nothing.
 */
function sizeProblem(bytes: Uint8Array): FileProblem | undefined {
  const names = new Set<string>();
  let count = 0;
  let total = 0;
  let problem: FileProblem | undefined;
  unzipSync(bytes, {
    filter(entry) {
      if (problem) return false;
      count++;
      total += entry.originalSize;
      const max = entry.name === MANIFEST_PATH ? MAX_MANIFEST_BYTES : MAX_ENTRY_BYTES;
      if (count > MAX_ENTRIES) problem = { kind: 'too-many-entries', count, max: MAX_ENTRIES };
      else if (names.has(entry.name)) problem = { kind: 'duplicate-entry', name: entry.name.slice(0, 200) };
      else if (entry.originalSize > max) problem = { kind: 'entry-too-large', name: entry.name.slice(0, 200), bytes: entry.originalSize, max };
      else if (total > MAX_UNPACKED_BYTES) problem = { kind: 'unpacked-too-large', bytes: total, max: MAX_UNPACKED_BYTES };
      names.add(entry.name);
      return false;
    },
  });
  return problem;
}

/** The ZIP and its `backup.json` header: enough to say whether this is a backup this version can read. */
export function openBackup(bytes: Uint8Array): OpenedBackup {
  if (!startsLikeZip(bytes)) return { ok: false, problem: { kind: 'not-zip' } };
  let files: Record<string, Uint8Array>;
  try {
    const tooLarge = sizeProblem(bytes);
    if (tooLarge) return { ok: false, problem: tooLarge };
    files = unzipSync(bytes, { filter: (entry) => isBackupEntry(entry.name) });
  } catch {
    return { ok: false, problem: { kind: 'damaged' } };
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return { ok: false, problem: { kind: 'no-manifest' } };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return { ok: false, problem: { kind: 'bad-json' } };
  }
  const header = ManifestHeaderSchema.safeParse(json);
  if (!header.success || header.data.format !== BACKUP_FORMAT) {
    const format = (json as { format?: unknown })?.format;
    return { ok: false, problem: { kind: 'wrong-format', format: typeof format === 'string' ? format.slice(0, 100) : '' } };
  }
  if (header.data.version > BACKUP_FORMAT_VERSION) return { ok: false, problem: { kind: 'future-version', version: header.data.version } };
  const manifest = ManifestSchema.safeParse(json);
  if (!manifest.success) return { ok: false, problem: { kind: 'bad-manifest', ...firstIssue(manifest.error) } };
  if (manifest.data.dbVersion > LATEST_DB_VERSION) return { ok: false, problem: { kind: 'future-database', version: manifest.data.dbVersion } };
  return { ok: true, manifest: manifest.data, files };
}

/** What a record is called in the report. */
function recordId(table: BackupTable, raw: unknown, index: number): string {
  const r = (raw ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');
  switch (table) {
    case 'cases':
    case 'evidence':
    case 'contacts':
      if (typeof r.id === 'string' && r.id) return r.id.slice(0, 120);
      break;
    case 'events':
      if (r.caseId !== undefined) return `${s(r.caseId)} ${s(r.type)} ${s(r.at)}`;
      break;
    case 'checklist':
      if (r.caseId !== undefined) return `${s(r.caseId)} ${s(r.stepId)}`;
      break;
    case 'custody':
      if (r.caseId !== undefined) return `${s(r.caseId)} #${s(r.seq)}`;
      break;
    case 'sentNotifications':
      if (r.caseId !== undefined) return `${s(r.caseId)} ${s(r.rule)} ${s(r.thresholdHours)}h`;
      break;
    case 'readings':
      if (r.caseId !== undefined) return `${s(r.caseId)} ${s(r.source)} ${s(r.at)}`;
      break;
  }
  return `#${index + 1}`;
}

interface CheckedFile {
  entry: BlobEntry;
  bytes: Uint8Array | undefined;
  actualSha256: string | undefined;
}

/** Each listed file, read and hashed once. */
async function checkFiles(manifest: Manifest, files: Record<string, Uint8Array>): Promise<Map<string, CheckedFile>> {
  const checked = new Map<string, CheckedFile>();
  for (const entry of manifest.blobs) {
    const bytes = files[`${BLOB_DIR}${entry.id}`];
    checked.set(entry.id, { entry, bytes, actualSha256: bytes ? await sha256Hex(bytes) : undefined });
  }
  return checked;
}

/**
 * Every record checked; the ones that pass come back ready to write, the others as rejections. Also
 * checks what holds between records: ids unique, every record's case in the backup, each case's custody
 * chain intact, each item of evidence in its own case's custody log. `now`: this computer's clock, which
 * no record time may be later than (lib/backup/checks.ts).
 */
export async function validateBackup(manifest: Manifest, files: Record<string, Uint8Array>, now: Date = new Date()): Promise<{ backup: ValidBackup; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  const reject = (r: Rejection) => rejected.push(r);
  const fileChecks = await checkFiles(manifest, files);

  function parseAll<T extends object>(table: BackupTable, schema: z.ZodType<T>, prepare: (raw: unknown, id: string) => unknown = (raw) => raw): T[] {
    const valid: T[] = [];
    manifest.tables[table].forEach((raw, index) => {
      const id = recordId(table, raw, index);
      const prepared = prepare(raw, id);
      if (prepared === undefined) return;
      const parsed = schema.safeParse(prepared);
      if (!parsed.success) return reject({ table, id, reason: 'invalid', ...firstIssue(parsed.error) });
      const badTime = firstTimeProblem(table, parsed.data as Record<string, unknown>, now);
      if (badTime) return reject({ table, id, ...badTime });
      valid.push(parsed.data);
    });
    return valid;
  }

  for (const [field, value] of [
    ['exportedAt', manifest.exportedAt],
    ...(manifest.currentCase ? [['currentCase.at', manifest.currentCase.at]] : []),
  ] as const) {
    const reason = timeProblem(value, 'record', now);
    if (reason) reject({ table: 'backup', id: MANIFEST_PATH, field, reason, detail: String(value).slice(0, 40) });
  }

  /** A referenced file as a Blob, or undefined (and a rejection) when it is missing or does not match its listing. */
  function fileFor(id: string, field: 'blob' | 'thumbnail', ref: unknown): Blob | undefined {
    const parsedRef = BlobRefSchema.safeParse(ref);
    if (!parsedRef.success) {
      reject({ table: 'evidence', id, field, reason: 'invalid', detail: 'not a file reference' });
      return undefined;
    }
    const file = fileChecks.get(parsedRef.data.blob);
    if (!file?.bytes) {
      reject({ table: 'evidence', id, field, reason: 'file-missing', detail: parsedRef.data.blob });
      return undefined;
    }
    if (file.actualSha256 !== file.entry.sha256 || file.bytes.length !== file.entry.bytes) {
      reject({ table: 'evidence', id, field, reason: 'file-damaged', detail: parsedRef.data.blob });
      return undefined;
    }
    return new Blob([file.bytes as BlobPart], { type: file.entry.type });
  }

  const cases = parseAll('cases', CaseSchema).filter((record) => {
    const problem = caseIdProblem(record);
    if (problem) reject({ table: 'cases', id: record.id.slice(0, 120), ...problem });
    return !problem;
  });
  const evidence = parseAll('evidence', EvidenceSchema, (raw, id) => {
    const row = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const blob = fileFor(id, 'blob', row.blob);
    const thumbnail = row.thumbnail === undefined ? undefined : fileFor(id, 'thumbnail', row.thumbnail);
    if (!blob || (row.thumbnail !== undefined && !thumbnail)) return undefined;
    const ref = BlobRefSchema.parse(row.blob);
    if (typeof row.sha256 === 'string' && row.sha256 !== fileChecks.get(ref.blob)?.actualSha256) {
      reject({ table: 'evidence', id, field: 'sha256', reason: 'evidence-hash' });
      return undefined;
    }
    if (typeof row.bytes === 'number' && row.bytes !== blob.size) {
      reject({ table: 'evidence', id, field: 'bytes', reason: 'invalid', detail: `${row.bytes} ≠ ${blob.size}` });
      return undefined;
    }
    return { ...row, blob, ...(thumbnail && { thumbnail }) };
  });
  const events = parseAll('events', TimelineEventSchema);
  const checklist = parseAll('checklist', ChecklistStepStateSchema);
  const custody = parseAll('custody', CustodyEntrySchema);
  const contacts = parseAll('contacts', ContactSchema);
  const sentNotifications = parseAll('sentNotifications', SentNotificationSchema);
  const readings = parseAll('readings', ReadingSchema);

  let settings: Settings | undefined;
  const parsedSettings = SettingsSchema.safeParse(manifest.settings);
  if (parsedSettings.success) settings = parsedSettings.data;
  else reject({ table: 'settings', id: 'settings', reason: 'invalid', ...firstIssue(parsedSettings.error) });

  // Ids that must be unique.
  const unique = <T>(table: BackupTable, rows: T[], key: (row: T) => string | undefined): T[] => {
    const seen = new Set<string>();
    return rows.filter((row) => {
      const k = key(row);
      if (k === undefined) return true;
      if (!seen.has(k)) return seen.add(k), true;
      reject({ table, id: k, reason: 'duplicate' });
      return false;
    });
  };
  const uniqueCases = unique('cases', cases, (c) => c.id);
  const uniqueEvidence = unique('evidence', evidence, (e) => e.id);
  const uniqueEvents = unique('events', events, (e) => (e.id === undefined ? undefined : String(e.id)));
  const uniqueChecklist = unique('checklist', checklist, (s) => `${s.caseId} ${s.stepId}`);
  const uniqueCustody = unique('custody', custody, (c) => `${c.caseId} #${c.seq}`);
  const uniqueContacts = unique('contacts', contacts, (c) => c.id);
  const uniqueSent = unique('sentNotifications', sentNotifications, (n) => `${n.caseId} ${n.rule} ${n.thresholdHours}h`);
  const uniqueReadings = unique('readings', readings, (r) => (r.id === undefined ? undefined : String(r.id)));

  // Every record belongs to a case of the backup. A case that is itself rejected takes its records with it
  // silently: the case's own rejection says what is wrong, once.
  const caseIds = new Set(uniqueCases.map((c) => c.id));
  const caseIdsInFile = new Set(manifest.tables.cases.map((raw) => (raw as { id?: unknown })?.id).filter((id) => typeof id === 'string'));
  const inBackup = <T extends { caseId: string }>(table: BackupTable, rows: T[], id: (row: T) => string): T[] =>
    rows.filter((row) => {
      if (caseIds.has(row.caseId)) return true;
      if (!caseIdsInFile.has(row.caseId)) reject({ table, id: id(row), field: 'caseId', reason: 'no-case', detail: row.caseId });
      return false;
    });
  const finalEvidence = inBackup('evidence', uniqueEvidence, (e) => e.id);
  const finalEvents = inBackup('events', uniqueEvents, (e) => recordId('events', e, 0));
  const finalChecklist = inBackup('checklist', uniqueChecklist, (s) => `${s.caseId} ${s.stepId}`);
  const finalCustody = inBackup('custody', uniqueCustody, (c) => `${c.caseId} #${c.seq}`);
  const finalContacts = inBackup('contacts', uniqueContacts, (c) => c.id);
  const finalSent = inBackup('sentNotifications', uniqueSent, (n) => `${n.caseId} ${n.rule} ${n.thresholdHours}h`);
  const finalReadings = inBackup('readings', uniqueReadings, (r) => recordId('readings', r, 0));

  // Each case's custody chain must hold as it is in the backup.
  const logs = groupByCase(finalCustody);
  for (const [caseId, entries] of logs) {
    const breaks = checkChain(caseId, entries);
    if (breaks.length > 0) reject({ table: 'custody', id: `${caseId} #${breaks[0].seq}`, reason: 'custody-broken', detail: breaks[0].kind });
  }

  // Each item must be one its own case's log says the case holds, with that file: an item added outside
  // DisputeKit, or moved from another case, would otherwise be vouched for by the log it never entered.
  const held = new Map([...logs].map(([caseId, entries]) => [caseId, expectedEvidence(entries)]));
  const loggedEvidence = finalEvidence.filter((item) => {
    const inLog = held.get(item.caseId)?.get(item.id);
    if (inLog && inLog.sha256 === item.sha256) return true;
    if (inLog) reject({ table: 'evidence', id: item.id, field: 'sha256', reason: 'custody-mismatch' });
    else {
      const owner = [...held].find(([, present]) => present.has(item.id))?.[0];
      reject({ table: 'evidence', id: item.id, field: 'caseId', ...(owner ? { reason: 'custody-other-case', detail: owner } : { reason: 'custody-missing' }) });
    }
    return false;
  });

  // Each kept token is checked again, as `npm run verify` checks a dossier's: a token that does not stamp its
  // file's hash, is not validly signed by a time-stamping certificate, or is not the one the log recorded, is refused.
  const checkedEvidence = await checkTimestamps(loggedEvidence, logs, reject);

  return {
    backup: {
      exportedAt: manifest.exportedAt,
      extensionVersion: manifest.extensionVersion,
      settings,
      currentCase: manifest.currentCase,
      cases: uniqueCases,
      evidence: checkedEvidence.map(withTimestampDue),
      events: finalEvents,
      checklist: finalChecklist,
      custody: finalCustody,
      contacts: finalContacts,
      sentNotifications: finalSent,
      readings: finalReadings,
    },
    rejected,
  };
}

/**
 * The items whose kept token (if any) holds and is the one their case's log recorded, each with the summary the
 * token itself gives (the backup's own summary is trusted for nothing: a forged one could show another time or
 * authority); the others rejected. The log's entry must name the token's own time and signer too.
 */
async function checkTimestamps(items: EvidenceRecord[], logs: Map<string, CustodyEntry[]>, reject: (r: Rejection) => void): Promise<EvidenceRecord[]> {
  const stamped = items.filter((item) => item.timestamp?.state === 'stamped');
  if (stamped.length === 0) return items;
  // Loaded only for a backup that holds tokens: the CMS code (pkijs) is large.
  const { verifyTimestampRecord } = await import('../timestamp/record');
  const refused = new Set<string>();
  const checked = new Map<string, EvidenceRecord>();
  for (const item of stamped) {
    if (item.timestamp?.state !== 'stamped') continue;
    const { record } = item.timestamp;
    let summary: TimestampSummary;
    try {
      summary = await verifyTimestampRecord(record, item.sha256);
    } catch (error) {
      refused.add(item.id);
      reject({ table: 'evidence', id: item.id, field: 'timestamp', reason: 'timestamp-invalid', detail: (error instanceof TimestampError ? error.detail : String(error)).slice(0, 300) });
      continue;
    }
    const verified = { ...record, summary };
    const logged = loggedTimestamps(logs.get(item.caseId) ?? []).get(item.id);
    if (logged?.token !== sha256HexSync(tokenBytes(record)) || logged.genTime !== summary.genTime || logged.authority !== authorityName(verified).slice(0, 1000)) {
      refused.add(item.id);
      reject({ table: 'evidence', id: item.id, field: 'timestamp', reason: 'timestamp-unlogged' });
      continue;
    }
    checked.set(item.id, { ...item, timestamp: { ...item.timestamp, record: verified } });
  }
  return items.filter((item) => !refused.has(item.id)).map((item) => checked.get(item.id) ?? item);
}

/** An item with its `timestampDue` worked out from its timestamp (the index of due items): what the backup says of it counts for nothing. */
function withTimestampDue(item: EvidenceRecord): EvidenceRecord {
  const { timestampDue: _claimed, ...rest } = item;
  const due = timestampDueOf(rest);
  return due === undefined ? rest : { ...rest, timestampDue: due };
}

/** Custody entries by case, each case's in seq order. */
export function groupByCase(entries: CustodyEntry[]): Map<string, CustodyEntry[]> {
  const byCase = new Map<string, CustodyEntry[]>();
  for (const entry of entries) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
  for (const list of byCase.values()) list.sort((a, b) => a.seq - b.seq);
  return byCase;
}

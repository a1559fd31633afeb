/**
 * Verifies a dossier ZIP outside the browser (Node, `npm run verify`): it refuses anything it cannot vouch
 * for. Every file must be in the custody log, in manifest.json and in the ZIP, once, under the name the
 * exporter gives it, with the bytes, size and metadata the log recorded; the ZIP's structure must be what a
 * ZIP writer makes (lib/cli/zip-read.ts); the chain must hold and end with this export's entry, which
 * vouches for report.html and the rest of the manifest (lib/dossier/export.ts). The checks of the log
 * against what is held are the ones a case's Verify runs too (checkHoldings, lib/cases/custody.ts).
 *
 * Cheap checks come first (the directory, names, the manifest, the log), and a file is inflated only when
 * they leave a chance it matches, in slices and no further than its declared size, so memory stays bounded
 * whatever the ZIP claims (a ZIP bomb fails fast).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { checkChain, checkHoldings, CustodyEntrySchema, entryHash, expectedEvidence, loggedTimestamps, type ChainBreak, type CustodyEntry, type ExportEntry } from '../cases/custody';
import { ManifestTimestampSchema, tokenPath, type ManifestTimestamp } from '../dossier/file-timestamps';
import { HEAD_PAGE_PATH, HEAD_TOKEN_PATH, NotTimestampedSchema } from '../dossier/head-timestamp';
import { TimestampError, timestampRecordSchema, tokenBytes, verifyTimestampRecord, type TimestampRecord } from '../timestamp';
import type { TimestampSummary } from '../timestamp/token';
import { createSha256, sha256HexSync } from '../common/hash';
import { ARCHIVE_POLICY } from '../capture/page-archive';
import { isPrinted } from '../dossier/prints';
import { DOSSIER_FORMAT, EVIDENCE_DIR, evidencePath, MANIFEST_PATH, manifestDigest, ManifestSchema, manifestLineMetadata, printPath, REPORT_PATH, type ManifestFile } from '../dossier/manifest';
import { EntryDamaged, quoted, readEntry, readZipArchive, UnreadableZip, type ZipDirectoryEntry, type ZipSource } from './zip-read';

export type { ZipDirectoryEntry, ZipSource } from './zip-read';

export class NotADossier extends Error {}

/** A manifest past this is not one DisputeKit wrote (10,000 items take about 12 MB); it is not read. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** The inserted run of an archived page is a few hundred bytes. */
const MAX_INSERTED_BYTES = 4096;

/** The entries the ZIP's central directory lists; NotADossier when it is not a ZIP this can read. */
export async function readZipDirectory(source: ZipSource): Promise<ZipDirectoryEntry[]> {
  try {
    return (await readZipArchive(source)).entries;
  } catch (error) {
    if (error instanceof UnreadableZip) throw new NotADossier(error.message);
    throw error;
  }
}

export type FileCheck =
  | { status: 'ok'; path: string; sha256: string; note?: string }
  | { status: 'mismatch'; path: string; expected: string; actual: string }
  | { status: 'missing'; path: string; evidenceId: string }
  | { status: 'unexpected'; path: string }
  | { status: 'unlogged'; path: string; evidenceId: string };

export type ChainCheck =
  | { ok: true; length: number; head: string | null }
  | { ok: false; length: number; breaks: ChainBreak[]; headProblem?: string };

/**
 * The manifest as the verifier reads it: custody entries are taken as they are, so an edited or malformed
 * entry is reported as a break in the chain rather than making the whole dossier unreadable.
 */
const LooseManifestSchema = ManifestSchema.extend({
  // The timestamp members too: one that does not parse is a problem named below, not an unreadable dossier.
  custody: z.object({ entries: z.array(z.unknown()), headHash: z.string().nullable(), headTimestamp: z.unknown().optional(), notTimestamped: z.unknown().optional() }),
  timestamps: z.unknown().optional(),
});
type LooseManifest = z.infer<typeof LooseManifestSchema>;

export type DossierVerdict =
  | { readable: false; reason: string }
  | {
      readable: true;
      /** Null when the ZIP holds more than one manifest.json: none of them is taken. */
      manifest: LooseManifest | null;
      files: FileCheck[];
      /** Everything else that does not match, one line each: the ZIP, names, metadata, the export entry. */
      problems: string[];
      chain: ChainCheck | null;
      /** The custody head's trusted timestamp (null: the manifest could not be taken). A failed check is also a problem. */
      timestamp: TimestampCheck | null;
      /** Each file's own trusted timestamp that holds, or why a file has none; a token that does not hold is a problem. */
      fileTimestamps: FileTimestampCheck[];
      ok: boolean;
    };

/** A file's own token: checked (as `problems` say when it is not), or absent and why. */
export type FileTimestampCheck = { status: 'ok'; path: string; token: string; url: string; summary: TimestampSummary } | { status: 'absent'; path: string; why: string };

export type TimestampCheck =
  | { status: 'ok'; head: string; url: string; summary: TimestampSummary }
  | { status: 'absent'; why: string }
  | { status: 'failed' };

const notADossier = (reason: string): DossierVerdict => ({ readable: false, reason });

export async function verifyDossier(source: ZipSource): Promise<DossierVerdict> {
  let archive;
  try {
    archive = await readZipArchive(source);
  } catch (error) {
    if (error instanceof UnreadableZip) return notADossier(error.message);
    throw error;
  }
  const problems = [...archive.problems];
  const byName = new Map<string, ZipDirectoryEntry[]>();
  for (const entry of archive.entries) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  const unsafe = new Set<string>();
  for (const [name, entries] of byName) {
    // Tools disagree on which of two same-named entries they show: neither is taken.
    if (entries.length > 1) problems.push(`DUPLICATE ${quoted(name)}: the ZIP holds ${entries.length} entries with this name`);
    const why = unsafeName(name);
    if (why) {
      unsafe.add(name);
      problems.push(`UNSAFE NAME ${quoted(name)}: ${why}`);
    }
  }

  const manifests = byName.get(MANIFEST_PATH) ?? [];
  if (manifests.length === 0) return notADossier(`the ZIP has no ${MANIFEST_PATH}: not a DisputeKit dossier`);
  if (manifests.length > 1) return { readable: true, manifest: null, files: [], problems, chain: null, timestamp: null, fileTimestamps: [], ok: false };
  let json: Record<string, unknown>;
  let manifest: LooseManifest;
  try {
    json = await readManifestJson(source, manifests[0], problems);
    manifest = parseManifest(json);
  } catch (error) {
    if (error instanceof NotADossier) return notADossier(error.message);
    throw error;
  }

  const rawEntries = manifest.custody.entries;
  const chain = checkCustody(manifest.case.id, rawEntries, manifest.custody.headHash);
  const logged = rawEntries.flatMap((raw): CustodyEntry[] => {
    const parsed = CustodyEntrySchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const { entry: exportEntry, manifestVouched } = checkExportEntry(rawEntries.at(-1), manifest.exportedAt, json, problems);

  // Each line of the manifest, against the log (the checks a case's Verify runs) and the ZIP.
  const rawLines = json.files as Record<string, unknown>[];
  const holdings = checkHoldings(logged, rawLines.map((line) => ({ evidenceId: String(line.evidenceId), metadata: manifestLineMetadata(line) })));
  const files: FileCheck[] = [];
  const listed = new Set<string>();
  for (const [index, line] of manifest.files.entries()) {
    const { path, evidenceId } = line;
    if (listed.has(path)) problems.push(`DUPLICATE LINE ${quoted(path)}: manifest.json lists this path more than once`);
    listed.add(path);
    const expectedPath = evidencePath(index + 1, manifest.files.length, { id: evidenceId, kind: line.kind, mime: line.mime, fileName: line.fileName, htmlArchive: line.htmlArchive });
    if (path !== expectedPath && !unsafe.has(path)) problems.push(`PATH ${quoted(path)}: DisputeKit names file ${index + 1} of manifest.json (evidence ${evidenceId}) ${expectedPath}`);
    const holding = holdings.items[index];
    if (holding.status === 'duplicate') {
      problems.push(`DUPLICATE EVIDENCE ${evidenceId}: manifest.json lists this item more than once`);
      continue;
    }
    const inZip = byName.get(path) ?? [];
    if (inZip.length === 0) {
      files.push({ status: 'missing', path, evidenceId });
      continue;
    }
    if (holding.status === 'unlogged') {
      files.push({ status: 'unlogged', path, evidenceId });
      continue;
    }
    if (holding.metadataChanged) problems.push(`METADATA ${quoted(path)}: its details in manifest.json are not those custody entry ${holding.logged.seq} recorded`);
    // Names already refused are not read: which of two entries, or what a tool would write where, is unknowable.
    if (inZip.length > 1 || unsafe.has(path)) continue;
    const [entry] = inZip;
    if (line.bytes !== entry.size) problems.push(`SIZE ${quoted(path)}: manifest.json says ${line.bytes} bytes, the ZIP entry holds ${entry.size}`);
    // Never read past the size the log vouches for: the line's, when its metadata matches its entry (or, for
    // an entry logged before metadata was covered, when the export entry vouches for the manifest).
    const sizeVouched = holding.logged.meta !== undefined ? !holding.metadataChanged : manifestVouched;
    if (!sizeVouched || entry.size > line.bytes) continue;
    const result = await hashEntry(source, entry, line.htmlArchive);
    const expected = holding.logged.sha256;
    if (result.damage) problems.push(`DAMAGED ${quoted(path)}: ${result.damage}`);
    if (result.sha256 === undefined) continue;
    if (result.sha256 !== expected || line.sha256 !== expected) {
      files.push({ status: 'mismatch', path, expected, actual: result.sha256 });
      continue;
    }
    if (line.htmlArchive && result.original) problems.push(...originalProblems(path, line.htmlArchive, result.original));
    files.push({ status: 'ok', path, sha256: result.sha256, ...(holding.logged.meta === undefined && { note: 'logged before DisputeKit covered file details: they are vouched for by the export entry only' }) });
  }
  // Stamped prints: made at export, so the export entry vouches for them through the manifest digest.
  const screenshots = new Map(manifest.files.filter(isPrinted).map((f) => [f.path, f]));
  for (const print of manifest.prints ?? []) {
    const { path } = print;
    if (listed.has(path)) problems.push(`DUPLICATE LINE ${quoted(path)}: manifest.json lists this path more than once`);
    listed.add(path);
    const original = screenshots.get(print.of);
    if (!original || original.evidenceId !== print.evidenceId) problems.push(`PRINT ${quoted(path)}: manifest.json says it is the print of ${quoted(print.of)}, which is not a screenshot of this dossier`);
    else if (path !== printPath(print.of)) problems.push(`PATH ${quoted(path)}: DisputeKit names the print of ${print.of} ${printPath(print.of)}`);
    const inZip = byName.get(path) ?? [];
    if (inZip.length === 0) {
      files.push({ status: 'missing', path, evidenceId: print.evidenceId });
      continue;
    }
    if (inZip.length > 1 || unsafe.has(path)) continue;
    const [entry] = inZip;
    if (print.bytes !== entry.size) problems.push(`SIZE ${quoted(path)}: manifest.json says ${print.bytes} bytes, the ZIP entry holds ${entry.size}`);
    if (!manifestVouched || entry.size > print.bytes) continue;
    const result = await hashEntry(source, entry);
    if (result.damage) problems.push(`DAMAGED ${quoted(path)}: ${result.damage}`);
    if (result.sha256 === undefined) continue;
    if (result.sha256 !== print.sha256) files.push({ status: 'mismatch', path, expected: print.sha256, actual: result.sha256 });
    else files.push({ status: 'ok', path, sha256: result.sha256, note: `stamped print of ${print.of}, made at export` });
  }
  const fileTimestamps = await checkFileTimestamps(source, manifest.timestamps, manifest.files, logged, byName, unsafe, listed, problems);
  const timestamp = await checkHeadTimestamp(source, manifest.custody, logged, byName, unsafe, problems);
  listed.add(HEAD_TOKEN_PATH);
  // The page that describes the token, in the user's language: expected beside it, vouched for by nothing (the token is the proof).
  if (byName.has(HEAD_PAGE_PATH)) listed.add(HEAD_PAGE_PATH);
  // Every item the log says the case holds must be in the dossier.
  for (const [evidenceId] of holdings.missing) files.push({ status: 'missing', path: `${EVIDENCE_DIR}? (${evidenceId})`, evidenceId });
  for (const name of byName.keys()) {
    if (name !== MANIFEST_PATH && name !== REPORT_PATH && !listed.has(name) && !unsafe.has(name)) files.push({ status: 'unexpected', path: name });
  }

  const reports = byName.get(REPORT_PATH) ?? [];
  if (reports.length === 0) problems.push(`MISSING ${REPORT_PATH}`);
  else if (reports.length === 1 && exportEntry) {
    const result = await hashEntry(source, reports[0]);
    if (result.damage) problems.push(`DAMAGED ${quoted(REPORT_PATH)}: ${result.damage}`);
    if (result.sha256 !== undefined && result.sha256 !== exportEntry.sha256) problems.push(`REPORT EDITED: ${REPORT_PATH} hashes to ${result.sha256}, the export entry (entry ${exportEntry.seq}) holds ${exportEntry.sha256}`);
  }
  return { readable: true, manifest, files, problems, chain, timestamp, fileTimestamps, ok: problems.length === 0 && chain.ok && files.every((f) => f.status === 'ok') };
}

/** A token is a few kilobytes (requestTimestamp takes no answer over 256 KiB): a larger file is not read. */
const MAX_TOKEN_FILE_BYTES = 256 * 1024;

const NOT_TIMESTAMPED_WHY: Record<string, string> = {
  off: 'trusted timestamps were off when it was exported',
  'no-authority': 'no valid authority was chosen in Settings',
  'no-permission': 'the authority’s host had not been granted',
};

/**
 * The custody head's token (manifest.json `custody.headTimestamp`), checked offline against the head as
 * recomputed from the log's last entry: a log truncated or rewritten after export has another head, so the
 * token no longer stamps it. Its signature must hold and its certificate be a time-stamping one; the copy in
 * timestamps/custody-head.tsr must be the same bytes. No token is not a failure: the dossier is untimestamped.
 */
async function checkHeadTimestamp(source: ZipSource, custody: LooseManifest['custody'], logged: CustodyEntry[], byName: Map<string, ZipDirectoryEntry[]>, unsafe: Set<string>, problems: string[]): Promise<TimestampCheck> {
  const files = byName.get(HEAD_TOKEN_PATH) ?? [];
  if (custody.headTimestamp === undefined) {
    if (files.length) problems.push(`TIMESTAMP FILE ${quoted(HEAD_TOKEN_PATH)}: the ZIP holds a token but manifest.json has no custody.headTimestamp`);
    const not = NotTimestampedSchema.safeParse(custody.notTimestamped);
    const why = not.success ? (NOT_TIMESTAMPED_WHY[not.data.reason] ?? `the authority failed (${not.data.reason}${not.data.detail ? `: ${not.data.detail}` : ''})`) : 'manifest.json says nothing of a timestamp';
    return { status: 'absent', why };
  }
  const parsed = timestampRecordSchema.safeParse(custody.headTimestamp);
  if (!parsed.success) {
    problems.push(`TIMESTAMP UNREADABLE: custody.headTimestamp in manifest.json is not a timestamp record (at ${parsed.error.issues[0]?.path.join('.') || '?'})`);
    return { status: 'failed' };
  }
  const record = parsed.data;
  const last = logged.at(-1);
  // Recomputed, not the hash the entry states: an edited entry then cannot lend the token its old hash.
  const head = last ? entryHash(last) : null;
  let check: TimestampCheck = { status: 'failed' };
  if (!head) problems.push('TIMESTAMP: the custody log has no entry for the token to stamp');
  else {
    try {
      check = { status: 'ok', head, url: record.url, summary: await verifyTimestampRecord(record, head) };
    } catch (error) {
      if (!(error instanceof TimestampError)) throw error;
      problems.push(
        error.code === 'wrong-imprint'
          ? `TIMESTAMP MISMATCH: the token in custody.headTimestamp does not stamp the custody log's head ${head} (${error.detail}): the log was truncated or rewritten after it was timestamped`
          : `TIMESTAMP ${error.code.toUpperCase()}: the token in custody.headTimestamp does not hold: ${error.detail}`,
      );
    }
  }
  if (files.length === 0) problems.push(`MISSING ${HEAD_TOKEN_PATH}: manifest.json holds a head timestamp, the ZIP has no copy of its token`);
  else if (files.length === 1 && !unsafe.has(HEAD_TOKEN_PATH) && !(await sameToken(source, files[0], record, problems))) {
    problems.push(`TIMESTAMP FILE ${quoted(HEAD_TOKEN_PATH)}: its bytes are not the token in manifest.json's custody.headTimestamp`);
  }
  return check;
}

/** Whether a token file of the ZIP holds exactly the record's token (read only when its size says it can). */
async function sameToken(source: ZipSource, entry: ZipDirectoryEntry, record: TimestampRecord, problems: string[]): Promise<boolean> {
  const expected = tokenBytes(record);
  if (entry.size !== expected.length || entry.size > MAX_TOKEN_FILE_BYTES) return false;
  const chunks: Uint8Array[] = [];
  try {
    await readEntry(source, entry, (c) => chunks.push(c.slice()));
  } catch (error) {
    if (!(error instanceof EntryDamaged)) throw error;
    problems.push(`DAMAGED ${quoted(entry.name)}: ${error.message}`);
    return false;
  }
  const bytes = concat(chunks);
  return bytes.length === expected.length && bytes.every((b, i) => b === expected[i]);
}

/**
 * Each file's own token (manifest.json `timestamps`, lib/dossier/file-timestamps.ts), checked offline: it stamps
 * the hash the custody log vouches for the file, its signature holds, its certificate is a time-stamping one, it
 * is the very token the log's 'timestamped' entry recorded (a swapped token, even a valid one, fails), and the
 * .tsr beside it holds the same bytes. A file the log says was timestamped must have its token in the dossier.
 */
async function checkFileTimestamps(
  source: ZipSource,
  raw: unknown,
  files: ManifestFile[],
  logged: CustodyEntry[],
  byName: Map<string, ZipDirectoryEntry[]>,
  unsafe: Set<string>,
  listed: Set<string>,
  problems: string[],
): Promise<FileTimestampCheck[]> {
  const checks: FileTimestampCheck[] = [];
  const held = expectedEvidence(logged);
  const stampedInLog = loggedTimestamps(logged);
  const lines = Array.isArray(raw) ? raw : [];
  if (raw !== undefined && !Array.isArray(raw)) problems.push('TIMESTAMPS UNREADABLE: timestamps in manifest.json is not a list');
  const seen = new Map<string, ManifestTimestamp>();
  for (const [index, rawLine] of lines.entries()) {
    const parsed = ManifestTimestampSchema.safeParse(rawLine);
    const of = typeof (rawLine as { of?: unknown })?.of === 'string' ? (rawLine as { of: string }).of : `line ${index + 1}`;
    if (!parsed.success) {
      problems.push(`TIMESTAMP UNREADABLE ${quoted(of)}: line ${index + 1} of timestamps in manifest.json is not a file's timestamp (at ${parsed.error.issues[0]?.path.join('.') || '?'})`);
      continue;
    }
    const line = parsed.data;
    if (seen.has(line.of)) problems.push(`DUPLICATE LINE ${quoted(line.of)}: timestamps in manifest.json lists this file more than once`);
    seen.set(line.of, line);
  }
  for (const file of files) {
    const line = seen.get(file.path);
    seen.delete(file.path);
    const inLog = stampedInLog.get(file.evidenceId);
    if (!line) {
      if (inLog) problems.push(`TIMESTAMP MISSING ${quoted(file.path)}: custody entry ${inLog.seq} records its token (SHA-256 ${inLog.token}), manifest.json holds none`);
      else if (raw !== undefined) checks.push({ status: 'absent', path: file.path, why: 'manifest.json says nothing of its timestamp' });
      continue;
    }
    if (line.evidenceId !== file.evidenceId) {
      problems.push(`TIMESTAMP ${quoted(file.path)}: its line in timestamps names evidence ${line.evidenceId}, the file is evidence ${file.evidenceId}`);
      continue;
    }
    if ('notTimestamped' in line) {
      if (inLog) problems.push(`TIMESTAMP MISSING ${quoted(file.path)}: custody entry ${inLog.seq} records its token (SHA-256 ${inLog.token}), manifest.json says it has none`);
      else checks.push({ status: 'absent', path: file.path, why: FILE_NOT_TIMESTAMPED_WHY[line.notTimestamped.reason] ?? `the authority failed (${line.notTimestamped.reason}${line.notTimestamped.detail ? `: ${line.notTimestamped.detail}` : ''})` });
      continue;
    }
    listed.add(line.path);
    const sha256 = held.get(file.evidenceId)?.sha256;
    let ok = true;
    if (line.path !== tokenPath(file.path)) {
      problems.push(`PATH ${quoted(line.path)}: DisputeKit names the token of ${file.path} ${tokenPath(file.path)}`);
      ok = false;
    }
    let summary: TimestampSummary | undefined;
    if (sha256 === undefined) ok = false; // Not in the log: the file's own line says so.
    else {
      try {
        summary = await verifyTimestampRecord(line.record, sha256);
      } catch (error) {
        if (!(error instanceof TimestampError)) throw error;
        ok = false;
        problems.push(
          error.code === 'wrong-imprint'
            ? `TIMESTAMP MISMATCH ${quoted(file.path)}: its token does not stamp the file's SHA-256 ${sha256} (${error.detail})`
            : `TIMESTAMP ${error.code.toUpperCase()} ${quoted(file.path)}: its token does not hold: ${error.detail}`,
        );
      }
    }
    const tokenHash = sha256HexSync(tokenBytes(line.record));
    if (!inLog || inLog.token !== tokenHash) {
      ok = false;
      problems.push(`TIMESTAMP UNLOGGED ${quoted(file.path)}: its token (SHA-256 ${tokenHash}) is not the one the custody log recorded${inLog ? ` (entry ${inLog.seq}: ${inLog.token})` : ' (the log records none)'}`);
    }
    const inZip = byName.get(line.path) ?? [];
    if (inZip.length === 0) {
      ok = false;
      problems.push(`MISSING ${line.path}: manifest.json holds the token of ${file.path}, the ZIP has no copy of it`);
    } else if (inZip.length === 1 && !unsafe.has(line.path) && !(await sameToken(source, inZip[0], line.record, problems))) {
      ok = false;
      problems.push(`TIMESTAMP FILE ${quoted(line.path)}: its bytes are not the token manifest.json holds for ${file.path}`);
    }
    if (ok && summary) checks.push({ status: 'ok', path: file.path, token: line.path, url: line.record.url, summary });
  }
  for (const of of seen.keys()) problems.push(`TIMESTAMP ${quoted(of)}: timestamps in manifest.json lists a file the dossier does not hold`);
  return checks;
}

const FILE_NOT_TIMESTAMPED_WHY: Record<string, string> = {
  off: 'trusted timestamps were off when it was saved',
  'no-authority': 'no valid authority was chosen in Settings',
  'no-permission': 'the authority’s host had not been granted',
  pending: 'it was still being asked for when the dossier was exported',
  'not-asked': 'saved before DisputeKit timestamped each file',
};

/** Why a name must not be written to disk as it is, if it must not. */
function unsafeName(name: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it holds a control character (NUL, line break…)';
  if (name.includes('\\')) return 'it holds a backslash, a folder separator on Windows';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is an absolute path';
  if (name.includes('//')) return 'it holds an empty folder name (//)';
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'it holds a .. or . folder, which leads outside where it is unpacked';
  return undefined;
}

async function readManifestJson(source: ZipSource, entry: ZipDirectoryEntry, problems: string[]): Promise<Record<string, unknown>> {
  if (entry.size > MAX_MANIFEST_BYTES) throw new NotADossier(`${MANIFEST_PATH} declares ${entry.size} bytes, more than any dossier's (${MAX_MANIFEST_BYTES})`);
  const chunks: Uint8Array[] = [];
  try {
    await readEntry(source, entry, (c) => chunks.push(c.slice()));
  } catch (error) {
    // A wrong CRC alone leaves the bytes readable; the manifest is then checked like any other content.
    if (!(error instanceof EntryDamaged) || !error.crcOnly) throw new NotADossier(`${MANIFEST_PATH} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    problems.push(`DAMAGED ${quoted(MANIFEST_PATH)}: ${error.message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks)));
  } catch {
    throw new NotADossier(`${MANIFEST_PATH} is not JSON`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new NotADossier(`${MANIFEST_PATH} is not a DisputeKit dossier manifest`);
  return json as Record<string, unknown>;
}

function parseManifest(json: Record<string, unknown>): LooseManifest {
  if (json.format !== 'disputekit-dossier') throw new NotADossier(`${MANIFEST_PATH} is not a DisputeKit dossier manifest (format ${quoted(String(json.format))})`);
  if (json.formatVersion === 1) throw new NotADossier(`${MANIFEST_PATH} has formatVersion 1 (DisputeKit 0.1): its report, order facts and file details are not covered by its custody log, so it cannot be vouched for; export the case again`);
  if (json.formatVersion !== DOSSIER_FORMAT) throw new NotADossier(`${MANIFEST_PATH} has formatVersion ${JSON.stringify(json.formatVersion) ?? 'none'}; this verifier reads format ${DOSSIER_FORMAT} only`);
  const parsed = LooseManifestSchema.safeParse(json);
  if (!parsed.success) throw new NotADossier(`${MANIFEST_PATH} is not a DisputeKit dossier manifest (at ${parsed.error.issues[0]?.path.join('.') ?? '?'})`);
  return parsed.data;
}

function checkCustody(caseId: string, entries: unknown[], headHash: string | null): ChainCheck {
  const breaks = checkChain(caseId, entries);
  const last = (entries.at(-1) as { hash?: string } | undefined)?.hash ?? null;
  const headProblem = last !== headHash ? `head hash ${headHash ?? 'none'} is not the last entry's ${last ?? 'none'}` : undefined;
  if (breaks.length || headProblem) return { ok: false, length: entries.length, breaks, ...(headProblem && { headProblem }) };
  return { ok: true, length: entries.length, head: last };
}

/** The log must end with this export's entry, and it must vouch for this manifest. */
function checkExportEntry(raw: unknown, exportedAt: string, json: Record<string, unknown>, problems: string[]): { entry?: ExportEntry; manifestVouched: boolean } {
  const parsed = CustodyEntrySchema.safeParse(raw);
  if (!parsed.success || parsed.data.action !== 'exported') {
    problems.push('NO EXPORT ENTRY: the custody log does not end with the entry the export writes, which vouches for manifest.json and report.html');
    return { manifestVouched: false };
  }
  const entry = parsed.data;
  if (entry.at !== exportedAt) problems.push(`EXPORT ENTRY: written at ${entry.at}, but manifest.json says the dossier was exported at ${exportedAt}`);
  const digest = manifestDigest(json);
  if (digest !== entry.manifest) problems.push(`MANIFEST EDITED: ${MANIFEST_PATH} (apart from its custody log) hashes to ${digest}, the export entry (entry ${entry.seq}) holds ${entry.manifest}`);
  return { entry, manifestVouched: digest === entry.manifest && entry.at === exportedAt };
}

interface HashResult {
  sha256?: string;
  damage?: string;
  /** For an archived page: the SHA-256 without the inserted run, and that run. */
  original?: { sha256: string; inserted: Uint8Array };
}

/** Streams an entry through SHA-256 (and, for an archived page, through a second one that skips the inserted run). */
async function hashEntry(source: ZipSource, entry: ZipDirectoryEntry, htmlArchive?: ManifestFile['htmlArchive']): Promise<HashResult> {
  const hash = createSha256();
  const original = htmlArchive && htmlArchive.insertedBytes <= MAX_INSERTED_BYTES ? { hash: createSha256(), inserted: new Uint8Array(htmlArchive.insertedBytes), start: htmlArchive.insertedAt, end: htmlArchive.insertedAt + htmlArchive.insertedBytes } : undefined;
  let position = 0;
  let damage: string | undefined;
  try {
    await readEntry(source, entry, (chunk) => {
      hash.update(chunk);
      if (original) {
        const from = position;
        const to = position + chunk.length;
        const cutStart = Math.min(Math.max(original.start - from, 0), chunk.length);
        const cutEnd = Math.min(Math.max(original.end - from, 0), chunk.length);
        original.hash.update(chunk.subarray(0, cutStart));
        if (cutEnd > cutStart) original.inserted.set(chunk.subarray(cutStart, cutEnd), from + cutStart - original.start);
        original.hash.update(chunk.subarray(cutEnd));
        position = to;
      }
    });
  } catch (error) {
    if (!(error instanceof EntryDamaged)) throw error;
    if (!error.crcOnly) return { damage: error.message };
    damage = error.message;
  }
  return { sha256: hash.hex(), ...(damage && { damage }), ...(original && { original: { sha256: original.hash.hex(), inserted: original.inserted } }) };
}

/** An archived page must be the page as saved plus one script-forbidding policy, as its metadata says. */
function originalProblems(path: string, htmlArchive: NonNullable<ManifestFile['htmlArchive']>, original: { sha256: string; inserted: Uint8Array }): string[] {
  const inserted = new TextDecoder().decode(original.inserted);
  const policy = /^<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(inserted)?.[1];
  const problems: string[] = [];
  if (!policy || !policy.includes("script-src 'none'") || !policy.includes("default-src 'none'")) problems.push(`ARCHIVE ${quoted(path)}: the bytes its metadata says DisputeKit inserted are not a policy that forbids scripts (expected ${ARCHIVE_POLICY})`);
  if (original.sha256 !== htmlArchive.originalSha256) problems.push(`ARCHIVE ${quoted(path)}: without its inserted policy it hashes to ${original.sha256}, not the page's ${htmlArchive.originalSha256}`);
  return problems;
}

/** One line per file and per problem, one for the chain, and the exit code: 0 all vouched for, 1 anything does not match, 2 not a dossier. */
export function describeVerdict(verdict: DossierVerdict): { lines: string[]; exitCode: 0 | 1 | 2 } {
  if (!verdict.readable) return { lines: [`NOT A DOSSIER: ${verdict.reason}`], exitCode: 2 };
  const lines = verdict.files.map((f) => {
    switch (f.status) {
      case 'ok':
        return `OK ${f.path} ${f.sha256}${f.note ? ` (${f.note})` : ''}`;
      case 'mismatch':
        return `MISMATCH ${f.path} expected ${f.expected} actual ${f.actual}`;
      case 'missing':
        return `MISSING ${f.path} (evidence ${f.evidenceId})`;
      case 'unexpected':
        return `UNEXPECTED ${f.path}`;
      case 'unlogged':
        return `UNLOGGED ${f.path} (evidence ${f.evidenceId}): the custody log does not hold it, so nothing vouches for it`;
    }
  });
  for (const stamp of verdict.fileTimestamps) {
    if (stamp.status === 'absent') lines.push(`NOT TIMESTAMPED ${stamp.path}: ${stamp.why}`);
    else {
      const { summary } = stamp;
      lines.push(`TIMESTAMP OK ${stamp.path} stamped at ${summary.genTime} by ${signerOf(summary)}${summary.tsaName ? ` (TSA name ${summary.tsaName})` : ''}, certificate SHA-256 ${summary.signer.sha256}, serial ${summary.serial}, token ${stamp.token}`);
    }
  }
  lines.push(...verdict.problems);
  const { chain } = verdict;
  const { timestamp } = verdict;
  if (timestamp?.status === 'ok') {
    const { summary, head, url } = timestamp;
    lines.push(`TIMESTAMP OK custody head ${head} stamped at ${summary.genTime} by ${signerOf(summary)}${summary.tsaName ? ` (TSA name ${summary.tsaName})` : ''}, certificate SHA-256 ${summary.signer.sha256}, serial ${summary.serial}, asked of ${url}`);
  } else if (timestamp?.status === 'absent') lines.push(`NOT TIMESTAMPED: ${timestamp.why}`);
  if (chain?.ok) lines.push(`CHAIN OK ${chain.length} entries, head ${chain.head ?? 'none'}`);
  else if (chain) {
    const why = chain.breaks.map((b) => `entry ${b.seq}: ${b.kind}`);
    if (chain.headProblem) why.push(chain.headProblem);
    lines.push(`CHAIN BROKEN ${why.join('; ')}`);
  }
  lines.push(verdict.ok ? 'DOSSIER OK' : 'DOSSIER FAILED');
  return { lines, exitCode: verdict.ok ? 0 : 1 };
}

function signerOf(summary: TimestampSummary): string {
  return [summary.signer.commonName, summary.signer.organization].filter(Boolean).join(', ') || summary.signer.subject;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** A ZIP on disk, read in ranges. */
export async function fileSource(path: string): Promise<ZipSource> {
  const { size } = await stat(path);
  return {
    size,
    async read(offset, length) {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
      } finally {
        await handle.close();
      }
    },
    async *stream(offset, length) {
      if (length === 0) return;
      for await (const chunk of createReadStream(path, { start: offset, end: offset + length - 1, highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
    },
  };
}

/** A ZIP in memory (tests). */
export function bufferSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    async read(offset, length) {
      return bytes.subarray(offset, offset + length);
    },
    async *stream(offset, length) {
      for (let i = offset; i < offset + length; i += 65536) yield bytes.subarray(i, Math.min(offset + length, i + 65536));
    },
  };
}

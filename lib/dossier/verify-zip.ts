/**
 * Verifies a dossier ZIP outside the browser (Node): re-hashes every file against manifest.json, re-checks
 * the custody chain, and checks that every logged file is present and nothing unlisted was slipped into
 * evidence/. Reads the ZIP's central directory (a few KB at its end), then streams each entry's bytes
 * through a hash, so a 200 MB dossier is never held in memory.
 *
 * Why not fflate's streaming Unzip: it finds the end of a streamed entry by scanning for the data-descriptor
 * signature, and a random-byte video contains those four bytes by chance (about once per 4 GB, so a few
 * percent of 200 MB dossiers), which would cut a file short and report a false mismatch. The central
 * directory states each entry's exact offset and size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { z } from 'zod';
import { checkChain, CustodyEntrySchema, expectedEvidence, type ChainBreak } from '../custody';
import { EVIDENCE_DIR, MANIFEST_PATH, ManifestSchema, REPORT_PATH } from './manifest';

/** Random access to the ZIP's bytes: a file on disk (the CLI) or a buffer (tests). */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
}

export class NotADossier extends Error {}

export interface ZipDirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries the ZIP's central directory lists; NotADossier when it is not a complete ZIP. */
export async function readZipDirectory(source: ZipSource): Promise<ZipDirectoryEntry[]> {
  if (source.size < 22) throw new NotADossier('the file is too short to be a ZIP archive');
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new NotADossier('no ZIP end record: not a ZIP archive, or a truncated one');
  const count = u16(tail, at + 10);
  const directorySize = u32(tail, at + 12);
  const directoryOffset = u32(tail, at + 16);
  if (directoryOffset === 0xffffffff || count === 0xffff) throw new NotADossier('ZIP64 archives are not dossiers');
  if (directoryOffset + directorySize > source.size) throw new NotADossier('the ZIP central directory lies beyond the end of the file: truncated');
  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipDirectoryEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || u32(directory, p) !== CENTRAL) throw new NotADossier('the ZIP central directory is damaged');
    const nameLength = u16(directory, p + 28);
    const name = new TextDecoder().decode(directory.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method: u16(directory, p + 10), compressedSize: u32(directory, p + 20), size: u32(directory, p + 24), localHeaderOffset: u32(directory, p + 42) });
    p += 46 + nameLength + u16(directory, p + 30) + u16(directory, p + 32);
  }
  return entries;
}

/** Streams an entry's uncompressed bytes to `onChunk`. Throws on a damaged entry or an unknown compression. */
async function readEntry(source: ZipSource, entry: ZipDirectoryEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== LOCAL) throw new Error('no local header where the directory points');
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > source.size) throw new Error('the entry runs past the end of the file');
  if (entry.method === 0) {
    for await (const chunk of source.stream(start, entry.compressedSize)) onChunk(chunk);
    return;
  }
  if (entry.method !== 8) throw new Error(`unknown compression method ${entry.method}`);
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    onChunk(chunk);
    if (final) ended = true;
  });
  for await (const chunk of source.stream(start, entry.compressedSize)) inflate.push(chunk, false);
  inflate.push(new Uint8Array(0), true);
  if (!ended) throw new Error('the compressed data ends early');
}

async function hashEntry(source: ZipSource, entry: ZipDirectoryEntry): Promise<{ sha256: string; bytes: number } | { error: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await readEntry(source, entry, (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { sha256: hash.digest('hex'), bytes };
}

export type FileCheck =
  | { status: 'ok'; path: string; sha256: string }
  | { status: 'mismatch'; path: string; expected: string; actual: string }
  | { status: 'missing'; path: string; evidenceId: string }
  | { status: 'unexpected'; path: string };

export type ChainCheck =
  | { ok: true; length: number; head: string | null }
  | { ok: false; length: number; breaks: ChainBreak[]; headProblem?: string };

/**
 * The manifest as the verifier reads it: custody entries are taken as they are, so an edited or malformed
 * entry is reported as a break in the chain rather than making the whole dossier unreadable.
 */
const LooseManifestSchema = ManifestSchema.extend({ custody: z.object({ entries: z.array(z.unknown()), headHash: z.string().nullable() }) });
type LooseManifest = z.infer<typeof LooseManifestSchema>;

export type DossierVerdict =
  | { readable: false; reason: string }
  | { readable: true; manifest: LooseManifest; files: FileCheck[]; chain: ChainCheck; ok: boolean };

export async function verifyDossier(source: ZipSource): Promise<DossierVerdict> {
  let manifest: LooseManifest;
  let entries: ZipDirectoryEntry[];
  try {
    entries = await readZipDirectory(source);
    const manifestEntry = entries.find((e) => e.name === MANIFEST_PATH);
    if (!manifestEntry) throw new NotADossier(`the ZIP has no ${MANIFEST_PATH}: not a DisputeKit dossier`);
    manifest = await readManifest(source, manifestEntry);
  } catch (error) {
    if (error instanceof NotADossier) return { readable: false, reason: error.message };
    throw error;
  }

  const byName = new Map(entries.map((e) => [e.name, e]));
  const files: FileCheck[] = [];
  const wellFormed = manifest.custody.entries.flatMap((e) => {
    const parsed = CustodyEntrySchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  const logged = expectedEvidence(wellFormed);
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const entry = byName.get(file.path);
    if (!entry) {
      files.push({ status: 'missing', path: file.path, evidenceId: file.evidenceId });
      continue;
    }
    const result = await hashEntry(source, entry);
    // The custody log's hash is what the case vouches for; the manifest's line must agree with it too.
    const expected = logged.get(file.evidenceId)?.sha256 ?? file.sha256;
    if ('error' in result) files.push({ status: 'mismatch', path: file.path, expected, actual: `unreadable (${result.error})` });
    else if (result.sha256 !== expected || file.sha256 !== expected) files.push({ status: 'mismatch', path: file.path, expected, actual: result.sha256 });
    else files.push({ status: 'ok', path: file.path, sha256: result.sha256 });
  }
  // Every item the log says the case holds must be in the dossier.
  const inManifest = new Set(manifest.files.map((f) => f.evidenceId));
  for (const [evidenceId] of logged) {
    if (!inManifest.has(evidenceId)) files.push({ status: 'missing', path: `${EVIDENCE_DIR}? (${evidenceId})`, evidenceId });
  }
  for (const entry of entries) {
    if (entry.name.startsWith(EVIDENCE_DIR) && !entry.name.endsWith('/') && !listed.has(entry.name)) files.push({ status: 'unexpected', path: entry.name });
    // An entry outside evidence/ other than the manifest and report is unexpected too.
    else if (!entry.name.startsWith(EVIDENCE_DIR) && entry.name !== MANIFEST_PATH && entry.name !== REPORT_PATH) files.push({ status: 'unexpected', path: entry.name });
  }

  const chain = checkCustody(manifest);
  return { readable: true, manifest, files, chain, ok: chain.ok && files.every((f) => f.status === 'ok') };
}

function checkCustody(manifest: LooseManifest): ChainCheck {
  const { entries, headHash } = manifest.custody;
  const breaks = checkChain(manifest.case.id, entries);
  const last = (entries.at(-1) as { hash?: string } | undefined)?.hash ?? null;
  const headProblem = last !== headHash ? `head hash ${headHash ?? 'none'} is not the last entry's ${last ?? 'none'}` : undefined;
  if (breaks.length || headProblem) return { ok: false, length: entries.length, breaks, ...(headProblem && { headProblem }) };
  return { ok: true, length: entries.length, head: last };
}

async function readManifest(source: ZipSource, entry: ZipDirectoryEntry): Promise<LooseManifest> {
  const chunks: Uint8Array[] = [];
  try {
    await readEntry(source, entry, (c) => chunks.push(c.slice()));
  } catch (error) {
    throw new NotADossier(`${MANIFEST_PATH} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new NotADossier(`${MANIFEST_PATH} is not JSON`);
  }
  const parsed = LooseManifestSchema.safeParse(json);
  if (!parsed.success) throw new NotADossier(`${MANIFEST_PATH} is not a DisputeKit dossier manifest (at ${parsed.error.issues[0]?.path.join('.') ?? '?'})`);
  return parsed.data;
}

/** One line per file and one for the chain, and the exit code: 0 all match, 1 a mismatch, 2 not a dossier. */
export function describeVerdict(verdict: DossierVerdict): { lines: string[]; exitCode: 0 | 1 | 2 } {
  if (!verdict.readable) return { lines: [`NOT A DOSSIER: ${verdict.reason}`], exitCode: 2 };
  const lines = verdict.files.map((f) => {
    switch (f.status) {
      case 'ok':
        return `OK ${f.path} ${f.sha256}`;
      case 'mismatch':
        return `MISMATCH ${f.path} expected ${f.expected} actual ${f.actual}`;
      case 'missing':
        return `MISSING ${f.path} (evidence ${f.evidenceId})`;
      case 'unexpected':
        return `UNEXPECTED ${f.path}`;
    }
  });
  const { chain } = verdict;
  if (chain.ok) lines.push(`CHAIN OK ${chain.length} entries, head ${chain.head ?? 'none'}`);
  else {
    const why = chain.breaks.map((b) => `entry ${b.seq}: ${b.kind}`);
    if (chain.headProblem) why.push(chain.headProblem);
    lines.push(`CHAIN BROKEN ${why.join('; ')}`);
  }
  lines.push(verdict.ok ? 'DOSSIER OK' : 'DOSSIER FAILED');
  return { lines, exitCode: verdict.ok ? 0 : 1 };
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

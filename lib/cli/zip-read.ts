/**
 * Reading a ZIP the way a verifier must: nothing taken on trust. The central directory (at the end, a few KB)
 * says where each entry is; every field of it is checked against the entry's local header (and data
 * descriptor), the entries must tile the file from its first byte to the directory with nothing in between
 * (so no entry hides in the local headers only), and an entry's bytes are streamed in small slices, inflated
 * no further than the size it declares, with their CRC-32 checked at the end. Memory holds one slice and its
 * inflated output, whatever the archive claims.
 *
 * Why not fflate's streaming Unzip: it finds the end of a streamed entry by scanning for the data-descriptor
 * signature, and a random-byte video contains those four bytes by chance (about once per 4 GB, so a few
 * percent of 200 MB dossiers), which would cut a file short. The central directory states each entry's exact
 * offset and size. fflate still does the inflating (Inflate).
 */
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

/** Random access to the ZIP's bytes: a file on disk (the CLI) or a buffer (tests). */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
}

/** Not a ZIP this reader can read at all: not a ZIP, truncated, damaged, ZIP64, split. */
export class UnreadableZip extends Error {}

export interface ZipDirectoryEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** Where the entry's (compressed) bytes start, from its local header. */
  dataOffset: number;
}

export interface ZipArchive {
  entries: ZipDirectoryEntry[];
  /** Where a listed entry and its local header disagree, or bytes no listed entry accounts for: one line each. */
  problems: string[];
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Flag bits an archive of DisputeKit's may carry: deflate options (1, 2), data descriptor (3), UTF-8 names (11). */
const KNOWN_FLAGS = 0b0000_1000_0000_1110;
const DESCRIPTOR_FLAG = 0b1000;
/** A dossier lists a few entries per item; 8 MiB of directory is over 100,000 of them. */
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;
/** Compressed bytes handed to the inflater at once: DEFLATE expands at most ~1032×, so one push yields ≤ ~4 MB. */
const INFLATE_SLICE = 4 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A name as a line shows it: quoted, with control characters and backslashes visible. */
export const quoted = (name: string) => JSON.stringify(name);

export async function readZipArchive(source: ZipSource): Promise<ZipArchive> {
  if (source.size < 22) throw new UnreadableZip('the file is too short to be a ZIP archive');
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  // The end record is the last thing in the file: its comment must run exactly to the end.
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new UnreadableZip('no ZIP end record: not a ZIP archive, or a truncated one');
  const endOffset = tailStart + at;
  const count = u16(tail, at + 10);
  const directorySize = u32(tail, at + 12);
  const directoryOffset = u32(tail, at + 16);
  if (directoryOffset === 0xffffffff || directorySize === 0xffffffff || count === 0xffff) throw new UnreadableZip('ZIP64 archives are not dossiers');
  if (u16(tail, at + 4) !== 0 || u16(tail, at + 6) !== 0 || u16(tail, at + 8) !== count) throw new UnreadableZip('a split (multi-disk) ZIP archive is not a dossier');
  if (directoryOffset + directorySize > endOffset) throw new UnreadableZip('the ZIP central directory lies beyond its end record: truncated or damaged');
  if (directorySize > MAX_DIRECTORY_BYTES) throw new UnreadableZip(`the ZIP central directory is ${directorySize} bytes, more than any dossier's`);

  const problems: string[] = [];
  if (directoryOffset + directorySize < endOffset) problems.push(`ZIP ${endOffset - directoryOffset - directorySize} bytes between the central directory and its end record`);
  const directory = await source.read(directoryOffset, directorySize);
  const listed: (ZipDirectoryEntry & { nameBytes: Uint8Array; versionNeeded: number })[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || u32(directory, p) !== CENTRAL) throw new UnreadableZip('the ZIP central directory is damaged');
    const nameLength = u16(directory, p + 28);
    const end = p + 46 + nameLength + u16(directory, p + 30) + u16(directory, p + 32);
    if (end > directory.length) throw new UnreadableZip('the ZIP central directory is damaged');
    const nameBytes = directory.slice(p + 46, p + 46 + nameLength);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      name = new TextDecoder().decode(nameBytes);
      problems.push(`ZIP ${quoted(name)}: its name is not UTF-8`);
    }
    const entry = {
      name,
      nameBytes,
      versionNeeded: u16(directory, p + 6),
      flags: u16(directory, p + 8),
      method: u16(directory, p + 10),
      crc: u32(directory, p + 16),
      compressedSize: u32(directory, p + 20),
      size: u32(directory, p + 24),
      localHeaderOffset: u32(directory, p + 42),
      dataOffset: 0,
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localHeaderOffset === 0xffffffff) throw new UnreadableZip('ZIP64 archives are not dossiers');
    if (u16(directory, p + 34) !== 0) throw new UnreadableZip('a split (multi-disk) ZIP archive is not a dossier');
    if (entry.flags & ~KNOWN_FLAGS) problems.push(`ZIP ${quoted(name)}: flags 0x${entry.flags.toString(16)} (encrypted or unknown)`);
    if (entry.method !== 0 && entry.method !== 8) problems.push(`ZIP ${quoted(name)}: unknown compression method ${entry.method}`);
    if (entry.method === 0 && entry.compressedSize !== entry.size) problems.push(`ZIP ${quoted(name)}: stored, but its sizes differ (${entry.compressedSize} and ${entry.size})`);
    listed.push(entry);
    p = end;
  }
  if (p !== directory.length) problems.push(`ZIP the central directory holds ${directory.length - p} bytes beyond its ${count} entries`);

  // Each entry's local header must say what the directory says, and the entries must tile the file.
  const spans: { start: number; end: number; name: string }[] = [];
  for (const entry of listed) {
    const where = `ZIP ${quoted(entry.name)}:`;
    if (entry.localHeaderOffset + 30 > directoryOffset) {
      problems.push(`${where} its local header would lie beyond the entries`);
      continue;
    }
    const header = await source.read(entry.localHeaderOffset, 30);
    if (u32(header, 0) !== LOCAL) {
      problems.push(`${where} no local header where the central directory points (byte ${entry.localHeaderOffset})`);
      continue;
    }
    const nameLength = u16(header, 26);
    const localName = await source.read(entry.localHeaderOffset + 30, nameLength);
    entry.dataOffset = entry.localHeaderOffset + 30 + nameLength + u16(header, 28);
    const mismatch: string[] = [];
    if (!sameBytes(localName, entry.nameBytes)) mismatch.push(`name ${quoted(new TextDecoder().decode(localName))}`);
    if (u16(header, 4) !== entry.versionNeeded) mismatch.push(`version ${u16(header, 4)}`);
    if (u16(header, 6) !== entry.flags) mismatch.push(`flags 0x${u16(header, 6).toString(16)}`);
    if (u16(header, 8) !== entry.method) mismatch.push(`method ${u16(header, 8)}`);
    const local = { crc: u32(header, 14), compressedSize: u32(header, 18), size: u32(header, 22) };
    let end = entry.dataOffset + entry.compressedSize;
    if (entry.flags & DESCRIPTOR_FLAG) {
      // Streamed: the values follow the data (with or without a signature); the local header holds zeros or the same.
      const descriptor = await source.read(end, 16);
      const signed = descriptor.length >= 4 && u32(descriptor, 0) === DESCRIPTOR ? 4 : 0;
      const after = { crc: u32(descriptor, signed), compressedSize: u32(descriptor, signed + 4), size: u32(descriptor, signed + 8) };
      if (descriptor.length < signed + 12 || !sameValues(after, entry)) mismatch.push('data descriptor');
      if (!sameValues(local, entry) && !(local.crc === 0 && local.compressedSize === 0 && local.size === 0)) mismatch.push('local CRC or sizes');
      end += signed + 12;
    } else if (!sameValues(local, entry)) {
      mismatch.push(`CRC or sizes (${local.crc.toString(16)}, ${local.compressedSize}, ${local.size})`);
    }
    if (mismatch.length) problems.push(`${where} its local header disagrees with the central directory: ${mismatch.join(', ')}`);
    spans.push({ start: entry.localHeaderOffset, end, name: entry.name });
  }
  spans.sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const span of [...spans, { start: directoryOffset, end: directoryOffset, name: '' }]) {
    if (span.start < cursor) problems.push(`ZIP ${quoted(span.name)}: overlaps the entry before it`);
    else if (span.start > cursor) problems.push(await unlisted(source, cursor, span.start));
    cursor = Math.max(cursor, span.end);
  }
  return { entries: listed.map(({ nameBytes: _n, versionNeeded: _v, ...entry }) => entry), problems };
}

/** Bytes between listed entries: an entry only in the local headers, or anything else slipped in. */
async function unlisted(source: ZipSource, start: number, end: number): Promise<string> {
  const head = await source.read(start, Math.min(end - start, 30));
  if (head.length === 30 && u32(head, 0) === LOCAL) {
    const name = new TextDecoder().decode(await source.read(start + 30, Math.min(u16(head, 26), end - start - 30)));
    return `ZIP LOCAL ONLY ${quoted(name)} at byte ${start}: an entry in the local headers that the central directory does not list`;
  }
  return `ZIP ${end - start} bytes at byte ${start} that no listed entry accounts for`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameValues(a: { crc: number; compressedSize: number; size: number }, b: { crc: number; compressedSize: number; size: number }): boolean {
  return a.crc === b.crc && a.compressedSize === b.compressedSize && a.size === b.size;
}

/** An entry whose bytes are not what its headers say: cut short, longer than declared, a wrong CRC. */
export class EntryDamaged extends Error {
  /** Only the CRC-32 is wrong: every byte was read, and can still be hashed. */
  readonly crcOnly: boolean;
  constructor(message: string, crcOnly = false) {
    super(message);
    this.crcOnly = crcOnly;
  }
}

/**
 * Streams an entry's uncompressed bytes to `onChunk`, in slices. Stops with EntryDamaged as soon as it
 * inflates past its declared size, and when its length or CRC-32 do not match at the end.
 */
export async function readEntry(source: ZipSource, entry: ZipDirectoryEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (entry.dataOffset + entry.compressedSize > source.size) throw new EntryDamaged('it runs past the end of the file');
  let size = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > entry.size) throw new EntryDamaged(`it inflates past its declared ${entry.size} bytes`);
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  if (entry.method === 0) {
    for await (const chunk of source.stream(entry.dataOffset, entry.compressedSize)) take(chunk);
  } else if (entry.method === 8) {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for await (const chunk of source.stream(entry.dataOffset, entry.compressedSize)) {
        for (let at = 0; at < chunk.length; at += INFLATE_SLICE) inflate.push(chunk.subarray(at, at + INFLATE_SLICE), false);
      }
      inflate.push(new Uint8Array(0), true);
    } catch (error) {
      // fflate's own errors carry a numeric code; anything else is not about the data.
      if (typeof (error as { code?: unknown }).code !== 'number') throw error;
      throw new EntryDamaged(`its compressed data is damaged (${(error as Error).message})`);
    }
  } else {
    throw new EntryDamaged(`unknown compression method ${entry.method}`);
  }
  if (size !== entry.size) throw new EntryDamaged(`it holds ${size} bytes, not the ${entry.size} it declares`);
  if (crc !== entry.crc) throw new EntryDamaged(`its CRC-32 is ${crc.toString(16).padStart(8, '0')}, not the ${entry.crc.toString(16).padStart(8, '0')} its headers state`, true);
}

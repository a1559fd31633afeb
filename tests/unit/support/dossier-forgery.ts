/**
 * Forged dossiers, made the way an attacker would from a real one (issue 12's list): each takes the entries
 * of an exported dossier and returns the bytes of a ZIP that standard tools still open. The ZIP is written
 * by hand here (stored entries, CRC from node:zlib) because the forgeries need what no ZIP library writes:
 * two entries with one name, a local header that disagrees with the central directory, an entry that is
 * only in the local headers, a deflated entry that declares less than it inflates to.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** The name written in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** A CRC-32 to write instead of the true one (in both headers). */
  crc?: number;
  /** Written deflated (method 8); `data` is then the uncompressed bytes. */
  deflate?: boolean;
  /** An uncompressed size to declare instead of the true one (in both headers). */
  declaredSize?: number;
}

const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** A ZIP of stored entries; `localOnly` entries get a local header and data but no central directory record. */
export function rawZip(entries: RawEntry[], localOnly: RawEntry[] = []): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  const local = (entry: RawEntry) => {
    const name = strToU8(entry.localName ?? entry.name);
    const crc = entry.crc ?? crc32(entry.data);
    const stored = entry.deflate ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    const size = entry.declaredSize ?? entry.data.length;
    const method = entry.deflate ? 8 : 0;
    const header = new Uint8Array([...le32(0x04034b50), ...le16(20), ...le16(0x0800), ...le16(method), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(stored.length), ...le32(size), ...le16(name.length), ...le16(0), ...name]);
    chunks.push(header, stored);
    const at = offset;
    offset += header.length + stored.length;
    return { at, crc, method, compressed: stored.length, size };
  };
  const listed = entries.map((entry) => ({ entry, ...local(entry) }));
  // Local-only entries go after the listed ones, before the central directory, where a streaming reader meets them.
  for (const entry of localOnly) local(entry);
  for (const { entry, at, crc, method, compressed, size } of listed) {
    const name = strToU8(entry.name);
    central.push(...le32(0x02014b50), ...le16(20), ...le16(20), ...le16(0x0800), ...le16(method), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(compressed), ...le32(size), ...le16(name.length), ...le16(0), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(at), ...name);
  }
  const end = [...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(listed.length), ...le16(listed.length), ...le32(central.length), ...le32(offset), ...le16(0)];
  chunks.push(new Uint8Array(central), new Uint8Array(end));
  return new Uint8Array(Buffer.concat(chunks));
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface DossierParts {
  entries: RawEntry[];
  manifest: Json;
}

export function dossierParts(zip: Uint8Array): DossierParts {
  const files = unzipSync(zip);
  return { entries: Object.entries(files).map(([name, data]) => ({ name, data })), manifest: JSON.parse(strFromU8(files['manifest.json'])) };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The entries with the manifest replaced by `manifest`, and any entry renamed or replaced as given. */
function rebuild(parts: DossierParts, manifest: Json, change: (entry: RawEntry) => RawEntry | RawEntry[] = (e) => e): RawEntry[] {
  return parts.entries.flatMap((entry) => change(entry.name === 'manifest.json' ? { name: entry.name, data: strToU8(JSON.stringify(manifest, null, 2)) } : entry));
}

const copy = (value: Json): Json => structuredClone(value);

/** Renames one evidence file, in the ZIP and on its manifest line, keeping its bytes (so its hash still matches). */
function renamed(parts: DossierParts, index: number, to: string): Uint8Array {
  const manifest = copy(parts.manifest);
  const from = manifest.files[index].path;
  manifest.files[index].path = to;
  return rawZip(rebuild(parts, manifest, (e) => (e.name === from ? { ...e, name: to } : e)));
}

/**
 * Every forgery of issue 12, by name. `parts` must come from a dossier with at least two evidence files, the
 * first a captured page (with a URL and title) and the second a file from disk.
 */
export const FORGERIES: Record<string, (parts: DossierParts) => Uint8Array> = {
  'added file with a manifest line the custody log never had': (parts) => {
    const manifest = copy(parts.manifest);
    const data = strToU8('a photo the seller never saw');
    const path = `evidence/${String(manifest.files.length + 1).padStart(2, '0')}-file-forged1.jpg`;
    manifest.files.push({ ...manifest.files[1], path, evidenceId: 'forged1', sha256: sha(data), bytes: data.length });
    return rawZip([...rebuild(parts, manifest), { name: path, data }]);
  },
  'a second manifest.json': (parts) => {
    const forged = copy(parts.manifest);
    forged.case.order.total = { amount: '0.01', currency: 'USD' };
    return rawZip([...parts.entries, { name: 'manifest.json', data: strToU8(JSON.stringify(forged)) }]);
  },
  'a second report.html': (parts) => rawZip([...parts.entries, { name: 'report.html', data: strToU8('<!doctype html><p>The seller is right.</p>') }]),
  'a duplicated evidence name, the forged copy first': (parts) => {
    const target = parts.manifest.files[0].path;
    return rawZip(parts.entries.flatMap((e) => (e.name === target ? [{ name: target, data: strToU8('<html>forged page</html>') }, e] : [e])));
  },
  'a listed name with ..': (parts) => renamed(parts, 0, parts.manifest.files[0].path.replace('evidence/', 'evidence/x/../')),
  'a listed name with a backslash': (parts) => renamed(parts, 0, parts.manifest.files[0].path.replace('evidence/', 'evidence/..\\')),
  'a listed name with //': (parts) => renamed(parts, 0, parts.manifest.files[0].path.replace('evidence/', 'evidence//')),
  'an absolute listed name': (parts) => renamed(parts, 0, `/${parts.manifest.files[0].path}`),
  'a listed name with NUL': (parts) => renamed(parts, 0, parts.manifest.files[0].path.replace('.html', '\u0000.html')),
  'a listed name the exporter does not make': (parts) => renamed(parts, 0, 'evidence/invoice.html'),
  'a wrong CRC': (parts) => rawZip(parts.entries.map((e) => (e.name === parts.manifest.files[1].path ? { ...e, crc: 0x12345678 } : e))),
  'an entry only in the local headers': (parts) => rawZip(parts.entries, [{ name: 'evidence/99-file-hidden.jpg', data: strToU8('hidden from unzip -l, seen by streaming readers') }]),
  'local and central names that differ': (parts) => {
    const target = parts.manifest.files[0].path;
    return rawZip(parts.entries.map((e) => (e.name === target ? { ...e, localName: target.replace(/\.html$/, '.exe!') } : e)));
  },
  'a false bytes': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.files[1].bytes += 1000;
    return rawZip(rebuild(parts, manifest));
  },
  'formatVersion 99': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.formatVersion = 99;
    return rawZip(rebuild(parts, manifest));
  },
  'swapped file paths': (parts) => {
    const manifest = copy(parts.manifest);
    const [a, b] = [manifest.files[0].path, manifest.files[1].path];
    manifest.files[0].path = b;
    manifest.files[1].path = a;
    // The bytes move with the paths, so every path still hashes to its line's SHA-256.
    return rawZip(rebuild(parts, manifest, (e) => (e.name === a ? { ...e, name: b } : e.name === b ? { ...e, name: a } : e)));
  },
  'swapped URL and title': (parts) => {
    const manifest = copy(parts.manifest);
    const page = manifest.files[0];
    page.url = 'https://www.aliexpress.com/p/order/detail.html?orderId=1111111111111111';
    page.title = 'Another order';
    return rawZip(rebuild(parts, manifest));
  },
  'a changed kind': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.files[1].kind = 'note';
    return rawZip(rebuild(parts, manifest));
  },
  'swapped capture times': (parts) => {
    const manifest = copy(parts.manifest);
    const [a, b] = [manifest.files[0], manifest.files[1]];
    [a.capturedAt, b.capturedAt] = [b.capturedAt, a.capturedAt];
    [a.capturedAtLocal, b.capturedAtLocal] = [b.capturedAtLocal, a.capturedAtLocal];
    return rawZip(rebuild(parts, manifest));
  },
  'an added part': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.files[1].part = { index: 2, count: 2 };
    return rawZip(rebuild(parts, manifest));
  },
  'edited order facts': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.case.order.total = { amount: '0.01', currency: 'USD' };
    manifest.case.order.store = { name: 'Attacker Store' };
    return rawZip(rebuild(parts, manifest));
  },
  'an edited deadline': (parts) => {
    const manifest = copy(parts.manifest);
    manifest.deadlines[0].due = '2099-01-01T00:00:00.000Z';
    manifest.deadlines[0].passed = false;
    return rawZip(rebuild(parts, manifest));
  },
  'an edited report.html': (parts) =>
    rawZip(parts.entries.map((e) => (e.name === 'report.html' ? { ...e, data: strToU8(strFromU8(e.data).replace('</h1>', ' (the seller was right)</h1>')) } : e))),
};

/**
 * manifest.json of a dossier: the case and order facts, every file with its SHA-256 and capture metadata, the
 * custody log and the deadlines at export time. Pure, so Node (the verifier) and the browser share it.
 *
 * Format 2: each file's line is its metadata exactly as its custody entry covers it (evidenceMetadata), and
 * the log ends with the export entry, which holds manifestDigest of this manifest and the report's SHA-256.
 */
import { z } from 'zod';
import { canonicalDigest, CustodyEntrySchema, evidenceMetadata, expectedEvidence, type CustodyEntry } from '../cases/custody';
import type { Deadline } from '../deadlines';
import { CaptureRecordSchema, type CaseRecord, type EvidenceRecord, type Reading } from '../common/model';
import { timestampRecordSchema } from '../timestamp/record-schema';
import { NotTimestampedSchema } from './head-timestamp';
import { manifestTimestamp, ManifestTimestampSchema } from './file-timestamps';

/** Bumped when a reader of an older dossier could misread a newer one. 2: metadata in the log, export entry. */
export const DOSSIER_FORMAT = 2;
export const MANIFEST_PATH = 'manifest.json';
export const REPORT_PATH = 'report.html';
export const EVIDENCE_DIR = 'evidence/';
/** Stamped prints of the screenshots (lib/capture/stamped-print.ts), made at export; the originals stay in evidence/. */
export const PRINTS_DIR = 'prints/';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestFileSchema = z.object({
  path: z.string(),
  evidenceId: z.string(),
  kind: z.string(),
  sha256: hex64,
  bytes: z.number().int().nonnegative(),
  mime: z.string(),
  capturedAt: z.string(),
  capturedAtLocal: z.string(),
  timeZone: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  viewport: z.object({ width: z.number(), height: z.number() }).optional(),
  devicePixelRatio: z.number().optional(),
  browser: z.string(),
  extensionVersion: z.string(),
  part: z.object({ index: z.number(), count: z.number() }).optional(),
  section: z.object({ first: z.number(), last: z.number(), of: z.number() }).optional(),
  label: z.string().optional(),
  /** A listing as bought: the title of the order's item it is the snapshot of. */
  snapshotOf: z.string().optional(),
  fileName: z.string().optional(),
  fileLastModified: z.string().optional(),
  captureId: z.string().optional(),
  image: z.object({ width: z.number(), height: z.number() }).optional(),
  /** A full-page screenshot's record of how it was taken (lib/capture/capture-record.ts); covered by its custody entry like the rest. */
  captureRecord: CaptureRecordSchema.optional(),
  htmlArchive: z.object({ originalSha256: hex64, originalBytes: z.number().int().nonnegative(), insertedAt: z.number().int().nonnegative(), insertedBytes: z.number().int().positive() }).optional(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** A screenshot's stamped print: `of` is the original's path in evidence/. Vouched for by the export entry's manifest digest. */
export const ManifestPrintSchema = z.object({
  path: z.string(),
  of: z.string(),
  evidenceId: z.string(),
  sha256: hex64,
  bytes: z.number().int().nonnegative(),
  image: z.object({ width: z.number(), height: z.number() }),
});
export type ManifestPrint = z.infer<typeof ManifestPrintSchema>;

export const ManifestSchema = z.object({
  format: z.literal('disputekit-dossier'),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  extensionVersion: z.string(),
  case: z.object({
    id: z.string(),
    platform: z.string(),
    orderId: z.string(),
    state: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    order: z.record(z.string(), z.unknown()),
    dates: z.record(z.string(), z.unknown()).optional(),
    userDue: z.record(z.string(), z.string()).optional(),
  }),
  files: z.array(ManifestFileSchema),
  prints: z.array(ManifestPrintSchema).optional(),
  /** Each file's own trusted timestamp, or why it has none (lib/dossier/file-timestamps.ts); absent in dossiers made before. */
  timestamps: z.array(ManifestTimestampSchema).optional(),
  readings: z.array(z.object({ at: z.string(), source: z.string(), url: z.string().optional(), order: z.record(z.string(), z.unknown()) })).optional(),
  custody: z.object({
    entries: z.array(CustodyEntrySchema),
    headHash: z.string().nullable(),
    // Inside `custody`, which manifestDigest leaves out by design: the token is asked for after the export
    // entry is written (it stamps that entry's hash, the head), so the entry cannot hold it; it needs no
    // vouching either, being self-verifying: its imprint must be the head, its signature the authority's.
    headTimestamp: timestampRecordSchema.optional(),
    /** Why there is no headTimestamp: the option off, its host not granted, or the authority's failure. */
    notTimestamped: NotTimestampedSchema.optional(),
  }),
  deadlines: z.array(
    z.object({ rule: z.string(), label: z.string(), due: z.string(), setBy: z.string(), confidence: z.string(), passed: z.boolean() }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'multipart/related': 'mhtml',
  'text/html': 'html',
  'text/plain': 'txt',
};

/** A file name extension for the item's type: from its type, else from the name it came with, else "bin". */
export function extensionFor(item: Pick<EvidenceRecord, 'mime' | 'fileName'>): string {
  const known = EXTENSIONS[item.mime.split(';')[0].trim().toLowerCase()];
  if (known) return known;
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(item.fileName ?? '')?.[1];
  return fromName ? fromName.toLowerCase() : 'bin';
}

/**
 * `evidence/<nn>-<kind>-<short-id>.<ext>`: numbered in capture order so a folder listing reads as the case
 * did; only the app's own values (kind, id) go into the name, never a page's or the user's text.
 */
export function evidencePath(position: number, count: number, item: Pick<EvidenceRecord, 'id' | 'mime' | 'fileName' | 'htmlArchive'> & { kind: string }): string {
  const width = Math.max(2, String(count).length);
  const number = String(position).padStart(width, '0');
  const kind = item.kind.replace(/[^a-z0-9-]/g, '');
  const shortId = item.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toLowerCase() || 'item';
  // A page saved before pages were stored with scripts disabled (no htmlArchive) would run its scripts if
  // opened from disk as .html: it goes out as .txt, its bytes unchanged, so a double-click shows its source.
  const extension = item.kind === 'page-html' && !item.htmlArchive ? 'txt' : extensionFor(item);
  return `${EVIDENCE_DIR}${number}-${kind}-${shortId}.${extension}`;
}

/** Where the stamped print of the screenshot at `evidencePath` goes: prints/<same name>-print.png. */
export function printPath(evidenceFilePath: string): string {
  return PRINTS_DIR + evidenceFilePath.slice(EVIDENCE_DIR.length).replace(/\.[a-z0-9]+$/, '') + '-print.png';
}


/** Whether a type is already compressed (images, video, archives): stored as-is, deflating would only cost time. */
export function isCompressedMedia(mime: string): boolean {
  const type = mime.split(';')[0].trim().toLowerCase();
  if (type === 'image/svg+xml' || type === 'image/bmp') return false;
  return /^(image|video|audio)\//.test(type) || /^application\/(zip|gzip|pdf|x-7z-compressed|x-rar-compressed)$/.test(type);
}

export interface ManifestInput {
  record: CaseRecord;
  evidence: EvidenceRecord[];
  custody: CustodyEntry[];
  /** What the order's page said each time it was read (lib/cases/readings.ts); none for a case without readings. */
  readings?: Reading[];
  /** Stamped prints made for this export, by evidence id (none where drawing is not available, e.g. in Node). */
  prints?: Map<string, PrintFile>;
  deadlines: Deadline[];
  exportedAt: Date;
  extensionVersion: string;
}

/** The files of the dossier, in capture order, each with its path. */
export function dossierFiles(evidence: EvidenceRecord[], custody: CustodyEntry[]): { path: string; item: EvidenceRecord; sha256: string }[] {
  const logged = expectedEvidence(custody);
  return evidence.map((item, i) => ({
    path: evidencePath(i + 1, evidence.length, item),
    item,
    // The log's hash is the one the case vouches for; a row edited outside the app then fails verification.
    sha256: logged.get(item.id)?.sha256 ?? item.sha256,
  }));
}

export interface PrintFile {
  blob: Blob;
  sha256: string;
  width: number;
  height: number;
}

/** The prints of the dossier's screenshots that were made, each beside the path of its original. */
export function dossierPrints(evidence: EvidenceRecord[], custody: CustodyEntry[], prints: Map<string, PrintFile> | undefined): { line: ManifestPrint; blob: Blob }[] {
  if (!prints) return [];
  return dossierFiles(evidence, custody).flatMap(({ path, item }) => {
    const print = prints.get(item.id);
    if (!print) return [];
    return [{ line: { path: printPath(path), of: path, evidenceId: item.id, sha256: print.sha256, bytes: print.blob.size, image: { width: print.width, height: print.height } }, blob: print.blob }];
  });
}

export function buildManifest(input: ManifestInput): Manifest {
  const { record, exportedAt } = input;
  // Each line is the item's metadata exactly as its custody entry covers it, so the verifier can check one
  // against the other: the line without path, evidenceId and sha256 (manifestLineMetadata).
  const files = dossierFiles(input.evidence, input.custody).map(({ path, item, sha256 }): ManifestFile => ({ path, evidenceId: item.id, sha256, ...evidenceMetadata(item) }));
  return {
    format: 'disputekit-dossier',
    formatVersion: DOSSIER_FORMAT,
    exportedAt: exportedAt.toISOString(),
    extensionVersion: input.extensionVersion,
    case: {
      id: record.id,
      platform: record.platform,
      orderId: record.orderId,
      state: record.state,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      order: record.order,
      ...(record.dates && { dates: record.dates }),
      ...(record.userDue && { userDue: record.userDue }),
    },
    files,
    ...(input.prints && { prints: dossierPrints(input.evidence, input.custody, input.prints).map((p) => p.line) }),
    timestamps: dossierFiles(input.evidence, input.custody).map(({ path, item }) => manifestTimestamp(path, item.id, item.timestamp)),
    // What the page said each time it was read: the export entry's manifest digest covers these too.
    readings: (input.readings ?? []).map(({ at, source, url, order }) => ({ at, source, ...(url !== undefined && { url }), order })),
    custody: { entries: input.custody, headHash: input.custody.at(-1)?.hash ?? null },
    deadlines: input.deadlines.map((d) => ({ rule: d.rule, label: d.label, due: d.due, setBy: d.setBy, confidence: d.confidence, passed: d.dueMs <= exportedAt.getTime() })),
  };
}

/** The metadata a manifest line states, to compare with its custody entry's digest: all but path, id and hash. */
export function manifestLineMetadata(line: Record<string, unknown>): Record<string, unknown> {
  const { path: _path, evidenceId: _evidenceId, sha256: _sha256, ...metadata } = line;
  return metadata;
}

/**
 * What the export entry holds of manifest.json: the SHA-256 of the canonical JSON (keys sorted, no spaces,
 * UTF-8) of the whole manifest but its `custody` member, which the chain covers itself and which holds the
 * export entry (a file cannot hold its own hash). Computed on the parsed JSON, so re-indenting the file does
 * not change it; any value that changes does.
 */
export function manifestDigest(manifest: object): string {
  const { custody: _custody, ...rest } = manifest as Record<string, unknown>;
  return canonicalDigest(rest);
}

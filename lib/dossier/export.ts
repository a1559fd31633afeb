/**
 * Exporting a case as a dossier: read it, describe it (manifest.json, report.html), seal it with an export
 * entry in its custody log, and stream it with its evidence files into a ZIP sink. The sink decides where
 * the bytes go (lib/dossier/sinks.ts).
 *
 * The order matters, because the export entry vouches for the report and the manifest and the manifest
 * lists the log: (1) the case's rows are read, (2) report.html is rendered (it shows the log's head before
 * this export) and manifest.json is built without the export entry, (3) the export entry is appended, holding
 * the report's SHA-256 and manifestDigest (the manifest without its custody member), (4) the entry is added
 * to the manifest's log, which it ends. Steps 1 to 3 run in one read-write transaction, so no capture can
 * slip in between what was read and the entry that vouches for it. (5) When trusted timestamps are on, the
 * new head (the export entry's hash) is sent to the authority (lib/dossier/head-timestamp.ts); its token, or
 * why there is none, goes into the manifest's custody member, and the token into timestamps/.
 */
import { strToU8 } from 'fflate';
import { getCaseEvidence, sealCaseRows } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { sha256HexSync } from '../common/hash';
import type { Locale } from '../i18n';
import { dossierCase } from './gather';
import { buildManifest, dossierFiles, dossierPrints, MANIFEST_PATH, manifestDigest, REPORT_PATH, type Manifest } from './manifest';
import { makePrints } from './prints';
import type { PrintImaging } from './stamped-print';
import { renderHeadTimestampPage, renderReport } from './report';
import { HEAD_PAGE_PATH, HEAD_TOKEN_PATH, timestampDigest, type HeadTimestamping } from './head-timestamp';
import { tokenBytes, type TimestampRecord } from '../timestamp/record-schema';
import { ExportCancelled, writeZip, type ZipEntry, type ZipOptions, type ZipSink } from './zip-stream';

export interface ExportDeps {
  database: DisputeKitDB;
  now(): Date;
  locale: Locale;
  timeZone: string;
  extensionVersion: string;
  /**
   * How stamped prints are drawn (lib/dossier/stamped-print.ts: OffscreenCanvas on the page that exports); without
   * it (Node, tests that do not draw) the dossier has no prints and its report says nothing of them.
   */
  printImaging?: PrintImaging<{ width: number; height: number; close(): void }>;
  /** Whether and where the custody head is timestamped (from the settings); none: off, nothing is sent. */
  timestamp?: HeadTimestamping;
}

/** Thumbnails larger than this are left out of the report: it must stay small enough to open and print. */
const MAX_THUMBNAIL_BYTES = 256 * 1024;
const THUMBNAIL_TYPES = /^image\/(jpeg|png|webp)$/;

export class DossierCaseNotFound extends Error {
  constructor(readonly caseId: string) {
    super(`no case ${caseId}`);
  }
}

/**
 * The archive's entries (the report and manifest first, so a reader sees what the dossier is, then the
 * files) and the manifest, after the export entry was written to the case's log; null when there is no case.
 */
export async function sealDossier(
  deps: Omit<ExportDeps, 'now'>,
  caseId: string,
  exportedAt: Date,
  onPrint?: ExportOptions['onPrint'],
): Promise<{ entries: ZipEntry[]; manifest: Manifest } | null> {
  const { database } = deps;
  // Reading a Blob is not an IndexedDB request and would end the transaction below: the thumbnails (only
  // pictures in the report) are read first. An item saved in between just has none.
  const thumbnails = await readThumbnails(database, caseId);
  // The prints too (drawing is not a database request either); a screenshot saved in between has none.
  const prints = deps.printImaging ? await makePrints(deps.printImaging, await getCaseEvidence(database, caseId), deps.locale, onPrint) : undefined;
  const sealed = await sealCaseRows(database, caseId, (rows) => {
    const dossier = dossierCase(rows, exportedAt);
    const body = buildManifest({ ...dossier, exportedAt, extensionVersion: deps.extensionVersion, ...(prints && { prints }) });
    const report = renderReport({ dossier, manifest: body, locale: deps.locale, timeZone: deps.timeZone, thumbnails, timestamping: deps.timestamp });
    // The bytes writeZip stores (it encodes text entries with the same strToU8).
    const reportSha256 = sha256HexSync(strToU8(report));
    return {
      event: { at: exportedAt.toISOString(), action: 'exported', report: reportSha256, manifest: manifestDigest(body) },
      sealed: (entry) => {
        const manifest: Manifest = { ...body, custody: { entries: [...body.custody.entries, entry], headHash: entry.hash } };
        const files = dossierFiles(dossier.evidence, dossier.custody).map(({ path, item }): ZipEntry => ({ path, blob: item.blob, mime: item.mime }));
        const printFiles = dossierPrints(dossier.evidence, dossier.custody, prints).map(({ line, blob }): ZipEntry => ({ path: line.path, blob, mime: 'image/png' }));
        // Each file's token as the authority sent it, beside the file it stamps (openssl ts -verify -data reads the pair).
        const tokenFiles = (body.timestamps ?? []).flatMap((line): ZipEntry[] => ('record' in line ? [tokenEntry(line.path, line.record)] : []));
        return { manifest, report, files: [...files, ...printFiles, ...tokenFiles], head: entry.hash };
      },
    };
  });
  if (!sealed) return null;
  // After the transaction: a request to the authority is not a database request and would end it.
  const outcome = await timestampDigest(deps.timestamp, sealed.head);
  const manifest: Manifest = { ...sealed.manifest, custody: { ...sealed.manifest.custody, ...('record' in outcome ? { headTimestamp: outcome.record } : { notTimestamped: outcome.notTimestamped }) } };
  const stamped: ZipEntry[] = [];
  if (deps.timestamp?.mode === 'on') {
    // The page says what came of the request the report announces; the token is the proof, as the authority sent it.
    stamped.push({ path: HEAD_PAGE_PATH, text: renderHeadTimestampPage({ outcome, head: sealed.head, url: deps.timestamp.url, locale: deps.locale, timeZone: deps.timeZone }) });
    if ('record' in outcome) stamped.push(tokenEntry(HEAD_TOKEN_PATH, outcome.record));
  }
  return { manifest, entries: [{ path: REPORT_PATH, text: sealed.report }, { path: MANIFEST_PATH, text: `${JSON.stringify(manifest, null, 2)}\n` }, ...sealed.files, ...stamped] };
}

/** A token file of the dossier: its DER, as the authority sent it (what `openssl ts -verify -in` reads). */
function tokenEntry(path: string, record: TimestampRecord): ZipEntry {
  return { path, blob: new Blob([tokenBytes(record) as BlobPart], { type: 'application/timestamp-reply' }), mime: 'application/timestamp-reply' };
}

/** How an export reports on itself: the prints as they are drawn (before any byte is written), then the ZIP's progress. */
export interface ExportOptions extends ZipOptions {
  onPrint?(done: number, total: number): void;
}

export async function exportDossier(deps: ExportDeps, caseId: string, sink: ZipSink, options: ExportOptions = {}): Promise<Manifest> {
  const exportedAt = deps.now();
  const { onPrint, ...zipOptions } = options;
  // Cancel is heard between prints too: nothing is sealed or written then.
  const eachPrint = (done: number, total: number) => {
    if (options.signal?.aborted) throw new ExportCancelled();
    onPrint?.(done, total);
  };
  let sealed: Awaited<ReturnType<typeof sealDossier>>;
  try {
    sealed = await sealDossier(deps, caseId, exportedAt, eachPrint);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  if (!sealed) {
    await sink.abort();
    throw new DossierCaseNotFound(caseId);
  }
  await writeZip(sealed.entries, sink, { ...zipOptions, mtime: exportedAt });
  return sealed.manifest;
}

/** The file name offered for the dossier: platform, order and date only (app values, safe in a file name). */
export function dossierFileName(caseId: string, at: Date): string {
  const safe = caseId.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `disputekit-${safe}-${at.toISOString().slice(0, 10)}.zip`;
}

async function readThumbnails(database: DisputeKitDB, caseId: string): Promise<Map<string, string>> {
  const thumbnails = new Map<string, string>();
  for (const item of await getCaseEvidence(database, caseId)) {
    const thumb = item.thumbnail;
    if (thumb && thumb.size <= MAX_THUMBNAIL_BYTES && THUMBNAIL_TYPES.test(thumb.type)) thumbnails.set(item.id, await dataUrl(thumb));
  }
  return thumbnails;
}

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

/**
 * Exporting a case as a dossier: gather it, describe it (manifest.json, report.html), and stream it with its
 * evidence files into a ZIP sink. The sink decides where the bytes go (lib/dossier/sinks.ts).
 */
import type { DisputeKitDB } from '../db';
import type { Locale } from '../i18n';
import { gatherCase, type DossierCase } from './gather';
import { buildManifest, dossierFiles, MANIFEST_PATH, REPORT_PATH, type Manifest } from './manifest';
import { renderReport } from './report';
import { writeZip, type ZipEntry, type ZipOptions, type ZipSink } from './zip-stream';

export interface ExportDeps {
  database: DisputeKitDB;
  now(): Date;
  locale: Locale;
  timeZone: string;
  extensionVersion: string;
}

/** Thumbnails larger than this are left out of the report: it must stay small enough to open and print. */
const MAX_THUMBNAIL_BYTES = 256 * 1024;
const THUMBNAIL_TYPES = /^image\/(jpeg|png|webp)$/;

export class DossierCaseNotFound extends Error {
  constructor(readonly caseId: string) {
    super(`no case ${caseId}`);
  }
}

/** The archive's entries: the report and manifest first (a reader sees what the dossier is), then the files. */
export async function dossierEntries(dossier: DossierCase, deps: Pick<ExportDeps, 'locale' | 'timeZone' | 'extensionVersion'>, exportedAt: Date): Promise<{ entries: ZipEntry[]; manifest: Manifest }> {
  const manifest = buildManifest({ ...dossier, exportedAt, extensionVersion: deps.extensionVersion });
  const thumbnails = new Map<string, string>();
  for (const item of dossier.evidence) {
    const thumb = item.thumbnail;
    if (thumb && thumb.size <= MAX_THUMBNAIL_BYTES && THUMBNAIL_TYPES.test(thumb.type)) thumbnails.set(item.id, await dataUrl(thumb));
  }
  const report = renderReport({ dossier, manifest, locale: deps.locale, timeZone: deps.timeZone, thumbnails });
  const files = dossierFiles(dossier.evidence, dossier.custody).map(({ path, item }): ZipEntry => ({ path, blob: item.blob, mime: item.mime }));
  return { manifest, entries: [{ path: REPORT_PATH, text: report }, { path: MANIFEST_PATH, text: `${JSON.stringify(manifest, null, 2)}\n` }, ...files] };
}

export async function exportDossier(deps: ExportDeps, caseId: string, sink: ZipSink, options: ZipOptions = {}): Promise<Manifest> {
  const exportedAt = deps.now();
  const dossier = await gatherCase(deps.database, caseId, exportedAt);
  if (!dossier) {
    await sink.abort();
    throw new DossierCaseNotFound(caseId);
  }
  const { entries, manifest } = await dossierEntries(dossier, deps, exportedAt);
  await writeZip(entries, sink, { ...options, mtime: exportedAt });
  return manifest;
}

/** The file name offered for the dossier: platform, order and date only (app values, safe in a file name). */
export function dossierFileName(caseId: string, at: Date): string {
  const safe = caseId.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `disputekit-${safe}-${at.toISOString().slice(0, 10)}.zip`;
}

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

/**
 * Evidence the user brings: photos and unboxing videos from disk, and notes they write. Each becomes an
 * evidence item of the case with its SHA-256 and the time, saved through lib/cases/cases.ts (so it enters the
 * custody log in the same transaction). One import is all or nothing.
 */
import { addEvidenceToCase, CaseNotFound } from './cases';
import type { DisputeKitDB } from './db';
import { describeError, isQuotaError } from '../common/errors';
import { sha256Hex } from '../common/hash';
import type { EvidenceLabel, EvidenceRecord } from '../common/model';
import { toZonedIso, userTimeZone } from '../common/time';

export interface ImportDeps {
  database: DisputeKitDB;
  now(): Date;
  newId(): string;
  extensionVersion: string;
  browserName: string;
  timeZone?: string;
  makeThumbnail(image: Blob): Promise<Blob | undefined>;
}

export const IMPORT_ERRORS = ['empty', 'noteTooLong', 'noCase', 'storageFull', 'internal'] as const;
export type ImportError = (typeof IMPORT_ERRORS)[number];
export type ImportResult = { ok: true; evidenceIds: string[] } | { ok: false; error: ImportError; detail?: string };

export const MAX_NOTE_CHARS = 50_000;

/** Image types every browser decodes safely into a thumbnail; others (SVG, HEIC…) get none. */
const THUMBNAIL_TYPES = /^image\/(png|jpeg|gif|webp|avif|bmp)$/;

/** Adds files from disk to the case. Each file is stored as a Blob; nothing is read into a string. */
export async function importFiles(deps: ImportDeps, caseId: string, files: File[], label?: EvidenceLabel): Promise<ImportResult> {
  if (files.length === 0) return { ok: false, error: 'empty' };
  return save(deps, caseId, async (common) => {
    const items: Omit<EvidenceRecord, 'caseId'>[] = [];
    // One at a time; each is hashed slice by slice (lib/common/hash.ts), so a 2 GB video is never held whole.
    for (const file of files) {
      const mime = file.type || 'application/octet-stream';
      // A slice is a reference to the same bytes (no copy) with the type we state, not the File object.
      const blob = file.slice(0, file.size, mime);
      const sha256 = await sha256Hex(blob);
      const thumbnail = THUMBNAIL_TYPES.test(mime) ? await deps.makeThumbnail(blob).catch(() => undefined) : undefined;
      items.push({
        ...common,
        id: deps.newId(),
        kind: 'file',
        blob,
        mime,
        bytes: blob.size,
        sha256,
        fileName: file.name,
        fileLastModified: new Date(file.lastModified).toISOString(),
        ...(thumbnail && { thumbnail }),
        ...(label && { label }),
      });
    }
    return items;
  });
}

/** Saves a note the user wrote as a UTF-8 text file of the case. */
export async function addNote(deps: ImportDeps, caseId: string, text: string, label?: EvidenceLabel): Promise<ImportResult> {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  if (text.length > MAX_NOTE_CHARS) return { ok: false, error: 'noteTooLong' };
  return save(deps, caseId, async (common) => {
    const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    return [{ ...common, id: deps.newId(), kind: 'note', blob, mime: 'text/plain', bytes: blob.size, sha256: await sha256Hex(blob), ...(label && { label }) }];
  });
}

type Common = Pick<EvidenceRecord, 'captureId' | 'capturedAt' | 'capturedAtLocal' | 'timeZone' | 'extensionVersion' | 'browser'>;

async function save(deps: ImportDeps, caseId: string, build: (common: Common) => Promise<Omit<EvidenceRecord, 'caseId'>[]>): Promise<ImportResult> {
  try {
    const now = deps.now();
    const timeZone = deps.timeZone ?? userTimeZone();
    const items = await build({
      captureId: deps.newId(),
      capturedAt: now.toISOString(),
      capturedAtLocal: toZonedIso(now, timeZone),
      timeZone,
      extensionVersion: deps.extensionVersion,
      browser: deps.browserName,
    });
    const { evidenceIds } = await addEvidenceToCase(deps.database, caseId, items, now);
    return { ok: true, evidenceIds };
  } catch (error) {
    if (error instanceof CaseNotFound) return { ok: false, error: 'noCase' };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

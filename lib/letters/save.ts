/**
 * Saves a letter as the user edited it: a UTF-8 text file of kind 'letter', hashed and added through
 * lib/cases/cases.ts, so it enters the custody log and the dossier like any other evidence.
 */
import { addEvidenceToCase, CaseNotFound } from '../cases/cases';
import { describeError, isQuotaError } from '../common/errors';
import type { ImportDeps, ImportResult } from '../cases/evidence-import';
import { sha256Hex } from '../common/hash';
import { toZonedIso, userTimeZone } from '../common/time';

/** Letters are long; a 12315 complaint with a long account and many attachments stays far below this. */
export const MAX_LETTER_CHARS = 50_000;

export async function saveLetter(deps: ImportDeps, caseId: string, text: string, fileName: string): Promise<ImportResult> {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  if (text.length > MAX_LETTER_CHARS) return { ok: false, error: 'noteTooLong' };
  try {
    const now = deps.now();
    const timeZone = deps.timeZone ?? userTimeZone();
    const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    const { evidenceIds } = await addEvidenceToCase(
      deps.database,
      caseId,
      [
        {
          id: deps.newId(),
          captureId: deps.newId(),
          kind: 'letter',
          blob,
          mime: 'text/plain',
          bytes: blob.size,
          sha256: await sha256Hex(blob),
          capturedAt: now.toISOString(),
          capturedAtLocal: toZonedIso(now, timeZone),
          timeZone,
          extensionVersion: deps.extensionVersion,
          browser: deps.browserName,
          fileName,
        },
      ],
      now,
    );
    return { ok: true, evidenceIds };
  } catch (error) {
    if (error instanceof CaseNotFound) return { ok: false, error: 'noCase' };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/** The file name a saved letter gets: the route's name and the day, e.g. "Претензия продавцу 2026-11-21.txt". */
export function letterFileName(routeName: string, day: string): string {
  return `${routeName.replace(/[\\/:*?"<>|]/g, ' ').trim()} ${day}.txt`;
}

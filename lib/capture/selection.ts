/**
 * Selected text saved as evidence (a seller's chat message, a promise in a listing): the text as a
 * text/plain file with the same metadata and SHA-256 as a screenshot, so it is checked the same way.
 */
import { evidenceItem, type EvidenceClock } from '../cases/evidence-item';
import type { EvidenceLabel, EvidenceRecord, PageMetadata } from '../common/model';

/** Text beyond this is not a selection someone means to quote; refuse it rather than store a page dump. */
export const MAX_SELECTION_CHARS = 1_000_000;

export async function selectionEvidence(
  deps: EvidenceClock,
  input: { text: string; page: PageMetadata; label?: EvidenceLabel },
): Promise<Omit<EvidenceRecord, 'caseId'>> {
  if (input.text.length > MAX_SELECTION_CHARS) throw new Error(`the selection is longer than ${MAX_SELECTION_CHARS} characters`);
  const blob = new Blob([input.text], { type: 'text/plain;charset=utf-8' });
  return evidenceItem(deps, { kind: 'selection', blob, mime: 'text/plain', page: input.page, label: input.label });
}

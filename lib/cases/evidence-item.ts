/** One stored evidence item with what every item carries: its SHA-256, the time in UTC and local time, the page, the versions. */
import { sha256Hex } from '../common/hash';
import type { EvidenceKind, EvidenceLabel, EvidenceRecord, PageMetadata } from '../common/model';
import { pageHtmlEvidence } from '../capture/page-archive';
import { toZonedIso, userTimeZone } from '../common/time';

export interface EvidenceClock {
  now(): Date;
  newId(): string;
  extensionVersion: string;
  browserName: string;
  timeZone?: string;
}

export async function evidenceItem(
  deps: EvidenceClock,
  input: { kind: EvidenceKind; blob: Blob; mime: string; page: PageMetadata; captureId?: string; label?: EvidenceLabel },
): Promise<Omit<EvidenceRecord, 'caseId'>> {
  const now = deps.now();
  const timeZone = deps.timeZone ?? userTimeZone();
  // A captured page is always stored with its scripts disabled, whoever saves it (lib/capture/page-archive.ts).
  const content =
    input.kind === 'page-html'
      ? pageHtmlEvidence(await input.blob.text())
      : { blob: input.blob, mime: input.mime, bytes: input.blob.size, sha256: await sha256Hex(input.blob) };
  return {
    id: deps.newId(),
    captureId: input.captureId ?? deps.newId(),
    kind: input.kind,
    ...content,
    capturedAt: now.toISOString(),
    capturedAtLocal: toZonedIso(now, timeZone),
    timeZone,
    page: input.page,
    extensionVersion: deps.extensionVersion,
    browser: deps.browserName,
    ...(input.label && { label: input.label }),
  };
}

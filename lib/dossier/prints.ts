/**
 * The stamped prints of a dossier: one per screenshot, made at export from the stored original and its
 * metadata (lib/capture/stamped-print.ts draws them). The originals are never touched; a print that cannot be
 * made (an image the browser cannot decode, a canvas too large for memory) is left out, and the report says
 * which screenshots have none, so an export never fails for a print.
 */
import { sha256Hex } from '../common/hash';
import type { EvidenceRecord } from '../common/model';
import { translator, type Locale } from '../i18n';
import { makeStampedPrint, printLines, type PrintImaging } from './stamped-print';
import type { PrintFile } from './manifest';

const PRINTED_KINDS: ReadonlySet<string> = new Set<EvidenceRecord['kind']>(['fullpage-screenshot', 'visible-screenshot']);

/** Which files get a print: screenshots in a format the browser draws. The verifier asks the same of a manifest line. */
export function isPrinted(item: { kind: string; mime: string }): boolean {
  return PRINTED_KINDS.has(item.kind) && /^image\/(png|jpeg|webp)$/.test(item.mime);
}

export async function makePrints<B extends { width: number; height: number; close(): void }>(
  imaging: PrintImaging<B>,
  evidence: EvidenceRecord[],
  locale: Locale,
  /** After each print (made or left out): how many of how many; the export shows it, drawing takes a while. */
  onPrint?: (done: number, total: number) => void,
): Promise<Map<string, PrintFile>> {
  const t = translator(locale);
  const prints = new Map<string, PrintFile>();
  const printed = evidence.filter((item): item is EvidenceRecord & { page: NonNullable<EvidenceRecord['page']> } => isPrinted(item) && item.page !== undefined);
  let done = 0;
  if (printed.length) onPrint?.(0, printed.length);
  // One at a time: a full-page part can be 32,767 rows tall, and two decoded at once may not fit in memory.
  for (const item of printed) {
    const lines = printLines(t, locale, {
      url: item.page.url,
      capturedAt: item.capturedAt,
      timeZone: item.timeZone,
      sha256: item.sha256,
      extensionVersion: item.extensionVersion,
      ...(item.part && { part: item.part }),
      ...(item.section && { section: { first: item.section.first, last: item.section.last, total: item.section.of } }),
    });
    try {
      const print = await makeStampedPrint(imaging, item.blob, lines);
      prints.set(item.id, { blob: print.blob, sha256: await sha256Hex(print.blob), width: print.width, height: print.height });
    } catch {
      // Left out: the report lists the screenshot without a print.
    }
    onPrint?.(++done, printed.length);
  }
  return prints;
}

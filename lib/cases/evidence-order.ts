/**
 * The one order a case's evidence is shown in, wherever it is listed (the case page, the letters' evidence
 * list, the dossier's numbering and report): captures by time, and the items of one capture (one click, one
 * captureId) always as screenshot (its parts in order) → archive (MHTML) → HTML → anything else. The items
 * of a capture share one capture time, so the database's index alone leaves them in the order of their
 * random ids.
 */
import type { EvidenceKind, EvidenceRecord } from '../common/model';

/** A kind's place within its capture; kinds not named here come after these, in the order they were saved. */
const RANK_IN_CAPTURE: Partial<Record<EvidenceKind, number>> = {
  'fullpage-screenshot': 0,
  'visible-screenshot': 0,
  // A chat's transcript right after its image, before the page's archives.
  'chat-transcript': 0.5,
  'page-mhtml': 1,
  'page-html': 2,
};
const OTHER = 3;

type Orderable = Pick<EvidenceRecord, 'captureId' | 'kind' | 'capturedAt'> & { part?: { index: number } };

/** The items grouped by capture, oldest capture first (a capture is as old as its earliest item), each group in its fixed order. */
function captureGroups<T extends Orderable>(evidence: readonly T[]): T[][] {
  const groups = new Map<string, { at: string; first: number; items: { item: T; i: number }[] }>();
  evidence.forEach((item, i) => {
    const group = groups.get(item.captureId);
    if (!group) groups.set(item.captureId, { at: item.capturedAt, first: i, items: [{ item, i }] });
    else {
      group.items.push({ item, i });
      if (item.capturedAt < group.at) group.at = item.capturedAt;
    }
  });
  const rank = (item: T) => RANK_IN_CAPTURE[item.kind] ?? OTHER;
  return [...groups.values()]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.first - b.first))
    .map((group) =>
      group.items
        .sort((a, b) => rank(a.item) - rank(b.item) || (a.item.part?.index ?? 0) - (b.item.part?.index ?? 0) || a.i - b.i)
        .map(({ item }) => item),
    );
}

/** Oldest capture first, each capture's items in their fixed order. */
export function inCaptureOrder<T extends Orderable>(evidence: readonly T[]): T[] {
  return captureGroups(evidence).flat();
}

/** Newest capture first (as the case page lists them), each capture's items still screenshot → archive → HTML. */
export function newestCaptureFirst<T extends Orderable>(evidence: readonly T[]): T[] {
  return captureGroups(evidence).reverse().flat();
}

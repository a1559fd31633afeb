/** A case's facts as composeLetter takes them: the order, its event dates, its evidence and its deadlines. */
import { eventDates } from '../deadlines/case-input';
import type { Deadline } from '../deadlines';
import { inCaptureOrder } from '../cases/evidence-order';
import type { CaseRecord, EvidenceRecord } from '../common/model';
import type { LetterFacts } from './compose';

export function letterFacts(record: CaseRecord, evidence: EvidenceRecord[], deadlines: Deadline[]): LetterFacts {
  const { order } = record;
  const dates: Record<string, string> = {};
  for (const [event, date] of Object.entries(eventDates(order, record.dates))) if (date) dates[event] = date.at;
  return {
    platform: record.platform,
    orderId: record.orderId,
    ...(order.store?.name && { store: order.store.name }),
    items: order.items.map((item) => ({
      title: item.title,
      ...(item.quantity !== undefined && { quantity: item.quantity }),
      ...(item.price && { price: item.price }),
    })),
    ...(order.total && { total: order.total }),
    dates,
    evidence: inCaptureOrder(evidence).map((e) => ({ kind: e.kind, sha256: e.sha256, capturedAt: e.capturedAt, ...(e.fileName && { fileName: e.fileName }) })),
    deadlines,
  };
}

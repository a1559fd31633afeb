/**
 * A dispute's own page: `trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=…` and the refund page
 * `m.aliexpress.com/p/refund-amount/detail.html?…`. Their markup is unknown (no such page has been published,
 * 2026-12): everything here is read by its label and text (./wording.ts DISPUTE_LABELS, unverified), the
 * order and the dispute's id also from links and the URL.
 */
import type { Dispute, Strategy } from '../../common/model';
import { cleanText, textAfterLabel } from '../dom';
import { type Attempt, pick } from '../strategy';
import type { ReadContext } from './context';
import { datedAfterLabel, itemsFromLinks, ORDER_ID_DIGITS, shortValue, textList } from './markup';
import { emptyDraft, type OrderDraft, setDispute, setEvent } from './order';
import { timersIn } from './timers';
import { DISPUTE_LABELS, LABELS } from './wording';

export interface DisputeUrl {
  orderId?: string;
  disputeId?: string;
}

export function readDisputeMarkup(doc: Document, c: ReadContext, fromUrl: DisputeUrl): OrderDraft {
  const order = emptyDraft();
  const sources = order.sources;
  const root = doc.body;
  const nodes = root ? textList(root) : [];
  order.orderId = pick(sources, 'orderId', [
    ['label', () => textAfterLabel(doc, LABELS.orderId)?.match(ORDER_ID_DIGITS)?.[0]],
    ['selector', () => orderIdFromLinks(doc)],
    ['url', () => fromUrl.orderId],
  ]);
  pickDispute(order, 'id', [
    ['label', () => textAfterLabel(doc, DISPUTE_LABELS.id)?.match(/^[0-9A-Za-z_-]{4,64}/)?.[0]],
    ['url', () => fromUrl.disputeId],
  ]);
  pickDispute(order, 'status', [['label', () => shortValue(textAfterLabel(doc, DISPUTE_LABELS.status))]]);
  pickDispute(order, 'type', [['label', () => shortValue(textAfterLabel(doc, DISPUTE_LABELS.type))]]);
  pickDispute(order, 'amount', [['label', () => c.money(textAfterLabel(doc, DISPUTE_LABELS.amount))]]);
  const opened = datedAfterLabel(nodes, DISPUTE_LABELS.openedAt, c);
  if (opened) {
    setDispute(order, 'openedAt', opened, 'label');
    setEvent(order, 'disputeOpened', opened, 'label');
  }
  if (root) {
    const countdowns = timersIn(nodes, c);
    if (countdowns.length) [order.countdowns, sources.countdowns] = [countdowns, 'label'];
    const items = itemsFromLinks(root, c);
    if (items.length) [order.items, sources.items] = [items, 'label'];
    const storeLink = root.querySelector('a[href*="/store/"]');
    const storeName = cleanText(storeLink?.textContent);
    if (storeName) {
      const storeId = /\/store\/(\d+)/.exec(storeLink?.getAttribute('href') ?? '')?.[1];
      [order.store, sources.store] = [{ name: storeName, ...(storeId && { id: storeId }) }, 'selector'];
    }
  }
  return order;
}

/** One field of the dispute, by the first attempt that finds it (recorded as "dispute.<field>"). */
function pickDispute<K extends keyof Dispute>(order: OrderDraft, field: K, attempts: readonly Attempt<NonNullable<Dispute[K]>>[]): void {
  const scratch: Record<string, Strategy> = {};
  const value = pick(scratch, field, attempts);
  if (value !== undefined) setDispute(order, field, value, scratch[field]);
}

/** The order a page links to (`…detail.html?orderId=…`), when it links exactly one. */
function orderIdFromLinks(doc: Document): string | undefined {
  const ids = new Set<string>();
  for (const link of Array.from(doc.querySelectorAll('a[href*="rderId="]'))) {
    const id = /[?&](?:orderId|tradeOrderId)=(\d{12,})/.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** What the popup should say about a tab, from the content script's reading (or its absence). */
import { platformForUrl, type Platform } from '../common/marketplaces';
import type { OrderFacts, PageReading } from '../common/model';

export type PageState =
  | { kind: 'no-tab' }
  | { kind: 'not-supported' }
  | { kind: 'reload'; platform: Platform }
  | { kind: 'order-list'; tabId: number; platform: Platform; orders: OrderFacts[]; truncated?: string[] }
  | { kind: 'unreadable'; platform: Platform }
  | { kind: 'order'; tabId: number; platform: Platform; order: OrderFacts; missing: string[]; truncated?: string[] }
  /** A dispute, return or refund page about one order: its case is that order's. */
  | { kind: 'dispute'; tabId: number; platform: Platform; order: OrderFacts; missing: string[]; truncated?: string[] }
  /** A list of disputes, returns or refunds about several orders (or none). */
  | { kind: 'dispute-list'; tabId: number; platform: Platform; orders: OrderFacts[]; truncated?: string[] };

/**
 * The one order a page is about, whose case a capture there belongs to: the order of an order's detail page,
 * or of a dispute/refund page (detail, or a list showing one) about one order. Undefined for a list of
 * several orders and for pages that are about none.
 */
export function caseOrderOf(reading: PageReading | null | undefined): OrderFacts | undefined {
  if (!reading) return undefined;
  if (reading.pageKind === 'order-detail') return reading.orders[0];
  if (reading.pageKind === 'dispute-detail' || reading.pageKind === 'dispute-list') return reading.orders.length === 1 ? reading.orders[0] : undefined;
  return undefined;
}

/**
 * `reading` is undefined when no content script answered: on a marketplace host that means the tab was
 * opened before the extension was installed or updated, so the page needs a reload.
 */
export function pageStateFrom(tabId: number, tabUrl: string | undefined, reading: PageReading | null | undefined): PageState {
  if (reading === undefined) {
    const platform = tabUrl ? platformForUrl(tabUrl) : null;
    return platform ? { kind: 'reload', platform } : { kind: 'not-supported' };
  }
  if (reading === null) return { kind: 'not-supported' };
  const { platform } = reading;
  const truncated = reading.truncated?.length ? { truncated: reading.truncated } : {};
  if (reading.pageKind === 'order-list') return { kind: 'order-list', tabId, platform, orders: reading.orders, ...truncated };
  const order = caseOrderOf(reading);
  if (reading.pageKind === 'order-detail' && order) return { kind: 'order', tabId, platform, order, missing: reading.missing, ...truncated };
  if (order) return { kind: 'dispute', tabId, platform, order, missing: reading.missing, ...truncated };
  if (reading.pageKind === 'dispute-list' || (reading.pageKind === 'dispute-detail' && reading.orders.length > 1)) {
    return { kind: 'dispute-list', tabId, platform, orders: reading.orders, ...truncated };
  }
  // A marketplace page that is neither a list nor an order DisputeKit could read.
  return reading.pageKind === 'unknown' && !reading.missing.length ? { kind: 'not-supported' } : { kind: 'unreadable', platform };
}

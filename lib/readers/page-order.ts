/**
 * Which order a page is about, decided by its address, not by its text. The address is what the browser
 * shows the user; the text (and the data the page loaded) is the page's to write, and a page that names
 * another order than its address (by mistake or on purpose) must not get anything saved into that order's
 * case. Pure: the readers' own URL classifiers say which order an address names.
 */
import { platformForUrl, type Platform } from '../common/marketplaces';
import type { OrderFacts, PageReading } from '../common/model';
import type { MarketplaceAddresses } from './marketplace-reader';
import { caseOrderOf } from './page-state';

/**
 * The order an https marketplace address names (an order's detail page, or a dispute/refund page naming it), or
 * null. `readers`: whose URL classifiers to ask (the background passes every marketplace's, lib/readers
 * MARKETPLACE_ADDRESSES; a content script its own reader only).
 */
export function orderInUrl(href: string, readers: readonly MarketplaceAddresses[]): { platform: Platform; orderId: string } | null {
  const platform = platformForUrl(href);
  const reader = platform && readers.find((r) => r.platforms.includes(platform));
  if (!platform || !reader) return null;
  const classified = reader.classifyUrl(new URL(href));
  return (classified.kind === 'order-detail' || classified.kind === 'dispute-detail') && classified.orderId ? { platform, orderId: classified.orderId } : null;
}

export type PageOrder =
  | { ok: true; platform: Platform; order: OrderFacts }
  | { ok: false; error: 'notOrderPage' | 'noOrderInUrl' }
  /** `shown`: the order the page's reading names; `address`: the one its address names. */
  | { ok: false; error: 'orderMismatch'; shown: string; address: string };

/**
 * The order of a page's reading (an order's page, or a dispute/refund page about one order: caseOrderOf),
 * checked against the page's address: when the address names an order, the reading must name that one and no other. `requireUrlOrder`: the page's own button also refuses
 * a page whose address names no order; a save the user starts in the extension takes the reading's order then.
 */
export function orderOfPage(reading: PageReading | null, url: string, requireUrlOrder: boolean, readers: readonly MarketplaceAddresses[]): PageOrder {
  const order = caseOrderOf(reading);
  if (!reading || !order) return { ok: false, error: 'notOrderPage' };
  const named = orderInUrl(url, readers);
  if (!named) return requireUrlOrder ? { ok: false, error: 'noOrderInUrl' } : { ok: true, platform: reading.platform, order };
  const other = reading.orders.find((o) => o.orderId !== named.orderId);
  if (other || reading.platform !== named.platform) return { ok: false, error: 'orderMismatch', shown: (other ?? order).orderId, address: named.orderId };
  return { ok: true, platform: named.platform, order };
}

/** A mismatch as a response's `detail`: "the order the page names ≠ the order its address names", numbers only. */
export function mismatchDetail(found: { shown: string; address: string }): string {
  return `${found.shown} ≠ ${found.address}`;
}

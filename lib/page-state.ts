/** What the popup should say about a tab, from the content script's reading (or its absence). */
import { platformForUrl, type Platform } from './marketplaces';
import type { OrderFacts, PageReading } from './model';

export type PageState =
  | { kind: 'no-tab' }
  | { kind: 'not-supported' }
  | { kind: 'reload'; platform: Platform }
  | { kind: 'order-list'; tabId: number; platform: Platform; orders: OrderFacts[] }
  | { kind: 'unreadable'; platform: Platform }
  | { kind: 'order'; tabId: number; platform: Platform; order: OrderFacts; missing: string[] };

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
  if (reading.pageKind === 'order-list') return { kind: 'order-list', tabId, platform, orders: reading.orders };
  const order = reading.orders[0];
  if (reading.pageKind === 'order-detail' && order) return { kind: 'order', tabId, platform, order, missing: reading.missing };
  // A marketplace page that is neither a list nor an order DisputeKit could read.
  return reading.pageKind === 'unknown' && !reading.missing.length ? { kind: 'not-supported' } : { kind: 'unreadable', platform };
}

/**
 * Reads AliExpress order pages (www.aliexpress.com and .us, aliexpress.ru). Pure: (document, url) in,
 * PageReading out; no browser API, so it runs in the content script, in tests and on the command line.
 */
import type { OrderFacts, PageReading, Strategy } from '../../model';
import { absoluteUrl, cleanText, firstElement, firstMatch, firstText, textAfterLabel } from '../dom';
import { FIELD_LABELS } from '../labels';
import { ALIEXPRESS_DETAIL } from './selectors';

type Kind = PageReading['pageKind'];

/** What kind of AliExpress page a URL is, and the order id it names, if any. */
export function classifyAliExpressUrl(url: URL): { kind: Kind; orderId?: string } {
  const host = url.hostname;
  const path = url.pathname;
  if (host.endsWith('aliexpress.ru')) {
    const match = /^\/order-list\/(\d{6,})\/?$/.exec(path);
    if (match) return { kind: 'order-detail', orderId: match[1] };
    if (/^\/order-list\/?$/.test(path)) return { kind: 'order-list' };
    return { kind: 'unknown' };
  }
  if (path === '/p/order/detail.html') {
    const id = url.searchParams.get('orderId') ?? url.searchParams.get('tradeOrderId') ?? undefined;
    return { kind: 'order-detail', orderId: id && /^\d{6,}$/.test(id) ? id : undefined };
  }
  if (path === '/p/order/index.html' || (host.startsWith('trade.') && path === '/orderList.htm')) return { kind: 'order-list' };
  return { kind: 'unknown' };
}

const ORDER_ID_DIGITS = /\d{12,}/;

export function readAliExpress(doc: Document, href: string, _now: Date): PageReading {
  const url = new URL(href);
  const { kind, orderId: idFromUrl } = classifyAliExpressUrl(url);
  if (kind !== 'order-detail') {
    // The list readers come with the full readers; a list is recognised, but no order is read off it yet.
    return { platform: 'aliexpress', pageKind: kind, orders: [], missing: kind === 'order-list' ? ['orders'] : [] };
  }
  return readDetail(doc, url, idFromUrl);
}

function readDetail(doc: Document, url: URL, idFromUrl: string | undefined): PageReading {
  const sources: Record<string, Strategy> = {};
  const missing: string[] = [];

  let orderId: string | undefined;
  const idFromSelector = firstMatch(doc, ALIEXPRESS_DETAIL.orderIdText, ORDER_ID_DIGITS);
  const idFromLabel = textAfterLabel(doc, FIELD_LABELS.orderId)?.match(ORDER_ID_DIGITS)?.[0];
  if (idFromSelector) [orderId, sources.orderId] = [idFromSelector, 'selector'];
  else if (idFromLabel) [orderId, sources.orderId] = [idFromLabel, 'label'];
  else if (idFromUrl) [orderId, sources.orderId] = [idFromUrl, 'url'];

  const order: Omit<OrderFacts, 'orderId'> = { items: [], sources };

  const status = firstText(doc, ALIEXPRESS_DETAIL.status)?.text;
  const statusFromLabel = status ? undefined : textAfterLabel(doc, FIELD_LABELS.status);
  if (status) [order.status, sources.status] = [status, 'selector'];
  else if (statusFromLabel) [order.status, sources.status] = [statusFromLabel, 'label'];
  else missing.push('status');

  const storeName = firstText(doc, ALIEXPRESS_DETAIL.storeName)?.text;
  const storeFromLabel = storeName ? undefined : textAfterLabel(doc, FIELD_LABELS.store);
  if (storeName || storeFromLabel) {
    const link = firstElement(doc, ALIEXPRESS_DETAIL.storeLink);
    const storeUrl = absoluteUrl(link?.getAttribute('href'), url.href);
    const storeId = storeUrl?.match(/\/store\/(\d+)/)?.[1];
    order.store = { name: cleanText(storeName ?? storeFromLabel), ...(storeUrl && { url: storeUrl }), ...(storeId && { id: storeId }) };
    sources.store = storeName ? 'selector' : 'label';
  } else missing.push('store');

  if (!orderId) {
    missing.unshift('orderId');
    return { platform: 'aliexpress', pageKind: 'order-detail', orders: [], missing };
  }
  return { platform: 'aliexpress', pageKind: 'order-detail', orders: [{ orderId, ...order }], missing };
}

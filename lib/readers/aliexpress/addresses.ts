/**
 * Which AliExpress page a URL is, and the order (and dispute) it names: the URL alone, with none of the reader,
 * so the background and the extension's pages can tell an order's page without carrying the readers.
 */
import type { PageReading } from '../../common/model';
import type { MarketplaceAddresses } from '../marketplace-reader';

type Kind = PageReading['pageKind'];

// A dispute's own pages (2026-12, from the links the returns list API gives; unverified: no page published):
// the issue detail, the refund page, and, since not every returns path is known, any issue/reverse/refund/
// dispute page whose path ends in a detail page.
const DISPUTE_DETAIL_PATHS = [/^\/issue\/fastissue\/detail\.htm$/i, /^\/p\/refund-amount\/detail\.html$/i, /\/(?:issue|reverse|refund|dispute)[^/]*\/(?:.*\/)?detail\.html?$/i];
const DISPUTE_ID_PARAMS = ['issueId', 'disputeId', 'reverseOrderId', 'reverseId', 'refundId'];
const ORDER_ID_PARAMS = ['orderId', 'tradeOrderId', 'parentOrderId'];

const param = (url: URL, names: readonly string[], pattern: RegExp) => names.map((n) => url.searchParams.get(n)).find((v): v is string => Boolean(v && pattern.test(v)));

/** What kind of AliExpress page a URL is, and the order (and dispute) it names, if any. */
export function classifyAliExpressUrl(url: URL): { kind: Kind; orderId?: string; disputeId?: string } {
  const host = url.hostname;
  const path = url.pathname;
  if (DISPUTE_DETAIL_PATHS.some((p) => p.test(path))) {
    const orderId = param(url, ORDER_ID_PARAMS, /^\d{6,30}$/);
    const disputeId = param(url, DISPUTE_ID_PARAMS, /^[0-9A-Za-z_-]{1,64}$/);
    return { kind: 'dispute-detail', ...(orderId && { orderId }), ...(disputeId && { disputeId }) };
  }
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

export const ALIEXPRESS_ADDRESSES: MarketplaceAddresses = { platforms: ['aliexpress'], classifyUrl: classifyAliExpressUrl };

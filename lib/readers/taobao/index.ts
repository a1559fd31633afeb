/**
 * Reads Taobao and Tmall order pages: the order list (buyertrade.taobao.com list_bought_items.htm), the
 * Taobao order detail (trade_item_detail.htm?bizOrderId=N, trade_order_detail.htm?biz_order_id=N) and the
 * Tmall order detail (trade.tmall.com/detail/orderDetail.htm?bizOrderId=N). Pure: (document, url, now) in,
 * PageReading out; no browser API. Never throws: each strategy that trips over an odd page counts as
 * having found nothing, and the reading says which fields no strategy found.
 */
import type { PageReading } from '../../model';
import { readDetail } from './detail';
import { readList } from './list';

type Kind = PageReading['pageKind'];

const LIST_PATHS = /^\/trade\/itemlist\/(?:list_bought_items|listBoughtItems)\.htm$/i;
const DETAIL_PATHS = /^\/(?:trade\/detail\/(?:trade_item_detail|trade_order_detail)|detail\/orderDetail)\.htm$/i;
const ORDER_ID_PARAMS = ['bizOrderId', 'biz_order_id', 'bizorderid', 'orderId', 'order_id'];

/** What kind of Taobao/Tmall page a URL is, and the order id it names, if any. */
export function classifyTaobaoUrl(url: URL): { kind: Kind; orderId?: string } {
  if (!/(^|\.)(taobao|tmall)\.com$/.test(url.hostname)) return { kind: 'unknown' };
  if (LIST_PATHS.test(url.pathname)) return { kind: 'order-list' };
  if (DETAIL_PATHS.test(url.pathname)) {
    const id = ORDER_ID_PARAMS.map((p) => url.searchParams.get(p)).find((v) => v && /^\d{6,30}$/.test(v));
    return { kind: 'order-detail', ...(id && { orderId: id }) };
  }
  return { kind: 'unknown' };
}

function platformOf(url: URL | undefined): PageReading['platform'] {
  return url && /(^|\.)tmall\.com$/.test(url.hostname) ? 'tmall' : 'taobao';
}

export function readTaobao(doc: Document, href: string, now: Date): PageReading {
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    url = undefined;
  }
  const platform = platformOf(url);
  const { kind, orderId } = url ? classifyTaobaoUrl(url) : { kind: 'unknown' as Kind, orderId: undefined };
  if (kind === 'unknown') return { platform, pageKind: 'unknown', orders: [], missing: [] };
  try {
    const { orders, missing } = kind === 'order-list' ? readList(doc, href, now) : readDetail(doc, href, orderId, now);
    return { platform, pageKind: kind, orders, missing };
  } catch {
    // Each strategy is guarded already; this is the last net for a document that is not a document.
    return { platform, pageKind: kind, orders: [], missing: kind === 'order-list' ? ['orders'] : ['orderId'] };
  }
}

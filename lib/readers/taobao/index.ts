/**
 * Reads Taobao and Tmall order pages: the order list (buyertrade.taobao.com list_bought_items.htm), the
 * Taobao order detail (trade_item_detail.htm?bizOrderId=N, trade_order_detail.htm?biz_order_id=N), the
 * Tmall order detail (trade.tmall.com/detail/orderDetail.htm?bizOrderId=N) and the refund pages
 * (refund2.taobao.com / refund2.tmall.com: buyerDisputeList.htm, detail.htm, applyRouter.htm?bizOrderId=N).
 * Pure: (document, url, now, the page's recorded API responses) in, PageReading out; no browser API.
 * Never throws: each strategy that trips over an odd page counts as having found nothing, and the reading
 * says which fields no strategy found.
 */
import type { PageReading } from '../../common/model';
import type { ApiResponse } from '../api';
import type { MarketplaceReader } from '../marketplace-reader';
import { TAOBAO_ADDRESSES, classifyTaobaoUrl } from './addresses';
import { bodiesFrom } from '../api';
import { readDetail } from './detail';
import { readDisputePage } from './dispute';
import { TAOBAO_ENDPOINTS } from './endpoints';
import { readList } from './list';

type Kind = PageReading['pageKind'];

function platformOf(url: URL | undefined): PageReading['platform'] {
  return url && /(^|\.)tmall\.com$/.test(url.hostname) ? 'tmall' : 'taobao';
}

export function readTaobao(doc: Document, href: string, now: Date, responses: readonly ApiResponse[] = []): PageReading {
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    url = undefined;
  }
  const platform = platformOf(url);
  const { kind, orderId, disputeId } = url ? classifyTaobaoUrl(url) : { kind: 'unknown' as Kind, orderId: undefined, disputeId: undefined };
  try {
    if (kind === 'order-list') return { platform, pageKind: kind, ...readList(doc, href, now, responses) };
    if (kind === 'order-detail') return { platform, pageKind: kind, ...readDetail(doc, href, orderId, now) };
    if (kind === 'dispute-list' || kind === 'dispute-detail') return { platform, pageKind: kind, ...readDisputePage(doc, href, kind, { orderId, disputeId }, now) };
    // Any other page of these sites: the order list's own API answers, when the page loaded any (the newer
    // list lives at paths not all known), whatever the path. Its inline data and markup are not an order list's.
    if (url && /(^|\.)(taobao|tmall)\.com$/.test(url.hostname) && bodiesFrom(responses, TAOBAO_ENDPOINTS).length) {
      const { orders, missing } = readList(doc, href, now, responses, { pageData: false });
      if (orders.length) return { platform, pageKind: 'order-list', orders, missing };
    }
    return { platform, pageKind: 'unknown', orders: [], missing: [] };
  } catch {
    // Each strategy is guarded already; this is the last net for a document that is not a document.
    return { platform, pageKind: kind, orders: [], missing: kind === 'order-list' || kind === 'dispute-list' ? ['orders'] : ['orderId'] };
  }
}

/** Taobao and Tmall as a content script and ../index.ts take it (../marketplace-reader.ts). */
export const TAOBAO_READER: MarketplaceReader = { ...TAOBAO_ADDRESSES, read: readTaobao, endpoints: TAOBAO_ENDPOINTS };

export { classifyTaobaoUrl } from './addresses';

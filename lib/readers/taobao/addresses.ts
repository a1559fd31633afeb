/**
 * Which Taobao/Tmall page a URL is, and the order (and refund) it names: the URL alone, with none of the
 * reader, so the background and the extension's pages can tell an order's page without carrying the readers.
 */
import type { PageReading } from '../../common/model';
import type { MarketplaceAddresses } from '../marketplace-reader';

type Kind = PageReading['pageKind'];

const LIST_PATHS = /^\/trade\/itemlist\/(?:list_bought_items|listBoughtItems)\.htm$/i;
const DETAIL_PATHS = /^\/(?:trade\/detail\/(?:trade_item_detail|trade_order_detail)|detail\/orderDetail)\.htm$/i;
const REFUND_HOSTS = /^refund2?\.(?:taobao|tmall)\.com$/;
const REFUND_LIST_PATHS = /^\/dispute\/(?:buyerDisputeList|buyer_dispute_list|refundList)\.htm$/i;
/** A refund's detail, and the way in from an order (applyRouter names the order; it leads to its refund). */
const REFUND_DETAIL_PATHS = /^\/dispute\/(?:detail|applyRouter|apply|refundDetail|disputeDetail)\.htm$/i;
const ORDER_ID_PARAMS = ['bizOrderId', 'biz_order_id', 'bizorderid', 'orderId', 'order_id'];
const DISPUTE_ID_PARAMS = ['disputeId', 'dispute_id', 'refundId', 'refund_id'];

function param(url: URL, names: readonly string[], pattern: RegExp): string | undefined {
  return names.map((p) => url.searchParams.get(p)).find((v): v is string => !!v && pattern.test(v));
}

/** What kind of Taobao/Tmall page a URL is, and the order (and refund) it names, if any. */
export function classifyTaobaoUrl(url: URL): { kind: Kind; orderId?: string; disputeId?: string } {
  if (!/(^|\.)(taobao|tmall)\.com$/.test(url.hostname)) return { kind: 'unknown' };
  const orderId = param(url, ORDER_ID_PARAMS, /^\d{6,30}$/);
  if (REFUND_HOSTS.test(url.hostname)) {
    if (REFUND_LIST_PATHS.test(url.pathname)) return { kind: 'dispute-list' };
    if (REFUND_DETAIL_PATHS.test(url.pathname)) {
      const disputeId = param(url, DISPUTE_ID_PARAMS, /^[0-9A-Za-z_-]{1,64}$/);
      return { kind: 'dispute-detail', ...(orderId && { orderId }), ...(disputeId && { disputeId }) };
    }
    return { kind: 'unknown' };
  }
  if (LIST_PATHS.test(url.pathname)) return { kind: 'order-list' };
  if (DETAIL_PATHS.test(url.pathname)) return { kind: 'order-detail', ...(orderId && { orderId }) };
  return { kind: 'unknown' };
}

export const TAOBAO_ADDRESSES: MarketplaceAddresses = { platforms: ['taobao', 'tmall'], classifyUrl: classifyTaobaoUrl };

/**
 * Reads AliExpress pages: the order list and order detail on www.aliexpress.com / .us, the order detail on
 * aliexpress.ru, the old trade.aliexpress.com list, the returns/refunds list and a dispute's own page. Pure:
 * (document, url, now, recorded API responses) in, PageReading out; no browser API, so it runs in the content
 * script, in tests and on the command line.
 *
 * Per field, the most trusted strategy that finds it wins: the API responses the page itself loaded
 * (./api-orders.ts, ./reverse.ts), then the markup (./markup.ts: embedded data, selectors, labels), then the
 * URL. Each strategy is guarded: one that trips over an odd page or a forged response finds nothing, and the
 * next one runs.
 */
import type { PageReading } from '../../common/model';
import { type ApiResponse, bodiesFrom } from '../api';
import type { MarketplaceReader } from '../marketplace-reader';
import { detailOf, joinListPages, type ListPage, listPage } from './api-orders';
import { ReadContext } from './context';
import { ALIEXPRESS_ADDRESSES, classifyAliExpressUrl } from './addresses';
import { readDisputeMarkup } from './dispute-page';
import { ALIEXPRESS_ENDPOINTS } from './endpoints';
import { readDetailMarkup, readListMarkup } from './markup';
import { isOrder, mergeDrafts, mergeLists, missingDisputeFields, missingFields, type OrderDraft } from './order';
import { type DisputeEntry, disputesOf, draftOfDispute, joinDisputes } from './reverse';

type Kind = PageReading['pageKind'];

const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
const DETAIL_API = 'mtop.aliexpress.trade.buyer.order.detail';
const REVERSE_API = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';

const guarded = <T>(read: () => T, otherwise: T): T => {
  try {
    return read();
  } catch {
    return otherwise;
  }
};

/**
 * What the recorded responses hold, each response read once (most recent first). A response with nothing
 * to read (an error answer, a login page, an unknown shape) is as if never recorded. `newest` tells how
 * recent an API's newest useful response is (0 = the newest of all), to tell which list the page shows.
 */
function recorded(responses: readonly ApiResponse[], c: ReadContext) {
  const lists: ListPage[] = [];
  const details: OrderDraft[] = [];
  const disputes: DisputeEntry[][] = [];
  // The API of each useful response, most recent first.
  const arrived: string[] = [];
  for (const body of bodiesFrom(responses, ALIEXPRESS_ENDPOINTS)) {
    const name = body.endpoint.name;
    if (name === LIST_API) {
      const page = guarded(() => listPage(body, c), undefined);
      if (!page?.orders.length) continue;
      lists.push(page);
    } else if (name === DETAIL_API) {
      const detail = guarded(() => detailOf(body, c), undefined);
      if (!detail) continue;
      details.push(detail);
    } else if (name === REVERSE_API) {
      const entries = guarded(() => disputesOf(body, c), []);
      if (!entries.length) continue;
      disputes.push(entries);
    } else {
      continue;
    }
    arrived.push(name);
  }
  const newest = (name: string) => (arrived.includes(name) ? arrived.indexOf(name) : Infinity);
  return { lists, details, disputes: guarded(() => joinDisputes(disputes), []), newest };
}

type Recorded = ReturnType<typeof recorded>;
const NOTHING: Recorded = { lists: [], details: [], disputes: [], newest: () => Infinity };

export function readAliExpress(doc: Document, href: string, now: Date, responses: readonly ApiResponse[] = []): PageReading {
  const url = new URL(href);
  const c = new ReadContext(url, now);
  const { kind, orderId, disputeId } = classifyAliExpressUrl(url);
  const api = guarded(() => recorded(responses, c), NOTHING);

  if (kind === 'dispute-detail') return disputeDetail(doc, c, { orderId, disputeId }, api);

  // The returns list's API is read on any page of the site: not every path of the returns pages is known.
  // On an order detail page it tells that order's dispute; elsewhere the list that loaded last decides
  // (the order list page also switches to its returns tab without a reload).
  if (kind !== 'order-detail' && api.disputes.length && (kind !== 'order-list' || api.newest(REVERSE_API) < api.newest(LIST_API))) {
    const orders = mergeLists([api.disputes.map(draftOfDispute)]).filter(isOrder);
    return { platform: 'aliexpress', pageKind: 'dispute-list', orders, missing: orders.flatMap((o, i) => missingDisputeFields(o, `orders[${i}].`)) };
  }

  const pageKind: Kind = kind !== 'unknown' ? kind : api.newest(DETAIL_API) < api.newest(LIST_API) ? 'order-detail' : api.lists.length ? 'order-list' : 'unknown';

  if (pageKind === 'order-detail') {
    // The most recent detail about this page's order: a page that showed another order before may still hold its response.
    const fromApi = api.details.find((d) => !orderId || d.orderId === orderId);
    const fromMarkup = guarded(() => readDetailMarkup(doc, c, orderId), undefined);
    let order: OrderDraft = fromApi && fromMarkup ? mergeDrafts(fromApi, fromMarkup) : (fromApi ?? fromMarkup ?? { items: [], sources: {} });
    // Its dispute, when the returns list was loaded too.
    const dispute = api.disputes.find((d) => d.orderId === order.orderId);
    if (dispute) order = mergeDrafts(order, draftOfDispute(dispute));
    const missing = missingFields(order, '');
    return isOrder(order) ? { platform: 'aliexpress', pageKind, orders: [order], missing } : { platform: 'aliexpress', pageKind, orders: [], missing };
  }

  if (pageKind === 'order-list') {
    const fromApi = guarded(() => joinListPages(api.lists), []);
    const fromMarkup = guarded(() => readListMarkup(doc, c), []);
    const orders = mergeLists([fromApi, fromMarkup]).filter(isOrder);
    const missing = orders.length ? orders.flatMap((o, i) => missingFields(o, `orders[${i}].`)) : ['orders'];
    return { platform: 'aliexpress', pageKind, orders, missing };
  }

  return { platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] };
}

/** A dispute's page: the returns list's entry for it (when recorded) first, then the page's labelled text. */
function disputeDetail(doc: Document, c: ReadContext, fromUrl: { orderId?: string; disputeId?: string }, api: Recorded): PageReading {
  const fromMarkup = guarded(() => readDisputeMarkup(doc, c, fromUrl), undefined);
  const disputeId = fromUrl.disputeId ?? fromMarkup?.dispute?.id;
  const orderId = fromUrl.orderId ?? fromMarkup?.orderId;
  const entry = api.disputes.find((e) => (disputeId ? e.dispute.id === disputeId : orderId !== undefined && e.orderId === orderId));
  const fromApi = entry ? draftOfDispute(entry) : undefined;
  const order = fromApi && fromMarkup ? mergeDrafts(fromApi, fromMarkup) : (fromApi ?? fromMarkup ?? { items: [], sources: {} });
  const missing = [...(order.orderId ? [] : ['orderId']), ...missingDisputeFields(order, '')];
  return { platform: 'aliexpress', pageKind: 'dispute-detail', orders: isOrder(order) ? [order] : [], missing };
}

/** AliExpress as a content script and ../index.ts take it (../marketplace-reader.ts). */
export const ALIEXPRESS_READER: MarketplaceReader = { ...ALIEXPRESS_ADDRESSES, read: readAliExpress, endpoints: ALIEXPRESS_ENDPOINTS };

export { classifyAliExpressUrl } from './addresses';

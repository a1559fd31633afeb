/**
 * The order list's own API responses, as the page-data recorder keeps them (../api.ts), read before the
 * page's inline data and markup:
 * - `POST buyertrade.taobao.com/trade/itemlist/asyncBought.htm` answers with the same object the list page
 *   carries inline as `var data = JSON.parse('…')` (mainOrders[], page), one answer per page of results
 *   (solid: the saved list page's data and the exporters agree). Its orders are read by the same code as the
 *   inline data (./list.ts fromData).
 * - `mtop.taobao.order.queryboughtlistV2` (the newer list, 2025+) answers in ultron form (./ultron.ts) with
 *   components `shopInfo_…`, `orderPayment_…`, `orderItemInfo_…`, `pagination`. How sure this is: ONE source,
 *   an exporter's test built from made-up data, and no capture is public. So nothing below depends on a key:
 *   components are told apart by their tag/type or by the fields they carry, each field has alternatives,
 *   and a component that fits none is ignored. Check it against the first real capture.
 * An answer that is an error (mtop `ret: ["FAIL_SYS_…"]`), HTML, truncated or of another shape gives nothing.
 */
import type { OrderEvents, OrderFacts } from '../../common/model';
import { countdownEndsAt, parseCountdown } from '../parse/countdown';
import { isoInZone } from '../../common/time';
import type { ApiResponse } from '../api';
import { bodiesFrom } from '../api';
import { isObject, str } from '../json';
import {
  at,
  attempt,
  cleanStatus,
  countdownLabel,
  epochOf,
  idOf,
  itemLinks,
  joinSku,
  list,
  moneyOf,
  quantityOf,
  skuPart,
  TIME_ZONE,
  urlOf,
} from './data';
import { TAOBAO_ENDPOINTS } from './endpoints';
import { mergeEvents, statedDate, tradeSucceeded } from './events';
import type { Findings } from './order';
import type { Component, UltronData } from './ultron';
import { failedMtop, field, groups, nameOf, ownId, ultronData } from './ultron';

type Item = OrderFacts['items'][number];

/** An order from a response: a classic `mainOrders[]` entry (read like the inline data) or ready findings. */
export type ApiOrder = { kind: 'classic'; data: unknown } | { kind: 'components'; findings: Findings };

interface Page {
  page?: number;
  /** Arrival rank, oldest 0. */
  arrival: number;
  orders: [string, ApiOrder][];
}

/**
 * Every order of every page of results the responses hold, by id, in page order (page 1 first); an order
 * answered twice keeps the most recent answer's data.
 */
export function apiListOrders(responses: readonly ApiResponse[] | undefined, href: string, now: Date): Map<string, ApiOrder> {
  const pages: Page[] = [];
  const bodies = bodiesFrom(responses, TAOBAO_ENDPOINTS);
  bodies.forEach(({ data }, i) => {
    const page = attempt(() => pageOf(data, href, now));
    if (page?.orders.length) pages.push({ ...page, arrival: bodies.length - 1 - i });
  });
  // Most recent first (bodiesFrom's order) decides the data of an order answered twice …
  const latest = new Map<string, ApiOrder>();
  for (const page of [...pages].sort((a, b) => b.arrival - a.arrival)) for (const [id, order] of page.orders) if (!latest.has(id)) latest.set(id, order);
  // … and the page numbers decide the order they are listed in (unnumbered pages in arrival order, last).
  const ordered = new Map<string, ApiOrder>();
  pages.sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity) || a.arrival - b.arrival);
  for (const page of pages) for (const [id] of page.orders) if (!ordered.has(id) && ordered.size < 500) ordered.set(id, latest.get(id)!);
  return ordered;
}

/** The page number of a list answer: `page.currentPage` (classic) or the pagination component's. */
function pageNumber(value: unknown): number | undefined {
  const text = str(value);
  return text && /^\d{1,4}$/.test(text) ? Number(text) : undefined;
}

function pageOf(body: unknown, href: string, now: Date): Omit<Page, 'arrival'> | undefined {
  if (!isObject(body) || failedMtop(body)) return undefined;
  // The classic answer: the inline data object itself (possibly under `data`).
  for (const candidate of [body, at(body, 'data')]) {
    const mainOrders = at(candidate, 'mainOrders');
    if (!Array.isArray(mainOrders)) continue;
    const orders: [string, ApiOrder][] = [];
    for (const order of mainOrders.slice(0, 500)) {
      const id = idOf(at(order, 'id')) ?? idOf(at(order, 'orderInfo', 'id'));
      if (id && id.length >= 6) orders.push([id, { kind: 'classic', data: order }]);
    }
    return { page: pageNumber(at(candidate, 'page', 'currentPage')), orders };
  }
  const data = ultronData(body);
  return data ? componentPage(data, href, now) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The newer list (mtop.taobao.order.queryboughtlistV2): components by what they are

const ORDER_ID = ['orderId', 'bizOrderId', 'mainOrderId', 'orderNo', 'tradeId', 'biz_order_id', 'order_id'];
const SHOP_NAME = ['shopName', 'shopTitle', 'sellerShopName', 'sellerNick', 'nick', 'sellerName'];
const SHOP_URL = ['shopUrl', 'shopLink', 'shopJumpUrl', 'storeUrl'];
const SHOP_ID = ['sellerId', 'shopId', 'userId'];
const TITLE = ['title', 'itemTitle', 'auctionTitle', 'itemName', 'goodsName'];
const QUANTITY = ['quantity', 'buyAmount', 'buyQuantity', 'count', 'itemCount', 'amount'];
const PRICE = ['realTotal', 'price', 'realPrice', 'actualPrice', 'itemPrice', 'unitPrice', 'priceText'];
const ITEM_URL = ['itemUrl', 'auctionUrl', 'itemDetailUrl', 'detailUrl', 'snapUrl', 'snapshotUrl'];
const SKU = ['skuText', 'skuInfo', 'skuDesc', 'skuProperties', 'sku'];
const TOTAL = ['actualFee', 'actualPay', 'actualPayFee', 'realPay', 'payFee', 'totalPrice', 'totalFee', 'totalAmount', 'actualTotalFee'];
const STATUS = ['statusText', 'orderStatusText', 'tradeStatusText', 'statusDesc', 'statusName', 'orderStatus', 'status'];
const PAGE = ['currentPage', 'pageNum', 'pageIndex', 'pageNo', 'page'];
const EVENT_FIELDS: readonly (readonly [keyof OrderEvents, readonly string[]])[] = [
  ['placed', ['createTime', 'orderCreateTime', 'gmtCreate', 'createdTime', 'orderTime', 'createDay']],
  ['paid', ['payTime', 'gmtPayment', 'paymentTime', 'paidTime']],
  ['shipped', ['consignTime', 'shipTime', 'sendTime', 'deliveryTime']],
  ['receiptConfirmed', ['confirmTime', 'confirmGoodsTime', 'receiveTime', 'signTime']],
];
const COMPLETED_FIELDS = ['endTime', 'successTime', 'finishTime', 'completeTime'];

type Kind = 'pagination' | 'shop' | 'item' | 'payment' | 'status' | 'order';

const has = (c: Component, names: readonly string[]) => field(c, names) !== undefined;

const kinds = new WeakMap<Component, Kind | 'none'>();

/** What a component is: by its tag/type first, else by the fields it must carry (worked out once per component). */
export function kindOf(c: Component): Kind | undefined {
  let kind = kinds.get(c);
  if (kind === undefined) kinds.set(c, (kind = kindByName(c) ?? 'none'));
  return kind === 'none' ? undefined : kind;
}

function kindByName(c: Component): Kind | undefined {
  const name = nameOf(c);
  if (/paginat|pager|paging/i.test(name)) return 'pagination';
  if (/shop|seller|store/i.test(name)) return 'shop';
  if (/item|goods|auction|product|sub_?order/i.test(name)) return 'item';
  if (/payment|pay|price|amount|total/i.test(name)) return 'payment';
  if (/status/i.test(name)) return 'status';
  if (/order/i.test(name)) return 'order';
  if (has(c, ['totalPage', 'totalPages', 'hasMore']) && has(c, PAGE)) return 'pagination';
  if (has(c, TITLE) && (has(c, QUANTITY) || has(c, PRICE) || has(c, ['priceInfo']))) return 'item';
  if (has(c, TOTAL)) return 'payment';
  if (has(c, SHOP_NAME)) return 'shop';
  return undefined;
}

function componentPage(data: UltronData, href: string, now: Date): Omit<Page, 'arrival'> {
  const pagination = data.components.find((c) => kindOf(c) === 'pagination');
  const byOrder = groups(data, (c) => (kindOf(c) === 'pagination' ? undefined : ownId(c, ORDER_ID)));
  // A group of items alone (an item naming its own sub-order) belongs to the order listed before it.
  const orders: [string, Component[]][] = [];
  for (const [id, components] of byOrder) {
    const orderLevel = components.some((c) => ['shop', 'payment', 'status', 'order'].includes(kindOf(c) ?? ''));
    if (orderLevel) orders.push([id, [...components]]);
    else if (orders.length) orders[orders.length - 1][1].push(...components);
  }
  return {
    page: pageNumber(field(pagination, PAGE)),
    orders: orders.slice(0, 500).map(([id, components]) => [id, { kind: 'components', findings: orderFindings(id, components, href, now) }]),
  };
}

/** A time in data: text ("2025-11-08 03:44:47") or epoch milliseconds, in Asia/Shanghai. */
function timeOf(value: unknown, now: Date): string | undefined {
  const epoch = typeof value === 'number' || (typeof value === 'string' && /^\d{10,13}$/.test(value.trim())) ? epochOf(value) : undefined;
  if (epoch) return epoch.getUTCFullYear() >= 2000 && epoch.getUTCFullYear() <= 2100 ? isoInZone(epoch.getTime(), TIME_ZONE) : undefined;
  return statedDate(str(value), now);
}

function firstField(components: Component[], names: readonly string[], kinds?: readonly (Kind | undefined)[]): unknown {
  for (const c of components) {
    if (kinds && !kinds.includes(kindOf(c))) continue;
    const value = field(c, names);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Text that is a status as the page shows it (not a code such as "TRADE_FINISHED"). */
function statusText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : str(at(value, 'text'));
  return text && /[\u4e00-\u9fff]|[a-z]/.test(text) && !/^[A-Z_]+$/.test(text) ? cleanStatus(str(text)) : undefined;
}

function orderFindings(orderId: string, components: Component[], href: string, now: Date): Findings {
  const status = attempt(() => statusText(firstField(components, STATUS, ['status', 'order', 'shop']) ?? firstField(components, ['text', 'title'], ['status'])));
  const events: OrderEvents = {};
  for (const [event, names] of EVENT_FIELDS) {
    const date = attempt(() => timeOf(firstField(components, names), now));
    if (date) events[event] = date;
  }
  const completed = tradeSucceeded(status) ? attempt(() => timeOf(firstField(components, COMPLETED_FIELDS), now)) : undefined;
  return {
    orderId,
    placedAt: events.placed,
    status,
    store: attempt(() => {
      const shop = components.find((c) => kindOf(c) === 'shop') ?? components.find((c) => has(c, SHOP_NAME));
      const name = str(field(shop, SHOP_NAME));
      if (!name) return undefined;
      const url = urlOf(field(shop, SHOP_URL), href);
      const id = idOf(field(shop, SHOP_ID));
      return { name, ...(url && { url }), ...(id && { id }) };
    }),
    items: attempt(() =>
      components
        .filter((c) => kindOf(c) === 'item')
        .map((c) => attempt(() => itemOf(c, href)))
        .filter((item): item is Item => !!item)
        .slice(0, 500),
    ),
    total: attempt(() => {
      const value = firstField(components, TOTAL, ['payment', 'order', undefined]);
      return moneyOf(isObject(value) ? (value.value ?? value.text) : value);
    }),
    countdowns: attempt(() => countdownsIn(components, status, now)),
    events: mergeEvents(events, completed ? { completed } : undefined),
  };
}

function itemOf(c: Component, href: string): Item | undefined {
  const title = str(field(c, TITLE));
  if (!title) return undefined;
  const rawSku = field(c, SKU);
  const sku =
    typeof rawSku === 'string'
      ? str(rawSku)
      : joinSku(list(rawSku).map((s) => (typeof s === 'string' ? str(s) : skuPart(at(s, 'name') ?? at(s, 'key'), at(s, 'value') ?? at(s, 'text')))));
  const quantity = quantityOf(field(c, QUANTITY));
  const priceValue = field(c, PRICE) ?? at(c.fields, 'priceInfo', 'realTotal') ?? at(c.fields, 'priceInfo', 'price');
  const price = moneyOf(isObject(priceValue) ? (priceValue.value ?? priceValue.text) : priceValue);
  const links = ITEM_URL.map((name) => urlOf(c.fields[name], href));
  return {
    title,
    ...(sku && { sku }),
    ...(quantity !== undefined && { quantity }),
    ...(price && { price }),
    ...itemLinks(links),
  };
}

/** "还剩9天10时" anywhere in the order's components (buttons, status lines): the automatic receipt's time left. */
function countdownsIn(components: Component[], status: string | undefined, now: Date): OrderFacts['countdowns'] {
  const texts: string[] = [];
  const candidates: string[] = [];
  const stack: [unknown, number][] = components.map((c) => [c.fields, 0]);
  for (let seen = 0; stack.length && seen < 2000; seen++) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      texts.push(node);
      if (COUNTDOWN_START.test(node)) candidates.push(node);
    } else if (node && typeof node === 'object' && depth < 6) for (const child of Object.values(node).slice(0, 100)) stack.push([child, depth + 1]);
  }
  if (!candidates.length) return undefined;
  // What it counts down to is said by the buttons beside it (确认收货), not by the countdown's own text.
  const label = countdownLabel(`${texts.filter((t) => t.length <= 200).join(' ')} ${status ?? ''}`);
  const found = new Map<string, NonNullable<OrderFacts['countdowns']>[number]>();
  for (const raw of candidates) {
    const text = str(raw);
    if (!text || parseCountdown(text) === undefined || found.has(text)) continue;
    const endsAt = countdownEndsAt(text, now);
    found.set(text, { label, text, ...(endsAt && { endsAt }) });
  }
  return found.size ? [...found.values()].slice(0, 20) : undefined;
}

const COUNTDOWN_START = /^\s*(?:还剩|剩余|剩)\s*\d/;

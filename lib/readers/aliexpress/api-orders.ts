/**
 * Orders as AliExpress's own order APIs give them (../shared/docs/marketplace-pages.md, "The data the pages
 * are built from"): the order list (`mtop.aliexpress.trade.buyer.order.list`, components of type
 * `pc_om_list_order`, paged by a `pc_om_list_body` component) and the order detail
 * (`mtop.aliexpress.trade.buyer.order.detail`, one component per block). Every value is untrusted: text is
 * cleaned and capped (json.ts `str`), links must stay on AliExpress, ids must be digits, and an answer that
 * is not a successful mtop answer gives nothing.
 */
import type { OrderEvent } from '../../common/model';
import { isObject, str } from '../json';
import type { ReadContext } from './context';
import { componentsOfType, countOf, type MtopComponent, mtopComponents, objectAt, objectsAt, orderIdOf, skuText } from './mtop';
import { emptyDraft, type Item, MAX_COUNTDOWNS, MAX_ITEMS, type OrderDraft, setEvent } from './order';
import { guaranteedDelivery, timerFromText } from './timers';
import { EVENT_LABELS, LABELS, STEP_NAMES } from './wording';

/** A response as the reader takes it: its parsed body and the URL it came from. Most recent first. */
export interface ApiBody {
  data: unknown;
  url: string;
}

const LIST_ORDER = 'pc_om_list_order';
const LIST_BODY = 'pc_om_list_body';

// ---- order list ----

/** One list response's orders, with its page number when it states one. */
export interface ListPage {
  pageIndex?: number;
  orders: OrderDraft[];
}

/** The orders one list response holds (none for an error answer or an unknown shape). */
export function listPage(body: ApiBody, c: ReadContext): ListPage {
  const components = mtopComponents(body.data);
  const paging = componentsOfType(components, LIST_BODY)[0]?.fields;
  const pageIndex = countOf(paging?.pageIndex ?? paging?.pageNo ?? paging?.currentPage);
  const orders = componentsOfType(components, LIST_ORDER).flatMap((component) => {
    const order = listOrder(component, c);
    return order ? [order] : [];
  });
  return { ...(pageIndex !== undefined && { pageIndex }), orders };
}

/**
 * The orders of every list response (first page, "load more", page 2 …; most recent first) in page order,
 * each order once: where two responses hold the same order, its place is where it first appears and its
 * values are the most recently received.
 */
export function joinListPages(received: readonly ListPage[]): OrderDraft[] {
  const pages = received.map((page, rank) => ({ ...page, rank })).filter((page) => page.orders.length);
  // Page order: by page number when every page states one, otherwise as they arrived (oldest first).
  const numbered = pages.every((p) => p.pageIndex !== undefined);
  pages.sort((a, b) => (numbered ? a.pageIndex! - b.pageIndex! : 0) || b.rank - a.rank);
  const byId = new Map<string, { order: OrderDraft; rank: number }>();
  for (const page of pages) {
    for (const order of page.orders) {
      const known = byId.get(order.orderId!);
      if (!known || page.rank < known.rank) byId.set(order.orderId!, { order, rank: page.rank });
    }
  }
  return [...byId.values()].map((v) => v.order);
}

function listOrder(component: MtopComponent, c: ReadContext): OrderDraft | undefined {
  const f = component.fields;
  const detailUrl = c.link(f.orderDetailUrl);
  const orderId =
    orderIdOf(f.orderId) ?? orderIdOf(detailUrl && new URL(detailUrl).searchParams.get('orderId')) ?? orderIdOf(component.id) ?? /(\d{12,})$/.exec(component.key)?.[1];
  if (!orderId) return undefined;
  const order = emptyDraft(orderId);
  const s = order.sources;
  s.orderId = 'api-data';
  const currency = str(f.currencyCode);
  setEvent(order, 'placed', dateOf(f.orderDateText, c), 'api-data');
  const status = str(f.statusText);
  if (status) [order.status, s.status] = [status, 'api-data'];
  const store = storeOf(str(f.storeName), f.storePageUrl, f.storeId, c);
  if (store) [order.store, s.store] = [store, 'api-data'];
  // Some old expired orders have no total at all: it stays missing, never worked out from the items.
  const total = c.money(str(f.totalPriceText) ?? str(f.formatPriceInfo)?.split('|')[0], currency);
  if (total) [order.total, s.total] = [total, 'api-data'];
  const items = objectsAt(f, 'orderLines', MAX_ITEMS).flatMap((line) => itemOf(line, currency, c));
  if (items.length) [order.items, s.items] = [items, 'api-data'];
  const countdowns = timersOf(f, c, ['orderLines', 'buttons']);
  if (countdowns.length) [order.countdowns, s.countdowns] = [countdowns, 'api-data'];
  setEvent(order, 'expectedDelivery', guaranteedDelivery(order.countdowns), 'api-data');
  return order;
}

// ---- order detail ----

/** The order one detail response tells about, with its id (none for an error answer or an unknown shape). */
export function detailOf(body: ApiBody, c: ReadContext): OrderDraft | undefined {
  const components = mtopComponents(body.data);
  if (!components.length) return undefined;
  const orderId = detailOrderId(components) ?? requestedOrderId(body.url);
  return orderId ? detailOrder(components, orderId, c) : undefined;
}

function detailOrderId(components: readonly MtopComponent[]): string | undefined {
  for (const component of componentsOfType(components, 'detail_simple_order_info_component')) {
    const id = orderIdOf(component.fields.tradeOrderId) ?? orderIdOf(component.fields.orderId);
    if (id) return id;
  }
  for (const component of components) {
    const id = orderIdOf(component.fields.tradeOrderId) ?? orderIdOf(component.fields.orderId);
    if (id) return id;
  }
  return undefined;
}

/** The order an mtop request asked about: its `data` parameter is JSON, e.g. `{"tradeOrderId":"8190…"}`. */
function requestedOrderId(url: string): string | undefined {
  try {
    const data: unknown = JSON.parse(new URL(url).searchParams.get('data') ?? '');
    return isObject(data) ? (orderIdOf(data.tradeOrderId) ?? orderIdOf(data.orderId)) : undefined;
  } catch {
    return undefined;
  }
}

// The info block's dated fields by the event they date; `orderCreatTime` is AliExpress's own spelling.
const INFO_EVENTS: [string, OrderEvent][] = [
  ['orderCreatTime', 'placed'],
  ['orderCreateTime', 'placed'],
  ['payTime', 'paid'],
  ['orderShipTime', 'shipped'],
  ['orderEndTime', 'completed'],
];

function detailOrder(components: readonly MtopComponent[], orderId: string, c: ReadContext): OrderDraft {
  const order = emptyDraft(orderId);
  const s = order.sources;
  s.orderId = 'api-data';
  const countdowns: NonNullable<OrderDraft['countdowns']> = [];
  const addTimers = (fields: Record<string, unknown>) => {
    for (const timer of timersOf(fields, c)) if (!countdowns.some((t) => t.text === timer.text)) countdowns.push(timer);
  };

  for (const { fields } of componentsOfType(components, 'detail_order_status_block')) {
    const status = str(fields.title) ?? str(fields.statusText);
    if (status && !order.status) [order.status, s.status] = [status, 'api-data'];
    addTimers(fields);
  }

  for (const { fields } of componentsOfType(components, 'detail_simple_order_info_component')) {
    for (const [key, event] of INFO_EVENTS) setEvent(order, event, dateOf(fields[key], c), 'api-data');
    // Other dated rows, known by the label beside them ("receiveTime" + "receiveTimeTitle": "Delivered on").
    for (const [key, value] of Object.entries(fields)) {
      if (!/(?:time|date)$/i.test(key) || INFO_EVENTS.some(([known]) => known === key)) continue;
      const event = eventNamed(str(fields[`${key}Title`]));
      if (event) setEvent(order, event, dateOf(value, c), 'api-data');
    }
  }

  let eta: string | undefined;
  const items: Item[] = [];
  for (const { fields } of componentsOfType(components, 'detail_product_block')) {
    const seller = objectAt(fields, 'sellerVO');
    const store = seller && storeOf(str(seller.sellerName) ?? str(seller.storeName), seller.storeUrl, seller.storeId, c);
    if (store && !order.store) [order.store, s.store] = [store, 'api-data'];
    for (const product of objectsAt(fields, 'productVOList', MAX_ITEMS)) {
      items.push(...itemOf(product, str(fields.currencyCode), c));
      const etaText = str(objectAt(product, 'etaAndTrack')?.expectDeliveryDateTitle);
      eta ??= lastDate(etaText, c);
    }
  }
  if (items.length) [order.items, s.items] = [items.slice(0, MAX_ITEMS), 'api-data'];

  for (const { fields } of componentsOfType(components, 'detail_order_price_block')) {
    if (order.total) break;
    const totalPrice = objectAt(fields, 'totalPrice');
    const code = str(totalPrice?.currencyCode) ?? str(fields.currencyCode);
    let total = totalPrice && c.money(str(totalPrice.value) ?? str(totalPrice.formattedValue), code);
    // A bare number is only money with its currency stated.
    if (total && typeof totalPrice?.value === 'number' && !code) total = undefined;
    total ??= priceLine(objectsAt(fields, 'priceDetails'), code, c);
    if (total) [order.total, s.total] = [total, 'api-data'];
  }

  for (const { fields } of componentsOfType(components, 'detail_service_progress_bar')) {
    for (const [event, date] of stepsIn(fields, c)) setEvent(order, event, date, 'api-data');
  }

  for (const { fields } of componentsOfType(components, 'detail_order_services')) addTimers(fields);

  if (countdowns.length) [order.countdowns, s.countdowns] = [countdowns.slice(0, MAX_COUNTDOWNS), 'api-data'];
  // The delivery guarantee's date is the firmest promise; the item's estimate comes second.
  setEvent(order, 'expectedDelivery', guaranteedDelivery(order.countdowns) ?? eta, 'api-data');
  return order;
}

/** The "Total" line of a price breakdown `[{title, value}]`. */
function priceLine(lines: Record<string, unknown>[], code: string | undefined, c: ReadContext) {
  const labels = LABELS.total.map((l) => l.toLowerCase());
  const line = lines.find((l) => labels.some((label) => str(l.title)?.toLowerCase().startsWith(label)));
  return line ? c.money(str(line.value), code) : undefined;
}

// ---- shared ----

function dateOf(value: unknown, c: ReadContext): string | undefined {
  if (typeof value === 'number') return c.instant(value);
  return c.date(str(value));
}

/** The last date in a range ("Nov 20 - Dec 2", "Delivery by Dec 2"): the day delivery is expected by. */
function lastDate(text: string | undefined, c: ReadContext): string | undefined {
  if (!text) return undefined;
  const parts = text.split(/\s[-–~]\s|\s(?:to|до|по)\s|(?<=\d)\s*[-–~]\s*(?=[A-Za-zА-яЁё])|至/);
  for (const part of parts.reverse()) {
    const date = c.date(part, 'future');
    if (date) return date;
  }
  return undefined;
}

function storeOf(name: string | undefined, href: unknown, storeId: unknown, c: ReadContext): OrderDraft['store'] {
  if (!name) return undefined;
  const url = c.link(href);
  const id = url?.match(/\/store\/(\d+)/)?.[1] ?? orderIdOf(storeId);
  return { name, ...(url && { url }), ...(id && { id }) };
}

function itemOf(line: Record<string, unknown>, currency: string | undefined, c: ReadContext): Item[] {
  const title = str(line.itemTitle) ?? str(line.productTitle) ?? str(line.title);
  if (!title) return [];
  const item: Item = { title };
  const sku = skuText(line.skuAttrs) ?? str(line.skuAttr) ?? str(line.skuText);
  if (sku) item.sku = sku;
  const quantity = countOf(line.quantity);
  if (quantity !== undefined) item.quantity = quantity;
  const price = c.money(str(line.itemPriceText) ?? str(line.priceText), str(line.currencyCode) ?? currency);
  if (price) item.price = price;
  const productId = orderIdOf(line.productId);
  const url = c.link(line.itemDetailUrl) ?? (productId ? `https://${c.url.hostname.startsWith('www.') ? c.url.hostname : 'www.aliexpress.com'}/item/${productId}.html` : undefined);
  if (url) item.url = url;
  const snapshot = c.link(line.snapshotUrl);
  if (snapshot) item.snapshotUrl = snapshot;
  return [item];
}

/** The event a row's label names ("Payment time", "Delivered on", "已发货"), if any. */
export function eventNamed(label: string | undefined): OrderEvent | undefined {
  if (!label) return undefined;
  const lower = label.toLowerCase();
  for (const [event, labels] of Object.entries(EVENT_LABELS) as [OrderEvent, readonly string[]][]) {
    if (labels.some((l) => lower.startsWith(l.toLowerCase()))) return event;
  }
  return (Object.entries(STEP_NAMES) as [OrderEvent, RegExp][]).find(([, name]) => name.test(label))?.[0];
}

/**
 * The timers stated in a component's texts ("Refund if no delivery before Sep 4, 2026"). `skip`: fields read
 * elsewhere (an order's lines) that state no timer.
 */
function timersOf(fields: Record<string, unknown>, c: ReadContext, skip: readonly string[] = []): NonNullable<OrderDraft['countdowns']> {
  const found: NonNullable<OrderDraft['countdowns']> = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || found.length >= MAX_COUNTDOWNS) return;
    if (typeof value === 'string') {
      // Only a text of a timer's length that opens with a timer phrase is cleaned and read.
      const timer = value.length >= 12 && value.length <= 400 ? timerFromText(value, c) : undefined;
      if (timer && !found.some((t) => t.text === timer.text)) found.push(timer);
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, 100)) visit(item, depth + 1);
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) if (depth > 0 || !skip.includes(key)) visit(child, depth + 1);
    }
  };
  visit(fields, 0);
  return found;
}

/**
 * A progress bar's dated steps. Its shape is not published, so any object in it with a step name
 * ("Shipped", "Отправлен", "已发货") and a date in another of its fields is a step.
 */
function stepsIn(fields: Record<string, unknown>, c: ReadContext): [OrderEvent, string][] {
  const found: [OrderEvent, string][] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || found.length >= 20) return;
    if (Array.isArray(value)) return value.slice(0, 50).forEach((v) => visit(v, depth + 1));
    if (!isObject(value)) return;
    const entries = Object.entries(value);
    let event: OrderEvent | undefined;
    let nameKey: string | undefined;
    for (const [key, v] of entries) {
      const text = typeof v === 'string' ? str(v) : undefined;
      if (!text || text.length > 40) continue;
      const named = (Object.entries(STEP_NAMES) as [OrderEvent, RegExp][]).find(([, name]) => name.test(text))?.[0];
      if (named) [event, nameKey] = [named, key];
      if (event) break;
    }
    if (event) {
      for (const [key, v] of entries) {
        if (key === nameKey) continue;
        const date = typeof v === 'number' ? (/time|date/i.test(key) ? c.instant(v) : undefined) : c.date(str(v));
        if (date) {
          found.push([event, date]);
          break;
        }
      }
    }
    for (const [, v] of entries) if (typeof v === 'object') visit(v, depth + 1);
  };
  visit(fields, 0);
  return found;
}

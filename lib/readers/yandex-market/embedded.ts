/**
 * The page state Yandex Market embeds as JSON, read before any markup (it changes less often than markup),
 * and the answers of the page's own resolvers (`POST /api/resolve/?r=src/resolvers/orders/<name>:<name>`),
 * read by the same code (./api.ts). UNVERIFIED: no resolver answer has been published, so their structure is
 * DisputeKit's model: the normalised `collections` the state uses (orders, items, shops keyed by id) wherever
 * they sit, and, in an answer only, bare records recognised by the fields an order (or a return) must carry,
 * never by a fixed path.
 *
 * What is known (one source, marketplace-pages.md): the orders list carries `"orderGroupIds":[…]`,
 * `"pageToken"` and `"hasNext"`, and the page's own resolver answers with normalised `collections`
 * (e.g. `collections.orderConsolidationResult[id].orderGroupIds`). The per-order records below
 * (`collections.order`, `collections.orderItem`, `collections.shop`) follow that normalised shape but their
 * field names are DisputeKit's model, checked only against its own fixtures; every name has alternatives
 * and a missing or odd value just leaves the field to the next strategy.
 *
 * Pure and defensive: the state is untrusted page text, parsed with size, depth and node limits.
 */
import type { Money, OrderEvents } from '../../common/model';
import { toZonedIso } from '../../common/time';
import { parseDate } from '../parse/dates';
import { isObject, str } from '../json';
import { STATUS_CODES } from './labels';
import { EMBEDDED_STATE } from './selectors';

export const TIME_ZONE = 'Europe/Moscow';
const MAX_STATE_CHARS = 8_000_000;
const MAX_NODES = 200_000;
const MAX_DEPTH = 40;
/** Children of one array or object looked into; the state's collections are far smaller. */
const MAX_CHILDREN = 20_000;

type Json = Record<string, unknown>;

export interface EmbeddedState {
  orders: Map<string, Json>;
  items: Map<string, Json>;
  shops: Map<string, Json>;
  /** Return requests (the buyer's returns), by return id. */
  returns: Map<string, Json>;
  /** Order ids the page state lists, in its order (`orderGroupIds`). */
  orderIds: string[];
  pageToken?: string;
  hasNext?: boolean;
}

/** The order as the embedded state describes it; fields it does not give are absent. */
export interface EmbeddedOrder {
  placedAt?: string;
  /** Dated steps the state gives besides the order date (delivered, expectedDelivery, shipped). */
  events?: OrderEvents;
  status?: string;
  store?: { name: string; url?: string; id?: string };
  items?: { title: string; quantity?: number; price?: Money; url?: string }[];
  total?: Money;
  tracking?: { number: string; carrier?: string }[];
}

const ID = /^\d{1,20}$/;

function idOf(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  return id && ID.test(id) ? id : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** The JSON values in one script's text: the whole text, or the object literal inside `window.x = {…};`. */
function parseCandidate(raw: string): unknown {
  let text = raw.trim();
  if (!text) return undefined;
  if (text.startsWith('{&quot;') || text.startsWith('[&quot;') || (!text.includes('"') && text.includes('&quot;'))) text = decodeEntities(text);
  if (!(text.startsWith('{') || text.startsWith('['))) {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start < 0 || end <= start) return undefined;
    text = text.slice(start, end + 1);
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function mergeCollection(target: Map<string, Json>, collection: unknown): void {
  // A collection keyed by id ({"512034876": {…}}) or, in an answer, an array of records.
  const entries = isObject(collection) ? Object.entries(collection) : Array.isArray(collection) ? collection.map((v, i) => [String(i), v] as const) : [];
  for (const [key, value] of entries.slice(0, MAX_CHILDREN)) {
    if (!isObject(value)) continue;
    const id = idOf(value.id) ?? (isObject(collection) ? idOf(key) : undefined);
    if (id) target.set(id, { ...target.get(id), ...value });
  }
}

const ORDER_STATUS_CODES = new Set(Object.keys(STATUS_CODES));
const RETURN_MARKS = ['refundStatus', 'returnStatus', 'returnType', 'decisionType'];

/** An order record by what it must carry: its id, a status, and a date, a total or its items. Not an item (those name their order). */
function isOrderRecord(obj: Json): boolean {
  if (!idOf(obj.id) || (obj.orderId !== undefined && idOf(obj.orderId) !== idOf(obj.id))) return false;
  if (RETURN_MARKS.some((k) => obj[k] !== undefined)) return false;
  const code = typeof obj.status === 'string' ? obj.status.toUpperCase() : '';
  const status = ORDER_STATUS_CODES.has(code) || STATUS_TEXT_KEYS.some((k) => typeof obj[k] === 'string');
  const body = PLACED_KEYS.some((k) => obj[k] !== undefined) || TOTAL_KEYS.some((k) => obj[k] !== undefined) || Array.isArray(obj.items) || Array.isArray(obj.itemIds);
  return status && body;
}

/** A return request by what it must carry: its id, the order it is about, and a return's status or type. */
function isReturnRecord(obj: Json): boolean {
  return !!idOf(obj.id) && !!idOf(obj.orderId) && RETURN_MARKS.some((k) => typeof obj[k] === 'string');
}

function addIds(state: EmbeddedState, seen: Set<string>, value: unknown): void {
  if (!Array.isArray(value)) return;
  for (const entry of value.slice(0, 1000)) {
    const id = idOf(entry);
    if (id && !seen.has(id)) {
      seen.add(id);
      state.orderIds.push(id);
    }
  }
}

/**
 * Walks parsed state (bounded) collecting order records, item and shop records, return requests, ids and
 * paging. `bare`: also take order and return records found outside any collection (resolver answers).
 */
function collect(root: unknown, state: EmbeddedState, seen: Set<string>, bare = false): void {
  const stack: [unknown, number][] = [[root, 0]];
  let visited = 0;
  while (stack.length && visited < MAX_NODES) {
    const [node, depth] = stack.pop()!;
    visited++;
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = Math.min(node.length, MAX_CHILDREN) - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    const obj = node as Json;
    const collections = obj.collections;
    if (isObject(collections)) {
      mergeCollection(state.orders, collections.order ?? collections.orders);
      mergeCollection(state.items, collections.orderItem ?? collections.orderItems);
      mergeCollection(state.shops, collections.shop ?? collections.shops ?? collections.supplier);
      mergeCollection(state.returns, collections.return ?? collections.returns ?? collections.returnRequest ?? collections.orderReturn);
    } else if (bare) {
      if (isReturnRecord(obj)) mergeCollection(state.returns, [obj]);
      else if (isOrderRecord(obj)) {
        mergeCollection(state.orders, [obj]);
        addIds(state, seen, [obj.id]);
      }
    }
    addIds(state, seen, obj.orderGroupIds);
    addIds(state, seen, obj.ordersGroupsIds);
    if (typeof obj.pageToken === 'string' && state.pageToken === undefined) state.pageToken = obj.pageToken.slice(0, 2000);
    if (typeof obj.hasNext === 'boolean' && state.hasNext === undefined) state.hasNext = obj.hasNext;
    const values = Object.values(obj);
    for (let i = Math.min(values.length, MAX_CHILDREN) - 1; i >= 0; i--) stack.push([values[i], depth + 1]);
  }
}

const INTERESTING = /"(?:collections|orderGroupIds|ordersGroupsIds)"|&quot;(?:collections|orderGroupIds)&quot;/;

/** The embedded state of a page; empty when there is none or it cannot be parsed. Never throws. */
export function emptyState(): EmbeddedState {
  return { orders: new Map(), items: new Map(), shops: new Map(), returns: new Map(), orderIds: [] };
}

/**
 * The state the given parsed bodies describe (the page's resolver answers, ./api.ts): the same collections as
 * the embedded state, and bare order and return records. Never throws.
 */
export function stateFromBodies(bodies: readonly unknown[]): EmbeddedState {
  const state = emptyState();
  const seen = new Set<string>();
  for (const body of bodies) {
    try {
      collect(body, state, seen, true);
    } catch {
      // one odd answer does not hide the others
    }
  }
  return state;
}

export function readEmbeddedState(doc: Document): EmbeddedState {
  const state = emptyState();
  const seen = new Set<string>();
  let elements: Element[];
  try {
    elements = Array.from(doc.querySelectorAll(EMBEDDED_STATE));
  } catch {
    return state;
  }
  for (const el of elements) {
    try {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      // Executable scripts of other languages, templates and the like are not state.
      if (el.tagName.toLowerCase() === 'script' && type && !/json|javascript|ecmascript|module/.test(type)) continue;
      const text = el.textContent ?? '';
      if (text.length > MAX_STATE_CHARS || !INTERESTING.test(text)) continue;
      const parsed = parseCandidate(text);
      if (parsed !== undefined) collect(parsed, state, seen);
    } catch {
      // one broken blob does not hide the others
    }
  }
  return state;
}

function firstStr(obj: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = str(obj[key]);
    if (value) return value;
  }
  return undefined;
}

/** Yandex writes roubles as "RUR" in its data. */
function currencyCode(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!code || code === 'RUR') return 'RUB';
  return /^[A-Z]{3}$/.test(code) ? code : 'RUB';
}

/** Money from `1234`, `"1234.50"` or `{value: 1234, currency: "RUR"}`. */
export function moneyOf(value: unknown): Money | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { amount: value, currency: 'RUB' } : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return { amount: Number(value), currency: 'RUB' };
  if (!isObject(value)) return undefined;
  const inner = value.value ?? value.amount;
  const amount = typeof inner === 'number' ? inner : typeof inner === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(inner) ? Number(inner) : NaN;
  return Number.isFinite(amount) ? { amount, currency: currencyCode(value.currency) } : undefined;
}

/** ISO 8601 in Moscow time from a timestamp (ms or s), an ISO string, or text such as "03-11-2026 14:42:00". */
export function instantOf(value: unknown, now: Date): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) return undefined;
    return toZonedIso(date, TIME_ZONE).replace(/\.\d{3}(?=[+-])/, '');
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, 100);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return instantOf(Date.parse(text), now);
  const dmy = /^(\d{2})-(\d{2})-(\d{4})(.*)$/.exec(text);
  return parseDate(dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}${dmy[4]}` : text, { timeZone: TIME_ZONE, now });
}

const PLACED_KEYS = ['creationDate', 'createdAt', 'creationTime', 'createTime', 'orderDate'];
const STATUS_TEXT_KEYS = ['statusText', 'statusTitle', 'statusName', 'displayStatus'];
const STATUS_CODE_KEYS = ['status', 'statusCode'];
const TOTAL_KEYS = ['total', 'buyerTotal', 'totalPrice', 'buyerItemsTotal'];
const TITLE_KEYS = ['title', 'name', 'offerName', 'productName'];

function itemUrl(item: Json): string | undefined {
  const direct = str(item.url) ?? str(item.link);
  if (direct) {
    try {
      const url = new URL(direct, 'https://market.yandex.ru/');
      if (url.protocol === 'https:' && url.hostname === 'market.yandex.ru') return url.href;
    } catch {
      // fall through to the slug form
    }
  }
  const productId = idOf(item.productId) ?? idOf(item.modelId);
  const slug = typeof item.slug === 'string' && /^[a-z0-9-]{1,200}$/i.test(item.slug) ? item.slug : undefined;
  if (!productId || !slug) return undefined;
  const sku = idOf(item.skuId) ?? idOf(item.sku);
  return `https://market.yandex.ru/product--${slug}/${productId}${sku ? `?sku=${sku}` : ''}`;
}

function readItems(order: Json, orderId: string, state: EmbeddedState): EmbeddedOrder['items'] {
  let records: Json[] = [];
  const inline = Array.isArray(order.items) ? order.items.slice(0, 500) : [];
  const ids = Array.isArray(order.itemIds) ? order.itemIds.slice(0, 500) : inline.filter((entry) => !isObject(entry));
  if (inline.some(isObject)) records = inline.filter(isObject);
  else if (ids.length) {
    records = ids.map((id) => state.items.get(idOf(id) ?? '')).filter((item): item is Json => !!item);
  } else {
    records = [...state.items.values()].filter((item) => idOf(item.orderId) === orderId);
  }
  const items: NonNullable<EmbeddedOrder['items']> = [];
  for (const record of records.slice(0, 500)) {
    const title = firstStr(record, TITLE_KEYS);
    if (!title) continue;
    const count = record.count ?? record.quantity;
    const quantity = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
    const price = moneyOf(record.price ?? record.buyerPrice);
    const url = itemUrl(record);
    items.push({ title, ...(quantity !== undefined && { quantity }), ...(price && { price }), ...(url && { url }) });
  }
  return items.length ? items : undefined;
}

function readStore(order: Json, state: EmbeddedState): EmbeddedOrder['store'] {
  const shopId = idOf(order.shopId) ?? idOf(order.supplierId) ?? idOf(order.businessId);
  const shop = (shopId && state.shops.get(shopId)) || (isObject(order.shop) ? order.shop : undefined);
  const name = (shop && firstStr(shop, ['name', 'title', 'shopName'])) ?? firstStr(order, ['shopName', 'supplierName', 'sellerName']);
  if (!name) return undefined;
  const slug = shop && typeof shop.slug === 'string' && /^[a-z0-9-]{1,200}$/i.test(shop.slug) ? shop.slug : undefined;
  const id = shopId ?? (shop ? idOf(shop.id) : undefined);
  return { name, ...(slug && id && { url: `https://market.yandex.ru/business--${slug}/${id}` }), ...(id && { id }) };
}

function readTracking(order: Json): EmbeddedOrder['tracking'] {
  const delivery = isObject(order.delivery) ? order.delivery : {};
  const list = Array.isArray(delivery.tracks) ? delivery.tracks : Array.isArray(order.tracks) ? order.tracks : [];
  const tracking: NonNullable<EmbeddedOrder['tracking']> = [];
  for (const track of list.slice(0, 50)) {
    if (!isObject(track)) continue;
    const number = firstStr(track, ['trackCode', 'trackNumber', 'number', 'code']);
    const carrier = firstStr(track, ['deliveryServiceName', 'carrier', 'serviceName']) ?? firstStr(delivery, ['serviceName', 'deliveryServiceName']);
    if (number) tracking.push({ number, ...(carrier && { carrier }) });
  }
  const single = firstStr(order, ['trackCode', 'trackNumber']) ?? firstStr(delivery, ['trackCode', 'trackNumber']);
  if (!tracking.length && single) {
    const carrier = firstStr(delivery, ['serviceName', 'deliveryServiceName']);
    tracking.push({ number: single, ...(carrier && { carrier }) });
  }
  return tracking.length ? tracking : undefined;
}

/** What the embedded state says about one order, or undefined when it has no record of it. */
export function embeddedOrder(state: EmbeddedState, orderId: string, now: Date): EmbeddedOrder | undefined {
  const order = state.orders.get(orderId);
  if (!order) return undefined;
  const result: EmbeddedOrder = {};
  const attempt = (read: () => void) => {
    try {
      read();
    } catch {
      // a malformed field leaves it to the next strategy
    }
  };
  attempt(() => {
    for (const key of PLACED_KEYS) {
      const placedAt = instantOf(order[key], now);
      if (placedAt) return void (result.placedAt = placedAt);
    }
  });
  attempt(() => {
    const code = firstStr(order, STATUS_CODE_KEYS)?.toUpperCase();
    const status = firstStr(order, STATUS_TEXT_KEYS) ?? (code ? STATUS_CODES[code] : undefined);
    if (status) result.status = status;
  });
  attempt(() => {
    const store = readStore(order, state);
    if (store) result.store = store;
  });
  attempt(() => {
    const items = readItems(order, orderId, state);
    if (items) result.items = items;
  });
  attempt(() => {
    for (const key of TOTAL_KEYS) {
      const total = moneyOf(order[key]);
      if (total) return void (result.total = total);
    }
  });
  attempt(() => {
    const tracking = readTracking(order);
    if (tracking) result.tracking = tracking;
  });
  attempt(() => {
    const events = readEvents(order, now);
    if (Object.keys(events).length) result.events = events;
  });
  return result;
}

/**
 * Dated steps besides the order date. The partner API names the delivery's dates `delivery.dates` {fromDate,
 * toDate, realDeliveryDate} ("DD-MM-YYYY"); the storefront's state is assumed to follow it (unverified).
 * The expected delivery is the interval's first day (see ./events.ts for why the earlier end).
 */
function readEvents(order: Json, now: Date): OrderEvents {
  const events: OrderEvents = {};
  const delivery = isObject(order.delivery) ? order.delivery : {};
  const dates = isObject(delivery.dates) ? delivery.dates : {};
  const first = (...values: unknown[]) => values.map((v) => instantOf(v, now)).find(Boolean);
  const delivered = first(dates.realDeliveryDate, order.deliveredAt, order.deliveryDate, delivery.deliveredAt);
  if (delivered) events.delivered = delivered;
  const shipped = first(order.shipmentDate, order.shippedAt, delivery.shipmentDate);
  if (shipped) events.shipped = shipped;
  const expected = first(dates.fromDate, dates.toDate, delivery.expectedDate);
  if (expected && !delivered) events.expectedDelivery = expected;
  return events;
}

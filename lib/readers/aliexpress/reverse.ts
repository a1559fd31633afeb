/**
 * Returns and refunds as AliExpress's returns list API gives them
 * (`mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer`). Only its content is described (one
 * entry per return/refund with its order, type, status code and links to the dispute's detail page,
 * ../shared/docs/marketplace-pages.md); no response has been published. So entries are not looked for at one
 * fixed path: an entry is any object in the answer that holds the fields an entry must have, wherever it sits
 * (a component's `fields`, a plain list, a nested `result.list`): an order id of 12 or more digits (its own or
 * that of the object around it), a return/issue id, and a type or a status. Keys are compared without case
 * or punctuation, so `issueId`, `issue_id` and `ISSUE_ID` are one key.
 */
import type { Dispute, Money } from '../../common/model';
import { isObject, str } from '../json';
import type { ApiBody } from './api-orders';
import type { ReadContext } from './context';
import { mtopSucceeded, orderIdOf } from './mtop';
import { type Countdown, emptyDraft, MAX_COUNTDOWNS, MAX_ORDERS, type OrderDraft, setDispute, setEvent } from './order';
import { timerFromText } from './timers';

export interface DisputeEntry {
  orderId: string;
  dispute: Dispute;
  countdowns: Countdown[];
  itemTitle?: string;
  storeName?: string;
}

const ORDER_ID_KEYS = ['tradeorderid', 'orderid', 'mainorderid', 'parentorderid', 'buyerorderid', 'tradeid', 'orderno', 'ordernumber'];
const DISPUTE_ID_KEYS = ['issueid', 'disputeid', 'reverseorderid', 'reverseid', 'refundid', 'refundorderid', 'aftersaleid', 'caseid', 'issueno', 'disputeno', 'reverseorderno'];
const TYPE_KEYS = ['reversetype', 'issuetype', 'disputetype', 'refundtype', 'aftersaletype', 'solutiontype', 'type'];
const STATUS_KEYS = ['reversestatus', 'issuestatus', 'disputestatus', 'refundstatus', 'aftersalestatus', 'status', 'statuscode'];
const OPENED_KEYS = ['createtime', 'gmtcreate', 'applytime', 'gmtapply', 'opentime', 'createdat', 'createdate', 'issuecreatetime', 'reversecreatetime', 'disputecreatetime', 'applydate', 'opendate', 'submittime', 'starttime'];
const AMOUNT_KEYS = ['refundamount', 'refundmoney', 'applyrefundamount', 'applyamount', 'refundfee', 'refundprice', 'amount', 'money'];
const TITLE_KEYS = ['itemtitle', 'producttitle', 'productname', 'itemname', 'subject'];
const STORE_KEYS = ['storename', 'sellername', 'shopname'];
// A human text beside a code: "reverseTypeText", "statusDesc", "issueStatusName".
const TEXT_SUFFIX = /(?:text|desc|name|title|display|label|str)$/;

const MAX_DEPTH = 10;
const MAX_NODES = 50_000;

const norm = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** An object's values by normalised key: its own first, then those of the objects in it (two levels; lists not entered). */
function valuesOf(object: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  let level: Record<string, unknown>[] = [object];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: Record<string, unknown>[] = [];
    for (const obj of level) {
      // A component's own `type`/`tag` names the component, not the return.
      const isComponent = isObject(obj.fields);
      for (const [key, value] of Object.entries(obj)) {
        if (isComponent && (key === 'type' || key === 'tag')) continue;
        if (isObject(value)) next.push(value);
        else if (!Array.isArray(value) && !values.has(norm(key))) values.set(norm(key), value);
      }
      for (const [key, value] of Object.entries(obj)) if (isObject(value) && !values.has(norm(key))) values.set(norm(key), value);
    }
    level = next;
  }
  return values;
}

const first = <T>(values: Map<string, unknown>, keys: readonly string[], read: (value: unknown) => T | undefined): T | undefined => {
  for (const key of keys) {
    const value = values.has(key) ? read(values.get(key)) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
};

const longOrderId = (value: unknown) => {
  const id = orderIdOf(value);
  return id && id.length >= 12 ? id : undefined;
};
const disputeIdOf = (value: unknown) => {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  const text = str(value);
  return text && /^[0-9A-Za-z_-]{1,64}$/.test(text) ? text : undefined;
};
const shortText = (value: unknown) => {
  const text = typeof value === 'string' ? str(value) : typeof value === 'number' ? String(value) : undefined;
  return text && text.length <= 120 ? text : undefined;
};

/** A code's human text: the first key that starts like one of `keys` and ends like a text ("reverseStatusDesc"). */
function textBeside(values: Map<string, unknown>, keys: readonly string[]): string | undefined {
  for (const [key, value] of values) {
    if (!TEXT_SUFFIX.test(key) || keys.includes(key)) continue;
    const stem = key.replace(TEXT_SUFFIX, '');
    if (keys.includes(stem)) {
      const text = typeof value === 'string' ? shortText(value) : undefined;
      if (text) return text;
    }
  }
  return undefined;
}

/** The order id of an object: one of the known keys, or any "…order…id" key that is not a line's or an item's. */
function ownOrderId(values: Map<string, unknown>): string | undefined {
  const known = first(values, ORDER_ID_KEYS, longOrderId);
  if (known) return known;
  for (const [key, value] of values) {
    if (/order/.test(key) && /(?:id|no)$/.test(key) && !/line|sub|item|reverse|issue|refund|sku/.test(key)) {
      const id = longOrderId(value);
      if (id) return id;
    }
  }
  return undefined;
}

/** The return/refund entries one returns list response holds (none for an error answer). */
export function disputesOf(body: ApiBody, c: ReadContext): DisputeEntry[] {
  return mtopSucceeded(body.data) ? entriesIn(body.data, c) : [];
}

/** The entries of several responses (most recent first) in list order, each once, with its most recent values. */
export function joinDisputes(received: readonly DisputeEntry[][]): DisputeEntry[] {
  const byKey = new Map<string, DisputeEntry>();
  // Oldest first, so a later page comes after an earlier one and a refreshed entry keeps its place.
  for (const entries of [...received].reverse()) {
    for (const entry of entries) byKey.set(entry.dispute.id ?? entry.orderId, entry);
  }
  return [...byKey.values()].slice(0, MAX_ORDERS);
}

function entriesIn(data: unknown, c: ReadContext): DisputeEntry[] {
  const found: DisputeEntry[] = [];
  let nodes = 0;
  // Returns whether `value` holds an entry, so that an object around an entry is not taken for one too.
  const walk = (value: unknown, depth: number, inheritedOrderId: string | undefined): boolean => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES || found.length >= MAX_ORDERS) return false;
    if (Array.isArray(value)) {
      let any = false;
      for (const item of value) any = walk(item, depth + 1, inheritedOrderId) || any;
      return any;
    }
    if (!isObject(value)) return false;
    const values = valuesOf(value);
    const orderId = ownOrderId(values) ?? inheritedOrderId;
    let inside = false;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) inside = walk(child, depth + 1, orderId) || inside;
    if (inside || !orderId) return inside;
    const entry = entryOf(value, values, orderId, c);
    if (entry) found.push(entry);
    return Boolean(entry);
  };
  walk(data, 0, undefined);
  return found;
}

function entryOf(object: Record<string, unknown>, values: Map<string, unknown>, orderId: string, c: ReadContext): DisputeEntry | undefined {
  const id = first(values, DISPUTE_ID_KEYS, disputeIdOf);
  const typeCode = first(values, TYPE_KEYS, shortText);
  const statusCode = first(values, STATUS_KEYS, shortText);
  const type = textBeside(values, TYPE_KEYS) ?? typeCode;
  const status = textBeside(values, STATUS_KEYS) ?? statusCode;
  if (!id || (!type && !status)) return undefined;
  const dispute: Dispute = { id };
  if (type) dispute.type = type;
  if (status) dispute.status = status;
  const opened = first(values, OPENED_KEYS, (v) => (typeof v === 'number' ? c.instant(v) : c.date(str(v))));
  if (opened) dispute.openedAt = opened;
  const amount = amountOf(values, c);
  if (amount) dispute.amount = amount;
  const url = linkOf(object, c);
  if (url) dispute.url = url;
  return {
    orderId,
    dispute,
    countdowns: timersOfEntry(object, values, c),
    itemTitle: first(values, TITLE_KEYS, (v) => (typeof v === 'string' ? str(v) : undefined)),
    storeName: first(values, STORE_KEYS, (v) => (typeof v === 'string' ? str(v) : undefined)),
  };
}

/** `refundAmount: "US $18.40"`, `{amount: "18.40", currencyCode: "USD"}`, `{value: 12.99, currency: "EUR"}`, or a number beside a currency key. */
function amountOf(values: Map<string, unknown>, c: ReadContext): Money | undefined {
  const siblingCode = first(values, ['currencycode', 'currency'], (v) => (typeof v === 'string' ? str(v) : undefined));
  for (const key of AMOUNT_KEYS) {
    const value = values.get(key);
    if (value === undefined) continue;
    if (isObject(value)) {
      const inner = valuesOf(value);
      const code = first(inner, ['currencycode', 'currency'], (v) => (typeof v === 'string' ? str(v) : undefined)) ?? siblingCode;
      const formatted = first(inner, ['formatted', 'formattedamount', 'amountstr', 'text', 'display', 'displayamount'], (v) => (typeof v === 'string' ? str(v) : undefined));
      const number = first(inner, ['amount', 'value'], (v) => (typeof v === 'number' || typeof v === 'string' ? String(v) : undefined));
      const money = c.money(formatted ?? number, code);
      if (money && (formatted || code || /[^\d.,\s-]/.test(number ?? ''))) return money;
    } else if (typeof value === 'string') {
      const money = c.money(str(value), siblingCode);
      if (money) return money;
    } else if (typeof value === 'number' && siblingCode) {
      const money = c.money(String(value), siblingCode);
      if (money) return money;
    }
  }
  return undefined;
}

// The dispute's own page: AliExpress links the issue detail and the refund-amount page.
const DISPUTE_LINK = /\/issue\/|refund-amount|reverse|dispute|refund/i;

function linkOf(object: Record<string, unknown>, c: ReadContext): string | undefined {
  const links: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 3 || links.length > 20) return;
    if (typeof value === 'string') {
      const text = value.trim();
      if (/^(?:https?:)?\/\//i.test(text) && DISPUTE_LINK.test(text)) {
        const link = c.link(text);
        if (link) links.push(link);
      }
    } else if (Array.isArray(value)) value.slice(0, 20).forEach((v) => visit(v, depth + 1));
    else if (isObject(value)) Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  visit(object, 0);
  return links.find((l) => /\/issue\//i.test(l)) ?? links[0];
}

/**
 * The timers an entry states: a text that starts with a timer phrase ("Seller must respond within 4 days"),
 * or an end time (`…Timeout`, `…Deadline`, `…ExpireTime` as epoch ms) labelled by the text beside it
 * (`sellerResponseTimeoutTitle`).
 */
function timersOfEntry(object: Record<string, unknown>, values: Map<string, unknown>, c: ReadContext): Countdown[] {
  const found: Countdown[] = [];
  const texts: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 3 || texts.length > 100) return;
    if (typeof value === 'string') {
      const text = str(value);
      if (text) texts.push(text);
    } else if (Array.isArray(value)) value.slice(0, 20).forEach((v) => visit(v, depth + 1));
    else if (isObject(value)) Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  visit(object, 0);
  for (const text of texts) {
    const timer = timerFromText(text, c);
    if (timer?.endsAt && !found.some((f) => f.text === timer.text)) found.push(timer);
  }
  for (const [key, value] of values) {
    if (typeof value !== 'number' || !/(?:timeout|deadline|expire|endtime|duetime)/.test(key)) continue;
    const label = [`${key}title`, `${key}text`, `${key}tip`, `${key}desc`, `${key}label`].map((k) => values.get(k)).find((v): v is string => typeof v === 'string');
    const endsAt = c.instant(value);
    const text = label && str(label);
    if (!endsAt || !text || found.some((f) => f.label === text)) continue;
    found.push({ label: text, text, endsAt: new Date(endsAt).toISOString() });
  }
  return found.slice(0, MAX_COUNTDOWNS);
}

/** An entry as the order it concerns, everything from the API. */
export function draftOfDispute(entry: DisputeEntry): OrderDraft {
  const order = emptyDraft(entry.orderId);
  order.sources.orderId = 'api-data';
  for (const key of ['id', 'type', 'status', 'openedAt', 'amount', 'url'] as const) setDispute(order, key, entry.dispute[key], 'api-data');
  setEvent(order, 'disputeOpened', entry.dispute.openedAt, 'api-data');
  if (entry.itemTitle) [order.items, order.sources.items] = [[{ title: entry.itemTitle }], 'api-data'];
  if (entry.storeName) [order.store, order.sources.store] = [{ name: entry.storeName }, 'api-data'];
  if (entry.countdowns.length) [order.countdowns, order.sources.countdowns] = [entry.countdowns, 'api-data'];
  return order;
}

/**
 * Taobao/Tmall refund and after-sales pages (refund2.taobao.com, refund2.tmall.com): the buyer's refund list
 * (`/dispute/buyerDisputeList.htm`), a refund's detail (`/dispute/detail.htm`), and `applyRouter.htm?bizOrderId=N`
 * (the way in from an order, naming it). They render from an inline `var disputeData = {…}` of the ultron
 * shape (./ultron.ts), seen on a real, empty 2021 list; no filled one is public. So the entries are found the
 * way ultron data is built, not by names DisputeKit guessed: a refund is whatever component (or container of
 * components) carries an order id together with what a refund has (its id, type, status, amount, when it was
 * asked for), each field with alternatives. Check it against the first filled page saved.
 *
 * Each order concerned becomes one order of the reading, with `dispute` (id, type 仅退款/退货退款, status,
 * openedAt, amount, url), `events.refundRequested` (and returnShipped when the progress shows it) and the
 * timers the page counts down (卖家处理 剩余… → the seller's answer; 退货 剩余… → the return window).
 */
import type { Dispute, OrderEvents, OrderFacts } from '../../common/model';
import { countdownEndsAt, MAX_COUNTDOWN_MS } from '../parse/countdown';
import { parseMoney } from '../parse/money';
import { absoluteUrl, cleanText } from '../dom';
import { isObject, str } from '../json';
import { isoInZone } from '../../common/time';
import { at, attempt, cleanStatus, CURRENCY, epochOf, formatDuration, idOf, list, moneyOf, orderIdIn, TIME_ZONE } from './data';
import { jsonParseArgument, objectLiteral } from './embedded';
import { eventsFromRows, eventsFromSteps, mergeEvents, statedDate } from './events';
import { COUNTDOWN_TEXT, labelled, scanLabels } from './labels';
import type { Findings, Step } from './order';
import { combine } from './order';
import { TAOBAO_EMBEDDED } from './selectors';
import type { Component, UltronData } from './ultron';
import { field, groups, keyId, nameOf, ultronData } from './ultron';

type Countdown = NonNullable<OrderFacts['countdowns']>[number];
type Kind = 'dispute-list' | 'dispute-detail';

const ORDER_ID = ['bizOrderId', 'orderId', 'mainOrderId', 'parentOrderId', 'tradeId', 'biz_order_id', 'order_id'];
const DISPUTE_ID = ['disputeId', 'refundId', 'refund_id', 'disputeID', 'afterSaleId', 'serviceId'];
const TYPE = ['refundTypeText', 'refundTypeDesc', 'disputeTypeText', 'disputeTypeDesc', 'refundType', 'disputeType', 'applyType', 'serviceType', 'typeText'];
const STATUS = ['statusText', 'refundStatusText', 'disputeStatusText', 'statusDesc', 'refundStatusDesc', 'statusName', 'status', 'refundStatus', 'disputeStatus'];
const OPENED = ['applyTime', 'refundApplyTime', 'applyDate', 'gmtCreate', 'createTime', 'refundCreateTime', 'requestTime'];
const AMOUNT = ['refundFee', 'refundAmount', 'applyRefundFee', 'refundMoney', 'refundPrice', 'applyAmount'];
const URL_FIELDS = ['detailUrl', 'disputeUrl', 'refundDetailUrl', 'refundUrl', 'url', 'link'];
const TITLE = ['itemTitle', 'auctionTitle', 'itemName', 'goodsName', 'title'];
const SHOP = ['shopName', 'sellerShopName', 'sellerNick', 'sellerName'];
const ORDER_STATUS = ['orderStatusText', 'orderStatus', 'tradeStatusText'];
const STEPS = ['nodes', 'steps', 'options', 'progress', 'stepList', 'list'];
const ROWS = ['lines', 'rows', 'infoList', 'items', 'list'];
/** Timers: the end as an epoch time, or the time left (unit in the name; countDown is seconds, as on the order detail). */
const TIMER_END = ['endTime', 'targetTime', 'deadline', 'deadlineTime', 'timeoutTime', 'expireTime', 'endDate'];
const TIMER_LEFT_MS = ['remainTime', 'leftTime', 'remainMs', 'leftMs', 'timeout'];
const TIMER_LEFT_S = ['countDown', 'countdown', 'remainSeconds', 'leftSeconds'];
const TIMER_LABEL = ['title', 'label', 'preText', 'desc', 'name', 'tip', 'text', 'content'];

/** What names an order on these pages, and a refund. */
const orderOf = (c: Component) => {
  for (const name of ORDER_ID) {
    const id = idOf(c.fields[name]);
    if (id && id.length >= 6) return id;
  }
  return undefined;
};
const disputeIdOf = (c: Component) => {
  const value = field(c, DISPUTE_ID);
  const id = typeof value === 'number' ? idOf(value) : str(value);
  return id && /^[0-9A-Za-z_-]{1,64}$/.test(id) ? id : undefined;
};

/** Text that reads as words the page shows (仅退款, 等待卖家处理), not a code (1, "WAIT_SELLER_AGREE"). */
function wordsOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? str(value) : str(at(value, 'text')) ?? str(at(value, 'value'));
  return text && /[\u4e00-\u9fffА-яЁё]|[a-z]{2}/.test(text) ? text : undefined;
}

function firstOf<T>(components: Component[], read: (c: Component) => T | undefined): T | undefined {
  for (const c of components) {
    const value = attempt(() => read(c));
    if (value !== undefined) return value;
  }
  return undefined;
}

export function readDisputePage(doc: Document, href: string, kind: Kind, idsFromUrl: { orderId?: string; disputeId?: string }, now: Date): { orders: OrderFacts[]; missing: string[] } {
  const data = attempt(() => {
    for (const source of TAOBAO_EMBEDDED.dispute) {
      const value = source.form === 'object-literal' ? objectLiteral(doc, source.variable) : jsonParseArgument(doc, source.variable);
      if (value) return ultronData(value);
    }
    return undefined;
  });
  const entries = data ? (attempt(() => disputeEntries(data, kind)) ?? []) : [];

  const orders: OrderFacts[] = [];
  const missing: string[] = [];
  const add = (steps: Step[]) => {
    const { order, missing: lacking } = combine(steps, ['dispute']);
    if (!order || orders.some((o) => o.orderId === order.orderId)) return; // one order per order concerned
    missing.push(...lacking.map((f) => (kind === 'dispute-list' ? `orders[${orders.length}].${f}` : f)));
    orders.push(order);
  };

  if (kind === 'dispute-list') {
    for (const components of entries.slice(0, 500)) add([['embedded-data', () => entryFindings(components, href, now)]]);
    if (!orders.length) missing.push('orders');
    return { orders, missing };
  }
  // A refund's own page: its data, then its labelled text, then what the URL names.
  const own = idsFromUrl.orderId ? (entries.find((e) => e.some((c) => orderOf(c) === idsFromUrl.orderId)) ?? entries[0]) : entries[0];
  add([
    ['embedded-data', () => (own ? entryFindings(own, href, now) : undefined)],
    ['label', () => fromLabels(doc, now)],
    ['url', () => ({ orderId: idsFromUrl.orderId, ...(idsFromUrl.disputeId && { dispute: { id: idsFromUrl.disputeId } }) })],
  ]);
  if (!orders.length) missing.push('orderId');
  return { orders, missing };
}

/**
 * The refunds of the page, each as its components. A component names its order (or only its refund, which
 * another component ties to the order); the rest belong to the order their container holds. On a refund's
 * own page every component is about that one refund.
 */
function disputeEntries(data: UltronData, kind: Kind): Component[][] {
  const orderOfDispute = new Map<string, string>();
  for (const c of data.components) {
    const order = orderOf(c);
    const dispute = disputeIdOf(c);
    if (order && dispute && !orderOfDispute.has(dispute)) orderOfDispute.set(dispute, order);
  }
  const known = new Set(orderOfDispute.values());
  const idOf = (c: Component) => {
    const order = orderOf(c);
    if (order) return order;
    const dispute = disputeIdOf(c);
    if (dispute) return orderOfDispute.get(dispute);
    // An id in a key counts only when it is an order (or refund) the data names elsewhere.
    const fromKey = keyId(c);
    return fromKey && (known.has(fromKey) ? fromKey : orderOfDispute.get(fromKey));
  };
  const byOrder = groups(data, idOf);
  if (kind === 'dispute-detail' && byOrder.size === 1) return [data.components];
  // A refund is an entry that says something a refund has; an order named in passing (a link) is not one.
  return [...byOrder.values()].filter((components) => components.some((c) => field(c, [...DISPUTE_ID, ...TYPE, ...AMOUNT, ...OPENED]) !== undefined || /dispute|refund|退款|售后/i.test(nameOf(c))));
}

function entryFindings(components: Component[], href: string, now: Date): Findings | undefined {
  const orderId = firstOf(components, orderOf);
  if (!orderId) return undefined;
  const refundish = (c: Component) => /dispute|refund|退款|售后/i.test(nameOf(c)) || field(c, DISPUTE_ID) !== undefined;
  // The refund's own component first: its status is the refund's (an item component may carry the order's).
  const ordered = [...components.filter(refundish), ...components.filter((c) => !refundish(c))];
  const openedAt = firstOf(ordered, (c) => statedDate(str(field(c, OPENED)), now) ?? epochDate(field(c, OPENED)));
  // The refund's status as written, instruction included ("卖家已同意，请退货" says what the buyer must do).
  const status = firstOf(ordered, (c) => wordsOf(field(c, STATUS)));
  const amount = firstOf(ordered, (c) => {
    const value = field(c, AMOUNT);
    return moneyOf(isObject(value) ? (value.value ?? value.text) : value);
  });
  const url = firstOf(ordered, (c) => {
    const link = absoluteUrl(str(field(c, URL_FIELDS)), href);
    return link && /^https?:\/\/[^/]*(?:taobao|tmall)\.com\//.test(link) && link.length <= 2000 ? link : undefined;
  });
  const progress = mergeEvents(...ordered.map((c) => attempt(() => stepsEvents(c, now))));
  const rows = mergeEvents(...ordered.map((c) => attempt(() => rowEvents(c, now))));
  const events: OrderEvents = mergeEvents(openedAt ? { refundRequested: openedAt } : undefined, rows, progress);
  const id = firstOf(ordered, disputeIdOf);
  const type = firstOf(ordered, (c) => wordsOf(field(c, TYPE)));
  const dispute: Dispute = {
    ...(id && { id }),
    ...(type && { type }),
    ...(status && { status }),
    // Opened when the refund was asked for: its own field, or the 申请时间 row / 买家申请退款 step.
    ...(events.refundRequested && { openedAt: events.refundRequested }),
    ...(amount && { amount }),
    ...(url && { url }),
  };
  const title = firstOf(components.filter((c) => !refundish(c) || field(c, TITLE) !== undefined), (c) => str(field(c, TITLE)));
  const shop = firstOf(components, (c) => str(field(c, SHOP)));
  const orderStatus = firstOf(components, (c) => cleanStatus(wordsOf(field(c, ORDER_STATUS))));
  return {
    orderId,
    ...(orderStatus && { status: orderStatus }),
    ...(shop && { store: { name: shop } }),
    items: title ? [{ title }] : [],
    ...(Object.keys(dispute).length && { dispute }),
    countdowns: timers(ordered, status, now),
    events,
  };
}

/** An epoch time in data (ms or s), as an instant in Asia/Shanghai. */
function epochDate(value: unknown): string | undefined {
  const date = typeof value === 'number' || (typeof value === 'string' && /^\d{10,13}$/.test(value)) ? epochOf(value) : undefined;
  return date && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100 ? isoInZone(date.getTime(), TIME_ZONE) : undefined;
}

/** A refund's progress: [{text: "买家申请退款", time}, {text: "卖家处理退款申请"}, …] under any of the usual names. */
function stepsEvents(c: Component, now: Date): OrderEvents | undefined {
  for (const name of STEPS) {
    const steps = list(c.fields[name]);
    if (steps.length && steps.some((s) => str(at(s, 'time')) ?? str(at(s, 'date')))) return eventsFromSteps(steps, now);
  }
  return undefined;
}

/** Labelled rows: [{name: "申请时间", value: "2026-…"}] or [{key, value}] or the component's own {label, value}. */
function rowEvents(c: Component, now: Date): OrderEvents | undefined {
  const rows: [string, string][] = [];
  const add = (row: unknown) => {
    const label = str(at(row, 'name')) ?? str(at(row, 'key')) ?? str(at(row, 'label')) ?? str(at(row, 'title'));
    const value = str(at(row, 'value')) ?? str(at(row, 'text')) ?? str(at(row, 'content'));
    if (label && value) rows.push([label, value]);
  };
  add(c.fields);
  for (const name of ROWS) for (const row of list(c.fields[name]).slice(0, 100)) add(row);
  return rows.length ? eventsFromRows(rows, now) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Timers: "卖家处理 剩余 1天23时59分", {endTime, serverTime}, {remainTime}

function isTimer(c: Component): boolean {
  return /countdown|count_down|timer|timeout|倒计时/i.test(nameOf(c)) || field(c, [...TIMER_END, ...TIMER_LEFT_MS, ...TIMER_LEFT_S]) !== undefined;
}

/** What a timer counts down to, in the page's words ("卖家处理", "退货"); the refund's status when it says nothing. */
function timerLabel(words: string | undefined, status: string | undefined): string {
  const before = words ? cleanText(words.replace(/(?:剩余|还剩|还有|剩).*$/, '')).replace(/[\s:：，,]+$/, '') : '';
  return before || cleanText(words) || status || '倒计时';
}

function timers(components: Component[], status: string | undefined, now: Date): Countdown[] | undefined {
  const found = new Map<string, Countdown>();
  const add = (c: Countdown | undefined) => {
    if (c && !found.has(c.endsAt ?? c.text) && found.size < 20) found.set(c.endsAt ?? c.text, c);
  };
  for (const c of components) {
    const structured = isTimer(c) ? attempt(() => structuredTimer(c, status, now)) : undefined;
    if (structured) {
      add(structured);
      continue;
    }
    // A countdown written as text in any of the component's strings ("卖家处理 剩余 1天23时").
    for (const value of Object.values(c.fields).slice(0, 100)) {
      const text = typeof value === 'string' ? str(value) : undefined;
      const match = text ? COUNTDOWN_TEXT.exec(text) : null;
      if (!text || !match) continue;
      const endsAt = countdownEndsAt(match[0], now);
      add({ label: timerLabel(text, status), text, ...(endsAt && { endsAt }) });
    }
  }
  return found.size ? [...found.values()] : undefined;
}

function structuredTimer(c: Component, status: string | undefined, now: Date): Countdown | undefined {
  const words = wordsOf(field(c, TIMER_LABEL));
  const label = timerLabel(words, status);
  const end = epochOf(field(c, TIMER_END));
  let ms: number | undefined;
  let endsAt: string | undefined;
  if (end) {
    const from = epochOf(field(c, ['serverTime', 'currentTime', 'now'])) ?? now;
    ms = end.getTime() - from.getTime();
    endsAt = end.toISOString();
  } else {
    const leftMs = Number(str(field(c, TIMER_LEFT_MS)));
    const leftS = Number(str(field(c, TIMER_LEFT_S)));
    ms = Number.isFinite(leftMs) && leftMs > 0 ? leftMs : Number.isFinite(leftS) && leftS > 0 ? leftS * 1000 : undefined;
    if (ms !== undefined && ms <= MAX_COUNTDOWN_MS) endsAt = new Date(now.getTime() + ms).toISOString();
  }
  if (ms === undefined || ms < 0 || ms > MAX_COUNTDOWN_MS) return undefined;
  return { label, text: cleanText(`${label} 剩余 ${formatDuration(ms)}`), ...(endsAt && { endsAt }) };
}

// ---------------------------------------------------------------------------------------------------------
// A refund page without its data: the labels it shows

function fromLabels(doc: Document, now: Date): Findings {
  const root = doc.body ?? doc;
  const scan = scanLabels(root);
  const id = labelled(scan, 'disputeId')?.match(/[0-9A-Za-z_-]{6,64}/)?.[0];
  const type = labelled(scan, 'refundType');
  const status = cleanStatus(labelled(scan, 'refundStatus'));
  const amount = parseMoney(labelled(scan, 'refundAmount'), CURRENCY);
  const openedAt = statedDate(labelled(scan, 'refundRequestedAt'), now);
  const countdown = scan.countdown;
  const dispute: Dispute = {
    ...(id && { id }),
    ...(type && { type }),
    ...(status && { status }),
    ...(openedAt && { openedAt }),
    ...(amount && { amount }),
  };
  const endsAt = countdown ? countdownEndsAt(countdown.text, now) : undefined;
  // The timer's words are those written before it ("卖家处理" in "卖家处理 剩余 1天23时").
  const before = countdown ? countdown.context.slice(0, Math.max(0, countdown.context.indexOf(countdown.text))).split(/[。；;！!]/).pop() : undefined;
  return {
    orderId: orderIdIn(labelled(scan, 'orderId')),
    ...(Object.keys(dispute).length && { dispute }),
    ...(countdown && { countdowns: [{ label: timerLabel(before?.slice(-40) || countdown.text, status), text: countdown.text, ...(endsAt && { endsAt }) }] }),
    events: mergeEvents(openedAt ? { refundRequested: openedAt } : undefined, eventsFromRows([...scan.values].filter(([label]) => !/^成交时间/.test(label)), now)),
  };
}

/**
 * The dated steps of a Taobao/Tmall order as its pages write them, named as the deadline engine names its
 * events (lib/common/model.ts ORDER_EVENTS). Three forms, all from the saved pages in ../shared/fixtures/real/taobao:
 * - labelled rows: Taobao's `orderInfo.lines` ("创建时间:", "付款时间:", "发货时间:", "成交时间:") and Tmall's
 *   `basic.lists` with its "更多" moreList (成交时间, 付款时间, 发货时间);
 * - progress steps with times: Taobao's `orderBar.nodes` [{text: "拍下宝贝", date}], Tmall's
 *   `stepbar.options` [{content: "拍下商品", time}], and a refund's progress (买家申请退款 → 卖家处理 → 退款完毕);
 * - sentences: Tmall's "预计11月08日送达" (the expected delivery, a day without a year).
 * Times with seconds are Asia/Shanghai and become instants with +08:00; a day stays a day.
 */
import type { OrderEvent, OrderEvents } from '../../common/model';
import { yearOf } from '../parse/dates';
import { at, list, shanghaiDate, TIME_ZONE } from './data';
import { str } from '../json';

/** Labelled rows: label (without its colon) → event. 成交时间 is handled apart (see `dealTimeEvent`). */
export const LINE_EVENTS: readonly (readonly [RegExp, OrderEvent])[] = [
  [/^(?:创建时间|下单时间|拍下时间|订单创建时间|Created|Order time|Order date)$/i, 'placed'],
  [/^(?:付款时间|支付时间|Payment time|Paid)$/i, 'paid'],
  [/^(?:发货时间|卖家发货时间|Shipped|Shipping time)$/i, 'shipped'],
  [/^(?:确认收货时间|收货时间|签收时间)$/, 'receiptConfirmed'],
  [/^(?:完成时间|交易成功时间|交易完成时间)$/, 'completed'],
  [/^(?:申请时间|退款申请时间|申请退款时间|退款申请日期)$/, 'refundRequested'],
  [/^(?:退货时间|买家退货时间|寄回时间)$/, 'returnShipped'],
];

/** Progress steps: the step's words → event. First match wins ("买家申请退货退款" is the request, not a return). */
const STEP_EVENTS: readonly (readonly [RegExp, OrderEvent | null])[] = [
  [/申请/, 'refundRequested'],
  [/拍下|下单|提交订单|创建订单/, 'placed'],
  [/付款|支付/, 'paid'],
  [/卖家发货|商家发货|^发货$/, 'shipped'],
  [/买家退货|退回|寄回/, 'returnShipped'],
  // The buyer's receipt; "卖家确认收货" on a refund's progress is the seller getting the return back.
  [/(?<!卖家|商家)(?:确认收货|签收)/, 'receiptConfirmed'],
  [/交易成功|交易完成/, 'completed'],
  // 评价 (review), 卖家处理 (seller handling), 退款完毕 (refunded): no event of the engine.
];

/** A value that promises a date rather than stating one: "12月08日 03:46前发货", "48小时内发货", "预计…". */
const PROMISE = /前|内|预计|以前|之前|before|within/i;

/** The event a labelled row names, or undefined. */
export function lineEvent(label: string | undefined): OrderEvent | undefined {
  const clean = label?.replace(/[\s:：]+$/, '').trim();
  if (!clean) return undefined;
  return LINE_EVENTS.find(([pattern]) => pattern.test(clean))?.[1];
}

/** The event a progress step names, or undefined. */
export function stepEvent(text: string | undefined): OrderEvent | undefined {
  if (!text) return undefined;
  for (const [pattern, event] of STEP_EVENTS) if (pattern.test(text)) return event ?? undefined;
  return undefined;
}

/** A stated time (not a promise) in Asia/Shanghai, as a page date. */
export function statedDate(value: string | undefined, now: Date): string | undefined {
  if (!value || PROMISE.test(value)) return undefined;
  return shanghaiDate(value, now);
}

/** Events from labelled rows (label → value), each event from its first row. */
export function eventsFromRows(rows: Iterable<readonly [string, string]>, now: Date): OrderEvents {
  const events: OrderEvents = {};
  for (const [label, value] of rows) {
    const event = lineEvent(label);
    if (!event || events[event]) continue;
    const date = statedDate(value, now);
    if (date) events[event] = date;
  }
  return events;
}

/**
 * Events from progress steps: Taobao's `orderBar.nodes` ({text, date}) and Tmall's `stepbar.options`
 * ({content, time}); steps not reached yet carry no time and give nothing.
 */
export function eventsFromSteps(steps: unknown, now: Date): OrderEvents {
  const events: OrderEvents = {};
  for (const step of list(steps).slice(0, 50)) {
    const event = stepEvent(str(at(step, 'text')) ?? str(at(step, 'content')) ?? str(at(step, 'title')) ?? str(at(step, 'name')));
    if (!event || events[event]) continue;
    const date = statedDate(str(at(step, 'date')) ?? str(at(step, 'time')), now);
    if (date) events[event] = date;
  }
  return events;
}

/** The first-found value of each event: `later` fills only what `earlier` lacks. */
export function mergeEvents(...sets: (OrderEvents | undefined)[]): OrderEvents {
  const merged: OrderEvents = {};
  for (const set of sets) {
    for (const [name, date] of Object.entries(set ?? {}) as [OrderEvent, string][]) if (!merged[name] && date) merged[name] = date;
  }
  return merged;
}

/** "交易成功" and its synonyms: the trade is complete, so its 成交时间 (or its receipt) is the completion. */
export function tradeSucceeded(status: string | undefined): boolean {
  return !!status && /交易成功|交易完成|已完成|Completed/i.test(status);
}

const MONTH_DAY = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?/;

/**
 * A day (and time) written without a year, "11月08日": the year is worked out from `now` as the date parser
 * does for a deadline (a promised day long behind today is next year's).
 */
export function monthDayDate(text: string | undefined, now: Date): string | undefined {
  const match = text ? MONTH_DAY.exec(text) : null;
  if (!match) return shanghaiDate(text, now);
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = yearOf(month, day, { timeZone: TIME_ZONE, now, yearless: 'future' });
  return shanghaiDate(`${year}-${month}-${day}${match[3] ? ` ${match[3]}` : ''}`, now);
}

/** "预计11月08日送达", "预计 2025-11-08 前送达": the day delivery is expected. */
const EXPECTED_DELIVERY = /预计\s*([^，,;；。]{2,30}?)\s*(?:前)?\s*(?:送达|到达|到货|签收)/;

export function expectedDeliveryIn(text: string | undefined, now: Date): string | undefined {
  const match = text ? EXPECTED_DELIVERY.exec(text) : null;
  return match ? monthDayDate(match[1], now) : undefined;
}

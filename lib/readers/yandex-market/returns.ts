/**
 * Yandex Market's return requests ("Возвраты": market.yandex.ru/my/returns and a return's own page; not all
 * paths are known). From a recorded returns answer or the page state (./embedded.ts `returns`: records with
 * an id, the order and a return's status or type, modelled on the partner API's return: id, orderId,
 * creationDate, refundStatus, returnType, amount; UNVERIFIED for the storefront), else from what the page
 * shows: each return's card, found around its link or its order's link (../cards.ts), read by its Russian
 * words ("Заявка на возврат № …", "Заказ № …", the status, "Сумма возврата", "Продавец рассмотрит заявку до …").
 *
 * Each order concerned is one order of the reading with `dispute`, `events.refundRequested` and the seller's
 * timer (YM-03: the return is approved when it runs out; its length is not published, so the page's timer is
 * the only source) as a countdown the engine knows ('seller-response').
 */
import type { Dispute, Money, OrderFacts, Strategy } from '../../common/model';
import { countdownEndsAt } from '../parse/countdown';
import { cardsAround } from '../cards';
import { cleanText } from '../dom';
import { isObject, str } from '../json';
import { pick } from '../strategy';
import { instantOf, moneyOf, type EmbeddedState } from './embedded';
import { EVENT_PHRASES, eventDate } from './events';
import { DEADLINE, RETURN_LABELS, RETURN_STATUS_CODES, RETURN_STATUS_PHRASES, RETURN_TYPE_CODES, REMAINING } from './labels';
import { ORDER_LINK, RETURN_LINK } from './selectors';
import { dateIn, orderIdIn, RootText, rublesIn } from './text';

type Countdown = NonNullable<OrderFacts['countdowns']>[number];
type Kind = 'dispute-list' | 'dispute-detail';
type Json = Record<string, unknown>;

const PLATFORM = 'yandex-market';
const ORDER_HREF = /\/my\/order\/(\d{1,20})(?:[/?#]|$)/;
const RETURN_HREF = /\/my\/returns?\/(\d{1,20})(?:[/?#]|$)/;
const ID = /^\d{1,20}$/;

/** What a return request says, wherever it was read. */
interface ReturnFacts {
  orderId?: string;
  dispute: Dispute;
  countdowns?: Countdown[];
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  return id && ID.test(id) ? id : undefined;
}

function first(record: Json, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null && record[key] !== '') return record[key];
  return undefined;
}

/** A deadline as a countdown: "до 27 ноября" is until the end of that day in Moscow (as the order pages read it). */
function timerUntil(label: string, end: string | undefined, text?: string): Countdown | undefined {
  if (!end) return undefined;
  const endOfDay = end.length === 10 ? dateIn(`${end} 23:59:59`, new Date(`${end}T12:00:00Z`)) : end;
  const ms = endOfDay ? Date.parse(endOfDay) : NaN;
  if (Number.isNaN(ms)) return undefined;
  const day = end.slice(0, 10).split('-').reverse().join('.');
  return { label, text: text ?? `${label} ${day}`, endsAt: new Date(ms).toISOString() };
}

/** A return request from the state or a recorded answer. */
export function returnFromRecord(record: Json, now: Date): ReturnFacts | undefined {
  const orderId = idOf(record.orderId);
  if (!orderId) return undefined;
  const code = typeof first(record, ['refundStatus', 'returnStatus', 'status']) === 'string' ? String(first(record, ['refundStatus', 'returnStatus', 'status'])).toUpperCase() : undefined;
  const status = str(first(record, ['statusText', 'statusTitle', 'refundStatusText', 'displayStatus'])) ?? (code ? RETURN_STATUS_CODES[code] : undefined);
  const typeCode = typeof record.returnType === 'string' ? record.returnType.toUpperCase() : undefined;
  const type = str(first(record, ['returnTypeText', 'typeText'])) ?? (typeCode ? (RETURN_TYPE_CODES[typeCode] ?? str(record.returnType)) : undefined);
  const openedAt = instantOf(first(record, ['creationDate', 'createdAt', 'createTime', 'creationTime']), now);
  const rawAmount = first(record, ['refundAmount', 'amount', 'total', 'returnAmount']);
  const amount: Money | undefined = moneyOf(rawAmount) ?? (isObject(rawAmount) ? moneyOf(rawAmount.value ?? rawAmount.amount) : undefined);
  const id = idOf(record.id);
  const deadline = instantOf(first(record, ['decisionDeadline', 'sellerDeadline', 'decisionDate', 'deadline']), now);
  const timer = timerUntil(RETURN_LABELS.sellerTimer, deadline);
  return {
    orderId,
    dispute: { ...(id && { id }), ...(type && { type }), ...(status && { status }), ...(openedAt && { openedAt }), ...(amount && { amount }) },
    ...(timer && { countdowns: [timer] }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// What the page shows

/** A seller's or return timer in one text: "Продавец рассмотрит заявку до 14 ноября", "осталось 2 дня". */
function timerIn(text: string, now: Date): Countdown | undefined {
  const deadline = DEADLINE.exec(text);
  if (deadline) {
    const end = dateIn(deadline[2], now, false);
    return timerUntil(cleanText(deadline[1]), end, cleanText(text)) ?? { label: cleanText(deadline[1]), text: cleanText(text) };
  }
  const remaining = REMAINING.exec(text);
  if (!remaining) return undefined;
  const before = cleanText(text.slice(0, remaining.index).replace(/[\s:—–-]+$/, ''));
  const endsAt = countdownEndsAt(remaining[2], now);
  return { label: before && before.length <= 80 ? before : cleanText(remaining[1]), text: cleanText(text), ...(endsAt && { endsAt }) };
}

/** The return one card (or the return's own page) shows. */
function returnFromText(root: Element | null, text: RootText, now: Date, ids: { orderId?: string; returnId?: string }): ReturnFacts {
  const labelled = (labels: readonly string[]) => text.labelled(labels).next().value as string | undefined;
  const orderLink = root?.querySelector(ORDER_LINK)?.getAttribute('href') ?? undefined;
  const orderId = orderIdIn(labelled(RETURN_LABELS.orderId)) ?? (orderLink ? ORDER_HREF.exec(orderLink)?.[1] : undefined) ?? ids.orderId;
  const id = orderIdIn(labelled(RETURN_LABELS.returnId)) ?? ids.returnId;
  // "Статус заявки: …" when the page labels it, else the first status phrase (a dated line such as
  // "Заявка создана 5 ноября" is the request's date, not its status).
  const status = labelled(RETURN_LABELS.status) ?? text.startingPhrase(RETURN_STATUS_PHRASES);
  const type = text.startingPhrase(RETURN_LABELS.types);
  const requested = EVENT_PHRASES.find((p) => p.event === 'refundRequested')!;
  let openedAt: string | undefined;
  for (const [own] of text.phraseTexts([...requested.phrases, ...RETURN_LABELS.created])) {
    openedAt = eventDate(own, now);
    if (openedAt) break;
  }
  // "Заявка на возврат № 7001 от 10 ноября"
  openedAt ??= dateIn(/(?:^|\s)от\s+(.*)$/.exec(labelled(RETURN_LABELS.returnId) ?? '')?.[1], now);
  const amount = rublesIn(labelled(RETURN_LABELS.amount));
  const timers: Countdown[] = [];
  for (const [own, next] of text.withNext()) {
    if (!RETURN_LABELS.timerHint.test(own)) continue;
    const timer = timerIn(own, now) ?? (next && /(?:^|\s)до$/.test(own) ? timerIn(`${own} ${next}`, now) : undefined);
    if (timer && !timers.some((t) => t.text === timer.text)) timers.push(timer);
    if (timers.length >= 20) break;
  }
  return {
    ...(orderId && { orderId }),
    dispute: { ...(id && { id }), ...(type && { type }), ...(status && { status }), ...(openedAt && { openedAt }), ...(amount && { amount }) },
    ...(timers.length && { countdowns: timers }),
  };
}

/** The return cards of a list, by return id (or by order id where a card links no return), in page order. */
function returnCards(doc: Document): Map<string, Element> {
  const returnMarks: [string, Element][] = [];
  for (const link of Array.from(doc.querySelectorAll(RETURN_LINK)).slice(0, 2000)) {
    const id = RETURN_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) returnMarks.push([id, link]);
  }
  const top = new Set([doc.body, doc.documentElement, doc.querySelector('main')]);
  if (returnMarks.length) return cardsAround(returnMarks, top);
  const orderMarks: [string, Element][] = [];
  for (const link of Array.from(doc.querySelectorAll(ORDER_LINK)).slice(0, 2000)) {
    const id = ORDER_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) orderMarks.push([`order:${id}`, link]);
  }
  return cardsAround(orderMarks, top);
}

// ---------------------------------------------------------------------------------------------------------
// The pages

function facts(found: [Strategy, ReturnFacts | undefined][], fallbackOrderId?: string): { order?: OrderFacts; missing: string[] } {
  const sources: Record<string, Strategy> = {};
  const orderId = pick<string>(sources, 'orderId', [...found.map(([s, f]): [Strategy, () => string | undefined] => [s, () => f?.orderId]), ['url', () => fallbackOrderId]]);
  if (!orderId) return { missing: ['orderId', 'dispute'] };
  const usable = found.filter(([, f]) => f && (!f.orderId || f.orderId === orderId));
  const order: OrderFacts = { orderId, items: [], sources };
  // The dispute field by field, each from the most trusted reading that has it.
  const dispute: Dispute = {};
  for (const key of ['id', 'type', 'status', 'openedAt', 'amount'] as const) {
    for (const [strategy, f] of usable) {
      const value = f!.dispute[key];
      if (value === undefined) continue;
      (dispute as Record<string, unknown>)[key] = value;
      sources.dispute ??= strategy;
      break;
    }
  }
  if (Object.keys(dispute).length) order.dispute = dispute;
  const countdowns = pick(sources, 'countdowns', usable.map(([s, f]): [Strategy, () => Countdown[] | undefined] => [s, () => f!.countdowns]));
  if (countdowns) order.countdowns = countdowns.slice(0, 20);
  if (dispute.openedAt) {
    order.events = { refundRequested: dispute.openedAt };
    sources['events.refundRequested'] = usable.find(([, f]) => f!.dispute.openedAt === dispute.openedAt)![0];
  }
  return { order, missing: order.dispute ? [] : ['dispute'] };
}

/**
 * A returns page: every return request the recorded answers, the state or the page shows, one order per order
 * concerned. `pageData`: read the page's state and markup too (not on a page whose path says nothing of returns).
 */
export function readReturns(
  doc: Document,
  kind: Kind,
  ids: { orderId?: string; returnId?: string },
  now: Date,
  api: EmbeddedState,
  state: EmbeddedState,
  pageData = true,
): { platform: typeof PLATFORM; pageKind: Kind; orders: OrderFacts[]; missing: string[] } {
  const fromApi = [...api.returns.values()].map((r) => safe(() => returnFromRecord(r, now))).filter((r): r is ReturnFacts => !!r);
  const fromState = pageData ? [...state.returns.values()].map((r) => safe(() => returnFromRecord(r, now))).filter((r): r is ReturnFacts => !!r) : [];
  const orders: OrderFacts[] = [];
  const missing: string[] = [];
  const add = (found: [Strategy, ReturnFacts | undefined][], fallback?: string) => {
    const { order, missing: lacking } = facts(found, fallback);
    if (!order || orders.some((o) => o.orderId === order.orderId) || orders.length >= 500) return;
    missing.push(...lacking.map((f) => (kind === 'dispute-list' ? `orders[${orders.length}].${f}` : f)));
    orders.push(order);
  };
  const byOrder = (list: ReturnFacts[], orderId: string | undefined) => list.find((r) => r.orderId === orderId);

  if (kind === 'dispute-detail') {
    const root = pageData ? safe(() => doc.querySelector('main') ?? doc.body ?? doc.documentElement, null) : null;
    const text = safe(() => new RootText(root), new RootText(null));
    const shown = pageData ? safe(() => returnFromText(root, text, now, ids)) : undefined;
    const match = (r: ReturnFacts) => (ids.returnId ? r.dispute.id === ids.returnId : ids.orderId ? r.orderId === ids.orderId : true);
    add(
      [
        ['api-data', fromApi.find(match) ?? (fromApi.length === 1 ? fromApi[0] : undefined)],
        ['embedded-data', fromState.find(match) ?? (fromState.length === 1 ? fromState[0] : undefined)],
        ['label', shown],
      ],
      ids.orderId,
    );
    if (!orders.length) missing.push('orderId');
    return { platform: PLATFORM, pageKind: kind, orders, missing };
  }

  const cards = pageData ? safe(() => returnCards(doc), new Map<string, Element>()) : new Map<string, Element>();
  const shown = [...cards].map(([key, card]) =>
    safe(() => returnFromText(card, new RootText(card), now, key.startsWith('order:') ? { orderId: key.slice(6) } : { returnId: key })),
  );
  const orderIds = new Set<string>();
  for (const r of [...fromApi, ...fromState, ...shown]) if (r?.orderId) orderIds.add(r.orderId);
  for (const orderId of orderIds) {
    add([
      ['api-data', byOrder(fromApi, orderId)],
      ['embedded-data', byOrder(fromState, orderId)],
      ['label', shown.find((r) => r?.orderId === orderId)],
    ]);
  }
  if (!orders.length) missing.push('orders');
  return { platform: PLATFORM, pageKind: kind, orders, missing };
}

/** A dispute about this order that the answers or the state hold (an order page that shows a return). */
export function returnOfOrder(orderId: string, sources: [Strategy, EmbeddedState][], now: Date): [Strategy, ReturnFacts] | undefined {
  for (const [strategy, state] of sources) {
    for (const record of state.returns.values()) {
      const found = safe(() => returnFromRecord(record, now));
      if (found?.orderId === orderId) return [strategy, found];
    }
  }
  return undefined;
}

function safe<T>(read: () => T): T | undefined;
function safe<T>(read: () => T, fallback: T): T;
function safe<T>(read: () => T, fallback?: T): T | undefined {
  try {
    return read();
  } catch {
    return fallback;
  }
}

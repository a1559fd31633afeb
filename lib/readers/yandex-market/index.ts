/**
 * Reads Yandex Market order pages (market.yandex.ru/my/orders and /my/order/N) and its return requests
 * (/my/returns, a return's page: ./returns.ts). Pure: (document, url, now, the page's recorded resolver
 * answers) in, PageReading out; no browser API, so it runs in the content script, in tests and on the
 * command line.
 *
 * Each field is tried by every strategy in the order of ../shared/docs/marketplace-pages.md ("Strategy"):
 * the page's own resolver answers (./api.ts, unverified shapes), the embedded page state, then the dated
 * `data-auto` selectors of ./selectors.ts, then the Russian labels of ./labels.ts, then the URL. Each strategy
 * runs in its own try/catch, so a page that trips one still gives what the others find. Class names are never
 * used: they are generated and change every release.
 */
import type { OrderEvent, OrderFacts, PageReading, Strategy } from '../../common/model';
import { ORDER_EVENTS } from '../../common/reading-terms';
import type { ApiResponse } from '../api';
import type { MarketplaceReader } from '../marketplace-reader';
import { YANDEX_MARKET_ADDRESSES, classifyYandexMarketUrl } from './addresses';
import { YANDEX_MARKET_ENDPOINTS } from './endpoints';
import { cardsAround } from '../cards';
import { pick } from '../strategy';
import { countdownEndsAt } from '../parse/countdown';
import { absoluteUrl, cleanText, firstElement, firstText, type DatedSelector } from '../dom';
import { apiState } from './api';
import { embeddedOrder, emptyState, readEmbeddedState, type EmbeddedOrder, type EmbeddedState } from './embedded';
import { eventsInText } from './events';
import { DEADLINE, REMAINING, STATUS_PHRASES, YANDEX_LABELS } from './labels';
import { readReturns, returnOfOrder } from './returns';
import { HOOK, ORDER_LINK, YANDEX_MARKET_SELECTORS as S } from './selectors';
import { dateIn, orderIdIn, quantityIn, RootText, rublesIn } from './text';

type Kind = PageReading['pageKind'];
type Item = OrderFacts['items'][number];
type Countdown = NonNullable<OrderFacts['countdowns']>[number];
type Tracking = NonNullable<OrderFacts['tracking']>[number];

const PLATFORM = 'yandex-market';
const ORIGIN = 'https://market.yandex.ru/';
const MAX_ORDERS = 500;
/** Fields every order should have; those no strategy finds are reported in `missing`. */
const DETAIL_FIELDS = ['placedAt', 'status', 'store', 'items', 'total'] as const;
const LIST_FIELDS = ['placedAt', 'status', 'store', 'total'] as const;

export function readYandexMarket(doc: Document, href: string, now: Date, responses: readonly ApiResponse[] = []): PageReading {
  let kind: Kind = 'unknown';
  try {
    const url = new URL(href);
    const classified = classifyYandexMarketUrl(url);
    kind = classified.kind;
    const api = url.hostname === 'market.yandex.ru' ? safe(() => apiState(responses), emptyState()) : emptyState();
    if (kind === 'order-detail') return readDetail(doc, classified.orderId, now, api);
    if (kind === 'order-list') return readList(doc, now, api);
    if (kind === 'dispute-list' || kind === 'dispute-detail') {
      return readReturns(doc, kind, classified, now, api, safe(() => readEmbeddedState(doc), emptyState()));
    }
    // Any other page of the site: what its recorded answers hold, whatever the path (not every path of the
    // returns pages is known). The page's own state and markup are not an order page's, so they are not read.
    if (api.returns.size) return readReturns(doc, api.returns.size === 1 ? 'dispute-detail' : 'dispute-list', {}, now, api, emptyState(), false);
    if (api.orders.size) {
      const reading = readList(doc, now, api, false);
      if (reading.orders.length) return reading;
    }
    return { platform: PLATFORM, pageKind: 'unknown', orders: [], missing: [] };
  } catch {
    return { platform: PLATFORM, pageKind: kind, orders: [], missing: ['page'] };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pages

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function readDetail(doc: Document, idFromUrl: string | undefined, now: Date, api: EmbeddedState): PageReading {
  const state = safe(() => readEmbeddedState(doc), emptyState());
  const root = safe(() => doc.querySelector('main') ?? doc.body ?? doc.documentElement, null);
  const text = safe(() => new RootText(root), new RootText(null));
  // A detail URL without a number: the answers' (or the state's) only order, if they have exactly one.
  const only = (s: EmbeddedState) => (idFromUrl ? (s.orders.has(idFromUrl) ? idFromUrl : undefined) : s.orders.size === 1 ? [...s.orders.keys()][0] : undefined);
  const order = readOrder({ root, text, api, state, now, idFromApi: only(api), idFromState: only(state), idFromUrl, fields: DETAIL_FIELDS });
  if (!order.facts) return { platform: PLATFORM, pageKind: 'order-detail', orders: [], missing: ['orderId'] };
  return { platform: PLATFORM, pageKind: 'order-detail', orders: [order.facts], missing: order.missing };
}

function readList(doc: Document, now: Date, api: EmbeddedState, pageData = true): PageReading {
  const state = pageData ? safe(() => readEmbeddedState(doc), emptyState()) : emptyState();
  const listed = new Set(state.orderIds);
  const cards = pageData ? safe(() => orderCards(doc), new Map<string, Element>()) : new Map<string, Element>();
  const orders: OrderFacts[] = [];
  const missing: string[] = [];
  const added = new Set<string>();
  const add = (id: string, root: Element | null) => {
    if (orders.length >= MAX_ORDERS || added.has(id)) return;
    added.add(id);
    const text = safe(() => new RootText(root), new RootText(null));
    const inState = state.orders.has(id) || listed.has(id);
    const order = readOrder({
      root,
      text,
      api,
      state,
      now,
      idFromApi: api.orders.has(id) ? id : undefined,
      idFromState: inState ? id : undefined,
      idFromUrl: root ? id : undefined,
      fields: LIST_FIELDS,
    });
    if (!order.facts) return;
    for (const field of order.missing) missing.push(`orders[${orders.length}].${field}`);
    orders.push(order.facts);
  };
  for (const [id, card] of cards) add(id, card);
  // Orders the answers or the state describe but the page has not rendered (yet): still orders on this page.
  for (const id of new Set([...api.orderIds, ...api.orders.keys()])) if (api.orders.has(id)) add(id, null);
  for (const id of new Set([...state.orderIds, ...state.orders.keys()])) if (state.orders.has(id)) add(id, null);
  if (!orders.length) missing.push('orders');
  return { platform: PLATFORM, pageKind: 'order-list', orders, missing };
}

const ORDER_HREF = /\/my\/order\/(\d{1,20})(?:[/?#]|$)/;

/**
 * The order cards of a list page, by order id in page order: the elements around each order's links, and
 * around its number written as "Заказ № N" where a card links nowhere (../cards.ts).
 */
function orderCards(doc: Document): Map<string, Element> {
  const marks: [string, Element][] = [];
  for (const link of Array.from(doc.querySelectorAll(ORDER_LINK))) {
    const id = ORDER_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) marks.push([id, link]);
  }
  const root = doc.querySelector('main') ?? doc.body;
  if (root) {
    const text = new RootText(root);
    text.texts.forEach((own, i) => {
      // The number in the label's own text, or in the text right after a bare "Заказ №".
      const id = ORDER_NUMBER.exec(own)?.[1] ?? (/^Заказ\s*(?:№|N|#)$/i.test(own) ? /^\d{5,20}$/.exec(text.texts[i + 1] ?? '')?.[0] : undefined);
      const el = text.nodes[i].parentElement;
      if (id && el && !el.closest('a')) marks.push([id, el]);
    });
    // In page order, links and numbers together, so the cards come out in the order the user sees them.
    marks.sort(([, a], [, b]) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
  }
  return cardsAround(marks, new Set([doc.body, doc.documentElement, doc.querySelector('main')]));
}

const ORDER_NUMBER = /^Заказ\s*(?:№|N|#)\s*(\d{5,20})(?!\d)/i;

// ---------------------------------------------------------------------------------------------------------
// One order, field by field

interface OrderContext {
  /** Where to look: the detail page's main column or one list card; null for an order known only from data. */
  root: Element | null;
  text: RootText;
  /** What the page's recorded resolver answers say. */
  api: EmbeddedState;
  state: EmbeddedState;
  now: Date;
  idFromApi?: string;
  idFromState?: string;
  idFromUrl?: string;
  fields: readonly string[];
}

function firstValue<T>(values: Iterable<string>, read: (value: string) => T | undefined): T | undefined {
  for (const value of values) {
    const result = read(value);
    if (result !== undefined) return result;
  }
  return undefined;
}

function readOrder(ctx: OrderContext): { facts?: OrderFacts; missing: string[] } {
  const { text, now } = ctx;
  const sources: Record<string, Strategy> = {};
  const root = ctx.root;
  // The hook selectors only where the root has any hook at all: a drifted page is spared every lookup.
  const hooks = safe(() => (root ? new Hooks(root) : null), null)?.orNull();

  const orderId = pick<string>(sources, 'orderId', [
    ['api-data', () => ctx.idFromApi],
    ['embedded-data', () => ctx.idFromState],
    ['selector', () => (hooks ? orderIdIn(hooks.firstText(S.orderIdText)?.text) : undefined)],
    ['label', () => firstValue(text.labelled(YANDEX_LABELS.orderId), orderIdIn)],
    ['url', () => ctx.idFromUrl],
  ]);
  if (!orderId) return { missing: [...ctx.fields] };

  const answered: EmbeddedOrder = safe(() => embeddedOrder(ctx.api, orderId, now), undefined) ?? {};
  const embedded: EmbeddedOrder = safe(() => embeddedOrder(ctx.state, orderId, now), undefined) ?? {};
  const facts: OrderFacts = { orderId, items: [], sources };

  facts.placedAt = pick<string>(sources, 'placedAt', [
    ['api-data', () => answered.placedAt],
    ['embedded-data', () => embedded.placedAt],
    ['selector', () => (hooks ? dateIn(hooks.firstText(S.placedAt)?.text, now) : undefined)],
    [
      'label',
      () =>
        firstValue(text.labelled(YANDEX_LABELS.placedAt), (v) => dateIn(v, now)) ??
        // "Заказ № 512034876 от 3 ноября"
        firstValue(text.labelled(YANDEX_LABELS.orderId), (v) => dateIn(/(?:^|\s)от\s+(.*)$/.exec(v)?.[1], now)) ??
        // "№ 498000111 от 28 октября 2025", "от 25 ноября" beside the number
        firstValue(text.texts, (v) => dateIn(/^(?:№\s*\d{5,20}\s+)?от\s+(\d.*)$/.exec(v)?.[1], now)),
    ],
  ]);

  facts.status = pick<string>(sources, 'status', [
    ['api-data', () => answered.status],
    ['embedded-data', () => embedded.status],
    ['selector', () => (hooks ? hooks.firstText(S.status)?.text : undefined)],
    ['label', () => firstValue(text.labelled(YANDEX_LABELS.status), (v) => v) ?? text.startingPhrase(STATUS_PHRASES)],
  ]);

  facts.store = pick<NonNullable<OrderFacts['store']>>(sources, 'store', [
    ['api-data', () => answered.store],
    ['embedded-data', () => embedded.store],
    ['selector', () => store(root, hooks ? hooks.firstText(S.storeName)?.text : undefined)],
    ['label', () => store(root, firstValue(text.labelled(YANDEX_LABELS.store), (v) => v))],
  ]);

  facts.items =
    pick<Item[]>(sources, 'items', [
      ['api-data', () => answered.items],
      ['embedded-data', () => embedded.items],
      ['selector', () => (root ? (hooks && itemsFromSelectors(hooks)) || itemsFromProductLinks(root, text) : undefined)],
    ]) ?? [];

  facts.total = pick(sources, 'total', [
    ['api-data', () => answered.total],
    ['embedded-data', () => embedded.total],
    ['selector', () => (hooks ? rublesIn(hooks.firstText(S.total)?.text) : undefined)],
    ['label', () => firstValue(text.labelled(YANDEX_LABELS.total), rublesIn) ?? (ctx.fields === LIST_FIELDS ? onlyAmount(text) : undefined)],
  ]);

  facts.tracking = pick<Tracking[]>(sources, 'tracking', [
    ['api-data', () => answered.tracking],
    ['embedded-data', () => embedded.tracking],
    ['selector', () => (hooks ? tracking(trackNumberIn(hooks.firstText(S.trackNumber)?.text), hooks.firstText(S.carrier)?.text) : undefined)],
    [
      'label',
      () => tracking(firstValue(text.labelled(YANDEX_LABELS.trackNumber), trackNumberIn), firstValue(text.labelled(YANDEX_LABELS.carrier), (v) => v)),
    ],
  ]);

  facts.countdowns = pick<Countdown[]>(sources, 'countdowns', [
    ['selector', () => (hooks ? countdownsFromSelectors(hooks, now) : undefined)],
    ['label', () => countdownsFromText(text, now)],
  ]);

  readEvents(facts, ctx, answered, embedded);
  readDispute(facts, ctx);

  const missing = ctx.fields.filter((field) => !(field in sources));
  return { facts, missing };
}

/**
 * Every dated step, each from the first strategy that gives it (sources "events.<name>"): the answers, the
 * state, then the page's words ("Доставлен 5 ноября": ./events.ts). `placed` is `placedAt`, one fact.
 */
function readEvents(facts: OrderFacts, ctx: OrderContext, answered: EmbeddedOrder, embedded: EmbeddedOrder): void {
  const { sources } = facts;
  let fromText: ReturnType<typeof eventsInText> | undefined;
  const textEvents = () => (fromText ??= safe(() => eventsInText(ctx.text, ctx.now), {}));
  const events: Partial<Record<OrderEvent, string>> = {};
  for (const name of ORDER_EVENTS) {
    if (name === 'placed') continue;
    const date = pick<string>(sources, `events.${name}`, [
      ['api-data', () => answered.events?.[name]],
      ['embedded-data', () => embedded.events?.[name]],
      ['label', () => textEvents()[name]],
    ]);
    if (date) events[name] = date;
  }
  if (!facts.placedAt && textEvents().placed) {
    facts.placedAt = textEvents().placed;
    sources.placedAt = 'label';
  }
  if (facts.placedAt) {
    events.placed = facts.placedAt;
    sources['events.placed'] = sources.placedAt;
  }
  // In the engine's order of events (placed first), as every reader lists them.
  const ordered = ORDER_EVENTS.filter((name) => events[name]).map((name) => [name, events[name]!] as const);
  if (ordered.length) facts.events = Object.fromEntries(ordered);
}

/** An order page that shows a return: the return the answers or the state hold for this order. */
function readDispute(facts: OrderFacts, ctx: OrderContext): void {
  const found = safe(() => returnOfOrder(facts.orderId, [['api-data', ctx.api], ['embedded-data', ctx.state]], ctx.now), undefined);
  if (!found || !Object.keys(found[1].dispute).length) return;
  const [strategy, ret] = found;
  facts.dispute = ret.dispute;
  facts.sources.dispute = strategy;
  if (ret.dispute.openedAt && !facts.events?.refundRequested) {
    facts.events = { ...facts.events, refundRequested: ret.dispute.openedAt };
    facts.sources['events.refundRequested'] = strategy;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Field readers

/**
 * A list card's total when no label says "Итого": the one amount in roubles the card shows (list cards show
 * items as pictures, without prices). Two different amounts are ambiguous, so they give none.
 */
function onlyAmount(text: RootText): OrderFacts['total'] {
  const amounts = new Map<number, NonNullable<OrderFacts['total']>>();
  for (const own of text.texts) {
    if (!/₽|руб/.test(own)) continue;
    const money = rublesIn(own);
    if (money) amounts.set(money.amount, money);
    if (amounts.size > 1) return undefined;
  }
  return amounts.size === 1 ? [...amounts.values()][0] : undefined;
}

/** Seller's page: /business--slug/ID or /shop--slug/ID. */
function store(root: Element | null, name: string | undefined): NonNullable<OrderFacts['store']> | undefined {
  const clean = cleanText(name);
  if (!clean) return undefined;
  const link = root ? firstElement(root, S.storeLink) : undefined;
  const url = absoluteUrl(link?.getAttribute('href'), ORIGIN);
  const id = url?.match(/\/(?:business|shop)--[^/?#]*\/(\d{1,20})/)?.[1];
  return { name: clean, ...(url && { url }), ...(id && { id }) };
}

/** Track numbers: letters and digits, at least three digits ("YMD4812345601", "RA123456789RU"). */
function trackNumberIn(text: string | undefined): string | undefined {
  for (const token of text?.match(/[A-Za-z0-9][A-Za-z0-9-]{5,39}/g)?.slice(0, 10) ?? []) {
    if (/\d{3}/.test(token)) return token;
  }
  return undefined;
}

function tracking(number: string | undefined, carrier: string | undefined): Tracking[] | undefined {
  if (!number) return undefined;
  const name = cleanText(carrier);
  return [{ number, ...(name && { carrier: name }) }];
}

const PRODUCT_PATH = /^\/(?:product--[^/]+|card\/[^/]+)\/\d{1,20}$/;

/** A product link as an address without tracking parameters (the `sku` parameter names the variant, so it stays). */
function productUrl(href: string | null): string | undefined {
  const absolute = absoluteUrl(href, ORIGIN);
  if (!absolute) return undefined;
  const url = new URL(absolute);
  const path = url.pathname.replace(/\/+$/, '');
  if (url.hostname !== 'market.yandex.ru' || !PRODUCT_PATH.test(path)) return undefined;
  const sku = url.searchParams.get('sku');
  return `${url.origin}${path}${sku && /^\d{1,20}$/.test(sku) ? `?sku=${sku}` : ''}`;
}

function linkTitle(link: Element): string {
  const img = link.querySelector('img');
  return cleanText(link.textContent) || cleanText(link.getAttribute('title')) || cleanText(link.getAttribute('aria-label')) || cleanText(img?.getAttribute('alt'));
}

function itemsFromSelectors(hooks: Hooks): Item[] | undefined {
  const elements = S.item.map((selector) => hooks.elements(selector)).find((found) => found.length) ?? [];
  const items: Item[] = [];
  for (const el of elements.slice(0, 500)) {
    const link = firstElement(el, S.productLink);
    const title = firstText(el, S.itemTitle)?.text ?? (link ? linkTitle(link) : '');
    if (!title) continue;
    const quantity = quantityIn(firstText(el, S.itemCount)?.text);
    const price = rublesIn(firstText(el, S.itemPrice)?.text);
    const url = link ? productUrl(link.getAttribute('href')) : undefined;
    items.push({ title, ...(quantity !== undefined && { quantity }), ...(price && { price }), ...(url && { url }) });
  }
  return items.length ? items : undefined;
}

const SIMPLE_HOOK = /^\[(data-auto|data-zone-name)="([^"\\]+)"\]$/;

/**
 * The hook elements (data-auto, data-zone-name) of one root, indexed by value: one query per root instead of
 * one per catalogue entry. Entries that are not a bare hook fall back to a query.
 */
class Hooks {
  private readonly index = new Map<string, Element[]>();

  constructor(private readonly root: Element) {
    for (const el of Array.from(root.querySelectorAll(HOOK))) {
      for (const attr of ['data-auto', 'data-zone-name']) {
        const value = el.getAttribute(attr);
        if (!value) continue;
        const key = `${attr}=${value}`;
        const list = this.index.get(key);
        if (list) list.push(el);
        else this.index.set(key, [el]);
      }
    }
  }

  /** This index, or null when the root has no hook at all. */
  orNull(): Hooks | null {
    return this.index.size ? this : null;
  }

  elements(selector: DatedSelector): Element[] {
    const simple = SIMPLE_HOOK.exec(selector.css);
    return simple ? (this.index.get(`${simple[1]}=${simple[2]}`) ?? []) : Array.from(this.root.querySelectorAll(selector.css));
  }

  /** As dom.ts firstText: the first selector (newest first) that finds an element with text. */
  firstText(selectors: readonly DatedSelector[]): { text: string; selector: DatedSelector } | undefined {
    for (const selector of selectors) {
      for (const el of this.elements(selector)) {
        const text = cleanText(el.textContent);
        if (text) return { text, selector };
      }
    }
    return undefined;
  }
}

/** Text that marks an element as more than one item's box: stop widening an item there. */
const ORDER_LEVEL = /Итого|Продавец|Трек|Заказ №|Оформлен/;
const ITEM_BOX_DEPTH = 4;

/**
 * Items from links to product pages, for pages whose item markup has drifted. The item's box is the
 * largest ancestor (up to four levels) that holds links to that product only, no link to an order and no
 * order-level text; its text gives the quantity and price. Ancestors are marked in one walk up from each
 * link and each order-level text, so this stays linear in the size of the root.
 */
function itemsFromProductLinks(root: Element, text: RootText): Item[] | undefined {
  const css = S.productLink.map((s) => s.css).join(', ');
  const links = Array.from(root.querySelectorAll(css)).slice(0, 1000);
  if (!links.length) return undefined;
  const blocked = new Set<Node>();
  const block = (from: Node | null) => {
    for (let n = from; n && n !== root && !blocked.has(n); n = n.parentNode) blocked.add(n);
  };
  text.texts.forEach((own, i) => ORDER_LEVEL.test(own) && block(text.nodes[i].parentNode));
  root.querySelectorAll(ORDER_LINK).forEach(block);
  const owner = new Map<Node, string | null>();
  const byUrl = new Map<string, { title: string; link: Element }>();
  for (const link of links) {
    const url = productUrl(link.getAttribute('href'));
    if (!url) continue;
    const known = byUrl.get(url);
    if (!known) byUrl.set(url, { title: linkTitle(link), link });
    else if (!known.title) known.title = linkTitle(link);
    for (let el = link.parentElement, depth = 0; el && el !== root && depth < ITEM_BOX_DEPTH; el = el.parentElement, depth++) {
      const current = owner.get(el);
      if (current === undefined) owner.set(el, url);
      else if (current !== url) owner.set(el, null);
    }
  }
  const items: Item[] = [];
  for (const [url, { title, link }] of byUrl) {
    if (!title) continue;
    let box: Element = link;
    for (let el = link.parentElement, depth = 0; el && el !== root && depth < ITEM_BOX_DEPTH; el = el.parentElement, depth++) {
      if (owner.get(el) !== url || blocked.has(el)) break;
      box = el;
    }
    const boxText = cleanText(box.textContent);
    const quantity = quantityIn(boxText);
    const price = rublesIn(boxText);
    items.push({ title, ...(quantity !== undefined && { quantity }), ...(price && { price }), url });
    if (items.length >= 500) break;
  }
  return items.length ? items : undefined;
}

/** A deadline or time-left countdown in one text, or undefined. */
function countdownIn(text: string, now: Date): Countdown | undefined {
  const deadline = DEADLINE.exec(text);
  if (deadline) {
    const day = dateIn(deadline[2], now, false);
    // "до 27 ноября" means until the end of that day, Moscow time.
    const end = day && (day.length === 10 ? dateIn(`${deadline[2]} 23:59:59`, now, false) : day);
    const endsAt = end && !Number.isNaN(Date.parse(end)) ? new Date(end).toISOString() : undefined;
    return { label: cleanText(deadline[1]), text: cleanText(text), ...(endsAt && { endsAt }) };
  }
  const remaining = REMAINING.exec(text);
  if (remaining) {
    const before = cleanText(text.slice(0, remaining.index).replace(/[\s:—–-]+$/, ''));
    const label = before && before.length <= 80 ? before : cleanText(remaining[1]);
    const endsAt = countdownEndsAt(remaining[2], now);
    return { label, text: cleanText(text), ...(endsAt && { endsAt }) };
  }
  return undefined;
}

function countdownsFromSelectors(hooks: Hooks, now: Date): Countdown[] | undefined {
  const found: Countdown[] = [];
  for (const selector of S.countdown) {
    for (const el of hooks.elements(selector).slice(0, 20)) {
      const countdown = countdownIn(cleanText(el.textContent), now);
      if (countdown && !found.some((c) => c.text === countdown.text)) found.push(countdown);
    }
  }
  return found.length ? found.slice(0, 20) : undefined;
}

const DEADLINE_HINT = /вернуть|возврат|хран|забрать|заберите|получить|оплат|осталось|остался|осталась/i;

function countdownsFromText(text: RootText, now: Date): Countdown[] | undefined {
  const found: Countdown[] = [];
  for (const [own, next] of text.withNext()) {
    if (!DEADLINE_HINT.test(own)) continue;
    // The date may sit in its own element: "Можно вернуть до" <b>27 ноября</b>.
    const countdown = countdownIn(own, now) ?? (next && /(?:^|\s)до$/.test(own) ? countdownIn(`${own} ${next}`, now) : undefined);
    if (countdown && !found.some((c) => c.text === countdown.text)) found.push(countdown);
    if (found.length >= 20) break;
  }
  return found.length ? found : undefined;
}

/** Yandex Market as a content script and ../index.ts take it (../marketplace-reader.ts). */
export const YANDEX_MARKET_READER: MarketplaceReader = { ...YANDEX_MARKET_ADDRESSES, read: readYandexMarket, endpoints: YANDEX_MARKET_ENDPOINTS };

export { classifyYandexMarketUrl } from './addresses';

/**
 * Reads AliExpress order pages: the order list and order detail on www.aliexpress.com / .us, the order
 * detail on aliexpress.ru, and the old trade.aliexpress.com list. Pure: (document, url, now) in, PageReading
 * out; no browser API, so it runs in the content script, in tests and on the command line.
 */
import type { Money, OrderFacts, PageReading, Strategy } from '../../model';
import { countdownEndsAt } from '../../parse/countdown';
import { parseDate } from '../../parse/dates';
import { parseMoney } from '../../parse/money';
import { userTimeZone } from '../../time';
import { absoluteUrl, cleanText, firstElement, firstMatch, firstText, textAfterLabel, textNodes, type DatedSelector } from '../dom';
import { pick } from '../strategy';
import { DETAIL_SELECTORS, LIST_SELECTORS, OLD_LIST_SELECTORS } from './selectors';
import { DEADLINE_PHRASES, LABELS, STATUSES } from './wording';

type Kind = PageReading['pageKind'];
type Item = OrderFacts['items'][number];

const ORDER_ID_DIGITS = /\d{12,}/;
const CORE_FIELDS = ['orderId', 'placedAt', 'status', 'store', 'items', 'total'] as const;

/** What kind of AliExpress page a URL is, and the order id it names, if any. */
export function classifyAliExpressUrl(url: URL): { kind: Kind; orderId?: string } {
  const host = url.hostname;
  const path = url.pathname;
  if (host.endsWith('aliexpress.ru')) {
    const match = /^\/order-list\/(\d{6,})\/?$/.exec(path);
    if (match) return { kind: 'order-detail', orderId: match[1] };
    if (/^\/order-list\/?$/.test(path)) return { kind: 'order-list' };
    return { kind: 'unknown' };
  }
  if (path === '/p/order/detail.html') {
    const id = url.searchParams.get('orderId') ?? url.searchParams.get('tradeOrderId') ?? undefined;
    return { kind: 'order-detail', orderId: id && /^\d{6,}$/.test(id) ? id : undefined };
  }
  if (path === '/p/order/index.html' || (host.startsWith('trade.') && path === '/orderList.htm')) return { kind: 'order-list' };
  return { kind: 'unknown' };
}

export function readAliExpress(doc: Document, href: string, now: Date): PageReading {
  const url = new URL(href);
  const { kind, orderId } = classifyAliExpressUrl(url);
  const context = new ReadContext(url, now);
  if (kind === 'order-detail') {
    const order = readDetail(doc, context, orderId);
    const missing = missingFields(order, '');
    return order.orderId
      ? { platform: 'aliexpress', pageKind: kind, orders: [order as OrderFacts], missing }
      : { platform: 'aliexpress', pageKind: kind, orders: [], missing };
  }
  if (kind === 'order-list') {
    const orders = readList(doc, context).filter((o): o is OrderFacts => Boolean(o.orderId));
    const missing = orders.length ? orders.flatMap((o, i) => missingFields(o, `orders[${i}].`)) : ['orders'];
    return { platform: 'aliexpress', pageKind: kind, orders, missing };
  }
  return { platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] };
}

class ReadContext {
  readonly currency: string | undefined;
  readonly timeZone = userTimeZone();
  constructor(
    readonly url: URL,
    readonly now: Date,
  ) {
    // aliexpress.ru prices carry ₽; elsewhere a price without a mark is not guessed.
    this.currency = url.hostname.endsWith('aliexpress.ru') ? 'RUB' : undefined;
  }
  /** `yearless`: a date shown without a year is when something happened ('past') or a deadline ('future'). */
  date(text: string | undefined, yearless: 'past' | 'future' = 'past') {
    return parseDate(text, { timeZone: this.timeZone, now: this.now, yearless });
  }
  money(text: string | undefined): Money | undefined {
    return parseMoney(text, this.currency);
  }
}

type Partial = Omit<OrderFacts, 'orderId'> & { orderId?: string };

function missingFields(order: Partial, prefix: string): string[] {
  return CORE_FIELDS.filter((field) => !(field in order.sources)).map((field) => prefix + field);
}

// ---- detail pages ----

function readDetail(doc: Document, c: ReadContext, idFromUrl: string | undefined): Partial {
  const sources: Record<string, Strategy> = {};
  const order: Partial = { items: [], sources };
  order.orderId = pick(sources, 'orderId', [
    ['selector', () => firstMatch(doc, DETAIL_SELECTORS.orderIdText, ORDER_ID_DIGITS)],
    ['label', () => textAfterLabel(doc, LABELS.orderId)?.match(ORDER_ID_DIGITS)?.[0]],
    ['url', () => idFromUrl],
  ]);
  order.placedAt = pick(sources, 'placedAt', [
    ['selector', () => c.date(afterColon(firstText(doc, DETAIL_SELECTORS.placedAtText)?.text))],
    ['label', () => c.date(textAfterLabel(doc, LABELS.placedAt))],
  ]);
  order.status = pick(sources, 'status', [
    ['selector', () => firstText(doc, DETAIL_SELECTORS.status)?.text],
    ['label', () => knownStatus(doc)],
  ]);
  order.store = pick(sources, 'store', [
    ['selector', () => store(doc, DETAIL_SELECTORS.storeName, DETAIL_SELECTORS.storeLink, c)],
    ['label', () => storeFromLabel(doc)],
  ]);
  order.items =
    pick(sources, 'items', [
      ['selector', () => items(doc, DETAIL_SELECTORS, c)],
      ['label', () => (doc.body ? itemsFromLinks(doc.body, c) : undefined)],
    ]) ?? [];
  order.total = pick(sources, 'total', [
    ['embedded-data', () => c.money(embeddedTotal(doc))],
    ['selector', () => c.money(firstText(doc, DETAIL_SELECTORS.total)?.text)],
    ['label', () => c.money(textAfterLabel(doc, LABELS.total))],
  ]);
  const tracking = pick(sources, 'tracking', [
    ['selector', () => trackingNumber(afterColon(firstText(doc, DETAIL_SELECTORS.tracking)?.text))],
    ['label', () => trackingNumber(textAfterLabel(doc, LABELS.tracking))],
  ]);
  if (tracking) order.tracking = [{ number: tracking }];
  const countdowns = pick(sources, 'countdowns', [['label', () => deadlines(doc, c)]]);
  if (countdowns) order.countdowns = countdowns;
  return order;
}

/** aliexpress.ru embeds its order summary as JSON: `"summary":{"total":{"value":…}}`. */
function embeddedTotal(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const match = /"summary"\s*:\s*\{\s*"total"\s*:\s*\{\s*"value"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(text);
    if (match) return String(JSON.parse(match[1]));
  }
  return undefined;
}

// ---- list pages ----

function readList(doc: Document, c: ReadContext): Partial[] {
  const oldCards = Array.from(doc.querySelectorAll(OLD_LIST_SELECTORS.card[0].css));
  if (oldCards.length) return oldCards.map((card) => readOldCard(card, c));
  let cards: Element[] = [];
  for (const selector of LIST_SELECTORS.card) {
    cards = Array.from(doc.querySelectorAll(selector.css));
    if (cards.length) break;
  }
  if (cards.length) return cards.map((card) => readCard(card, c));
  // Markup changed beyond the catalogue: find each order by the link to its detail page.
  return cardsByDetailLink(doc).map((card) => readCard(card, c));
}

function readCard(card: Element, c: ReadContext): Partial {
  const sources: Record<string, Strategy> = {};
  const order: Partial = { items: [], sources };
  const headerTexts = () => Array.from(card.querySelectorAll(LIST_SELECTORS.headerInfo[0].css), (el) => cleanText(el.textContent));
  const linkId = () => {
    for (const a of Array.from(card.querySelectorAll('a[href*="orderId="]'))) {
      const id = /orderId=(\d{6,})/.exec(a.getAttribute('href') ?? '')?.[1];
      if (id) return id;
    }
    return undefined;
  };
  order.orderId = pick(sources, 'orderId', [
    ['selector', () => headerTexts().map((t) => t.match(ORDER_ID_DIGITS)?.[0]).find(Boolean)],
    ['label', () => textAfterLabel(card, LABELS.orderId)?.match(ORDER_ID_DIGITS)?.[0]],
    ['url', linkId],
  ]);
  order.placedAt = pick(sources, 'placedAt', [
    ['selector', () => headerTexts().map((t) => (ORDER_ID_DIGITS.test(t) ? undefined : c.date(afterColon(t)))).find(Boolean)],
    ['label', () => c.date(textAfterLabel(card, LABELS.placedAt))],
  ]);
  order.status = pick(sources, 'status', [
    ['selector', () => firstText(card, LIST_SELECTORS.status)?.text],
    ['label', () => knownStatus(card)],
  ]);
  order.store = pick(sources, 'store', [
    ['selector', () => store(card, LIST_SELECTORS.storeName, LIST_SELECTORS.storeLink, c)],
    ['label', () => storeFromLabel(card)],
  ]);
  order.items =
    pick(sources, 'items', [
      ['selector', () => listItems(card, c)],
      ['label', () => itemsFromLinks(card, c)],
    ]) ?? [];
  order.total = pick(sources, 'total', [
    ['selector', () => c.money(afterColon(firstText(card, LIST_SELECTORS.total)?.text))],
    ['label', () => c.money(textAfterLabel(card, LABELS.total))],
  ]);
  const countdowns = pick(sources, 'countdowns', [['label', () => deadlines(card, c)]]);
  if (countdowns) order.countdowns = countdowns;
  return order;
}

function readOldCard(card: Element, c: ReadContext): Partial {
  const sources: Record<string, Strategy> = {};
  const order: Partial = { items: [], sources };
  const text = (selectors: DatedSelector[]) => firstText(card, selectors)?.text;
  order.orderId = pick(sources, 'orderId', [['selector', () => text(OLD_LIST_SELECTORS.orderId)?.match(/\d{6,}/)?.[0]]]);
  order.placedAt = pick(sources, 'placedAt', [['selector', () => c.date(text(OLD_LIST_SELECTORS.placedAt))]]);
  order.status = pick(sources, 'status', [['selector', () => text(OLD_LIST_SELECTORS.status)]]);
  order.store = pick(sources, 'store', [
    ['selector', () => store(card, OLD_LIST_SELECTORS.storeName, [{ css: 'a[href*="/store/"]', seen: '2021-06', page: 'old list' }], c)],
  ]);
  order.items =
    pick(sources, 'items', [
      [
        'selector',
        () =>
          Array.from(card.querySelectorAll(OLD_LIST_SELECTORS.item[0].css)).flatMap((set) => {
            const link = set.querySelector(OLD_LIST_SELECTORS.itemTitle[0].css);
            const title = cleanText(link?.getAttribute('title') ?? link?.textContent);
            if (!title) return [];
            const amount = cleanText(set.querySelector('.product-amount')?.textContent);
            const item: Item = { title };
            const quantity = /[xX×]\s*(\d+)/.exec(amount)?.[1];
            if (quantity) item.quantity = Number(quantity);
            const price = c.money(amount);
            if (price) item.price = price;
            const sku = cleanText(set.querySelector('.product-property')?.textContent);
            if (sku) item.sku = sku;
            const url = absoluteUrl(link?.getAttribute('href'), c.url.href);
            if (url) item.url = url;
            return [item];
          }),
      ],
    ]) ?? [];
  order.total = pick(sources, 'total', [['selector', () => c.money(text(OLD_LIST_SELECTORS.total))]]);
  const countdown = text(OLD_LIST_SELECTORS.countdown);
  if (countdown) {
    const [label, rest] = splitLabel(countdown);
    const endsAt = countdownEndsAt(rest, c.now);
    order.countdowns = [{ label, text: countdown, ...(endsAt && { endsAt }) }];
    sources.countdowns = 'selector';
  }
  return order;
}

/**
 * Order cards found without class names: each link to an order's detail page, widened to the largest
 * ancestor that holds no other order's link.
 */
function cardsByDetailLink(doc: Document): Element[] {
  const idOf = (a: Element) => /orderId=(\d{6,})/.exec(a.getAttribute('href') ?? '')?.[1];
  // One pass: which order ids each ancestor holds. A card is the highest ancestor holding only its own.
  const idsUnder = new Map<Element, Set<string>>();
  const links: [Element, string][] = [];
  for (const link of Array.from(doc.querySelectorAll('a[href*="orderId="]'))) {
    const id = idOf(link);
    if (!id) continue;
    links.push([link, id]);
    for (let el: Element | null = link; el && el !== doc.body; el = el.parentElement) {
      const ids = idsUnder.get(el) ?? new Set<string>();
      ids.add(id);
      idsUnder.set(el, ids);
    }
  }
  const cards = new Map<string, Element>();
  for (const [link, id] of links) {
    if (cards.has(id)) continue;
    let card = link;
    for (let parent = link.parentElement; parent && parent !== doc.body && idsUnder.get(parent)?.size === 1; parent = parent.parentElement) {
      card = parent;
    }
    cards.set(id, card);
  }
  return [...cards.values()];
}

// ---- fields shared by both page kinds ----

function afterColon(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const index = text.search(/[:：]/);
  return index >= 0 ? text.slice(index + 1).trim() : text;
}

function splitLabel(text: string): [string, string] {
  const index = text.search(/[:：]/);
  return index >= 0 ? [text.slice(0, index).trim(), text.slice(index + 1).trim()] : [text, text];
}

function store(root: ParentNode, names: DatedSelector[], links: DatedSelector[], c: ReadContext): OrderFacts['store'] {
  const name = firstText(root, names)?.text;
  if (!name) return undefined;
  const url = absoluteUrl(firstElement(root, links)?.getAttribute('href'), c.url.href);
  const id = url?.match(/\/store\/(\d+)/)?.[1];
  return { name, ...(url && { url }), ...(id && { id }) };
}

function storeFromLabel(root: ParentNode & Node): OrderFacts['store'] {
  const name = textAfterLabel(root, LABELS.store);
  return name ? { name } : undefined;
}

function knownStatus(root: Node): string | undefined {
  const known = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));
  for (const node of textNodes(root)) {
    const text = cleanText(node.textContent);
    if (text.length < 40 && known.has(text.toLowerCase())) return text;
  }
  return undefined;
}

function trackingNumber(text: string | undefined): string | undefined {
  return text?.match(/[A-Z0-9]{8,40}/)?.[0];
}

function quantityOf(text: string | undefined): number | undefined {
  const match = /(\d+)/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

function items(root: ParentNode, s: typeof DETAIL_SELECTORS, c: ReadContext): Item[] {
  let blocks: Element[] = [];
  for (const selector of s.item) {
    blocks = Array.from(root.querySelectorAll(selector.css));
    if (blocks.length) break;
  }
  return blocks.flatMap((block) => {
    const link = firstElement(block, s.itemTitle);
    const title = cleanText(link?.textContent);
    if (!title) return [];
    const item: Item = { title };
    const sku = firstText(block, s.itemSku)?.text;
    if (sku) item.sku = sku;
    const quantity = quantityOf(firstText(block, s.itemQuantity)?.text);
    if (quantity !== undefined) item.quantity = quantity;
    const price = c.money(firstText(block, s.itemPrice)?.text);
    if (price) item.price = price;
    const url = absoluteUrl(link?.getAttribute('href'), c.url.href);
    if (url) item.url = url;
    return [item];
  });
}

function listItems(card: Element, c: ReadContext): Item[] {
  return Array.from(card.querySelectorAll(LIST_SELECTORS.item[0].css)).flatMap((body) => {
    const titleEl = firstElement(body, LIST_SELECTORS.itemTitle);
    const title = cleanText(titleEl?.getAttribute('title') ?? titleEl?.textContent);
    if (!title) return [];
    const item: Item = { title };
    const sku = firstText(body, LIST_SELECTORS.itemSku)?.text;
    if (sku) item.sku = sku;
    const number = firstText(body, LIST_SELECTORS.itemNumber)?.text;
    const quantity = quantityOf(firstText(body, LIST_SELECTORS.itemQuantity)?.text ?? /[xX×]\s*\d+/.exec(number ?? '')?.[0]);
    if (quantity !== undefined) item.quantity = quantity;
    const price = c.money(number?.replace(/[xX×]\s*\d+\s*$/, ''));
    if (price) item.price = price;
    const url = absoluteUrl(firstElement(body, LIST_SELECTORS.itemLink)?.getAttribute('href'), c.url.href);
    if (url) item.url = url;
    return [item];
  });
}

/** Items found without class names: the distinct links to product pages, titled by their text. */
function itemsFromLinks(card: Element, c: ReadContext): Item[] {
  const seen = new Set<string>();
  const found: Item[] = [];
  for (const link of Array.from(card.querySelectorAll('a[href*="/item/"]'))) {
    const url = absoluteUrl(link.getAttribute('href'), c.url.href);
    const title = cleanText(link.querySelector('[title]')?.getAttribute('title') ?? link.textContent);
    if (!url || !title || seen.has(url)) continue;
    seen.add(url);
    found.push({ title, url });
  }
  return found;
}

/** Deadlines the page states: "Buyer protection: 12 days 5 hours", "Refund if no delivery before Dec 28, 2026". */
function deadlines(root: Node, c: ReadContext): OrderFacts['countdowns'] {
  const phrases = DEADLINE_PHRASES.map((p) => p.toLowerCase());
  const found: NonNullable<OrderFacts['countdowns']> = [];
  for (const node of textNodes(root)) {
    const own = (node.textContent ?? '').trimStart().toLowerCase();
    if (!phrases.some((p) => own.startsWith(p))) continue;
    const text = cleanText(node.parentElement?.textContent ?? node.textContent);
    const lower = text.toLowerCase();
    const phrase = phrases.find((p) => lower.startsWith(p));
    if (!phrase || text.length > 200 || found.some((f) => f.text === text)) continue;
    const rest = text.slice(phrase.length).replace(/^[\s:：]+/, '');
    const endsAt = countdownEndsAt(rest, c.now) ?? c.date(rest, 'future');
    if (!endsAt && !/\d/.test(rest)) continue;
    found.push({ label: text.slice(0, phrase.length), text, ...(endsAt && { endsAt }) });
  }
  return found;
}

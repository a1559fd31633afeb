/**
 * Reading AliExpress order pages from their markup: known selectors first (./selectors.ts, dated), then
 * labelled text, then the URL. Used when the page's own API data (./api-orders.ts) is missing or lacks a field.
 */
import type { OrderEvent, OrderFacts, Strategy } from '../../common/model';
import { countdownEndsAt } from '../parse/countdown';
import { parseMoney } from '../parse/money';
import { absoluteUrl, cleanText, firstElement, firstMatch, firstText, followingText, LABEL_SEPARATORS, SKIPPED_TAGS, textAfterLabel, type DatedSelector } from '../dom';
import { pick } from '../strategy';
import type { ReadContext } from './context';
import { emptyDraft, type Item, type OrderDraft, setEvent } from './order';
import { DETAIL_SELECTORS, LIST_SELECTORS, OLD_LIST_SELECTORS } from './selectors';
import { leadingPhrase } from './phrases';
import { guaranteedDelivery, timersIn } from './timers';
import { EVENT_LABELS, LABELS, STATUSES, STEP_NAMES } from './wording';

export const ORDER_ID_DIGITS = /\d{12,}/;

// ---- detail pages ----

export function readDetailMarkup(doc: Document, c: ReadContext, idFromUrl: string | undefined): OrderDraft {
  const order = emptyDraft();
  const sources = order.sources;
  // The page's text, collected once for the label, status, timer and date searches below.
  const nodes = doc.body ? textList(doc.body) : [];
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
    ['label', () => knownStatus(nodes)],
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
  const countdowns = pick(sources, 'countdowns', [['label', () => timersIn(nodes, c)]]);
  if (countdowns) order.countdowns = countdowns;
  markupEvents(nodes, c, order, true);
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

/**
 * The dated steps the markup states: placed (as read above), rows like "Payment time: Nov 3, 2026", the
 * progress bar's steps ("Shipped" with its date beside it; `steps`: detail pages only, where a step name is
 * not just a card's status) and the delivery guarantee's date. One pass over the text.
 */
function markupEvents(nodes: readonly Node[], c: ReadContext, order: OrderDraft, steps: boolean): void {
  const strategyOf = (field: string): Strategy => order.sources[field] ?? 'label';
  setEvent(order, 'placed', order.placedAt, strategyOf('placedAt'));
  try {
    for (const [event, date] of datedRows(nodes, c, steps)) setEvent(order, event, date, 'label');
  } catch {
    // an odd page: its dated rows stay unread
  }
  setEvent(order, 'expectedDelivery', guaranteedDelivery(order.countdowns), strategyOf('countdowns'));
}

const ROW_LABELS = Object.values(EVENT_LABELS).flat();
const EVENT_OF_LABEL = new Map((Object.entries(EVENT_LABELS) as [OrderEvent, readonly string[]][]).flatMap(([event, labels]) => labels.map((l) => [l.toLowerCase(), event] as const)));
const STEPS = Object.entries(STEP_NAMES) as [OrderEvent, RegExp][];

/** The date of each dated row ("Payment time: Nov 3, 2026"), and of each progress-bar step when `steps`. */
function datedRows(nodes: readonly Node[], c: ReadContext, steps: boolean): [OrderEvent, string][] {
  const found = new Map<OrderEvent, string>();
  for (const node of nodes) {
    const raw = node.textContent ?? '';
    const label = leadingPhrase(raw, ROW_LABELS);
    if (label) {
      const event = EVENT_OF_LABEL.get(label.toLowerCase().replace(/\s+/g, ' '));
      if (!event || found.has(event)) continue;
      const own = cleanText(raw);
      const rest = own.slice(cleanText(label).length).replace(LABEL_SEPARATORS, '');
      const date = c.date(rest || followingText(node));
      if (date) found.set(event, date);
      continue;
    }
    if (!steps || raw.length > 80) continue;
    // A short step name ("Shipped", "已发货") with a date in its own text or right after it.
    const own = cleanText(raw);
    if (!own || own.length > 40) continue;
    const step = STEPS.find(([, name]) => name.test(own));
    if (!step || found.has(step[0])) continue;
    const rest = own.replace(step[1], '').replace(LABEL_SEPARATORS, '');
    let date = rest ? c.date(rest) : undefined;
    if (!date && !rest) {
      // The date beside it must be a date alone: "Completed" followed by "Order date: …" is a status, not a step.
      const next = followingText(node);
      if (next && next.length <= 30 && !/[:：]/.test(next)) date = c.date(next);
    }
    if (date) found.set(step[0], date);
  }
  return [...found];
}

/** The first date written after one of `labels` (the same label may come first with no date, e.g. in a heading). */
export function datedAfterLabel(nodes: readonly Node[], labels: readonly string[], c: ReadContext): string | undefined {
  for (const node of nodes) {
    const raw = node.textContent ?? '';
    const label = leadingPhrase(raw, labels);
    if (!label) continue;
    const rest = cleanText(raw).slice(cleanText(label).length).replace(LABEL_SEPARATORS, '');
    const date = c.date(rest || followingText(node));
    if (date) return date;
  }
  return undefined;
}

// ---- list pages ----

export function readListMarkup(doc: Document, c: ReadContext): OrderDraft[] {
  const oldCards = Array.from(doc.querySelectorAll(OLD_LIST_SELECTORS.card[0].css));
  if (oldCards.length) return oldCards.map((card) => readOldCard(card, c));
  let cards: Element[] = [];
  for (const selector of LIST_SELECTORS.card) {
    cards = Array.from(doc.querySelectorAll(selector.css));
    if (cards.length) break;
  }
  if (cards.length) return cards.map((card) => readCard(card, c));
  // Markup changed beyond the catalogue: find each order by its detail link or its number.
  return cardsByOrderAnchor(doc).map(({ card, id, strategy }) => readCard(card, c, { id, strategy }));
}

function readCard(card: Element, c: ReadContext, anchor?: { id: string; strategy: Strategy }): OrderDraft {
  const order = emptyDraft();
  const sources = order.sources;
  const nodes = textList(card);
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
    ['label', () => textAfterLabel(card, LABELS.orderId)?.match(ORDER_ID_DIGITS)?.[0] ?? (anchor?.strategy === 'label' ? anchor.id : undefined)],
    ['url', linkId],
  ]);
  order.placedAt = pick(sources, 'placedAt', [
    ['selector', () => headerTexts().map((t) => (ORDER_ID_DIGITS.test(t) ? undefined : c.date(afterColon(t)))).find(Boolean)],
    ['label', () => datedAfterLabel(nodes, LABELS.placedAt, c)],
  ]);
  order.status = pick(sources, 'status', [
    ['selector', () => firstText(card, LIST_SELECTORS.status)?.text],
    ['label', () => knownStatus(nodes) ?? shortValue(textAfterLabel(card, LABELS.status))],
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
    ['label', () => c.money(textAfterLabel(card, LABELS.total)) ?? lastMoney(card)],
  ]);
  const countdowns = pick(sources, 'countdowns', [['label', () => timersIn(nodes, c)]]);
  if (countdowns) order.countdowns = countdowns;
  markupEvents(nodes, c, order, false);
  return order;
}

function readOldCard(card: Element, c: ReadContext): OrderDraft {
  const order = emptyDraft();
  const sources = order.sources;
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
  setEvent(order, 'placed', order.placedAt, 'selector');
  return order;
}

// An order-id label at the start of a text or after a separator, longest label first.
const ORDER_ID_LABEL = new RegExp(
  `(?:^|[\\s·|,;])(?:${[...LABELS.orderId].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`,
  'i',
);

/**
 * Where each order sits when the markup's class names are unknown, in page order: the links to its detail
 * page (`orderId=`, strategy 'url') and its number after an "Order ID" label (strategy 'label').
 */
function orderAnchors(doc: Document): { element: Element; id: string; strategy: Strategy }[] {
  const anchors: { element: Element; id: string; strategy: Strategy }[] = [];
  if (!doc.body) return anchors;
  const visit = (parent: Node) => {
    // childNodes rather than a TreeWalker: the same on happy-dom, linkedom and browsers (see dom.ts textNodes).
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 1) {
        const element = node as Element;
        if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) continue;
        if (element.tagName.toUpperCase() === 'A') {
          const id = /orderId=(\d{6,})/.exec(element.getAttribute('href') ?? '')?.[1];
          if (id) anchors.push({ element, id, strategy: 'url' });
        }
        visit(element);
      } else if (node.nodeType === 3 && node.parentElement) {
        // The label may open the text or follow other words in it ("Order date: Nov 3 · Order ID: 8190…").
        const raw = node.textContent ?? '';
        const at = ORDER_ID_LABEL.exec(raw);
        if (!at) continue;
        const rest = cleanText(raw.slice(at.index + at[0].length)).replace(LABEL_SEPARATORS, '');
        const id = (/^\d{12,}/.exec(rest) ?? (rest ? null : /^\d{12,}/.exec(followingText(node) ?? '')))?.[0];
        if (id) anchors.push({ element: node.parentElement, id, strategy: 'label' });
      }
    }
  };
  visit(doc.body);
  return anchors;
}

/** Each order's card: the highest ancestor of its anchors that holds no other order's. Page order kept. */
function cardsByOrderAnchor(doc: Document): { card: Element; id: string; strategy: Strategy }[] {
  const anchors = orderAnchors(doc);
  // One pass: which order ids each ancestor holds.
  const idsUnder = new Map<Element, Set<string>>();
  for (const { element, id } of anchors) {
    for (let el: Element | null = element; el && el !== doc.body; el = el.parentElement) {
      const ids = idsUnder.get(el) ?? new Set<string>();
      ids.add(id);
      idsUnder.set(el, ids);
    }
  }
  const cards = new Map<string, { card: Element; id: string; strategy: Strategy }>();
  for (const { element, id, strategy } of anchors) {
    if (cards.has(id)) continue;
    let card = element;
    for (let parent = element.parentElement; parent && parent !== doc.body && idsUnder.get(parent)?.size === 1; parent = parent.parentElement) {
      card = parent;
    }
    cards.set(id, { card, id, strategy });
  }
  return [...cards.values()];
}

/**
 * A card's total when no label names it: the last amount with a currency sign in the card that is not an
 * item's price ("US $18.40 x2"); AliExpress shows the total below the items.
 */
function lastMoney(card: Element): OrderFacts['total'] {
  let last: OrderFacts['total'];
  for (const el of Array.from(card.querySelectorAll('*'))) {
    const text = cleanText(el.textContent);
    if (!text || text.length > 40 || /[xX×]\s*\d+\s*$/.test(text) || el.querySelector('a[href*="/item/"]')) continue;
    // Only the smallest element holding the amount (its digits may be split over spans).
    if (Array.from(el.children).some((child) => parseMoney(cleanText(child.textContent)))) continue;
    const money = parseMoney(text);
    if (money) last = money;
  }
  return last;
}

// ---- fields shared by both page kinds ----

/**
 * The text nodes under `root` in document order, scripts and styles skipped: dom.ts `textNodes` as one list,
 * collected without a generator (a card's text is searched several times; this is the reader's hot loop).
 */
export function textList(root: Node, into: Node[] = []): Node[] {
  const children = root.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.nodeType === 3) into.push(child);
    else if (child.nodeType === 1 && !SKIPPED_TAGS.has((child as Element).tagName.toUpperCase())) textList(child, into);
  }
  return into;
}

export function afterColon(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const index = text.search(/[:：]/);
  return index >= 0 ? text.slice(index + 1).trim() : text;
}

function splitLabel(text: string): [string, string] {
  const index = text.search(/[:：]/);
  return index >= 0 ? [text.slice(0, index).trim(), text.slice(index + 1).trim()] : [text, text];
}

/** A labelled value short enough to be a status, not a paragraph. */
export function shortValue(text: string | undefined): string | undefined {
  return text && text.length <= 60 ? text : undefined;
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

const KNOWN_STATUSES = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));

export function knownStatus(nodes: readonly Node[]): string | undefined {
  for (const node of nodes) {
    const raw = node.textContent ?? '';
    if (raw.length > 80) continue;
    const text = cleanText(raw);
    if (text.length < 40 && KNOWN_STATUSES.has(text.toLowerCase())) return text;
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
    // Only a link on AliExpress's own hosts (c.link), like the API's snapshotUrl.
    const snapshot = c.link(firstElement(block, s.itemSnapshot)?.getAttribute('href'));
    if (snapshot) item.snapshotUrl = snapshot;
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
export function itemsFromLinks(card: Element, c: ReadContext): Item[] {
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

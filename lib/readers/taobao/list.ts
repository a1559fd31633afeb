/**
 * The Taobao order list ("已买到的宝贝", list_bought_items.htm). The server page carries every order of the
 * page in `var data = JSON.parse('…')` (mainOrders[]) and renders nothing until its script runs; the
 * rendered markup (one `[data-id]` element per order) is the fallback, and the only truth once the user
 * has paged on: the list then fetches other orders while the inline data still holds page 1.
 */
import type { OrderFacts } from '../../common/model';
import { countdownEndsAt, parseCountdown } from '../parse/countdown';
import { parseMoney } from '../parse/money';
import { cleanText, firstElement } from '../dom';
import {
  at,
  attempt,
  cleanStatus,
  countdownLabel,
  CURRENCY,
  idOf,
  itemLinks,
  joinSku,
  list,
  moneyOf,
  orderIdIn,
  quantityOf,
  shanghaiDate,
  skuPart,
  urlOf,
} from './data';
import type { ApiResponse } from '../api';
import { cardsAround } from '../cards';
import { str } from '../json';
import type { ApiOrder } from './api';
import { apiListOrders } from './api';
import { jsonParseArgument } from './embedded';
import { COUNTDOWN_TEXT, TAOBAO_STATUSES } from './labels';
import { allOf, itemsFromLinks, moneyIn } from './markup';
import type { Findings } from './order';
import { combine } from './order';
import { ORDER_MARKS, TAOBAO_EMBEDDED, TAOBAO_LIST } from './selectors';

type Item = OrderFacts['items'][number];

/** A countdown among an order's buttons: "还剩9天10时" (time left before receipt is confirmed for you). */
const COUNTDOWN_BUTTON = /^(?:还剩|剩余|剩)\s*\d/;

export interface ListOptions {
  /** Read the page's own inline data and markup too (false on a page whose path is not the list's). */
  pageData?: boolean;
}

export function readList(doc: Document, href: string, now: Date, responses: readonly ApiResponse[] = [], options: ListOptions = {}): { orders: OrderFacts[]; missing: string[] } {
  const pageData = options.pageData ?? true;
  const api = attempt(() => apiListOrders(responses, href, now)) ?? new Map<string, ApiOrder>();
  const embedded = new Map<string, unknown>();
  let embeddedPage: number | undefined;
  if (pageData) {
    try {
      for (const source of TAOBAO_EMBEDDED.list) {
        const data = jsonParseArgument(doc, source.variable);
        for (const order of list(at(data, 'mainOrders'))) {
          const id = idOf(at(order, 'id')) ?? idOf(at(order, 'orderInfo', 'id'));
          if (id && !embedded.has(id)) embedded.set(id, order);
        }
        if (embedded.size) {
          embeddedPage = Number(str(at(data, 'page', 'currentPage'))) || 1;
          break;
        }
      }
    } catch {
      // unreadable data: the responses and the markup are what there is
    }
  }

  const rendered = pageData ? renderedOrders(doc) : new Map<string, Element>();
  let ids: string[];
  if (api.size) {
    // The responses are every page of results the page loaded (the inline data is page 1 of them): all of
    // their orders are read, the inline page's among them in its place, then any the markup alone shows.
    const inlineFirst = embeddedPage === undefined || embeddedPage <= 1;
    const pages = inlineFirst ? [...embedded.keys(), ...api.keys()] : [...api.keys(), ...embedded.keys()];
    ids = [...new Set([...pages, ...rendered.keys()])];
  } else {
    // The rendered list is what the user sees: when it shows orders the inline data does not hold, the data
    // is stale (another page was loaded) and the markup decides which orders are on the page.
    const stale = [...rendered.keys()].some((id) => !embedded.has(id));
    ids = stale || !embedded.size ? [...rendered.keys()] : [...embedded.keys()];
  }

  const orders: OrderFacts[] = [];
  const missing: string[] = [];
  for (const id of ids.slice(0, 500)) {
    const answered = api.get(id);
    const data = embedded.get(id);
    const el = rendered.get(id);
    const { order, missing: lacking } = combine([
      ['api-data', () => (answered ? (answered.kind === 'classic' ? fromData(answered.data, href, now) : answered.findings) : undefined)],
      ['embedded-data', () => (data ? fromData(data, href, now) : undefined)],
      ['selector', () => (el ? fromMarkup(el, id, href, now) : undefined)],
      ['label', () => (el ? fromText(el, now) : undefined)],
    ]);
    if (!order) continue;
    const i = orders.length;
    orders.push(order);
    missing.push(...lacking.map((field) => `orders[${i}].${field}`));
  }
  if (!orders.length) missing.push('orders');
  return { orders, missing };
}

function fromData(o: unknown, href: string, now: Date): Findings {
  const currencyCode = str(at(o, 'extra', 'currency'));
  const currency = currencyCode && /^[A-Z]{3}$/.test(currencyCode) ? currencyCode : CURRENCY;
  const status = attempt(() => cleanStatus(str(at(o, 'statusInfo', 'text'))));
  return {
    orderId: idOf(at(o, 'id')) ?? idOf(at(o, 'orderInfo', 'id')),
    placedAt: attempt(() => shanghaiDate(str(at(o, 'orderInfo', 'createTime')) ?? str(at(o, 'orderInfo', 'createDay')), now)),
    status,
    store: attempt(() => {
      const seller = at(o, 'seller');
      const name = str(at(seller, 'shopName')) ?? str(at(seller, 'nick'));
      const url = urlOf(at(seller, 'shopUrl'), href);
      const id = idOf(at(seller, 'id'));
      return name ? { name, ...(url && { url }), ...(id && { id }) } : undefined;
    }),
    items: attempt(() =>
      list(at(o, 'subOrders'))
        .map((sub) => attempt(() => itemFromData(sub, currency, href)))
        .filter((item): item is Item => !!item),
    ),
    total: attempt(() => moneyOf(at(o, 'payInfo', 'actualFee'), currency)),
    countdowns: attempt(() => {
      const buttons = [...list(at(o, 'operations')), ...list(at(o, 'tradeOperations')), ...list(at(o, 'statusInfo', 'operations'))];
      const texts = buttons.map((b) => str(at(b, 'text')) ?? '');
      // The countdown's own text does not say what it counts down to; the buttons beside it do (确认收货).
      const label = countdownLabel(`${texts.join(' ')} ${status ?? ''}`);
      return texts
        .filter((text) => COUNTDOWN_BUTTON.test(text) && parseCountdown(text) !== undefined)
        .map((text) => {
          const endsAt = countdownEndsAt(text, now);
          return { label, text, ...(endsAt && { endsAt }) };
        });
    }),
  };
}

function itemFromData(sub: unknown, currency: string, href: string): Item | undefined {
  const info = at(sub, 'itemInfo');
  const title = str(at(info, 'title'));
  if (!title) return undefined;
  const sku = joinSku(list(at(info, 'skuText')).map((s) => skuPart(at(s, 'name'), at(s, 'value'))));
  const quantity = quantityOf(at(sub, 'quantity'));
  const price = moneyOf(at(sub, 'priceInfo', 'realTotal'), currency);
  const links = [at(info, 'itemUrl'), at(info, 'auctionUrl'), at(info, 'snapUrl')].map((u) => urlOf(u, href));
  const found = itemLinks(links);
  return {
    title,
    ...(sku && { sku }),
    ...(quantity !== undefined && { quantity }),
    ...(price && { price }),
    ...found,
  };
}

/**
 * The rendered orders by id, in page order: one catalogued container per order (`[data-id]`), or, when the
 * markup has changed and none is found, the card around each order's link or number (../cards.ts).
 */
function renderedOrders(doc: Document): Map<string, Element> {
  const byId = new Map<string, Element>();
  try {
    const root: Element | Document = firstElement(doc, TAOBAO_LIST.root) ?? doc;
    for (const el of allOf(root, TAOBAO_LIST.order)) {
      const id = idOf(el.getAttribute('data-id'));
      if (id && id.length >= 6 && !byId.has(id)) byId.set(id, el);
    }
    if (byId.size) return byId;
    return cardsAround(orderMarks(root), new Set([root === doc ? null : (root as Element), doc.body, doc.documentElement]));
  } catch {
    return byId;
  }
}

/** What names an order inside its card: links to the order (detail, confirm receipt) and "订单号: N" text. */
function orderMarks(root: Element | Document): [string, Element][] {
  const marks: [string, Element][] = [];
  const css = ORDER_MARKS.links.map((s) => s.css).join(', ');
  for (const a of Array.from(root.querySelectorAll(css)).slice(0, 5000)) {
    const id = orderIdInLink(a.getAttribute('href'));
    if (id) marks.push([id, a]);
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 20_000; node = walker.nextNode(), seen++) {
    const parent = node.parentElement;
    if (!parent || !(node.textContent ?? '').includes('订单号') || parent.closest('script, style')) continue;
    // The number may sit in the label's own text or just after it ("订单号" "：" "4574…").
    const id = ORDER_NUMBER.exec(cleanText(parent.textContent))?.[1] ?? ORDER_NUMBER.exec(cleanText(parent.parentElement?.textContent))?.[1];
    if (id) marks.push([id, parent]);
  }
  // In page order, so the cards come out in the order the user sees them.
  return marks.sort(([, a], [, b]) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
}

const ORDER_NUMBER = /订单号\s*[:：]?\s*(\d{6,30})/;
const ORDER_ID_PARAM = /[?&](?:bizOrderId|biz_order_id|bizorderid|orderId|order_id)=(\d{6,30})(?:&|#|$)/i;

function orderIdInLink(href: string | null): string | undefined {
  return href ? ORDER_ID_PARAM.exec(href)?.[1] : undefined;
}

function fromMarkup(el: Element, id: string, href: string, now: Date): Findings {
  const created = firstElement(el, TAOBAO_LIST.createTime);
  const storeEl = firstElement(el, TAOBAO_LIST.storeName);
  const storeLink = storeEl?.closest('a') ?? storeEl?.querySelector('a') ?? undefined;
  const storeName = storeEl ? cleanText(storeEl.textContent) : undefined;
  const storeUrl = urlOf(storeLink?.getAttribute('href'), href);
  const storeId = storeUrl ? /user_number_id=(\d+)/.exec(storeUrl)?.[1] : undefined;
  const totalEl = firstElement(el, TAOBAO_LIST.total);
  return {
    orderId: id,
    placedAt: attempt(() => shanghaiDate(cleanText(created?.textContent) || undefined, now)),
    status: statusNextToDetailLink(el),
    store: storeName ? { name: storeName, ...(storeUrl && { url: storeUrl }), ...(storeId && { id: storeId }) } : undefined,
    items: itemsFromLinks(el, TAOBAO_LIST.itemLink, TAOBAO_LIST.sku, href),
    total: moneyIn(totalEl),
  };
}

function withEnd(text: string, now: Date): { endsAt?: string } {
  const endsAt = countdownEndsAt(text, now);
  return endsAt ? { endsAt } : {};
}

/**
 * The status is the first text of the cell that holds the "订单详情" link, outside any link. Where the list is
 * no table (a changed layout), the nearest box around the link that has such a text; a price, a date or a
 * countdown is never the status.
 */
function statusNextToDetailLink(el: Element): string | undefined {
  const link = firstElement(el, TAOBAO_LIST.detailLink);
  if (!link) return undefined;
  const cell = link.closest('td');
  const boxes: Element[] = cell ? [cell] : [];
  if (!cell) for (let box = link.parentElement, depth = 0; box && depth < 3 && box !== el; box = box.parentElement, depth++) boxes.push(box);
  for (const box of boxes) {
    const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('a, script, style')) continue;
      const text = cleanText(node.textContent);
      if (text && !NOT_A_STATUS.test(text)) return cleanStatus(text);
    }
  }
  return undefined;
}

const NOT_A_STATUS = /^[(（]?\s*(?:[¥￥]|含运费|\d{4}[-/年]|还剩|剩余|x\s*\d|×)/i;

/** Labelled text inside one order: "2025-11-08 订单号: 4574…", the status, "实付款 ￥47.40", "还剩9天10时". */
function fromText(el: Element, now: Date): Findings {
  const text = cleanText(el.textContent);
  const head = cleanText(firstElement(el, TAOBAO_LIST.head)?.textContent) || text;
  const id = /订单号\s*[:：]?\s*(\d{6,30})/.exec(head)?.[1] ?? orderIdIn(/Order\s*(?:ID|No\.?)\s*[:：]?\s*(\d{6,30})/i.exec(head)?.[1]);
  const countdown = COUNTDOWN_TEXT.exec(text)?.[0];
  const countdownText = countdown ? cleanText(countdown.replace(/(\d+\s*[时分秒]).*$/, '$1')) : undefined;
  return {
    orderId: id,
    placedAt: attempt(() => shanghaiDate(placedIn(head), now)),
    status: attempt(() => statusIn(text)),
    total: attempt(() => totalIn(text)),
    countdowns: countdownText ? [{ label: countdownLabel(text), text: countdownText, ...withEnd(countdownText, now) }] : undefined,
  };
}

const DATE_TEXT = String.raw`\d{4}\s*[-/年]\s*\d{1,2}\s*[-/月]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`;
const DATE_IN_TEXT = new RegExp(DATE_TEXT);
// "2025-11-08订单号: 4574…" (the list's header), "下单时间：2025-11-08 03:44:47".
const DATE_BEFORE_NUMBER = new RegExp(`(${DATE_TEXT})\\s*订单号`);
const DATE_AFTER_LABEL = new RegExp(`(?:下单时间|下单日期|创建时间|下单|Order date)\\s*[:：]?\\s*(${DATE_TEXT})`, 'i');

/** The order's date in a card's text: before its number, after 下单, or else the first date it shows. */
function placedIn(text: string): string | undefined {
  return DATE_BEFORE_NUMBER.exec(text)?.[1] ?? DATE_AFTER_LABEL.exec(text)?.[1] ?? DATE_IN_TEXT.exec(text)?.[0];
}

/** The first status phrase the card shows (交易成功, 卖家已发货 …), longest phrases first. */
function statusIn(text: string): string | undefined {
  for (const phrase of TAOBAO_STATUSES) if (text.includes(phrase)) return phrase;
  return undefined;
}

const MONEY = String.raw`[¥￥]\s*\d[\d,]*(?:\.\d{1,2})?`;
const TOTAL_AFTER_LABEL = new RegExp(`(?:实付款|实付|合计|总价|Actual payment|Total)\\s*[:：]?\\s*(${MONEY})`, 'i');
const TOTAL_BEFORE_SHIPPING = new RegExp(`(${MONEY})\\s*[(（]?\\s*含运费`);

/** The paid total in a card's text: after 实付款/合计, or the amount the shipping note "(含运费：…)" follows. */
function totalIn(text: string): OrderFacts['total'] {
  const written = TOTAL_AFTER_LABEL.exec(text)?.[1] ?? TOTAL_BEFORE_SHIPPING.exec(text)?.[1];
  return written ? parseMoney(written, CURRENCY) : undefined;
}

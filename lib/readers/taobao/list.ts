/**
 * The Taobao order list ("已买到的宝贝", list_bought_items.htm). The server page carries every order of the
 * page in `var data = JSON.parse('…')` (mainOrders[]) and renders nothing until its script runs; the
 * rendered markup (one `[data-id]` element per order) is the fallback, and the only truth once the user
 * has paged on: the list then fetches other orders while the inline data still holds page 1.
 */
import type { OrderFacts } from '../../model';
import { countdownEndsAt, parseCountdown } from '../../parse/countdown';
import { cleanText, firstElement } from '../dom';
import {
  at,
  attempt,
  cleanStatus,
  countdownLabel,
  CURRENCY,
  idOf,
  isItemPage,
  joinSku,
  list,
  moneyOf,
  orderIdIn,
  quantityOf,
  shanghaiDate,
  skuPart,
  urlOf,
} from './data';
import { str } from '../json';
import { jsonParseArgument } from './embedded';
import { COUNTDOWN_TEXT } from './labels';
import { allOf, itemsFromLinks, moneyIn } from './markup';
import type { Findings } from './order';
import { combine } from './order';
import { TAOBAO_EMBEDDED, TAOBAO_LIST } from './selectors';

type Item = OrderFacts['items'][number];

/** A countdown among an order's buttons: "还剩9天10时" (time left before receipt is confirmed for you). */
const COUNTDOWN_BUTTON = /^(?:还剩|剩余|剩)\s*\d/;

export function readList(doc: Document, href: string, now: Date): { orders: OrderFacts[]; missing: string[] } {
  const embedded = new Map<string, unknown>();
  try {
    for (const source of TAOBAO_EMBEDDED.list) {
      const data = jsonParseArgument(doc, source.variable);
      for (const order of list(at(data, 'mainOrders'))) {
        const id = idOf(at(order, 'id')) ?? idOf(at(order, 'orderInfo', 'id'));
        if (id && !embedded.has(id)) embedded.set(id, order);
      }
      if (embedded.size) break;
    }
  } catch {
    // unreadable data: the markup below is all there is
  }

  const rendered = renderedOrders(doc);
  // The rendered list is what the user sees: when it shows orders the inline data does not hold, the data
  // is stale (another page was loaded) and the markup decides which orders are on the page.
  const stale = [...rendered.keys()].some((id) => !embedded.has(id));
  const ids = stale || !embedded.size ? [...rendered.keys()] : [...embedded.keys()];

  const orders: OrderFacts[] = [];
  const missing: string[] = [];
  for (const id of ids.slice(0, 500)) {
    const data = embedded.get(id);
    const el = rendered.get(id);
    const { order, missing: lacking } = combine([
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
  const url = links.find(isItemPage) ?? links.find((u) => !!u);
  return {
    title,
    ...(sku && { sku }),
    ...(quantity !== undefined && { quantity }),
    ...(price && { price }),
    ...(url && { url }),
  };
}

/** The rendered orders by id, in page order: one catalogued container per order. */
function renderedOrders(doc: Document): Map<string, Element> {
  const byId = new Map<string, Element>();
  try {
    const root = firstElement(doc, TAOBAO_LIST.root) ?? doc;
    for (const el of allOf(root, TAOBAO_LIST.order)) {
      const id = idOf(el.getAttribute('data-id'));
      if (id && id.length >= 6 && !byId.has(id)) byId.set(id, el);
    }
  } catch {
    // no rendered list
  }
  return byId;
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

/** The status is the first text of the cell that holds the "订单详情" link, outside any link. */
function statusNextToDetailLink(el: Element): string | undefined {
  const link = firstElement(el, TAOBAO_LIST.detailLink);
  const cell = link?.closest('td') ?? link?.parentElement?.parentElement;
  if (!cell) return undefined;
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('a, script, style')) continue;
    const text = cleanText(node.textContent);
    if (text) return cleanStatus(text);
  }
  return undefined;
}

/** Labelled text inside one order: "2025-11-08 订单号: 4574…", "还剩9天10时". */
function fromText(el: Element, now: Date): Findings {
  const text = cleanText(el.textContent);
  const head = cleanText(firstElement(el, TAOBAO_LIST.head)?.textContent) || text;
  const id = /订单号\s*[:：]?\s*(\d{6,30})/.exec(head)?.[1] ?? orderIdIn(/Order\s*(?:ID|No\.?)\s*[:：]?\s*(\d{6,30})/i.exec(head)?.[1]);
  const date = /\d{4}\s*[-/年]\s*\d{1,2}\s*[-/月]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/.exec(head)?.[0];
  const countdown = COUNTDOWN_TEXT.exec(text)?.[0];
  const countdownText = countdown ? cleanText(countdown.replace(/(\d+\s*[时分秒]).*$/, '$1')) : undefined;
  return {
    orderId: id,
    placedAt: attempt(() => shanghaiDate(date, now)),
    countdowns: countdownText ? [{ label: countdownLabel(text), text: countdownText, ...withEnd(countdownText, now) }] : undefined,
  };
}

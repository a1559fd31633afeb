/** DOM helpers the Taobao list and detail readers share (rendered markup, scoped to one order). */
import type { OrderFacts } from '../../common/model';
import { parseMoney } from '../parse/money';
import type { DatedSelector } from '../dom';
import { cleanText } from '../dom';
import { CURRENCY, itemLinks, joinSku, urlOf } from './data';

type Item = OrderFacts['items'][number];

const SNAPSHOT_TEXT = /^[[【]?\s*(?:交易快照|snapshot|снимок)\s*[\]】]?$/i;

/** Money in an element, ignoring struck-through original prices (<del>, <s>): the last amount left. */
export function moneyIn(el: Element | null | undefined): Item['price'] {
  if (!el) return undefined;
  let found: Item['price'];
  for (const p of Array.from(el.querySelectorAll('p, span, strong, em'))) {
    if (p.closest('del, s') || p.querySelector('del, s') || p.querySelector('p, span, strong, em')) continue;
    found = parseMoney(cleanText(p.textContent), CURRENCY) ?? found;
  }
  return found ?? parseMoney(cleanText(el.textContent), CURRENCY);
}

/**
 * The items an order's markup lists, found by their product or snapshot links (these survive a change
 * of class names). In a table row, the next cells hold the unit price and the quantity.
 */
export function itemsFromLinks(root: ParentNode, links: readonly DatedSelector[], sku: readonly DatedSelector[], base: string): Item[] {
  const rows = new Map<Element, Element[]>();
  for (const selector of links) {
    for (const a of Array.from(root.querySelectorAll(selector.css))) {
      const row = a.closest('tr, li') ?? a.parentElement?.parentElement ?? a;
      const group = rows.get(row) ?? [];
      if (!group.includes(a)) group.push(a);
      rows.set(row, group);
    }
  }
  const items: Item[] = [];
  for (const [row, anchors] of rows) {
    const titled = anchors.find((a) => {
      const text = cleanText(a.textContent);
      return text && !SNAPSHOT_TEXT.test(text);
    });
    if (!titled) continue;
    const hrefs = anchors.map((a) => urlOf(a.getAttribute('href'), base)).filter((u): u is string => !!u);
    const links = itemLinks(hrefs);
    const skuText = joinSku(sku.flatMap((s) => Array.from(row.querySelectorAll(s.css)).map((el) => cleanText(el.textContent))));
    const cells = row.tagName === 'TR' ? (row as HTMLTableRowElement).cells : undefined;
    const price = cells && cells.length > 2 ? moneyIn(cells[1]) : undefined;
    const quantityText = cells && cells.length > 2 ? cleanText(cells[2].textContent) : '';
    const quantity = /^[x×]?\s*\d{1,7}$/i.test(quantityText) ? Number(quantityText.replace(/\D/g, '')) : undefined;
    items.push({
      title: cleanText(titled.textContent),
      ...(skuText && { sku: skuText }),
      ...(quantity !== undefined && { quantity }),
      ...(price && { price }),
      ...links,
    });
  }
  return items;
}

/** The first selector's elements that exist under `root`, newest selector first. */
export function allOf(root: ParentNode, selectors: readonly DatedSelector[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector.css);
    if (found.length) return Array.from(found);
  }
  return [];
}

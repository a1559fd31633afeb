/**
 * Safe reading of the pages' embedded data (parsed JSON of unknown shape) and the field conversions the
 * Taobao and Tmall readers share. Every accessor tolerates any input: a drifted or hostile object yields
 * undefined, never an exception.
 */
import type { Money } from '../../common/model';
import { parseDate } from '../parse/dates';
import { parseMoney } from '../parse/money';
import { absoluteUrl, cleanText } from '../dom';
import { str } from '../json';

export const TIME_ZONE = 'Asia/Shanghai';
export const CURRENCY = 'CNY';

/** The value `read` gives, or undefined when it throws: one odd field must not cost the others. */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** A Taobao time ("2025-11-08 03:44:47", or a date alone), written in Asia/Shanghai. */
export function shanghaiDate(text: string | undefined, now: Date): string | undefined {
  return parseDate(text, { timeZone: TIME_ZONE, now });
}

/** The value at a path of keys and indexes, or undefined when any step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** An array, or an empty one for anything else. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * An order, seller or item id. Ids are 19-digit numbers that JSON.parse rounds when written as numbers
 * (the list's `extra.id` 4574438817212023118 reads as …023300), so numbers count only when exact.
 */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  const text = str(value);
  return text && /^\d{4,30}$/.test(text) ? text : undefined;
}

/** The first 6+ digit run in text: an order id written among other words ("订单号: 4574…"). */
export function orderIdIn(text: string | undefined): string | undefined {
  return text?.match(/\d{6,30}/)?.[0];
}

export function moneyOf(value: unknown, currency = CURRENCY): Money | undefined {
  const text = str(value);
  return text ? parseMoney(text, currency) : undefined;
}

/** A quantity: "6" (2021 and 2025 lists), {count: "6"} (reported for 2025), or a number. */
export function quantityOf(value: unknown): number | undefined {
  const raw = value !== null && typeof value === 'object' ? (at(value, 'count') ?? at(value, 'quantity')) : value;
  const text = str(raw);
  if (!text || !/^\d{1,7}$/.test(text)) return undefined;
  return Number(text);
}

/** "颜色分类" + "黑色" → "颜色分类：黑色"; a label that already ends in a colon keeps just that one. */
export function skuPart(name: unknown, value: unknown): string | undefined {
  const v = str(value);
  if (!v) return undefined;
  const n = str(name)?.replace(/[\s:：]+$/, '');
  return n ? `${n}：${v}` : v;
}

export function joinSku(parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? cleanText(kept.join('; ')) : undefined;
}

/** An absolute http(s) URL for a link from data ("//item.taobao.com/…"), capped like any page text. */
export function urlOf(value: unknown, base: string): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const url = absoluteUrl(text, base);
  return url && url.length <= 2000 ? url : undefined;
}

/** Is this link a product page (not a snapshot, not a shop)? */
export function isItemPage(url: string | undefined): boolean {
  return !!url && /\/item\.htm\b/.test(url);
}

/** Is this link the order's 交易快照, the listing as it was when bought (tradeSnap.htm?tradeID=… / ?trade_id=…)? */
export function isSnapshotPage(url: string | undefined): boolean {
  return !!url && /\/tradeSnap\.htm\b/i.test(url);
}

/**
 * An item's links, as the pages give them in any order: the product page as `url` (else the first link, as
 * before), and the 交易快照 as `snapshotUrl`. Tmall's data has the product in auctionUrl and the snapshot in
 * itemUrl and snapUrl; Taobao's detail only the snapshot (in auctionUrl); the list both.
 */
export function itemLinks(links: readonly (string | undefined)[]): { url?: string; snapshotUrl?: string } {
  const url = links.find(isItemPage) ?? links.find((u) => !!u);
  const snapshotUrl = links.find(isSnapshotPage);
  return { ...(url && { url }), ...(snapshotUrl && { snapshotUrl }) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Visible text of an HTML fragment from data, without parsing it into a document (no scripts, no loads). */
export function htmlText(fragment: string): string {
  return cleanText(
    fragment
      .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? ' '),
  );
}

/** An attribute's value inside an HTML fragment from data (`data-nick='3dsway旗舰店'`). */
export function htmlAttribute(fragment: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:'([^']*)'|"([^"]*)"|([^\\s>]+))`, 'i').exec(fragment);
  const raw = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  return raw ? htmlText(raw) || undefined : undefined;
}

/**
 * A status as the page shows it, without the label the detail pages put before it and the instruction
 * after it: "当前订单状态：卖家已发货，请查看页面下方物流信息…" → "卖家已发货".
 */
export function cleanStatus(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const status = cleanText(text)
    .replace(/^(?:当前)?(?:订单|交易)状态\s*[:：]\s*/, '')
    .replace(/[，,]\s*请.*$/, '')
    .trim();
  return status || undefined;
}

/** "6天0时39分14秒": a duration as Taobao writes its countdowns. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${d}天${h}时${m}分${s}秒`;
}

/** An epoch time in data ("1763364887000", or seconds), as a Date, or undefined. */
export function epochOf(value: unknown): Date | undefined {
  const text = str(value);
  if (!text || !/^\d{10,13}$/.test(text)) return undefined;
  const ms = text.length <= 10 ? Number(text) * 1000 : Number(text);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The label a countdown is about: Taobao's countdowns on orders are almost all the automatic receipt. */
export function countdownLabel(context: string | undefined): string {
  if (context && /确认收货|confirm|подтвержд/i.test(context)) return '自动确认收货';
  if (context && /付款|pay|оплат/i.test(context)) return '付款';
  return '倒计时';
}

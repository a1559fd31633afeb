// A page with more than a reading keeps is read up to the caps, and says what was cut (lib/readers/caps.ts).
// Pages of 500+ orders are parsed with linkedom (the command-line reader's DOM), which walks them quickly.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_ITEMS, MAX_ORDERS, MAX_TEXT, PageReadingSchema } from '@/lib/common/model';
import { readPage } from '@/lib/readers';
import { capReading } from '@/lib/readers/caps';

const htmlDocument = (html: string) => parseHTML(html).document as unknown as Document;

const NOW = new Date('2026-11-20T09:00:00Z');
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';

const card = (i: number) => {
  const id = String(8190000000000000 + i);
  return `<div class="order-item"><div class="order-item-header"><div class="order-item-header-status"><span class="order-item-header-status-text">Completed</span></div>
  <div class="order-item-header-right"><div class="order-item-header-right-info"><div>Order date: Oct 28, 2026</div><div>Order ID: ${id}</div></div>
  <a href="//www.aliexpress.com/p/order/detail.html?orderId=${id}">Order details</a></div></div>
  <div class="order-item-store"><span class="order-item-store-name"><a href="//www.aliexpress.com/store/912345">Moonlight Tools</a></span></div></div>`;
};
const item = (title: string) =>
  `<div class="order-detail-item-content"><div class="item-title"><a href="//www.aliexpress.com/item/1005006123456789.html">${title}</a></div><div class="item-price"><div>US $1.00</div><span class="item-price-quantity">x1</span></div></div>`;

describe('a page longer than a reading keeps', () => {
  it('a list of more orders than MAX_ORDERS: the first ones, and the reading says so', () => {
    const html = `<html><body><div class="order-content">${Array.from({ length: MAX_ORDERS + 20 }, (_, i) => card(i)).join('')}</div></body></html>`;
    const reading = readPage(htmlDocument(html), LIST_URL, NOW)!;
    expect(reading.pageKind).toBe('order-list');
    expect(reading.orders).toHaveLength(MAX_ORDERS);
    expect(reading.orders[0].orderId).toBe('8190000000000000');
    expect(reading.truncated).toEqual([`orders (${MAX_ORDERS + 20}, kept ${MAX_ORDERS})`]);
    expect(reading.missing.some((m) => /^orders\[(\d+)\]/.exec(m) && Number(/\d+/.exec(m)![0]) >= MAX_ORDERS)).toBe(false);
  });

  it('an order of more items than MAX_ITEMS, one with an over-long title: kept, cut, and said', () => {
    const titles = Array.from({ length: MAX_ITEMS + 3 }, (_, i) => (i === 1 ? `Very long ${'title '.repeat(600)}` : `Item ${i}`));
    const reading = readPage(htmlDocument(`<html><body>${titles.map(item).join('')}</body></html>`), DETAIL_URL, NOW)!;
    expect(reading.pageKind).toBe('order-detail');
    const [order] = reading.orders;
    expect(order.items).toHaveLength(MAX_ITEMS);
    expect(order.items[1].title.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(order.items[1].title.startsWith('Very long title')).toBe(true);
    expect(reading.truncated).toEqual(expect.arrayContaining([`orders[0].items (${MAX_ITEMS + 3}, kept ${MAX_ITEMS})`]));
  });

  it('cuts long strings, leaves out long links, and never splits a character', () => {
    const emoji = '😀'.repeat(MAX_TEXT);
    const { value, truncated } = capReading({
      platform: 'aliexpress',
      pageKind: 'order-detail',
      orders: [{ orderId: '8190123456789012', status: emoji, items: [{ title: 'x', url: `https://www.aliexpress.com/item/1.html?${'q'.repeat(MAX_TEXT)}` }], sources: {} }],
      missing: [],
    });
    const parsed = PageReadingSchema.parse(value);
    expect(parsed.orders[0].status!.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(/[\uD800-\uDBFF]$/.test(parsed.orders[0].status!)).toBe(false);
    expect(parsed.orders[0].items[0].url).toBeUndefined();
    expect(truncated).toEqual(['orders[0].status', 'orders[0].items[0].url']);
  });

  it('forgives only length: any other fault still fails the reading', () => {
    const bad = [
      { orderId: `1${'2'.repeat(MAX_TEXT + 10)}`, items: [], sources: {} },
      { orderId: '8190123456789012', placedAt: 'yesterday', items: [], sources: {} },
      { orderId: '8190123456789012', total: { amount: 1, currency: 'dollars' }, items: [], sources: {} },
    ];
    for (const order of bad) {
      const { value } = capReading({ platform: 'aliexpress', pageKind: 'order-detail', orders: [order], missing: [] });
      expect(PageReadingSchema.safeParse(value).success).toBe(false);
    }
  });
});

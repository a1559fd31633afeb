// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyAliExpressUrl } from '@/lib/readers/aliexpress';
import { readPage } from '@/lib/readers';
import { fixtureDocument, htmlDocument } from '../../../support/fixtures';

const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const NOW = new Date('2026-11-20T09:00:00Z');
const read = (fixture: string, url: string) => readPage(fixtureDocument(`aliexpress/${fixture}`), url, NOW)!;

describe('AliExpress order detail', () => {
  it('reads every field the page shows from its markup', () => {
    const reading = read('order-detail.html', DETAIL_URL);
    expect(reading).toMatchObject({ platform: 'aliexpress', pageKind: 'order-detail', missing: [] });
    expect(reading.orders).toEqual([
      {
        orderId: '8190123456789012',
        placedAt: '2026-11-03',
        status: 'Awaiting delivery',
        store: { name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1100223344', id: '1100223344' },
        items: [
          {
            title: 'USB-C Fast Charger 65W GaN Wall Adapter',
            sku: 'Color: White, Plug: EU',
            quantity: 2,
            price: { amount: 18.4, currency: 'USD' },
            url: 'https://www.aliexpress.com/item/1005006123456789.html',
          },
        ],
        total: { amount: 36.8, currency: 'USD' },
        countdowns: [{ label: 'Refund if no delivery before', text: 'Refund if no delivery before Dec 28, 2026', endsAt: '2026-12-28' }],
        // The order's dated steps: placed, and the delivery guarantee's day as the promised delivery.
        events: { placed: '2026-11-03', expectedDelivery: '2026-12-28' },
        sources: {
          orderId: 'selector', placedAt: 'selector', status: 'selector', store: 'selector', items: 'selector', total: 'selector', countdowns: 'label',
          'events.placed': 'selector', 'events.expectedDelivery': 'label',
        },
      },
    ]);
  });

  it('still yields id, date, status, store and total when every class name changed', () => {
    const reading = read('order-detail-drifted.html', DETAIL_URL);
    const [order] = reading.orders;
    expect(order).toMatchObject({
      orderId: '8190123456789012',
      placedAt: '2026-11-03',
      status: 'Awaiting delivery',
      store: { name: 'Sunrise Gadgets Store', id: '1100223344' },
      total: { amount: 36.8, currency: 'USD' },
      items: [{ title: 'USB-C Fast Charger 65W GaN Wall Adapter', url: 'https://www.aliexpress.com/item/1005006123456789.html' }],
    });
    expect(order.sources).toMatchObject({ orderId: 'label', placedAt: 'label', status: 'label', total: 'label' });
    expect(reading.missing).toEqual([]);
  });

  it('reads aliexpress.ru in Russian, with the total from the embedded data', () => {
    const reading = read('order-detail-ru.html', 'https://aliexpress.ru/order-list/5012345678901234');
    expect(reading.orders[0]).toEqual({
      orderId: '5012345678901234',
      placedAt: '2026-11-03',
      status: 'Ожидает получения',
      store: { name: 'Магазин Восход', url: 'https://aliexpress.ru/store/912345', id: '912345' },
      items: [
        {
          title: 'Термокружка 450 мл, нержавеющая сталь',
          sku: 'Цвет: чёрный',
          quantity: 2,
          price: { amount: 1234, currency: 'RUB' },
          url: 'https://aliexpress.ru/item/1005006111222333.html',
        },
      ],
      total: { amount: 2468, currency: 'RUB' },
      tracking: [{ number: 'RU123456789CN' }],
      countdowns: [{ label: 'Защита покупателя', text: 'Защита покупателя: осталось 12 дней 5 часов', endsAt: '2026-12-02T14:00:00.000Z' }],
      events: { placed: '2026-11-03' },
      sources: expect.objectContaining({ total: 'embedded-data', orderId: 'selector', placedAt: 'label' }),
    });
  });

  it('takes a deadline shown without a year as the next such day', () => {
    const doc = htmlDocument('<html><body><div>Refund if no delivery before Jan 5</div></body></html>');
    const [order] = readPage(doc, DETAIL_URL, new Date('2026-12-20T09:00:00Z'))!.orders;
    expect(order.countdowns).toEqual([{ label: 'Refund if no delivery before', text: 'Refund if no delivery before Jan 5', endsAt: '2027-01-05' }]);
  });

  it('falls back to the URL for the id and lists what it could not find', () => {
    const reading = readPage(htmlDocument('<html><body><div>Loading…</div></body></html>'), DETAIL_URL, NOW);
    expect(reading?.orders[0]).toMatchObject({ orderId: '8190123456789012', sources: { orderId: 'url' } });
    expect(reading?.missing).toEqual(['placedAt', 'status', 'store', 'items', 'total']);
  });

  it('reports a detail page with no id anywhere as unreadable, not as an order', () => {
    const reading = readPage(htmlDocument('<html><body>Oops</body></html>'), 'https://www.aliexpress.com/p/order/detail.html', NOW);
    expect(reading).toMatchObject({ pageKind: 'order-detail', orders: [] });
    expect(reading?.missing[0]).toBe('orderId');
  });
});

describe('AliExpress order lists', () => {
  it('reads every order card of the 2026 list, totals split over digit spans included', () => {
    const reading = read('order-list.html', LIST_URL);
    expect(reading).toMatchObject({ pageKind: 'order-list', missing: [] });
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.store?.name, o.total?.amount])).toEqual([
      ['8190123456789012', '2026-11-03', 'Awaiting delivery', 'Sunrise Gadgets Store', 36.8],
      ['8190222233334444', '2026-10-28', 'Completed', 'Moonlight Tools', 13.45],
      ['8190555566667777', '2026-09-12', 'Closed', 'Ocean Outfitters', 3.99],
    ]);
    expect(reading.orders[1].items).toEqual([
      { title: 'Stainless Steel Screwdriver Set 24 in 1', sku: 'Size: 24pcs', quantity: 1, price: { amount: 7.15, currency: 'USD' }, url: 'https://www.aliexpress.com/item/1005005000000001.html' },
      { title: 'Magnetic Bit Holder', sku: 'Color: Black', quantity: 3, price: { amount: 2.1, currency: 'USD' }, url: 'https://www.aliexpress.com/item/1005005000000002.html' },
    ]);
    expect(reading.orders[0].store).toEqual({ name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1100223344', id: '1100223344' });
  });

  it('still reads id, date, status, store and total of every card when every class name changed', () => {
    const reading = read('order-list-drifted.html', LIST_URL);
    expect(reading.missing).toEqual([]);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.store?.name, o.total?.amount, o.items.length])).toEqual([
      ['8190123456789012', '2026-11-03', 'Awaiting delivery', 'Sunrise Gadgets Store', 36.8, 1],
      ['8190222233334444', '2026-10-28', 'Completed', 'Moonlight Tools', 13.45, 2],
      ['8190555566667777', '2026-09-12', 'Closed', 'Ocean Outfitters', 3.99, 1],
    ]);
  });

  it('reads the old trade.aliexpress.com list with its buyer-protection countdown', () => {
    const reading = read('order-list-old.html', 'https://trade.aliexpress.com/orderList.htm');
    expect(reading.orders).toHaveLength(1);
    expect(reading.orders[0]).toMatchObject({
      orderId: '8010111122223333',
      placedAt: expect.stringMatching(/^2021-03-05T10:42:00/),
      status: 'Awaiting delivery',
      store: { name: 'Bright Lamps Store', id: '445566' },
      total: { amount: 12.5, currency: 'USD' },
      items: [{ title: 'LED Desk Lamp Dimmable', quantity: 1, price: { amount: 12.5, currency: 'USD' } }],
      countdowns: [{ label: 'Your order will be closed in', endsAt: '2026-12-04T15:00:00.000Z' }],
    });
  });

  it('says "orders" is missing when a list page shows none', () => {
    expect(readPage(htmlDocument('<html><body><h1>Orders</h1></body></html>'), LIST_URL, NOW)).toEqual({
      platform: 'aliexpress',
      pageKind: 'order-list',
      orders: [],
      missing: ['orders'],
    });
  });
});

describe('AliExpress bad input', () => {
  it('keeps hostile page text as plain, bounded text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const doc = htmlDocument(`<html><body>
      <div class="order-status"><div class="order-block-title">\u202E${'A'.repeat(10000)}</div></div>
      <div class="order-detail-item-store"><span class="store-name">${evil.replace(/</g, '&lt;')}</span></div>
      <script>document.title = 'Order ID: 9999999999999999'</script>
    </body></html>`);
    const [order] = readPage(doc, DETAIL_URL, NOW)!.orders;
    expect(order.status).toMatch(/^A+$/);
    expect(order.status!.length).toBeLessThanOrEqual(2000);
    expect(order.store?.name).toBe(evil);
    expect(order.orderId).toBe('8190123456789012');
  });

  it('reads a truncated page as far as it goes, and an empty one without throwing', () => {
    const html = fixtureDocument('aliexpress/order-list.html').documentElement.outerHTML;
    const truncated = readPage(htmlDocument(html.slice(0, Math.floor(html.length / 2))), LIST_URL, NOW)!;
    expect(truncated.orders.length).toBeGreaterThanOrEqual(1);
    expect(truncated.orders[0].orderId).toBe('8190123456789012');
    expect(readPage(htmlDocument(''), DETAIL_URL, NOW)?.orders[0].orderId).toBe('8190123456789012');
    expect(readPage(htmlDocument(''), LIST_URL, NOW)?.orders).toEqual([]);
  });
});

describe('AliExpress URLs', () => {
  it.each([
    ['https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', 'order-detail', '8190123456789012'],
    ['https://www.aliexpress.us/p/order/detail.html?orderId=8190123456789012&spm=a2g0o', 'order-detail', '8190123456789012'],
    ['https://aliexpress.ru/order-list/5012345678901234', 'order-detail', '5012345678901234'],
    ['https://www.aliexpress.com/p/order/index.html', 'order-list', undefined],
    ['https://trade.aliexpress.com/orderList.htm', 'order-list', undefined],
    ['https://www.aliexpress.com/item/1005006123456789.html', 'unknown', undefined],
  ])('%s is %s', (url, kind, orderId) => {
    expect(classifyAliExpressUrl(new URL(url))).toEqual({ kind, ...(orderId && { orderId }) });
  });

  it('has no reader for sites that are not marketplaces', () => {
    expect(readPage(htmlDocument('<p>hi</p>'), 'https://example.com/order/1', NOW)).toBeNull();
    expect(readPage(htmlDocument('<p>hi</p>'), 'not a url', NOW)).toBeNull();
  });
});

describe('AliExpress order detail: the order snapshot (the listing as bought) in the markup', () => {
  const page = (snapshotLinks: string) =>
    htmlDocument(
      readFileSync(resolve('tests/fixtures/aliexpress/order-detail.html'), 'utf8').replace(
        '<div class="item-sku-attr">',
        `${snapshotLinks}<div class="item-sku-attr">`,
      ),
    );

  it("reads the item's snapshot link as its snapshotUrl, beside the product link", () => {
    const reading = readPage(page('<a class="item-snapshot" href="//www.aliexpress.com/snapshot/8190123456789012.html?productId=1005006123456789">Snapshot</a>'), DETAIL_URL, NOW)!;
    expect(reading.orders[0].items).toEqual([
      expect.objectContaining({
        url: 'https://www.aliexpress.com/item/1005006123456789.html',
        snapshotUrl: 'https://www.aliexpress.com/snapshot/8190123456789012.html?productId=1005006123456789',
      }),
    ]);
  });

  it('keeps no snapshot link to another site or a script', () => {
    for (const href of ['https://evil.example/snapshot/1.html', 'javascript:alert(1)//snapshot/1.html']) {
      const [item] = readPage(page(`<a href="${href}">Snapshot</a>`), DETAIL_URL, NOW)!.orders[0].items;
      expect(item.url).toBe('https://www.aliexpress.com/item/1005006123456789.html');
      expect(item.snapshotUrl).toBeUndefined();
    }
  });
});

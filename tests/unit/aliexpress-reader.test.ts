// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { classifyAliExpressUrl } from '@/lib/readers/aliexpress';
import { readPage } from '@/lib/readers';
import { fixtureDocument, htmlDocument } from './fixtures';

const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';

describe('AliExpress order detail', () => {
  it('reads id, store and status from the page markup', () => {
    const reading = readPage(fixtureDocument('aliexpress/order-detail.html'), DETAIL_URL);
    expect(reading).toMatchObject({ platform: 'aliexpress', pageKind: 'order-detail', missing: [] });
    const [order] = reading!.orders;
    expect(order.orderId).toBe('8190123456789012');
    expect(order.status).toBe('Awaiting delivery');
    expect(order.store).toEqual({ name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1100223344', id: '1100223344' });
    expect(order.sources).toEqual({ orderId: 'selector', status: 'selector', store: 'selector' });
  });

  it('still finds the order id by its label and the store by its link when every class name changed', () => {
    const reading = readPage(fixtureDocument('aliexpress/order-detail-drifted.html'), DETAIL_URL);
    const [order] = reading!.orders;
    expect(order.orderId).toBe('8190123456789012');
    expect(order.sources.orderId).toBe('label');
    expect(order.store?.name).toBe('Sunrise Gadgets Store');
    expect(order.store?.id).toBe('1100223344');
  });

  it('falls back to the URL for the id and lists what it could not find', () => {
    const reading = readPage(htmlDocument('<html><body><div>Loading…</div></body></html>'), DETAIL_URL);
    expect(reading?.orders[0]).toMatchObject({ orderId: '8190123456789012', sources: { orderId: 'url' } });
    expect(reading?.missing).toEqual(['status', 'store']);
  });

  it('reads the Russian labels of aliexpress.ru', () => {
    const doc = htmlDocument(`<html><body>
      <div><span>Номер заказа:</span> <span>5012345678901234</span></div>
      <div>Статус: Ожидает доставки</div>
      <div>Продавец: <a href="https://aliexpress.ru/store/912345">Магазин Восход</a></div>
    </body></html>`);
    const reading = readPage(doc, 'https://aliexpress.ru/order-list/5012345678901234');
    expect(reading?.orders[0]).toMatchObject({
      orderId: '5012345678901234',
      status: 'Ожидает доставки',
      store: { name: 'Магазин Восход', id: '912345' },
    });
  });

  it('reports a detail page with no id anywhere as unreadable, not as an order', () => {
    const reading = readPage(htmlDocument('<html><body>Oops</body></html>'), 'https://www.aliexpress.com/p/order/detail.html');
    expect(reading).toMatchObject({ pageKind: 'order-detail', orders: [] });
    expect(reading?.missing[0]).toBe('orderId');
  });

  it('keeps hostile page text as plain, bounded text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const doc = htmlDocument(`<html><body>
      <div class="order-status"><div class="order-block-title">\u202E${'A'.repeat(10000)}</div></div>
      <div class="order-detail-item-store"><span class="store-name">${evil.replace(/</g, '&lt;')}</span></div>
    </body></html>`);
    const [order] = readPage(doc, DETAIL_URL)!.orders;
    expect(order.status).toMatch(/^A+$/);
    expect(order.status!.length).toBeLessThanOrEqual(2000);
    expect(order.store?.name).toBe(evil);
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
    expect(readPage(htmlDocument('<p>hi</p>'), 'https://example.com/order/1')).toBeNull();
    expect(readPage(htmlDocument('<p>hi</p>'), 'not a url')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countdownKind } from '@/lib/deadlines/countdowns';
import { type ApiResponse } from '@/lib/readers/api';
import { readPage } from '@/lib/readers';
import { DISPUTE_TIMER_PHRASES } from '@/lib/readers/aliexpress/wording';
import { FIXTURES_DIR, fixtureDocument, htmlDocument } from '../../../support/fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
const mtop = (api: string, type = 'originaljson') =>
  `https://acs.aliexpress.com/h5/${api}/1.0/?jsv=2.7.2&appKey=24815441&t=1795000000000&sign=0f3c&api=${api}&v=1.0&type=${type}&dataType=json`;
const LIST_API = mtop('mtop.aliexpress.trade.buyer.order.list');
const LIST_JSONP = mtop('mtop.aliexpress.trade.buyer.order.list', 'jsonp') + '&callback=mtopjsonp7';
const DETAIL_API = mtop('mtop.aliexpress.trade.buyer.order.detail');
const REVERSE_API = mtop('mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer');

const body = (file: string) => readFileSync(resolve(FIXTURES_DIR, 'aliexpress/api', file), 'utf8');
const response = (url: string, file: string, at?: number): ApiResponse => ({ url, body: body(file), ...(at !== undefined && { at }) });
/** What the single-page app's HTML is before it renders: an empty mount point. */
const shell = () => htmlDocument('<!doctype html><html><head><title>AliExpress</title></head><body><div id="root"></div></body></html>');
const read = (doc: Document, url: string, responses: ApiResponse[], now = NOW) => readPage(doc, url, now, responses)!;

describe('AliExpress order list from its API', () => {
  it('reads every order of a 2025 capture (components keyed order_<id>), other components ignored', () => {
    const reading = read(shell(), LIST_URL, [response(LIST_API, 'order-list-2025.json')]);
    expect(reading.pageKind).toBe('order-list');
    expect(reading.orders.map((o) => o.orderId)).toEqual(['3012345678901234', '3012345678905678', '3012345678909999']);
    expect(reading.orders[0]).toEqual({
      orderId: '3012345678901234',
      placedAt: '2025-01-24',
      status: 'Completed',
      store: { name: 'Lumen Lighting Store', url: 'https://www.aliexpress.com/store/1102345678', id: '1102345678' },
      items: [
        { title: 'LED Strip Lights 5m RGB, Bluetooth App Control', sku: 'Color: RGB, Length: 5m', quantity: 2, price: { amount: 19.99, currency: 'EUR' }, url: 'https://www.aliexpress.com/item/1005001234567890.html' },
        { title: 'Power Adapter 12V 2A EU Plug', sku: 'Plug: EU', quantity: 1, price: { amount: 8.9, currency: 'EUR' }, url: 'https://www.aliexpress.com/item/1005001234567891.html' },
      ],
      total: { amount: 48.88, currency: 'EUR' },
      events: { placed: '2025-01-24' },
      sources: { orderId: 'api-data', placedAt: 'api-data', 'events.placed': 'api-data', status: 'api-data', store: 'api-data', total: 'api-data', items: 'api-data' },
    });
    // The delivery guarantee the order states is a countdown and the promised delivery day.
    expect(reading.orders[2]).toMatchObject({
      total: { amount: 24.17, currency: 'USD' },
      countdowns: [{ label: 'Refund if no delivery before', endsAt: '2025-03-02' }],
      events: { placed: '2025-01-20', expectedDelivery: '2025-03-02' },
    });
  });

  it('leaves the total of an old expired order that states none missing, never works one out', () => {
    const reading = read(shell(), LIST_URL, [response(LIST_API, 'order-list-2025.json')]);
    const expired = reading.orders[1];
    expect(expired).toMatchObject({ orderId: '3012345678905678', status: 'Expired', items: [{ title: 'Brass Cabinet Knobs, 10 pcs', price: { amount: 6.12, currency: 'EUR' } }] });
    expect(expired.total).toBeUndefined();
    expect(reading.missing).toEqual(['orders[1].total']);
  });

  it('joins the first page and a second page loaded by script (JSONP, 2026 keys, a renamed key), each order once, in page order', () => {
    const pages = [response(LIST_API, 'order-list-2026.json', 1), response(LIST_JSONP, 'order-list-2026-page2.jsonp', 2)];
    const reading = read(shell(), LIST_URL, pages);
    expect(reading.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['8190123456789012', 'Completed'],
      ['8190222233334444', 'Completed'],
      // On both pages: in its first place, with the values of the newer response.
      ['8190555566667777', 'Refunded'],
      // Under the key "om_card_4", its id a JSON number.
      ['8190666677778888', 'Completed'],
      // Its id is a JSON number too long to keep its digits (…236): taken from its detail link instead.
      ['9912345678901235', 'Completed'],
    ]);
    // The same, whichever page was recorded first: pages are ordered by their own page number.
    const reversed = read(shell(), LIST_URL, [response(LIST_JSONP, 'order-list-2026-page2.jsonp', 1), response(LIST_API, 'order-list-2026.json', 2)]);
    expect(reversed.orders.map((o) => o.orderId)).toEqual(['8190123456789012', '8190222233334444', '8190555566667777', '8190666677778888', '9912345678901235']);
    expect(reversed.orders[2].status).toBe('Closed');
  });

  it("takes the API's values over the markup's, and says so in sources", () => {
    const markupOnly = read(fixtureDocument('aliexpress/order-list.html'), LIST_URL, []);
    expect(markupOnly.orders[0]).toMatchObject({ orderId: '8190123456789012', status: 'Awaiting delivery', sources: { status: 'selector' } });
    const reading = read(fixtureDocument('aliexpress/order-list.html'), LIST_URL, [response(LIST_API, 'order-list-2026.json')]);
    expect(reading.orders[0]).toMatchObject({ orderId: '8190123456789012', status: 'Completed', total: { amount: 36.8, currency: 'USD' } });
    expect(reading.orders[0].sources).toMatchObject({ orderId: 'api-data', status: 'api-data', total: 'api-data', items: 'api-data', 'events.placed': 'api-data' });
    expect(reading.orders).toHaveLength(3);
  });

  it('reads dates and money as the site writes them in Spanish, French and Portuguese, the stated currency winning', () => {
    const [es] = read(shell(), LIST_URL, [response(LIST_API, 'order-list-es.json')]).orders;
    expect(es).toMatchObject({ placedAt: '2025-01-24', status: 'Completado', total: { amount: 48.88, currency: 'EUR' } });
    const [fr] = read(shell(), LIST_URL, [response(LIST_API, 'order-list-fr.json')]).orders;
    expect(fr).toMatchObject({ placedAt: '2026-07-15', status: 'Terminée', total: { amount: 12.99, currency: 'EUR' } });
    const pt = read(shell(), LIST_URL, [response(LIST_API, 'order-list-pt.json')]).orders;
    expect(pt.map((o) => [o.placedAt, o.total])).toEqual([
      ['2026-07-15', { amount: 1234.56, currency: 'BRL' }],
      // "$24.17" with currencyCode CAD: Canadian dollars, not a guessed USD.
      ['2026-08-02', { amount: 24.17, currency: 'CAD' }],
    ]);
  });

  it('ignores an error answer and an HTML body; what the page shows is still read', () => {
    // The newest response is an expired-token error: the older good one is read.
    const reading = read(shell(), LIST_URL, [response(LIST_API, 'order-list-2026.json', 1), response(LIST_API, 'order-list-error.json', 2)]);
    expect(reading.orders.map((o) => o.orderId)).toEqual(['8190123456789012', '8190222233334444', '8190555566667777']);
    // Only unusable answers: the markup strategies run as without any.
    const unusable = [response(LIST_API, 'order-list-error.json', 1), response(LIST_API, 'order-list-login.html', 2)];
    const markup = read(fixtureDocument('aliexpress/order-list.html'), LIST_URL, unusable);
    expect(markup.orders.map((o) => [o.orderId, o.status, o.sources.status])).toEqual([
      ['8190123456789012', 'Awaiting delivery', 'selector'],
      ['8190222233334444', 'Completed', 'selector'],
      ['8190555566667777', 'Closed', 'selector'],
    ]);
    expect(read(shell(), LIST_URL, unusable)).toMatchObject({ pageKind: 'order-list', orders: [], missing: ['orders'] });
  });

  it('reads a 50-order page whole', () => {
    const reading = read(shell(), LIST_URL, [response(LIST_API, 'order-list-50.json')]);
    expect(reading.orders).toHaveLength(50);
    expect(new Set(reading.orders.map((o) => o.orderId)).size).toBe(50);
    expect(reading.missing).toEqual([]);
    expect(reading.orders.every((o) => o.items.length >= 1 && o.total?.currency === 'USD')).toBe(true);
  });

  it('reads a recorded list on a page whose path it does not know', () => {
    const reading = read(shell(), 'https://www.aliexpress.com/p/order/index.html?tab=shipped&spm=a2g0o'.replace('index', 'list'), [response(LIST_API, 'order-list-2026.json')]);
    expect(reading).toMatchObject({ pageKind: 'order-list', orders: [{ orderId: '8190123456789012' }, {}, {}] });
  });
});

describe('AliExpress order detail from its API', () => {
  it("reads every dated step, the store, items with their snapshot and the total, over the markup's older values", () => {
    // The markup fixture (an older render) says "Awaiting delivery"; the API says Completed.
    const reading = read(fixtureDocument('aliexpress/order-detail.html'), DETAIL_URL, [response(DETAIL_API, 'order-detail.json')]);
    expect(reading).toMatchObject({ pageKind: 'order-detail', missing: [] });
    const [order] = reading.orders;
    expect(order).toMatchObject({
      orderId: '8190123456789012',
      placedAt: '2026-11-03',
      status: 'Completed',
      store: { name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1100223344', id: '1100223344' },
      items: [
        {
          title: 'USB-C Fast Charger 65W GaN Wall Adapter',
          sku: 'Color: White, Plug: EU',
          quantity: 2,
          price: { amount: 18.4, currency: 'USD' },
          url: 'https://www.aliexpress.com/item/1005006123456789.html',
          snapshotUrl: 'https://www.aliexpress.com/snapshot/0.html?orderId=8190123456789012&productId=1005006123456789',
        },
      ],
      total: { amount: 36.8, currency: 'USD' },
      countdowns: [{ label: 'Refund if no delivery before', text: 'Refund if no delivery before Dec 28, 2026', endsAt: '2026-12-28' }],
    });
    // Days stay days: never midnight UTC.
    expect(order.events).toEqual({
      placed: '2026-11-03',
      paid: '2026-11-03',
      shipped: '2026-11-05',
      delivered: '2026-11-15',
      receiptConfirmed: '2026-11-17',
      completed: '2026-11-18',
      // The delivery guarantee's day wins over the item's estimate ("Nov 20 - Dec 2").
      expectedDelivery: '2026-12-28',
    });
    for (const field of ['orderId', 'status', 'store', 'items', 'total', 'countdowns', 'events.placed', 'events.paid', 'events.shipped', 'events.delivered', 'events.receiptConfirmed', 'events.completed', 'events.expectedDelivery']) {
      expect(order.sources[field], field).toBe('api-data');
    }
  });

  it("uses only the response about the page's own order", () => {
    // The page had loaded another order's detail more recently: it is not this page's.
    const reading = read(shell(), DETAIL_URL, [response(DETAIL_API, 'order-detail.json', 1), response(DETAIL_API, 'order-detail-other.json', 2)]);
    expect(reading.orders[0]).toMatchObject({ orderId: '8190123456789012', status: 'Completed', store: { name: 'Sunrise Gadgets Store' } });
    const onlyOther = read(shell(), DETAIL_URL, [response(DETAIL_API, 'order-detail-other.json')]);
    expect(onlyOther.orders).toEqual([{ orderId: '8190123456789012', items: [], sources: { orderId: 'url' } }]);
    expect(onlyOther.missing).toEqual(['placedAt', 'status', 'store', 'items', 'total']);
  });

  it('knows the order of a detail answer without an id from what the request asked for', () => {
    const withoutId = body('order-detail.json').replaceAll('"tradeOrderId": "8190123456789012",', '');
    const asked = (id: string) => `${DETAIL_API}&data=${encodeURIComponent(JSON.stringify({ tradeOrderId: id }))}`;
    expect(read(shell(), DETAIL_URL, [{ url: asked('8190123456789012'), body: withoutId }]).orders[0]).toMatchObject({ status: 'Completed', sources: { status: 'api-data' } });
    expect(read(shell(), DETAIL_URL, [{ url: asked('8190999988887777'), body: withoutId }]).orders[0].status).toBeUndefined();
  });

  it('reads a German detail loaded by script (JSONP), a payment time kept with its offset', () => {
    const [order] = read(shell(), 'https://www.aliexpress.com/p/order/detail.html?orderId=3078901234567890', [response(DETAIL_API, 'order-detail-de.jsonp')]).orders;
    expect(order).toMatchObject({ orderId: '3078901234567890', status: 'Abgeschlossen', total: { amount: 48.88, currency: 'EUR' }, store: { name: 'Nordlicht Store', id: '1106667778' } });
    expect(order.events).toMatchObject({ placed: '2026-07-15', shipped: '2026-07-17', completed: '2026-08-02', expectedDelivery: '2026-07-28' });
    expect(order.events?.paid).toMatch(/^2026-07-15T10:22:00(?:Z|[+-]\d{2}:\d{2})$/);
  });

  it('reads a Russian detail: dates, a total given as a number with its currency, the guarantee and buyer protection', () => {
    const [order] = read(shell(), 'https://www.aliexpress.com/p/order/detail.html?orderId=3089012345678901', [response(DETAIL_API, 'order-detail-ru.json')]).orders;
    expect(order).toMatchObject({ status: 'Ожидает получения', total: { amount: 1234.56, currency: 'RUB' }, items: [{ price: { amount: 617.28, currency: 'RUB' } }] });
    expect(order.events).toEqual({ placed: '2026-07-15', paid: '2026-07-15', shipped: '2026-07-18', expectedDelivery: '2026-09-04' });
    expect(order.countdowns).toEqual([
      { label: 'Защита покупателя', text: 'Защита покупателя: осталось 12 дней 5 часов', endsAt: '2026-12-02T14:00:00.000Z' },
      { label: 'Возврат средств, если заказ не доставлен до', text: 'Возврат средств, если заказ не доставлен до 4 сентября 2026', endsAt: '2026-09-04' },
    ]);
  });

  it('reads a recorded detail on a page whose path it does not know', () => {
    const reading = read(shell(), 'https://www.aliexpress.com/p/order/detail-new.html', [response(DETAIL_API, 'order-detail.json')]);
    expect(reading).toMatchObject({ pageKind: 'order-detail', orders: [{ orderId: '8190123456789012', status: 'Completed' }] });
  });
});

describe('AliExpress returns and disputes', () => {
  it('reads the returns list on any page of the site: one order per dispute, with its dates and timers', () => {
    const reading = read(shell(), 'https://www.aliexpress.com/p/reverse-pages/list.html', [response(REVERSE_API, 'reverse-list.json')]);
    expect(reading.pageKind).toBe('dispute-list');
    expect(reading.missing).toEqual([]);
    expect(reading.orders).toEqual([
      {
        orderId: '8190123456789012',
        items: [{ title: 'USB-C Fast Charger 65W GaN Wall Adapter' }],
        store: { name: 'Sunrise Gadgets Store' },
        dispute: {
          id: '70012345678',
          type: 'Return & refund',
          status: 'Awaiting seller response',
          openedAt: '2026-11-21',
          amount: { amount: 18.4, currency: 'USD' },
          url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=70012345678',
        },
        events: { disputeOpened: '2026-11-21' },
        countdowns: [{ label: 'Seller must respond within', text: 'Seller must respond within 4 days 23 hours', endsAt: '2026-11-25T08:00:00.000Z' }],
        sources: expect.objectContaining({ orderId: 'api-data', 'dispute.id': 'api-data', 'dispute.status': 'api-data', 'events.disputeOpened': 'api-data', countdowns: 'api-data' }),
      },
      expect.objectContaining({
        orderId: '8190222233334444',
        dispute: {
          id: '70012345679',
          type: 'Refund only',
          status: 'Refund completed',
          openedAt: '2026-10-30',
          amount: { amount: 13.45, currency: 'USD' },
          url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=70012345679',
        },
        events: { disputeOpened: '2026-10-30' },
      }),
    ]);
    expect(countdownKind('aliexpress', reading.orders[0].countdowns![0].label)).toBe('seller-response');
  });

  it('finds the entries by the fields they must have, whatever the shape around them', () => {
    // Plain data, other key names, the order id on the object around its refunds, times as epoch milliseconds.
    const reading = read(shell(), 'https://www.aliexpress.com/p/reverse-pages/index.html', [response(REVERSE_API, 'reverse-list-flat.json')]);
    expect(reading.pageKind).toBe('dispute-list');
    expect(reading.orders.map((o) => [o.orderId, o.dispute?.id, o.dispute?.type, o.dispute?.status, o.dispute?.amount])).toEqual([
      ['8190555566667777', 'DSP-8812', 'NOT_RECEIVED', 'Closed', { amount: 3.99, currency: 'USD' }],
      ['8190666677778888', 'DSP-9001', 'RETURN', 'Return the item', undefined],
    ]);
    expect(Date.parse(reading.orders[0].events!.disputeOpened!)).toBe(Date.parse('2026-11-01T09:00:00Z'));
    expect(reading.orders[1].countdowns).toEqual([{ label: 'Return must be shipped by', text: 'Return must be shipped by', endsAt: '2026-12-05T09:00:00.000Z' }]);
    expect(countdownKind('aliexpress', 'Return must be shipped by')).toBe('return-window');
    expect(reading.missing).toEqual([]);
  });

  it('on the order list, the list that loaded last decides (the page switches to its returns tab without a reload)', () => {
    const returnsLast = read(shell(), LIST_URL, [response(LIST_API, 'order-list-2026.json', 1), response(REVERSE_API, 'reverse-list.json', 2)]);
    expect(returnsLast).toMatchObject({ pageKind: 'dispute-list', orders: [{ orderId: '8190123456789012' }, { orderId: '8190222233334444' }] });
    const ordersLast = read(shell(), LIST_URL, [response(REVERSE_API, 'reverse-list.json', 1), response(LIST_API, 'order-list-2026.json', 2)]);
    expect(ordersLast.pageKind).toBe('order-list');
    expect(ordersLast.orders).toHaveLength(3);
  });

  it("names the dispute on its order's detail page when the returns list was loaded", () => {
    const [order] = read(shell(), DETAIL_URL, [response(DETAIL_API, 'order-detail.json', 1), response(REVERSE_API, 'reverse-list.json', 2)]).orders;
    expect(order).toMatchObject({ orderId: '8190123456789012', status: 'Completed', dispute: { id: '70012345678', status: 'Awaiting seller response' } });
    expect(order.events).toMatchObject({ placed: '2026-11-03', disputeOpened: '2026-11-21' });
  });

  it("reads a dispute's page by its labels: the order, the dispute and both timers", () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const url = 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=70012345678';
    const reading = read(fixtureDocument('aliexpress/dispute-detail.html'), url, [], now);
    expect(reading).toMatchObject({ platform: 'aliexpress', pageKind: 'dispute-detail', missing: [] });
    const [order] = reading.orders;
    expect(order).toMatchObject({
      orderId: '8190123456789012',
      dispute: { id: '70012345678', status: 'Awaiting seller response', type: 'Return & refund', amount: { amount: 18.4, currency: 'USD' } },
      store: { name: 'Sunrise Gadgets Store', id: '1100223344' },
      items: [{ title: 'USB-C Fast Charger 65W GaN Wall Adapter' }],
    });
    expect(order.dispute?.openedAt).toMatch(/^2026-11-21T10:15:00(?:Z|[+-]\d{2}:\d{2})$/);
    expect(order.events?.disputeOpened).toBe(order.dispute?.openedAt);
    expect(order.countdowns).toEqual([
      { label: 'The seller needs to respond within', text: 'The seller needs to respond within 4 days 23 hours', endsAt: '2026-11-26T11:00:00.000Z' },
      { label: 'Return must be shipped by', text: 'Return must be shipped by Dec 10, 2026', endsAt: '2026-12-10' },
    ]);
    expect(order.countdowns!.map((c) => countdownKind('aliexpress', c.label))).toEqual(['seller-response', 'return-window']);
    expect(order.sources).toMatchObject({ orderId: 'label', 'dispute.id': 'label', 'dispute.status': 'label', 'events.disputeOpened': 'label', countdowns: 'label' });
  });

  it('reads the Russian refund page, its labels and values in separate elements', () => {
    const url = 'https://m.aliexpress.com/p/refund-amount/detail.html?reverseOrderId=5012345678902';
    const [order] = read(fixtureDocument('aliexpress/dispute-detail-ru.html'), url, [], new Date('2026-11-21T12:00:00Z')).orders;
    expect(order).toMatchObject({
      orderId: '8190222233334444',
      dispute: { id: '70012345679', status: 'Ожидает ответа продавца', type: 'Только возврат средств', amount: { amount: 1234.56, currency: 'RUB' } },
      countdowns: [
        { label: 'Продавец должен ответить до', endsAt: '2026-11-25' },
        { label: 'Отправьте возврат до', endsAt: '2026-12-10' },
      ],
    });
    expect(order.countdowns!.map((c) => countdownKind('aliexpress', c.label))).toEqual(['seller-response', 'return-window']);
  });

  it('reads a Chinese dispute page, and takes the returns list entry first when it was recorded', () => {
    const doc = htmlDocument(`<html><body>
      <div>纠纷状态：等待卖家处理</div><div>卖家处理剩余时间：4天23小时</div>
      <div>纠纷编号：70012345678</div><div>订单号：8190123456789012</div><div>退款金额：US $18.40</div></body></html>`);
    const url = 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=70012345678';
    const now = new Date('2026-11-21T12:00:00Z');
    const [fromPage] = read(doc, url, [], now).orders;
    expect(fromPage).toMatchObject({ orderId: '8190123456789012', dispute: { id: '70012345678', status: '等待卖家处理' }, countdowns: [{ label: '卖家处理剩余时间', endsAt: '2026-11-26T11:00:00.000Z' }] });
    expect(countdownKind('aliexpress', fromPage.countdowns![0].label)).toBe('seller-response');
    const [withApi] = read(doc, url, [response(REVERSE_API, 'reverse-list.json')], now).orders;
    expect(withApi).toMatchObject({ dispute: { status: 'Awaiting seller response', openedAt: '2026-11-21' }, sources: { 'dispute.status': 'api-data', 'dispute.openedAt': 'api-data' } });
  });

  it('has every dispute timer phrase name a kind the deadline engine knows', () => {
    for (const phrase of DISPUTE_TIMER_PHRASES) expect([phrase, countdownKind('aliexpress', phrase)]).toEqual([phrase, expect.stringMatching(/^(?:seller-response|return-window)$/)]);
  });
});

describe('AliExpress list markup changed beyond the selectors', () => {
  it('finds each card by its detail link or its number, and its date, status and total by their text', () => {
    const reading = read(fixtureDocument('aliexpress/order-list-drifted-hard.html'), LIST_URL, []);
    expect(reading.missing).toEqual([]);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.store?.name, o.total, o.items.map((i) => i.title)])).toEqual([
      ['8190123456789012', '2026-11-03', 'Awaiting delivery', 'Sunrise Gadgets Store', { amount: 36.8, currency: 'USD' }, ['USB-C Fast Charger 65W GaN Wall Adapter']],
      ['8190222233334444', '2026-10-28', 'Completed', 'Moonlight Tools', { amount: 13.45, currency: 'USD' }, ['Stainless Steel Screwdriver Set 24 in 1', 'Magnetic Bit Holder']],
      ['8190555566667777', '2026-09-12', 'Closed', 'Ocean Outfitters', { amount: 3.99, currency: 'USD' }, ['Waterproof Phone Pouch IPX8']],
    ]);
    expect(reading.orders.map((o) => o.sources.orderId)).toEqual(['label', 'label', 'url']);
    expect(reading.orders.every((o) => o.events?.placed === o.placedAt)).toBe(true);
  });
  it('reads such cards in Russian and Chinese by their labels', () => {
    const card = (lines: string[]) => `<section>${lines.map((l) => `<div><span>${l}</span></div>`).join('')}<a href="//www.aliexpress.com/store/912345">Store</a></section>`;
    const doc = htmlDocument(`<html><body><main>
      ${card(['Ожидает получения', 'Дата заказа: 3 ноября 2026', 'Номер заказа: 8190123456789012', 'Итого: 2 468,00 руб.'])}
      ${card(['等待收货', '下单时间：2026-10-28', '订单号：8190222233334444', '总计：US $13.45'])}
    </main></body></html>`);
    const reading = read(doc, LIST_URL, []);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.total])).toEqual([
      ['8190123456789012', '2026-11-03', 'Ожидает получения', { amount: 2468, currency: 'RUB' }],
      ['8190222233334444', '2026-10-28', '等待收货', { amount: 13.45, currency: 'USD' }],
    ]);
  });
});

describe('AliExpress API bad input', () => {
  const listWith = (orders: Record<string, unknown>[]) =>
    JSON.stringify({
      api: 'mtop.aliexpress.trade.buyer.order.list',
      ret: ['SUCCESS::调用成功'],
      data: { data: Object.fromEntries(orders.map((fields, i) => [`k${i}`, { type: 'pc_om_list_order', fields }])) },
    });

  it('keeps hostile text as plain, bounded text and drops links off AliExpress', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const reading = read(shell(), LIST_URL, [
      {
        url: LIST_API,
        body: listWith([
          {
            orderId: '8190123456789012',
            statusText: `\u202E${'A'.repeat(10_000)}`,
            storeName: evil,
            storePageUrl: 'javascript:alert(1)',
            orderLines: [{ itemTitle: evil, itemDetailUrl: 'https://evil.example/item/1.html', snapshotUrl: '//evil.example/snap', quantity: 'x2' }],
          },
          { orderId: '8190-DROP TABLE', statusText: 'not an order' },
          { orderId: { $gt: '' }, statusText: 'not an order either' },
        ]),
      },
    ]);
    expect(reading.orders).toHaveLength(1);
    const [order] = reading.orders;
    expect(order.status).toMatch(/^A{2000}$/);
    expect(order.store).toEqual({ name: evil });
    expect(order.items).toEqual([{ title: evil, quantity: 2 }]);
  });

  it('stays within the bounds of a reading when a response holds thousands of orders', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ orderId: String(8190000000000000 + i), statusText: 'Completed', orderLines: Array.from({ length: 3 }, () => ({ itemTitle: 'x' })) }));
    const reading = read(shell(), LIST_URL, [{ url: LIST_API, body: listWith(many) }]);
    expect(reading.pageKind).toBe('order-list');
    expect(reading.orders).toHaveLength(500);
  });

  it('never throws on bodies of the wrong shape, reads none of them, and still reads the good response beside them', () => {
    // 5,000 levels deep, an entry at the bottom (written as text: JSON.stringify itself would overflow).
    const deep = `${'{"a":'.repeat(5000)}{"orderId":"8190123456789012","issueId":"1","status":"X"}${'}'.repeat(5000)}`;
    const bodies = [
      '{"ret":["SUCCESS::ok"],"data":null}',
      '{"ret":["SUCCESS::ok"],"data":"pc_om_list_order"}',
      '{"ret":"SUCCESS","data":{"data":{"x":{"type":"pc_om_list_order","fields":[1,2]}}}}',
      '{"ret":["SUCCESS::ok"],"data":{"data":{"x":{"type":"pc_om_list_order","fields":{"orderId":null,"orderLines":"many"}}}}}',
      '[1,2,3]',
      `{"ret":["SUCCESS::ok"],"data":${deep}}`,
      'mtopjsonp1(',
    ];
    const good = response(LIST_API, 'order-list-2026.json', 1);
    const goodIds = ['8190123456789012', '8190222233334444', '8190555566667777'];
    for (const url of [LIST_API, DETAIL_API, REVERSE_API]) {
      for (const text of bodies) {
        const responses = [good, { url, body: text, at: 2 }];
        const what = `${url.slice(30, 70)} ${text.slice(0, 40)}`;
        expect(read(shell(), LIST_URL, responses).orders.map((o) => o.orderId), what).toEqual(goodIds);
        expect(read(shell(), 'https://www.aliexpress.com/p/other.html', responses).orders.map((o) => o.orderId), what).toEqual(goodIds);
        expect(read(shell(), DETAIL_URL, responses).orders, what).toEqual([{ orderId: '8190123456789012', items: [], sources: { orderId: 'url' } }]);
        expect(read(shell(), 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=1', responses), what).toMatchObject({ pageKind: 'dispute-detail', orders: [] });
      }
    }
  });
});

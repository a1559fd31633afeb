// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countdownKind } from '@/lib/deadlines';
import { PageReadingSchema, type OrderFacts, type PageReading } from '@/lib/common/model';
import { readPage } from '@/lib/readers';
import type { ApiResponse } from '@/lib/readers/api';
import { classifyYandexMarketUrl } from '@/lib/readers/yandex-market';
import { eventDate } from '@/lib/readers/yandex-market/events';
import { fixtureDocument, htmlDocument } from '../../../support/fixtures';

const DEC_1 = new Date('2026-12-01T09:00:00Z'); // 12:00 in Moscow
const NOV_20 = new Date('2026-11-20T09:00:00Z');
const LIST_URL = 'https://market.yandex.ru/my/orders';
const RETURNS_URL = 'https://market.yandex.ru/my/returns';
const resolver = (path: string) => `https://market.yandex.ru/api/resolve/?r=src/resolvers/${path}`;
const CONSOLIDATION = resolver('orders/resolveConsolidationOrders:resolveConsolidationOrders');
const RETURNS = resolver('returns/resolveReturns:resolveReturns');
const api = (name: string) => readFileSync(resolve('tests/fixtures/yandex-market/api', name), 'utf8');

function read(doc: Document, href: string, now: Date, responses: ApiResponse[] = []): PageReading {
  const reading = readPage(doc, href, now, responses);
  expect(reading).not.toBeNull();
  expect(PageReadingSchema.safeParse(reading).success).toBe(true);
  return reading!;
}
const byId = (reading: PageReading) => new Map(reading.orders.map((o) => [o.orderId, o]));
const empty = () => htmlDocument('<html><body><main><h1>Мои заказы</h1></main></body></html>');

describe('Yandex Market: every dated event the page states', () => {
  it('reads "Доставлен 5 ноября" on 1 December 2026 as 2026-11-05 (a day, Moscow), with the other steps and their sources', () => {
    const reading = read(fixtureDocument('yandex-market/order-detail-events.html'), 'https://market.yandex.ru/my/order/530112233', DEC_1);
    const [order] = reading.orders;
    // The first statement of each step: the header's "Доставлен 5 ноября" (a day), not the history's time.
    expect(order.events).toEqual({
      placed: '2026-11-03T09:12:00+03:00',
      shipped: '2026-11-04',
      delivered: '2026-11-05',
      refundRequested: '2026-11-10',
    });
    expect(order.placedAt).toBe(order.events?.placed);
    expect(order.sources).toMatchObject({ 'events.placed': 'label', 'events.shipped': 'label', 'events.delivered': 'label', 'events.refundRequested': 'label' });
    // A product carousel's "Доставим сегодня" is not this order's expected delivery.
    expect(order.events?.expectedDelivery).toBeUndefined();
    // The return window as a countdown the engine knows.
    expect(order.countdowns).toEqual([{ label: 'Можно вернуть до', text: 'Можно вернуть до 12 декабря', endsAt: '2026-12-12T20:59:59.000Z' }]);
    expect(countdownKind('yandex-market', order.countdowns![0].label)).toBe('return-window');
  });

  it('reads a list whose markup changed: "Получен 3 ноября 2025", an interval, a cancellation, a card with only its number', () => {
    const reading = read(fixtureDocument('yandex-market/orders-list-events.html'), LIST_URL, DEC_1);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.total?.amount, o.events])).toEqual([
      ['530112233', '2026-11-03', 'Доставлен', 2490, { placed: '2026-11-03', delivered: '2026-11-05' }],
      ['498000111', '2025-10-28', 'Получен', 1100, { placed: '2025-10-28', delivered: '2025-11-03' }],
      // "Доставим 12–14 декабря": the interval's earlier end.
      ['530200300', '2026-11-20', 'Передан в доставку', 799, { placed: '2026-11-20', shipped: '2026-11-22', expectedDelivery: '2026-12-12' }],
      // "Отменён 26 ноября" is the status; the engine counts nothing from it.
      ['530300400', '2026-11-25', 'Отменён', 350, { placed: '2026-11-25' }],
    ]);
    // The card without a link to its order is found around "Заказ № 530300400"; its date after "от".
    expect(reading.orders[3].sources).toMatchObject({ orderId: 'label', placedAt: 'label', total: 'label' });
    // A card that names no seller: reported, not guessed.
    expect(reading.missing).toEqual(['orders[0].store']);
  });

  it('works the year out from the reading time', () => {
    expect(eventDate('Доставлен 5 ноября', DEC_1)).toBe('2026-11-05');
    expect(eventDate('Доставлен 5 декабря', DEC_1)).toBe('2025-12-05');
    expect(eventDate('Ожидается 5 января', DEC_1, true)).toBe('2027-01-05');
    expect(eventDate('Доставим 30 ноября – 2 декабря', NOV_20, true)).toBe('2026-11-30');
    expect(eventDate('Доставим сегодня', DEC_1, true)).toBeUndefined();
  });
});

describe("Yandex Market: the page's resolver answers (structure unverified: DisputeKit's model)", () => {
  it('reads an order list from a resolveConsolidationOrders answer (collections keyed by id), every field api-data', () => {
    const reading = read(empty(), LIST_URL, DEC_1, [{ url: CONSOLIDATION, body: api('resolveConsolidationOrders.json') }]);
    expect(reading.missing).toEqual([]);
    expect(reading.orders[0]).toEqual({
      orderId: '530112233',
      placedAt: '2026-11-03T09:12:00+03:00',
      status: 'Доставлен',
      store: { name: 'ООО «Тёплый дом»', url: 'https://market.yandex.ru/business--teplyi-dom/771100', id: '771100' },
      items: [
        {
          title: 'Чайник электрический «Заря» 1,7 л',
          quantity: 1,
          price: { amount: 2490, currency: 'RUB' },
          url: 'https://market.yandex.ru/product--chainik-elektricheskii-zarya/1790011122',
        },
      ],
      total: { amount: 2290, currency: 'RUB' },
      tracking: [{ number: 'YMD5301122330', carrier: 'Яндекс Доставка' }],
      // The delivery's real date; no expected delivery once it is delivered.
      events: { placed: '2026-11-03T09:12:00+03:00', delivered: '2026-11-05' },
      sources: {
        orderId: 'api-data',
        placedAt: 'api-data',
        status: 'api-data',
        store: 'api-data',
        items: 'api-data',
        total: 'api-data',
        tracking: 'api-data',
        'events.delivered': 'api-data',
        'events.placed': 'api-data',
      },
    });
    // An interval of delivery dates: its first day.
    expect(reading.orders[1]).toMatchObject({ orderId: '530200300', placedAt: '2026-11-20T10:00:00+03:00', events: { expectedDelivery: '2026-12-12' } });
  });

  it('reads bare order records by the fields an order must carry, wherever they sit', () => {
    const reading = read(empty(), LIST_URL, DEC_1, [{ url: resolver('orders/resolveOrders:resolveOrders'), body: api('resolveOrders-bare.json') }]);
    const orders = byId(reading);
    expect(orders.get('498000111')).toMatchObject({
      placedAt: '2025-10-28T19:05:00+03:00',
      status: 'Получен',
      store: { name: 'ИП Лесная' },
      items: [{ title: 'Коврик для йоги 6 мм', quantity: 1, price: { amount: 1100, currency: 'RUB' } }],
      total: { amount: 1100, currency: 'RUB' },
      events: { placed: '2025-10-28T19:05:00+03:00', delivered: '2025-11-03' },
    });
    expect(orders.get('530300400')).toMatchObject({ status: 'Отменён', total: { amount: 350, currency: 'RUB' }, events: { placed: '2026-11-25T08:00:00+03:00' } });
    expect([...orders.values()].every((o) => o.sources.orderId === 'api-data')).toBe(true);
  });

  it('trusts the answer over the embedded state and the markup when they say something else', () => {
    const answer = JSON.stringify({
      results: [{ data: { collections: { order: { 512034876: { id: 512034876, status: 'DELIVERED', statusText: 'Получен', buyerTotal: { value: 5268, currency: 'RUR' }, delivery: { dates: { realDeliveryDate: '06-11-2026' } } } } } } }],
    });
    const [order] = read(fixtureDocument('yandex-market/order-detail.html'), 'https://market.yandex.ru/my/order/512034876', NOV_20, [{ url: CONSOLIDATION, body: answer }]).orders;
    expect(order).toMatchObject({
      status: 'Получен',
      total: { amount: 5268, currency: 'RUB' },
      events: { delivered: '2026-11-06' },
      sources: { orderId: 'api-data', status: 'api-data', total: 'api-data', 'events.delivered': 'api-data' },
    });
    // What the answer does not say still comes from the state (then the markup).
    expect(order).toMatchObject({ placedAt: '2026-11-03T14:42:00+03:00', sources: { placedAt: 'embedded-data', store: 'embedded-data', items: 'embedded-data' } });
  });

  it('ignores answers that hold nothing: an error, HTML, a truncated body, another host', () => {
    const good = api('resolveConsolidationOrders.json');
    const reading = read(empty(), LIST_URL, DEC_1, [
      { url: CONSOLIDATION, body: api('resolve-error.json') },
      { url: CONSOLIDATION, body: '<!DOCTYPE html><title>Войдите</title>' },
      { url: CONSOLIDATION, body: good.slice(0, 500) },
      { url: CONSOLIDATION.replace('market.yandex.ru', 'market.yandex.ru.example.com'), body: good },
      { url: 'https://market.yandex.ru/api/resolve/?r=src/resolvers/search/resolveSearch:resolveSearch', body: good },
    ]);
    expect(reading).toEqual({ platform: 'yandex-market', pageKind: 'order-list', orders: [], missing: ['orders'] });
  });

  it('keeps hostile answers bounded and inert', () => {
    const hostile = JSON.stringify({
      results: [
        { data: { orders: [{ id: 512034876, status: 'DELIVERED', statusText: `\u202E${'Я'.repeat(10_000)}`, creationDate: 'not a date', buyerTotal: { value: 'NaN' }, items: [{ title: '<script>alert(1)</script>' }], __proto__: { polluted: true } }] } },
        { data: { returns: [{ id: 1, orderId: 'x', refundStatus: 'REFUNDED' }, { id: 2, orderId: 512034876, refundStatus: 5 }] } },
      ],
    });
    const [order] = read(empty(), LIST_URL, DEC_1, [{ url: CONSOLIDATION, body: hostile }]).orders;
    expect(order.status).toMatch(/^Я{2000}$/);
    expect(order.placedAt).toBeUndefined();
    expect(order.total).toBeUndefined();
    expect(order.items).toEqual([{ title: '<script>alert(1)</script>' }]);
    expect(order.dispute).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Yandex Market return requests', () => {
  const expectedReturn = (order: OrderFacts | undefined) =>
    expect(order).toMatchObject({
      orderId: '530112233',
      dispute: { id: '7001001', status: 'Ждёт решения продавца', amount: { amount: 2490, currency: 'RUB' } },
      countdowns: [{ endsAt: '2026-11-14T20:59:59.000Z' }],
    });

  it('reads a returns answer on the returns page: one order per order concerned, its dispute, the request date, the seller\'s timer', () => {
    const reading = read(htmlDocument('<main><h1>Возвраты</h1></main>'), RETURNS_URL, DEC_1, [{ url: RETURNS, body: api('resolveReturns.json') }]);
    expect(reading).toMatchObject({ platform: 'yandex-market', pageKind: 'dispute-list', missing: [] });
    expect(reading.orders[0]).toEqual({
      orderId: '530112233',
      items: [],
      countdowns: [{ label: 'Продавец примет решение до', text: 'Продавец примет решение до 14.11.2026', endsAt: '2026-11-14T20:59:59.000Z' }],
      events: { refundRequested: '2026-11-10T12:30:00+03:00' },
      dispute: { id: '7001001', type: 'Возврат', status: 'Ждёт решения продавца', openedAt: '2026-11-10T12:30:00+03:00', amount: { amount: 2490, currency: 'RUB' } },
      sources: { orderId: 'api-data', dispute: 'api-data', countdowns: 'api-data', 'events.refundRequested': 'api-data' },
    });
    expect(reading.orders[1]).toMatchObject({ orderId: '498000111', dispute: { id: '7001002', status: 'Деньги вернули' }, events: { refundRequested: '2025-11-05T10:00:00+03:00' } });
    // YM-03: the seller's decision, a timer the engine knows.
    expect(countdownKind('yandex-market', reading.orders[0].countdowns![0].label)).toBe('seller-response');
  });

  it('reads a returns answer on a page whose path is not known, as return requests', () => {
    const reading = read(htmlDocument('<main></main>'), 'https://market.yandex.ru/my/returns-new/create', DEC_1, [{ url: RETURNS, body: api('resolveReturns.json') }]);
    expect(reading.pageKind).toBe('dispute-list');
    expect(reading.orders.map((o) => o.orderId)).toEqual(['530112233', '498000111']);
  });

  it('reads the returns list from what it shows when no answer was recorded', () => {
    const reading = read(fixtureDocument('yandex-market/returns-list.html'), RETURNS_URL, DEC_1);
    expect(reading.missing).toEqual([]);
    expectedReturn(reading.orders[0]);
    expect(reading.orders[0]).toMatchObject({
      dispute: { openedAt: '2026-11-10' },
      events: { refundRequested: '2026-11-10' },
      countdowns: [{ label: 'Продавец рассмотрит заявку до', text: 'Продавец рассмотрит заявку до 14 ноября' }],
      sources: { orderId: 'label', dispute: 'label', countdowns: 'label', 'events.refundRequested': 'label' },
    });
    expect(reading.orders[1]).toMatchObject({ orderId: '498000111', dispute: { id: '7001002', status: 'Деньги вернули', openedAt: '2025-11-05', amount: { amount: 1100 } } });
    expect(countdownKind('yandex-market', reading.orders[0].countdowns![0].label)).toBe('seller-response');
  });

  it('reads a return\'s own page: the order, the dispute, the request\'s time and the seller\'s timer', () => {
    const reading = read(fixtureDocument('yandex-market/return-detail.html'), 'https://market.yandex.ru/my/returns/7001001', DEC_1);
    expect(reading).toMatchObject({ pageKind: 'dispute-detail', missing: [] });
    expectedReturn(reading.orders[0]);
    expect(reading.orders[0]).toMatchObject({
      dispute: { type: 'Возврат товара', openedAt: '2026-11-10T12:30:00+03:00' },
      events: { refundRequested: '2026-11-10T12:30:00+03:00' },
      countdowns: [{ label: 'Продавец примет решение до' }],
    });
    // With the answer recorded, the answer wins field by field.
    const answered = read(fixtureDocument('yandex-market/return-detail.html'), 'https://market.yandex.ru/my/returns/7001001', DEC_1, [{ url: RETURNS, body: api('resolveReturns.json') }]);
    expect(answered.orders).toHaveLength(1);
    expect(answered.orders[0]).toMatchObject({ dispute: { type: 'Возврат' }, sources: { orderId: 'api-data', dispute: 'api-data' } });
  });

  it('gives an order page the return its data holds for that order', () => {
    const [order] = read(fixtureDocument('yandex-market/order-detail-events.html'), 'https://market.yandex.ru/my/order/530112233', DEC_1, [{ url: RETURNS, body: api('resolveReturns.json') }]).orders;
    expect(order).toMatchObject({ dispute: { id: '7001001', status: 'Ждёт решения продавца' }, sources: { dispute: 'api-data' } });
    // The page's own words said "Возврат оформлен 10 ноября" first; the answer's date is not needed.
    expect(order.events?.refundRequested).toBe('2026-11-10');
  });

  it.each([
    [RETURNS_URL, 'dispute-list', {}],
    ['https://market.yandex.ru/my/returns/', 'dispute-list', {}],
    ['https://market.yandex.ru/my/returns/7001001', 'dispute-detail', { returnId: '7001001' }],
    ['https://market.yandex.ru/my/return/7001001?orderId=530112233', 'dispute-detail', { returnId: '7001001', orderId: '530112233' }],
    ['https://market.yandex.ru/my/returns/abc', 'unknown', {}],
  ])('%s is %s', (url, kind, ids) => {
    expect(classifyYandexMarketUrl(new URL(url))).toEqual({ kind, ...ids });
  });
});

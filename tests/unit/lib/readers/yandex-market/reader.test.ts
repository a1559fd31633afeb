// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PageReadingSchema, type OrderFacts, type PageReading } from '@/lib/common/model';
import { readPage } from '@/lib/readers';
import { classifyYandexMarketUrl, readYandexMarket } from '@/lib/readers/yandex-market';
import { readEmbeddedState } from '@/lib/readers/yandex-market/embedded';
import { dateIn, rublesIn } from '@/lib/readers/yandex-market/text';
import { fixtureDocument, htmlDocument } from '../../../support/fixtures';

const NOW = new Date('2026-11-20T09:00:00Z'); // 12:00 in Moscow
const DETAIL_URL = 'https://market.yandex.ru/my/order/512034876';
const LIST_URL = 'https://market.yandex.ru/my/orders';

function read(doc: Document, href: string, now = NOW): PageReading {
  const reading = readYandexMarket(doc, href, now);
  // Whatever the page, the reading must be what the rest of DisputeKit accepts.
  expect(PageReadingSchema.safeParse(reading).success).toBe(true);
  return reading;
}

function only(reading: PageReading): OrderFacts {
  expect(reading.orders).toHaveLength(1);
  return reading.orders[0];
}

const HEADPHONES = {
  title: 'Наушники беспроводные Vostok Air 3, чёрные',
  quantity: 1,
  price: { amount: 3490, currency: 'RUB' },
  url: 'https://market.yandex.ru/product--naushniki-besprovodnye-vostok-air-3/1781234567?sku=102345678901',
};
const CASE = {
  title: 'Чехол силиконовый для наушников Vostok Air 3',
  quantity: 2,
  price: { amount: 989, currency: 'RUB' },
  url: 'https://market.yandex.ru/card/chekhol-silikonovyi-vostok-air-3/103987654321',
};
const STORE = { name: 'ООО «Северный ветер»', url: 'https://market.yandex.ru/business--severnyi-veter/918273', id: '918273' };
const RETURN_BY = { label: 'Можно вернуть до', text: 'Можно вернуть до 27 ноября', endsAt: '2026-11-27T20:59:59.000Z' };

describe('Yandex Market order detail', () => {
  it('reads every field from the embedded page state first', () => {
    const reading = read(fixtureDocument('yandex-market/order-detail.html'), DETAIL_URL);
    expect(reading).toMatchObject({ platform: 'yandex-market', pageKind: 'order-detail', missing: [] });
    const order = only(reading);
    expect(order.orderId).toBe('512034876');
    expect(order.placedAt).toBe('2026-11-03T14:42:00+03:00');
    expect(order.status).toBe('Доставлен');
    expect(order.store).toEqual(STORE);
    expect(order.items).toEqual([HEADPHONES, CASE]);
    expect(order.total).toEqual({ amount: 5468, currency: 'RUB' });
    expect(order.tracking).toEqual([{ number: 'YMD4812345601', carrier: 'Яндекс Доставка' }]);
    expect(order.countdowns).toEqual([RETURN_BY]);
    // The state's order date, and "Доставлен 5 ноября" from the page's words.
    expect(order.events).toEqual({ placed: '2026-11-03T14:42:00+03:00', delivered: '2026-11-05' });
    expect(order.sources).toEqual({
      orderId: 'embedded-data',
      placedAt: 'embedded-data',
      status: 'embedded-data',
      store: 'embedded-data',
      items: 'embedded-data',
      total: 'embedded-data',
      tracking: 'embedded-data',
      countdowns: 'selector',
      'events.placed': 'embedded-data',
      'events.delivered': 'label',
    });
  });

  it('reads the same facts from the data-auto selectors when the page has no embedded state', () => {
    const doc = fixtureDocument('yandex-market/order-detail.html');
    doc.querySelectorAll('script[type="application/json"]').forEach((el) => el.remove());
    const withState = only(read(fixtureDocument('yandex-market/order-detail.html'), DETAIL_URL));
    const order = only(read(doc, DETAIL_URL));
    const { sources, ...facts } = order;
    const { sources: _, ...expected } = withState;
    expect(facts).toEqual(expected);
    expect(sources).toEqual({
      orderId: 'selector',
      placedAt: 'selector',
      status: 'selector',
      store: 'selector',
      items: 'selector',
      total: 'selector',
      tracking: 'selector',
      countdowns: 'selector',
      'events.placed': 'selector',
      'events.delivered': 'label',
    });
  });

  it('still reads a drifted page (no class names, no data-auto, no state) by its labels', () => {
    const reading = read(fixtureDocument('yandex-market/order-detail-drifted.html'), DETAIL_URL);
    expect(reading.missing).toEqual([]);
    const order = only(reading);
    expect(order.orderId).toBe('512034876');
    expect(order.placedAt).toBe('2026-11-03T14:42:00+03:00');
    // "Доставлен 5 ноября": the status phrase, without the date after it.
    expect(order.status).toBe('Доставлен');
    expect(order.store).toEqual(STORE);
    // The analytics script's "Итого 99 999 ₽" is never page text.
    expect(order.total).toEqual({ amount: 5468, currency: 'RUB' });
    expect(order.tracking).toEqual([{ number: 'YMD4812345601', carrier: 'Яндекс Доставка' }]);
    // Items from the links to product pages; quantity and price from the text around each link.
    expect(order.items).toEqual([HEADPHONES, CASE]);
    // "Можно вернуть до <b>27 ноября</b>": the date in its own element.
    expect(order.countdowns).toEqual([RETURN_BY]);
    expect(order.events).toEqual({ placed: '2026-11-03T14:42:00+03:00', delivered: '2026-11-05' });
    expect(order.sources).toEqual({
      orderId: 'label',
      placedAt: 'label',
      status: 'label',
      store: 'label',
      items: 'selector',
      total: 'label',
      tracking: 'label',
      countdowns: 'label',
      'events.placed': 'label',
      'events.delivered': 'label',
    });
  });

  it('falls back to the URL for the id and lists every field it could not find', () => {
    const reading = read(htmlDocument('<html><body><div>Загрузка…</div></body></html>'), DETAIL_URL);
    expect(only(reading)).toEqual({ orderId: '512034876', items: [], sources: { orderId: 'url' } });
    expect(reading.missing).toEqual(['placedAt', 'status', 'store', 'items', 'total']);
  });

  it('reads a status written after a "Статус" label, and the order number from the page when the URL has none', () => {
    const doc = htmlDocument(`<html><body><main>
      <div>Номер заказа: 498877665</div><div><span>Статус заказа</span><span>Ждёт в пункте выдачи</span></div>
      <div>Хранится в пункте выдачи до 23 ноября</div>
    </main></body></html>`);
    const order = only(read(doc, 'https://market.yandex.ru/my/order/latest'));
    expect(order).toMatchObject({ orderId: '498877665', status: 'Ждёт в пункте выдачи', sources: { orderId: 'label', status: 'label' } });
    expect(order.countdowns).toEqual([
      { label: 'Хранится в пункте выдачи до', text: 'Хранится в пункте выдачи до 23 ноября', endsAt: '2026-11-23T20:59:59.000Z' },
    ]);
  });

  it('reports a detail page with no order number anywhere as unreadable, not as an order', () => {
    const reading = read(htmlDocument('<html><body>Что-то пошло не так</body></html>'), 'https://market.yandex.ru/my/order/');
    expect(reading).toEqual({ platform: 'yandex-market', pageKind: 'order-detail', orders: [], missing: ['orderId'] });
  });
});

describe('Yandex Market orders list', () => {
  const EXPECTED = [
    { orderId: '512987001', placedAt: '2026-11-20T10:15:00+03:00', status: 'В пути', store: 'ИП Смирнова А. В.', total: 12345 },
    { orderId: '512034876', placedAt: '2026-11-03', status: 'Доставлен', store: 'ООО «Северный ветер»', total: 5468 },
    { orderId: '511770042', placedAt: '2026-10-28', status: 'Отменён', store: 'Яндекс Маркет', total: 799 },
    { orderId: '510455210', placedAt: '2026-10-14', status: 'Получен', store: 'ООО «Техноград»', total: 1234.5 },
  ];

  it('reads every order card, in page order, field by field', () => {
    const reading = read(fixtureDocument('yandex-market/orders-list.html'), `${LIST_URL}?filter=ALL`);
    expect(reading).toMatchObject({ platform: 'yandex-market', pageKind: 'order-list', missing: [] });
    expect(reading.orders).toHaveLength(EXPECTED.length);
    reading.orders.forEach((order, i) => {
      const want = EXPECTED[i];
      expect(order.orderId).toBe(want.orderId);
      expect(order.placedAt).toBe(want.placedAt);
      expect(order.status).toBe(want.status);
      expect(order.store).toEqual({ name: want.store });
      expect(order.total).toEqual({ amount: want.total, currency: 'RUB' });
    });
  });

  it('reads "3 ноября" as this year and "сегодня в 10:15" as today in Moscow', () => {
    const [today, thirdOfNovember] = read(fixtureDocument('yandex-market/orders-list.html'), LIST_URL).orders;
    expect(today.placedAt).toBe('2026-11-20T10:15:00+03:00');
    expect(thirdOfNovember.placedAt).toBe('2026-11-03');
    // Just after midnight in Moscow it is already the next day there.
    const late = read(fixtureDocument('yandex-market/orders-list.html'), LIST_URL, new Date('2026-11-20T21:30:00Z')).orders[0];
    expect(late.placedAt).toBe('2026-11-21T10:15:00+03:00');
  });

  it('records the strategy of each field: state for the ids, data-auto hooks, labels where a hook is missing', () => {
    const orders = read(fixtureDocument('yandex-market/orders-list.html'), LIST_URL).orders;
    expect(orders.map((o) => o.sources.orderId)).toEqual(['embedded-data', 'embedded-data', 'embedded-data', 'embedded-data']);
    expect(orders.map((o) => o.sources.placedAt)).toEqual(['selector', 'selector', 'selector', 'selector']);
    expect(orders.map((o) => o.sources.status)).toEqual(['selector', 'selector', 'selector', 'selector']);
    expect(orders.map((o) => o.sources.total)).toEqual(['selector', 'selector', 'label', 'selector']);
    expect(orders.map((o) => o.sources.countdowns)).toEqual([undefined, 'selector', undefined, 'label']);
  });

  it('reads the items and countdowns a card shows', () => {
    const orders = read(fixtureDocument('yandex-market/orders-list.html'), LIST_URL).orders;
    expect(orders[1].items).toEqual([
      { title: HEADPHONES.title, url: HEADPHONES.url },
      { title: CASE.title, url: CASE.url },
    ]);
    expect(orders[1].countdowns).toEqual([RETURN_BY]);
    expect(orders[3].countdowns).toEqual([
      { label: 'Вернуть можно ещё', text: 'Вернуть можно ещё — осталось 3 дня', endsAt: '2026-11-23T09:00:00.000Z' },
    ]);
    // Fields a card does not show are left out, not invented.
    expect(orders[0].countdowns).toBeUndefined();
    expect(orders[0].tracking).toBeUndefined();
  });

  it('still reads a drifted list (no class names, no data-auto, no state) by its labels and order links', () => {
    const reading = read(fixtureDocument('yandex-market/orders-list-drifted.html'), `${LIST_URL}?filter=COMPLETED`);
    expect(reading.missing).toEqual([]);
    expect(reading.orders).toHaveLength(3);
    reading.orders.forEach((order, i) => {
      const want = EXPECTED[i];
      expect(order.orderId).toBe(want.orderId);
      expect(order.placedAt).toBe(want.placedAt);
      expect(order.status).toBe(want.status);
      expect(order.store?.name).toBe(want.store);
      expect(order.total).toEqual({ amount: want.total, currency: 'RUB' });
      expect(order.sources).toMatchObject({ placedAt: 'label', status: 'label', store: 'label', total: 'label' });
    });
    // "№ 511770042" has no "Заказ №" label: the id comes from the link to the order.
    expect(reading.orders.map((o) => o.sources.orderId)).toEqual(['label', 'label', 'url']);
    expect(reading.orders[1].store).toEqual(STORE);
  });

  it('reads an order the embedded state describes even before its card is rendered', () => {
    const state = {
      collections: {
        orderConsolidationResult: { 0: { orderGroupIds: [533000111], pageToken: 'x', hasNext: false } },
        order: { 533000111: { id: 533000111, status: 'CANCELLED', creationDate: '2026-11-01T08:00:00Z', buyerTotal: 1500, shopName: 'Магазин Тест' } },
      },
    };
    const doc = htmlDocument(`<html><body><h1>Мои заказы</h1><script type="application/json">${JSON.stringify(state)}</script></body></html>`);
    const reading = read(doc, LIST_URL);
    expect(only(reading)).toMatchObject({
      orderId: '533000111',
      placedAt: '2026-11-01T11:00:00+03:00',
      status: 'Отменён',
      store: { name: 'Магазин Тест' },
      total: { amount: 1500, currency: 'RUB' },
    });
    expect(reading.missing).toEqual([]);
  });

  it('reports a list with no orders, and lists the fields a card lacks', () => {
    expect(read(htmlDocument('<html><body><h1>Мои заказы</h1><p>Заказов пока нет</p></body></html>'), LIST_URL)).toEqual({
      platform: 'yandex-market',
      pageKind: 'order-list',
      orders: [],
      missing: ['orders'],
    });
    const doc = htmlDocument(`<ul><li><a href="/my/order/540000001">Заказ № 540000001</a> Итого 100 ₽</li>
      <li><a href="/my/order/540000002">Заказ № 540000002</a> В пути</li></ul>`);
    expect(read(doc, LIST_URL).missing).toEqual([
      'orders[0].placedAt',
      'orders[0].status',
      'orders[0].store',
      'orders[1].placedAt',
      'orders[1].store',
      'orders[1].total',
    ]);
  });

  it('reads a date without a year that lies ahead of today as last year\'s', () => {
    const doc = htmlDocument(`<div><a href="/my/order/520000001">Заказ № 520000001</a><span>Оформлен 28 декабря</span></div>
      <div><a href="/my/order/520000002">Заказ № 520000002</a><span>Оформлен вчера</span></div>`);
    const orders = read(doc, LIST_URL, new Date('2027-01-10T09:00:00Z')).orders;
    expect(orders.map((o) => o.placedAt)).toEqual(['2026-12-28', '2027-01-09']);
  });

  function fiftyOrders(hooked: boolean): Document {
    const hook = (name: string) => (hooked ? ` data-auto="${name}"` : '');
    const card = (i: number) => `<article class="_x${i}"${hooked ? ' data-zone-name="orderCard"' : ''}>
      <a${hook('order-card-title')} href="/my/order/${600000000 + i}">Заказ № ${600000000 + i}</a>
      <span${hook('order-card-date')}>Оформлен ${1 + (i % 28)} октября 2026</span>
      <div${hook('order-card-status')}>${i % 2 ? 'Доставлен' : 'В пути'}</div>
      <a href="/product--tovar-${i}/${1700000000 + i}"><img alt="Товар ${i}"></a>
      <div><span>Продавец</span> <span${hook('supplier-name')}>Магазин ${i}</span></div>
      <div><span>Итого</span> <span${hook('order-card-total')}>${1000 + i}\u202F${String(i).padStart(3, '0')}\u00A0₽</span></div>
      <a href="/my/order/${600000000 + i}?track=card">Подробнее</a></article>`;
    const menu = '<a href="/x">menu</a>'.repeat(200);
    return htmlDocument(`<html><body><header>${menu}</header><main><h1>Мои заказы</h1>${Array.from({ length: 50 }, (_, i) => card(i)).join('')}</main></body></html>`);
  }

  it.each([
    ['with data-auto hooks', true],
    ['with labels only', false],
  ])('reads every order of a 50-order list %s', (_, hooked) => {
    const reading: PageReading | undefined = readYandexMarket(fiftyOrders(hooked), LIST_URL, NOW);
    expect(reading!.orders).toHaveLength(50);
    expect(reading!.missing).toEqual([]);
    expect(reading!.orders[49]).toMatchObject({
      orderId: '600000049',
      placedAt: '2026-10-22',
      status: 'Доставлен',
      store: { name: 'Магазин 49' },
      total: { amount: 1049049, currency: 'RUB' },
      sources: { status: hooked ? 'selector' : 'label' },
    });
  });
});

describe('Yandex Market URLs', () => {
  it.each([
    ['https://market.yandex.ru/my/orders', 'order-list', undefined],
    ['https://market.yandex.ru/my/orders?filter=COMPLETED', 'order-list', undefined],
    ['https://market.yandex.ru/my/orders/?track=menu', 'order-list', undefined],
    ['https://market.yandex.ru/my/order/512034876', 'order-detail', '512034876'],
    ['https://market.yandex.ru/my/order/512034876/?track=card#top', 'order-detail', '512034876'],
    ['https://market.yandex.ru/my/order/latest', 'order-detail', undefined],
    ['https://market.yandex.ru/my/order/', 'order-detail', undefined],
    ['https://market.yandex.ru/product--naushniki/1781234567', 'unknown', undefined],
    ['https://market.yandex.ru/my/wishlist', 'unknown', undefined],
    ['https://market.yandex.ru/', 'unknown', undefined],
  ])('%s is %s', (url, kind, orderId) => {
    expect(classifyYandexMarketUrl(new URL(url))).toEqual({ kind, ...(orderId && { orderId }) });
  });

  it('is the reader readPage picks for market.yandex.ru, and reads other pages there as unknown', () => {
    expect(readPage(fixtureDocument('yandex-market/order-detail.html'), DETAIL_URL, NOW)?.orders[0].orderId).toBe('512034876');
    expect(readPage(fixtureDocument('yandex-market/orders-list.html'), 'https://market.yandex.ru/catalog--smartfony/26893750', NOW)).toEqual({
      platform: 'yandex-market',
      pageKind: 'unknown',
      orders: [],
      missing: [],
    });
  });
});

describe('Yandex Market reader on bad input', () => {
  it('never throws on an empty document', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(only(read(empty, DETAIL_URL))).toMatchObject({ orderId: '512034876', sources: { orderId: 'url' } });
    expect(read(empty, LIST_URL).missing).toEqual(['orders']);
  });

  it('never throws on something that is not a document at all', () => {
    const notADocument = {} as Document;
    expect(() => readYandexMarket(notADocument, DETAIL_URL, NOW)).not.toThrow();
    expect(readYandexMarket(notADocument, DETAIL_URL, NOW).orders[0]?.orderId).toBe('512034876');
    expect(readYandexMarket(notADocument, LIST_URL, NOW)).toMatchObject({ pageKind: 'order-list', orders: [] });
    expect(readYandexMarket(htmlDocument('<p>x</p>'), 'not a url', NOW)).toEqual({ platform: 'yandex-market', pageKind: 'unknown', orders: [], missing: ['page'] });
  });

  it('returns what it can from a truncated page', () => {
    for (const [name, href] of [
      ['order-detail.html', DETAIL_URL],
      ['orders-list.html', LIST_URL],
    ]) {
      const html = fixtureDocument(`yandex-market/${name}`).documentElement.outerHTML;
      for (const cut of [0.1, 0.35, 0.5, 0.8, 0.99]) {
        const reading = read(htmlDocument(html.slice(0, Math.floor(html.length * cut))), href);
        if (href === DETAIL_URL) expect(reading.orders[0]?.orderId).toBe('512034876');
      }
    }
    // Half a list: the cards that arrived are read; the state (at the end of the page) is lost.
    const list = fixtureDocument('yandex-market/orders-list.html').documentElement.outerHTML;
    const half = read(htmlDocument(list.slice(0, list.indexOf('Оформлен 28'))), LIST_URL);
    expect(half.orders.map((o) => o.orderId)).toEqual(['512987001', '512034876', '511770042']);
    expect(half.orders[1]).toMatchObject({ status: 'Доставлен', total: { amount: 5468 } });
  });

  it('keeps hostile page text as plain, bounded text', () => {
    const long = 'Я'.repeat(10_000);
    const doc = htmlDocument(`<html><body><main>
      <h1>Заказ № 512034876</h1>
      <div data-auto="order-status">\u202E${long}</div>
      <div><span>Продавец</span> <span>&lt;script&gt;alert(1)&lt;/script&gt;\u200F Магазин\u202C</span></div>
      <script>document.write('Итого 1 ₽')</script>
      <div>Итого ${'9'.repeat(5000)} ₽</div>
      <div>Трек-номер: ${'A1'.repeat(6000)}</div>
      <div>Оформлен ${'3 '.repeat(4000)}ноября</div>
    </main></body></html>`);
    const order = only(read(doc, DETAIL_URL));
    expect(order.status).toMatch(/^Я+$/);
    expect(order.status!.length).toBeLessThanOrEqual(2000);
    expect(order.store?.name).toBe('<script>alert(1)</script> Магазин');
    expect(Number.isFinite(order.total?.amount ?? 0)).toBe(true);
    for (const t of order.tracking ?? []) expect(t.number.length).toBeLessThanOrEqual(2000);
  });

  it('survives hostile embedded state: broken JSON, deep nesting, huge strings, odd types', () => {
    let deep = '0';
    for (let i = 0; i < 5000; i++) deep = `[${deep}]`;
    const state = {
      collections: {
        order: {
          512034876: {
            id: 512034876,
            status: { toString: 1 },
            statusText: `\u202E${'x'.repeat(10_000)}`,
            creationDate: 'not a date',
            buyerTotal: { value: 'NaN', currency: 'RUR' },
            itemIds: 'nope',
            tracks: [null, 5, { trackCode: 12 }],
          },
          __proto__: { polluted: true },
        },
        orderItem: [1, 2, 3],
      },
      orderGroupIds: ['1e9', -5, 512034876, { id: 1 }],
    };
    const doc = htmlDocument(`<html><body><main><div data-auto="order-total-price">Итого 10 ₽</div></main>
      <script type="application/json">{"collections": {"order": </script>
      <script type="application/json">{"orderGroupIds": ${deep}}</script>
      <script type="text/plain">{"collections":{"order":{"1":{"id":1}}}}</script>
      <script type="application/json">${JSON.stringify(state)}</script>
    </body></html>`);
    const order = only(read(doc, DETAIL_URL));
    expect(order.sources.orderId).toBe('embedded-data');
    expect(order.status).toMatch(/^x{2000}$/);
    expect(order.placedAt).toBeUndefined();
    // The state's total is unreadable, so the next strategy gives it.
    expect(order).toMatchObject({ total: { amount: 10, currency: 'RUB' }, sources: { total: 'selector' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads entity-encoded state and state assigned in a script', () => {
    const json = JSON.stringify({ collections: { order: { 512034876: { id: 512034876, statusText: 'В пути' } } } });
    const encoded = htmlDocument(`<noframes>${json.replace(/"/g, '&amp;quot;')}</noframes>`);
    expect(readEmbeddedState(encoded).orders.get('512034876')).toMatchObject({ statusText: 'В пути' });
    const assigned = htmlDocument(`<script>window.__STATE__ = ${json};</script>`);
    expect(only(read(assigned, DETAIL_URL))).toMatchObject({ status: 'В пути', sources: { status: 'embedded-data' } });
  });
});

describe('Yandex Market formats', () => {
  it.each([
    ['1\u202F234\u00A0₽', 1234],
    ['1\u00A0234\u00A0₽', 1234],
    ['12\u202F345\u202F₽', 12345],
    ['1 234 ₽', 1234],
    ['1\u00A0234,50\u00A0₽', 1234.5],
    ['Итого за 2 товара 5\u202F468 ₽', 5468],
    ['799 руб.', 799],
    ['1 234 567 ₽', 1234567],
    ['5\u202F468', 5468],
  ])('%j is %d roubles', (text, amount) => {
    expect(rublesIn(text)).toEqual({ amount, currency: 'RUB' });
  });

  it.each(['бесплатно', 'за 2 товара', ''])('%j is no price', (text) => {
    expect(rublesIn(text)).toBeUndefined();
  });

  it('reads dates as the site writes them, in Moscow time', () => {
    expect(dateIn('Оформлен 3 ноября 2026 г., 14:42', NOW)).toBe('2026-11-03T14:42:00+03:00');
    expect(dateIn('Заказ № 512034876 от 3 ноября', NOW)).toBe('2026-11-03');
    expect(dateIn('сегодня', NOW)).toBe('2026-11-20');
    expect(dateIn('03.11.2026', NOW)).toBe('2026-11-03');
    expect(dateIn('осталось 3 дня', NOW)).toBeUndefined();
    expect(dateIn('Набор: 2 марки, 3 мая 2026', NOW)).toBe('2026-05-03');
    // A deadline without a year that would be long past is next year's.
    expect(dateIn('5 января', new Date('2026-12-20T09:00:00Z'), false)).toBe('2027-01-05');
  });

  it('reads a time-left countdown with hours', () => {
    const doc = htmlDocument('<main><h1>Заказ № 512034876</h1><p>Оплатите заказ: осталось 1 день 4 часа</p></main>');
    expect(only(read(doc, DETAIL_URL)).countdowns).toEqual([
      { label: 'Оплатите заказ', text: 'Оплатите заказ: осталось 1 день 4 часа', endsAt: '2026-11-21T13:00:00.000Z' },
    ]);
  });
});

// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countdownKind } from '@/lib/deadlines';
import { PageReadingSchema } from '@/lib/common/model';
import type { OrderFacts, PageReading } from '@/lib/common/model';
import { readPage } from '@/lib/readers';
import type { ApiResponse } from '@/lib/readers/api';
import { classifyTaobaoUrl } from '@/lib/readers/taobao';
import { readStringLiteral } from '@/lib/readers/taobao/embedded';
import { eventsFromSteps, expectedDeliveryIn, monthDayDate, stepEvent } from '@/lib/readers/taobao/events';
import { fixtureDocument, htmlDocument } from '../../../support/fixtures';

const NOW = new Date('2025-11-10T12:00:00Z');
const LIST_URL = 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';
const ASYNC_BOUGHT = 'https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction&event_submit_do_query=1&_input_charset=utf8';
const MTOP = (type: 'originaljson' | 'jsonp') =>
  `https://h5api.m.taobao.com/h5/mtop.taobao.order.queryboughtlistv2/2.0/?jsv=2.7.2&appKey=12574478&t=1762768800000&sign=0f3a&api=mtop.taobao.order.queryboughtlistV2&v=2.0&type=${type}&dataType=${type === 'jsonp' ? 'jsonp' : 'json'}${type === 'jsonp' ? '&callback=mtopjsonp7' : ''}`;
const api = (name: string) => readFileSync(resolve('tests/fixtures/taobao/api', name), 'utf8');
const EMPTY_LIST = '<html><body><div id="J_bought_main"></div></body></html>';

function read(doc: Document, url: string, responses: ApiResponse[] = [], now = NOW): PageReading {
  const reading = readPage(doc, url, now, responses);
  expect(reading).not.toBeNull();
  expect(PageReadingSchema.safeParse(reading).success).toBe(true);
  return reading!;
}

const byId = (reading: PageReading) => new Map(reading.orders.map((o) => [o.orderId, o]));
const allApi = (order: OrderFacts) => Object.values(order.sources).every((s) => s === 'api-data');

describe('Taobao order list: the classic list API (asyncBought.htm)', () => {
  it('reads the answer with the same code as the inline data, every field from the API', () => {
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: ASYNC_BOUGHT, body: api('asyncBought-page1.json'), at: 1 }]);
    expect(reading.missing).toEqual([]);
    expect(reading.orders[0]).toEqual({
      orderId: '1690000000000000101',
      placedAt: '2025-11-02T10:11:12+08:00',
      status: '卖家已发货',
      store: { name: 'API 数码专营', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=880000101', id: '880000101' },
      items: [{ title: '蓝牙键盘 三模', sku: '颜色分类：灰色', quantity: 1, price: { amount: 129, currency: 'CNY' }, url: 'https://item.taobao.com/item.htm?id=600000000101' }],
      total: { amount: 129, currency: 'CNY' },
      countdowns: [{ label: '自动确认收货', text: '还剩8天20时', endsAt: '2025-11-19T08:00:00.000Z' }],
      events: { placed: '2025-11-02T10:11:12+08:00' },
      sources: {
        orderId: 'api-data',
        placedAt: 'api-data',
        status: 'api-data',
        store: 'api-data',
        items: 'api-data',
        total: 'api-data',
        countdowns: 'api-data',
        'events.placed': 'api-data',
      },
    });
  });

  it('reads several answers as several pages of results, in page order, each order once', () => {
    const page1 = api('asyncBought-page1.json');
    // Page 1 answered again later with a new status for one order: the latest answer's data is kept.
    const page1Again = page1.replace('"text": "卖家已发货"', '"text": "交易成功"');
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [
      { url: ASYNC_BOUGHT, body: page1, at: 1 },
      { url: ASYNC_BOUGHT, body: api('asyncBought-page2.json'), at: 2 },
      { url: ASYNC_BOUGHT, body: page1Again, at: 3 },
    ]);
    expect(reading.orders.map((o) => o.orderId)).toEqual(['1690000000000000101', '1690000000000000102', '1690000000000000201', '1690000000000000202']);
    expect(reading.orders[0].status).toBe('交易成功');
    // A closed order of the second page has no total: reported missing, nothing invented.
    const closed = byId(reading).get('1690000000000000202')!;
    expect(closed).toMatchObject({ status: '交易关闭', placedAt: '2025-10-18', store: { name: 'tb_demo202' }, items: [{ title: '过期未付款的台灯', quantity: 1 }] });
    expect(closed.total).toBeUndefined();
    expect(reading.missing).toEqual(['orders[3].total']);
    expect(reading.orders.every(allApi)).toBe(true);
  });

  it('keeps the inline page and adds the pages the list fetched after it', () => {
    const reading = read(fixtureDocument('taobao/list-2021.html'), LIST_URL, [{ url: ASYNC_BOUGHT, body: api('asyncBought-page2.json'), at: 1 }]);
    expect(reading.orders.map((o) => [o.orderId, o.sources.orderId])).toEqual([
      ['1690000000000000001', 'embedded-data'],
      ['1690000000000000002', 'embedded-data'],
      ['1690000000000000003', 'embedded-data'],
      ['1690000000000000201', 'api-data'],
      ['1690000000000000202', 'api-data'],
    ]);
  });

  it('trusts the API over markup that shows something else (the API wins, sources say api-data)', () => {
    const reading = read(fixtureDocument('taobao/list-rendered.html'), LIST_URL, [{ url: ASYNC_BOUGHT, body: api('asyncBought-rendered-orders.json'), at: 1 }]);
    const [fromApi, fromMarkup] = reading.orders;
    // The markup says 卖家已发货, ￥58.00, 2021-04-02 and a countdown; the list's own answer says otherwise.
    expect(fromApi).toMatchObject({
      orderId: '1690000000000000011',
      placedAt: '2021-04-02T19:45:03+08:00',
      status: '交易成功',
      total: { amount: 53, currency: 'CNY' },
      items: [{ title: 'USB-C 数据线 2米 快充', quantity: 2, price: { amount: 26.5 } }],
    });
    expect(fromApi.countdowns).toBeUndefined();
    expect(allApi(fromApi)).toBe(true);
    // The order only the markup shows is still read, from the markup.
    expect(fromMarkup).toMatchObject({ orderId: '1690000000000000012', status: '交易成功', sources: { orderId: 'selector', total: 'selector' } });
  });

  it('ignores answers it cannot use: an HTML login page, a truncated body, another host, plain http', () => {
    const good = api('asyncBought-page1.json');
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [
      { url: ASYNC_BOUGHT, body: api('login-page.html'), at: 4 },
      { url: ASYNC_BOUGHT, body: good.slice(0, good.length / 2), at: 3 },
      { url: ASYNC_BOUGHT.replace('buyertrade.taobao.com', 'buyertrade.taobao.com.evil.example'), body: good, at: 2 },
      { url: ASYNC_BOUGHT.replace('https:', 'http:'), body: good, at: 1 },
    ]);
    expect(reading).toEqual({ platform: 'taobao', pageKind: 'order-list', orders: [], missing: ['orders'] });
  });
});

describe('Taobao order list: the newer list API (mtop.taobao.order.queryboughtlistV2)', () => {
  it('reads orders from components recognised by their tags, grouped by the hierarchy', () => {
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: MTOP('originaljson'), body: api('queryboughtlistV2-page1.json'), at: 1 }]);
    expect(reading.missing).toEqual([]);
    expect(reading.orders).toEqual([
      {
        orderId: '1690000000000000301',
        placedAt: '2025-11-05T09:30:12+08:00',
        status: '卖家已发货',
        store: { name: '西湖电子元件', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=880000301', id: '880000301' },
        items: [
          { title: '杜邦线 40P 公对母 20cm', sku: '规格：40P; 长度：20cm', quantity: 2, price: { amount: 19.9, currency: 'CNY' }, url: 'https://item.taobao.com/item.htm?id=600000000301', snapshotUrl: 'https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=1690000000000000302' },
        ],
        total: { amount: 39.8, currency: 'CNY' },
        countdowns: [{ label: '自动确认收货', text: '还剩9天2时', endsAt: '2025-11-19T14:00:00.000Z' }],
        events: { placed: '2025-11-05T09:30:12+08:00', paid: '2025-11-05T09:31:02+08:00' },
        sources: {
          orderId: 'api-data',
          placedAt: 'api-data',
          status: 'api-data',
          store: 'api-data',
          items: 'api-data',
          total: 'api-data',
          countdowns: 'api-data',
          'events.placed': 'api-data',
          'events.paid': 'api-data',
        },
      },
      {
        orderId: '1690000000000000303',
        placedAt: '2025-10-30T20:01:00+08:00',
        status: '交易成功',
        store: { name: '山野茶舍旗舰店', id: '880000303' },
        items: [
          { title: '明前龙井 礼盒装', quantity: 1, price: { amount: 1199, currency: 'CNY' }, url: 'https://detail.tmall.com/item.htm?id=600000000303' },
          { title: '紫砂小茶杯', quantity: 2, price: { amount: 50, currency: 'CNY' } },
        ],
        total: { amount: 1299, currency: 'CNY' },
        // A trade that succeeded: its end time is the completion.
        events: {
          placed: '2025-10-30T20:01:00+08:00',
          paid: '2025-10-30T20:01:40+08:00',
          shipped: '2025-10-31T11:00:00+08:00',
          completed: '2025-11-06T09:12:13+08:00',
        },
        sources: expect.objectContaining({ 'events.shipped': 'api-data', 'events.completed': 'api-data' }),
      },
    ]);
  });

  it('reads a JSONP second page whose component keys are renamed and carry no ids (tags, fields and hierarchy decide)', () => {
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [
      { url: MTOP('jsonp'), body: api('queryboughtlistV2-page2-renamed.jsonp'), at: 2 },
      { url: MTOP('originaljson'), body: api('queryboughtlistV2-page1.json'), at: 1 },
    ]);
    expect(reading.orders.map((o) => o.orderId)).toEqual(['1690000000000000301', '1690000000000000303', '1690000000000000305', '1690000000000000306']);
    const orders = byId(reading);
    // An expired order without a total: the total is reported missing, not invented from the item's price.
    expect(orders.get('1690000000000000305')).toEqual({
      orderId: '1690000000000000305',
      placedAt: '2025-10-30T18:00:00+08:00',
      status: '交易关闭',
      store: { name: '老街五金' },
      items: [{ title: '过期未付款的工具箱', quantity: 1, price: { amount: 88, currency: 'CNY' } }],
      events: { placed: '2025-10-30T18:00:00+08:00' },
      sources: { orderId: 'api-data', placedAt: 'api-data', status: 'api-data', store: 'api-data', items: 'api-data', 'events.placed': 'api-data' },
    });
    // A component whose tag says nothing ("dx_card") is the payment because it carries the paid amount.
    expect(orders.get('1690000000000000306')).toMatchObject({
      placedAt: '2025-10-29T18:00:00+08:00',
      status: '等待卖家发货',
      store: { name: '老街五金', id: '880000305' },
      items: [{ title: '六角扳手套装', sku: '尺寸：9件套', quantity: 3, price: { amount: 12 }, url: 'https://item.taobao.com/item.htm?id=600000000306' }],
      total: { amount: 36, currency: 'CNY' },
      events: { paid: '2025-10-29T18:05:00+08:00' },
    });
    expect(reading.missing).toEqual(['orders[2].total']);
  });

  it('ignores an error answer (ret FAIL_SYS_…) and keeps the good ones', () => {
    const error = read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: MTOP('originaljson'), body: api('queryboughtlistV2-error.json'), at: 1 }]);
    expect(error.orders).toEqual([]);
    const mixed = read(htmlDocument(EMPTY_LIST), LIST_URL, [
      { url: MTOP('originaljson'), body: api('queryboughtlistV2-error.json'), at: 2 },
      { url: MTOP('originaljson'), body: api('queryboughtlistV2-page1.json'), at: 1 },
    ]);
    expect(mixed.orders.map((o) => o.orderId)).toEqual(['1690000000000000301', '1690000000000000303']);
    // A SUCCESS answer that holds nothing an order needs gives no order.
    const hollow = JSON.stringify({ ret: ['SUCCESS::调用成功'], data: { data: { x: { tag: 'banner', fields: { text: '双11' } } }, hierarchy: {} } });
    expect(read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: MTOP('originaljson'), body: hollow }]).orders).toEqual([]);
  });

  it('reads the answers on a page of the site whose path is not the list (the newer list\'s paths are not all known)', () => {
    const responses = [{ url: MTOP('originaljson'), body: api('queryboughtlistV2-page1.json'), at: 1 }];
    const reading = read(htmlDocument('<div id="__ultron_rootContainer_node"></div>'), 'https://buyertrade.taobao.com/trade/itemlist/newBought.htm', responses);
    expect(reading).toMatchObject({ platform: 'taobao', pageKind: 'order-list', missing: [] });
    expect(reading.orders).toHaveLength(2);
    // Without a recorded answer such a page is unknown, as before.
    expect(read(htmlDocument(''), 'https://buyertrade.taobao.com/trade/itemlist/newBought.htm')).toEqual({ platform: 'taobao', pageKind: 'unknown', orders: [], missing: [] });
  });

  it('survives hostile answers: cycles in the hierarchy, huge and odd values, markup as text', () => {
    const hostile = JSON.stringify({
      ret: ['SUCCESS::调用成功'],
      data: {
        data: {
          a: { tag: 'order', fields: {} },
          b: { tag: 'shopInfo', fields: { orderId: '1690000000000000999', shopName: '<img src=x onerror=alert(1)>', createTime: 'not a date' } },
          c: { tag: 'orderItemInfo', fields: { title: 'X'.repeat(10_000), quantity: '-5', priceInfo: { realTotal: 'NaN' } } },
          d: { tag: 'orderPayment', fields: { actualFee: { value: '9'.repeat(400) } } },
          e: 'junk',
          f: null,
        },
        hierarchy: { root: 'a', structure: { a: ['b', 'c', 'd', 'a'], b: ['a'], c: 'nope' } },
      },
    });
    const reading = read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: MTOP('originaljson'), body: hostile }]);
    expect(reading.orders).toHaveLength(1);
    const [order] = reading.orders;
    expect(order.store?.name).toBe('<img src=x onerror=alert(1)>');
    expect(order.items[0].title).toHaveLength(2000);
    expect(order.items[0].quantity).toBeUndefined();
    expect(order.placedAt).toBeUndefined();
  });
});

describe('Taobao order list whose markup changed', () => {
  it('finds each card from the element holding its link or number, and reads date, status and total from its text', () => {
    const reading = read(fixtureDocument('taobao/list-drifted.html'), LIST_URL);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.total?.amount, o.store?.name])).toEqual([
      ['1690000000000000401', '2025-11-08', '卖家已发货', 47.4, '77纯手工小铺'],
      ['1690000000000000402', '2025-11-01T08:30:00+08:00', '交易成功', 36, '山茶花铺子'],
      ['1690000000000000403', '2025-10-28T12:00:01+08:00', '交易关闭', undefined, undefined],
    ]);
    const [first] = reading.orders;
    expect(first.items).toEqual([{ title: '穿戴甲 短款 奶茶色', url: 'https://item.taobao.com/item.htm?id=600000000401' }]);
    expect(first.countdowns).toEqual([{ label: '自动确认收货', text: '还剩9天9时', endsAt: '2025-11-19T21:00:00.000Z' }]);
    expect(first.sources).toMatchObject({ orderId: 'selector', placedAt: 'label', status: 'selector', total: 'label', 'events.placed': 'label' });
    expect(reading.missing).toEqual(['orders[2].store', 'orders[2].total']);
  });
});

// ---------------------------------------------------------------------------------------------------
const REFUND_LIST = 'https://refund2.taobao.com/dispute/buyerDisputeList.htm';
const refundDetail = (dispute: string, order: string) => `https://refund2.tmall.com/dispute/detail.htm?disputeId=${dispute}&bizOrderId=${order}`;

describe('Taobao refund pages (refund2.taobao.com, `var disputeData`)', () => {
  it('reads a refund list with two refunds: one order each, its dispute, the request date and the timer shown', () => {
    const reading = read(fixtureDocument('taobao/refund-list.html'), REFUND_LIST);
    expect(reading).toMatchObject({ platform: 'taobao', pageKind: 'dispute-list', missing: [] });
    expect(reading.orders).toEqual([
      {
        orderId: '1690000000000000101',
        status: '卖家已发货',
        store: { name: 'API 数码专营' },
        items: [{ title: '蓝牙键盘 三模' }],
        countdowns: [{ label: '卖家处理', text: '卖家处理 剩余 1天23时59分0秒', endsAt: '2025-11-12T11:59:00.000Z' }],
        events: { refundRequested: '2025-11-08T10:20:30+08:00' },
        dispute: {
          id: '200000000000101',
          type: '仅退款',
          status: '等待卖家处理',
          openedAt: '2025-11-08T10:20:30+08:00',
          amount: { amount: 129, currency: 'CNY' },
          url: 'https://refund2.taobao.com/dispute/detail.htm?disputeId=200000000000101&bizOrderId=1690000000000000101',
        },
        sources: {
          orderId: 'embedded-data',
          status: 'embedded-data',
          store: 'embedded-data',
          items: 'embedded-data',
          countdowns: 'embedded-data',
          dispute: 'embedded-data',
          'events.refundRequested': 'embedded-data',
        },
      },
      {
        orderId: '1690000000000000201',
        store: { name: '东湖茶具铺' },
        items: [{ title: '手工青瓷盖碗 150ml' }],
        // The timer's end as the page states it (endTime), its text counted from the page's serverTime.
        countdowns: [{ label: '退货', text: '退货 剩余 2天15时0分0秒', endsAt: '2025-11-13T01:00:00.000Z' }],
        events: { refundRequested: '2025-11-06T09:00:00+08:00' },
        dispute: { id: '200000000000102', type: '退货退款', status: '卖家已同意，请退货', openedAt: '2025-11-06T09:00:00+08:00', amount: { amount: 89, currency: 'CNY' } },
        sources: {
          orderId: 'embedded-data',
          store: 'embedded-data',
          items: 'embedded-data',
          countdowns: 'embedded-data',
          dispute: 'embedded-data',
          'events.refundRequested': 'embedded-data',
        },
      },
    ]);
    // The deadline engine knows both timers: the seller's answer and the buyer's return window.
    expect(reading.orders.map((o) => countdownKind('taobao', o.countdowns![0].label))).toEqual(['seller-response', 'return-window']);
  });

  it('reads a refund detail with its progress, its labelled rows and the seller\'s timer (Tmall)', () => {
    const reading = read(fixtureDocument('taobao/refund-detail.html'), refundDetail('200000000000021', '2690000000000000021'));
    expect(reading).toEqual({
      platform: 'tmall',
      pageKind: 'dispute-detail',
      missing: [],
      orders: [
        {
          orderId: '2690000000000000021',
          status: '退款中',
          store: { name: '云杉户外旗舰店' },
          items: [{ title: '轻量防风外套 男女同款' }],
          countdowns: [{ label: '卖家确认收货并退款', text: '卖家确认收货并退款 剩余 10天0时0分0秒', endsAt: '2021-04-01T08:00:00.000Z' }],
          // 申请时间 and the 买家申请退款 step; the 买家退货 step is the return shipped (卖家确认收货 is not the buyer's receipt).
          events: { refundRequested: '2021-03-20T09:15:00+08:00', returnShipped: '2021-03-22T14:30:00+08:00' },
          dispute: { id: '200000000000021', type: '退货退款', status: '等待卖家确认收货', openedAt: '2021-03-20T09:15:00+08:00', amount: { amount: 259, currency: 'CNY' } },
          sources: {
            orderId: 'embedded-data',
            status: 'embedded-data',
            store: 'embedded-data',
            items: 'embedded-data',
            countdowns: 'embedded-data',
            dispute: 'embedded-data',
            'events.refundRequested': 'embedded-data',
            'events.returnShipped': 'embedded-data',
          },
        },
      ],
    });
    expect(countdownKind('tmall', reading.orders[0].countdowns![0].label)).toBe('seller-response');
  });

  it('reads an empty refund list (as the real 2021 one) as a list with no orders', () => {
    const empty = `<script>var disputeData = {"data": {"root": {"tag": "root", "fields": {}}, "empty": {"tag": "emptyTip", "fields": {"text": "暂无退款记录"}}, "pagination": {"tag": "pagination", "fields": {"currentPage": 1, "total": 0}}}, "hierarchy": {"root": "root", "structure": {"root": ["empty", "pagination"]}}, "linkage": {}};</script>`;
    expect(read(htmlDocument(empty), REFUND_LIST)).toEqual({ platform: 'taobao', pageKind: 'dispute-list', orders: [], missing: ['orders'] });
  });

  it('reads a refund detail without its data from the labels it shows', () => {
    const doc = htmlDocument(`<html><body><div class="x1">
      <h3>退款状态：等待卖家处理</h3>
      <div><span>卖家处理</span> <em>剩余 1天12时</em></div>
      <dl><dt>退款编号：</dt><dd>200000000000104</dd><dt>订单编号：</dt><dd>1690000000000000102</dd>
      <dt>退款类型：</dt><dd>仅退款</dd><dt>退款金额：</dt><dd>￥35.50</dd><dt>申请时间：</dt><dd>2025-11-09 22:10:05</dd></dl>
    </div></body></html>`);
    const [order] = read(doc, 'https://refund2.taobao.com/dispute/detail.htm?disputeId=200000000000104').orders;
    expect(order).toMatchObject({
      orderId: '1690000000000000102',
      dispute: { id: '200000000000104', type: '仅退款', status: '等待卖家处理', openedAt: '2025-11-09T22:10:05+08:00', amount: { amount: 35.5, currency: 'CNY' } },
      events: { refundRequested: '2025-11-09T22:10:05+08:00' },
      countdowns: [{ text: '剩余 1天12时', endsAt: '2025-11-12T00:00:00.000Z' }],
      sources: { orderId: 'label', dispute: 'label', 'events.refundRequested': 'label', countdowns: 'label' },
    });
    expect(countdownKind('taobao', order.countdowns![0].label)).toBe('seller-response');
  });

  it('names the order of applyRouter.htm?bizOrderId=N from its URL', () => {
    const reading = read(htmlDocument('<p>正在跳转…</p>'), 'https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=4812096101361745504');
    expect(reading).toEqual({
      platform: 'taobao',
      pageKind: 'dispute-detail',
      orders: [{ orderId: '4812096101361745504', items: [], sources: { orderId: 'url' } }],
      missing: ['dispute'],
    });
  });

  it.each([
    [REFUND_LIST, 'dispute-list', undefined, undefined],
    ['https://refund2.tmall.com/dispute/buyerDisputeList.htm?page=2', 'dispute-list', undefined, undefined],
    [refundDetail('200000000000021', '2690000000000000021'), 'dispute-detail', '2690000000000000021', '200000000000021'],
    ['https://refund2.taobao.com/dispute/applyRouter.htm?bizOrderId=4574438817212023118', 'dispute-detail', '4574438817212023118', undefined],
    ['https://refund2.taobao.com/dispute/unknownThing.htm', 'unknown', undefined, undefined],
  ])('%s is %s', (url, kind, orderId, disputeId) => {
    expect(classifyTaobaoUrl(new URL(url))).toEqual({ kind, ...(orderId && { orderId }), ...(disputeId && { disputeId }) });
  });

  it('survives a hostile disputeData: no throw, no code run, bounded text', () => {
    const pages = [
      `<script>var disputeData = {"data": {"a": {"tag": "disputeInfo", "fields": {"bizOrderId": "1690000000000000101", "statusText": "${'X'.repeat(5000)}", "detailUrl": "javascript:alert(1)", "refundFee": "￥${'9'.repeat(500)}"}}}, "hierarchy": {"structure": {"a": ["a"]}}};</script>`,
      `<script>var disputeData = {"data": 5};</script>`,
      `<script>var disputeData = { data: {}, run: function () { window.pwned = true; } };</script>`,
      `<script>var disputeData = {"data": {"a": {"tag": "countdown", "fields": {"bizOrderId": "1690000000000000101", "refundId": "1", "endTime": "99999999999999"}}}};</script>`,
    ];
    for (const page of pages) {
      for (const url of [REFUND_LIST, refundDetail('1', '1690000000000000101')]) {
        const reading = read(htmlDocument(page), url);
        for (const order of reading.orders) expect(order.dispute?.url).toBeUndefined();
      }
    }
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('Taobao/Tmall dated events', () => {
  const detail = (data: object) =>
    htmlDocument(`<html><body><div id="detail-panel"></div><script>var data = JSON.parse('${JSON.stringify(data).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}');</script></body></html>`);
  const line = (name: string, value: string) => ({ type: 'namevalue', value: { name, value } });

  it('gives a succeeded Taobao trade its completion (成交时间) and every step of its progress bar', () => {
    const doc = detail({
      mainOrder: {
        id: '3690000000000000061',
        statusInfo: { text: '当前订单状态：交易成功' },
        orderInfo: { lines: [{ content: [line('创建时间:', '2025-10-01 10:00:00'), line('付款时间:', '2025-10-01 10:01:00'), line('发货时间:', '2025-10-02 09:00:00'), line('成交时间:', '2025-10-05 18:30:00')] }] },
      },
      orderBar: { nodes: [{ text: '拍下宝贝', date: '2025-10-01 10:00:00' }, { text: '付款到支付宝', date: '2025-10-01 10:01:00' }, { text: '卖家发货', date: '2025-10-02 09:00:00' }, { text: '确认收货', date: '2025-10-05 18:30:00' }, { text: '评价' }] },
    });
    const [order] = read(doc, 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3690000000000000061').orders;
    expect(order.events).toEqual({
      placed: '2025-10-01T10:00:00+08:00',
      paid: '2025-10-01T10:01:00+08:00',
      shipped: '2025-10-02T09:00:00+08:00',
      receiptConfirmed: '2025-10-05T18:30:00+08:00',
      completed: '2025-10-05T18:30:00+08:00',
    });
    expect(order.placedAt).toBe(order.events?.placed);
  });

  it('does not read 成交时间 as a completion when the trade did not succeed, nor a promise ("…前发货") as an event', () => {
    const doc = detail({
      mainOrder: {
        id: '3690000000000000062',
        statusInfo: { text: '当前订单状态：交易关闭' },
        orderInfo: { lines: [{ content: [line('创建时间:', '2025-10-01'), line('发货时间:', '10月08日 03:46前发货'), line('成交时间:', '2025-10-03 00:00:00')] }] },
      },
    });
    const [order] = read(doc, 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3690000000000000062').orders;
    // A day stays a day.
    expect(order.events).toEqual({ placed: '2025-10-01' });
  });

  it('checks Tmall\'s 成交时间 against its stepbar: the order step wins, and a later 成交时间 of a success is the completion', () => {
    const tmall = (deal: string, status: string) =>
      htmlDocument(`<script>var detailData = ${JSON.stringify({
        basic: { lists: [{ key: '订单编号', content: [{ type: 'label', text: '2690000000000000071' }, { type: 'more', text: '更多', moreList: [{ key: '成交时间', content: [{ type: 'label', text: deal }] }, { key: '付款时间', content: [{ type: 'label', text: '2025-10-01 10:01:00' }] }] }] }] },
        overStatus: { status: { content: [{ type: 'html', text: `<h3>订单状态: ${status}</h3>` }] } },
        stepbar: { options: [{ content: '拍下商品', time: '2025-10-01 10:00:00' }, { content: '付款到支付宝', time: '2025-10-01 10:01:00' }, { content: '卖家发货', time: '2025-10-02 09:00:00' }, { content: '确认收货', time: '2025-10-06 12:00:00' }, { content: '评价' }] },
      })};</script>`);
    const url = 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2690000000000000071';
    const same = read(tmall('2025-10-01 10:00:00', '交易成功'), url).orders[0];
    expect(same.events).toEqual({
      placed: '2025-10-01T10:00:00+08:00',
      paid: '2025-10-01T10:01:00+08:00',
      shipped: '2025-10-02T09:00:00+08:00',
      receiptConfirmed: '2025-10-06T12:00:00+08:00',
      completed: '2025-10-06T12:00:00+08:00',
    });
    const later = read(tmall('2025-10-06 12:00:05', '交易成功'), url).orders[0];
    expect(later.placedAt).toBe('2025-10-01T10:00:00+08:00');
    expect(later.events?.completed).toBe('2025-10-06T12:00:05+08:00');
    const open = read(tmall('2025-10-06 12:00:05', '卖家已发货'), url).orders[0];
    expect(open.events?.completed).toBeUndefined();
  });

  it('names progress steps as the engine names its events', () => {
    expect(['拍下宝贝', '拍下商品', '付款到支付宝', '卖家发货', '确认收货', '评价', '买家申请退款', '买家退货', '卖家确认收货', '退款完毕'].map(stepEvent)).toEqual([
      'placed',
      'placed',
      'paid',
      'shipped',
      'receiptConfirmed',
      undefined,
      'refundRequested',
      'returnShipped',
      undefined,
      undefined,
    ]);
    expect(eventsFromSteps([{ text: '卖家发货', date: '2025-11-07 12:39:38' }, { text: '确认收货' }], NOW)).toEqual({ shipped: '2025-11-07T12:39:38+08:00' });
  });

  it('reads a day without a year ("预计11月08日送达") in the year it falls due', () => {
    expect(expectedDeliveryIn('预计11月08日送达', NOW)).toBe('2025-11-08');
    expect(expectedDeliveryIn('预计 1月3日 送达', NOW)).toBe('2026-01-03');
    expect(expectedDeliveryIn('预计2025-11-12前送达', NOW)).toBe('2025-11-12');
    expect(expectedDeliveryIn('已签收', NOW)).toBeUndefined();
    expect(monthDayDate('13月40日', NOW)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------
const REAL = resolve('../shared/fixtures/real/taobao');
const hasReal = existsSync(REAL);
const real = (name: string) => readFileSync(resolve(REAL, name), 'utf8').replace(/<link\b[^>]*>/gi, '');

describe.skipIf(!hasReal)('the real saved pages, with their events', () => {
  it('gives every order of the real list its placed event (createTime), the same as placedAt, and nothing else', () => {
    const reading = read(htmlDocument(real('list_bought_items_2025-11.html')), LIST_URL);
    expect(reading.orders).toHaveLength(50);
    expect(reading.missing).toEqual([]);
    for (const order of reading.orders) {
      expect(order.events).toEqual({ placed: order.placedAt });
      expect(order.sources['events.placed']).toBe('embedded-data');
    }
  });

  it('reads the real list the same when its data arrives as the list API\'s answer (asyncBought)', () => {
    const html = real('list_bought_items_2025-11.html');
    const inline = read(htmlDocument(html), LIST_URL);
    // The answer is the inline object itself: JSON, as the list's POST returns it.
    const body = readStringLiteral(html, html.indexOf("JSON.parse('") + 'JSON.parse('.length)!;
    const fromApi = read(htmlDocument(EMPTY_LIST), LIST_URL, [{ url: ASYNC_BOUGHT, body }]);
    expect(fromApi.orders).toHaveLength(50);
    expect(fromApi.missing).toEqual([]);
    fromApi.orders.forEach((order, i) => {
      const { sources, ...facts } = order;
      const { sources: inlineSources, ...expected } = inline.orders[i];
      expect(facts).toEqual(expected);
      expect(Object.keys(sources)).toEqual(Object.keys(inlineSources));
      expect(Object.values(sources).every((s) => s === 'api-data')).toBe(true);
    });
  });
});

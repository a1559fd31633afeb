// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReadingSchema } from '@/lib/common/model';
import type { PageReading } from '@/lib/common/model';
import { readPage } from '@/lib/readers';
import { classifyTaobaoUrl, readTaobao } from '@/lib/readers/taobao';
import { shanghaiDate } from '@/lib/readers/taobao/data';
import { readStringLiteral } from '@/lib/readers/taobao/embedded';
import { fixtureDocument, htmlDocument } from '../../../support/fixtures';

const NOW = new Date('2025-11-10T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const LIST_URL = 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';
const detailUrl = (id: string) => `https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${id}`;
const tmallUrl = (id: string) => `https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=${id}`;
const after = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** Reads through the public entry point and checks the result against the schema the extension uses. */
function read(doc: Document, url: string, now = NOW): PageReading {
  const reading = readPage(doc, url, now);
  expect(reading).not.toBeNull();
  expect(PageReadingSchema.safeParse(reading).success).toBe(true);
  return reading!;
}

/** The inside of a single-quoted JS string, escaped the way Taobao's server writes its JSON.parse('…'). */
function jsStringBody(json: string): string {
  return json
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\//g, '\\/')
    .replace(/\r?\n/g, '\\n');
}

const jsonParsePage = (json: string) => `<html><body><div id="detail-panel"></div><script>var data = JSON.parse('${jsStringBody(json)}');</script></body></html>`;

// ---------------------------------------------------------------------------------------------------
// The real saved pages live outside the repository (../shared); they must not be copied into it.
const REAL = resolve('../shared/fixtures/real/taobao');
const hasReal = existsSync(REAL);
const inCI = process.env.CI === 'true';
if (!hasReal && !inCI) console.warn(`[taobao-reader] ${REAL} is absent: the tests on the real saved Taobao/Tmall pages are skipped.`);
// Stylesheet links are dropped: happy-dom would try (and noisily fail) to fetch them; the readers never need them.
const real = (name: string) => readFileSync(resolve(REAL, name), 'utf8').replace(/<link\b[^>]*>/gi, '');

describe.runIf(inCI && !hasReal)('real Taobao pages in CI', () => {
  it('has the real saved pages (they must be present in CI)', () => {
    expect(hasReal, `${REAL} is missing`).toBe(true);
  });
});

describe.skipIf(!hasReal)('real Taobao order list (list_bought_items_2025-11.html)', () => {
  const html = hasReal ? real('list_bought_items_2025-11.html') : '';
  const reading = hasReal ? read(htmlDocument(html), LIST_URL) : undefined!;

  it('reads all 50 orders of the page from its embedded data, each with every expected field', () => {
    expect(reading).toMatchObject({ platform: 'taobao', pageKind: 'order-list', missing: [] });
    expect(reading.orders).toHaveLength(50);
    expect(new Set(reading.orders.map((o) => o.orderId)).size).toBe(50);
    for (const order of reading.orders) {
      expect(order.orderId).toMatch(/^\d{19}$/);
      expect(order.placedAt).toMatch(/^2025-1[01]-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(['卖家已发货', '交易成功', '交易关闭']).toContain(order.status);
      expect(order.store?.name).toBeTruthy();
      expect(order.store?.url).toMatch(/^https:\/\/store\.taobao\.com\/shop\/view_shop\.htm\?user_number_id=\d+$/);
      expect(order.total).toEqual({ amount: expect.any(Number), currency: 'CNY' });
      expect(order.items.length).toBeGreaterThan(0);
      for (const item of order.items) {
        expect(item.title).toBeTruthy();
        expect(item.quantity).toBeGreaterThan(0);
        expect(item.price?.currency).toBe('CNY');
        expect(item.url).toMatch(/^https:\/\/item\.taobao\.com\/item\.htm\?id=\d+/);
        // Every item of the saved list links its 交易快照 (snapUrl): the listing as bought.
        expect(item.snapshotUrl).toMatch(/^https:\/\/buyertrade\.taobao\.com\/trade\/detail\/tradeSnap\.htm\?tradeID=\d{19}&snapShot=true$/);
      }
      expect(order.sources).toMatchObject({
        orderId: 'embedded-data',
        placedAt: 'embedded-data',
        status: 'embedded-data',
        store: 'embedded-data',
        items: 'embedded-data',
        total: 'embedded-data',
      });
    }
    const statuses = reading.orders.map((o) => o.status);
    expect(statuses.filter((s) => s === '卖家已发货')).toHaveLength(41);
    expect(statuses.filter((s) => s === '交易成功')).toHaveLength(7);
    expect(statuses.filter((s) => s === '交易关闭')).toHaveLength(2);
    expect(reading.orders.reduce((n, o) => n + o.items.length, 0)).toBe(60);
  });

  it('reads the first order exactly', () => {
    expect(reading.orders[0]).toEqual({
      orderId: '4574438817212023118',
      placedAt: '2025-11-08T03:44:47+08:00',
      status: '卖家已发货',
      store: { name: '77纯手工穿戴甲', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=2217059899873', id: '2217059899873' },
      items: [
        {
          title: '精选高货孤品 全场7.9米 默认微瑕 NO退NO换 纯手工穿戴甲',
          sku: '颜色分类：7.9',
          quantity: 6,
          price: { amount: 7.9, currency: 'CNY' },
          url: 'https://item.taobao.com/item.htm?id=911178585754&_u=820glpv28seed8',
          snapshotUrl: 'https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=4574438817212023118&snapShot=true',
        },
      ],
      total: { amount: 47.4, currency: 'CNY' },
      countdowns: [{ label: '自动确认收货', text: '还剩9天9时', endsAt: after(9 * DAY + 9 * HOUR) }],
      events: { placed: '2025-11-08T03:44:47+08:00' },
      sources: {
        orderId: 'embedded-data',
        placedAt: 'embedded-data',
        status: 'embedded-data',
        store: 'embedded-data',
        items: 'embedded-data',
        total: 'embedded-data',
        countdowns: 'embedded-data',
        'events.placed': 'embedded-data',
      },
    });
  });

  it('spot-checks orders with several items, two SKU properties, other shops and closed orders', () => {
    const byId = new Map(reading.orders.map((o) => [o.orderId, o]));
    const seven = byId.get('4505256320752020283')!;
    expect(seven.store?.name).toBe('戚七纯手工穿戴甲');
    expect(seven.total).toEqual({ amount: 69.3, currency: 'CNY' });
    expect(seven.items).toHaveLength(7);
    expect(seven.items[0]).toMatchObject({ sku: '颜色分类：494短椭圆2.0cm; 大小：L', quantity: 1, price: { amount: 13.9 } });

    const three = byId.get('4473517047130010312')!;
    expect(three.items.map((i) => [i.quantity, i.price?.amount])).toEqual([
      [2, 13.9],
      [2, 5.8],
      [3, 7.9],
    ]);
    expect(three.items[2].sku).toBe('颜色分类：7.9米/副（3单起拍）');

    const walkie = byId.get('4812096101361745504')!;
    expect(walkie).toMatchObject({
      placedAt: '2025-11-06T11:55:26+08:00',
      store: { name: '广州奥特斯专业对讲机店', id: '2408160291' },
      total: { amount: 153, currency: 'CNY' },
      items: [{ quantity: 1, price: { amount: 180, currency: 'CNY' } }],
    });

    const closed = byId.get('4454503583332121354')!;
    expect(closed).toMatchObject({ status: '交易关闭', total: { amount: 49.5 } });
    expect(closed.countdowns).toBeUndefined();

    const last = reading.orders[49];
    expect(last).toMatchObject({ orderId: '4124506278004034905', placedAt: '2025-10-28T01:47:43+08:00', status: '交易成功', total: { amount: 63.2 } });
  });

  it('gives every shipped order its auto-confirm countdown, counted from the reading time', () => {
    for (const order of reading.orders) {
      if (order.status !== '卖家已发货') {
        expect(order.countdowns).toBeUndefined();
        continue;
      }
      expect(order.countdowns).toHaveLength(1);
      const [countdown] = order.countdowns!;
      expect(countdown.text).toMatch(/^还剩\d+天\d+时$/);
      expect(countdown.label).toBe('自动确认收货');
      const left = Date.parse(countdown.endsAt!) - NOW.getTime();
      expect(left).toBeGreaterThan(DAY);
      expect(left).toBeLessThan(10 * DAY);
    }
  });

  it('reads a page cut in half without throwing: the data script is cut off, so no order is claimed', () => {
    const truncated = read(htmlDocument(html.slice(0, Math.floor(html.length / 2))), LIST_URL);
    expect(truncated).toEqual({ platform: 'taobao', pageKind: 'order-list', orders: [], missing: ['orders'] });
  });
});

describe.skipIf(!hasReal)('real Taobao order detail (trade_item_detail_2025-11.html)', () => {
  it('reads every field of the saved page from its embedded data', () => {
    const reading = read(htmlDocument(real('trade_item_detail_2025-11.html')), detailUrl('4812096101361745504'));
    expect(reading).toEqual({
      platform: 'taobao',
      pageKind: 'order-detail',
      missing: [],
      orders: [
        {
          orderId: '4812096101361745504',
          placedAt: '2025-11-06T11:55:26+08:00',
          status: '卖家已发货',
          store: { name: '余美琪美琪', id: '2408160291' },
          items: [
            {
              title: '奥特斯OTS- A3对讲机大功率迷你小型一键对频防破功能超远距离',
              sku: '颜色分类：标配（发1台）一键对频配2条天线',
              quantity: 1,
              price: { amount: 180, currency: 'CNY' },
              url: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=4812096101361745504',
              snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=4812096101361745504',
            },
          ],
          total: { amount: 153, currency: 'CNY' },
          tracking: [{ number: '71412946343919', carrier: '中通快递' }],
          countdowns: [{ label: '自动确认收货', text: '您还有 7天18时11分57秒 来完成宝贝', endsAt: after(670_317_000) }],
          // orderInfo.lines (创建时间, 付款时间) and the orderBar's 卖家发货 step.
          events: { placed: '2025-11-06T11:55:26+08:00', paid: '2025-11-06T11:55:54+08:00', shipped: '2025-11-06T19:19:51+08:00' },
          sources: {
            orderId: 'embedded-data',
            placedAt: 'embedded-data',
            status: 'embedded-data',
            store: 'embedded-data',
            items: 'embedded-data',
            total: 'embedded-data',
            tracking: 'embedded-data',
            countdowns: 'embedded-data',
            'events.placed': 'embedded-data',
            'events.paid': 'embedded-data',
            'events.shipped': 'embedded-data',
          },
        },
      ],
    });
  });

  it('reads the newer trade_order_detail.htm URL the same way', () => {
    const reading = read(
      htmlDocument(real('trade_item_detail_2025-11.html')),
      'https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=4812096101361745504',
    );
    expect(reading.orders[0]).toMatchObject({ orderId: '4812096101361745504', total: { amount: 153 } });
  });

  it('reads every field of the second saved order (data object in a JSON.parse page)', () => {
    const doc = htmlDocument(jsonParsePage(real('trade_item_detail_data_2025-11.json')));
    const [order] = read(doc, detailUrl('4085111218133708184')).orders;
    expect(order).toEqual({
      orderId: '4085111218133708184',
      placedAt: '2025-11-06T23:08:55+08:00',
      status: '卖家已发货',
      store: { name: '任意魔主', id: '1097730455' },
      items: [
        {
          title: '手工穿戴甲十宠一链接',
          sku: '颜色分类：花色; 大小：均码',
          quantity: 10,
          price: { amount: 9.9, currency: 'CNY' },
          url: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=4085111218133708184',
          snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=4085111218133708184',
        },
      ],
      total: { amount: 99, currency: 'CNY' },
      tracking: [{ number: 'YT7540894008845', carrier: '圆通速递' }],
      countdowns: [{ label: '自动确认收货', text: '您还有 7天13时25分39秒 来完成宝贝', endsAt: after(653_139_000) }],
      events: { placed: '2025-11-06T23:08:55+08:00', paid: '2025-11-06T23:09:33+08:00', shipped: '2025-11-07T12:39:38+08:00' },
      sources: expect.objectContaining({ orderId: 'embedded-data', total: 'embedded-data', tracking: 'embedded-data', 'events.shipped': 'embedded-data' }),
    });
  });

  it('reads a detail page cut in half: the order id still comes from the URL', () => {
    const html = real('trade_item_detail_2025-11.html');
    const reading = read(htmlDocument(html.slice(0, Math.floor(html.length / 2))), detailUrl('4812096101361745504'));
    expect(reading.orders[0]).toMatchObject({ orderId: '4812096101361745504', sources: { orderId: 'url' } });
    expect(reading.missing).toEqual(['placedAt', 'status', 'store', 'items', 'total']);
  });
});

describe.skipIf(!hasReal)('real Tmall order detail (tmall_order_detail_data_2025-11.json)', () => {
  const page = () => htmlDocument(`<html><body><script>var detailData = ${real('tmall_order_detail_data_2025-11.json').replace(/<\//g, '<\\/')};</script></body></html>`);

  it('reads every field of the Tmall data, the countdown exact from its target time', () => {
    const reading = read(page(), tmallUrl('4904183602045500155'));
    expect(reading).toEqual({
      platform: 'tmall',
      pageKind: 'order-detail',
      missing: [],
      orders: [
        {
          orderId: '4904183602045500155',
          placedAt: '2025-11-07T14:42:42+08:00',
          status: '商家已发货，等待买家确认',
          store: { name: '3dsway旗舰店' },
          items: [
            {
              title: '【优惠价】三迪思维3DSWAY 四盘3D打印耗材干燥箱 pla耗材防尘防潮密封干燥盒1kg料盘多少多卷可用 拓t竹A',
              sku: '颜色分类：【打印件+注塑件】四盘装3D打印耗材干燥盒',
              quantity: 1,
              price: { amount: 149.8, currency: 'CNY' },
              url: 'https://detail.tmall.com/item.htm?id=819225492008',
              snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=4904183602045500155',
            },
          ],
          total: { amount: 126.8, currency: 'CNY' },
          tracking: [{ number: 'YT7667090505112', carrier: '圆通速递' }],
          countdowns: [
            {
              label: '自动确认收货',
              text: '您还有6天0时39分14秒;来确认收货,超时订单自动确认收货',
              endsAt: new Date(1763364887000).toISOString(),
            },
          ],
          // 成交时间 (= the stepbar's 拍下商品), 付款时间 and 发货时间 from the "更多" list; "预计11月08日送达" from the prompt.
          events: {
            placed: '2025-11-07T14:42:42+08:00',
            paid: '2025-11-07T14:42:51+08:00',
            shipped: '2025-11-07T15:34:47+08:00',
            expectedDelivery: '2025-11-08',
          },
          sources: {
            orderId: 'embedded-data',
            placedAt: 'embedded-data',
            status: 'embedded-data',
            store: 'embedded-data',
            items: 'embedded-data',
            total: 'embedded-data',
            tracking: 'embedded-data',
            countdowns: 'embedded-data',
            'events.placed': 'embedded-data',
            'events.paid': 'embedded-data',
            'events.shipped': 'embedded-data',
            'events.expectedDelivery': 'embedded-data',
          },
        },
      ],
    });
  });

  it('agrees with the list page about the same order', () => {
    const listed = read(htmlDocument(real('list_bought_items_2025-11.html')), LIST_URL).orders.find((o) => o.orderId === '4904183602045500155');
    const [detail] = read(page(), tmallUrl('4904183602045500155')).orders;
    expect(listed?.placedAt).toBe(detail.placedAt);
    expect(listed?.total).toEqual(detail.total);
    expect(listed?.items[0].title).toBe(detail.items[0].title);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("Taobao order list: the project's own fixtures", () => {
  it('reads a 2021-format list (quantities as plain strings) from its JSON.parse data', () => {
    const reading = read(fixtureDocument('taobao/list-2021.html'), LIST_URL);
    expect(reading.missing).toEqual([]);
    expect(reading.orders.map((o) => [o.orderId, o.placedAt, o.status, o.store?.name, o.total?.amount])).toEqual([
      ['1690000000000000001', '2021-03-14T09:26:53+08:00', '卖家已发货', '晨光文具小铺', 58],
      ['1690000000000000002', '2021-03-02', '交易成功', '山野茶舍旗舰店', 1299],
      ['1690000000000000003', '2021-02-27T23:59:01+08:00', '交易关闭', '小白的杂货', 0],
    ]);
    const [first, second, third] = reading.orders;
    expect(first.items).toEqual([
      {
        // Page text stays text: markup and quotes inside the data are not interpreted.
        title: "中性笔 0.5mm 'Gel' 笔芯 \\ 12支装 </script><b>粗体</b>",
        sku: '颜色分类：黑色; 尺码：L',
        quantity: 2,
        price: { amount: 25, currency: 'CNY' },
        url: 'https://item.taobao.com/item.htm?id=600000000001',
        snapshotUrl: 'https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=1690000000000000001&snapShot=true',
      },
    ]);
    expect(first.store).toEqual({ name: '晨光文具小铺', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=880000001', id: '880000001' });
    expect(first.countdowns).toEqual([{ label: '自动确认收货', text: '还剩9天10时', endsAt: after(9 * DAY + 10 * HOUR) }]);
    expect(second.items).toEqual([
      { title: '明前龙井 礼盒装', sku: '净含量：250g', quantity: 1, price: { amount: 1199, currency: 'CNY' }, url: 'https://detail.tmall.com/item.htm?id=600000000002' },
      { title: '紫砂小茶杯', quantity: 1, price: { amount: 100, currency: 'CNY' }, url: 'https://detail.tmall.com/item.htm?id=600000000003' },
    ]);
    expect(second.countdowns).toBeUndefined();
    // No shop name: the seller's nick names the store; no shop link is invented.
    expect(third.store).toEqual({ name: '小白的杂货', id: '880000003' });
    expect(third.items[0].quantity).toBe(3);
  });

  it('reads the 2025 quantity object form {count: "6"}', () => {
    const json = JSON.stringify({
      mainOrders: [
        {
          id: '1690000000000000009',
          orderInfo: { createTime: '2025-11-01 08:00:00' },
          statusInfo: { text: '交易成功' },
          seller: { shopName: '演示店' },
          payInfo: { actualFee: '12.00' },
          subOrders: [{ itemInfo: { title: '演示商品' }, priceInfo: { realTotal: '2.00' }, quantity: { count: '6' } }],
        },
      ],
    });
    const reading = read(htmlDocument(`<script>var data = JSON.parse('${jsStringBody(json)}');</script>`), LIST_URL);
    expect(reading.orders[0].items).toEqual([{ title: '演示商品', quantity: 6, price: { amount: 2, currency: 'CNY' } }]);
    expect(reading.missing).toEqual([]);
  });

  it('reads the rendered list by its catalogued markup when there is no embedded data', () => {
    const reading = read(fixtureDocument('taobao/list-rendered.html'), LIST_URL);
    expect(reading.missing).toEqual([]);
    expect(reading.orders).toHaveLength(2);
    expect(reading.orders[0]).toEqual({
      orderId: '1690000000000000011',
      placedAt: '2021-04-02',
      status: '卖家已发货',
      store: { name: '北岸数码配件', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=880000011', id: '880000011' },
      items: [
        {
          title: 'USB-C 数据线 2米 快充',
          sku: '颜色分类：白色; 长度：2m',
          quantity: 2,
          price: { amount: 29, currency: 'CNY' },
          url: 'https://item.taobao.com/item.htm?id=600000000011',
          snapshotUrl: 'https://buyertrade.taobao.com/trade/detail/tradeSnap.htm?tradeID=1690000000000000011',
        },
      ],
      total: { amount: 58, currency: 'CNY' },
      countdowns: [{ label: '自动确认收货', text: '还剩6天23时', endsAt: after(6 * DAY + 23 * HOUR) }],
      events: { placed: '2021-04-02' },
      sources: {
        orderId: 'selector',
        placedAt: 'selector',
        status: 'selector',
        store: 'selector',
        items: 'selector',
        total: 'selector',
        countdowns: 'label',
        'events.placed': 'selector',
      },
    });
    expect(reading.orders[1]).toMatchObject({
      orderId: '1690000000000000012',
      status: '交易成功',
      store: { name: '南山花园工具', url: 'https://shop880000012.taobao.com/' },
      total: { amount: 35.5, currency: 'CNY' },
      items: [
        { title: '园艺剪刀', quantity: 1, price: { amount: 15.5 } },
        { title: '園藝手套 M', quantity: 2, price: { amount: 7.5 } },
      ],
    });
    expect(reading.orders[1].countdowns).toBeUndefined();
  });

  it('trusts the rendered list over stale inline data after the user paged on', () => {
    const rendered = readFileSync(resolve('tests/fixtures/taobao/list-rendered.html'), 'utf8');
    const script = /<script>\s*var data[\s\S]*?<\/script>/.exec(readFileSync(resolve('tests/fixtures/taobao/list-2021.html'), 'utf8'))![0];
    const reading = read(htmlDocument(rendered.replace('</body>', `${script}</body>`)), LIST_URL);
    expect(reading.orders.map((o) => o.orderId)).toEqual(['1690000000000000011', '1690000000000000012']);
    expect(reading.orders[0].sources.orderId).toBe('selector');
  });

  it('reads from the data alone when the rendered list shows the same orders', () => {
    const script = /<script>\s*var data[\s\S]*?<\/script>/.exec(readFileSync(resolve('tests/fixtures/taobao/list-2021.html'), 'utf8'))![0];
    const doc = htmlDocument(`<div id="J_bought_main"><div class="js-order-container"><div data-id="1690000000000000001">
      <span class="bought-wrapper-mod__create-time___a1">1999-01-01</span></div></div></div>${script}`);
    const reading = read(doc, LIST_URL);
    expect(reading.orders).toHaveLength(3);
    expect(reading.orders[0]).toMatchObject({ placedAt: '2021-03-14T09:26:53+08:00', sources: { placedAt: 'embedded-data' } });
    expect(Object.values(reading.orders[0].sources).every((s) => s === 'embedded-data')).toBe(true);
  });

  it('falls back to labelled text inside an order when its catalogued cells are gone', () => {
    const doc = htmlDocument(`<div id="tp-bought-root"><div class="js-order-container"><div data-id="1690000000000000013">
      <table><tr><td class="x1">2021-01-05 订单号: 1690000000000000013</td></tr></table></div></div></div>`);
    const reading = read(doc, LIST_URL);
    expect(reading.orders[0]).toMatchObject({ orderId: '1690000000000000013', placedAt: '2021-01-05', sources: { orderId: 'selector', placedAt: 'label' } });
    expect(reading.missing).toEqual(['orders[0].status', 'orders[0].store', 'orders[0].items', 'orders[0].total']);
  });

  it('says "orders" is missing when a list page shows none', () => {
    expect(read(htmlDocument('<html><body><div id="J_bought_main"></div></body></html>'), LIST_URL)).toEqual({
      platform: 'taobao',
      pageKind: 'order-list',
      orders: [],
      missing: ['orders'],
    });
  });
});

describe("Tmall and Taobao order detail: the project's own fixtures", () => {
  it('reads a Tmall detail page from `var detailData = {…}`', () => {
    const reading = read(fixtureDocument('taobao/tmall-order-detail.html'), tmallUrl('2690000000000000021'));
    expect(reading).toMatchObject({ platform: 'tmall', pageKind: 'order-detail', missing: [] });
    expect(reading.orders[0]).toEqual({
      orderId: '2690000000000000021',
      placedAt: '2021-03-14T20:15:07+08:00',
      status: '商家已发货，等待买家确认',
      store: { name: '云杉户外旗舰店' },
      items: [
        {
          title: '轻量防风外套 男女同款',
          sku: '颜色分类：雾蓝色; 尺码：M',
          quantity: 1,
          price: { amount: 259, currency: 'CNY' },
          url: 'https://detail.tmall.com/item.htm?id=600000000021',
          snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=2690000000000000021',
        },
        { title: '速干袜 三双装', quantity: 2, price: { amount: 49.5, currency: 'CNY' }, url: 'https://detail.tmall.com/item.htm?id=600000000022', snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=2690000000000000022' },
      ],
      total: { amount: 358, currency: 'CNY' },
      tracking: [{ number: 'SF1000000000021', carrier: '顺丰速运' }],
      countdowns: [{ label: '自动确认收货', text: '您还有12天0时0分0秒;来确认收货,超时订单自动确认收货', endsAt: '2021-03-27T04:00:00.000Z' }],
      events: { placed: '2021-03-14T20:15:07+08:00', paid: '2021-03-14T20:15:30+08:00', shipped: '2021-03-15T10:02:11+08:00' },
      sources: {
        orderId: 'embedded-data',
        placedAt: 'embedded-data',
        status: 'embedded-data',
        store: 'embedded-data',
        items: 'embedded-data',
        total: 'embedded-data',
        tracking: 'embedded-data',
        countdowns: 'embedded-data',
        'events.placed': 'embedded-data',
        'events.paid': 'embedded-data',
        'events.shipped': 'embedded-data',
      },
    });
  });

  it('does not evaluate a detailData that is not JSON: it falls back to labels and the URL', () => {
    const doc = htmlDocument(`<html><body>
      <script>var detailData = { basic: { lists: [] }, run: function () { window.pwned = true; } };</script>
      <div>订单编号: 2690000000000000099</div><div>成交时间: 2021-06-01 10:00:00</div>
      <h3>订单状态: 交易成功</h3><div>商家：<span>演示旗舰店</span></div><div>实付款：￥10.00</div>
    </body></html>`);
    const reading = read(doc, tmallUrl('2690000000000000098'));
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
    expect(reading.orders[0]).toMatchObject({
      orderId: '2690000000000000099',
      placedAt: '2021-06-01T10:00:00+08:00',
      status: '交易成功',
      store: { name: '演示旗舰店' },
      total: { amount: 10, currency: 'CNY' },
      sources: { orderId: 'label', placedAt: 'label', status: 'label', store: 'label', total: 'label' },
    });
    expect(reading.missing).toEqual(['items']);
  });

  it('reads a drifted Taobao detail page (new class names, no data) from labels, links and the URL', () => {
    const reading = read(fixtureDocument('taobao/order-detail-drifted.html'), detailUrl('3690000000000000031'));
    expect(reading).toMatchObject({ platform: 'taobao', pageKind: 'order-detail', missing: [] });
    expect(reading.orders[0]).toEqual({
      orderId: '3690000000000000031',
      placedAt: '2021-05-20T21:03:44+08:00',
      status: '卖家已发货',
      store: { name: '西街手作皮具', url: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=880000031', id: '880000031' },
      items: [
        {
          title: '头层牛皮钥匙包',
          quantity: 1,
          price: { amount: 66, currency: 'CNY' },
          url: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3690000000000000031',
          snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3690000000000000031',
        },
      ],
      total: { amount: 66, currency: 'CNY' },
      tracking: [{ number: '4310000000021', carrier: '韵达快递' }],
      countdowns: [{ label: '自动确认收货', text: '还剩6天23时', endsAt: after(6 * DAY + 23 * HOUR) }],
      events: { placed: '2021-05-20T21:03:44+08:00', paid: '2021-05-20T21:04:10+08:00' },
      sources: {
        orderId: 'label',
        placedAt: 'label',
        status: 'label',
        store: 'selector',
        items: 'selector',
        total: 'label',
        tracking: 'label',
        countdowns: 'label',
        'events.placed': 'label',
        'events.paid': 'label',
      },
    });
  });

  it('takes the order id from the URL when the drifted page no longer shows it', () => {
    const html = readFileSync(resolve('tests/fixtures/taobao/order-detail-drifted.html'), 'utf8').replace(/<div[^>]*><span[^>]*>订单编号:.*?<\/div>/, '');
    const reading = read(htmlDocument(html), 'https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=3690000000000000031');
    expect(reading.orders[0]).toMatchObject({ orderId: '3690000000000000031', status: '卖家已发货', total: { amount: 66 } });
    expect(reading.orders[0].sources.orderId).toBe('url');
  });

  it('finds labelled fields on a translated page (English, Russian)', () => {
    const en = read(
      htmlDocument(`<div>Order ID: 3690000000000000041</div><div>Order time: 2021-07-01 12:00:00</div>
        <div>Status: Shipped</div><div>Seller: <b>Demo Shop</b></div><div>Actual payment: ¥20.00</div>`),
      detailUrl('3690000000000000041'),
    );
    expect(en.orders[0]).toMatchObject({ orderId: '3690000000000000041', placedAt: '2021-07-01T12:00:00+08:00', status: 'Shipped', store: { name: 'Demo Shop' }, total: { amount: 20, currency: 'CNY' } });
    const ru = read(
      htmlDocument(`<div>Номер заказа: 3690000000000000042</div><div>Дата заказа: 1 июля 2021 г.</div>
        <div>Статус заказа: Отправлен</div><div>Продавец: Демо</div><div>Итого: 20,00 ¥</div>`),
      detailUrl('3690000000000000042'),
    );
    expect(ru.orders[0]).toMatchObject({ orderId: '3690000000000000042', placedAt: '2021-07-01', status: 'Отправлен', store: { name: 'Демо' }, total: { amount: 20 } });
  });

  it('does not read "卖家已发货" as a seller called "已发货"', () => {
    const reading = read(htmlDocument('<div>卖家已发货</div><div>订单编号：3690000000000000051</div>'), detailUrl('3690000000000000051'));
    expect(reading.orders[0].store).toBeUndefined();
    expect(reading.missing).toContain('store');
  });

  it('reports a detail page with no id anywhere as unreadable, not as an order', () => {
    const reading = read(htmlDocument('<p>系统繁忙</p>'), 'https://trade.taobao.com/trade/detail/trade_item_detail.htm');
    expect(reading).toMatchObject({ pageKind: 'order-detail', orders: [] });
    expect(reading.missing[0]).toBe('orderId');
  });
});

describe('Taobao URLs', () => {
  it.each([
    [LIST_URL, 'order-list', undefined],
    ['https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm?route_to=tm1', 'order-list', undefined],
    ['https://trade.taobao.com/trade/itemlist/listBoughtItems.htm?nekot=1', 'order-list', undefined],
    [detailUrl('4812096101361745504'), 'order-detail', '4812096101361745504'],
    ['https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=4574438817212023118', 'order-detail', '4574438817212023118'],
    ['https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id=4812096101361745504', 'order-detail', '4812096101361745504'],
    [tmallUrl('4904183602045500155'), 'order-detail', '4904183602045500155'],
    ['https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=not-a-number', 'order-detail', undefined],
    ['https://item.taobao.com/item.htm?id=600000000001', 'unknown', undefined],
    ['https://www.taobao.com/', 'unknown', undefined],
  ])('%s is %s', (url, kind, orderId) => {
    expect(classifyTaobaoUrl(new URL(url))).toEqual({ kind, ...(orderId && { orderId }) });
  });

  it('reads a taobao.com page that is not an order page as unknown, with nothing missing', () => {
    const doc = fixtureDocument('taobao/list-2021.html');
    expect(read(doc, 'https://www.taobao.com/')).toEqual({ platform: 'taobao', pageKind: 'unknown', orders: [], missing: [] });
    expect(read(doc, 'https://detail.tmall.com/item.htm?id=1')).toEqual({ platform: 'tmall', pageKind: 'unknown', orders: [], missing: [] });
  });

  it('is the reader for both taobao.com and tmall.com', () => {
    expect(readPage(htmlDocument(''), LIST_URL, NOW)?.platform).toBe('taobao');
    expect(readPage(htmlDocument(''), tmallUrl('4904183602045500155'), NOW)?.platform).toBe('tmall');
  });
});

describe('Taobao bad input', () => {
  it('reads an empty document without throwing', () => {
    expect(read(htmlDocument(''), LIST_URL)).toEqual({ platform: 'taobao', pageKind: 'order-list', orders: [], missing: ['orders'] });
    const detail = read(htmlDocument(''), detailUrl('4812096101361745504'));
    expect(detail.orders).toEqual([{ orderId: '4812096101361745504', items: [], sources: { orderId: 'url' } }]);
    expect(detail.missing).toEqual(['placedAt', 'status', 'store', 'items', 'total']);
    expect(read(htmlDocument(''), tmallUrl('4904183602045500155')).orders[0].orderId).toBe('4904183602045500155');
    expect(() => readTaobao(htmlDocument(''), 'not a url', NOW)).not.toThrow();
  });

  it('keeps hostile text in the data as plain, bounded text', () => {
    const long = 'A'.repeat(10_000);
    const json = JSON.stringify({
      mainOrders: [
        {
          id: '1690000000000000071',
          orderInfo: { createTime: '2025-11-01 08:00:00' },
          statusInfo: { text: `\u202E交易成功\u200F<script>alert(1)</script>` },
          seller: { shopName: `\u202E${long}`, id: 1e300, shopUrl: 'javascript:alert(1)' },
          payInfo: { actualFee: 'NaN' },
          subOrders: [
            { itemInfo: { title: `<img src=x onerror=alert(1)>${long}`, itemUrl: 'javascript:alert(1)' }, quantity: '-1', priceInfo: { realTotal: long } },
            { itemInfo: { title: '' } },
            null,
            'junk',
          ],
          operations: [{ text: `还剩${'9'.repeat(400)}天` }],
        },
        { id: 12345678901234567890, orderInfo: {} },
        { id: '../../etc' },
        null,
      ],
    });
    const reading = read(htmlDocument(`<script>var data = JSON.parse('${jsStringBody(json)}');</script>`), LIST_URL);
    expect(reading.orders).toHaveLength(1);
    const [order] = reading.orders;
    expect(order.status).toBe('交易成功<script>alert(1)</script>');
    expect(order.store).toEqual({ name: 'A'.repeat(2000) });
    expect(order.items).toHaveLength(1);
    expect(order.items[0].title).toHaveLength(2000);
    expect(order.items[0].title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(order.items[0].url).toBeUndefined();
    expect(order.items[0].quantity).toBeUndefined();
    // An absurd countdown is kept as the page wrote it, without a made-up deadline.
    expect(order.countdowns?.[0].endsAt).toBeUndefined();
    expect(reading.missing).toEqual(['orders[0].total']);
  });

  it('keeps hostile page text bounded on a labelled page, and ignores what scripts would write', () => {
    const doc = htmlDocument(`<html><body>
      <script>document.write('<div>订单编号: 9999999999999999</div>')</script>
      <div>订单编号: \u202E3690000000000000081</div>
      <div>当前订单状态：\u202E${'B'.repeat(10_000)}</div>
      <div>卖家：&lt;script&gt;alert(1)&lt;/script&gt;</div>
      <div>实付款：￥${'9'.repeat(400)}</div>
    </body></html>`);
    const [order] = read(doc, detailUrl('3690000000000000081')).orders;
    expect(order.orderId).toBe('3690000000000000081');
    expect(order.status).toMatch(/^B+$/);
    expect(order.status!.length).toBeGreaterThan(1900);
    expect(order.status!.length).toBeLessThanOrEqual(2000);
    expect(order.store?.name).toBe('<script>alert(1)</script>');
  });

  it('survives broken data: an unterminated literal, invalid escapes, deep nesting, non-objects', () => {
    const pages = [
      `<script>var data = JSON.parse('{\\"mainOrders\\":[{\\"id\\":\\"1690000000000000001\\"`,
      `<script>var data = JSON.parse('\\u12');</script>`,
      `<script>var data = JSON.parse('${'['.repeat(100_000)}');</script>`,
      `<script>var data = JSON.parse('[1,2,3]'); var data = JSON.parse("{\\"mainOrders\\": 5}");</script>`,
      `<script>var detailData = {"basic": {"lists": [{"key": "订单编号", "content": [{"text": null}]}]}, "orders": {"list": [{"status": [{"subOrders": [{"itemInfo": 7}]}]}]}, "amount": {"count": ${'['.repeat(500)}${']'.repeat(500)}}};</script>`,
      `<script>var detailData = {"a": "unterminated</script>`,
    ];
    for (const page of pages) {
      for (const url of [LIST_URL, detailUrl('1690000000000000001'), tmallUrl('1690000000000000001')]) {
        expect(() => read(htmlDocument(page), url)).not.toThrow();
      }
    }
  });
});

describe('Taobao times', () => {
  it.each([
    ['2025-11-08 03:44:47', '2025-11-08T03:44:47+08:00'],
    ['2025-11-08', '2025-11-08'],
    ['2024-02-29 00:00:00', '2024-02-29T00:00:00+08:00'],
    ['2025-02-29 10:00:00', undefined],
    ['2025年11月8日 03:44', '2025-11-08T03:44:00+08:00'],
  ])('reads %s in Asia/Shanghai', (text, iso) => {
    expect(shanghaiDate(text, NOW)).toBe(iso);
  });
});

describe('embedded data: JavaScript string literals, decoded without eval', () => {
  it.each([
    [`'plain'`, 'plain'],
    [`'a\\'b\\"c\\\\d\\/e'`, `a'b"c\\d/e`],
    [`'\\u4E2D\\u{1F600}\\x41\\n\\t'`, '中😀A\n\t'],
    [`"double 'quoted'"`, "double 'quoted'"],
    [`'line\\\ncontinued'`, 'linecontinued'],
    [`'say "hi" \\'there\\''`, `say "hi" 'there'`],
    [`'\\a\\v\\0'`, 'a\v\0'],
  ])('%s', (source, value) => {
    expect(readStringLiteral(source, 0)).toBe(value);
  });

  it.each([[`'unterminated`], [`'broken \\u12 escape'`], [`'new\nline'`]])('refuses %s', (source) => {
    expect(readStringLiteral(source, 0)).toBeUndefined();
  });
});

describe('the listing as bought (交易快照): snapshotUrl beside the product link', () => {
  const listPage = (subOrders: unknown[]) =>
    htmlDocument(
      `<script>var data = JSON.parse('${jsStringBody(
        JSON.stringify({ mainOrders: [{ id: '1690000000000000091', orderInfo: { createTime: '2025-11-01 08:00:00' }, statusInfo: { text: '交易成功' }, subOrders }] }),
      )}');</script>`,
    );

  it('takes the snapshot from whichever data field holds it, and none from a link that is not one', () => {
    const reading = read(
      listPage([
        // Renamed order of fields: the snapshot in itemUrl, the product in auctionUrl (as Tmall writes them).
        { itemInfo: { title: '甲', itemUrl: '//trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=1690000000000000092', auctionUrl: '//detail.tmall.com/item.htm?id=1' }, quantity: '1' },
        // A product link only: no snapshot is made up.
        { itemInfo: { title: '乙', itemUrl: '//item.taobao.com/item.htm?id=2' }, quantity: '1' },
        // A snapshot link that is a script, and one on plain http (upgraded by nothing): neither is kept as a link.
        { itemInfo: { title: '丙', snapUrl: 'javascript:alert(1)//tradeSnap.htm' }, quantity: '1' },
      ]),
      LIST_URL,
    );
    expect(reading.orders[0].items).toEqual([
      { title: '甲', quantity: 1, url: 'https://detail.tmall.com/item.htm?id=1', snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=1690000000000000092' },
      { title: '乙', quantity: 1, url: 'https://item.taobao.com/item.htm?id=2' },
      { title: '丙', quantity: 1 },
    ]);
  });

  it('reads the 交易快照 link of rendered markup in another language, beside the product link, per item', () => {
    const doc = htmlDocument(`<html><body><div id="detail-panel">
      <div>订单编号: 3690000000000000093</div>
      <table><tbody>
        <tr><td><a href="//item.taobao.com/item.htm?id=3">Лампа настольная</a> <a href="//trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3690000000000000093">[снимок]</a></td><td>¥12.00</td><td>1</td></tr>
        <tr><td><a href="//item.taobao.com/item.htm?id=4">USB cable</a></td><td>¥3.00</td><td>2</td></tr>
      </tbody></table>
    </div></body></html>`);
    const [order] = read(doc, detailUrl('3690000000000000093')).orders;
    expect(order.items).toEqual([
      {
        title: 'Лампа настольная',
        quantity: 1,
        price: { amount: 12, currency: 'CNY' },
        url: 'https://item.taobao.com/item.htm?id=3',
        snapshotUrl: 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3690000000000000093',
      },
      { title: 'USB cable', quantity: 2, price: { amount: 3, currency: 'CNY' }, url: 'https://item.taobao.com/item.htm?id=4' },
    ]);
  });
});

describe('the end-to-end snapshot fixture (taobao/order-detail-snapshot.html)', () => {
  it('gives the first item its 交易快照 and the second its off-site link, as the page wrote them', () => {
    const [order] = read(fixtureDocument('taobao/order-detail-snapshot.html'), detailUrl('3690000000000000041')).orders;
    expect(order).toMatchObject({ orderId: '3690000000000000041', status: '卖家已发货', store: { name: '东港灯具小店' } });
    expect(order.items.map((i) => [i.title, i.snapshotUrl])).toEqual([
      ['北欧护眼台灯 可调光', 'https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=3690000000000000041'],
      // The reader keeps what the page says; the background refuses to open a link off the marketplace.
      ['LED 灯泡 E27', 'https://snapshots.example.net/trade/detail/tradeSnap.htm?trade_id=3690000000000000042'],
    ]);
  });
});

// The isolated content script's side: what it takes from the page's world, and what it ignores.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpointForPage, PageDataInbox, receivePageData, recordedResponse } from '@/lib/content/page-data/inbox';
import { MAX_RESPONSE_URL_CHARS, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT } from '@/lib/content/page-data/protocol';
import { installPageDataRecorder } from '@/lib/content/page-data/recorder';
import { MAX_RESPONSE_CHARS, MAX_RESPONSES } from '@/lib/readers/api';
import { API_ENDPOINTS } from '@/lib/readers/endpoints';

const AE_PAGE = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
const AE_API = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/?api=mtop.aliexpress.trade.buyer.order.detail&type=originaljson';
const TB_PAGE = 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';
const TB_API = 'https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction&event_submit_do_query=1';
const TMALL_PAGE = 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2690000000000000021';
const TB_MTOP = 'https://h5api.m.taobao.com/h5/mtop.taobao.order.queryboughtlistv2/1.0/?type=originaljson';
const BODY = '{"ret":["SUCCESS::调用成功"],"data":{"data":{}}}';

const payload = (fields: Record<string, unknown>) => JSON.stringify({ url: AE_API, body: BODY, at: 1000, ...fields });

describe('which responses a page could have fetched', () => {
  it('an endpoint of this page’s marketplace, over https, on its site', () => {
    expect(endpointForPage(AE_API, AE_PAGE, API_ENDPOINTS)?.name).toBe('mtop.aliexpress.trade.buyer.order.detail');
    expect(endpointForPage(AE_API.replace('https:', 'http:'), AE_PAGE, API_ENDPOINTS)).toBeUndefined();
    // .com's gateway is not the .us page's, nor another site's host that merely starts the same.
    expect(endpointForPage(AE_API, 'https://www.aliexpress.us/p/order/detail.html?orderId=1', API_ENDPOINTS)).toBeUndefined();
    expect(endpointForPage(AE_API.replace('acs.aliexpress.com', 'acs.aliexpress.com.evil.example'), AE_PAGE, API_ENDPOINTS)).toBeUndefined();
    // Another marketplace's API on this page.
    expect(endpointForPage(TB_API, AE_PAGE, API_ENDPOINTS)).toBeUndefined();
    expect(endpointForPage(AE_API, TB_PAGE, API_ENDPOINTS)).toBeUndefined();
    expect(endpointForPage(TB_API, TB_PAGE, API_ENDPOINTS)?.name).toBe('asyncBought');
    // Tmall's pages share Taobao's gateway.
    expect(endpointForPage(TB_MTOP, TMALL_PAGE, API_ENDPOINTS)?.name).toBe('mtop.taobao.order.queryboughtlistV2');
    expect(endpointForPage(AE_API, 'https://example.com/', API_ENDPOINTS)).toBeUndefined();
    expect(endpointForPage('javascript:alert(1)', AE_PAGE, API_ENDPOINTS)).toBeUndefined();
  });
});

describe('the inbox', () => {
  const inbox = (href = AE_PAGE, now = 5000) => new PageDataInbox(() => href, API_ENDPOINTS, () => now);

  it('keeps a well-formed response of this page’s endpoint', () => {
    const box = inbox();
    expect(box.accept(payload({}))).toBe(true);
    expect(box.responses()).toEqual([{ url: AE_API, body: BODY, at: 1000 }]);
  });

  it('ignores what the page could not have fetched, whatever it claims', () => {
    const box = inbox();
    expect(box.accept(payload({ url: 'https://evil.example/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/' }))).toBe(false);
    expect(box.accept(payload({ url: AE_API.replace('https:', 'http:') }))).toBe(false);
    expect(box.accept(payload({ url: TB_API }))).toBe(false);
    expect(box.accept(payload({ url: 'https://acs.aliexpress.com/h5/mtop.aliexpress.recommend.feed/1.0/' }))).toBe(false);
    expect(box.responses()).toEqual([]);
  });

  it('ignores anything that is not a string of the right shape and size', () => {
    const box = inbox();
    for (const bad of [
      undefined,
      null,
      42,
      { url: AE_API, body: BODY },
      [payload({})],
      'not json',
      JSON.stringify([{ url: AE_API, body: BODY }]),
      payload({ body: 42 }),
      payload({ body: '' }),
      payload({ at: 'yesterday' }),
      payload({ at: -1 }),
      payload({ extra: '<img src=x onerror=alert(1)>' }),
      payload({ url: `${AE_API}&pad=${'x'.repeat(9000)}` }),
      payload({ body: `{"x":"${'x'.repeat(MAX_RESPONSE_CHARS)}"}` }),
      // Over the payload's own cap before it is even parsed.
      `"${'x'.repeat(3 * MAX_RESPONSE_CHARS)}"`,
    ]) {
      expect(box.accept(bad), String(bad).slice(0, 80)).toBe(false);
    }
    expect(box.count).toBe(0);
  });

  // The zod schema the plain check replaced (the content script no longer carries zod): the two agree.
  const RecordedResponseSchema = z.strictObject({
    url: z.string().min(1).max(MAX_RESPONSE_URL_CHARS),
    body: z.string().min(1).max(MAX_RESPONSE_CHARS),
    at: z.number().nonnegative().optional(),
  });
  it('checks a response exactly as its old schema did', () => {
    const good = { url: AE_API, body: BODY, at: 1000 };
    const values = [undefined, null, '', 'x', 0, -0, -1, 0.5, 1e300, NaN, Infinity, -Infinity, true, [], {}, ['x'], 'x'.repeat(MAX_RESPONSE_URL_CHARS), 'x'.repeat(MAX_RESPONSE_URL_CHARS + 1), 'x'.repeat(MAX_RESPONSE_CHARS), 'x'.repeat(MAX_RESPONSE_CHARS + 1)];
    const samples: unknown[] = [good, { url: AE_API, body: BODY }, { url: AE_API, body: BODY, at: undefined }, { ...good, extra: 1 }, { ...good, [Symbol('s')]: 1 }, Object.assign(Object.create(null), good), new Date(0), [good], ...values];
    for (const key of ['url', 'body', 'at'] as const) {
      for (const value of values) samples.push({ ...good, [key]: value });
      const { [key]: _dropped, ...without } = good;
      samples.push(without);
    }
    for (const sample of samples) {
      const schema = RecordedResponseSchema.safeParse(sample);
      expect(recordedResponse(sample), String(JSON.stringify(sample)).slice(0, 80)).toEqual(schema.success ? schema.data : undefined);
    }
  });

  it('orders by arrival: a time in the future counts as now', () => {
    const box = inbox(AE_PAGE, 5000);
    box.accept(payload({ at: 9_999_999_999_999, body: '{"forged":1}' }));
    expect(box.responses()[0].at).toBe(5000);
  });

  it('ignores a response it already has, and keeps the most recent MAX_RESPONSES', () => {
    const box = inbox();
    expect(box.accept(payload({}))).toBe(true);
    expect(box.accept(payload({}))).toBe(false);
    for (let n = 0; n < MAX_RESPONSES + 5; n++) box.accept(payload({ body: `{"n":${n}}`, at: 2000 + n }));
    expect(box.count).toBe(MAX_RESPONSES);
    expect(box.responses().at(-1)?.body).toBe(`{"n":${MAX_RESPONSES + 4}}`);
  });

  it('gives the readers only the responses of the page it is on now', () => {
    let href = AE_PAGE;
    const box = new PageDataInbox(() => href, API_ENDPOINTS);
    box.accept(payload({}));
    href = 'https://aliexpress.ru/order-list/5012345678901234';
    expect(box.responses()).toEqual([]);
  });

  it('tells its listener of each response it keeps, and only those', () => {
    const box = inbox();
    let heard = 0;
    box.onResponse(() => heard++);
    box.accept(payload({}));
    box.accept(payload({ url: TB_API }));
    expect(heard).toBe(1);
  });
});

describe('the hand-over between the two worlds', () => {
  const windows: HappyWindow[] = [];
  afterEach(async () => {
    for (const win of windows.splice(0)) await win.happyDOM.close();
  });

  it('asks the recorder for what it kept before, then hears each new response', async () => {
    const happy = new HappyWindow({ url: AE_PAGE });
    windows.push(happy);
    const win = happy as unknown as Window & typeof globalThis;
    win.fetch = async (input: RequestInfo | URL) => {
      const r = new win.Response(BODY);
      Object.defineProperty(r, 'url', { value: String(input) });
      return r;
    };
    installPageDataRecorder(win);
    await (await win.fetch(AE_API)).text();
    await new Promise((resolve) => setTimeout(resolve, 0));

    const box = new PageDataInbox(() => win.location.href, API_ENDPOINTS);
    receivePageData(win, box);
    expect(box.responses().map((r) => r.body)).toEqual([BODY]);

    await (await win.fetch(`${AE_API}&page=2`)).text();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(box.count).toBe(2);
  });

  it('takes a forged event like any other input: checked, and ignored when it is not a response of this page', () => {
    const happy = new HappyWindow({ url: AE_PAGE });
    windows.push(happy);
    const win = happy as unknown as Window & typeof globalThis;
    const box = new PageDataInbox(() => win.location.href, API_ENDPOINTS);
    const asked: Event[] = [];
    win.addEventListener(PAGE_DATA_REQUEST_EVENT, (e) => asked.push(e));
    receivePageData(win, box);
    expect(asked).toHaveLength(1);
    win.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail: { url: AE_API, body: BODY } }));
    win.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail: payload({ url: 'https://evil.example/api' }) }));
    win.dispatchEvent(new win.Event(PAGE_DATA_EVENT));
    expect(box.count).toBe(0);
    win.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail: payload({}) }));
    expect(box.count).toBe(1);
  });
});

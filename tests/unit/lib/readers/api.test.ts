import { describe, expect, it } from 'vitest';
import { apiBody, bodiesFrom, endpointOf } from '@/lib/readers/api';
import { API_ENDPOINTS } from '@/lib/readers/endpoints';

const LIST = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?jsv=2.5.1&appKey=12574478&t=1&sign=x&api=mtop.aliexpress.trade.buyer.order.list&v=1.0&type=originaljson&dataType=json';

describe('API responses as readers take them', () => {
  it('reads JSON and JSONP bodies, and nothing else', () => {
    expect(apiBody('{"ret":["SUCCESS::调用成功"],"data":{}}')).toEqual({ ret: ['SUCCESS::调用成功'], data: {} });
    expect(apiBody(' mtopjsonp3({"api":"x","data":{"a":1}})')).toEqual({ api: 'x', data: { a: 1 } });
    expect(apiBody('/**/ typeof cb === "function" && cb({"a":2});')).toEqual({ a: 2 });
    expect(apiBody('<!doctype html><title>Login</title>')).toBeUndefined();
    expect(apiBody('{"data": {"cut": ')).toBeUndefined();
    expect(apiBody('')).toBeUndefined();
    expect(apiBody('alert(1)')).toBeUndefined();
  });

  it('knows an endpoint by host and path, over https only', () => {
    expect(endpointOf(LIST, API_ENDPOINTS)?.name).toBe('mtop.aliexpress.trade.buyer.order.list');
    expect(endpointOf(LIST.replace('https:', 'http:'), API_ENDPOINTS)).toBeUndefined();
    expect(endpointOf(LIST.replace('acs.aliexpress.com', 'acs.aliexpress.com.evil.example'), API_ENDPOINTS)).toBeUndefined();
    expect(endpointOf('https://acs.aliexpress.com/h5/mtop.aliexpress.recommend.feed/1.0/', API_ENDPOINTS)).toBeUndefined();
    expect(endpointOf('https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction', API_ENDPOINTS)?.platform).toBe('taobao');
    expect(endpointOf('https://market.yandex.ru/api/resolve/?r=src/resolvers/orders/resolveConsolidationOrders:resolveConsolidationOrders', API_ENDPOINTS)?.platform).toBe('yandex-market');
    expect(endpointOf('not a url', API_ENDPOINTS)).toBeUndefined();
  });

  it('gives the bodies of known endpoints, most recent first', () => {
    const found = bodiesFrom(
      [
        { url: LIST, body: '{"n":1}', at: 1 },
        { url: 'https://example.com/api', body: '{"n":2}', at: 3 },
        { url: LIST, body: 'mtopjsonp1({"n":3})', at: 2 },
        { url: LIST, body: '<html>', at: 4 },
      ],
      API_ENDPOINTS,
    );
    expect(found.map((f) => f.data)).toEqual([{ n: 3 }, { n: 1 }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { PageReading } from '@/lib/common/model';
import { pageStateFrom } from '@/lib/readers/page-state';

const detail: PageReading = {
  platform: 'aliexpress',
  pageKind: 'order-detail',
  orders: [{ orderId: '8190123456789012', items: [], sources: { orderId: 'url' } }],
  missing: ['status', 'store'],
};

describe('what the popup says about a tab', () => {
  it('shows an order read off an order page', () => {
    expect(pageStateFrom(4, undefined, detail)).toMatchObject({ kind: 'order', tabId: 4, order: { orderId: '8190123456789012' } });
  });
  it('asks for a reload on a marketplace tab with no content script yet', () => {
    expect(pageStateFrom(4, 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm', undefined)).toEqual({ kind: 'reload', platform: 'taobao' });
  });
  it('says "not an order page" elsewhere', () => {
    expect(pageStateFrom(4, 'https://example.com/', undefined)).toEqual({ kind: 'not-supported' });
    expect(pageStateFrom(4, undefined, undefined)).toEqual({ kind: 'not-supported' });
    expect(pageStateFrom(4, undefined, { platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] })).toEqual({ kind: 'not-supported' });
  });
  it('says a known page whose order it cannot read is unreadable', () => {
    expect(pageStateFrom(4, undefined, { ...detail, orders: [], missing: ['orderId'] })).toEqual({ kind: 'unreadable', platform: 'aliexpress' });
    expect(pageStateFrom(4, undefined, { platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: ['page'] })).toEqual({ kind: 'unreadable', platform: 'aliexpress' });
  });
  it('recognises a list of orders', () => {
    expect(pageStateFrom(4, undefined, { platform: 'aliexpress', pageKind: 'order-list', orders: detail.orders, missing: [] })).toEqual({ kind: 'order-list', tabId: 4, platform: 'aliexpress', orders: detail.orders });
  });
});

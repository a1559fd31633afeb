import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/db';
import type { OrderFacts } from '@/lib/model';
import { saveListedOrders } from '@/lib/save-orders';

let database: DisputeKitDB;
beforeEach(() => {
  database = new DisputeKitDB('save-orders-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('save-orders-test');
});

const listed = (orderId: string, status: string): OrderFacts => ({ orderId, status, items: [], sources: { orderId: 'selector', status: 'selector' } });
const listPage = (orders: OrderFacts[]) => ({ reading: { platform: 'aliexpress', pageKind: 'order-list', orders, missing: [] } });
const now = () => new Date('2026-11-20T12:00:00Z');

describe('saving every order of a list page', () => {
  it('opens a case per order, and refreshes existing ones without losing what a detail page told', async () => {
    await database.cases.add({
      id: 'aliexpress:8190000000000001', platform: 'aliexpress', orderId: '8190000000000001', state: 'open',
      order: { orderId: '8190000000000001', status: 'Awaiting delivery', items: [{ title: 'Charger', quantity: 2 }], total: { amount: 36.8, currency: 'USD' }, sources: { total: 'selector' } },
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const sendToTab = async () => listPage([listed('8190000000000001', 'Completed'), listed('8190000000000002', 'Closed')]);
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 1, updated: 1 });
    const refreshed = await database.cases.get('aliexpress:8190000000000001');
    expect(refreshed?.order).toMatchObject({ status: 'Completed', items: [{ title: 'Charger' }], total: { amount: 36.8 } });
    expect(refreshed?.createdAt).toBe('2026-11-01T00:00:00.000Z');
    expect(await database.cases.count()).toBe(2);
    expect(await database.events.where('type').equals('case-opened').count()).toBe(1);
  });

  it('keeps the dated events a detail page gave when the list gives fewer', async () => {
    await database.cases.add({
      id: 'taobao:4812096101361745504', platform: 'taobao', orderId: '4812096101361745504', state: 'open',
      order: {
        orderId: '4812096101361745504', placedAt: '2025-11-06T11:55:26+08:00', items: [],
        events: { placed: '2025-11-06T11:55:26+08:00', paid: '2025-11-06T11:55:54+08:00', shipped: '2025-11-06T19:19:51+08:00' },
        sources: { placedAt: 'embedded-data', 'events.placed': 'embedded-data', 'events.paid': 'embedded-data', 'events.shipped': 'embedded-data' },
      },
      createdAt: '2025-11-07T00:00:00.000Z', updatedAt: '2025-11-07T00:00:00.000Z',
    });
    const fromList: OrderFacts = {
      orderId: '4812096101361745504', placedAt: '2025-11-06T11:55:26+08:00', status: '交易成功', items: [],
      events: { placed: '2025-11-06T11:55:26+08:00', completed: '2025-11-12' },
      sources: { placedAt: 'embedded-data', status: 'embedded-data', 'events.placed': 'embedded-data', 'events.completed': 'label' },
    };
    const sendToTab = async () => ({ reading: { platform: 'taobao', pageKind: 'order-list', orders: [fromList], missing: [] } });
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 0, updated: 1 });
    const refreshed = await database.cases.get('taobao:4812096101361745504');
    expect(refreshed?.order.events).toEqual({
      placed: '2025-11-06T11:55:26+08:00',
      paid: '2025-11-06T11:55:54+08:00',
      shipped: '2025-11-06T19:19:51+08:00',
      completed: '2025-11-12',
    });
    expect(refreshed?.order.sources).toMatchObject({ 'events.paid': 'embedded-data', 'events.completed': 'label' });
  });

  it('refuses a page that is not a list of orders, saving nothing', async () => {
    const detail = { reading: { platform: 'aliexpress', pageKind: 'order-detail', orders: [listed('8190000000000001', 'x')], missing: [] } };
    expect(await saveListedOrders({ sendToTab: async () => detail, database, now }, 3)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveListedOrders({ sendToTab: async () => Promise.reject(new Error('no receiver')), database, now }, 3)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveListedOrders({ sendToTab: async () => listPage([]), database, now }, 3)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await database.cases.count()).toBe(0);
  });
});

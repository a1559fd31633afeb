import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import type { OrderFacts } from '@/lib/common/model';
import { saveListedOrders } from '@/lib/capture/save-listed-orders';
import { saveOrders } from '@/lib/cases/cases';
import { setUserEventDate } from '@/lib/cases/case-dates';
import { addContact } from '@/lib/cases/contacts';
import { isClosingStatus } from '@/lib/cases/order-state';
import type { Platform } from '@/lib/common/marketplaces';

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
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 1, updated: 1, createdClosed: 1, updatedClosed: 0, keptOpen: 0 });
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
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 0, updated: 1, createdClosed: 0, updatedClosed: 0, keptOpen: 0 });
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

describe('cancelled and closed orders', () => {
  it.each<[Platform, string[], string[]]>([
    ['aliexpress', ['Closed', 'Cancelled', 'Canceled', 'Order closed', 'Cancelled by buyer', 'CLOSED', 'Отменён', 'Закрыт', 'Заказ отменен', '交易关闭', '已取消', 'Cancelado', 'Fechado', 'Annulée'],
      ['Completed', 'Awaiting delivery', 'Dispute closed', 'Refund closed', 'Cancellation requested', 'Expired', 'Отменяется', 'FINISH', 'IN_CANCEL', '']],
    ['taobao', ['交易关闭', '已取消', '订单已取消', '交易已关闭', 'TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'Trade closed'],
      ['交易成功', '卖家已发货', '等待买家付款', '退款关闭', '退款中', '售后关闭', 'TRADE_FINISHED', '关闭订单的原因：']],
    ['tmall', ['交易关闭', 'TRADE_CLOSED'], ['交易成功', '退款关闭']],
    ['yandex-market', ['Отменён', 'Отменен', 'Заказ отменён', 'Отменён продавцом', 'Закрыт', 'CANCELLED'],
      ['Доставлен', 'Получен 3 ноября', 'В пути', 'Возврат отменён', 'Спор закрыт', 'DELIVERED']],
  ])('%s: which statuses close the order', (platform, closing, notClosing) => {
    for (const status of closing) expect(isClosingStatus(platform, status), status).toBe(true);
    for (const status of notClosing) expect(isClosingStatus(platform, status), status).toBe(false);
  });

  it('files cancelled and closed orders as closed cases, and closes open ones nobody has worked on', async () => {
    await database.cases.add({
      id: 'taobao:2001', platform: 'taobao', orderId: '2001', state: 'open', order: { orderId: '2001', status: '卖家已发货', items: [], sources: {} },
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const orders = [listed('2001', '交易关闭'), listed('2002', '已取消'), listed('2003', '交易成功'), listed('2004', '等待买家付款'), listed('2005', '退款关闭')];
    const sendToTab = async () => ({ reading: { platform: 'taobao', pageKind: 'order-list', orders, missing: [] } });
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 4, updated: 1, createdClosed: 1, updatedClosed: 1, keptOpen: 0 });
    const states = Object.fromEntries((await database.cases.toArray()).map((c) => [c.orderId, c.state]));
    expect(states).toEqual({ '2001': 'closed', '2002': 'closed', '2003': 'open', '2004': 'open', '2005': 'open' });
  });

  it('leaves a case the user works on as the user left it, and says so', async () => {
    const open = (orderId: string) => database.cases.add({
      id: `yandex-market:${orderId}`, platform: 'yandex-market', orderId, state: 'open', order: { orderId, status: 'В пути', items: [], sources: {} },
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    });
    for (const id of ['301', '302', '303', '304', '305']) await open(id);
    const blob = new Blob(['x']);
    await database.evidence.add({
      id: 'e1', caseId: 'yandex-market:301', captureId: 'c1', kind: 'note', blob, mime: 'text/plain', bytes: 1, sha256: 'a'.repeat(64),
      capturedAt: '2026-11-02T00:00:00.000Z', capturedAtLocal: '2026-11-02T03:00:00.000+03:00', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0', browser: 'test',
    });
    await database.checklist.put({ caseId: 'yandex-market:302', stepId: 'contact-seller', state: 'done', at: '2026-11-02T00:00:00.000Z' });
    await addContact(database, { caseId: 'yandex-market:303', at: '2026-11-02T00:00:00.000Z', channel: 'seller-chat', summary: 'Asked' }, () => 'k1');
    await setUserEventDate(database, 'yandex-market:304', 'delivered', '2026-11-05', new Date('2026-11-06T00:00:00.000Z'));
    // 305: saved from a list only, never touched: it closes with its order.
    const orders = ['301', '302', '303', '304', '305'].map((id) => listed(id, 'Отменён'));
    const sendToTab = async () => ({ reading: { platform: 'yandex-market', pageKind: 'order-list', orders, missing: [] } });
    expect(await saveListedOrders({ sendToTab, database, now }, 3)).toEqual({ ok: true, created: 0, updated: 5, createdClosed: 0, updatedClosed: 1, keptOpen: 4 });
    const states = Object.fromEntries((await database.cases.toArray()).map((c) => [c.orderId, c.state]));
    expect(states).toEqual({ '301': 'open', '302': 'open', '303': 'open', '304': 'open', '305': 'closed' });
    // The new status is kept all the same: the case page shows what the page said.
    expect((await database.cases.get('yandex-market:301'))?.order.status).toBe('Отменён');
  });

  it('never reopens a closed case, never touches a resolved one, and the popup’s first edit opens the case', async () => {
    await database.cases.bulkAdd(['closed', 'resolved'].map((state, i) => ({
      id: `aliexpress:40${i}`, platform: 'aliexpress' as const, orderId: `40${i}`, state: state as 'closed' | 'resolved', order: { orderId: `40${i}`, items: [], sources: {} },
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    })));
    await saveOrders(database, 'aliexpress', [listed('400', 'Awaiting delivery'), listed('401', 'Closed')], now());
    expect((await database.cases.get('aliexpress:400'))?.state).toBe('closed');
    expect((await database.cases.get('aliexpress:401'))?.state).toBe('resolved');
    expect(await saveOrders(database, 'aliexpress', [listed('402', 'Closed')], now(), 'popup')).toMatchObject({ created: 1, createdClosed: 0 });
    expect((await database.cases.get('aliexpress:402'))?.state).toBe('open');
  });
});

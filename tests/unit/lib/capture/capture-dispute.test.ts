// Capturing on a dispute or refund page files the page into the case of the order it is about.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureVisible, type CaptureDeps } from '@/lib/capture/capture-tab';
import { getCase } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import type { SnapshotResponse } from '@/lib/messaging/messages';
import type { OrderFacts, PageReading } from '@/lib/common/model';

const ORDER_ID = '8190123456789012';
const ORDER_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;
const DISPUTE_URL = 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=5123';
const PNG = `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\nfake-pixels')}`;

const ORDER: OrderFacts = {
  orderId: ORDER_ID,
  status: 'Awaiting delivery',
  store: { name: 'Sunrise' },
  items: [{ title: 'Charger' }],
  events: { placed: '2026-11-03', paid: '2026-11-03T14:42:51+08:00', shipped: '2026-11-05' },
  sources: { orderId: 'api-data' },
};
const DISPUTE: OrderFacts = {
  orderId: ORDER_ID,
  items: [],
  events: { disputeOpened: '2026-11-21' },
  dispute: { id: '5123', type: 'Refund only', status: 'Waiting for the seller to respond' },
  countdowns: [{ label: 'Seller must respond', text: 'Seller must respond: 4 days', endsAt: '2026-11-25T15:00:00Z' }],
  sources: { orderId: 'api-data', dispute: 'api-data' },
};

const snapshot = (reading: PageReading, url: string): SnapshotResponse => ({
  reading,
  html: '<!DOCTYPE html><html><body>page</body></html>',
  page: { url, title: 'page', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
});

let database: DisputeKitDB;
let ids = 0;
const deps = (page: SnapshotResponse): CaptureDeps => ({
  getTab: async () => ({ active: true, windowId: 1, url: page.page.url }),
  sendToTab: async () => page,
  captureVisibleTab: async () => PNG,
  makeThumbnail: async () => undefined,
  database,
  now: () => new Date('2026-11-21T12:00:00.000Z'),
  sleep: async () => {},
  newId: () => `id-${++ids}`,
  extensionVersion: '0.1.0',
  browserName: 'test',
  timeZone: 'UTC',
});

beforeEach(() => {
  database = new DisputeKitDB('capture-dispute-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('capture-dispute-test');
});

describe('capturing a dispute page', () => {
  it('goes into the order’s case, adding the dispute without losing the order’s dated steps', async () => {
    await captureVisible(deps(snapshot({ platform: 'aliexpress', pageKind: 'order-detail', orders: [ORDER], missing: [] }, ORDER_URL)), 1);
    const result = await captureVisible(deps(snapshot({ platform: 'aliexpress', pageKind: 'dispute-detail', orders: [DISPUTE], missing: [] }, DISPUTE_URL)), 1);
    expect(result).toMatchObject({ ok: true, caseId: `aliexpress:${ORDER_ID}` });
    const record = await getCase(database, `aliexpress:${ORDER_ID}`);
    expect(record?.order.events).toEqual({ placed: '2026-11-03', paid: '2026-11-03T14:42:51+08:00', shipped: '2026-11-05', disputeOpened: '2026-11-21' });
    expect(record?.order.dispute).toMatchObject({ id: '5123', status: 'Waiting for the seller to respond' });
    expect(record?.order.store?.name).toBe('Sunrise');
    expect(record?.order.items).toEqual([{ title: 'Charger' }]);
    expect(await database.evidence.where('caseId').equals(`aliexpress:${ORDER_ID}`).count()).toBe(4);
  });

  it('a list of several orders’ disputes has no one case: nothing is saved', async () => {
    const list: PageReading = { platform: 'aliexpress', pageKind: 'dispute-list', orders: [DISPUTE, { ...DISPUTE, orderId: '8190999988887777' }], missing: [] };
    expect(await captureVisible(deps(snapshot(list, DISPUTE_URL)), 1)).toMatchObject({ ok: false, error: 'notOrderPage' });
    expect(await database.cases.count()).toBe(0);
  });
});

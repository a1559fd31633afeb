// @vitest-environment happy-dom
// What the popup shows of a page's reading: the order as the marketplace states it, a dispute page, a list of disputes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { OrderFacts, PageReading } from '@/lib/common/model';
import { formatPageDate } from '@/lib/format/page-date';
import { caseOrderOf, pageStateFrom, type PageState } from '@/lib/readers/page-state';
import type { PopupApi } from '@/components/popup/popup-api';

const ORDER: OrderFacts = {
  orderId: '8190123456789012',
  status: 'Awaiting delivery',
  store: { name: 'Sunrise Gadgets Store' },
  total: { amount: 36.8, currency: 'EUR' },
  items: [
    { title: 'USB-C Fast Charger 65W', sku: 'Color: White, Plug: EU', quantity: 2, price: { amount: 18.4, currency: 'EUR' } },
    { title: 'Braided cable 2 m', quantity: 1 },
  ],
  placedAt: '2026-11-03',
  events: { placed: '2026-11-03', paid: '2026-11-03T14:42:51+08:00', shipped: '2026-11-05', expectedDelivery: '2026-12-28' },
  sources: { orderId: 'api-data' },
};
const DISPUTE: OrderFacts = {
  orderId: '8190123456789012',
  items: [],
  events: { disputeOpened: '2026-11-21' },
  dispute: { id: '5123', type: 'Refund only', status: 'Waiting for the seller to respond', amount: { amount: 18.4, currency: 'EUR' } },
  countdowns: [{ label: 'Seller must respond', text: 'Seller must respond: 4 days 3 hours', endsAt: '2026-11-25T15:00:00Z' }],
  sources: { orderId: 'api-data' },
};

function api(page: PageState): PopupApi {
  return {
    locale: 'en',
    readPage: async () => page,
    loadCase: async () => null,
    capture: async () => ({ ok: false, error: 'internal' }),
    saveAllOrders: async () => ({ ok: true, created: 0, updated: 0, createdClosed: 0, updatedClosed: 0, keptOpen: 0 }),
    captureListings: async () => ({ ok: false, error: 'noSnapshots' }),
    onListingProgress: () => () => {},
    takeListingResult: async () => undefined,
    cancelCapture: async () => {},
    onCaptureProgress: () => () => {},
    takeInterrupted: async () => false,
    openCases: async () => ({ cases: [] }),
    addPageToCase: async () => ({ ok: false, error: 'internal' }),
    captureChat: async () => ({ ok: false, error: 'internal' }),
    onPageChanged: () => () => {},
  };
}

let root: HTMLElement | undefined;
async function show(page: PageState) {
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  await act(async () => render(<Popup api={api(page)} />, el));
  for (let i = 0; i < 5; i++) await act(async () => {});
}
const text = (testId: string) => root!.querySelector(`[data-testid="${testId}"]`)?.textContent ?? undefined;
const all = (testId: string) => Array.from(root!.querySelectorAll(`[data-testid="${testId}"]`), (el) => el.textContent);

afterEach(() => {
  if (!root) return;
  render(null, root);
  root.remove();
});

describe('dates as the page states them', () => {
  it('a day stays that day, in every zone; an instant is shown in the user’s zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      expect(formatPageDate('2026-11-03', 'en', zone)).toBe('Nov 3, 2026');
      expect(formatPageDate('2026-11-03T14:42:51+08:00', 'en', zone)).toMatch(/\d{1,2}:\d{2}/);
    }
    expect(formatPageDate('2026-11-03T14:42:51+08:00', 'en', 'Europe/Moscow')).toBe('Nov 3, 2026, 9:42 AM');
    expect(formatPageDate('2026-11-03T14:42:51+08:00', 'ru', 'Asia/Shanghai')).toBe('3 нояб. 2026 г., 14:42');
  });
});

describe('the popup on an order page', () => {
  it('shows what the marketplace says: store, status, total in its currency, every item and every dated step', async () => {
    await show({ kind: 'order', tabId: 3, platform: 'aliexpress', order: ORDER, missing: [] });
    expect(text('order-store')).toBe('Sunrise Gadgets Store');
    expect(text('order-total')).toBe('€36.80');
    expect(all('order-item')).toEqual(['USB-C Fast Charger 65W · Color: White, Plug: EU · qty 2 · €18.40', 'Braided cable 2 m · qty 1']);
    // Collapsed, so the deadline and the capture button stay in view.
    expect(root!.querySelector('[data-testid="order-items"]')?.hasAttribute('open')).toBe(false);
    expect(text('event-placed')).toBe('Order placed: Nov 3, 2026');
    expect(text('event-shipped')).toBe('Shipped: Nov 5, 2026');
    expect(text('event-expectedDelivery')).toBe('Promised delivery by: Dec 28, 2026');
    expect(text('event-paid')).toMatch(/^Paid: Nov [34], 2026, \d{1,2}:42 (AM|PM)$/);
    expect(root!.querySelector('[data-testid="event-paid"] time')?.getAttribute('datetime')).toBe('2026-11-03T14:42:51+08:00');
    expect(text('order-events')).toMatch(/^Dates on the page \(4\)/);
    // The order comes before the capture button.
    const order = root!.querySelector('[data-testid="order"]')!;
    const capture = root!.querySelector('[data-testid="capture"]')!;
    expect(order.compareDocumentPosition(capture) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no item or date list when the page gives none, and says when the page was cut to the caps', async () => {
    await show({ kind: 'order', tabId: 3, platform: 'taobao', order: { orderId: '1', items: [], sources: {} }, missing: [], truncated: ['orders[0].items (10000, kept 500)'] });
    expect(root!.querySelector('[data-testid="order-items"]')).toBeNull();
    expect(root!.querySelector('[data-testid="order-events"]')).toBeNull();
    expect(text('truncated')).toMatch(/first 500 orders and items/);
  });
});

describe('the popup on a dispute or refund page', () => {
  it('names the order, the dispute’s state, its amount and the page’s timers, and offers the capture', async () => {
    const reading: PageReading = { platform: 'aliexpress', pageKind: 'dispute-detail', orders: [DISPUTE], missing: [] };
    const page = pageStateFrom(3, undefined, reading);
    expect(page.kind).toBe('dispute');
    await show(page);
    expect(text('order-id')).toBe('8190123456789012');
    expect(text('dispute-type')).toBe('Refund only');
    expect(text('dispute-status')).toBe('Waiting for the seller to respond');
    expect(text('dispute-opened')).toBe('Nov 21, 2026');
    expect(text('dispute-amount')).toBe('€18.40');
    expect(text('page-timers')).toMatch(/^Seller must respond: 4 days 3 hours · until Nov 2[56], 2026/);
    expect(root!.querySelector('[data-testid="capture"]')).not.toBeNull();
  });

  it('in Russian and Chinese too', async () => {
    const reading: PageReading = { platform: 'aliexpress', pageKind: 'dispute-detail', orders: [DISPUTE], missing: [] };
    const el = document.createElement('div');
    root = el;
    document.body.append(el);
    await act(async () => render(<Popup api={{ ...api(pageStateFrom(3, undefined, reading)), locale: 'ru' }} />, el));
    for (let i = 0; i < 5; i++) await act(async () => {});
    expect(root!.querySelector('[data-testid="order"] h2')?.textContent).toBe('Спор или возврат · AliExpress');
    render(null, el);
    await act(async () => render(<Popup api={{ ...api(pageStateFrom(3, undefined, reading)), locale: 'zh_CN' }} />, el));
    for (let i = 0; i < 5; i++) await act(async () => {});
    expect(root!.querySelector('[data-testid="order"] h2')?.textContent).toBe('速卖通 AliExpress退款/售后');
  });

  it('lists several orders’ disputes with their state and nearest timer, and adds the page to a case instead', async () => {
    const other = { ...DISPUTE, orderId: '8190999988887777', dispute: { type: 'RETURN', status: 'Return the item' }, countdowns: undefined };
    const page = pageStateFrom(3, undefined, { platform: 'aliexpress', pageKind: 'dispute-list', orders: [DISPUTE, other], missing: [] });
    expect(page.kind).toBe('dispute-list');
    await show(page);
    expect(text('dispute-count')).toBe('2 disputes and returns on this page');
    expect(all('dispute-order')[0]).toMatch(/^8190123456789012 · Refund only · Waiting for the seller to respond · Seller must respond: 4 days 3 hours \(until Nov 2[56], 2026/);
    expect(all('dispute-order')[1]).toBe('8190999988887777 · RETURN · Return the item');
    expect(root!.querySelector('[data-testid="capture"]')).toBeNull();
  });

  it('says so when a returns page lists none', async () => {
    await show(pageStateFrom(3, undefined, { platform: 'taobao', pageKind: 'dispute-list', orders: [], missing: ['orders'] }));
    expect(text('page-message')).toBe('No dispute, return or refund is listed on this page.');
  });
});

describe('which case a page belongs to', () => {
  const one = (pageKind: PageReading['pageKind'], orders: OrderFacts[]): PageReading => ({ platform: 'aliexpress', pageKind, orders, missing: [] });
  it('an order page’s order, or the one order a dispute page is about; none for lists', () => {
    expect(caseOrderOf(one('order-detail', [ORDER]))).toBe(ORDER);
    expect(caseOrderOf(one('dispute-detail', [DISPUTE]))).toBe(DISPUTE);
    expect(caseOrderOf(one('dispute-list', [DISPUTE]))).toBe(DISPUTE);
    expect(caseOrderOf(one('dispute-list', [DISPUTE, { ...DISPUTE, orderId: '2' }]))).toBeUndefined();
    expect(caseOrderOf(one('order-list', [ORDER]))).toBeUndefined();
    expect(caseOrderOf(one('unknown', []))).toBeUndefined();
    expect(caseOrderOf(null)).toBeUndefined();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { savedOrdersText } from '@/components/popup/OrderList';
import { Popup } from '@/components/popup/Popup';
import { casePlanApi } from '@/lib/cases/plan';
import { DisputeKitDB } from '@/lib/cases/db';
import { addDays, localDay } from '@/lib/common/time';
import { until } from '../../support/wait';
import type { CaseOverview } from '@/lib/cases/cases';
import { translator } from '@/lib/i18n';
import type { PageState } from '@/lib/readers/page-state';
import type { PopupApi } from '@/components/popup/popup-api';

const order: PageState = {
  kind: 'order',
  tabId: 3,
  platform: 'aliexpress',
  order: { orderId: '8190123456789012', status: 'Awaiting delivery', items: [], sources: {} },
  missing: ['store'],
};

function api(page: PageState, overrides: Partial<PopupApi> = {}): PopupApi {
  return {
    locale: 'en',
    readPage: async () => page,
    loadCase: async () => null,
    capture: async () => ({ ok: true, caseId: 'aliexpress:8190123456789012', evidenceIds: ['a', 'b'] }),
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
    ...overrides,
  };
}

let root: HTMLElement;
async function show(popupApi: PopupApi) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Popup api={popupApi} />, root));
  await settle();
}
/** Lets every pending promise of the popup run out and its renders happen. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}
const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent;

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup', () => {
  it('names the order it sees and says what it could not find', async () => {
    await show(api(order));
    expect(text('order-id')).toBe('8190123456789012');
    expect(text('order-status')).toBe('Awaiting delivery');
    expect(text('order-store')).toBe('not found on the page');
    expect(text('case')).toBe('No evidence saved for this order yet.');
  });

  it('says plainly when the page is not an order page', async () => {
    await show(api({ kind: 'not-supported' }));
    expect(text('page-message')).toMatch(/not an order page/);
    expect(root.querySelector('[data-testid="capture"]')).toBeNull();
  });

  it('asks for a reload when the marketplace page predates the extension', async () => {
    await show(api({ kind: 'reload', platform: 'taobao' }, { locale: 'zh_CN' }));
    expect(text('page-message')).toContain('请刷新页面');
  });

  it('captures, then shows the case with its count', async () => {
    const overview: CaseOverview = {
      case: { id: 'aliexpress:8190123456789012', platform: 'aliexpress', orderId: '8190123456789012', order: order.order, state: 'open', createdAt: '2026-11-20T12:00:00.000Z', updatedAt: '2026-11-20T12:00:00.000Z' },
      evidenceCount: 2,
      lastCapturedAt: '2026-11-20T12:00:00.000Z',
    };
    const loadCase = vi.fn().mockResolvedValueOnce(null).mockResolvedValue(overview);
    const capture = vi.fn().mockResolvedValue({ ok: true, caseId: overview.case.id, evidenceIds: ['a', 'b'] });
    await show(api(order, { loadCase, capture, locale: 'ru' }));
    await act(async () => (root.querySelector('[data-testid="capture"]') as HTMLButtonElement).click());
    await act(async () => {});
    expect(capture).toHaveBeenCalledWith(3, undefined);
    expect(text('notice')).toBe('Сохранено: 2 файла.');
    expect(text('evidence-count')).toBe('2 файла');
  });

  it('never shows the saved message beside the count from before the capture', async () => {
    const before: CaseOverview = {
      case: { id: 'aliexpress:8190123456789012', platform: 'aliexpress', orderId: '8190123456789012', order: order.order, state: 'open', createdAt: '2026-11-20T12:00:00.000Z', updatedAt: '2026-11-20T12:00:00.000Z' },
      evidenceCount: 3,
      lastCapturedAt: '2026-11-20T12:00:00.000Z',
    };
    let answer: (overview: CaseOverview) => void = () => {};
    const loadCase = vi
      .fn()
      .mockResolvedValueOnce(before)
      .mockImplementationOnce(() => new Promise<CaseOverview>((resolve) => (answer = resolve)));
    const capture = vi.fn().mockResolvedValue({ ok: true, caseId: before.case.id, evidenceIds: ['a', 'b', 'c'] });
    await show(api(order, { loadCase, capture }));
    expect(text('evidence-count')).toBe('3 files');
    await act(async () => (root.querySelector('[data-testid="capture"]') as HTMLButtonElement).click());
    await settle();
    // The capture is saved, the case is still being read: no message yet, so none beside a stale count.
    expect(capture).toHaveBeenCalled();
    expect(text('notice')).toBeUndefined();
    await act(async () => answer({ ...before, evidenceCount: 6 }));
    await settle();
    expect(text('notice')).toBe('Saved: 3 files.');
    expect(text('evidence-count')).toBe('6 files');
  });

  it('says nothing about the case until the database has answered', async () => {
    let answer: (overview: CaseOverview | null) => void = () => {};
    await show(api(order, { loadCase: () => new Promise((resolve) => (answer = resolve)) }));
    expect(text('order-id')).toBe('8190123456789012');
    expect(root.querySelector('[data-testid="case"]')).toBeNull();
    await act(async () => answer(null));
    await settle();
    expect(text('case')).toBe('No evidence saved for this order yet.');
  });

  it('a page taller than one capture takes: says which screens were saved and offers the next ones', async () => {
    const capture = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, caseId: 'aliexpress:8190123456789012', evidenceIds: ['a', 'b', 'c'], section: { first: 1, last: 200, of: 6250 } })
      .mockResolvedValueOnce({ ok: true, caseId: 'aliexpress:8190123456789012', evidenceIds: ['d', 'e', 'f'], section: { first: 201, last: 400, of: 6250 } });
    await show(api(order, { capture }));
    await act(async () => (root.querySelector('[data-testid="capture"]') as HTMLButtonElement).click());
    await settle();
    expect(text('notice')).toMatch(/^Saved: 3 files\. The page is 6,250 screens tall, more than one capture takes: this one holds screens 1–200\./);
    const next = root.querySelector('[data-testid="capture-next-section"]') as HTMLButtonElement;
    expect(next.textContent).toBe('Capture screens 201–400');
    await act(async () => next.click());
    await settle();
    expect(capture).toHaveBeenLastCalledWith(3, 200);
    expect(text('capture-next-section')).toBe('Capture screens 401–600');
  });

  it('"Capture the listing as bought" shows only with snapshot links, and says what was saved and what was not, by name', async () => {
    await show(api(order));
    expect(root.querySelector('[data-testid="capture-listing"]')).toBeNull();
    render(null, root);
    root.remove();

    const withSnapshots: PageState = {
      ...order,
      order: {
        ...order.order,
        items: [
          { title: 'Charger', snapshotUrl: 'https://www.aliexpress.com/snapshot/1.html' },
          { title: 'Cable', snapshotUrl: 'https://www.aliexpress.com/snapshot/2.html' },
        ],
      },
    } as PageState;
    const captureListings = vi.fn().mockResolvedValue({
      ok: true,
      caseId: 'aliexpress:8190123456789012',
      captured: [{ title: 'Charger', url: 'https://www.aliexpress.com/snapshot/1.html', evidenceIds: ['a', 'b'] }],
      failed: [{ title: 'Cable', url: 'https://www.aliexpress.com/snapshot/2.html', reason: 'login' }],
      skipped: 0,
    });
    await show(api(withSnapshots, { captureListings }));
    expect(text('capture-listing')).toBe('Capture the listing as bought');
    await act(async () => (root.querySelector('[data-testid="capture-listing"]') as HTMLButtonElement).click());
    await settle();
    expect(captureListings).toHaveBeenCalledWith(3);
    expect(text('notice')).toContain('Listing as bought saved: 1 snapshot.');
    expect(text('notice-lines')).toBe('Not saved: Cable — the marketplace asked you to sign in; sign in and try again.');
  });

  it('shows a listing result that finished while the popup was closed, in Russian', async () => {
    const takeListingResult = vi.fn().mockResolvedValue({ ok: true, caseId: 'x', captured: [], failed: [{ title: 'Кабель', url: 'u', reason: 'timeout' }], skipped: 0 });
    await show(api({ ...order, order: { ...order.order, items: [{ title: 'Кабель', snapshotUrl: 'https://www.aliexpress.com/snapshot/1.html' }] } } as PageState, { locale: 'ru', takeListingResult }));
    expect(takeListingResult).toHaveBeenCalledWith(3);
    expect(text('notice')).toContain('Ни один снимок не сохранён.');
    expect(text('notice-lines')).toBe('Не сохранено: Кабель — страница не загрузилась вовремя.');
  });

  it('shows a failed capture’s reason', async () => {
    await show(api(order, { capture: async () => ({ ok: false, error: 'tabNotVisible' }) }));
    await act(async () => (root.querySelector('[data-testid="capture"]') as HTMLButtonElement).click());
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/Switch to the order’s tab/);
  });

  it('offers to save every order of a list page as cases', async () => {
    const orders = Array.from({ length: 7 }, (_, i) => ({ orderId: `81900000000000${10 + i}`, status: 'Completed', items: [], sources: {} }));
    const saveAllOrders = vi.fn().mockResolvedValue({ ok: true, created: 5, updated: 2, createdClosed: 1, updatedClosed: 0, keptOpen: 0 });
    await show(api({ kind: 'order-list', tabId: 9, platform: 'aliexpress', orders }, { saveAllOrders }));
    expect(text('order-count')).toBe('7 orders on this page');
    expect(root.querySelectorAll('[data-testid="order-list"] li')).toHaveLength(5);
    await act(async () => (root.querySelector('[data-testid="save-all"]') as HTMLButtonElement).click());
    expect(saveAllOrders).toHaveBeenCalledWith(9);
    expect(text('notice')).toBe('Saved: 5 new (1 closed), 2 updated.');
  });

  it('says what a list save did, closed cases and cases kept open included, in each language', () => {
    const result = { ok: true as const, created: 3, updated: 2, createdClosed: 1, updatedClosed: 1, keptOpen: 1 };
    expect(savedOrdersText(translator('en'), { ...result, updatedClosed: 0, keptOpen: 0 })).toBe('Saved: 3 new (1 closed), 2 updated.');
    expect(savedOrdersText(translator('en'), { ...result, createdClosed: 0, updatedClosed: 0, keptOpen: 0 })).toBe('Saved: 3 new, 2 updated.');
    expect(savedOrdersText(translator('en'), result)).toBe(
      'Saved: 3 new (1 closed), 2 updated (1 now closed). The page says 1 order is closed, but you are working on its case, so it stays open.',
    );
    expect(savedOrdersText(translator('zh_CN'), { ...result, keptOpen: 0 })).toBe('已保存：新增3个（其中1个已关闭），更新2个（其中1个现已关闭）。');
    expect(savedOrdersText(translator('ru'), { ...result, keptOpen: 2 })).toBe(
      'Сохранено: новых 3 (закрытых: 1), обновлено 2 (теперь закрыто: 1). На странице указано, что 2 заказа закрыты, но вы работаете с их делами, поэтому они остаются открытыми.',
    );
  });

  it('reads the page again when it changes under the popup', async () => {
    let changed = () => {};
    const readPage = vi.fn().mockResolvedValueOnce({ kind: 'order-list', tabId: 9, platform: 'aliexpress', orders: [] }).mockResolvedValue(order);
    await show(api(order, { readPage, onPageChanged: (callback) => ((changed = callback), () => {}) }));
    expect(text('page-message')).toMatch(/found no orders/);
    await act(async () => changed());
    expect(text('order-id')).toBe('8190123456789012');
  });

  it('keeps the browser’s own words apart from the translated message', async () => {
    await show(api(order, { locale: 'ru', capture: async () => ({ ok: false, error: 'captureFailed', detail: 'Tab is being dragged' }) }));
    await act(async () => (root.querySelector('[data-testid="capture"]') as HTMLButtonElement).click());
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.firstChild?.textContent).toBe('Не удалось сделать снимок. Ничего не сохранено, попробуйте снова.');
    expect(alert.querySelector('.detail')?.textContent).toBe('Подробности: Tab is being dragged');
  });

  it('tells the user once that the last capture was interrupted', async () => {
    await show(api(order, { takeInterrupted: async () => true }));
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/interrupted/);
  });
});

describe('the popup\'s headline', () => {
  it('an order delivered a month ago: "Missed" and "Still open" above the next step, never "no deadline can be worked out"', async () => {
    const database = new DisputeKitDB('popup-headline-test');
    try {
      const today = localDay(Date.now(), 'Europe/Moscow');
      const page: PageState = {
        kind: 'order',
        tabId: 4,
        platform: 'yandex-market',
        order: { orderId: '512034876', status: 'Доставлен', items: [], sources: {}, events: { placed: addDays(today, -32), delivered: addDays(today, -30) } },
        missing: [],
      };
      const plan = casePlanApi({ database, now: () => new Date(), copy: async () => true, openSettings: () => {} });
      await show(api(page, { plan }));
      const line = await until(() => root.querySelector('[data-testid="headline-line"]'), 'the headline');
      expect(line.textContent).toMatch(/^Missed: /);
      expect(text('headline-still-open')).toMatch(/^Still open: 3-month return until the end of /);
      expect(root.textContent).not.toContain('No deadline can be worked out yet');
      const ids = [...root.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
      expect(ids.indexOf('headline-line')).toBeLessThan(ids.indexOf('next-step'));
      expect(ids.indexOf('next-step')).toBeLessThan(ids.indexOf('capture'));
    } finally {
      database.close();
      await Dexie.delete('popup-headline-test');
    }
  });
});

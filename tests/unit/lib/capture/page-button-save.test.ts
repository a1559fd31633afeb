// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '@/lib/messaging/background-router';
import { archivePageHtml } from '@/lib/capture/page-archive';
import { getCurrentCaseId } from '@/lib/cases/current-case';
import { db, DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { translator } from '@/lib/i18n';
import { platformForUrl } from '@/lib/common/marketplaces';
import { isMarketplaceContentScript, type SnapshotResponse } from '@/lib/messaging/messages';
import type { OrderFacts } from '@/lib/common/model';
import { serializeDocument } from '@/lib/content/content-script';
import { hidePageButtonDuringCapture, HIDDEN_ATTRIBUTE, mountPageButton, PAGE_BUTTON_TAG, type MountedButton } from '@/lib/content/page-button';
import { getReadings } from '@/lib/cases/readings';
import { PageSaveLimiter, saveOrderFromPage, type SaveFromPageDeps } from '@/lib/capture/page-button-save';

const ORDER_ID = '8190123456789012';
const ORDER_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;
const isMarketplaceUrl = (url: string) => platformForUrl(url) !== null;
const EXTENSION_ID = 'test-extension-id';

function snapshot(pageKind: 'order-detail' | 'unknown' = 'order-detail', url = ORDER_URL, facts: Partial<OrderFacts> = {}): SnapshotResponse {
  return {
    reading: {
      platform: 'aliexpress',
      pageKind,
      orders: pageKind === 'order-detail' ? [{ orderId: ORDER_ID, status: 'Awaiting delivery', store: { name: 'Sunrise' }, items: [], sources: {}, ...facts }] : [],
      missing: [],
    },
    html: `<!DOCTYPE html><html><body>Order ${ORDER_ID}</body></html>`,
    page: { url, title: 'Order details', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2 },
  };
}

const marketplaceSender = { id: EXTENSION_ID, url: ORDER_URL, frameId: 0, tab: { id: 5, url: ORDER_URL } };
const TAB = { id: 5, url: ORDER_URL };
const CASE = `aliexpress:${ORDER_ID}`;

describe('who may ask for “Save order to DisputeKit”', () => {
  it('only this extension’s content script, in the top frame of a marketplace tab', () => {
    expect(isMarketplaceContentScript(marketplaceSender, EXTENSION_ID, isMarketplaceUrl)).toBe(true);
    const refused = [
      { ...marketplaceSender, id: 'another-extension' },
      { ...marketplaceSender, tab: { id: 5, url: 'https://evil.example/' }, url: 'https://evil.example/' },
      { ...marketplaceSender, url: 'https://ads.example/frame', frameId: 3 },
      { ...marketplaceSender, frameId: 3 },
      { ...marketplaceSender, tab: undefined },
      { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` },
    ];
    for (const sender of refused) expect(isMarketplaceContentScript(sender, EXTENSION_ID, isMarketplaceUrl)).toBe(false);
  });
});

describe('the background’s answer to the in-page button', () => {
  let database: DisputeKitDB;
  beforeEach(() => {
    database = new DisputeKitDB('save-from-page-test');
  });
  afterEach(async () => {
    database.close();
    await Dexie.delete('save-from-page-test');
  });

  let ids = 0;
  function deps(answer: unknown, overrides: Partial<SaveFromPageDeps> = {}): SaveFromPageDeps {
    return {
      limiter: new PageSaveLimiter(),
      sendToTab: async () => answer,
      database,
      storage: fakeBrowser.storage.local,
      captureShortcut: async () => 'Alt+Shift+E',
      isMarketplaceUrl,
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      newId: () => `id-${++ids}`,
      extensionVersion: '0.1.0',
      browserName: 'Chromium test',
      timeZone: 'UTC',
      ...overrides,
    };
  }

  it('re-reads the tab and saves the order and the page’s HTML, not a screenshot, with the shortcut for one', async () => {
    const result = await saveOrderFromPage(deps(snapshot()), TAB);
    expect(result).toEqual({ ok: true, caseId: `aliexpress:${ORDER_ID}`, evidenceIds: expect.any(Array), shortcut: 'Alt+Shift+E' });
    const items = await database.evidence.toArray();
    expect(items.map((e) => e.kind)).toEqual(['page-html']);
    // Issue 12: the stored page has its scripts disabled; its SHA-256 is the stored file's, the page's own is kept.
    expect(items[0]!.sha256).toBe(await sha256Hex(archivePageHtml(snapshot().html).bytes));
    expect(items[0]!.htmlArchive?.originalSha256).toBe(await sha256Hex(new TextEncoder().encode(snapshot().html)));
    expect((await database.cases.get(`aliexpress:${ORDER_ID}`))?.order.store?.name).toBe('Sunrise');
    expect(await getCurrentCaseId(fakeBrowser.storage.local)).toBe(`aliexpress:${ORDER_ID}`);
  });

  it('saves nothing when the tab is not an order page or its snapshot is not a marketplace page', async () => {
    expect(await saveOrderFromPage(deps(snapshot('unknown')), TAB)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveOrderFromPage(deps(snapshot('order-detail', 'https://evil.example/')), TAB)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveOrderFromPage(deps({ reading: 'forged' }), TAB)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await database.cases.count()).toBe(0);
    expect(await database.evidence.count()).toBe(0);
  });

  it('saves into the order the tab’s address names: a page whose text names another order saves nothing anywhere', async () => {
    const OTHER = '1111222233334444';
    const claimsOther = snapshot('order-detail', ORDER_URL, { orderId: OTHER, store: { name: 'Attacker Store' } });
    expect(await saveOrderFromPage(deps(claimsOther), TAB)).toEqual({ ok: false, error: 'orderMismatch', detail: `${OTHER} ≠ ${ORDER_ID}` });
    expect(await database.cases.count()).toBe(0);
    expect(await database.evidence.count()).toBe(0);
    expect(await database.readings.count()).toBe(0);
  });

  it('saves nothing from a page whose address names no order, or that is not the page the tab shows', async () => {
    const yandex = 'https://market.yandex.ru/my/order';
    const yandexReading = { ...snapshot('order-detail', yandex), reading: { platform: 'yandex-market' as const, pageKind: 'order-detail' as const, orders: [{ orderId: '123456', items: [], sources: {} }], missing: [] } };
    expect(await saveOrderFromPage(deps(yandexReading), { id: 5, url: yandex })).toEqual({ ok: false, error: 'noOrderInUrl' });
    // The content script's page is not the tab's address (navigated in between, or a page rewriting its history).
    const elsewhere = snapshot('order-detail', 'https://www.aliexpress.com/p/order/detail.html?orderId=1111222233334444');
    expect(await saveOrderFromPage(deps(elsewhere), TAB)).toEqual({ ok: false, error: 'pageChanged' });
    expect(await database.cases.count()).toBe(0);
  });

  it('never overwrites the facts a case holds: it adds a reading of what the page said', async () => {
    expect(await saveOrderFromPage(deps(snapshot()), TAB)).toMatchObject({ ok: true });
    const attacker = snapshot('order-detail', ORDER_URL, { store: { name: 'Attacker Store' }, total: { amount: 1, currency: 'USD' }, status: 'Completed' });
    expect(await saveOrderFromPage(deps(attacker, { now: () => new Date('2026-11-20T12:05:00.000Z') }), TAB)).toMatchObject({ ok: true, caseId: CASE });
    const record = (await database.cases.get(CASE))!;
    expect(record.order).toMatchObject({ store: { name: 'Sunrise' }, status: 'Awaiting delivery' });
    expect(record.order.total).toBeUndefined();
    const readings = await getReadings(database, CASE);
    expect(readings.map((r) => [r.source, r.at, r.url, r.order.store?.name])).toEqual([
      ['page-button', '2026-11-20T12:00:00.000Z', ORDER_URL, 'Sunrise'],
      ['page-button', '2026-11-20T12:05:00.000Z', ORDER_URL, 'Attacker Store'],
    ]);
    // The copy of the page is still saved: it is evidence of what the page showed.
    expect(await database.evidence.count()).toBe(2);
  });

  it('is limited to a few saves a minute per tab, with a clear refusal', async () => {
    let clock = Date.parse('2026-11-20T12:00:00.000Z');
    const limiter = new PageSaveLimiter();
    const limited = () => deps(snapshot(), { limiter, now: () => new Date(clock) });
    for (let i = 0; i < 3; i++) expect(await saveOrderFromPage(limited(), TAB)).toMatchObject({ ok: true });
    clock += 20_000;
    expect(await saveOrderFromPage(limited(), TAB)).toEqual({ ok: false, error: 'rateLimited' });
    expect(translator('en')('error.rateLimited')).toBe('This page has already been saved several times in the last minute. Nothing was saved this time; wait a minute and try again.');
    // Another tab has its own count; this tab may save again once a minute has passed since its first save.
    expect(await saveOrderFromPage(limited(), { ...TAB, id: 6 })).toMatchObject({ ok: true });
    clock += 41_000;
    expect(await saveOrderFromPage(limited(), TAB)).toMatchObject({ ok: true });
    expect(await database.evidence.count()).toBe(5);
  });
});

describe('the background’s message listener for actions', () => {
  beforeEach(() => {
    // The parts of the real browser the fake does not implement.
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'DisputeKit', version: '0.1.0' });
    fakeBrowser.tabs.sendMessage = vi.fn(async () => snapshot()) as unknown as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.commands.getAll = async () => [{ name: 'capture-page', shortcut: 'Alt+Shift+E' }];
  });
  // The background's own database (db()) stays open for the whole file, as in the service worker.
  afterEach(async () => {
    await Promise.all(db().tables.map((table) => table.clear()));
  });

  it('leaves a save request unanswered from another extension, another site, a frame or a forged payload', async () => {
    const message = { type: 'order:saveFromPage' };
    expect(handleBackgroundMessage(message, { ...marketplaceSender, id: 'another-extension' })).toBeUndefined();
    expect(handleBackgroundMessage(message, { ...marketplaceSender, url: 'https://example.com/', tab: { id: 5, url: 'https://example.com/' } })).toBeUndefined();
    expect(handleBackgroundMessage(message, { ...marketplaceSender, frameId: 2 })).toBeUndefined();
    expect(handleBackgroundMessage({ ...message, order: { orderId: '1' } }, marketplaceSender)).toBeUndefined();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('answers our content script on a marketplace tab by re-reading that tab', async () => {
    const answer = await handleBackgroundMessage({ type: 'order:saveFromPage' }, marketplaceSender);
    expect(answer).toMatchObject({ ok: true, caseId: `aliexpress:${ORDER_ID}`, shortcut: 'Alt+Shift+E' });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'page:snapshot' });
  });

});

describe('the in-page button', () => {
  let mounted: MountedButton | undefined;
  afterEach(() => mounted?.remove());
  const mount = (...args: Parameters<typeof mountPageButton>) => (mounted = mountPageButton(...args));
  /** Only this content script holds the closed root. */
  const shadow = () => mounted!.root;
  const saveButton = () => shadow().querySelector<HTMLButtonElement>('[data-testid="page-button"]')!;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /**
   * A click the browser would mark trusted (the user's own): happy-dom has no isTrusted, and a real browser
   * never lets a page set it, so the unit tests stand in for the browser here; the e2e test clicks for real.
   */
  const userClick = async (target: Element = saveButton()) => {
    const event = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    target.dispatchEvent(event);
    await settle();
  };
  const click = userClick;

  it('ignores clicks the page makes: element.click(), a dispatched click, a click on its host', async () => {
    const save = vi.fn(async () => ({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['a'], shortcut: '' }));
    mount(document, translator('en'), save);
    for (let i = 0; i < 5; i++) {
      saveButton().click();
      saveButton().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      mounted!.host.click();
    }
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(shadow().querySelector('[data-testid="page-button-message"]')?.textContent).toBe('');
    await userClick();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('lives in a closed shadow root the page cannot reach into', () => {
    mount(document, translator('en'), async () => undefined);
    const host = document.querySelector(PAGE_BUTTON_TAG)!;
    expect(host).toBe(mounted!.host);
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('[data-testid="page-button"]')).toBeNull();
    expect(saveButton().textContent).toBe('Save order to DisputeKit');
  });

  it('shows the refusal of a page that names another order than its address', async () => {
    mount(document, translator('zh_CN'), async () => ({ ok: false, error: 'orderMismatch', detail: '1111222233334444 ≠ 8190123456789012' }));
    await click();
    expect(shadow().querySelector('[data-testid="page-button-message"]')?.textContent).toBe(
      '此页面显示的订单号与网址中的订单号不一致，因此未保存任何内容。请从订单列表打开该订单后重试。 详细信息：1111222233334444 ≠ 8190123456789012',
    );
  });

  it('lives in a shadow root, sends a request without page data, then says how to add the screenshot', async () => {
    const save = vi.fn(async () => ({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['a'], shortcut: 'Alt+Shift+E' }));
    mount(document, translator('en'), save);
    expect(document.body.textContent).not.toContain('Save order to DisputeKit');
    expect(shadow().querySelector('[data-testid="page-button"]')?.textContent).toBe('Save order to DisputeKit');
    await click();
    expect(save).toHaveBeenCalledWith();
    expect(shadow().querySelector('[data-testid="page-button-message"]')?.textContent).toBe(
      'The order and a copy of this page are saved in DisputeKit. Screenshot: click the DisputeKit icon and press Capture evidence, or press Alt+Shift+E.',
    );
  });

  it('says so when the user removed the shortcut, and shows an error in plain words', async () => {
    let answer: unknown = { ok: true, caseId: 'aliexpress:1', evidenceIds: ['a'], shortcut: '' };
    mount(document, translator('ru'), async () => answer);
    await click();
    expect(shadow().querySelector('[data-testid="page-button-message"]')?.textContent).toMatch(/нажмите значок DisputeKit, затем «Сохранить доказательства»\.$/);
    answer = { ok: false, error: 'storageFull' };
    await click();
    const message = shadow().querySelector('[data-testid="page-button-message"]')!;
    expect(message.textContent).toBe(translator('ru')('error.storageFull'));
    expect(message.classList.contains('error')).toBe(true);
  });

  it('never appears in evidence: left out of the page archive, hidden while a full-page capture runs', async () => {
    mount(document, translator('en'), async () => undefined);
    const host = document.querySelector<HTMLElement>(PAGE_BUTTON_TAG)!;
    expect(serializeDocument(document)).not.toContain(PAGE_BUTTON_TAG);
    expect(document.querySelector(PAGE_BUTTON_TAG)).toBe(host);
    expect(saveButton()).not.toBeNull();

    const hidden = () => host.hasAttribute(HIDDEN_ATTRIBUTE);
    hidePageButtonDuringCapture(document, false);
    expect(hidden()).toBe(true);
    hidePageButtonDuringCapture(document, true);
    expect(hidden()).toBe(false);

    vi.useFakeTimers();
    try {
      hidePageButtonDuringCapture(document, false);
      vi.advanceTimersByTime(9_000);
      expect(hidden()).toBe(true);
      vi.advanceTimersByTime(2_000);
      expect(hidden()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleActionMessage } from '@/lib/background-actions';
import { archivePageHtml } from '@/lib/page-archive';
import { getCurrentCaseId } from '@/lib/current-case';
import { db, DisputeKitDB } from '@/lib/db';
import { sha256Hex } from '@/lib/hash';
import { translator } from '@/lib/i18n';
import { platformForUrl } from '@/lib/marketplaces';
import { isMarketplaceContentScript, type SnapshotResponse } from '@/lib/messages';
import { serializeDocument } from '@/lib/content';
import { hidePageButtonDuringCapture, mountPageButton, PAGE_BUTTON_TAG } from '@/lib/page-button';
import { saveOrderFromPage, type SaveFromPageDeps } from '@/lib/save-from-page';

const ORDER_ID = '8190123456789012';
const ORDER_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;
const isMarketplaceUrl = (url: string) => platformForUrl(url) !== null;
const EXTENSION_ID = 'test-extension-id';

function snapshot(pageKind: 'order-detail' | 'unknown' = 'order-detail', url = ORDER_URL): SnapshotResponse {
  return {
    reading: {
      platform: 'aliexpress',
      pageKind,
      orders: pageKind === 'order-detail' ? [{ orderId: ORDER_ID, status: 'Awaiting delivery', store: { name: 'Sunrise' }, items: [], sources: {} }] : [],
      missing: [],
    },
    html: `<!DOCTYPE html><html><body>Order ${ORDER_ID}</body></html>`,
    page: { url, title: 'Order details', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2 },
  };
}

const marketplaceSender = { id: EXTENSION_ID, url: ORDER_URL, frameId: 0, tab: { id: 5, url: ORDER_URL } };

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

  function deps(answer: unknown, overrides: Partial<SaveFromPageDeps> = {}): SaveFromPageDeps {
    let ids = 0;
    return {
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
    const result = await saveOrderFromPage(deps(snapshot()), 5);
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
    expect(await saveOrderFromPage(deps(snapshot('unknown')), 5)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveOrderFromPage(deps(snapshot('order-detail', 'https://evil.example/')), 5)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await saveOrderFromPage(deps({ reading: 'forged' }), 5)).toEqual({ ok: false, error: 'notOrderPage' });
    expect(await database.cases.count()).toBe(0);
    expect(await database.evidence.count()).toBe(0);
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
    expect(handleActionMessage(message, { ...marketplaceSender, id: 'another-extension' })).toBeUndefined();
    expect(handleActionMessage(message, { ...marketplaceSender, url: 'https://example.com/', tab: { id: 5, url: 'https://example.com/' } })).toBeUndefined();
    expect(handleActionMessage(message, { ...marketplaceSender, frameId: 2 })).toBeUndefined();
    expect(handleActionMessage({ ...message, order: { orderId: '1' } }, marketplaceSender)).toBeUndefined();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('answers our content script on a marketplace tab by re-reading that tab', async () => {
    const answer = await handleActionMessage({ type: 'order:saveFromPage' }, marketplaceSender);
    expect(answer).toMatchObject({ ok: true, caseId: `aliexpress:${ORDER_ID}`, shortcut: 'Alt+Shift+E' });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'page:snapshot' });
  });

});

describe('the in-page button', () => {
  afterEach(() => document.querySelector(PAGE_BUTTON_TAG)?.remove());
  const shadow = () => document.querySelector(PAGE_BUTTON_TAG)!.shadowRoot!;
  const click = async () => {
    shadow().querySelector<HTMLButtonElement>('[data-testid="page-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  it('lives in a shadow root, sends a request without page data, then says how to add the screenshot', async () => {
    const save = vi.fn(async () => ({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['a'], shortcut: 'Alt+Shift+E' }));
    mountPageButton(document, translator('en'), save);
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
    mountPageButton(document, translator('ru'), async () => answer);
    await click();
    expect(shadow().querySelector('[data-testid="page-button-message"]')?.textContent).toMatch(/нажмите значок DisputeKit и «Сохранить доказательства»\.$/);
    answer = { ok: false, error: 'storageFull' };
    await click();
    const message = shadow().querySelector('[data-testid="page-button-message"]')!;
    expect(message.textContent).toBe(translator('ru')('error.storageFull'));
    expect(message.classList.contains('error')).toBe(true);
  });

  it('never appears in evidence: left out of the page archive, hidden while a full-page capture runs', async () => {
    mountPageButton(document, translator('en'), async () => undefined);
    const host = document.querySelector<HTMLElement>(PAGE_BUTTON_TAG)!;
    expect(serializeDocument(document)).not.toContain(PAGE_BUTTON_TAG);
    expect(document.querySelector(PAGE_BUTTON_TAG)).toBe(host);
    expect(host.shadowRoot?.querySelector('[data-testid="page-button"]')).not.toBeNull();

    hidePageButtonDuringCapture(document, false);
    expect(getComputedStyle(host).display).toBe('none');
    hidePageButtonDuringCapture(document, true);
    expect(host.style.display).toBe('');

    vi.useFakeTimers();
    try {
      hidePageButtonDuringCapture(document, false);
      vi.advanceTimersByTime(9_000);
      expect(host.style.display).toBe('none');
      vi.advanceTimersByTime(2_000);
      expect(host.style.display).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});

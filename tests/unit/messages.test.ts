// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '@/lib/background';
import { answerPageRequest, serializeDocument } from '@/lib/content';
import { isOwnExtensionPage } from '@/lib/messages';
import { fixtureDocument } from './fixtures';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';

describe('who may talk to the background', () => {
  it('accepts only this extension’s own pages', () => {
    expect(isOwnExtensionPage({ id: 'me', url: `${ORIGIN}popup.html` }, 'me', ORIGIN)).toBe(true);
    // A content script of this extension runs in a web page: its sender URL is the page's.
    expect(isOwnExtensionPage({ id: 'me', url: 'https://www.aliexpress.com/p/order/detail.html', tab: {} }, 'me', ORIGIN)).toBe(false);
    expect(isOwnExtensionPage({ id: 'other', url: 'chrome-extension://other/popup.html' }, 'me', ORIGIN)).toBe(false);
    expect(isOwnExtensionPage({ id: 'me' }, 'me', ORIGIN)).toBe(false);
  });

  it('leaves refused and malformed requests unanswered', () => {
    const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(handleBackgroundMessage({ type: 'capture:visible', tabId: 1 }, { id: 'evil', url: 'https://example.com/' })).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'capture:visible', tabId: -1 }, own)).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'db:dropEverything' }, own)).toBeUndefined();
    expect(handleBackgroundMessage('capture', own)).toBeUndefined();
  });

  it('answers its own pages', async () => {
    const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    await expect(handleBackgroundMessage({ type: 'capture:takeInterrupted' }, own)).resolves.toEqual({ interrupted: false });
  });
});

describe('the content script’s answers', () => {
  const doc = fixtureDocument('aliexpress/order-detail.html');
  const win = { location: { href: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012' }, innerWidth: 1280, innerHeight: 720, devicePixelRatio: 2 } as unknown as Window;

  it('gives the reading on request', () => {
    const answer = answerPageRequest({ type: 'page:read' }, doc, win);
    expect(answer?.reading?.orders[0].orderId).toBe('8190123456789012');
    expect(answer).not.toHaveProperty('html');
  });

  it('gives a snapshot with the page HTML and its metadata', () => {
    const answer = answerPageRequest({ type: 'page:snapshot' }, doc, win);
    expect(answer).toMatchObject({ page: { title: 'Order details - AliExpress', viewport: { width: 1280, height: 720 }, devicePixelRatio: 2 } });
    expect(answer && 'html' in answer && answer.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(serializeDocument(doc)).toContain('Sunrise Gadgets Store');
  });

  it('ignores anything else', () => {
    expect(answerPageRequest({ type: 'page:delete' }, doc, win)).toBeUndefined();
    expect(answerPageRequest(null, doc, win)).toBeUndefined();
  });
});

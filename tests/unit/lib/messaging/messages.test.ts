// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '@/lib/messaging/background-router';
import { answerPageRequest, serializeDocument } from '@/lib/content/content-script';
import { isOwnExtensionPage } from '@/lib/messaging/messages';
import { ALIEXPRESS_READER } from '@/lib/readers/aliexpress';
import { FIXTURES_DIR, fixtureDocument, htmlDocument } from '../../support/fixtures';

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
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 1, mode: 'visible' }, { id: 'evil', url: 'https://example.com/' })).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: -1, mode: 'visible' }, own)).toBeUndefined();
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
    const answer = answerPageRequest({ type: 'page:read' }, doc, win, ALIEXPRESS_READER);
    expect(answer?.reading?.orders[0].orderId).toBe('8190123456789012');
    expect(answer).not.toHaveProperty('html');
  });

  it('gives a snapshot with the page HTML and its metadata', () => {
    const answer = answerPageRequest({ type: 'page:snapshot' }, doc, win, ALIEXPRESS_READER);
    expect(answer).toMatchObject({ page: { title: 'Order details - AliExpress', viewport: { width: 1280, height: 720 }, devicePixelRatio: 2 } });
    expect(answer && 'html' in answer && answer.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(serializeDocument(doc)).toContain('Sunrise Gadgets Store');
  });

  it('ignores anything else', () => {
    expect(answerPageRequest({ type: 'page:delete' }, doc, win, ALIEXPRESS_READER)).toBeUndefined();
    expect(answerPageRequest(null, doc, win, ALIEXPRESS_READER)).toBeUndefined();
  });
});

describe('the same page read again while it stays open', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps a countdown read to the hour where the first reading put it: reopening the popup does not move it', () => {
    const html = readFileSync(`${FIXTURES_DIR}/aliexpress/order-detail.html`, 'utf8').replace('Refund if no delivery before Dec 28, 2026', 'Buyer protection: 12 days 5 hours');
    const doc = htmlDocument(html);
    const win = { location: { href: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012#steady' }, innerWidth: 1280, innerHeight: 720, devicePixelRatio: 1 } as unknown as Window;
    const protection = (answer: ReturnType<typeof answerPageRequest>) => answer!.reading!.orders[0].countdowns!.find((c) => /12 days 5 hours/.test(c.text))!;
    vi.useFakeTimers({ now: new Date('2026-11-20T10:20:00.000Z'), toFake: ['Date'] });
    const first = protection(answerPageRequest({ type: 'page:read' }, doc, win, ALIEXPRESS_READER));
    expect(first.endsAt).toBe('2026-12-02T15:20:00.000Z');
    // 25 minutes later, the page still says "12 days 5 hours": the end stays in the first reading's hour.
    vi.setSystemTime(new Date('2026-11-20T10:45:00.000Z'));
    const second = protection(answerPageRequest({ type: 'page:read' }, doc, win, ALIEXPRESS_READER));
    expect(second.endsAt).toBe('2026-12-02T15:45:00.000Z');
    expect(second.endsBefore).toBe('2026-12-02T16:20:00.000Z');
    // A snapshot (the capture) takes the same steady reading.
    expect(protection(answerPageRequest({ type: 'page:snapshot' }, doc, win, ALIEXPRESS_READER)).endsBefore).toBe('2026-12-02T16:20:00.000Z');
  });
});

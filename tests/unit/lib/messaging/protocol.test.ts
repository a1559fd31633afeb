// The message protocol: declarations, typed senders and the background's router table.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { pageButton } from '@/lib/i18n/areas/page-button';
import { backgroundRoutes, handleBackgroundMessage } from '@/lib/messaging/background-router';
import { saveSettings } from '@/lib/settings/settings';
import {
  askTab,
  MessageError,
  PROTOCOL,
  readNotice,
  routeMessage,
  sendNotice,
  sendToBackground,
  type BackgroundRoutes,
  type SenderChecks,
} from '@/lib/messaging/protocol';

const PAGE = { id: 'me', url: 'chrome-extension://me/popup.html' };
const CONTENT = { id: 'me', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1', frameId: 0, tab: { id: 5, url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1' } };
const checks: SenderChecks = {
  'extension-page': (s) => s.id === 'me' && s.url?.startsWith('chrome-extension://me/') === true,
  'marketplace-content-script': (s) => s.id === 'me' && s.frameId === 0 && typeof s.tab?.id === 'number',
};

/** A router table whose every handler records what it was given. */
function recordingRoutes() {
  const calls: { name: string; request: unknown; sender: unknown }[] = [];
  const record =
    (name: string, reply: unknown) =>
    async (request: unknown, sender: unknown): Promise<never> => {
      calls.push({ name, request, sender });
      return reply as never;
    };
  const routes: BackgroundRoutes = {
    'capture:tab': record('capture:tab', { ok: false, error: 'busy' }),
    'capture:cancel': record('capture:cancel', { cancelled: false }),
    'capture:takeInterrupted': record('capture:takeInterrupted', { interrupted: false }),
    'orders:saveAll': record('orders:saveAll', { ok: false, error: 'notOrderPage' }),
    'listing:capture': record('listing:capture', { ok: false, error: 'noSnapshots' }),
    'deadlines:refresh': record('deadlines:refresh', { badge: '' }),
    'timestamps:run': record('timestamps:run', { stamped: 0, failed: 0, off: 0, optionOff: false }),
    'order:saveFromPage': record('order:saveFromPage', { ok: false, error: 'rateLimited' }),
    'strings:pageButton': record('strings:pageButton', { locale: 'en', strings: {} }),
  };
  return { routes, calls };
}

describe('the declarations', () => {
  it('name each request by its own key', () => {
    for (const [name, declared] of Object.entries(PROTOCOL)) expect(declared.request.shape.type.value).toBe(name);
  });

  it('the background’s router table answers every message declared for the background, and nothing else', () => {
    const declared = Object.entries(PROTOCOL)
      .filter(([, d]) => d.to === 'background')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(backgroundRoutes).sort()).toEqual(declared);
    expect(declared).toContain('order:saveFromPage');
    expect(declared).not.toContain('page:read');
  });
});

describe('the router', () => {
  it('gives a handler only its parsed request, with the sender', async () => {
    const { routes, calls } = recordingRoutes();
    const answer = await routeMessage(routes, checks, { type: 'capture:tab', tabId: 3, mode: 'fullpage', fromScreen: 2, sneaky: 'x' }, PAGE);
    expect(answer).toEqual({ ok: false, error: 'busy' });
    expect(calls).toEqual([{ name: 'capture:tab', request: { type: 'capture:tab', tabId: 3, mode: 'fullpage', fromScreen: 2 }, sender: PAGE }]);
  });

  it('hands on the timestamps of every file an import saved, thousands at once', async () => {
    const { routes, calls } = recordingRoutes();
    const evidenceIds = Array.from({ length: 2500 }, (_, i) => `import-${i}`);
    await routeMessage(routes, checks, { type: 'timestamps:run', evidenceIds }, PAGE);
    expect(calls).toEqual([{ name: 'timestamps:run', request: { type: 'timestamps:run', evidenceIds }, sender: PAGE }]);
  });

  it('gives the in-page button’s handler the content script’s sender', async () => {
    const { routes, calls } = recordingRoutes();
    await routeMessage(routes, checks, { type: 'order:saveFromPage' }, CONTENT);
    expect(calls).toEqual([{ name: 'order:saveFromPage', request: { type: 'order:saveFromPage' }, sender: CONTENT }]);
  });

  it('leaves unknown messages, messages for a tab and malformed ones unanswered, calling no handler', () => {
    const { routes, calls } = recordingRoutes();
    for (const message of [
      { type: 'db:dropEverything' },
      { type: 'capture:visible', tabId: 1 },
      { type: 'page:read' },
      { type: 'capture:progress', tabId: 1, phase: 'screens', done: 1, total: 2 },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'capture:tab', tabId: 1, mode: 'everything' },
      { type: 'order:saveFromPage', order: { orderId: '1' } },
      'capture:tab',
      null,
    ]) {
      expect(routeMessage(routes, checks, message, message && typeof message === 'object' && message.type === 'order:saveFromPage' ? CONTENT : PAGE)).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('refuses a message from a sender its declaration does not allow', () => {
    const { routes, calls } = recordingRoutes();
    // A content script (a marketplace page) may not start a capture, cancel one or refresh deadlines …
    expect(routeMessage(routes, checks, { type: 'capture:tab', tabId: 5, mode: 'fullpage' }, CONTENT)).toBeUndefined();
    expect(routeMessage(routes, checks, { type: 'capture:cancel', tabId: 5 }, CONTENT)).toBeUndefined();
    expect(routeMessage(routes, checks, { type: 'deadlines:refresh' }, CONTENT)).toBeUndefined();
    // … and the in-page button's save comes from a content script only.
    expect(routeMessage(routes, checks, { type: 'order:saveFromPage' }, PAGE)).toBeUndefined();
    expect(routeMessage(routes, checks, { type: 'capture:takeInterrupted' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('"Capture the listing as bought" is for this extension’s pages only, and its handler gets the tab, never links', async () => {
    const { routes, calls } = recordingRoutes();
    expect(routeMessage(routes, checks, { type: 'listing:capture', tabId: 5 }, CONTENT)).toBeUndefined();
    expect(routeMessage(routes, checks, { type: 'listing:capture', tabId: 5 }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(routeMessage(routes, checks, { type: 'listing:capture', tabId: -1 }, PAGE)).toBeUndefined();
    expect(calls).toEqual([]);
    // Links in the request are dropped: the background reads them from the tab itself.
    await routeMessage(routes, checks, { type: 'listing:capture', tabId: 5, urls: ['https://evil.example/'] }, PAGE);
    expect(calls).toEqual([{ name: 'listing:capture', request: { type: 'listing:capture', tabId: 5 }, sender: PAGE }]);
  });

  it('the background’s own router refuses a content script asking for a capture', () => {
    const tab = { id: 5, url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1' };
    const content = { id: fakeBrowser.runtime.id, url: tab.url, frameId: 0, tab };
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 5, mode: 'fullpage' }, content)).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'deadlines:refresh' }, content)).toBeUndefined();
  });

  it('gives the in-page button its strings in the user’s language only, and only to a content script', async () => {
    const tab = { id: 5, url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1' };
    const content = { id: fakeBrowser.runtime.id, url: tab.url, frameId: 0, tab };
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru-RU');
    expect(await handleBackgroundMessage({ type: 'strings:pageButton' }, content)).toEqual({ locale: 'ru', strings: pageButton.ru });
    await saveSettings(fakeBrowser.storage.local, { language: 'en' });
    expect(await handleBackgroundMessage({ type: 'strings:pageButton' }, content)).toEqual({ locale: 'en', strings: pageButton.en });
    await saveSettings(fakeBrowser.storage.local, { language: 'ru' });
    const reply = await handleBackgroundMessage({ type: 'strings:pageButton' }, content);
    expect(PROTOCOL['strings:pageButton'].reply.parse(reply)).toEqual({ locale: 'ru', strings: pageButton.ru });
    await saveSettings(fakeBrowser.storage.local, { language: 'zh_CN' });
    expect(await handleBackgroundMessage({ type: 'strings:pageButton' }, content)).toEqual({ locale: 'zh_CN', strings: pageButton.zh_CN });
    expect(handleBackgroundMessage({ type: 'strings:pageButton' }, { id: fakeBrowser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'strings:pageButton', locale: 'en' }, content)).toBeUndefined();
  });
});

describe('the senders', () => {
  it('send the request on the wire as { type, …fields } and resolve with the parsed reply', async () => {
    const send = vi.fn(async () => ({ scrollY: 800, extra: true }));
    await expect(askTab(send, 7, 'fullpage:screen', { y: 800, index: 1 })).resolves.toEqual({ scrollY: 800 });
    expect(send).toHaveBeenCalledWith(7, { type: 'fullpage:screen', y: 800, index: 1 });
  });

  it('make a reply that fails its schema an error at the sender', async () => {
    const bad = askTab(async () => ({ reading: 'not a reading' }), 7, 'page:read');
    await expect(bad).rejects.toBeInstanceOf(MessageError);
    await expect(bad).rejects.toMatchObject({ messageName: 'page:read', reason: 'badReply' });
    await expect(askTab(async () => undefined, 7, 'page:selection')).rejects.toMatchObject({ reason: 'noAnswer' });
  });

  it('an extension page gets the background’s parsed reply, or an error when it is not the declared one', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    sendMessage.mockResolvedValueOnce({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['e1'] });
    await expect(sendToBackground('capture:tab', { tabId: 3, mode: 'fullpage', caseId: 'aliexpress:1' })).resolves.toEqual({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['e1'] });
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'capture:tab', tabId: 3, mode: 'fullpage', caseId: 'aliexpress:1' });
    // A capture's reply for a save-all request: the same shape does not pass as another message's reply.
    sendMessage.mockResolvedValueOnce({ ok: true, caseId: 'aliexpress:1', evidenceIds: ['e1'] });
    await expect(sendToBackground('orders:saveAll', { tabId: 3 })).rejects.toMatchObject({ messageName: 'orders:saveAll', reason: 'badReply' });
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'not a capture error' });
    await expect(sendToBackground('capture:tab', { tabId: 3, mode: 'fullpage' })).rejects.toBeInstanceOf(MessageError);
  });

  it('notices go out as { type, …fields }, nobody listening is no error, and receivers take only well-formed ones', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(() => sendNotice('capture:progress', { tabId: 3, phase: 'screens', done: 1, total: 4 })).not.toThrow();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'capture:progress', tabId: 3, phase: 'screens', done: 1, total: 4 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(readNotice('capture:progress', { type: 'capture:progress', tabId: 3, phase: 'screens', done: 1, total: 4 })).toEqual({ type: 'capture:progress', tabId: 3, phase: 'screens', done: 1, total: 4 });
    expect(readNotice('capture:progress', { type: 'capture:progress', tabId: 3, phase: 'hacking', done: 1, total: 4 })).toBeUndefined();
    expect(readNotice('page:changed', { type: 'capture:progress', tabId: 3, phase: 'screens', done: 1, total: 4 })).toBeUndefined();
    expect(readNotice('page:changed', { type: 'page:changed' })).toEqual({ type: 'page:changed' });
  });
});

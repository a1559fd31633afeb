// @vitest-environment happy-dom
// The full-page capture's messages: who may start or cancel one, and what the content script accepts.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cancelCapture, handleBackgroundMessage } from '@/lib/messaging/background-router';
import { CaptureProgressNotice, CaptureTabRequest, FullpageScreenRequest } from '@/lib/messaging/messages';

const own = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

describe('capture requests to the background', () => {
  it('refuses a capture or a cancel from anyone but this extension’s pages', () => {
    const page = { id: fakeBrowser.runtime.id, url: 'https://www.aliexpress.com/', tab: {} };
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 1, mode: 'fullpage' }, page)).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'capture:cancel', tabId: 1 }, { id: 'evil', url: 'chrome-extension://evil/' })).toBeUndefined();
  });

  it('refuses malformed capture requests', () => {
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 1, mode: 'everything' }, own())).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 1.5, mode: 'fullpage' }, own())).toBeUndefined();
    expect(handleBackgroundMessage({ type: 'capture:tab', tabId: 1, mode: 'visible', label: 'secret' }, own())).toBeUndefined();
    expect(CaptureTabRequest.safeParse({ type: 'capture:tab', tabId: 1, mode: 'fullpage', caseId: 'aliexpress:1', label: 'listing' }).success).toBe(true);
  });

  it('a cancel with no capture running on that tab cancels nothing', async () => {
    expect(cancelCapture(42)).toEqual({ cancelled: false });
    await expect(handleBackgroundMessage({ type: 'capture:cancel', tabId: 42 }, own())).resolves.toEqual({ cancelled: false });
  });
});

describe('the page’s steps and the progress notices', () => {
  it('accept only well-formed values', () => {
    expect(FullpageScreenRequest.safeParse({ type: 'fullpage:screen', y: 800, index: 1 }).success).toBe(true);
    expect(FullpageScreenRequest.safeParse({ type: 'fullpage:screen', y: -1, index: 1 }).success).toBe(false);
    expect(FullpageScreenRequest.safeParse({ type: 'fullpage:screen', y: Infinity, index: 0 }).success).toBe(false);
    expect(CaptureProgressNotice.safeParse({ type: 'capture:progress', tabId: 3, phase: 'screens', done: 3, total: 10 }).success).toBe(true);
    expect(CaptureProgressNotice.safeParse({ type: 'capture:progress', tabId: 3, phase: 'hacking', done: 3, total: 10 }).success).toBe(false);
  });
});

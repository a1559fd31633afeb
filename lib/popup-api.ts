/** The popup's link to the browser: which tab it is about, that tab's page, the database, the background. */
import { browser } from 'wxt/browser';
import { getCaseOverview, type CaseOverview } from './cases';
import { db } from './db';
import { localeFor, type Locale } from './i18n';
import { CaptureResponse, InterruptedCaptureResponse, ReadPageResponse } from './messages';
import { pageStateFrom, type PageState } from './page-state';

export interface PopupApi {
  locale: Locale;
  readPage(): Promise<PageState>;
  loadCase(caseId: string): Promise<CaseOverview | null>;
  capture(tabId: number): Promise<CaptureResponse>;
  takeInterrupted(): Promise<boolean>;
}

/**
 * The tab the popup is about: the active tab of its window, or `?tabId=N` when the popup page is opened
 * as a page of its own (the end-to-end tests do this, since automation cannot click the toolbar icon).
 */
async function targetTab(search: string): Promise<{ id: number; url?: string } | undefined> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && new URLSearchParams(search).has('tabId')) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

export function browserPopupApi(search: string): PopupApi {
  return {
    locale: localeFor(browser.i18n.getUILanguage()),
    async readPage() {
      const tab = await targetTab(search);
      if (!tab) return { kind: 'no-tab' };
      const answer = await browser.tabs.sendMessage(tab.id, { type: 'page:read' }).catch(() => undefined);
      const parsed = ReadPageResponse.safeParse(answer);
      return pageStateFrom(tab.id, tab.url, parsed.success ? parsed.data.reading : undefined);
    },
    loadCase: (caseId) => getCaseOverview(db(), caseId),
    async capture(tabId) {
      const answer = await browser.runtime.sendMessage({ type: 'capture:visible', tabId }).catch((error: unknown) => ({
        ok: false,
        error: 'internal',
        detail: error instanceof Error ? error.message : String(error),
      }));
      const parsed = CaptureResponse.safeParse(answer);
      return parsed.success ? parsed.data : { ok: false, error: 'internal', detail: 'no answer from the background' };
    },
    async takeInterrupted() {
      const answer = await browser.runtime.sendMessage({ type: 'capture:takeInterrupted' }).catch(() => undefined);
      const parsed = InterruptedCaptureResponse.safeParse(answer);
      return parsed.success && parsed.data.interrupted;
    },
  };
}

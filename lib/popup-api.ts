/** The popup's link to the browser: which tab it is about, that tab's page, the database, the background. */
import { browser } from 'wxt/browser';
import { casePlanApi, type CasePlanApi } from './case-plan';
import { getCaseOverview, type CaseOverview } from './cases';
import { db } from './db';
import { localeFor, type Locale } from './i18n';
import { CaptureResponse, InterruptedCaptureResponse, PageChangedNotice, ReadPageResponse, SaveOrdersResponse } from './messages';
import { pageStateFrom, type PageState } from './page-state';

export interface PopupApi {
  locale: Locale;
  readPage(): Promise<PageState>;
  loadCase(caseId: string): Promise<CaseOverview | null>;
  capture(tabId: number): Promise<CaptureResponse>;
  saveAllOrders(tabId: number): Promise<SaveOrdersResponse>;
  takeInterrupted(): Promise<boolean>;
  /** Calls back when the page in the popup's tab changes what it shows; returns the unsubscribe. */
  onPageChanged(callback: () => void): () => void;
  /** The order's deadlines, checklist, dates and contacts; without it the popup shows capture only. */
  plan?: CasePlanApi;
}

async function ask<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, message: unknown, fallback: T): Promise<T> {
  const answer = await browser.runtime.sendMessage(message).catch(() => undefined);
  const parsed = schema.safeParse(answer);
  return parsed.success ? parsed.data : fallback;
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
  let tabId: number | undefined;
  return {
    locale: localeFor(browser.i18n.getUILanguage()),
    async readPage() {
      const tab = await targetTab(search);
      if (!tab) return { kind: 'no-tab' };
      tabId = tab.id;
      const answer = await browser.tabs.sendMessage(tab.id, { type: 'page:read' }).catch(() => undefined);
      const parsed = ReadPageResponse.safeParse(answer);
      return pageStateFrom(tab.id, tab.url, parsed.success ? parsed.data.reading : undefined);
    },
    loadCase: (caseId) => getCaseOverview(db(), caseId),
    capture: (target) =>
      ask(CaptureResponse, { type: 'capture:visible', tabId: target }, { ok: false, error: 'internal' }),
    saveAllOrders: (target) =>
      ask(SaveOrdersResponse, { type: 'orders:saveAll', tabId: target }, { ok: false, error: 'internal' }),
    takeInterrupted: () => ask(InterruptedCaptureResponse, { type: 'capture:takeInterrupted' }, { interrupted: false }).then((r) => r.interrupted),
    plan: casePlanApi({
      database: db(),
      now: () => new Date(),
      notifyChanged: () => void browser.runtime.sendMessage({ type: 'deadlines:refresh' }).catch(() => undefined),
      copy: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
      openSettings: () => void browser.runtime.openOptionsPage(),
    }),
    onPageChanged(callback) {
      const listener = (message: unknown, sender: { tab?: { id?: number } }) => {
        if (PageChangedNotice.safeParse(message).success && sender.tab?.id === tabId) callback();
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}

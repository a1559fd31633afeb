/** The popup's link to the browser: which tab it is about, that tab's page, the database, the background. */
import { browser, type Browser } from 'wxt/browser';
import { casePlanApi, type CasePlanApi } from '../../lib/cases/plan';
import { getCurrentCaseId, recentOpenCases } from '../../lib/cases/current-case';
import { getCaseOverview, type CaseOverview } from '../../lib/cases/cases';
import { pageDatabase } from '../shared/page-database';
import type { Locale } from '../../lib/i18n';
import type { CaptureProgress, CaptureResponse, ListingCaptureResponse, ListingProgress, ReadPageResponse, SaveOrdersResponse } from '../../lib/messaging/messages';
import { takeListingResult } from '../../lib/capture/listing-result';
import { askTab, readNotice, sendToBackground } from '../../lib/messaging/protocol';
import { PAGE_WATCH_PORT } from '../../lib/messaging/content-protocol';
import type { CaseRecord } from '../../lib/common/model';
import { platformForUrl } from '../../lib/common/marketplaces';
import { pageStateFrom, type PageState } from '../../lib/readers/page-state';

/** What "Add this page to case" (components/popup/AddPageToCase.tsx) needs. */
export interface AddPageApi {
  /** Recent open cases, newest first, and the user's current case. */
  openCases(): Promise<{ cases: CaseRecord[]; currentCaseId?: string }>;
  /** Captures the popup's tab into the case. */
  addPageToCase(caseId: string): Promise<CaptureResponse>;
  /** "Capture this chat": the tab's largest scrolling box, scrolled through, with its transcript, into the case. */
  captureChat(caseId: string): Promise<CaptureResponse>;
}

export interface PopupApi extends AddPageApi {
  locale: Locale;
  readPage(): Promise<PageState>;
  loadCase(caseId: string): Promise<CaseOverview | null>;
  /**
   * The full page, its MHTML (Chrome) and HTML, into the order's case. `fromScreen`: for a page taller than
   * one capture takes, where the section to take starts (the previous response's `section.last`).
   */
  capture(tabId: number, fromScreen?: number): Promise<CaptureResponse>;
  cancelCapture(tabId: number): Promise<void>;
  /** Calls back with the progress of a capture of `tabId`; returns the unsubscribe. */
  onCaptureProgress(tabId: number, callback: (progress: CaptureProgress) => void): () => void;
  saveAllOrders(tabId: number): Promise<SaveOrdersResponse>;
  /** "Capture the listing as bought": the background opens and captures the order's snapshot links. */
  captureListings(tabId: number): Promise<ListingCaptureResponse>;
  /** Calls back with which snapshot of `tabId`'s order is being captured; returns the unsubscribe. */
  onListingProgress(tabId: number, callback: (progress: ListingProgress) => void): () => void;
  /** The result of a listing capture of this tab that finished while the popup was closed, once. */
  takeListingResult(tabId: number): Promise<ListingCaptureResponse | undefined>;
  takeInterrupted(): Promise<boolean>;
  /** Calls back when the page in the popup's tab changes what it shows; returns the unsubscribe. */
  onPageChanged(callback: () => void): () => void;
  /** The order's deadlines, checklist, dates and contacts; without it the popup shows capture only. */
  plan?: CasePlanApi;
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

/**
 * The content script's reading of a tab. A page that is still loading has no content script yet (it starts
 * once the page is parsed), and would be taken for one opened before DisputeKit was installed ("reload the
 * page"): so while the tab loads, and briefly after, ask again. Gives up after about `patienceMs`.
 */
export async function readingOnceLoaded(
  tab: { ask(): Promise<ReadPageResponse | undefined>; loading(): Promise<boolean>; wait(ms: number): Promise<void> },
  patienceMs = 15_000,
): Promise<ReadPageResponse | undefined> {
  const STEP_MS = 200;
  // After the page has loaded, the content script may still be a moment away: a few more asks.
  let afterLoad = 3;
  for (let waited = 0; waited <= patienceMs; waited += STEP_MS) {
    const answer = await tab.ask();
    if (answer) return answer;
    if (!(await tab.loading()) && --afterLoad <= 0) return undefined;
    await tab.wait(STEP_MS);
  }
  return undefined;
}

/** What the popup shows when the background did not answer, or not as declared. */
const INTERNAL = { ok: false, error: 'internal' } as const;

/** `locale`: from lib/i18n/locale.ts `currentLocale()`, read before the popup renders. */
export function browserPopupApi(search: string, locale: Locale): PopupApi {
  let tabId: number | undefined;
  const changeListeners = new Set<() => void>();
  let watching: { tabId: number; port: Browser.runtime.Port } | undefined;
  /**
   * While the popup is open it keeps a port to its tab's content script, which then follows the page's changes
   * and says when what it shows changed. The port goes when the popup closes. Should it go while the popup is
   * open (the page reloaded or navigated away), the page is read again once, which connects anew.
   */
  const watchTab = (id: number) => {
    if (!changeListeners.size || watching?.tabId === id) return;
    watching?.port.disconnect();
    const port = browser.tabs.connect(id, { name: PAGE_WATCH_PORT });
    const since = Date.now();
    watching = { tabId: id, port };
    port.onMessage.addListener((message: unknown) => {
      if (readNotice('page:changed', message)) for (const listener of changeListeners) listener();
    });
    port.onDisconnect.addListener(() => {
      if (watching?.port !== port) return;
      watching = undefined;
      // A port refused at once means no content script there: nothing to follow, and no loop of retries.
      if (Date.now() - since > 1000) for (const listener of changeListeners) listener();
    });
  };
  return {
    locale,
    async readPage() {
      const tab = await targetTab(search);
      if (!tab) return { kind: 'no-tab' };
      tabId = tab.id;
      const id = tab.id;
      // No DisputeKit content script runs outside the marketplaces: nothing to ask.
      if (!tab.url || !platformForUrl(tab.url)) return pageStateFrom(id, tab.url, undefined);
      const answer = await readingOnceLoaded({
        ask: () => askTab((tabId, message) => browser.tabs.sendMessage(tabId, message), id, 'page:read').catch(() => undefined),
        loading: async () => (await browser.tabs.get(id).catch(() => undefined))?.status === 'loading',
        wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      const current = await browser.tabs.get(id).catch(() => undefined);
      if (answer) watchTab(id);
      return pageStateFrom(id, current?.url ?? tab.url, answer?.reading);
    },
    loadCase: (caseId) => getCaseOverview(pageDatabase(), caseId),
    capture: (target, fromScreen) =>
      sendToBackground('capture:tab', { tabId: target, mode: 'fullpage', ...(fromScreen !== undefined && { fromScreen }) }).catch(() => INTERNAL),
    cancelCapture: async (target) => {
      await sendToBackground('capture:cancel', { tabId: target }).catch(() => undefined);
    },
    onCaptureProgress(target, callback) {
      // Only the background sends these: an extension context with no tab.
      const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        const notice = readNotice('capture:progress', message);
        if (notice && sender.id === browser.runtime.id && !sender.tab && notice.tabId === target) {
          const { phase, done, total } = notice;
          callback({ phase, done, total });
        }
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    saveAllOrders: (target) => sendToBackground('orders:saveAll', { tabId: target }).catch(() => INTERNAL),
    captureListings: (target) => sendToBackground('listing:capture', { tabId: target }).catch(() => INTERNAL),
    onListingProgress(target, callback) {
      const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        const notice = readNotice('listing:progress', message);
        if (notice && sender.id === browser.runtime.id && !sender.tab && notice.tabId === target) {
          const { type: _type, tabId: _tabId, ...progress } = notice;
          callback(progress);
        }
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    takeListingResult: (target) => takeListingResult(browser.storage.local, target, new Date()).catch(() => undefined),
    openCases: async () => ({ cases: await recentOpenCases(pageDatabase()), currentCaseId: await getCurrentCaseId(browser.storage.local) }),
    addPageToCase: async (caseId) =>
      tabId === undefined
        ? { ok: false, error: 'tabClosed' }
        : sendToBackground('capture:tab', { tabId, mode: 'fullpage', caseId }).catch(() => INTERNAL),
    captureChat: async (caseId) =>
      tabId === undefined ? { ok: false, error: 'tabClosed' } : sendToBackground('capture:tab', { tabId, mode: 'chat', caseId }).catch(() => INTERNAL),
    takeInterrupted: () => sendToBackground('capture:takeInterrupted').then((r) => r.interrupted, () => false),
    plan: casePlanApi({
      database: pageDatabase(),
      now: () => new Date(),
      copy: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
      openSettings: () => void browser.runtime.openOptionsPage(),
    }),
    onPageChanged(callback) {
      changeListeners.add(callback);
      if (tabId !== undefined) watchTab(tabId);
      return () => {
        changeListeners.delete(callback);
        if (!changeListeners.size) {
          watching?.port.disconnect();
          watching = undefined;
        }
      };
    },
  };
}

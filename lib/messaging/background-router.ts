/**
 * The background's message handling: its router (one table, message name → handler; who may send each is
 * declared in protocol.ts and checked before anything is parsed), and the real browser behind a capture.
 */
import { browser } from 'wxt/browser';
import { beginCapture, endCapture, takeInterruptedFlag } from '../capture/journal';
import { captureTab, type CaptureDeps, type CaptureTarget } from '../capture/capture-tab';
import { CAPTURE_SPACING_MS } from '../capture/rate';
import { setCurrentCase } from '../cases/current-case';
import { db } from '../cases/db';
import { isMarketplaceContentScript, isOwnExtensionPage, type CaptureProgress, type CaptureResponse, type ListingCaptureResponse } from './messages';
import { routeMessage, sendNotice, type BackgroundRoutes, type Sender, type SenderChecks } from './protocol';
import { offscreenImaging } from '../capture/stitch';
import { saveListedOrders } from '../capture/save-listed-orders';
import { makeThumbnail } from '../capture/thumbnail';
import { checkDeadlines, type DeadlineCheckResult } from '../deadlines/check/deadline-check';
import { translator } from '../i18n';
import { currentLocale } from '../i18n/locale';
import { pageButtonStrings } from '../i18n/areas/page-button';
import { notificationTarget } from '../deadlines/check/notifications';
import { openCase } from '../cases/open-case-tab';
import { userTimeZone } from '../common/time';
import { platformForUrl } from '../common/marketplaces';
import { PageSaveLimiter, saveOrderFromPage } from '../capture/page-button-save';
import { COMMAND_CAPTURE_PAGE } from '../capture/menu-and-shortcut';
import { captureListings, type ListingDeps } from '../capture/listing-snapshots';
import { keepListingResult } from '../capture/listing-result';
import { stampEvidence, TIMESTAMP_ALARM, type StampDeps, type StampRun } from '../capture/timestamp-evidence';
import { retryCaseTimestamps } from '../cases/evidence-timestamps';
import { loadSettings } from '../settings/settings';

export function browserCaptureDeps(): CaptureDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    captureSpacingMs: captureQuotaApplies() ? CAPTURE_SPACING_MS : 0,
    makeThumbnail,
    ...(typeof OffscreenCanvas === 'function' && { imaging: offscreenImaging }),
    injectChatScript,
    ...(chromePageCapture() && { saveAsMHTML: saveAsMHTML }),
    database: db(),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newId: () => crypto.randomUUID(),
    extensionVersion: browser.runtime.getManifest().version,
    browserName: navigator.userAgent,
  };
}

async function deadlineCheckDeps() {
  const locale = await currentLocale();
  return {
    database: db(),
    storage: browser.storage.local,
    alarms: browser.alarms,
    notifications: browser.notifications,
    // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
    button: browser.action ?? browser.browserAction,
    t: translator(locale),
    locale,
    timeZone: userTimeZone(),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    now: () => new Date(),
  };
}

// Checks run one after another so two triggers at once never race on the badge or the alarm.
let checking: Promise<unknown> = Promise.resolve();
/**
 * Recomputes the badge, sends due notifications and sets the next alarm. Call it on install, on startup,
 * when the deadline alarm fires, and (through the database, lib/cases/db.ts) after each committed write to
 * what deadlines are counted from.
 */
export function runDeadlineCheck(): Promise<DeadlineCheckResult> {
  const run = checking.then(async () => checkDeadlines(await deadlineCheckDeps()));
  checking = run.catch((error: unknown) => console.error('DisputeKit: deadline check failed', error));
  return run;
}

/**
 * Chrome allows two captureVisibleTab calls a second (lib/capture/rate.ts); Firefox sets no limit (its tabs
 * API draws a snapshot per call), so a full-page capture there need not wait between screens. Firefox is told
 * apart by runtime.getBrowserInfo, which only Firefox has.
 */
function captureQuotaApplies(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}

function timestampDeps(): StampDeps {
  return {
    database: db(),
    choice: async () => (await loadSettings(browser.storage.local)).timestamps,
    holds: (origin) => browser.permissions.contains({ origins: [origin] }),
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    scheduleRetry: async (when) => {
      if (when === undefined) await browser.alarms.clear(TIMESTAMP_ALARM);
      else await browser.alarms.create(TIMESTAMP_ALARM, { when: Math.max(when.getTime(), Date.now() + 1000) });
    },
  };
}

// Runs one after another, so two triggers at once (a capture and a start) never ask for the same item twice.
let stamping: Promise<unknown> = Promise.resolve();
/**
 * Asks for the trusted timestamps that are due: of items just saved (`evidenceIds`, from the database's
 * onEvidenceSaved or a page's message), or of every due item (the background's start, the retry alarm). Never
 * awaited by a save: the capture is answered first.
 */
export function runTimestamps(evidenceIds?: string[]): Promise<StampRun> {
  const run = stamping.then(() => stampEvidence(timestampDeps(), evidenceIds));
  stamping = run.catch((error: unknown) => console.error('DisputeKit: timestamps failed', error));
  return run;
}

/** The chat script (entrypoints/chat-box.ts) into the tab's top frame: scripting in Chrome's MV3, tabs.executeScript in Firefox's MV2. */
async function injectChatScript(tabId: number): Promise<void> {
  if (browser.scripting) await browser.scripting.executeScript({ target: { tabId }, files: ['/chat-box.js'] });
  else await browser.tabs.executeScript(tabId, { file: '/chat-box.js' });
}

interface PageCaptureApi {
  saveAsMHTML(details: { tabId: number }, callback: (mhtml?: Blob) => void): void;
}

/** Chrome's pageCapture (Chrome only, with the `pageCapture` permission); Firefox has none. */
function chromePageCapture(): PageCaptureApi | undefined {
  const chrome = (globalThis as { chrome?: { pageCapture?: PageCaptureApi } }).chrome;
  return typeof chrome?.pageCapture?.saveAsMHTML === 'function' ? chrome.pageCapture : undefined;
}

function askForMHTML(tabId: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    chromePageCapture()!.saveAsMHTML({ tabId }, (mhtml) => {
      const failure = (globalThis as { chrome?: { runtime?: { lastError?: { message?: string } } } }).chrome?.runtime?.lastError;
      if (mhtml) resolve(mhtml);
      else reject(new Error(failure?.message ?? 'the browser made no MHTML archive'));
    });
  });
}

/**
 * Chrome's MHTML blob is backed by a temporary file that Chrome may delete before it is read (seen here as
 * an occasional NotFoundError): read it into memory at once, and ask again once if it was already gone.
 */
async function saveAsMHTML(tabId: number): Promise<Blob> {
  for (let attempt = 1; ; attempt++) {
    const mhtml = await askForMHTML(tabId);
    try {
      return new Blob([await mhtml.arrayBuffer()], { type: mhtml.type || 'multipart/related' });
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Captures running now, by tab, so the popup can cancel one; one capture per tab at a time. */
const running = new Map<number, AbortController>();

/**
 * Runs a capture with a note in the journal (a worker stopped mid-capture is reported on the next start),
 * progress notices to the extension's pages, and a way to cancel it (`cancelCapture`).
 */
export async function runCapture(target: CaptureTarget, onProgress?: (progress: CaptureProgress) => void): Promise<CaptureResponse> {
  if (running.has(target.tabId)) return { ok: false, error: 'busy' };
  const controller = new AbortController();
  running.set(target.tabId, controller);
  const journalId = crypto.randomUUID();
  try {
    await beginCapture(journalId, target.tabId, new Date());
    const deps = browserCaptureDeps();
    if (target.mode === 'chat') {
      const t = translator(await currentLocale());
      deps.transcriptWords = { me: t('chat.me'), them: t('chat.them') };
    }
    return await captureTab(deps, target, {
      signal: controller.signal,
      onProgress: (progress) => {
        sendNotice('capture:progress', { tabId: target.tabId, ...progress });
        onProgress?.(progress);
      },
    });
  } finally {
    running.delete(target.tabId);
    await endCapture(journalId);
  }
}

/** Asks the tab's running capture to stop; it stops at its next step, saves nothing and restores the page. */
export function cancelCapture(tabId: number): { cancelled: boolean } {
  const controller = running.get(tabId);
  controller?.abort();
  return { cancelled: controller !== undefined };
}

const isMarketplaceUrl = (url: string) => platformForUrl(url) !== null;

/** Resolves when the tab has loaded, was closed, or `timeoutMs` passed (tabs.onUpdated, checked once at the start too). */
function waitForLoad(tabId: number, timeoutMs: number): Promise<'complete' | 'closed' | 'timeout'> {
  return new Promise((resolve) => {
    const finish = (outcome: 'complete' | 'closed' | 'timeout') => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(updated);
      browser.tabs.onRemoved.removeListener(removed);
      resolve(outcome);
    };
    const updated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') finish('complete');
    };
    const removed = (id: number) => {
      if (id === tabId) finish('closed');
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    browser.tabs.onUpdated.addListener(updated);
    browser.tabs.onRemoved.addListener(removed);
    // It may have loaded before the listener was in place.
    browser.tabs.get(tabId).then(
      (tab) => tab.status === 'complete' && tab.url !== 'about:blank' && finish('complete'),
      () => finish('closed'),
    );
  });
}

function listingDeps(orderTabId: number): ListingDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    openTab: async (url, beside) => {
      const tab = await browser.tabs.create({
        url,
        active: true,
        openerTabId: beside.tabId,
        ...(beside.windowId !== undefined && { windowId: beside.windowId }),
        ...(beside.index !== undefined && { index: beside.index + 1 }),
      });
      if (tab.id === undefined) throw new Error('the browser opened no tab');
      return tab.id;
    },
    waitForLoad,
    closeTab: (tabId) => browser.tabs.remove(tabId),
    activateTab: async (tabId) => {
      await browser.tabs.update(tabId, { active: true });
    },
    capture: (target, onProgress) => runCapture(target, onProgress),
    onProgress: (progress) => sendNotice('listing:progress', { tabId: orderTabId, ...progress }),
    database: db(),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Order tabs whose listings are being captured now: one run per order tab at a time. */
const listingRuns = new Set<number>();

/**
 * "Capture the listing as bought" for an order tab. The popup usually closes when the first snapshot tab comes to
 * the front, so the result is also kept for the popup's next opening on this tab (lib/capture/listing-result.ts).
 */
export async function runListingCapture(tabId: number): Promise<ListingCaptureResponse> {
  if (listingRuns.has(tabId)) return { ok: false, error: 'busy' };
  listingRuns.add(tabId);
  try {
    const result = await captureListings(listingDeps(tabId), tabId);
    await keepListingResult(browser.storage.local, tabId, result, new Date()).catch(() => undefined);
    return result;
  } finally {
    listingRuns.delete(tabId);
  }
}

/** The keys of "Capture evidence of this page" as the browser shows them; '' if the user removed them. */
export async function captureShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((c) => c.name === COMMAND_CAPTURE_PAGE)?.shortcut ?? '';
}

/** Saves from each tab's in-page button in the last minute, for the whole life of the service worker. */
const pageSaves = new PageSaveLimiter();

/** Every message the background answers (protocol.ts declares which; the type makes this table complete). */
export const backgroundRoutes: BackgroundRoutes = {
  'capture:tab': ({ tabId, mode, caseId, label, fromScreen }) =>
    runCapture({ tabId, mode, ...(caseId && { caseId }), ...(label && { label }), ...(fromScreen !== undefined && { fromScreen }) }).then(rememberCaseOf),
  'capture:cancel': async ({ tabId }) => cancelCapture(tabId),
  'capture:takeInterrupted': async () => ({ interrupted: await takeInterruptedFlag() }),
  'orders:saveAll': ({ tabId }) =>
    saveListedOrders({ sendToTab: (id, message) => browser.tabs.sendMessage(id, message), database: db(), now: () => new Date() }, tabId),
  'listing:capture': ({ tabId }) =>
    runListingCapture(tabId).then(async (result) => {
      if (result.ok && result.captured.length) await setCurrentCase(browser.storage.local, result.caseId, new Date()).catch(() => undefined);
      return result;
    }),
  'deadlines:refresh': async () => ({ badge: (await runDeadlineCheck()).badge?.text ?? '' }),
  // "Retry timestamps" asks for that case's items, not for the oldest due items of every case.
  'timestamps:run': async ({ caseId, evidenceIds }) => runTimestamps(caseId ? await retryCaseTimestamps(db(), caseId, new Date()) : evidenceIds),
  // The in-page button: the request carries nothing; the background re-reads the sender's tab.
  'order:saveFromPage': (_request, sender) =>
    saveOrderFromPage({ ...browserCaptureDeps(), storage: browser.storage.local, captureShortcut, isMarketplaceUrl, limiter: pageSaves }, sender.tab),
  // The in-page button's strings in the user's language (Settings, or the browser's when "Auto").
  'strings:pageButton': async () => {
    const locale = await currentLocale();
    return { locale, strings: pageButtonStrings(locale) };
  },
};

/**
 * Who is who: this extension's own pages (popup, dashboard), not content scripts and not other extensions;
 * this extension's content script in the top frame of a marketplace tab.
 */
const senderChecks: SenderChecks = {
  'extension-page': (sender) => isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')),
  'marketplace-content-script': (sender) => isMarketplaceContentScript(sender, browser.runtime.id, isMarketplaceUrl),
};

/**
 * Answers what this extension's pages and content scripts may ask. Anything else (another sender than the
 * message's own, other extensions, unknown or malformed messages) gets no answer: undefined.
 */
export function handleBackgroundMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  return routeMessage(backgroundRoutes, senderChecks, message, sender);
}

/** A capture makes its case the user's current case: other pages (listing, tracking, chat) are saved there next. */
export async function rememberCaseOf<T extends CaptureResponse>(result: T): Promise<T> {
  if (result.ok) await setCurrentCase(browser.storage.local, result.caseId, new Date()).catch(() => undefined);
  return result;
}

/**
 * A click on one of DisputeKit's notifications: opens its case's page at the deadline it was about
 * (case.html?id=…#deadline-<rule>) and clears it. Returns false for a notification that is not a deadline's.
 */
export async function openNotification(id: string): Promise<boolean> {
  const target = notificationTarget(id);
  if (!target) return false;
  await openCase(target.caseId, target.rule);
  await browser.notifications.clear(id);
  return true;
}

/** The background's message handling: who may ask, what they may ask, and the real browser behind a capture. */
import { browser } from 'wxt/browser';
import { beginCapture, endCapture, takeInterruptedFlag } from '../capture/journal';
import { captureTab, type CaptureDeps, type CaptureTarget } from '../capture/capture-tab';
import { setCurrentCase } from '../cases/current-case';
import { db } from '../cases/db';
import { BackgroundRequest, isOwnExtensionPage, type CaptureProgressNotice, type CaptureResponse, type SenderLike } from './messages';
import { offscreenImaging } from '../capture/stitch';
import { saveListedOrders } from '../capture/save-listed-orders';
import { makeThumbnail } from '../capture/thumbnail';
import { checkDeadlines, type DeadlineCheckResult } from '../deadlines/check/deadline-check';
import { translator } from '../i18n';
import { currentLocale } from '../i18n/locale';
import { notificationTarget } from '../deadlines/check/notifications';
import { openCase } from '../cases/open-case-tab';
import { userTimeZone } from '../common/time';

export function browserCaptureDeps(): CaptureDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    makeThumbnail,
    ...(typeof OffscreenCanvas === 'function' && { imaging: offscreenImaging }),
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
 * when the deadline alarm fires and after anything changes a case, its dates or its contacts.
 */
export function runDeadlineCheck(): Promise<DeadlineCheckResult> {
  const run = checking.then(async () => checkDeadlines(await deadlineCheckDeps()));
  checking = run.catch((error: unknown) => console.error('DisputeKit: deadline check failed', error));
  return run;
}

/** Runs the deadline check after an operation that may have changed cases, without delaying its answer. */
export function thenCheckDeadlines<T>(operation: Promise<T>): Promise<T> {
  return operation.finally(() => void runDeadlineCheck().catch(() => undefined));
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
export async function runCapture(target: CaptureTarget): Promise<CaptureResponse> {
  if (running.has(target.tabId)) return { ok: false, error: 'busy' };
  const controller = new AbortController();
  running.set(target.tabId, controller);
  const journalId = crypto.randomUUID();
  try {
    await beginCapture(journalId, target.tabId, new Date());
    return await captureTab(browserCaptureDeps(), target, {
      signal: controller.signal,
      onProgress: (progress) => {
        const notice: CaptureProgressNotice = { type: 'capture:progress', tabId: target.tabId, ...progress };
        browser.runtime.sendMessage(notice).catch(() => {
          // No extension page open to show it.
        });
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

/** The default capture of an order page: the full page, its archives, into the order's case. */
export function captureWithJournal(tabId: number): Promise<CaptureResponse> {
  return runCapture({ tabId, mode: 'fullpage' });
}

/**
 * Answers requests from this extension's own pages. Anything else (content scripts, other extensions,
 * malformed messages) gets no answer: returning undefined leaves the message unanswered.
 */
export function handleBackgroundMessage(message: unknown, sender: SenderLike): Promise<unknown> | undefined {
  if (!isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
  const request = BackgroundRequest.safeParse(message);
  if (!request.success) return undefined;
  switch (request.data.type) {
    case 'capture:visible':
      return thenCheckDeadlines(runCapture({ tabId: request.data.tabId, mode: 'visible' }).then(rememberCaseOf));
    case 'capture:tab': {
      const { tabId, mode, caseId, label, fromScreen } = request.data;
      return thenCheckDeadlines(runCapture({ tabId, mode, ...(caseId && { caseId }), ...(label && { label }), ...(fromScreen !== undefined && { fromScreen }) }).then(rememberCaseOf));
    }
    case 'capture:cancel':
      return Promise.resolve(cancelCapture(request.data.tabId));
    case 'orders:saveAll':
      return thenCheckDeadlines(saveListedOrders({ sendToTab: (tabId, m) => browser.tabs.sendMessage(tabId, m), database: db(), now: () => new Date() }, request.data.tabId));
    case 'deadlines:refresh':
      return runDeadlineCheck().then((result) => ({ badge: result.badge?.text ?? '' }));
    case 'capture:takeInterrupted':
      return takeInterruptedFlag().then((interrupted) => ({ interrupted }));
  }
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

/** The background's message handling: who may ask, what they may ask, and the real browser behind a capture. */
import { browser } from 'wxt/browser';
import { beginCapture, endCapture, takeInterruptedFlag } from './capture-journal';
import { captureVisible, type CaptureDeps } from './capture';
import { db } from './db';
import { BackgroundRequest, isOwnExtensionPage, type CaptureResponse, type SenderLike } from './messages';
import { saveListedOrders } from './save-orders';
import { makeThumbnail } from './thumbnail';
import { checkDeadlines, type DeadlineCheckResult } from './deadline-alarms';
import { localeFor, translator } from './i18n';

function browserCaptureDeps(): CaptureDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    makeThumbnail,
    database: db(),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newId: () => crypto.randomUUID(),
    extensionVersion: browser.runtime.getManifest().version,
    browserName: navigator.userAgent,
  };
}

function deadlineCheckDeps() {
  return {
    database: db(),
    storage: browser.storage.local,
    alarms: browser.alarms,
    notifications: browser.notifications,
    // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
    button: browser.action ?? browser.browserAction,
    t: translator(localeFor(browser.i18n.getUILanguage())),
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
  const run = checking.then(() => checkDeadlines(deadlineCheckDeps()));
  checking = run.catch((error: unknown) => console.error('DisputeKit: deadline check failed', error));
  return run;
}

/** Runs the deadline check after an operation that may have changed cases, without delaying its answer. */
function thenCheckDeadlines<T>(operation: Promise<T>): Promise<T> {
  return operation.finally(() => void runDeadlineCheck().catch(() => undefined));
}

async function captureWithJournal(tabId: number): Promise<CaptureResponse> {
  const journalId = crypto.randomUUID();
  await beginCapture(journalId, tabId, new Date());
  try {
    return await captureVisible(browserCaptureDeps(), tabId);
  } finally {
    await endCapture(journalId);
  }
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
      return thenCheckDeadlines(captureWithJournal(request.data.tabId));
    case 'orders:saveAll':
      return thenCheckDeadlines(saveListedOrders({ sendToTab: (tabId, m) => browser.tabs.sendMessage(tabId, m), database: db(), now: () => new Date() }, request.data.tabId));
    case 'deadlines:refresh':
      return runDeadlineCheck().then((result) => ({ badge: result.badge?.text ?? '' }));
    case 'capture:takeInterrupted':
      return takeInterruptedFlag().then((interrupted) => ({ interrupted }));
  }
}

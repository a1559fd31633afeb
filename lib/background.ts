/** The background's message handling: who may ask, what they may ask, and the real browser behind a capture. */
import { browser } from 'wxt/browser';
import { beginCapture, endCapture, takeInterruptedFlag } from './capture-journal';
import { captureVisible, type CaptureDeps } from './capture';
import { setCurrentCase } from './current-case';
import { db } from './db';
import { BackgroundRequest, isOwnExtensionPage, type CaptureResponse, type SenderLike } from './messages';
import { saveListedOrders } from './save-orders';
import { makeThumbnail } from './thumbnail';

export function browserCaptureDeps(): CaptureDeps {
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

export async function captureWithJournal(tabId: number): Promise<CaptureResponse> {
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
      return captureWithJournal(request.data.tabId).then(rememberCaseOf);
    case 'orders:saveAll':
      return saveListedOrders({ sendToTab: (tabId, m) => browser.tabs.sendMessage(tabId, m), database: db(), now: () => new Date() }, request.data.tabId);
    case 'capture:takeInterrupted':
      return takeInterruptedFlag().then((interrupted) => ({ interrupted }));
  }
}

/** A capture makes its case the user's current case: other pages (listing, tracking, chat) are saved there next. */
export async function rememberCaseOf<T extends CaptureResponse>(result: T): Promise<T> {
  if (result.ok) await setCurrentCase(browser.storage.local, result.caseId, new Date()).catch(() => undefined);
  return result;
}

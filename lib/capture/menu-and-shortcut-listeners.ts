/**
 * The real browser behind the context menu, the keyboard command and the in-page button: registration of
 * the listeners and the message the in-page button sends. (The popup's "Add this page to case" is a
 * `capture:tab` request with a caseId, answered in lib/messaging/background-router.ts.)
 */
import { browser } from 'wxt/browser';
import { COMMAND_CAPTURE_PAGE, createMenus, handleCommand, handleMenuClick, type ActionDeps } from './menu-and-shortcut';
import { browserCaptureDeps, runCapture, thenCheckDeadlines } from '../messaging/background-router';
import { db } from '../cases/db';
import { translator } from '../i18n';
import { currentLocale, settingsChanged } from '../i18n/locale';
import { platformForUrl } from '../common/marketplaces';
import { isMarketplaceContentScript, SaveOrderFromPageRequest, type CaptureResponse, type ContentSenderLike } from '../messaging/messages';
import { PageSaveLimiter, saveOrderFromPage } from './page-button-save';

const t = async () => translator(await currentLocale());
const isMarketplaceUrl = (url: string) => platformForUrl(url) !== null;

/** The full page: an order page into its case (no caseId), or any page into an existing case. */
function capturePage(tabId: number, caseId?: string): Promise<CaptureResponse> {
  return thenCheckDeadlines(runCapture({ tabId, mode: 'fullpage', ...(caseId !== undefined && { caseId }) }));
}

async function actionDeps(): Promise<ActionDeps> {
  const capture = browserCaptureDeps();
  return {
    t: await t(),
    database: db(),
    storage: browser.storage.local,
    sendToTab: capture.sendToTab,
    capturePage,
    notify: async (title, message) => {
      await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
    now: capture.now,
    newId: capture.newId,
    extensionVersion: capture.extensionVersion,
    browserName: capture.browserName,
  };
}

/** The keys of "Capture evidence of this page" as the browser shows them; '' if the user removed them. */
export async function captureShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((c) => c.name === COMMAND_CAPTURE_PAGE)?.shortcut ?? '';
}

/**
 * Menus are created once per install or update (Chrome keeps them across service worker restarts); the
 * click and command listeners are added on every start, at the top level, so a click wakes the worker.
 */
export function registerActions(): void {
  browser.runtime.onInstalled.addListener(() => {
    void t().then((translate) => createMenus(browser.contextMenus, translate));
  });
  // A new language in Settings renames the menu items (createMenus replaces them).
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (settingsChanged(changes, areaName)) void t().then((translate) => createMenus(browser.contextMenus, translate));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void actionDeps().then((deps) => handleMenuClick(deps, info, tab));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(async ([active]) => handleCommand(await actionDeps(), command, tab ?? active));
  });
}

/** Saves from each tab's in-page button in the last minute, for the whole life of the service worker. */
const pageSaves = new PageSaveLimiter();

/**
 * The in-page button's request, from our content script on a marketplace tab only. Anything else is left
 * unanswered (undefined), for handleBackgroundMessage or nobody.
 */
export function handleActionMessage(message: unknown, sender: ContentSenderLike): Promise<unknown> | undefined {
  if (SaveOrderFromPageRequest.safeParse(message).success) {
    if (!isMarketplaceContentScript(sender, browser.runtime.id, isMarketplaceUrl)) return undefined;
    const capture = browserCaptureDeps();
    return thenCheckDeadlines(
      saveOrderFromPage({ ...capture, storage: browser.storage.local, captureShortcut, isMarketplaceUrl, limiter: pageSaves }, sender.tab),
    );
  }
  return undefined;
}

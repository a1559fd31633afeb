/**
 * The real browser behind the context menu and the keyboard command: registration of their listeners. (The
 * in-page button's `order:saveFromPage` and the popup's "Add this page to case", a `capture:tab` request with
 * a caseId, are answered by the router in lib/messaging/background-router.ts.)
 */
import { browser } from 'wxt/browser';
import { createMenus, handleCommand, handleMenuClick, type ActionDeps } from './menu-and-shortcut';
import { browserCaptureDeps, runCapture } from '../messaging/background-router';
import { db } from '../cases/db';
import { translator } from '../i18n';
import { currentLocale, settingsChanged } from '../i18n/locale';
import type { CaptureResponse } from '../messaging/messages';

const t = async () => translator(await currentLocale());

/** The full page: an order page into its case (no caseId), or any page into an existing case. */
function capturePage(tabId: number, caseId?: string): Promise<CaptureResponse> {
  return runCapture({ tabId, mode: 'fullpage', ...(caseId !== undefined && { caseId }) });
}

/** "Capture this chat" from the menu: the box under the right-click. */
function captureChat(tabId: number, caseId?: string): Promise<CaptureResponse> {
  return runCapture({ tabId, mode: 'chat', pointer: true, ...(caseId !== undefined && { caseId }) });
}

async function actionDeps(): Promise<ActionDeps> {
  const capture = browserCaptureDeps();
  return {
    t: await t(),
    database: db(),
    storage: browser.storage.local,
    sendToTab: capture.sendToTab,
    capturePage,
    captureChat,
    notify: async (title, message) => {
      await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
    now: capture.now,
    newId: capture.newId,
    extensionVersion: capture.extensionVersion,
    browserName: capture.browserName,
  };
}

/**
 * Menus are created once per install or update (Chrome keeps them across service worker restarts); the
 * click and command listeners are added on every start, at the top level, so a click wakes the worker.
 */
/**
 * One menu rebuild at a time: an install and a settings change close together would otherwise interleave
 * their removeAll and create calls (a duplicate id, or an item removed after it was made).
 */
let menusBuilt: Promise<void> = Promise.resolve();
function rebuildMenus(): void {
  menusBuilt = menusBuilt.then(async () => createMenus(browser.contextMenus, await t())).catch(() => undefined);
}

export function registerActions(): void {
  browser.runtime.onInstalled.addListener(rebuildMenus);
  // A new language in Settings renames the menu items (createMenus replaces them).
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (settingsChanged(changes, areaName)) rebuildMenus();
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

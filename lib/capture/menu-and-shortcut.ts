/**
 * "One action from anywhere": the context-menu items and the keyboard command. Both are user actions for
 * the extension (they grant activeTab), so they may take a screenshot of the tab. On an order page the
 * capture goes into the order's case; on any other page (a listing, a tracking page, a chat) into the
 * user's current case, or nowhere, with a message saying so. Browser APIs come in through `ActionDeps`.
 */
import { addEvidenceToCase, CaseNotFound, getCase, saveCapture } from '../cases/cases';
import { resolveCurrentCase, setCurrentCase, type KeyValueArea } from '../cases/current-case';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import type { MessageKey, Translate } from '../i18n';
import type { Platform } from '../common/marketplaces';
import { mismatchDetail, orderOfPage } from '../readers/page-order';
import { MARKETPLACE_ADDRESSES } from '../readers/addresses';
import type { CaptureError, CaptureResponse } from '../messaging/messages';
import { askTab, type TabTransport } from '../messaging/protocol';
import type { CaseRecord, OrderFacts } from '../common/model';
import type { EvidenceClock } from '../cases/evidence-item';
import { cleanText } from '../common/text';
import { MAX_SELECTION_CHARS, selectionEvidence } from './selection';

export const MENU_SAVE_PAGE = 'disputekit-save-page';
export const MENU_SAVE_SELECTION = 'disputekit-save-selection';
export const MENU_CAPTURE_CHAT = 'disputekit-capture-chat';
/** The manifest's `commands` key for "Capture evidence of this page". */
export const COMMAND_CAPTURE_PAGE = 'capture-page';

type MenuContext = 'page' | 'frame' | 'selection' | 'link' | 'image';

export interface MenuApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: [MenuContext, ...MenuContext[]] }): unknown;
}

/**
 * Called from runtime.onInstalled (install, update, browser update): Chrome keeps menus across service
 * worker restarts, so creating them on every start would fail with duplicate ids. removeAll first makes
 * a repeated call (an update) replace the items instead of adding a second set.
 */
export async function createMenus(menus: MenuApi, t: Translate): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_SAVE_PAGE, title: t('actions.menuPage'), contexts: ['page', 'frame'] });
  menus.create({ id: MENU_SAVE_SELECTION, title: t('actions.menuSelection'), contexts: ['selection'] });
  // A right-click on a message (its text, a link or a picture in it) names the chat box around it.
  menus.create({ id: MENU_CAPTURE_CHAT, title: t('chat.menu'), contexts: ['page', 'frame', 'link', 'image'] });
}

export type ActionError = CaptureError | 'noCurrentCase' | 'emptySelection' | 'selectionTooLong';
export type ActionResult =
  | { ok: true; caseId: string; evidenceIds: string[]; what: 'page' | 'selection' | 'chat'; chat?: (CaptureResponse & { ok: true })['chat'] }
  | { ok: false; error: ActionError; detail?: string };

export interface ActionDeps extends EvidenceClock {
  t: Translate;
  database: DisputeKitDB;
  storage: KeyValueArea;
  sendToTab: TabTransport;
  /** A capture of the tab into the order's case (no caseId: the tab must be an order page) or into `caseId`. */
  capturePage(tabId: number, caseId?: string): Promise<CaptureResponse>;
  /** "Capture this chat": the box under the right-click, into the order's case (no caseId) or into `caseId`. */
  captureChat(tabId: number, caseId?: string): Promise<CaptureResponse>;
  notify(title: string, message: string): Promise<void>;
}

/** The fields of `contextMenus.OnClickData` used here. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

/** The fields of `tabs.Tab` used here. */
export interface ActionTab {
  id?: number;
  url?: string;
  title?: string;
  width?: number;
  height?: number;
}

export async function handleMenuClick(deps: ActionDeps, info: MenuClick, tab: ActionTab | undefined): Promise<ActionResult | undefined> {
  if (info.menuItemId === MENU_SAVE_PAGE) return report(deps, await savePage(deps, tab));
  if (info.menuItemId === MENU_SAVE_SELECTION) return report(deps, await saveSelection(deps, info, tab));
  if (info.menuItemId === MENU_CAPTURE_CHAT) return report(deps, await savePage(deps, tab, 'chat'));
  return undefined;
}

export async function handleCommand(deps: ActionDeps, command: string, tab: ActionTab | undefined): Promise<ActionResult | undefined> {
  if (command !== COMMAND_CAPTURE_PAGE) return undefined;
  return report(deps, await savePage(deps, tab));
}

type Target =
  | { kind: 'order'; platform: Platform; order: OrderFacts }
  | { kind: 'case'; record: CaseRecord }
  | { kind: 'none' }
  /** An order page that names another order than its address: nothing is saved (lib/readers/page-order.ts). */
  | { kind: 'refused'; result: ActionResult & { ok: false } };

/**
 * An order page's own case first (the order its address names); otherwise the current case. A menu item or
 * the shortcut is the user's own action, so it may refresh the order's facts (lib/cases/readings.ts), but a page
 * that names another order than its address is refused, as for the in-page button.
 */
async function targetFor(deps: ActionDeps, tab: ActionTab & { id: number }): Promise<Target> {
  const answer = await askTab(deps.sendToTab, tab.id, 'page:read').catch(() => undefined);
  const found = orderOfPage(answer?.reading ?? null, tab.url ?? '', false, MARKETPLACE_ADDRESSES);
  if (found.ok) return { kind: 'order', platform: found.platform, order: found.order };
  if (found.error === 'orderMismatch') return { kind: 'refused', result: { ok: false, error: 'orderMismatch', detail: mismatchDetail(found) } };
  const record = await resolveCurrentCase(deps.storage, deps.database);
  return record ? { kind: 'case', record } : { kind: 'none' };
}

async function savePage(deps: ActionDeps, tab: ActionTab | undefined, what: 'page' | 'chat' = 'page'): Promise<ActionResult> {
  if (tab?.id === undefined) return { ok: false, error: 'tabClosed' };
  const target = await targetFor(deps, { ...tab, id: tab.id });
  if (target.kind === 'refused') return target.result;
  if (target.kind === 'none') return { ok: false, error: 'noCurrentCase' };
  const capture = what === 'chat' ? deps.captureChat : deps.capturePage;
  const result = await capture(tab.id, target.kind === 'case' ? target.record.id : undefined);
  if (!result.ok) return result;
  await setCurrentCase(deps.storage, result.caseId, deps.now());
  return { ...result, what };
}

async function saveSelection(deps: ActionDeps, info: MenuClick, tab: ActionTab | undefined): Promise<ActionResult> {
  if (!info.selectionText?.trim()) return { ok: false, error: 'emptySelection' };
  if (tab?.id === undefined) return { ok: false, error: 'tabClosed' };
  const text = await selectedText(deps, tab.id, info.selectionText);
  if (text.length > MAX_SELECTION_CHARS) return { ok: false, error: 'selectionTooLong' };
  const target = await targetFor(deps, { ...tab, id: tab.id });
  if (target.kind === 'refused') return target.result;
  if (target.kind === 'none') return { ok: false, error: 'noCurrentCase' };
  const page = {
    url: info.pageUrl ?? tab.url ?? '',
    title: cleanText(tab.title),
    viewport: { width: tab.width ?? 0, height: tab.height ?? 0 },
    // Text has no pixels; the tab object does not say the page's ratio, and 1 is the neutral value.
    devicePixelRatio: 1,
  };
  try {
    const evidence = await selectionEvidence(deps, { text, page, label: 'chat' });
    const now = deps.now();
    const saved =
      target.kind === 'order'
        ? await saveCapture(deps.database, { platform: target.platform, order: target.order, evidence: [evidence], now, source: 'selection', url: page.url })
        : await addEvidenceToCase(deps.database, target.record.id, [evidence], now);
    await setCurrentCase(deps.storage, saved.caseId, now);
    return { ok: true, ...saved, what: 'selection' };
  } catch (error) {
    if (error instanceof CaseNotFound) return { ok: false, error: 'noCurrentCase' };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/**
 * The browser's selectionText has its line breaks collapsed; the page's own selection (from our content
 * script, on marketplace pages) keeps a chat's lines. It is used only when it is the same text, so a
 * selection inside a frame or one changed since the click falls back to the browser's.
 */
async function selectedText(deps: ActionDeps, tabId: number, fromMenu: string): Promise<string> {
  const answer = await askTab(deps.sendToTab, tabId, 'page:selection').catch(() => undefined);
  const squashed = (s: string) => s.replace(/\s+/g, ' ').trim();
  return answer && squashed(answer.text) === squashed(fromMenu) ? answer.text.trim() : fromMenu.trim();
}

/** What a chat capture adds to "Saved…": its transcript's lines (or that none could be read), the contacts it added, a cap on older messages. */
export function chatLines(t: Translate, chat: (CaptureResponse & { ok: true })['chat']): string[] {
  if (!chat) return [];
  return [
    chat.messages > 0 ? t('chat.transcript', { n: chat.messages }) : t('chat.noMessages'),
    ...(chat.contactsAdded > 0 ? [t('chat.contacts', { n: chat.contactsAdded })] : []),
    ...(chat.olderCapped ? [t('chat.olderCapped')] : []),
  ];
}

/** The user's words for a case: "AliExpress order 8190…". */
export function caseName(t: Translate, record: Pick<CaseRecord, 'platform' | 'orderId'>): string {
  return t('actions.caseName', { platform: t(`platform.${record.platform}`), orderId: record.orderId });
}

export function errorText(t: Translate, error: ActionError, detail?: string): string {
  const key = (error === 'noCurrentCase' || error === 'emptySelection' || error === 'selectionTooLong' ? `actions.${error}` : `error.${error}`) as MessageKey;
  return detail ? `${t(key)}\n${t('error.detail', { detail })}` : t(key);
}

/** A menu or command has no page of ours to show its result on: a notification names the case or the error. */
async function report(deps: ActionDeps, result: ActionResult): Promise<ActionResult> {
  const { t } = deps;
  try {
    if (result.ok) {
      const record = await getCase(deps.database, result.caseId);
      const name = record ? caseName(t, record) : result.caseId;
      const files = t('actions.savedFiles', { n: result.evidenceIds.length });
      const message = result.what === 'selection' ? t('actions.savedSelection') : [files, ...chatLines(t, result.chat)].join(' ');
      await deps.notify(t('actions.savedTitle', { case: name }), message);
    } else {
      await deps.notify(t('actions.failedTitle'), errorText(t, result.error, result.detail));
    }
  } catch {
    // The evidence is saved (or the error known) whether or not the notification could be shown.
  }
  return result;
}


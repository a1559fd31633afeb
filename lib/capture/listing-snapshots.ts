/**
 * "Capture the listing as bought": the order's own snapshot links (AliExpress's order snapshot, Taobao/Tmall's
 * 交易快照), each opened in a tab beside the order's, captured whole into the order's case as its 'listing', and
 * closed again. The links come from the background's own reading of the order tab, never from the request: the
 * page can forge its data, so only https links on the order's own marketplace are opened, at most
 * MAX_SNAPSHOTS of them. One snapshot that fails (closed, not loaded in time, a login page) is reported by
 * name and the others go on; each capture saves on its own, so nothing saved before is lost.
 * Browser APIs come in through `ListingDeps`: the flow runs with fakes in unit tests.
 */
import { saveOrders, caseIdFor } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import { platformForUrl, type Platform } from '../common/marketplaces';
import type { OrderFacts } from '../common/model';
import type { CaptureProgress, CaptureResponse, ListingCaptureResponse, ListingFailure, ListingProgress } from '../messaging/messages';
import { askTab, type TabTransport } from '../messaging/protocol';
import { MARKETPLACE_ADDRESSES } from '../readers/addresses';
import { orderOfPage } from '../readers/page-order';
import type { CaptureTarget } from './capture-tab';

/** The most snapshot tabs one click opens: an order of many items is still a handful of tabs, one at a time. */
export const MAX_SNAPSHOTS = 10;
/** How long a snapshot may take to load before it is reported as not loaded. */
export const LOAD_TIMEOUT_MS = 30_000;
/** After the page has loaded, how long its content script may take to answer. */
const ANSWER_PATIENCE_MS = 5_000;
const ANSWER_STEP_MS = 200;

export interface ListingTab {
  url?: string;
  windowId?: number;
  index?: number;
}

export interface ListingDeps {
  getTab(tabId: number): Promise<ListingTab>;
  sendToTab: TabTransport;
  /** Opens `url` in a new active tab beside the order's; resolves with its id. */
  openTab(url: string, beside: { tabId: number; windowId?: number; index?: number }): Promise<number>;
  /** Waits until the tab's status is 'complete' (tabs.onUpdated), it was closed, or `timeoutMs` passed. */
  waitForLoad(tabId: number, timeoutMs: number): Promise<'complete' | 'closed' | 'timeout'>;
  closeTab(tabId: number): Promise<void>;
  activateTab(tabId: number): Promise<void>;
  /** The existing full-page capture (background-router.ts runCapture). */
  capture(target: CaptureTarget, onProgress: (progress: CaptureProgress) => void): Promise<CaptureResponse>;
  onProgress?(progress: ListingProgress): void;
  database: DisputeKitDB;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** One snapshot link of the order: the item it is of, and where. */
export interface SnapshotLink {
  title: string;
  url: string;
}

/** Taobao and Tmall are one marketplace here: a Tmall order's 交易快照 lives on trade.taobao.com. */
const family = (platform: Platform): string => (platform === 'tmall' ? 'taobao' : platform);

/**
 * The order's snapshot links, once each: those to open (https, on the order's own marketplace, the first
 * MAX_SNAPSHOTS) and those refused, with how many more there were.
 */
export function snapshotLinks(platform: Platform, order: OrderFacts): { open: SnapshotLink[]; refused: SnapshotLink[]; skipped: number } {
  const open: SnapshotLink[] = [];
  const refused: SnapshotLink[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const item of order.items) {
    const url = item.snapshotUrl;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const own = platformForUrl(url);
    if (!own || family(own) !== family(platform)) refused.push({ title: item.title, url });
    else if (open.length < MAX_SNAPSHOTS) open.push({ title: item.title, url });
    else skipped++;
  }
  return { open, refused, skipped };
}

/** A marketplace's sign-in page (login.taobao.com, login.aliexpress.com, passport.…): the snapshot needs a session. */
function isLoginPage(url: string): boolean {
  try {
    const { hostname, pathname } = new URL(url);
    return /^(login|passport|havanalogin)\./.test(hostname) || /\/(login|signin)\b/i.test(pathname);
  } catch {
    return false;
  }
}

type Captured = Extract<ListingCaptureResponse, { ok: true }>;

/** Captures every snapshot link the order tab's page gives; never throws. */
export async function captureListings(deps: ListingDeps, orderTabId: number): Promise<ListingCaptureResponse> {
  const orderTab = await deps.getTab(orderTabId).catch(() => undefined);
  if (!orderTab) return { ok: false, error: 'notOrderPage' };
  const answer = await askTab(deps.sendToTab, orderTabId, 'page:read').catch(() => undefined);
  const found = orderOfPage(answer?.reading ?? null, orderTab.url ?? '', false, MARKETPLACE_ADDRESSES);
  if (!found.ok) return { ok: false, error: found.error === 'orderMismatch' ? 'orderMismatch' : 'notOrderPage' };
  const { open, refused, skipped } = snapshotLinks(found.platform, found.order);
  if (open.length === 0 && refused.length === 0) return { ok: false, error: 'noSnapshots' };

  // The case first: a listing is evidence of this order even when the order was never captured.
  try {
    await saveOrders(deps.database, found.platform, [found.order], deps.now(), 'popup', orderTab.url);
  } catch (error) {
    return isQuotaError(error) ? { ok: false, error: 'storageFull' } : { ok: false, error: 'internal', detail: describeError(error) };
  }
  const caseId = caseIdFor(found.platform, found.order.orderId);
  const result: Captured = { ok: true, caseId, captured: [], failed: refused.map((link) => ({ ...link, reason: 'offSite' })), skipped };
  for (const [i, link] of open.entries()) {
    const report = (progress?: CaptureProgress) => deps.onProgress?.({ n: i + 1, of: open.length, ...progress });
    report();
    const outcome = await captureOne(deps, { tabId: orderTabId, ...orderTab }, link, caseId, report);
    if (outcome.ok) result.captured.push({ ...link, evidenceIds: outcome.evidenceIds });
    else result.failed.push({ ...link, reason: outcome.reason, ...(outcome.detail && { detail: outcome.detail }) });
  }
  return result;
}

type Outcome = { ok: true; evidenceIds: string[] } | { ok: false; reason: ListingFailure; detail?: string };

async function captureOne(
  deps: ListingDeps,
  orderTab: ListingTab & { tabId: number },
  link: SnapshotLink,
  caseId: string,
  report: (progress: CaptureProgress) => void,
): Promise<Outcome> {
  let tabId: number | undefined;
  try {
    tabId = await deps.openTab(link.url, { tabId: orderTab.tabId, windowId: orderTab.windowId, index: orderTab.index });
    const loaded = await deps.waitForLoad(tabId, LOAD_TIMEOUT_MS);
    if (loaded === 'closed') return { ok: false, reason: 'tabClosed' };
    if (loaded === 'timeout') return { ok: false, reason: 'timeout' };
    const now = await deps.getTab(tabId).catch(() => undefined);
    if (!now) return { ok: false, reason: 'tabClosed' };
    const at = now.url ?? '';
    if (isLoginPage(at)) return { ok: false, reason: 'login' };
    if (!platformForUrl(at)) return { ok: false, reason: 'redirected' };
    if (!(await contentScriptAnswers(deps, tabId))) return { ok: false, reason: 'notLoaded' };
    const captured = await deps.capture({ tabId, mode: 'fullpage', caseId, label: 'listing', snapshotOf: link.title }, report);
    if (!captured.ok) return { ok: false, reason: captured.error, ...(captured.detail && { detail: captured.detail }) };
    return { ok: true, evidenceIds: captured.evidenceIds };
  } catch (error) {
    return { ok: false, reason: 'internal', detail: describeError(error) };
  } finally {
    if (tabId !== undefined) await deps.closeTab(tabId).catch(() => undefined);
    // Back to the order, whatever became of the snapshot.
    await deps.activateTab(orderTab.tabId).catch(() => undefined);
  }
}

/** The snapshot's page has DisputeKit's content script (a page that loaded but is not the marketplace's has none). */
async function contentScriptAnswers(deps: ListingDeps, tabId: number): Promise<boolean> {
  for (let waited = 0; waited <= ANSWER_PATIENCE_MS; waited += ANSWER_STEP_MS) {
    if (await askTab(deps.sendToTab, tabId, 'page:read').then(() => true, () => false)) return true;
    await deps.sleep(ANSWER_STEP_MS);
  }
  return false;
}

/**
 * The in-page "Save order to DisputeKit" button, background side. The click comes from a content script,
 * which is not a user action for the extension (no activeTab, no pageCapture), so this saves what needs
 * no such grant: the order's facts and the page's HTML, re-read from the tab by the background itself.
 * Nothing in the content script's message is trusted or even read beyond its type. The button sits inside
 * a page the marketplace (or whoever runs script in it) controls, so what it saves is bounded:
 * - into the order the tab's address names, never the one the page's text names (lib/readers/page-order.ts);
 * - as a reading beside the case's facts, never over them (lib/cases/readings.ts);
 * - at most PAGE_SAVES_PER_MINUTE times a minute per tab.
 */
import { saveCapture } from '../cases/cases';
import { setCurrentCase, type KeyValueArea } from '../cases/current-case';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import { evidenceItem, type EvidenceClock } from '../cases/evidence-item';
import type { SaveOrderFromPageResponse } from '../messaging/messages';
import { askTab, type TabTransport } from '../messaging/protocol';
import { mismatchDetail, orderOfPage } from '../readers/page-order';
import { MARKETPLACE_ADDRESSES } from '../readers/addresses';

export const PAGE_SAVES_PER_MINUTE = 3;

/**
 * At most `max` saves per tab in any `windowMs`: even a page that found a way to press its button could
 * not fill a case with copies. Kept in the service worker's memory (a restarted worker starts afresh).
 */
export class PageSaveLimiter {
  private readonly times = new Map<number, number[]>();
  constructor(
    readonly max = PAGE_SAVES_PER_MINUTE,
    readonly windowMs = 60_000,
  ) {}

  /** Counts this request and says whether it may go ahead. */
  allow(tabId: number, nowMs: number): boolean {
    const recent = (this.times.get(tabId) ?? []).filter((t) => nowMs - t < this.windowMs);
    const allowed = recent.length < this.max;
    if (allowed) recent.push(nowMs);
    this.times.set(tabId, recent);
    return allowed;
  }
}

export interface SaveFromPageDeps extends EvidenceClock {
  sendToTab: TabTransport;
  database: DisputeKitDB;
  storage: KeyValueArea;
  /** The keyboard command's keys as the browser shows them, or '' when the user removed the shortcut. */
  captureShortcut(): Promise<string>;
  isMarketplaceUrl(url: string): boolean;
  limiter: PageSaveLimiter;
}

const withoutHash = (url: string) => url.split('#')[0];

/** `tab`: the sender's tab as the browser reports it (its address is the browser's, not the page's). */
export async function saveOrderFromPage(deps: SaveFromPageDeps, tab: { id: number; url: string }): Promise<SaveOrderFromPageResponse> {
  if (!deps.limiter.allow(tab.id, deps.now().getTime())) return { ok: false, error: 'rateLimited' };
  const snapshot = await askTab(deps.sendToTab, tab.id, 'page:snapshot').catch(() => undefined);
  if (!snapshot) return { ok: false, error: 'notOrderPage' };
  const { reading, html, page } = snapshot;
  if (!deps.isMarketplaceUrl(page.url) || !deps.isMarketplaceUrl(tab.url)) return { ok: false, error: 'notOrderPage' };
  // The snapshot must be of the page the tab shows (a navigation in between would mix two pages).
  if (withoutHash(page.url) !== withoutHash(tab.url)) return { ok: false, error: 'pageChanged' };
  const found = orderOfPage(reading, tab.url, true, MARKETPLACE_ADDRESSES);
  if (!found.ok) return { ok: false, error: found.error, ...(found.error === 'orderMismatch' && { detail: mismatchDetail(found) }) };
  try {
    const archive = new Blob([html], { type: 'text/html;charset=utf-8' });
    const evidence = await evidenceItem(deps, { kind: 'page-html', blob: archive, mime: 'text/html', page });
    const now = deps.now();
    const saved = await saveCapture(deps.database, { platform: found.platform, order: found.order, evidence: [evidence], now, source: 'page-button', url: tab.url });
    await setCurrentCase(deps.storage, saved.caseId, now);
    const shortcut = await deps.captureShortcut().catch(() => '');
    return { ok: true, ...saved, shortcut };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/**
 * The in-page "Save order to DisputeKit" button, background side. The click comes from a content script,
 * which is not a user action for the extension (no activeTab, no pageCapture), so this saves what needs
 * no such grant: the order's facts and the page's HTML, re-read from the tab by the background itself.
 * Nothing in the content script's message is trusted or even read beyond its type.
 */
import { saveCapture } from './cases';
import { setCurrentCase, type KeyValueArea } from './current-case';
import type { DisputeKitDB } from './db';
import { describeError, isQuotaError } from './errors';
import { evidenceItem, type EvidenceClock } from './evidence-item';
import { SnapshotResponse, type SaveOrderFromPageResponse } from './messages';
import { caseOrderOf } from './page-state';

export interface SaveFromPageDeps extends EvidenceClock {
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  database: DisputeKitDB;
  storage: KeyValueArea;
  /** The keyboard command's keys as the browser shows them, or '' when the user removed the shortcut. */
  captureShortcut(): Promise<string>;
  isMarketplaceUrl(url: string): boolean;
}

export async function saveOrderFromPage(deps: SaveFromPageDeps, tabId: number): Promise<SaveOrderFromPageResponse> {
  const raw = await deps.sendToTab(tabId, { type: 'page:snapshot' }).catch(() => undefined);
  const snapshot = SnapshotResponse.safeParse(raw);
  if (!snapshot.success) return { ok: false, error: 'notOrderPage' };
  const { reading, html, page } = snapshot.data;
  const order = caseOrderOf(reading);
  if (!reading || !order || !deps.isMarketplaceUrl(page.url)) return { ok: false, error: 'notOrderPage' };
  try {
    const archive = new Blob([html], { type: 'text/html;charset=utf-8' });
    const evidence = await evidenceItem(deps, { kind: 'page-html', blob: archive, mime: 'text/html', page });
    const now = deps.now();
    const saved = await saveCapture(deps.database, { platform: reading.platform, order, evidence: [evidence], now });
    await setCurrentCase(deps.storage, saved.caseId, now);
    const shortcut = await deps.captureShortcut().catch(() => '');
    return { ok: true, ...saved, shortcut };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/**
 * A screenshot of any page (a listing, a tracking page, a chat) into an existing case, with the page's HTML
 * when a DisputeKit content script runs there. Stop-gap until lib/capture.ts's captureTab takes a caseId.
 */
import { addEvidenceToCase, CaseNotFound } from './cases';
import { dataUrlToBlob, type CaptureDeps } from './capture';
import { describeError, isQuotaError } from './errors';
import { evidenceItem } from './evidence-item';
import { SnapshotResponse, type CaptureResponse } from './messages';
import type { EvidenceRecord, PageMetadata } from './model';

export async function captureVisibleIntoCase(
  deps: CaptureDeps & { getTabDetails(tabId: number): Promise<{ title?: string; width?: number; height?: number }> },
  tabId: number,
  caseId: string,
): Promise<CaptureResponse> {
  const tab = await deps.getTab(tabId).catch(() => undefined);
  if (!tab) return { ok: false, error: 'tabClosed' };
  if (!tab.active || tab.windowId === undefined) return { ok: false, error: 'tabNotVisible' };
  try {
    const snapshot = SnapshotResponse.safeParse(await deps.sendToTab(tabId, { type: 'page:snapshot' }).catch(() => undefined));
    const details = await deps.getTabDetails(tabId);
    const page: PageMetadata = snapshot.success
      ? snapshot.data.page
      : { url: tab.url ?? '', title: (details.title ?? '').slice(0, 2000), viewport: { width: details.width ?? 0, height: details.height ?? 0 }, devicePixelRatio: 1 };
    let dataUrl: string;
    try {
      dataUrl = await deps.captureVisibleTab(tab.windowId);
    } catch (error) {
      const message = describeError(error);
      if (/permission|activeTab|all_urls/i.test(message)) return { ok: false, error: 'permission' };
      return { ok: false, error: 'captureFailed', detail: message };
    }
    const png = dataUrlToBlob(dataUrl);
    const captureId = deps.newId();
    const thumbnail = await deps.makeThumbnail(png).catch(() => undefined);
    const items: Omit<EvidenceRecord, 'caseId'>[] = [
      { ...(await evidenceItem(deps, { kind: 'visible-screenshot', blob: png, mime: 'image/png', page, captureId })), ...(thumbnail && { thumbnail }) },
    ];
    if (snapshot.success) {
      const archive = new Blob([snapshot.data.html], { type: 'text/html;charset=utf-8' });
      items.push(await evidenceItem(deps, { kind: 'page-html', blob: archive, mime: 'text/html', page, captureId }));
    }
    return { ok: true, ...(await addEvidenceToCase(deps.database, caseId, items, deps.now())) };
  } catch (error) {
    if (error instanceof CaseNotFound) return { ok: false, error: 'internal', detail: error.message };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

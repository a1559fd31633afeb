/**
 * "Capture evidence" for one tab: the page's reading and HTML from its content script, a screenshot of the
 * visible area, their hashes and metadata, saved to the order's case in one transaction. Browser APIs come
 * in through `CaptureDeps`, so the whole flow runs in unit tests with fakes and in the service worker.
 */
import type { DisputeKitDB } from './db';
import { saveCapture } from './cases';
import { describeError, isQuotaError } from './errors';
import { sha256Hex } from './hash';
import type { CaptureError, CaptureResponse } from './messages';
import { SnapshotResponse } from './messages';
import type { EvidenceRecord, PageMetadata } from './model';
import { toZonedIso, userTimeZone } from './time';

export interface TabInfo {
  active?: boolean;
  windowId?: number;
  url?: string;
}

export interface CaptureDeps {
  getTab(tabId: number): Promise<TabInfo>;
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  captureVisibleTab(windowId: number): Promise<string>;
  makeThumbnail(image: Blob): Promise<Blob | undefined>;
  database: DisputeKitDB;
  now(): Date;
  sleep(ms: number): Promise<void>;
  newId(): string;
  extensionVersion: string;
  browserName: string;
  timeZone?: string;
}

class CaptureFailure extends Error {
  constructor(
    readonly code: CaptureError,
    readonly detail?: string,
  ) {
    super(code);
  }
}

export async function captureVisible(deps: CaptureDeps, tabId: number): Promise<CaptureResponse> {
  try {
    return await run(deps, tabId);
  } catch (error) {
    if (error instanceof CaptureFailure) return { ok: false, error: error.code, ...(error.detail && { detail: error.detail }) };
    if (isQuotaError(error)) return { ok: false, error: 'storageFull' };
    return { ok: false, error: 'internal', detail: describeError(error) };
  }
}

async function run(deps: CaptureDeps, tabId: number): Promise<CaptureResponse> {
  const tab = await deps.getTab(tabId).catch(() => {
    throw new CaptureFailure('tabClosed');
  });

  // No content script answers on pages DisputeKit does not read: that is "not an order page", not a crash.
  const raw = await deps.sendToTab(tabId, { type: 'page:snapshot' }).catch(() => {
    throw new CaptureFailure('notOrderPage');
  });
  const snapshot = SnapshotResponse.safeParse(raw);
  if (!snapshot.success) throw new CaptureFailure('notOrderPage');
  const { reading, html, page } = snapshot.data;
  const order = reading?.pageKind === 'order-detail' ? reading.orders[0] : undefined;
  if (!reading || !order) throw new CaptureFailure('notOrderPage');

  // captureVisibleTab takes whatever is shown in the window: refuse rather than save the wrong tab.
  if (!tab.active || tab.windowId === undefined) throw new CaptureFailure('tabNotVisible');
  const dataUrl = await captureRespectingQuota(deps, tab.windowId).catch((error: unknown) => {
    const message = describeError(error);
    if (/permission|activeTab|all_urls/i.test(message)) throw new CaptureFailure('permission');
    if (/no tab|closed/i.test(message)) throw new CaptureFailure('tabClosed');
    throw new CaptureFailure('captureFailed', message);
  });

  // The page must still be the one that was read, or the screenshot and the archive disagree.
  const after = await deps.getTab(tabId).catch(() => {
    throw new CaptureFailure('tabClosed');
  });
  if (after.url !== undefined && after.url !== page.url) throw new CaptureFailure('pageChanged');

  const now = deps.now();
  const captureId = deps.newId();
  const png = dataUrlToBlob(dataUrl);
  const archive = new Blob([html], { type: 'text/html;charset=utf-8' });
  const [thumbnail, pngHash, htmlHash] = await Promise.all([
    deps.makeThumbnail(png).catch(() => undefined),
    sha256Hex(png),
    sha256Hex(archive),
  ]);
  const common = metadata(deps, now, page, captureId);
  const evidence: Omit<EvidenceRecord, 'caseId'>[] = [
    { ...common, id: deps.newId(), kind: 'visible-screenshot', blob: png, mime: 'image/png', bytes: png.size, sha256: pngHash, ...(thumbnail && { thumbnail }) },
    { ...common, id: deps.newId(), kind: 'page-html', blob: archive, mime: 'text/html', bytes: archive.size, sha256: htmlHash },
  ];
  const saved = await saveCapture(deps.database, { platform: reading.platform, order, evidence, now });
  return { ok: true, ...saved };
}

/** Chrome allows two captureVisibleTab calls a second; a quick second capture waits its turn instead of failing. */
export const CAPTURE_QUOTA_RETRY_MS = 600;
const QUOTA_RETRIES = 3;

async function captureRespectingQuota(deps: CaptureDeps, windowId: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.captureVisibleTab(windowId);
    } catch (error) {
      if (attempt >= QUOTA_RETRIES || !/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(describeError(error))) throw error;
      await deps.sleep(CAPTURE_QUOTA_RETRY_MS);
    }
  }
}

function metadata(deps: CaptureDeps, now: Date, page: PageMetadata, captureId: string) {
  const timeZone = deps.timeZone ?? userTimeZone();
  return {
    captureId,
    capturedAt: now.toISOString(),
    capturedAtLocal: toZonedIso(now, timeZone),
    timeZone,
    page,
    extensionVersion: deps.extensionVersion,
    browser: deps.browserName,
  };
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new CaptureFailure('captureFailed', 'the browser returned no image');
  const [, mime, base64, payload] = match;
  const bytes = base64 ? Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(payload));
  return new Blob([bytes], { type: mime });
}

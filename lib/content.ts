/** The content scripts' side of messaging: read this page, hand over a snapshot of it, or take part in a full-page capture, on request. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageCaptureSession } from './fullpage-page';
import { ContentRequest, FullpageRequest, SelectionRequest, type ReadPageResponse, type SelectionResponse, type SnapshotResponse } from './messages';
import type { PageReading } from './model';
import { hidePageButtonDuringCapture, withoutPageButton } from './page-button';
import { readPage } from './readers';

/** The page as HTML, doctype included: the archive stored beside the screenshot. */
export function serializeDocument(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return doctype + withoutPageButton(doc, () => doc.documentElement.outerHTML);
}

export function answerPageRequest(message: unknown, doc: Document, win: Window): ReadPageResponse | SnapshotResponse | undefined {
  const request = ContentRequest.safeParse(message);
  if (!request.success) return undefined;
  const href = win.location.href;
  const reading = readPage(doc, href);
  if (request.data.type === 'page:read') return { reading };
  return {
    reading,
    html: serializeDocument(doc),
    page: {
      url: href,
      title: doc.title.slice(0, 2000),
      viewport: { width: win.innerWidth, height: win.innerHeight },
      devicePixelRatio: win.devicePixelRatio || 1,
    },
  };
}

/** The full-page capture running in this page, if any: one at a time. */
let captureSession: PageCaptureSession | undefined;

/** The page's steps of a full-page capture (lib/fullpage-page.ts), on the background's request. */
export async function answerFullpageRequest(request: FullpageRequest, doc: Document, win: Window): Promise<unknown> {
  switch (request.type) {
    case 'fullpage:prepare': {
      captureSession?.restore();
      const session = new PageCaptureSession(doc, win, () => {
        if (captureSession === session) captureSession = undefined;
      });
      captureSession = session;
      return session.prepare();
    }
    case 'fullpage:screen':
      if (!captureSession) throw new Error('no capture is under way in this page');
      return captureSession.showScreen(request.y, request.index);
    case 'fullpage:restore':
      captureSession?.restore();
      captureSession = undefined;
      return { restored: true };
  }
}

/** The user's selection with its line breaks (the context menu's selectionText loses them). */
export function currentSelection(win: Window): SelectionResponse {
  return { text: (win.getSelection()?.toString() ?? '').slice(0, 1_000_000) };
}

/** Only this extension's background and pages may ask; the page itself cannot reach this listener. */
export function listenForPageRequests(): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const fullpage = FullpageRequest.safeParse(message);
    if (fullpage.success) {
      hidePageButtonDuringCapture(document, fullpage.data.type === 'fullpage:restore');
      return answerFullpageRequest(fullpage.data, document, window);
    }
    if (SelectionRequest.safeParse(message).success) return Promise.resolve(currentSelection(window));
    const answer = answerPageRequest(message, document, window);
    return answer ? Promise.resolve(answer) : undefined;
  });
}

/** What the popup shows of a reading: when this changes, an open popup should read the page again. */
export function readingSignature(reading: PageReading | null): string {
  if (!reading) return 'none';
  return [reading.pageKind, ...reading.orders.map((o) => `${o.orderId}/${o.status ?? ''}`)].join('|');
}

const SETTLE_MS = 400;

/**
 * Single-page navigation and lists that load more orders change the page without a reload. When what the
 * page shows changes, tell an open popup (it asks again; nothing is pushed to storage) and `onReading`
 * (the in-page button), which also gets the first reading.
 */
export function watchForChanges(ctx: ContentScriptContext, onReading?: (reading: PageReading | null) => void): void {
  const first = readPage(document, location.href);
  let last = readingSignature(first);
  onReading?.(first);
  let timer: number | undefined;
  const check = () => {
    timer = undefined;
    const reading = readPage(document, location.href);
    const now = readingSignature(reading);
    if (now === last) return;
    last = now;
    onReading?.(reading);
    browser.runtime.sendMessage({ type: 'page:changed' }).catch(() => {
      // No popup open: nobody to tell.
    });
  };
  const schedule = () => {
    if (timer === undefined) timer = ctx.setTimeout(check, SETTLE_MS);
  };
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}

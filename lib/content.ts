/** The content scripts' side of messaging: read this page, or hand over a snapshot of it, on request. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentRequest, type ReadPageResponse, type SnapshotResponse } from './messages';
import type { PageReading } from './model';
import { readPage } from './readers';

/** The page as HTML, doctype included: the archive stored beside the screenshot. */
export function serializeDocument(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return doctype + doc.documentElement.outerHTML;
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

/** Only this extension's background and pages may ask; the page itself cannot reach this listener. */
export function listenForPageRequests(): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
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
 * page shows changes, tell an open popup (it asks again; nothing is pushed to storage).
 */
export function watchForChanges(ctx: ContentScriptContext): void {
  let last = readingSignature(readPage(document, location.href));
  let timer: number | undefined;
  const check = () => {
    timer = undefined;
    const now = readingSignature(readPage(document, location.href));
    if (now === last) return;
    last = now;
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

/**
 * The isolated content script of each marketplace: reads this page (with the API responses the page-data
 * recorder kept, lib/content/page-data) on request, hands over a snapshot of it, takes part in a full-page capture,
 * and tells an open popup when what it shows changes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageCaptureSession } from './fullpage-scroll';
import { ContentRequest, FullpageRequest, PAGE_WATCH_PORT, SelectionRequest } from '../messaging/page-messages';
import type { ReadPageResponse, SelectionResponse, SnapshotResponse } from '../messaging/messages';
import type { PageReading } from '../common/model';
import { hidePageButtonDuringCapture, pageButtonController, withoutPageButton } from './page-button';
import { PageDataInbox, receivePageData } from './page-data/inbox';
import { steadyCountdowns } from '../deadlines/page-countdowns';
import { PageWatch } from './page-watch';
import type { ApiResponse } from '../readers/api';
import { readPageWith, type MarketplaceReader } from '../readers/marketplace-reader';

/**
 * Everything a content script does on its page. `reader`: its marketplace's, passed in by its entry file
 * (entrypoints/<marketplace>.content.ts), so the script carries no other marketplace's reader.
 */
export function startContentScript(ctx: ContentScriptContext, reader: MarketplaceReader): void {
  const data = new PageDataInbox(() => location.href, reader.endpoints);
  ctx.onInvalidated(receivePageData(window, data));
  listenForPageRequests(data, reader);
  watchForChanges(ctx, data, reader, pageButtonController(ctx, reader));
}

/** The page as HTML, doctype included: the archive stored beside the screenshot. */
export function serializeDocument(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return doctype + withoutPageButton(doc, () => doc.documentElement.outerHTML);
}

/** The page's last reading, while the page stays open: a later one keeps its countdowns steady (steadyCountdowns). */
let lastReading: { href: string; reading: PageReading | null } | undefined;

/** `reader`: this script's marketplace's; `responses`: what the page-data recorder kept for this page (lib/content/page-data), read before the markup. */
export function answerPageRequest(message: unknown, doc: Document, win: Window, reader: MarketplaceReader, responses: readonly ApiResponse[] = []): ReadPageResponse | SnapshotResponse | undefined {
  const request = ContentRequest.safeParse(message);
  if (!request.success) return undefined;
  const href = win.location.href;
  const reading = steadyCountdowns(lastReading?.href === href ? lastReading.reading : undefined, readPageWith(reader, doc, href, new Date(), responses));
  lastReading = { href, reading };
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

/** The page's steps of a full-page capture (lib/content/fullpage-scroll.ts), on the background's request. */
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
export function listenForPageRequests(data: PageDataInbox, reader: MarketplaceReader): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const fullpage = FullpageRequest.safeParse(message);
    if (fullpage.success) {
      hidePageButtonDuringCapture(document, fullpage.data.type === 'fullpage:restore');
      return answerFullpageRequest(fullpage.data, document, window);
    }
    if (SelectionRequest.safeParse(message).success) return Promise.resolve(currentSelection(window));
    const answer = answerPageRequest(message, document, window, reader, data.responses());
    return answer ? Promise.resolve(answer) : undefined;
  });
}

/** What the popup shows of a reading: when this changes, an open popup should read the page again. */
export function readingSignature(reading: PageReading | null): string {
  if (!reading) return 'none';
  const orders = reading.orders.map((o) =>
    [
      o.orderId,
      o.status,
      o.store?.name,
      o.total && `${o.total.amount} ${o.total.currency}`,
      o.items.length,
      o.items[0]?.title,
      o.events && JSON.stringify(o.events),
      o.dispute && JSON.stringify(o.dispute),
      o.countdowns?.map((c) => c.endsAt ?? c.text).join(','),
    ].join('/'),
  );
  return [reading.pageKind, reading.truncated?.length ?? 0, ...orders].join('|');
}

/**
 * Single-page navigation, lists that load more orders and newly recorded API responses change the page
 * without a reload. `onReading` (the in-page button) gets the first reading and each one that differs; an open
 * popup (connected on PAGE_WATCH_PORT) is told to read again. How often the page is read is bounded by
 * lib/content/page-watch.ts, so a large page pays little for changing.
 */
export function watchForChanges(ctx: ContentScriptContext, data: PageDataInbox, reader: MarketplaceReader, onReading?: (reading: PageReading | null) => void): void {
  const popups = new Set<{ postMessage(message: unknown): void }>();
  const watch = new PageWatch(
    {
      read: () => {
        const reading = readPageWith(reader, document, location.href, new Date(), data.responses());
        // A new response counts as a change even when no reader uses it yet: the popup reads again.
        return { reading, signature: `${data.count}|${readingSignature(reading)}` };
      },
      now: () => performance.now(),
      setTimer: (run, ms) => {
        const id = ctx.setTimeout(run, ms);
        return () => clearTimeout(id);
      },
    },
    (reading) => {
      onReading?.(reading);
      for (const popup of popups) popup.postMessage({ type: 'page:changed' });
    },
  );
  onReading?.(watch.start());
  ctx.addEventListener(window, 'wxt:locationchange', () => watch.changed('navigation'));
  ctx.onInvalidated(data.onResponse(() => watch.changed('data')));
  const observer = new MutationObserver(() => watch.changed('dom'));
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  // Only this extension's popup connects; other extensions and the page cannot reach this listener.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_WATCH_PORT || port.sender?.id !== browser.runtime.id || ctx.isInvalid) return;
    const unwatch = watch.watch();
    popups.add(port);
    port.onDisconnect.addListener(() => {
      unwatch();
      popups.delete(port);
    });
  });
}

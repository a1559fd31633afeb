/**
 * The isolated content script of each marketplace: reads this page (with the API responses the page-data
 * recorder kept, lib/content/page-data) on request, hands over a snapshot of it, takes part in a full-page capture,
 * and tells an open popup when what it shows changes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Runtime } from 'webextension-polyfill';
import { PageCaptureSession } from './fullpage-scroll';
// The protocol's types only: its code (and zod) stays out of the content script (lib/messaging/content-protocol.ts).
import type { ReplyOf } from '../messaging/protocol';
import { answerTabRequest, pageChangedNotice, PAGE_WATCH_PORT, tabRequest, type TabHandlers } from '../messaging/content-protocol';
import type { PageReading } from '../common/model';
import { hidePageButtonDuringCapture, pageButtonController, withoutPageButton } from './page-button';
import { PageDataInbox, receivePageData } from './page-data/inbox';
import { steadyCountdowns } from '../readers/steady-countdowns';
import { PageWatch } from './page-watch';
import { rememberContextTargets } from './context-target';
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
  rememberContextTargets(window, (handler) => ctx.addEventListener(window, 'contextmenu', handler, { capture: true, passive: true }));
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
function currentReading(doc: Document, win: Window, reader: MarketplaceReader, responses: readonly ApiResponse[]): PageReading | null {
  const href = win.location.href;
  const reading = steadyCountdowns(lastReading?.href === href ? lastReading.reading : undefined, readPageWith(reader, doc, href, new Date(), responses));
  lastReading = { href, reading };
  return reading;
}

/** The reading plus what an archive of the page needs. */
function snapshotOf(doc: Document, win: Window, reader: MarketplaceReader, responses: readonly ApiResponse[]): ReplyOf<'page:snapshot'> {
  return {
    reading: currentReading(doc, win, reader, responses),
    html: serializeDocument(doc),
    page: {
      url: win.location.href,
      title: doc.title.slice(0, 2000),
      viewport: { width: win.innerWidth, height: win.innerHeight },
      devicePixelRatio: win.devicePixelRatio || 1,
    },
  };
}

/** The answer to a `page:read` or `page:snapshot` message; undefined for anything else. */
export function answerPageRequest(message: unknown, doc: Document, win: Window, reader: MarketplaceReader, responses: readonly ApiResponse[] = []): ReplyOf<'page:read'> | ReplyOf<'page:snapshot'> | undefined {
  const type = tabRequest(message)?.type;
  if (type === 'page:read') return { reading: currentReading(doc, win, reader, responses) };
  if (type === 'page:snapshot') return snapshotOf(doc, win, reader, responses);
  return undefined;
}

/** The full-page capture running in this page, if any: one at a time. */
let captureSession: PageCaptureSession | undefined;

/**
 * The page's steps of a full-page capture (lib/content/fullpage-scroll.ts), on the background's request. The
 * in-page button is hidden from the first step until the page is restored: it must never be in a screenshot.
 */
function fullpageHandlers(doc: Document, win: Window): Pick<TabHandlers, 'fullpage:prepare' | 'fullpage:screen' | 'fullpage:restore'> {
  return {
    'fullpage:prepare': () => {
      hidePageButtonDuringCapture(doc, false);
      captureSession?.restore();
      const session = new PageCaptureSession(doc, win, () => {
        if (captureSession === session) captureSession = undefined;
      });
      captureSession = session;
      return session.prepare();
    },
    'fullpage:screen': ({ y, index }) => {
      hidePageButtonDuringCapture(doc, false);
      if (!captureSession) throw new Error('no capture is under way in this page');
      return captureSession.showScreen(y, index);
    },
    'fullpage:restore': () => {
      hidePageButtonDuringCapture(doc, true);
      captureSession?.restore();
      captureSession = undefined;
      return { restored: true };
    },
  };
}

/** The user's selection with its line breaks (the context menu's selectionText loses them). */
export function currentSelection(win: Window): ReplyOf<'page:selection'> {
  return { text: (win.getSelection()?.toString() ?? '').slice(0, 1_000_000) };
}

/** What this page answers: one handler per message a content script receives (lib/messaging/protocol.ts). */
export function pageHandlers(data: PageDataInbox, reader: MarketplaceReader, doc: Document = document, win: Window = window): TabHandlers {
  return {
    'page:read': () => ({ reading: currentReading(doc, win, reader, data.responses()) }),
    'page:snapshot': () => snapshotOf(doc, win, reader, data.responses()),
    'page:selection': () => currentSelection(win),
    ...fullpageHandlers(doc, win),
  };
}

/**
 * Only this extension's background and pages may ask; the page itself cannot reach this listener. The answer
 * goes back through `sendResponse` (and `true`, "an answer will follow"): content scripts use the browser's own
 * API, without webextension-polyfill (wxt.config.ts), and Chrome does not take a returned promise as the answer.
 * A handler that fails answers nothing: the sender's askTab rejects (no answer), as for any failed step.
 */
export function listenForPageRequests(data: PageDataInbox, reader: MarketplaceReader): void {
  const handlers = pageHandlers(data, reader);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender, sendResponse: (answer?: unknown) => void): true | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const answer = answerTabRequest(handlers, message);
    if (!answer) return undefined;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
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
      for (const popup of popups) popup.postMessage(pageChangedNotice());
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

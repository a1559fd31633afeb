/** The content scripts' side of messaging: read this page, or hand over a snapshot of it, on request. */
import { browser } from 'wxt/browser';
import { ContentRequest, type ReadPageResponse, type SnapshotResponse } from './messages';
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

/**
 * The page-data recorder: runs in the page's own world (entrypoints/page-data.content.ts, `world: 'MAIN'`,
 * at document_start, before the page's scripts keep references to `fetch` and `XMLHttpRequest`) and keeps a
 * copy of the responses the page itself receives from the known order and dispute APIs
 * (lib/readers/endpoints.ts), for the readers (../shared/docs/marketplace-pages.md, "The data the pages are
 * built from").
 *
 * Passive by construction:
 * - the page's own call always goes through first and untouched (same arguments, `this`, return value and
 *   errors); recording happens beside it, on a clone of the response, and every step of it is in try/catch,
 *   so a failure here records nothing and changes nothing for the page;
 * - it sends nothing anywhere: what it keeps goes only to this extension's isolated content script, as DOM
 *   events on the same document (./protocol.ts), and it answers no one else's questions;
 * - it keeps a bounded amount: the most recent MAX_RESPONSES, each at most MAX_RESPONSE_CHARS, and
 *   MAX_RECORDED_CHARS over all;
 * - it depends on nothing at run time (no polyfill, no zod): plain code and the endpoint catalogue.
 *
 * JSONP loaded by `<script src>` (mtop's `type=jsonp`): the body of a script response cannot be read from the
 * page's world at all (an external script's element holds no text, and fetching the URL again would be a new,
 * signed, single-use request). What the page does get is the call `mtopjsonpN({…})`: so when a script from a
 * known endpoint is inserted and its `callback=` names a function the page has already defined, that function
 * is wrapped to keep a copy of its argument and call the page's own function as before. A callback defined only
 * after the script is inserted is not seen; the readers then fall back to the page's markup.
 */
import { endpointOf, MAX_RESPONSE_CHARS, MAX_RESPONSES, type ApiEndpoint, type ApiResponse } from '../../readers/api';
import { API_ENDPOINTS } from '../../readers/endpoints';
import { MAX_RECORDED_CHARS, MAX_RESPONSE_URL_CHARS, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT } from './protocol';

export interface RecorderOptions {
  endpoints?: readonly ApiEndpoint[];
  maxResponses?: number;
  maxResponseChars?: number;
  maxTotalChars?: number;
}

export interface Recorder {
  /** What is kept now, oldest first (a copy). */
  responses(): ApiResponse[];
}

type PageWindow = Window & typeof globalThis;

/**
 * True in the page's own world; false in an extension's isolated world, where wrapping `fetch` would only
 * wrap the content script's own (Firefox's MV2 build runs a `world: 'MAIN'` script there: see the README).
 */
export function runsInPageWorld(win: PageWindow): boolean {
  try {
    const global = win as unknown as { chrome?: { runtime?: { id?: unknown } }; browser?: { runtime?: { id?: unknown } } };
    return typeof global.chrome?.runtime?.id !== 'string' && typeof global.browser?.runtime?.id !== 'string';
  } catch {
    return false;
  }
}

// What a JSON or JSONP body starts with (lib/readers/api.ts apiBody reads exactly these): an endpoint's HTML
// login page or error text is not kept, so it takes no room from the data.
const DATA_START = /^[\s;]*(?:[{[]|\/\*\*\/|typeof\s|[\w$.]+\s*\()/;
const CALLBACK_PARAM = /[?&](?:callback|jsonpCallback)=([A-Za-z_$][\w$]{0,63})(?:&|#|$)/;
const ignore = () => undefined;

/** Installs the recorder on `win`. Never throws; returns undefined when there is nothing to wrap. */
export function installPageDataRecorder(win: PageWindow, options: RecorderOptions = {}): Recorder | undefined {
  try {
    return install(win, options);
  } catch {
    return undefined;
  }
}

function install(win: PageWindow, options: RecorderOptions): Recorder {
  const endpoints = options.endpoints ?? API_ENDPOINTS;
  const maxResponses = options.maxResponses ?? MAX_RESPONSES;
  const maxResponseChars = options.maxResponseChars ?? MAX_RESPONSE_CHARS;
  const maxTotalChars = options.maxTotalChars ?? MAX_RECORDED_CHARS;
  const kept: ApiResponse[] = [];
  let totalChars = 0;
  // Set while the recorder itself runs: anything the page's code does from inside it (a patched prototype)
  // goes through untouched and unrecorded, so the recorder never re-enters itself.
  let busy = false;
  // Announced once the recorder's own work is done, so the page's listeners of these events run outside it.
  const pending: ApiResponse[] = [];

  const isKnown = (url: unknown): url is string =>
    typeof url === 'string' && url.length > 0 && url.length <= MAX_RESPONSE_URL_CHARS && endpointOf(url, endpoints) !== undefined;

  /** Runs a piece of the recorder's own work: never while it already runs, never throwing. */
  const guarded = (work: () => void) => {
    if (busy) return;
    busy = true;
    try {
      work();
    } catch {
      // Recording failed: the page is not affected, and this response is simply not kept.
    } finally {
      busy = false;
    }
    while (pending.length) {
      const response = pending.shift()!;
      try {
        win.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify(response) }));
      } catch {
        // Not announced; it stays kept and is sent again when the content script asks.
      }
    }
  };

  const keep = (url: string, body: unknown) => {
    if (typeof body !== 'string' || body.length > maxResponseChars || !DATA_START.test(body.slice(0, 256))) return;
    const response: ApiResponse = { url, body, at: Date.now() };
    kept.push(response);
    totalChars += body.length;
    while (kept.length > maxResponses || totalChars > maxTotalChars) totalChars -= kept.shift()!.body.length;
    pending.push(response);
  };

  // fetch: the page gets the very promise the browser's fetch returned; a clone of the response is read beside it.
  const nativeFetch = win.fetch;
  if (typeof nativeFetch === 'function') {
    const onResponse = (response: Response) =>
      guarded(() => {
        const url = response.url;
        if (!isKnown(url)) return;
        // Cloned at once, before the page's own handlers (attached after ours) read the body.
        response
          .clone()
          .text()
          .then((body) => guarded(() => keep(url, body)), ignore);
      });
    win.fetch = function fetch(this: unknown, ...args: Parameters<typeof nativeFetch>): Promise<Response> {
      const promise = nativeFetch.apply(this, args);
      guarded(() => {
        // Both outcomes handled here, so a failed fetch is still reported to the page only, exactly once.
        promise.then(onResponse, ignore);
      });
      return promise;
    } as typeof nativeFetch;
  }

  // XMLHttpRequest: a listener for the end of each request, added when the page opens it.
  const xhrProto = win.XMLHttpRequest?.prototype;
  const nativeOpen = xhrProto?.open;
  if (xhrProto && typeof nativeOpen === 'function') {
    const watched = new WeakSet<XMLHttpRequest>();
    const onLoadEnd = function (this: XMLHttpRequest) {
      guarded(() => {
        const type = this.responseType;
        // Binary and document responses are left alone: reading them as text would be wrong, and costly.
        if (type !== '' && type !== 'text' && type !== 'json') return;
        const url = this.responseURL;
        if (!isKnown(url)) return;
        const body = type === 'json' ? JSON.stringify(this.response) : this.responseText;
        keep(url, body);
      });
    };
    xhrProto.open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
      // The page's arguments as given: their number matters (`open(m, u)` is asynchronous, `open(m, u, undefined)` is not).
      const result = (nativeOpen as (...a: unknown[]) => void).apply(this, args);
      guarded(() => {
        if (watched.has(this)) return;
        watched.add(this);
        this.addEventListener('loadend', onLoadEnd);
      });
      return result;
    } as typeof nativeOpen;
  }

  // JSONP by <script src>: the callback the script will call, wrapped once it is known (see the header).
  const wrappedCallbacks = new WeakSet<object>();
  const recordCallback = (src: string, data: unknown) => {
    if (data === null || typeof data !== 'object') return;
    keep(src, JSON.stringify(data));
  };
  const watchScript = (script: HTMLScriptElement) => {
    const src = script.src;
    if (!isKnown(src)) return;
    const name = CALLBACK_PARAM.exec(src)?.[1];
    if (!name) return;
    const scope = win as unknown as Record<string, unknown>;
    const original = scope[name];
    if (typeof original !== 'function' || wrappedCallbacks.has(original)) return;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      guarded(() => recordCallback(src, args[0]));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    wrappedCallbacks.add(wrapped);
    scope[name] = wrapped;
  };
  if (typeof win.MutationObserver === 'function') {
    const observer = new win.MutationObserver((records) =>
      guarded(() => {
        for (const record of records) {
          const added = record.addedNodes;
          for (let i = 0; i < added.length; i++) {
            const node = added[i];
            if (node.nodeName !== 'SCRIPT') continue;
            try {
              watchScript(node as HTMLScriptElement);
            } catch {
              // This script is not followed; the next one may be.
            }
          }
        }
      }),
    );
    observer.observe(win.document, { childList: true, subtree: true });
  }

  // The isolated content script starts after the page has loaded: it asks for what was kept before it.
  win.addEventListener(PAGE_DATA_REQUEST_EVENT, () =>
    guarded(() => {
      pending.push(...kept);
    }),
  );

  return { responses: () => kept.map((r) => ({ ...r })) };
}

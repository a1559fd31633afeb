/**
 * The isolated content script's side of the page-data recorder (./recorder.ts): it takes the recorded
 * responses from the page's world and keeps the ones the readers may use. They are untrusted input, exactly
 * like the page's markup (the page can send these events itself, with anything in them): each is a JSON
 * string parsed and checked field by field (recordedResponse), with the same caps as the recorder's, and a
 * response the page could not have fetched from that endpoint is ignored: its URL must be https, match an endpoint of this page's marketplace
 * (lib/readers/endpoints.ts), and be on this page's site. Nothing in it is ever run or used as markup: the
 * readers only parse its body as data (lib/readers/api.ts apiBody).
 */
import { platformForUrl, type Platform } from '../../common/marketplaces';
import { endpointOf, MAX_RESPONSE_CHARS, MAX_RESPONSES, type ApiEndpoint, type ApiResponse } from '../../readers/api';
import { MAX_PAYLOAD_CHARS, MAX_RECORDED_CHARS, MAX_RESPONSE_URL_CHARS, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT } from './protocol';

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;

/**
 * One recorded response as the recorder sends it, or undefined for anything else: exactly `url` and `body`
 * (non-empty, within their caps) and optionally `at` (a finite time ≥ 0), no other key. Plain code, as it runs
 * in every marketplace page; its test holds it to the zod schema it replaced.
 */
export function recordedResponse(raw: unknown): { url: string; body: string; at?: number } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { url, body, at, ...others } = raw as Record<PropertyKey, unknown>;
  if (Object.keys(others).length || !isText(url, MAX_RESPONSE_URL_CHARS) || !isText(body, MAX_RESPONSE_CHARS)) return undefined;
  if (at === undefined) return { url, body };
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 ? { url, body, at } : undefined;
}

/** Taobao and Tmall are one marketplace family: one reader, shared APIs (lib/readers/taobao/endpoints.ts). */
function family(platform: Platform): Platform[] {
  return platform === 'taobao' || platform === 'tmall' ? ['taobao', 'tmall'] : [platform];
}

/** The registrable part of a host, as far as these marketplaces need it: "aliexpress.com", "taobao.com". */
function site(host: string): string {
  return host.split('.').slice(-2).join('.');
}
// Tmall's pages and Taobao's share their gateways (h5api.m.taobao.com / h5api.m.tmall.com).
const SITE_GROUPS = [['taobao.com', 'tmall.com']];
function sameSite(a: string, b: string): boolean {
  const [x, y] = [site(a), site(b)];
  return x === y || SITE_GROUPS.some((group) => group.includes(x) && group.includes(y));
}

/**
 * The endpoint a response of the page at `pageHref` may come from, or undefined when it could not.
 * `endpoints`: the content script's own marketplace's (lib/readers/marketplace-reader.ts), or all of them
 * (lib/readers/endpoints.ts API_ENDPOINTS).
 */
export function endpointForPage(responseUrl: string, pageHref: string, endpoints: readonly ApiEndpoint[]): ApiEndpoint | undefined {
  const platform = platformForUrl(pageHref);
  if (!platform) return undefined;
  const endpoint = endpointOf(responseUrl, endpoints.filter((e) => family(platform).includes(e.platform)));
  if (!endpoint) return undefined;
  try {
    return sameSite(new URL(responseUrl).hostname, new URL(pageHref).hostname) ? endpoint : undefined;
  } catch {
    return undefined;
  }
}

/** The responses kept for one page, most recent last; bounded like the recorder's buffer. */
export class PageDataInbox {
  private kept: ApiResponse[] = [];
  private totalChars = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly pageHref: () => string,
    /** The APIs whose responses it keeps: see endpointForPage. */
    private readonly endpoints: readonly ApiEndpoint[],
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes one event's payload; true when it was kept. Anything else (not a string, too long, not JSON, not
   * the shape, an endpoint this page could not have fetched, a duplicate) is ignored without a word: the page
   * may send anything.
   */
  accept(payload: unknown): boolean {
    if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD_CHARS) return false;
    let raw: unknown;
    try {
      raw = JSON.parse(payload);
    } catch {
      return false;
    }
    const response = recordedResponse(raw);
    if (!response) return false;
    const { url, body } = response;
    if (!endpointForPage(url, this.pageHref(), this.endpoints)) return false;
    // A time from the page is only an order: one from the future cannot put itself ahead of what comes later.
    const at = Math.min(response.at ?? this.now(), this.now());
    if (this.kept.some((r) => r.url === url && r.at === at && r.body === body)) return false;
    this.kept.push({ url, body, at });
    this.totalChars += body.length;
    while (this.kept.length > MAX_RESPONSES || this.totalChars > MAX_RECORDED_CHARS) this.totalChars -= this.kept.shift()!.body.length;
    for (const listener of this.listeners) listener();
    return true;
  }

  /** The responses kept for this page, oldest first: what the readers are given. */
  responses(): readonly ApiResponse[] {
    // A single-page navigation to another marketplace's page (or off it) leaves responses it could not use.
    const href = this.pageHref();
    return this.kept.filter((r) => endpointForPage(r.url, href, this.endpoints));
  }

  get count(): number {
    return this.kept.length;
  }

  /** Calls back after each kept response; returns the unsubscribe. */
  onResponse(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Listens for the recorder's events on `win` and asks it for what it kept before this script started.
 * Returns the stop function.
 */
export function receivePageData(win: Window & typeof globalThis, inbox: PageDataInbox): () => void {
  const onEvent = (event: Event) => {
    // Only the string payload is read: in Chrome and Firefox an object from the page's world does not cross.
    inbox.accept((event as CustomEvent<unknown>).detail);
  };
  win.addEventListener(PAGE_DATA_EVENT, onEvent);
  win.dispatchEvent(new win.CustomEvent(PAGE_DATA_REQUEST_EVENT));
  return () => win.removeEventListener(PAGE_DATA_EVENT, onEvent);
}

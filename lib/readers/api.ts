/**
 * The API responses an order page itself loaded, as readers take them. The page-data recorder (a content
 * script in the page's own world) keeps a copy of each response from a known order or dispute endpoint;
 * what it hands over is untrusted input, exactly like the page's markup: the page could forge any of it.
 * Readers therefore parse every body here, check its shape at every step (./json.ts) and treat a response
 * they cannot use as no response.
 */
import type { Platform } from '../common/marketplaces';

/** One response the page received, as recorded: where from, and its body as text (JSON or JSONP). */
export interface ApiResponse {
  /** The response's URL (after redirects). */
  url: string;
  /** The body as text, as the page received it. */
  body: string;
  /** When it arrived (ms since the epoch), for "most recent first". */
  at?: number;
}

/** The most a recorded body may be: larger ones are not kept (an order list of 50 orders is ~300 KB). */
export const MAX_RESPONSE_CHARS = 4 * 1024 * 1024;
/** The most responses kept per page (most recent first). */
export const MAX_RESPONSES = 40;

/** An order or dispute endpoint a marketplace's pages load their data from. */
export interface ApiEndpoint {
  platform: Platform;
  /** What it answers, e.g. "mtop.aliexpress.trade.buyer.order.list". */
  name: string;
  /** The hosts a page of this marketplace may fetch it from (a response from any other host is ignored). */
  hosts: RegExp;
  /** Matches the URL's path, or path and query. */
  path: RegExp;
  /** When it was seen, and where. */
  seen: string;
  source: string;
}

/** The endpoint a response URL belongs to among `endpoints`, if any. Never throws. */
export function endpointOf(url: string, endpoints: readonly ApiEndpoint[]): ApiEndpoint | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return endpoints.find((e) => e.hosts.test(parsed.hostname) && e.path.test(parsed.pathname + parsed.search));
}

// A JSONP body: `mtopjsonp3({...})`, possibly with a leading `/**/` or `typeof cb === 'function' && cb(...)`, and a trailing `;`.
const JSONP = /^[\s;]*(?:\/\*\*\/)?\s*(?:typeof\s+[\w$.]+\s*===?\s*['"]function['"]\s*&&\s*)?[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/;

/** A body as data: JSON, or the JSON inside a JSONP callback. Anything else (HTML, text, truncated) is undefined. */
export function apiBody(body: string): unknown {
  if (typeof body !== 'string' || body.length > MAX_RESPONSE_CHARS) return undefined;
  const text = body.trim();
  if (!text) return undefined;
  try {
    if (text.startsWith('{') || text.startsWith('[')) return JSON.parse(text);
    const inner = JSONP.exec(text)?.[1]?.trim();
    // Only an object or array is data; `alert(1)` is not a JSONP answer.
    return inner && (inner.startsWith('{') || inner.startsWith('[')) ? JSON.parse(inner) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parsed bodies of the responses from the given endpoints, most recent first, each with its endpoint.
 * Responses of other endpoints, from other hosts or with unreadable bodies are left out.
 */
export function bodiesFrom(responses: readonly ApiResponse[] | undefined, endpoints: readonly ApiEndpoint[]): { endpoint: ApiEndpoint; data: unknown; url: string }[] {
  const found: { endpoint: ApiEndpoint; data: unknown; url: string; at: number; index: number }[] = [];
  (responses ?? []).forEach((response, index) => {
    const endpoint = endpointOf(response.url, endpoints);
    if (!endpoint) return;
    const data = apiBody(response.body);
    if (data !== undefined) found.push({ endpoint, data, url: response.url, at: response.at ?? 0, index });
  });
  return found.sort((a, b) => b.at - a.at || b.index - a.index).map(({ endpoint, data, url }) => ({ endpoint, data, url }));
}

/**
 * One marketplace's reader, as a content script is given it: its entry file (entrypoints/<marketplace>.content.ts)
 * passes its own reader in, so the script carries that reader only; ./index.ts joins all of them for the
 * background, the popup's tests and the command-line tools. Pure, like the readers themselves.
 */
import { platformForUrl, type Platform } from '../common/marketplaces';
import type { PageReading } from '../common/reading';
import { checkPageReading } from '../common/reading-check';
import { MAX_TRUNCATED } from '../common/reading-terms';
import type { ApiEndpoint, ApiResponse } from './api';
import { capReading } from './caps';

/**
 * A page reader: pure, no browser API. `now` is when the page is read: countdowns ("还剩9天10时") and
 * dates without a year ("3 ноября") are relative to it. `responses` are the API responses the page itself
 * loaded (./api.ts), read before anything else; untrusted like the markup.
 */
export type PageReader = (doc: Document, href: string, now: Date, responses: readonly ApiResponse[]) => PageReading;

/** What a marketplace's addresses say: all the background needs of a reader to check one (lib/readers/page-order.ts). */
export interface MarketplaceAddresses {
  /** The platforms whose pages it reads (Taobao and Tmall share one). */
  platforms: readonly Platform[];
  /** What kind of page an address is, and the order it names, if any. */
  classifyUrl(url: URL): { kind: PageReading['pageKind']; orderId?: string };
}

export interface MarketplaceReader extends MarketplaceAddresses {
  read: PageReader;
  /** The order and dispute APIs its pages load their data from (./endpoints.ts). */
  endpoints: readonly ApiEndpoint[];
}

/**
 * The reading of a page by `reader`, or null when the page is not one of its marketplace's. Never throws: a
 * reader that trips over an unexpected page reports the page as unknown, with what it could not read. A
 * reading longer than the caps (more orders or items, longer text) is cut to them and says so in `truncated`
 * (./caps.ts).
 */
export function readPageWith(reader: MarketplaceReader, doc: Document, href: string, now: Date = new Date(), responses: readonly ApiResponse[] = []): PageReading | null {
  const platform = platformForUrl(href);
  if (!platform || !reader.platforms.includes(platform)) return null;
  try {
    const { value, truncated } = capReading(reader.read(doc, href, now, responses));
    const parsed = checkPageReading(value);
    if (parsed.success) return truncated.length ? { ...parsed.data, truncated: [...(parsed.data.truncated ?? []), ...truncated].slice(0, MAX_TRUNCATED) } : parsed.data;
  } catch {
    // fall through: reported below as an unreadable page of this platform
  }
  return { platform, pageKind: 'unknown', orders: [], missing: ['page'] };
}

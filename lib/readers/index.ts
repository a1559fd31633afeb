/** Picks the reader for a page by its URL. Pure, like the readers themselves. */
import { platformForUrl } from '../common/marketplaces';
import type { PageReading } from '../common/model';
import { PageReadingSchema } from '../common/model';
import type { ApiResponse } from './api';
import { capReading } from './caps';
import { readAliExpress } from './aliexpress';
import { readTaobao } from './taobao';
import { readYandexMarket } from './yandex-market';

/**
 * A page reader: pure, no browser API. `now` is when the page is read: countdowns ("还剩9天10时") and
 * dates without a year ("3 ноября") are relative to it. `responses` are the API responses the page itself
 * loaded (./api.ts), read before anything else; untrusted like the markup.
 */
export type PageReader = (doc: Document, href: string, now: Date, responses: readonly ApiResponse[]) => PageReading;

const READERS: Record<PageReading['platform'], PageReader> = {
  aliexpress: readAliExpress,
  taobao: readTaobao,
  tmall: readTaobao,
  'yandex-market': readYandexMarket,
};

/**
 * The reading of a page, or null when DisputeKit has no reader for its site. Never throws: a reader that
 * trips over an unexpected page reports the page as unknown, with what it could not read. A reading longer
 * than the caps (more orders or items, longer text) is cut to them and says so in `truncated` (./caps.ts).
 */
export function readPage(doc: Document, href: string, now: Date = new Date(), responses: readonly ApiResponse[] = []): PageReading | null {
  const platform = platformForUrl(href);
  const reader = platform && READERS[platform];
  if (!platform || !reader) return null;
  try {
    const { value, truncated } = capReading(reader(doc, href, now, responses));
    const parsed = PageReadingSchema.safeParse(value);
    if (parsed.success) return truncated.length ? { ...parsed.data, truncated: [...(parsed.data.truncated ?? []), ...truncated].slice(0, 200) } : parsed.data;
  } catch {
    // fall through: reported below as an unreadable page of this platform
  }
  return { platform, pageKind: 'unknown', orders: [], missing: ['page'] };
}

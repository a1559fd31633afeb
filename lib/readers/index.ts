/** Every marketplace's reader, and the reading of any page by the one its URL belongs to. Pure, like the readers. */
import { platformForUrl, type Platform } from '../common/marketplaces';
import type { PageReading } from '../common/model';
import type { ApiResponse } from './api';
import { ALIEXPRESS_READER } from './aliexpress';
import { readPageWith, type MarketplaceReader } from './marketplace-reader';
import { TAOBAO_READER } from './taobao';
import { YANDEX_MARKET_READER } from './yandex-market';

export type { MarketplaceReader } from './marketplace-reader';

/** Every marketplace DisputeKit reads. A content script gets its own one only (lib/content/content-script.ts). */
export const MARKETPLACE_READERS: readonly MarketplaceReader[] = [ALIEXPRESS_READER, TAOBAO_READER, YANDEX_MARKET_READER];

/** The reader of a platform's pages. */
export function readerFor(platform: Platform): MarketplaceReader | undefined {
  return MARKETPLACE_READERS.find((reader) => reader.platforms.includes(platform));
}

/**
 * The reading of a page, or null when DisputeKit has no reader for its site. Never throws: a reader that
 * trips over an unexpected page reports the page as unknown, with what it could not read. A reading longer
 * than the caps (more orders or items, longer text) is cut to them and says so in `truncated` (./caps.ts).
 */
export function readPage(doc: Document, href: string, now: Date = new Date(), responses: readonly ApiResponse[] = []): PageReading | null {
  const platform = platformForUrl(href);
  const reader = platform && readerFor(platform);
  return reader ? readPageWith(reader, doc, href, now, responses) : null;
}

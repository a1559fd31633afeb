/**
 * Every marketplace's addresses (lib/readers/page-order.ts): which page a URL is and the order it names, from
 * each marketplace's addresses.ts. Imports no reader, so the background and the extension's pages, which only
 * ask what a tab's URL is, do not carry the three readers (~35 kB gzipped) they never run.
 */
import type { MarketplaceAddresses } from './marketplace-reader';
import { ALIEXPRESS_ADDRESSES } from './aliexpress/addresses';
import { TAOBAO_ADDRESSES } from './taobao/addresses';
import { YANDEX_MARKET_ADDRESSES } from './yandex-market/addresses';

export const MARKETPLACE_ADDRESSES: readonly MarketplaceAddresses[] = [ALIEXPRESS_ADDRESSES, TAOBAO_ADDRESSES, YANDEX_MARKET_ADDRESSES];

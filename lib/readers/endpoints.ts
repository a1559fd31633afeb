/**
 * Every order and dispute API the supported marketplaces' pages load their data from: one catalogue per
 * marketplace (in its reader's folder), joined here for the page-data recorder, which keeps only responses
 * from these, and for the HAR reader. Facts from ../shared/docs/marketplace-pages.md ("The data the pages
 * are built from").
 */
import type { ApiEndpoint } from './api';
import { ALIEXPRESS_ENDPOINTS } from './aliexpress/endpoints';
import { TAOBAO_ENDPOINTS } from './taobao/endpoints';
import { YANDEX_MARKET_ENDPOINTS } from './yandex-market/endpoints';

export const API_ENDPOINTS: readonly ApiEndpoint[] = [...ALIEXPRESS_ENDPOINTS, ...TAOBAO_ENDPOINTS, ...YANDEX_MARKET_ENDPOINTS];

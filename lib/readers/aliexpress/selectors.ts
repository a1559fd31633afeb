/**
 * Every AliExpress selector DisputeKit relies on, newest first, each with when and where it was seen.
 * When AliExpress changes its markup, add the new selector above the old one with today's date; drop the
 * old one once no saved page from the last year needs it.
 */
import type { DatedSelector } from '../dom';

const DETAIL = 'www.aliexpress.com/p/order/detail.html';
const RU_DETAIL = 'aliexpress.ru/order-list/N';

export const ALIEXPRESS_DETAIL = {
  status: [
    { css: '.order-status .order-block-title', seen: '2026-03', page: DETAIL },
    { css: '.order-status-content', seen: '2025-06', page: DETAIL },
    { css: '[data-testid="orderStatus"]', seen: '2025-01', page: RU_DETAIL },
  ],
  storeName: [
    { css: '.order-detail-item-store .store-name', seen: '2026-03', page: DETAIL },
    { css: '.store-name', seen: '2025-06', page: DETAIL },
    { css: '[data-testid="sellerInfoV2Block"] a', seen: '2025-01', page: RU_DETAIL },
    // Structural, not class-based: the store's own link survives a change of class names.
    { css: 'a[href*="/store/"]', seen: '2026-03', page: DETAIL },
  ],
  storeLink: [
    { css: '.order-detail-item-store a[href*="/store/"]', seen: '2026-03', page: DETAIL },
    { css: 'a[href*="/store/"]', seen: '2025-06', page: DETAIL },
  ],
  /** Elements whose text holds the order id among other words ("Order ID: 8190… Copy"). */
  orderIdText: [
    { css: '.order-detail-order-info .info-row', seen: '2026-03', page: DETAIL },
    { css: '[data-testid="orderNumber"]', seen: '2025-01', page: RU_DETAIL },
  ],
} satisfies Record<string, DatedSelector[]>;

/**
 * Every AliExpress selector DisputeKit relies on, newest first, each with when and where it was seen.
 * When AliExpress changes its markup, add the new selector above the old one with today's date; drop the
 * old one once no saved page from the last year needs it. Sources: the selectors of several public order
 * exporters and scrapers (2022–2026) agree on these; see ../shared/docs/marketplace-pages.md.
 */
import type { DatedAddress, DatedSelector } from '../dom';

const DETAIL = 'www.aliexpress.com/p/order/detail.html';
const LIST = 'www.aliexpress.com/p/order/index.html';
const OLD_LIST = 'trade.aliexpress.com/orderList.htm';
const RU_DETAIL = 'aliexpress.ru/order-list/N';

type Catalogue = Record<string, DatedSelector[]>;

export const DETAIL_SELECTORS = {
  status: [
    { css: '.order-status .order-block-title', seen: '2026-03', page: DETAIL },
    { css: '.order-status-content', seen: '2025-06', page: DETAIL },
    { css: '[class*="Header__title__"]', seen: '2025-01', page: RU_DETAIL },
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
    { css: '[data-testid="sellerInfoV2Block"] a[href*="/store/"]', seen: '2025-01', page: RU_DETAIL },
    { css: 'a[href*="/store/"]', seen: '2026-03', page: DETAIL },
  ],
  /** Elements whose text holds the order id among other words ("Order ID: 8190… Copy"). */
  orderIdText: [
    { css: '.order-detail-order-info .info-row', seen: '2026-03', page: DETAIL },
    { css: '[data-testid="orderNumber"]', seen: '2025-01', page: RU_DETAIL },
  ],
  placedAtText: [
    { css: '.order-detail-order-info .info-row:nth-child(2)', seen: '2026-03', page: DETAIL },
  ],
  item: [
    { css: '.order-detail-item-content', seen: '2026-03', page: DETAIL },
    { css: '[data-testid="productBlock"]', seen: '2025-01', page: RU_DETAIL },
  ],
  itemTitle: [
    { css: '.item-title a', seen: '2026-03', page: DETAIL },
    { css: '[data-testid="productText"] a', seen: '2025-01', page: RU_DETAIL },
  ],
  /**
   * The item's order snapshot (the listing as bought). Structural: the address form of the detail API's
   * `snapshotUrl` (www.aliexpress.com/snapshot/N.html), which the item's block links as "Snapshot"/"Снимок".
   */
  itemSnapshot: [{ css: 'a[href*="/snapshot/"]', seen: '2026-03', page: DETAIL }], // (docs, as data)
  itemSku: [
    { css: '.item-sku-attr', seen: '2026-03', page: DETAIL },
    { css: '[class*="Product__description__"]', seen: '2025-01', page: RU_DETAIL },
  ],
  itemPrice: [
    { css: '.item-price > div', seen: '2026-03', page: DETAIL },
    { css: '[class*="Product__priceDesktop__"]', seen: '2025-01', page: RU_DETAIL },
  ],
  itemQuantity: [
    { css: '.item-price-quantity', seen: '2026-03', page: DETAIL },
    { css: '[class*="Product__quantityText__"]', seen: '2025-01', page: RU_DETAIL },
  ],
  total: [
    { css: '.order-price-item.bold-font .right-col', seen: '2026-03', page: DETAIL },
    { css: '.rightPriceClass', seen: '2025-06', page: DETAIL },
    { css: '[class*="Summary__total__"]', seen: '2025-01', page: RU_DETAIL },
  ],
  tracking: [{ css: '[class*="InfoDeliveryButton__trackNumber__"]', seen: '2025-01', page: RU_DETAIL }],
} satisfies Catalogue;

export const LIST_SELECTORS = {
  card: [
    { css: '.order-content .order-item', seen: '2026-03', page: LIST },
    { css: 'div.order-item', seen: '2025-06', page: LIST },
  ],
  status: [{ css: '.order-item-header-status-text', seen: '2026-03', page: LIST }],
  headerInfo: [{ css: '.order-item-header-right-info > div', seen: '2026-03', page: LIST }],
  detailLink: [{ css: '.order-item-header-right a[href*="orderId="]', seen: '2026-03', page: LIST }],
  storeName: [
    { css: '.order-item-store-name a', seen: '2026-03', page: LIST },
    { css: 'a[href*="/store/"]', seen: '2026-03', page: LIST },
  ],
  storeLink: [{ css: 'a[href*="/store/"]', seen: '2026-03', page: LIST }],
  item: [{ css: '.order-item-content-body', seen: '2026-03', page: LIST }],
  itemTitle: [{ css: '.order-item-content-info-name a span[title]', seen: '2026-03', page: LIST }],
  itemLink: [{ css: '.order-item-content-info-name a', seen: '2026-03', page: LIST }],
  itemSku: [{ css: '.order-item-content-info-sku', seen: '2026-03', page: LIST }],
  itemNumber: [{ css: '.order-item-content-info-number', seen: '2026-03', page: LIST }],
  itemQuantity: [{ css: '.order-item-content-info-number-quantity', seen: '2026-03', page: LIST }],
  // Digits may be split across .es--char spans: the element's whole textContent is read.
  total: [{ css: '.order-item-content-opt-price-total', seen: '2026-03', page: LIST }],
  loadMore: [{ css: '.order-more button', seen: '2026-03', page: LIST }],
} satisfies Catalogue;

export const OLD_LIST_SELECTORS = {
  card: [{ css: '#buyer-ordertable tbody.order-item-wraper', seen: '2021-06', page: OLD_LIST }],
  orderId: [{ css: '.order-head .order-info .first-row .info-body', seen: '2021-06', page: OLD_LIST }],
  placedAt: [{ css: '.order-head .order-info .second-row .info-body', seen: '2021-06', page: OLD_LIST }],
  storeName: [{ css: '.store-info .first-row .info-body', seen: '2021-06', page: OLD_LIST }],
  total: [{ css: '.amount-num', seen: '2021-06', page: OLD_LIST }],
  item: [{ css: '.product-sets', seen: '2021-06', page: OLD_LIST }],
  itemTitle: [{ css: '.product-title a[title]', seen: '2021-06', page: OLD_LIST }],
  status: [{ css: '.order-status .f-left', seen: '2021-06', page: OLD_LIST }],
  countdown: [{ css: '.left-sendgoods-day', seen: '2021-06', page: OLD_LIST }],
} satisfies Catalogue;

/**
 * Chat pages ("Capture this chat" puts their messages in the case's contact log, lib/readers/chat/chat-pages.ts).
 * Neither the docs nor a saved page describe them: these addresses are the ones the marketplaces are reported to use,
 * unverified on a live page, so their markup is read by structure only (lib/readers/chat/rows.ts).
 */
export const ALIEXPRESS_CHAT_PAGES = [
  // The message centre, where an order's `sellerConnectUrl` (the chat, marketplace-pages.md) leads: buyerMsgListNew.htm.
  { host: /^(?:msg|message)\.aliexpress\.(?:com|us|ru)$/, path: '/', seen: '2026-12', page: 'AliExpress message centre (reported; unverified)' },
  { host: /^(?:www\.)?aliexpress\.(?:com|us)$/, path: '/p/message/', seen: '2026-12', page: 'AliExpress messages, new site (reported; unverified)' },
] satisfies DatedAddress[];

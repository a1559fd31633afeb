/**
 * Every Yandex Market selector DisputeKit relies on, newest first within each field, each with when and where
 * it was written down. When Yandex changes its markup, add the new selector above the old one with today's
 * date; drop the old one once no saved page from the last year needs it.
 *
 * Caution: no saved Yandex Market order page is public (../shared/docs/marketplace-pages.md). Class names on
 * market.yandex.ru are generated and change with every release, so nothing here uses a class. The entries
 * below are `data-auto` / `data-zone-name` attributes, the kind of test and analytics hooks the site uses,
 * but the names themselves are unverified: `seen` records when they were checked against DisputeKit's own
 * fixtures (tests/fixtures/yandex-market/), not against a live page. The reader never depends on them alone:
 * labelled text and the URL find the same fields (see the drifted fixtures).
 */
import type { DatedAddress, DatedSelector } from '../dom';

const DETAIL = 'market.yandex.ru/my/order/N (DisputeKit fixture; unverified on a live page)';
const LIST = 'market.yandex.ru/my/orders (DisputeKit fixture; unverified on a live page)';

/** Fields read inside a root: the whole document on a detail page, one order card on the list. */
export const YANDEX_MARKET_SELECTORS = {
  /** Elements whose text holds the order number among other words ("Заказ № 512034876"). */
  orderIdText: [
    { css: '[data-auto="order-number"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-title"]', seen: '2026-11', page: DETAIL },
    { css: '[data-zone-name="orderHeader"] h1', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-card-title"]', seen: '2026-11', page: LIST },
  ],
  placedAt: [
    { css: '[data-auto="order-creation-date"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-card-date"]', seen: '2026-11', page: LIST },
    { css: '[data-zone-name="orderCreationDate"]', seen: '2026-11', page: DETAIL },
  ],
  status: [
    { css: '[data-auto="order-status"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-card-status"]', seen: '2026-11', page: LIST },
    { css: '[data-zone-name="orderStatus"]', seen: '2026-11', page: DETAIL },
  ],
  storeName: [
    { css: '[data-auto="order-supplier-name"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="supplier-name"]', seen: '2026-11', page: LIST },
    { css: '[data-zone-name="shopName"]', seen: '2026-11', page: DETAIL },
  ],
  /** A seller's own page: /business--slug/ID (newer) or /shop--slug/ID. Structural, not class-based. */
  storeLink: [
    { css: 'a[href*="/business--"]', seen: '2026-11', page: DETAIL },
    { css: 'a[href*="/shop--"]', seen: '2026-11', page: DETAIL },
  ],
  total: [
    { css: '[data-auto="order-total-price"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-card-total"]', seen: '2026-11', page: LIST },
    { css: '[data-zone-name="orderTotal"]', seen: '2026-11', page: DETAIL },
  ],
  trackNumber: [
    { css: '[data-auto="order-track-code"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="track-code"]', seen: '2026-11', page: DETAIL },
  ],
  carrier: [{ css: '[data-auto="order-delivery-service"]', seen: '2026-11', page: DETAIL }],
  /** Deadlines shown on the order ("Можно вернуть до 27 ноября", "Хранится до…", "осталось 3 дня"). */
  countdown: [
    { css: '[data-auto="order-return-deadline"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-storage-limit"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="order-card-deadline"]', seen: '2026-11', page: LIST },
  ],
  /** One ordered item; the fields below are read inside it. */
  item: [
    { css: '[data-auto="order-item"]', seen: '2026-11', page: DETAIL },
    { css: '[data-zone-name="orderItem"]', seen: '2026-11', page: DETAIL },
  ],
  itemTitle: [
    { css: '[data-auto="order-item-title"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="snippet-title"]', seen: '2026-11', page: DETAIL },
  ],
  itemCount: [{ css: '[data-auto="order-item-count"]', seen: '2026-11', page: DETAIL }],
  itemPrice: [
    { css: '[data-auto="order-item-price"]', seen: '2026-11', page: DETAIL },
    { css: '[data-auto="price-value"]', seen: '2026-11', page: DETAIL },
  ],
  /**
   * Product pages: /product--slug/ID (model cards) and /card/slug/ID (offer cards). Structural: the link
   * target outlives any class name, so items are still found on a drifted page.
   */
  productLink: [
    { css: 'a[href*="/product--"]', seen: '2026-11', page: DETAIL },
    { css: 'a[href*="/card/"]', seen: '2026-11', page: DETAIL },
  ],
} satisfies Record<string, DatedSelector[]>;

/** Every selector above that is not structural is one of these attributes. */
export const HOOK = '[data-auto], [data-zone-name]';

/** Links to one order's detail page: on the list they group the page into order cards. */
export const ORDER_LINK = 'a[href*="/my/order/"]';

/**
 * Links to one return request's page (/my/returns/N; /my/return/N also accepted): on the returns list they
 * group the page into return cards. Structural; the paths are not all known (unverified on a live page).
 */
export const RETURN_LINK = 'a[href*="/my/returns/"], a[href*="/my/return/"]';

/**
 * Where the page's embedded state may sit: JSON in a script, or in a `noframes` element (a container some
 * server-rendered pages use for state patches; unverified for Yandex). An element is only parsed when its
 * text mentions the keys the reader needs (see ./embedded.ts).
 */
export const EMBEDDED_STATE = 'script, noframes';

/**
 * Chat pages ("Capture this chat" puts their messages in the case's contact log, lib/readers/chat/chat-pages.ts).
 * Neither the docs nor a saved page describe them: these addresses are the ones the marketplaces are reported to use,
 * unverified on a live page, so their markup is read by structure only (lib/readers/chat/rows.ts).
 */
export const YANDEX_MARKET_CHAT_PAGES = [
  // The chat with the shop about an order, under the buyer's own pages.
  { host: /^market\.yandex\.ru$/, path: '/my/chat', seen: '2026-12', page: 'Yandex Market chat with the shop (reported; unverified)' },
] satisfies DatedAddress[];

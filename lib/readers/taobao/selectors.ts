/**
 * Every Taobao/Tmall page marker DisputeKit relies on, newest first, each with when and where it was seen.
 * When Taobao changes its pages, add the new entry above the old one with the date; drop the old one once
 * no saved page from the last year needs it.
 *
 * Sightings: "2025-11" entries marked (saved) were checked on the saved pages in
 * ../shared/fixtures/real/taobao. Rendered-markup entries marked (exporters) come from the selectors public
 * order exporters use, as collected in ../shared/docs/marketplace-pages.md (hashed class suffixes such as
 * `___29cDO` change, so only the stable `…-mod__name` prefix is matched); no saved rendered page backs
 * them yet, so check them against the next one.
 */
import type { DatedAddress, DatedSelector } from '../dom';

const LIST = 'buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';
const DETAIL = 'trade.taobao.com/trade/detail/trade_item_detail.htm';
const TMALL = 'trade.tmall.com/detail/orderDetail.htm';
const REFUND_LIST = 'refund2.taobao.com/dispute/buyerDisputeList.htm';

/** Inline-script data: which variable holds it, in which form. */
export interface DatedEmbedding {
  variable: string;
  form: 'json-parse' | 'object-literal';
  seen: string;
  page: string;
}

export const TAOBAO_EMBEDDED = {
  // (saved) `var data = JSON.parse('…')`; the same object the list fetches from asyncBought.htm.
  list: [{ variable: 'data', form: 'json-parse', seen: '2025-11', page: LIST }],
  // (saved) `var data = JSON.parse('…')` with deliveryInfo, mainOrder, operationsGuide, orderBar.
  detail: [{ variable: 'data', form: 'json-parse', seen: '2025-11', page: DETAIL }],
  // (saved data object) `var detailData = {…}` with basic, orders, amount, overStatus, stepbar.
  tmall: [{ variable: 'detailData', form: 'object-literal', seen: '2025-11', page: TMALL }],
  // (docs: a real, empty 2021 refund list) `var disputeData = {…}` in ultron form (data, hierarchy, linkage);
  // the JSON.parse form is accepted too, as the order pages write theirs.
  dispute: [
    { variable: 'disputeData', form: 'object-literal', seen: '2021', page: REFUND_LIST },
    { variable: 'disputeData', form: 'json-parse', seen: '2021', page: REFUND_LIST },
  ],
} satisfies Record<string, DatedEmbedding[]>;

export const TAOBAO_LIST = {
  /** Where the rendered list lives: the React mount (saved, empty until hydrated), its older root, the newer list's. */
  root: [
    { css: '#J_bought_main', seen: '2025-11', page: LIST }, // (saved)
    { css: '#tp-bought-root', seen: '2025-11', page: LIST }, // (exporters)
    // The newer list (2025+, built on Taobao's newer framework): no saved page; roots named in the docs.
    { css: '#__ultron_rootContainer_node', seen: '2025-11', page: LIST }, // (docs)
    { css: '.trade-main-content', seen: '2025-11', page: LIST }, // (docs)
    { css: '.trade-content-container', seen: '2025-11', page: LIST }, // (docs)
  ],
  /** One element per order, carrying the order id in `data-id`. */
  order: [
    { css: '[class*="bought-wrapper-mod__trade-order"][data-id]', seen: '2025-11', page: LIST }, // (exporters)
    { css: '.js-order-container [data-id]', seen: '2025-11', page: LIST }, // (exporters)
    { css: 'div[data-id]', seen: '2025-11', page: LIST }, // (exporters; inside the root only)
  ],
  /** The order's header cell, "2025-11-08 订单号: 4574…". */
  head: [{ css: '[class*="bought-wrapper-mod__head-info-cell"]', seen: '2025-11', page: LIST }], // (exporters)
  createTime: [{ css: '[class*="bought-wrapper-mod__create-time"]', seen: '2025-11', page: LIST }], // (exporters)
  storeName: [
    { css: '[class*="seller-mod__name"]', seen: '2025-11', page: LIST }, // (exporters)
    { css: '[class*="bought-wrapper-mod__seller-container"] a', seen: '2025-11', page: LIST }, // (exporters)
    { css: '[class*="seller-mod__container"]', seen: '2025-11', page: LIST }, // (exporters)
    // Structural: the shop's own link (seller.shopUrl on the saved list) survives a change of class names.
    { css: 'a[href*="view_shop.htm"]', seen: '2025-11', page: LIST }, // (saved, as data)
    { css: 'a[href*="store.taobao.com"]', seen: '2025-11', page: LIST }, // (saved, as data)
  ],
  /** The paid total, "￥47.40" above "(含运费：￥0.00)". */
  total: [{ css: '[class*="price-mod__price"] strong', seen: '2025-11', page: LIST }], // (exporters)
  /** The link next to the status text; the status is the text of the cell around it. */
  detailLink: [
    { css: 'a[href*="trade_item_detail.htm"]', seen: '2025-11', page: LIST }, // (saved, as data)
    { css: 'a[href*="trade_order_detail.htm"]', seen: '2025-11', page: LIST }, // (docs)
    { css: 'a[href*="orderDetail.htm"]', seen: '2025-11', page: LIST }, // (docs: Tmall orders)
  ],
  /** A line of an item: its product or snapshot link. */
  itemLink: [
    { css: 'a[href*="item.htm"]', seen: '2025-11', page: LIST }, // (saved, as data)
    { css: 'a[href*="tradeSnap.htm"]', seen: '2025-11', page: LIST }, // (saved, as data)
  ],
  sku: [{ css: '[class*="production-mod__sku-item"]', seen: '2025-11', page: LIST }], // (exporters)
} satisfies Record<string, DatedSelector[]>;

/**
 * What names an order inside a list card whose markup has changed (./list.ts): links that carry the order's
 * id in their query (the order's detail, "确认收货"), besides the "订单号: N" text. Structural, not class-based.
 * Not the snapshot (tradeSnap.htm's id is the sub-order's on multi-item orders) nor the refund link (likewise).
 */
export const ORDER_MARKS = {
  links: [
    { css: 'a[href*="trade_item_detail.htm"]', seen: '2025-11', page: LIST }, // (saved, as data: statusInfo.operations viewDetail)
    { css: 'a[href*="trade_order_detail.htm"]', seen: '2025-11', page: LIST }, // (docs)
    { css: 'a[href*="orderDetail.htm"]', seen: '2025-11', page: LIST }, // (docs: Tmall orders)
    { css: 'a[href*="confirmGoods.htm"]', seen: '2025-11', page: LIST }, // (saved, as data: operations confirmGood)
  ],
} satisfies Record<string, DatedSelector[]>;

export const TAOBAO_DETAIL = {
  /** The detail page's React mount (saved, empty until hydrated); labels are searched inside it first. */
  root: [{ css: '#detail-panel', seen: '2025-11', page: DETAIL }], // (saved)
  /** The seller's chat badge: Tmall's 商家 row carries the shop's name in `data-nick`. */
  sellerNick: [{ css: '.J_WangWang[data-nick]', seen: '2025-11', page: TMALL }], // (saved, as data)
  storeLink: [
    { css: 'a[href*="view_shop.htm"]', seen: '2025-11', page: DETAIL }, // (saved, as data)
    { css: 'a[href*="store.taobao.com"]', seen: '2025-11', page: DETAIL }, // (saved, as data)
  ],
  itemLink: [
    { css: 'a[href*="item.htm"]', seen: '2025-11', page: TMALL }, // (saved, as data)
    { css: 'a[href*="tradeSnap.htm"]', seen: '2025-11', page: DETAIL }, // (saved, as data)
  ],
} satisfies Record<string, DatedSelector[]>;

/**
 * Chat pages ("Capture this chat" puts their messages in the case's contact log, lib/readers/chat/chat-pages.ts).
 * Neither the docs nor a saved page describe them: these addresses are the ones the marketplaces are reported to use,
 * unverified on a live page, so their markup is read by structure only (lib/readers/chat/rows.ts).
 */
export const TAOBAO_CHAT_PAGES = [
  // 旺旺 in the browser: the web chat opened from an order's or a shop's 联系卖家 / 和我联系.
  { host: /^h5\.m\.taobao\.com$/, path: '/ww/', seen: '2026-12', page: 'Taobao 旺旺 web chat (reported; unverified)' },
  { host: /^market\.m\.taobao\.com$/, path: '/app/im/', seen: '2026-12', page: 'Taobao 旺旺 web chat (reported; unverified)' },
  { host: /^(?:im|web\.im)\.(?:taobao|tmall)\.com$/, path: '/', seen: '2026-12', page: 'Taobao/Tmall web IM (reported; unverified)' },
] satisfies DatedAddress[];

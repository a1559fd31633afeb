/**
 * What a page reader gives: the reading of one marketplace page and the order facts in it, as zod schemas.
 * Written with `zod/mini` (functions, not methods) because they run in every marketplace page: the readers
 * check what they built with them (lib/readers/read-page.ts, lib/readers/taobao/order.ts), and mini's
 * tree-shaken core is a fraction of full zod's size (the content script budget, .size-limit.cjs). The stored
 * records (lib/common/model.ts) build on these, and model.ts re-exports them: one definition of each.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from './marketplaces';
import { MAX_TEXT } from './text';

export { MAX_TEXT };

const text = z.string().check(z.maxLength(MAX_TEXT));

export const PlatformSchema = z.enum(PLATFORMS);

export const MoneySchema = z.object({
  amount: z.number(),
  /** ISO 4217 code. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});
export type Money = z.infer<typeof MoneySchema>;

export const StoreSchema = z.object({ name: text, url: z.optional(text), id: z.optional(text) });

/** How many of each a reading keeps; a reader's longer lists are cut to these (lib/readers/caps.ts), not refused. */
export const MAX_ORDERS = 500;
export const MAX_ITEMS = 500;
export const MAX_TRACKING = 50;
export const MAX_COUNTDOWNS = 20;

const count = z.int().check(z.nonnegative());

export const OrderItemSchema = z.object({
  title: text,
  sku: z.optional(text),
  quantity: z.optional(count),
  price: z.optional(MoneySchema),
  url: z.optional(text),
  /** The listing as it was when bought (AliExpress's order snapshot), when the page links it: evidence. */
  snapshotUrl: z.optional(text),
});

/**
 * A countdown or deadline the page shows: its label and words as shown, and when it ends (an instant, or a day
 * YYYY-MM-DD when the page names only the day). `endsBefore`: once two readings of a truncated countdown were
 * intersected (lib/deadlines/page-countdowns.ts mergeCountdowns), the instant it ends before.
 */
export const CountdownSchema = z.object({ label: text, text, endsAt: z.optional(z.string()), endsBefore: z.optional(z.string()) });
export type Countdown = z.infer<typeof CountdownSchema>;

/**
 * How a field was found, most trusted first (../shared/docs/marketplace-pages.md, "Strategy"): the API
 * responses the page itself loaded ('api-data', kept by the page-data recorder), data embedded in its HTML,
 * markup selectors, labelled text, the URL.
 */
export const STRATEGIES = ['api-data', 'embedded-data', 'selector', 'label', 'url'] as const;
export const StrategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof StrategySchema>;

/**
 * When something happened, as the page states it: a calendar day `YYYY-MM-DD` when the page gives only a day
 * (never turned into midnight UTC or any invented time), or an instant with its offset when it gives a time
 * (`2026-11-03T14:42:51+08:00`, in the platform's zone when the page states none).
 */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const PageDateSchema = z.string().check(
  z.refine((s) => (DAY.test(s) || INSTANT.test(s)) && !Number.isNaN(Date.parse(DAY.test(s) ? `${s}T00:00:00Z` : s)), {
    message: 'a day (YYYY-MM-DD) or an instant with its offset',
  }),
);

/**
 * The dated steps of an order a page can state, named as the deadline engine names its events
 * (lib/deadlines/rules/vocabulary.ts CASE_EVENTS): each one a reader gives starts that event's rules.
 */
export const ORDER_EVENTS = [
  'placed',
  'paid',
  'shipped',
  'delivered',
  'receiptConfirmed',
  'completed',
  'expectedDelivery',
  'disputeOpened',
  'refundRequested',
  'returnShipped',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];
export const OrderEventsSchema = z.partialRecord(z.enum(ORDER_EVENTS), PageDateSchema);
export type OrderEvents = z.infer<typeof OrderEventsSchema>;

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** A dispute, return or refund about an order, as its page (or the order page) shows it. */
export const DisputeSchema = z.object({
  id: z.optional(z.string().check(z.regex(ID))),
  /** The kind the page names (e.g. "RETURN", "仅退款", "Возврат"), as text. */
  type: z.optional(text),
  status: z.optional(text),
  openedAt: z.optional(PageDateSchema),
  amount: z.optional(MoneySchema),
  /** Where the dispute's own page is, when the page links it. */
  url: z.optional(text),
});
export type Dispute = z.infer<typeof DisputeSchema>;

export const OrderFactsSchema = z.object({
  orderId: z.string().check(z.regex(ID)),
  /** The same value as `events.placed` (kept for the documented `extract` output). */
  placedAt: z.optional(PageDateSchema),
  status: z.optional(text),
  store: z.optional(StoreSchema),
  items: z.array(OrderItemSchema).check(z.maxLength(MAX_ITEMS)),
  total: z.optional(MoneySchema),
  tracking: z.optional(z.array(z.object({ number: text, carrier: z.optional(text) })).check(z.maxLength(MAX_TRACKING))),
  countdowns: z.optional(z.array(CountdownSchema).check(z.maxLength(MAX_COUNTDOWNS))),
  /** Every dated step the page states; `sources` has one entry per event, as "events.<name>". */
  events: z.optional(OrderEventsSchema),
  /** On a dispute or refund page (and an order page that shows one): the dispute about this order. */
  dispute: z.optional(DisputeSchema),
  /** Which strategy found each field; fields absent here were not found. */
  sources: z.record(z.string(), StrategySchema),
});
export type OrderFacts = z.infer<typeof OrderFactsSchema>;

/** 'dispute-list' / 'dispute-detail': a marketplace's returns, refunds or disputes (one order per dispute shown). */
export const PAGE_KINDS = ['order-list', 'order-detail', 'dispute-list', 'dispute-detail', 'unknown'] as const;
export const PageReadingSchema = z.object({
  platform: PlatformSchema,
  pageKind: z.enum(PAGE_KINDS),
  orders: z.array(OrderFactsSchema).check(z.maxLength(MAX_ORDERS)),
  /** Fields the reader looked for and could not find, as "field" or "orders[i].field". */
  missing: z.array(z.string()),
  /** What the page had more of than a reading keeps, and was cut: "orders (600, kept 500)", "orders[0].items[2].title". */
  truncated: z.optional(z.array(z.string()).check(z.maxLength(200))),
});
export type PageReading = z.infer<typeof PageReadingSchema>;

/**
 * What a page reader gives: the reading of one marketplace page and the order facts in it, as zod schemas: the
 * one declaration of their shape. The background and the extension's pages parse every reading they receive
 * with these (lib/messaging/messages.ts), and the stored records (./model.ts) build on them and re-export them.
 * The content scripts do not carry zod: they check a reader's output with ./reading-check.ts, plain code held
 * to these schemas by its unit test. Written with `zod/mini` (functions, not methods), as model.ts imports them.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from './marketplaces';
import { MAX_TEXT } from './text';
import {
  CURRENCY,
  isPageDate,
  MAX_COUNTDOWNS,
  MAX_ITEMS,
  MAX_ORDERS,
  MAX_TRACKING,
  MAX_TRUNCATED,
  ORDER_EVENTS,
  ORDER_ID,
  PAGE_DATE_RULE,
  PAGE_KINDS,
  STRATEGIES,
} from './reading-terms';

export * from './reading-terms';

export { MAX_TEXT };

const text = z.string().check(z.maxLength(MAX_TEXT));

export const PlatformSchema = z.enum(PLATFORMS);

export const MoneySchema = z.object({
  amount: z.number(),
  /** ISO 4217 code. */
  currency: z.string().check(z.regex(CURRENCY)),
});
export type Money = z.infer<typeof MoneySchema>;

export const StoreSchema = z.object({ name: text, url: z.optional(text), id: z.optional(text) });

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

export const StrategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof StrategySchema>;

/** When something happened, as the page states it (./reading-terms.ts DAY, INSTANT). */
export const PageDateSchema = z.string().check(z.refine(isPageDate, { message: PAGE_DATE_RULE }));

export type OrderEvent = (typeof ORDER_EVENTS)[number];
export const OrderEventsSchema = z.partialRecord(z.enum(ORDER_EVENTS), PageDateSchema);
export type OrderEvents = z.infer<typeof OrderEventsSchema>;

/** A dispute, return or refund about an order, as its page (or the order page) shows it. */
export const DisputeSchema = z.object({
  id: z.optional(z.string().check(z.regex(ORDER_ID))),
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
  orderId: z.string().check(z.regex(ORDER_ID)),
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

export const PageReadingSchema = z.object({
  platform: PlatformSchema,
  pageKind: z.enum(PAGE_KINDS),
  orders: z.array(OrderFactsSchema).check(z.maxLength(MAX_ORDERS)),
  /** Fields the reader looked for and could not find, as "field" or "orders[i].field". */
  missing: z.array(z.string()),
  /** What the page had more of than a reading keeps, and was cut: "orders (600, kept 500)", "orders[0].items[2].title". */
  truncated: z.optional(z.array(z.string()).check(z.maxLength(MAX_TRUNCATED))),
});
export type PageReading = z.infer<typeof PageReadingSchema>;

/**
 * The words and limits of a page's reading, with no code of zod's: the zod schema that declares the reading's
 * shape (./reading.ts) and the plain check the content scripts run instead (./reading-check.ts) both take them
 * from here, so the two cannot drift apart on a cap, an enum or a date's shape.
 */

/** How many of each a reading keeps; a reader's longer lists are cut to these (lib/readers/caps.ts), not refused. */
export const MAX_ORDERS = 500;
export const MAX_ITEMS = 500;
export const MAX_TRACKING = 50;
export const MAX_COUNTDOWNS = 20;
/** How many notes of what was cut a reading keeps. */
export const MAX_TRUNCATED = 200;

/**
 * How a field was found, most trusted first (../shared/docs/marketplace-pages.md, "Strategy"): the API
 * responses the page itself loaded ('api-data', kept by the page-data recorder), data embedded in its HTML,
 * markup selectors, labelled text, the URL.
 */
export const STRATEGIES = ['api-data', 'embedded-data', 'selector', 'label', 'url'] as const;

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

/** 'dispute-list' / 'dispute-detail': a marketplace's returns, refunds or disputes (one order per dispute shown). */
export const PAGE_KINDS = ['order-list', 'order-detail', 'dispute-list', 'dispute-detail', 'unknown'] as const;

/** An order's or a dispute's number as the marketplaces write them. */
export const ORDER_ID = /^[0-9A-Za-z_-]{1,64}$/;
/** ISO 4217 code. */
export const CURRENCY = /^[A-Z]{3}$/;

/**
 * When something happened, as the page states it: a calendar day `YYYY-MM-DD` when the page gives only a day
 * (never turned into midnight UTC or any invented time), or an instant with its offset when it gives a time
 * (`2026-11-03T14:42:51+08:00`, in the platform's zone when the page states none).
 */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const PAGE_DATE_RULE = 'a day (YYYY-MM-DD) or an instant with its offset';

/** Whether `s` is a page's date (DAY or INSTANT) of a real day and time. */
export function isPageDate(s: string): boolean {
  return (DAY.test(s) || INSTANT.test(s)) && !Number.isNaN(Date.parse(DAY.test(s) ? `${s}T00:00:00Z` : s));
}

/**
 * An order as the reading builds it: each strategy (the page's API data, its markup) gives a draft with the
 * fields it found and where from; drafts of the same order are merged field by field, the more trusted
 * first (../shared/docs/marketplace-pages.md, "Strategy").
 */
import type { Dispute, OrderEvent, OrderFacts, Strategy } from '../../common/model';
import { ORDER_EVENTS } from '../../common/reading-terms';

export type OrderDraft = Omit<OrderFacts, 'orderId'> & { orderId?: string };
export type Item = OrderFacts['items'][number];
export type Countdown = NonNullable<OrderFacts['countdowns']>[number];

/** The fields an order page is expected to show: the ones listed as missing when none was found. */
export const CORE_FIELDS = ['orderId', 'placedAt', 'status', 'store', 'items', 'total'] as const;
/** What a dispute page is expected to say about its dispute. */
export const DISPUTE_FIELDS = ['id', 'type', 'status', 'openedAt'] as const;

// The schema's bounds (lib/common/model.ts): a reading over them would be refused whole.
export const MAX_ORDERS = 500;
export const MAX_ITEMS = 500;
export const MAX_COUNTDOWNS = 20;

const SINGLE_FIELDS = ['placedAt', 'status', 'store', 'total', 'tracking'] as const;
const DISPUTE_KEYS = ['id', 'type', 'status', 'openedAt', 'amount', 'url'] as const;

export function emptyDraft(orderId?: string): OrderDraft {
  return { ...(orderId && { orderId }), items: [], sources: {} };
}

/** Records a dated event (and `placedAt` with `placed`); the first strategy to state an event keeps it. */
export function setEvent(order: OrderDraft, event: OrderEvent, date: string | undefined, strategy: Strategy): void {
  if (!date || order.events?.[event]) return;
  (order.events ??= {})[event] = date;
  order.sources[`events.${event}`] = strategy;
  if (event === 'placed' && !order.placedAt) {
    order.placedAt = date;
    order.sources.placedAt = strategy;
  }
}

/** Sets one field of the order's dispute, recorded in `sources` as "dispute.<field>". */
export function setDispute<K extends keyof Dispute>(order: OrderDraft, field: K, value: Dispute[K] | undefined, strategy: Strategy): void {
  if (value === undefined || value === '' || order.dispute?.[field] !== undefined) return;
  (order.dispute ??= {})[field] = value;
  order.sources[`dispute.${field}`] = strategy;
}

/**
 * `first` with every field it lacks taken from `second` (same order, less trusted strategy). Countdowns are
 * joined (each strategy may see timers the other does not), the first's winning for the same label.
 */
export function mergeDrafts(first: OrderDraft, second: OrderDraft): OrderDraft {
  const merged: OrderDraft = { ...first, items: first.items, sources: { ...first.sources } };
  merged.orderId ??= second.orderId;
  if (!merged.sources.orderId && second.sources.orderId) merged.sources.orderId = second.sources.orderId;
  for (const field of SINGLE_FIELDS) {
    if (merged[field] === undefined && second[field] !== undefined) {
      (merged as Record<string, unknown>)[field] = second[field];
      if (second.sources[field]) merged.sources[field] = second.sources[field];
    }
  }
  if (!merged.items.length && second.items.length) {
    merged.items = second.items;
    if (second.sources.items) merged.sources.items = second.sources.items;
  }
  for (const event of ORDER_EVENTS) {
    const strategy = second.sources[`events.${event}`];
    if (strategy) setEvent(merged, event, second.events?.[event], strategy);
  }
  for (const key of DISPUTE_KEYS) {
    const strategy = second.sources[`dispute.${key}`];
    if (strategy) setDispute(merged, key, second.dispute?.[key], strategy);
  }
  const countdowns = [...(first.countdowns ?? [])];
  for (const countdown of second.countdowns ?? []) {
    if (!countdowns.some((c) => c.label.toLowerCase() === countdown.label.toLowerCase())) countdowns.push(countdown);
  }
  if (countdowns.length) {
    merged.countdowns = countdowns.slice(0, MAX_COUNTDOWNS);
    merged.sources.countdowns ??= second.sources.countdowns;
  }
  return merged;
}

/**
 * The order drafts of several strategies as one list: the first list's order, then orders only the later ones
 * saw. Not cut to MAX_ORDERS here: readPage cuts every reading to the caps and says what it cut (caps.ts).
 */
export function mergeLists(lists: readonly OrderDraft[][]): OrderDraft[] {
  const byId = new Map<string, OrderDraft>();
  for (const list of lists) {
    for (const draft of list) {
      if (!draft.orderId) continue;
      const known = byId.get(draft.orderId);
      byId.set(draft.orderId, known ? mergeDrafts(known, draft) : draft);
    }
  }
  return [...byId.values()];
}

export function missingFields(order: OrderDraft, prefix: string): string[] {
  return CORE_FIELDS.filter((field) => !(field in order.sources)).map((field) => prefix + field);
}

export function missingDisputeFields(order: OrderDraft, prefix: string): string[] {
  return DISPUTE_FIELDS.filter((field) => !(`dispute.${field}` in order.sources)).map((field) => `${prefix}dispute.${field}`);
}

export function isOrder(draft: OrderDraft): draft is OrderFacts {
  return Boolean(draft.orderId);
}

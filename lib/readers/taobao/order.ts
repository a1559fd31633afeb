/**
 * One order put together from the strategies, most trusted first (marketplace-pages.md, "Strategy"):
 * each field comes from the first strategy that found it, and `sources` says which one that was. Dated
 * events are taken one by one: each event from the first strategy that gives it (sources "events.<name>").
 * Strategies run lazily: once the page's own data (API responses, embedded data) has given the id and every
 * expected field, the DOM-walking ones are not run at all. A strategy that throws counts as finding nothing.
 */
import type { OrderEvent, OrderFacts, Strategy } from '../../common/model';
import { checkOrderFacts } from '../../common/reading-check';
import { ORDER_EVENTS } from '../../common/reading-terms';

export type Findings = Partial<Omit<OrderFacts, 'sources'>>;
export type Step = readonly [Strategy, () => Findings | undefined];

const FIELDS = ['orderId', 'placedAt', 'status', 'store', 'items', 'total', 'tracking', 'countdowns', 'dispute'] as const;
type Field = (typeof FIELDS)[number];

/** What every order page shows. Tracking and countdowns belong to some orders only: never "missing". */
export const EXPECTED = ['placedAt', 'status', 'store', 'items', 'total'] as const;
type Expected = readonly (Field | 'dispute')[];

const LIMITS: Partial<Record<Field, number>> = { items: 500, tracking: 50, countdowns: 20 };
const DATA: readonly Strategy[] = ['api-data', 'embedded-data'];

function present(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
}

function run(step: Step): Findings | undefined {
  try {
    return step[1]();
  } catch {
    return undefined;
  }
}

/**
 * The order the steps found (undefined without an id), and the expected fields none of them found.
 * `expected` is what this kind of page shows (a refund page shows the dispute, not every order field).
 */
export function combine(steps: readonly Step[], expected: Expected = EXPECTED): { order?: OrderFacts; missing: string[] } {
  const facts: Partial<Record<Field, unknown>> = {};
  const events: Partial<Record<OrderEvent, string>> = {};
  const sources: Record<string, Strategy> = {};
  // Data that gave the id and every expected field is the whole order: what it lacks (tracking, a countdown)
  // the order does not have, and the page need not be walked. Once a DOM strategy is in play, each later one
  // still runs, for the optional fields too (they are cheap, scoped to one order).
  const settled = () =>
    facts.orderId !== undefined && expected.every((f) => facts[f] !== undefined) && Object.values(sources).every((s) => DATA.includes(s));

  for (const step of steps) {
    if (settled()) break;
    const found = run(step);
    if (!found) continue;
    for (const field of FIELDS) {
      let value: unknown = found[field];
      if (facts[field] !== undefined || !present(value)) continue;
      const limit = LIMITS[field];
      if (limit && Array.isArray(value)) value = value.slice(0, limit);
      facts[field] = value;
      sources[field] = step[0];
    }
    for (const name of ORDER_EVENTS) {
      const date = found.events?.[name];
      if (events[name] !== undefined || typeof date !== 'string' || !date) continue;
      events[name] = date;
      sources[`events.${name}`] = step[0];
    }
  }

  // placedAt and events.placed are one fact: the first strategy's, whichever of the two it was found as.
  if (typeof facts.placedAt === 'string') {
    events.placed = facts.placedAt;
    sources['events.placed'] = sources.placedAt;
  } else if (events.placed) {
    facts.placedAt = events.placed;
    sources.placedAt = sources['events.placed'];
  }

  if (typeof facts.orderId !== 'string') return { missing: ['orderId', ...expected.filter((f) => !sources[f])] };
  const order = { ...facts, items: facts.items ?? [], ...(Object.keys(events).length && { events }), sources } as OrderFacts;

  // The builders keep every field within the schema; should one still slip (a drifted page writing
  // something odd), that field (or that one event) is dropped and reported missing rather than losing the page.
  const checked = checkOrderFacts(order);
  if (!checked.success) {
    for (const issue of checked.issues) {
      const field = issue.path[0] as Field | 'sources' | 'events' | undefined;
      if (!field || field === 'orderId') return { missing: ['orderId', ...expected] };
      if (field === 'sources' || !(field in order)) continue;
      if (field === 'events') {
        const name = issue.path[1] as OrderEvent | undefined;
        if (name && order.events) {
          delete order.events[name];
          delete sources[`events.${name}`];
          if (!Object.keys(order.events).length) delete order.events;
        } else {
          delete order.events;
        }
        continue;
      }
      if (field === 'items') order.items = [];
      else delete (order as Partial<OrderFacts>)[field];
      delete sources[field];
      if (field === 'placedAt' && order.events?.placed) {
        delete order.events.placed;
        delete sources['events.placed'];
      }
    }
  }
  return { order, missing: expected.filter((f) => !sources[f]) };
}

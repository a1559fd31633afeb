/**
 * One order put together from the strategies, most trusted first (marketplace-pages.md, "Strategy"):
 * each field comes from the first strategy that found it, and `sources` says which one that was.
 * Strategies run lazily: once the embedded data has given the id and every expected field, the DOM-walking
 * ones are not run at all. A strategy that throws on an odd page counts as having found nothing.
 */
import type { OrderFacts, Strategy } from '../../model';
import { OrderFactsSchema } from '../../model';

export type Findings = Partial<Omit<OrderFacts, 'sources'>>;
export type Step = readonly [Strategy, () => Findings | undefined];

const FIELDS = ['orderId', 'placedAt', 'status', 'store', 'items', 'total', 'tracking', 'countdowns'] as const;
type Field = (typeof FIELDS)[number];

/** What every order page shows. Tracking and countdowns belong to some orders only: never "missing". */
export const EXPECTED = ['placedAt', 'status', 'store', 'items', 'total'] as const;

const LIMITS: Partial<Record<Field, number>> = { items: 500, tracking: 50, countdowns: 20 };

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

/** The order the steps found (undefined without an id), and the expected fields none of them found. */
export function combine(steps: readonly Step[]): { order?: OrderFacts; missing: string[] } {
  const facts: Partial<Record<Field, unknown>> = {};
  const sources: Record<string, Strategy> = {};
  // Embedded data that gave the id and every expected field is the whole order: what it lacks (tracking,
  // a countdown) the order does not have, and the page need not be walked. Once a DOM strategy is in play,
  // each later one still runs, for the optional fields too (they are cheap, scoped to one order).
  const settled = () =>
    facts.orderId !== undefined && EXPECTED.every((f) => facts[f] !== undefined) && Object.values(sources).every((s) => s === 'embedded-data');

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
  }

  if (typeof facts.orderId !== 'string') return { missing: ['orderId', ...EXPECTED.filter((f) => !sources[f])] };
  const order = { ...facts, items: facts.items ?? [], sources } as OrderFacts;

  // The builders keep every field within the schema; should one still slip (a drifted page writing
  // something odd), that field is dropped and reported missing rather than losing the whole page.
  const checked = OrderFactsSchema.safeParse(order);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as Field | 'sources' | undefined;
      if (!field || field === 'orderId') return { missing: ['orderId', ...EXPECTED] };
      if (field === 'sources' || !(field in order)) continue;
      if (field === 'items') order.items = [];
      else delete (order as Partial<OrderFacts>)[field];
      delete sources[field];
    }
  }
  return { order, missing: EXPECTED.filter((f) => !sources[f]) };
}

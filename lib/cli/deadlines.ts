/**
 * The command-line deadline calculator's logic: a CASE.json text, or the JSON `npm run extract` prints for a
 * page, in; the documented JSON out. Used by `npm run deadlines` (scripts/deadlines.ts) to check a case's
 * dates without the extension, or a saved page's dates in one line:
 * `npm run -s extract -- PAGE --url URL --now T | npm run -s deadlines -- - --now T`.
 */
import { z } from 'zod';
import { pageCountdowns, pageEventDates, eventValues } from '../deadlines/case-input';
import { PLATFORMS } from '../common/marketplaces';
import type { OrderFacts } from '../common/model';
import { ORDER_EVENTS } from '../common/model';
import { isoInZone, localDay, readCaseDate, startOfDay } from '../common/time';
import { computeDeadlines } from '../deadlines/engine';
import { checkDeadlineInput } from '../deadlines/input';
import type { DuePrecision } from '../deadlines/types';

export const DEADLINES_EXIT = { ok: 0, badInput: 2 } as const;

export interface CliDeadline {
  rule: string;
  label: string;
  due: string;
  /** day: ends at 24:00 of its last day (`due` is 00:00 of the next day); hour: a countdown read to the hour; minute: exact. */
  precision: DuePrecision;
  /** For a due known to the day: its last day (YYYY-MM-DD in the rule's zone); `due` is 24:00 of it. */
  lastDay?: string;
  /** For a countdown read to the hour: it ends before this instant. */
  endsBefore?: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
  fromPage?: true;
}

export type DeadlinesRun = { ok: true; output: { deadlines: CliDeadline[] } } | { ok: false; error: string };

/** The parts of `extract`'s output the engine needs: the platform and its first order's dates and countdowns. */
const ExtractSchema = z.object({
  platform: z.enum(PLATFORMS, { message: `unknown platform (one of ${PLATFORMS.join(', ')})` }),
  pageKind: z.string(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      placedAt: z.string().optional(),
      events: z.record(z.string(), z.string()).optional(),
      dispute: z.object({ openedAt: z.string().optional() }).loose().optional(),
      countdowns: z.array(z.object({ label: z.string(), text: z.string(), endsAt: z.string().optional(), endsBefore: z.string().optional() })).optional(),
    }).loose(),
  ),
});

function isExtractOutput(value: object): boolean {
  return 'orders' in value && 'pageKind' in value;
}

/** A page reading (extract's JSON) as the engine's input, with clear errors for what it cannot use. */
function inputFromReading(value: unknown): { ok: true; input: unknown } | { ok: false; error: string } {
  const parsed = ExtractSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}` };
  }
  const { platform, pageKind, orders } = parsed.data;
  const order = orders[0];
  if (!order) return { ok: false, error: `the page holds no order (pageKind "${pageKind}")` };
  for (const [name, date] of Object.entries(order.events ?? {})) {
    if (!(ORDER_EVENTS as readonly string[]).includes(name)) return { ok: false, error: `orders.0.events.${name}: unknown event (one of ${ORDER_EVENTS.join(', ')})` };
    if (!readCaseDate(date)) return { ok: false, error: `orders.0.events.${name}: not a day or an ISO 8601 date-time: ${date}` };
  }
  if (order.placedAt !== undefined && !readCaseDate(order.placedAt)) return { ok: false, error: `orders.0.placedAt: not a day or an ISO 8601 date-time: ${order.placedAt}` };
  // The same conversion the extension makes of a page's order: its events as set by the page, its countdowns
  // with the precision the page gave them.
  const facts = { ...order, items: [], sources: {} } as unknown as OrderFacts;
  return { ok: true, input: { platform, events: eventValues(pageEventDates(facts)), pageCountdowns: pageCountdowns(platform, facts) } };
}

export function deadlinesFromCaseJson(text: string, now: Date): DeadlinesRun {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'the case must be a JSON object' };
  let value: unknown = parsed;
  if (isExtractOutput(parsed)) {
    const reading = inputFromReading(parsed);
    if (!reading.ok) return reading;
    value = reading.input;
  } else if ('userDue' in parsed) {
    // The CLI takes no hand-set dates: userDue is what the extension's user edits, not part of CASE.json.
    return { ok: false, error: 'userDue: not accepted here (CASE.json has platform, region, events, pageCountdowns)' };
  }
  const checked = checkDeadlineInput(value);
  if (!checked.ok) return { ok: false, error: checked.error };
  const deadlines = computeDeadlines(checked.input, now).map(({ rule, label, due, dueMs, precision, latestMs, zone, confidence, source, fromPage }) => ({
    rule,
    label,
    due,
    precision,
    ...(precision === 'day' && startOfDay(localDay(dueMs, zone), zone) === dueMs && { lastDay: localDay(dueMs - 1, zone) }),
    ...(latestMs !== undefined && { endsBefore: isoInZone(latestMs, zone) }),
    confidence,
    source,
    ...(fromPage && { fromPage }),
  }));
  return { ok: true, output: { deadlines } };
}

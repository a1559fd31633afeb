/**
 * A countdown read off an order page, kept as honestly as the page gave it. "осталось 12 дней 5 часов" read at
 * 10:20 means the end lies between 10:20 + 12 d 5 h and 10:20 + 12 d 6 h (pages truncate what they show), so
 * the countdown is an interval known to the hour, not an instant to the minute; "Можно вернуть до 27 ноября"
 * is a day. Reading the same page again minutes later gives an interval that overlaps the stored one: the two
 * are intersected, so the due never moves back and forth with each reading (mergeCountdowns).
 */
import type { Countdown, PageReading } from '../common/model';
import type { DuePrecision } from '../deadlines/types';
import { readCountdown } from './parse/countdown';
import { isCalendarDay } from '../common/time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When a countdown ends: the earliest instant and the instant it ends before, as far as its text tells. */
export interface CountdownInterval {
  from: number;
  before: number;
  precision: DuePrecision;
}

function precisionOf(resolution: number): DuePrecision {
  return resolution >= DAY ? 'day' : resolution >= HOUR ? 'hour' : 'minute';
}

/**
 * The interval a time-left countdown ends in, from its stored end and text (and `endsBefore` once merged), or
 * undefined for a countdown that states a date or holds no duration (it is taken as the page gives it).
 */
export function countdownInterval(countdown: Pick<Countdown, 'text' | 'endsAt' | 'endsBefore'>): CountdownInterval | undefined {
  const left = readCountdown(countdown.text);
  const from = countdown.endsAt && !isCalendarDay(countdown.endsAt) ? Date.parse(countdown.endsAt) : Number.NaN;
  if (!left || Number.isNaN(from)) return undefined;
  const stored = countdown.endsBefore ? Date.parse(countdown.endsBefore) : Number.NaN;
  const before = stored > from ? stored : from + left.resolution;
  return { from, before, precision: precisionOf(left.resolution) };
}

const sameLabel = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The countdowns of a new reading of an order, merged with the stored ones: a countdown whose interval
 * overlaps the stored one of the same label keeps the intersection (it only narrows, so the due does not
 * move); one that does not overlap (the timer was extended or reset) replaces it. A reading without
 * countdowns keeps the stored ones (a list page shows fewer than the detail page).
 */
export function mergeCountdowns(stored: Countdown[] | undefined, fresh: Countdown[] | undefined): Countdown[] | undefined {
  if (!fresh?.length) return stored;
  if (!stored?.length) return fresh;
  return fresh.map((countdown) => {
    const now = countdownInterval(countdown);
    if (!now) return countdown;
    for (const old of stored) {
      if (!sameLabel(old.label, countdown.label)) continue;
      const before = countdownInterval(old);
      if (!before) continue;
      const from = Math.max(before.from, now.from);
      const until = Math.min(before.before, now.before);
      if (from >= until) continue;
      if (from === now.from && until === now.before) return countdown;
      return { ...countdown, endsAt: new Date(from).toISOString(), endsBefore: new Date(until).toISOString() };
    }
    return countdown;
  });
}

/**
 * The same page read again (the popup reopened minutes later, the page's content changed): each order's
 * countdowns merged with those the previous reading gave for the same order (mergeCountdowns), so a due known
 * to the hour does not move from one reading to the next, before any case stores it. A countdown the page no
 * longer shows is not brought back.
 */
export function steadyCountdowns(previous: PageReading | null | undefined, fresh: PageReading | null): PageReading | null {
  if (!fresh || !previous || previous.platform !== fresh.platform) return fresh;
  const before = new Map(previous.orders.map((o) => [o.orderId, o.countdowns]));
  let changed = false;
  const orders = fresh.orders.map((order) => {
    const stored = before.get(order.orderId);
    if (!order.countdowns?.length || !stored?.length) return order;
    const countdowns = mergeCountdowns(stored, order.countdowns);
    if (countdowns === order.countdowns) return order;
    changed = true;
    return { ...order, countdowns };
  });
  return changed ? { ...fresh, orders } : fresh;
}

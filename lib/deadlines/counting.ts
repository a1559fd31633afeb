/** Turns a rule's start instant and value into the instant its period ends, by the rule's way of counting. */
import type { Counting } from './rules';
import type { Unit } from './rules/vocabulary';
import { CHINA, isDayOff, RUSSIA } from './calendars';
import type { WorkCalendar } from './calendars';
import { addDays, addMonths, localDay, startOfDay } from '../common/time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Period {
  value: number;
  unit: Unit;
  counting: Counting;
  zone: string;
  /** Count back from the start (AE-13: ask 7 days before protection ends). */
  before?: boolean;
}

function calendarOf(counting: Counting): WorkCalendar | undefined {
  if (counting === 'civil-ru') return RUSSIA;
  if (counting === 'civil-cn') return CHINA;
  return undefined;
}

function exactLength({ value, unit }: Period): number {
  if (unit === 'h') return value * HOUR;
  if (unit === 'CD') return value * DAY;
  throw new Error(`exact counting needs hours or calendar days, not ${unit}`);
}

/**
 * The instant the period ends. `start` is the event: an instant, or a calendar day when only the day is known.
 * For a period that starts from another rule's end, the caller passes that end, and the last moment before it
 * decides the start day.
 *
 * Day-based counting (civil-ru, civil-cn, calendar): the event's day is not counted; the last day is the
 * event's local date plus the period (the same date `n` months/years later for months/years); under a civil
 * calendar a last day that is a day off moves to the next working day; the period ends at 24:00 of the last
 * day, i.e. 00:00 of the following day in the rule's zone. Working days are counted from the day after. A
 * day-only event is that day: nothing about its hour is needed.
 *
 * Exact counting from a day-only event starts at 00:00 of that day in the rule's zone: the earliest instant
 * the day allows, so the end shown is never later than the real one (safe for the buyer). Such an end is
 * only known to the day; the engine marks it so (Deadline.precision).
 */
export function periodEnd(start: number | { day: string }, period: Period, startIsEnd = false): number {
  const { value, unit, counting, zone } = period;
  const day = typeof start === 'number' ? undefined : start.day;
  const startMs = typeof start === 'number' ? start : startOfDay(start.day, zone);
  if (counting === 'exact') return period.before ? startMs - exactLength(period) : startMs + exactLength(period);
  if (period.before) throw new Error('only exact periods count backwards');
  if (counting === 'exact-from-next-midnight') {
    return startOfDay(addDays(day ?? localDay(startMs, zone), 1), zone) + exactLength(period);
  }
  const firstDay = day ?? localDay(startIsEnd ? startMs - 1 : startMs, zone);
  const calendar = calendarOf(counting);
  let last: string;
  if (unit === 'WD') {
    if (!calendar) throw new Error('working days need a civil calendar');
    last = firstDay;
    for (let counted = 0; counted < value; ) {
      last = addDays(last, 1);
      if (!isDayOff(calendar, last)) counted += 1;
    }
  } else if (unit === 'CD') {
    last = addDays(firstDay, value);
  } else if (unit === 'months' || unit === 'years') {
    last = addMonths(firstDay, unit === 'years' ? value * 12 : value);
  } else {
    throw new Error(`day-based counting cannot count ${unit}`);
  }
  if (calendar) while (isDayOff(calendar, last)) last = addDays(last, 1);
  return startOfDay(addDays(last, 1), zone);
}

/** Counted by calendar days, the period ends at 24:00 of a day: its end is known to the day, not the hour. */
export function countsWholeDays(counting: Counting): boolean {
  return counting !== 'exact';
}

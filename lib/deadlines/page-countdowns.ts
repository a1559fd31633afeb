/**
 * A page's countdowns as the deadline engine takes them: each tied to what it counts down to
 * (./countdowns.ts) and known as exactly as the page gave it (lib/readers/steady-countdowns.ts).
 */
import type { OrderFacts } from '../common/model';
import type { PageCountdownInput } from '.';
import { countdownKind } from './countdowns';
import type { Platform } from '../common/marketplaces';
import { parseDate } from '../readers/parse/dates';
import { countdownInterval } from '../readers/steady-countdowns';
import { isCalendarDay, localDay } from '../common/time';

/**
 * The countdowns the page shows that the engine knows what they count down to, with how exactly each is known:
 * a time-left countdown to its resolution (its interval's end in `endsBefore`), a date the page gives without a
 * time as that day (of the platform's zone, `zone`), anything else to the minute.
 */
export function engineCountdowns(platform: Platform, order: Pick<OrderFacts, 'countdowns'>, zone: string): PageCountdownInput[] {
  const found: PageCountdownInput[] = [];
  for (const countdown of order.countdowns ?? []) {
    const kind = countdown.endsAt ? countdownKind(platform, countdown.label) : undefined;
    if (!kind || !countdown.endsAt) continue;
    if (isCalendarDay(countdown.endsAt)) {
      found.push({ kind, endsAt: countdown.endsAt, precision: 'day' });
      continue;
    }
    const ms = Date.parse(countdown.endsAt);
    if (Number.isNaN(ms)) continue;
    const interval = countdownInterval(countdown);
    if (interval) {
      found.push({ kind, endsAt: countdown.endsAt, endsBefore: new Date(interval.before).toISOString(), precision: interval.precision });
      continue;
    }
    // "до 27 ноября": the reader stored the day's last second; the page said a day, so it is that day.
    const stated = parseDate(countdown.text, { timeZone: zone, yearless: 'future', now: new Date(ms) });
    if (stated && isCalendarDay(stated)) found.push({ kind, endsAt: localDay(ms, zone), precision: 'day' });
    else found.push({ kind, endsAt: countdown.endsAt });
  }
  return found;
}

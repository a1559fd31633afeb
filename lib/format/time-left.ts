/** "2 days 5 hours", "5 hours 12 minutes", "3 minutes": how long until a deadline, in the user's language. */
import type { Translate } from '../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The two largest units that matter, rounded down; seconds only in the last minute. */
export function timeLeft(t: Translate, ms: number): string {
  const left = Math.max(0, ms);
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  if (days >= 1) return hours ? t('checklist.time.pair', { first: t('checklist.time.days', { n: days }), second: t('checklist.time.hours', { n: hours }) }) : t('checklist.time.days', { n: days });
  if (hours >= 1) return minutes ? t('checklist.time.pair', { first: t('checklist.time.hours', { n: hours }), second: t('checklist.time.minutes', { n: minutes }) }) : t('checklist.time.hours', { n: hours });
  if (minutes >= 1) return t('checklist.time.minutes', { n: minutes });
  return t('checklist.time.seconds', { n: Math.floor(left / 1000) });
}

/** How often a countdown showing `ms` left needs to redraw: every second in the last hour, else every minute. */
export function tickInterval(ms: number): number {
  return ms < HOUR ? 1000 : MINUTE;
}

/**
 * Dates and dues written as honestly as they are known, in en, zh_CN and ru:
 * - a calendar day (an event the page gives as a day, "Order placed on: Nov 3, 2026") is that day in every
 *   zone, never shifted to the evening before and never given a time;
 * - a due known to the day ends at 24:00 of its last day in the rule's zone: "until the end of Nov 27", and
 *   "(Moscow time)" when that zone is not the user's, with no hour invented;
 * - a due known to the hour (a page countdown "12 days 5 hours") is shown to the hour, rounded down so it is
 *   never later than the real end; an exact one to the minute, in the user's zone.
 */
import type { Deadline } from '../deadlines';
import { languageTag, type Locale, type MessageKey, type Translate } from '../i18n';
import { daysBetween, localDay, offsetAt, readCaseDate, startOfDay } from '../common/time';
import { timeLeft } from './time-left';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DateFormat {
  locale: Locale;
  /** The user's IANA zone: instants are shown in it. */
  timeZone: string;
  /** Today, for leaving this year's year out ("Nov 27" rather than "Nov 27, 2026"). */
  now?: Date;
  /** Always write the year (the report, a letter). */
  withYear?: boolean;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(languageTag(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** Russian writes the month as a word in the genitive ("27 ноября"); English and Chinese use the short form. */
const monthStyle = (locale: Locale): 'long' | 'short' => (locale === 'ru' ? 'long' : 'short');

function showYear(year: number, f: DateFormat): boolean {
  return f.withYear === true || year !== Number(localDay((f.now ?? new Date()).getTime(), f.timeZone).slice(0, 4));
}

/** A calendar day as words: "Nov 27", "Nov 27, 2028", "27 ноября", "2028年11月3日". No zone can move it. */
export function formatDay(day: string, f: DateFormat): string {
  const year = Number(day.slice(0, 4));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: monthStyle(f.locale), ...(showYear(year, f) && { year: 'numeric' }) };
  // Noon UTC is the same calendar day everywhere the formatter looks (it formats in UTC anyway).
  return formatter(f.locale, options).format(new Date(`${day}T12:00:00Z`));
}

/** An instant in the user's zone, with the date: "Dec 13, 3:00 PM", "13 декабря, 15:00". */
export function formatInstant(ms: number, f: DateFormat): string {
  const year = Number(localDay(ms, f.timeZone).slice(0, 4));
  const options: Intl.DateTimeFormatOptions = {
    timeZone: f.timeZone,
    day: 'numeric',
    month: monthStyle(f.locale),
    hour: 'numeric',
    minute: '2-digit',
    ...(showYear(year, f) && { year: 'numeric' }),
  };
  return formatter(f.locale, options).format(new Date(ms));
}

/**
 * A case event's date as the page or the user gave it: a day as that day (the same "Nov 3, 2026" in New York,
 * Moscow and Shanghai), an instant in the user's zone with its time. What cannot be read is shown as written.
 */
export function formatEventDate(value: string, f: DateFormat): string {
  const date = readCaseDate(value);
  if (!date) return value;
  return 'day' in date ? formatDay(date.day, f) : formatInstant(date.ms, f);
}

const ZONE_KEYS: Record<string, MessageKey> = {
  'Europe/Moscow': 'deadline.zone.moscow',
  'Asia/Shanghai': 'deadline.zone.shanghai',
  'Europe/Brussels': 'deadline.zone.brussels',
  'Europe/London': 'deadline.zone.london',
  UTC: 'deadline.zone.utc',
};

/**
 * The name of a rule's zone as the language says it ("Moscow time", "北京时间", "по московскому времени"); a zone
 * no rule uses is named as the browser names it at that moment (summer or winter time).
 */
export function zoneName(t: Translate, zone: string, locale: Locale, atMs = Date.now()): string {
  const key = ZONE_KEYS[zone];
  if (key) return t(key);
  const part = formatter(locale, { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date(atMs)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** How a due reads: its full text, a short form for one-line headlines, and the parts the UI may lay out itself. */
export interface DueText {
  /** "until the end of Nov 27 (Moscow time)", "until Dec 13, 3:00 PM". */
  text: string;
  /** "Nov 27", "Dec 13, 3:00 PM": for "Missed: 7-day return, Nov 27". */
  short: string;
  /** The calendar day shown (YYYY-MM-DD): the last day of a day-precision due in its zone, else the user's local day. */
  day: string;
  /** The rule's zone, named, when a day is shown in a zone other than the user's. */
  zone?: string;
  /** For a day-precision due in another zone: the moment it ends in the user's own time ("Nov 27, 4:00 PM"). */
  localEnd?: string;
}

/** The due's last day, for a deadline known to the day: 24:00 of it is `dueMs`. */
function lastDay(deadline: Pick<Deadline, 'dueMs' | 'zone'>): { day: string; endOfDay: boolean } {
  const midnight = startOfDay(localDay(deadline.dueMs, deadline.zone), deadline.zone) === deadline.dueMs;
  // A day-precision due that is not at midnight (a countdown of whole days) is only known to fall on that day.
  return midnight ? { day: localDay(deadline.dueMs - 1, deadline.zone), endOfDay: true } : { day: localDay(deadline.dueMs, deadline.zone), endOfDay: false };
}

/** Rounded down to the hour of the user's clock: a countdown read to the hour never looks later than it is. */
function floorToHour(ms: number, timeZone: string): number {
  const wall = ms + offsetAt(ms, timeZone);
  return ms - (((wall % HOUR) + HOUR) % HOUR);
}

export type DueLike = Pick<Deadline, 'dueMs' | 'precision' | 'zone'> & Pick<Partial<Deadline>, 'latestMs'>;

/**
 * The moment shown for a due. Known to the hour: the hour before the interval's end, rounded down. Readings of
 * the same countdown only narrow its interval from both sides (mergeCountdowns), so this hour never moves later
 * from one to the next. Otherwise the due itself (24:00 of the last day for a day).
 */
export function shownDueMs(deadline: DueLike, timeZone: string): number {
  if (deadline.precision !== 'hour') return deadline.dueMs;
  const anchor = deadline.latestMs !== undefined ? Math.min(deadline.dueMs, deadline.latestMs - HOUR) : deadline.dueMs;
  return floorToHour(anchor, timeZone);
}

/**
 * The time left, as exactly as the due is known: "12 days 5 hours" and "5 hours" (never minutes) for a countdown
 * the page gave to the hour, "under an hour" in its last hour; otherwise to the minute, and the seconds in the
 * last minute (lib/format/time-left.ts).
 */
export function formatTimeLeft(t: Translate, deadline: DueLike, now: Date, timeZone: string): string {
  const left = shownDueMs(deadline, timeZone) - now.getTime();
  if (deadline.precision !== 'hour') return timeLeft(t, left);
  if (left < HOUR) return t('plan.time.underHour');
  return timeLeft(t, left - (left % HOUR));
}

/** The first letter in upper case, as the language writes it (a due phrase starting a line: "Until the end of …"). */
export function capitalized(text: string, locale: Locale): string {
  return text ? text.charAt(0).toLocaleUpperCase(languageTag(locale)) + text.slice(1) : text;
}

export function describeDue(t: Translate, deadline: DueLike, f: DateFormat): DueText {
  if (deadline.precision === 'day') {
    const { day, endOfDay } = lastDay(deadline);
    const dayText = formatDay(day, f);
    const base = t(endOfDay ? 'deadline.due.endOfDay' : 'deadline.due.around', { day: dayText });
    const sameZone = offsetAt(deadline.dueMs, deadline.zone) === offsetAt(deadline.dueMs, f.timeZone);
    if (sameZone) return { text: base, short: dayText, day };
    const zone = zoneName(t, deadline.zone, f.locale, deadline.dueMs);
    return { text: t('deadline.due.inZone', { due: base, zone }), short: dayText, day, zone, localEnd: formatInstant(deadline.dueMs, f) };
  }
  const ms = shownDueMs(deadline, f.timeZone);
  const time = formatInstant(ms, f);
  return { text: t('deadline.due.until', { time }), short: time, day: localDay(ms, f.timeZone) };
}

/** The due as one phrase: "until the end of Nov 27 (Moscow time)", "until Dec 13, 3:00 PM". */
export function formatDue(t: Translate, deadline: DueLike, f: DateFormat): string {
  return describeDue(t, deadline, f).text;
}

/**
 * How long ago a due passed: "4 days ago". A due known to the day counts calendar days from its last day to
 * today in its zone (the 27th, seen on the 1st, is 4 days ago), others the time elapsed.
 */
export function formatAgo(t: Translate, deadline: DueLike, now: Date): string {
  let days: number;
  if (deadline.precision === 'day') {
    days = Math.max(1, daysBetween(lastDay(deadline).day, localDay(now.getTime(), deadline.zone)));
  } else {
    const elapsed = now.getTime() - deadline.dueMs;
    if (elapsed < HOUR) return t('deadline.ago.lessThanHour');
    if (elapsed < DAY) return t('deadline.ago.hours', { n: Math.floor(elapsed / HOUR) });
    days = Math.floor(elapsed / DAY);
  }
  if (days < 60) return t('deadline.ago.days', { n: days });
  const months = Math.floor(days / 30.44);
  if (months < 24) return t('deadline.ago.months', { n: months });
  return t('deadline.ago.years', { n: Math.floor(days / 365.25) });
}

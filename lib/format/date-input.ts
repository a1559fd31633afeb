/**
 * A case date in the form fields that edit it, and back. A date is a calendar day (YYYY-MM-DD: the page or
 * the user knows only the day) or an instant; the dates editor shows it as a day field and an optional time
 * field, so a day is edited as a day (never given a midnight it did not have) and an instant as an instant, in
 * the user's own zone. Pure: the zone is a parameter.
 */
import { isCalendarDay, localDay, offsetAt, readCaseDate, toZonedIso } from '../common/time';

const MINUTE = 60_000;

/** What the two fields show: the day (YYYY-MM-DD, or '' for none) and the time (HH:MM, '' for a day). */
export interface DateFields {
  day: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time (HH:MM) of an instant in the zone. */
function wallTime(ms: number, timeZone: string): string {
  const minutes = Math.floor((((ms + offsetAt(ms, timeZone)) % 86_400_000) + 86_400_000) % 86_400_000 / MINUTE);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A stored date as the fields show it: a day with no time; an instant as its day and time in `timeZone`. */
export function dateFields(value: string | undefined, timeZone: string): DateFields {
  const date = readCaseDate(value);
  if (!date) return { day: '', time: '' };
  if ('day' in date) return { day: date.day, time: '' };
  return { day: localDay(date.ms, timeZone), time: wallTime(date.ms, timeZone) };
}

/** The instant a wall-clock time of a day has in the zone (the later one when a clock change repeats it). */
function wallToInstant(day: string, time: string, timeZone: string): number {
  const naive = Date.parse(`${day}T${time}:00Z`);
  // The zone's offset near the answer, settled once more across a clock change (as lib/common/time.ts startOfDay).
  const guess = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(guess, timeZone);
}

/**
 * What the fields say, as a case date: the day alone when no time is given (YYYY-MM-DD), else the instant in
 * `timeZone` with its offset; null when the day is empty (the date is removed); undefined for what cannot be read.
 */
export function fromDateFields(fields: DateFields, timeZone: string): string | null | undefined {
  const day = fields.day.trim();
  const time = fields.time.trim();
  if (!day) return null;
  if (!isCalendarDay(day)) return undefined;
  if (!time) return day;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return undefined;
  return toZonedIso(new Date(wallToInstant(day, time, timeZone)), timeZone);
}

/** An instant as a datetime-local field's value (YYYY-MM-DDTHH:MM) in the zone; '' for none. */
export function toDateTimeInput(value: string | undefined, timeZone: string): string {
  const { day, time } = dateFields(value, timeZone);
  return day ? `${day}T${time || '00:00'}` : '';
}

/** A datetime-local field's value (the zone's wall clock) as an instant with the zone's offset, or undefined. */
export function fromDateTimeInput(value: string, timeZone: string): string | undefined {
  const [day, time] = value.split('T');
  if (!day || !time) return undefined;
  const result = fromDateFields({ day, time: time.slice(0, 5) }, timeZone);
  return result ?? undefined;
}

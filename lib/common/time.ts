/** The user's IANA time zone, falling back to UTC where the runtime does not say. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Creating an Intl formatter costs ~0.1 ms; readers convert dozens of dates per page, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallParts(ms: number, timeZone: string): Record<string, number> {
  return Object.fromEntries(wallClock(timeZone).formatToParts(new Date(ms)).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

function exactOffset(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;
// A zone's offset over one UTC day, when it is the same at both ends of the day (no zone changes its offset
// twice within a day, so then it holds all day); null when the day has a change. A page's dates cluster in a
// few days: two Intl calls per day instead of two per date (formatToParts is the readers' costliest call).
const dayOffsets = new Map<string, number | null>();

/** The zone's offset from UTC at that instant, in milliseconds. */
export function offsetAt(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY_MS);
  const key = `${timeZone}|${day}`;
  let known = dayOffsets.get(key);
  if (known === undefined) {
    const start = exactOffset(day * DAY_MS, timeZone);
    known = start === exactOffset(day * DAY_MS + DAY_MS - 1000, timeZone) ? start : null;
    if (dayOffsets.size >= 4096) dayOffsets.clear();
    dayOffsets.set(key, known);
  }
  return known ?? exactOffset(ms, timeZone);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDay(ms: number, timeZone: string): string {
  return new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone)).toISOString().slice(0, 10);
}

const midnights = new Map<string, number>();

/** The instant of 00:00 local time on that day (the first instant of the day if a DST jump skips midnight). */
export function startOfDay(day: string, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  const known = midnights.get(key);
  if (known !== undefined) return known;
  const naive = Date.parse(`${day}T00:00:00Z`);
  let ms = naive - offsetAt(naive, timeZone);
  // The offset can differ between the naive guess and the answer across a DST change: settle on the answer's.
  ms = naive - offsetAt(ms, timeZone);
  const result = localDay(ms, timeZone) === day ? ms : ms + 3_600_000;
  if (midnights.size > 100_000) midnights.clear();
  midnights.set(key, result);
  return result;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function addDays(day: string, days: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The same day of the month `months` later; the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO 8601 wall-clock time in the zone with its offset, e.g. 2026-11-28T00:00:00+03:00 (milliseconds only if any). */
export function isoInZone(ms: number, timeZone: string): string {
  const offset = offsetAt(ms, timeZone);
  const wall = new Date(ms + offset).toISOString();
  return `${ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23)}${offsetText(offset)}`;
}

/**
 * The instant as ISO 8601 wall-clock time in `timeZone` with its UTC offset, always with milliseconds, e.g.
 * 2026-11-21T07:10:00.000+08:00: evidence states when it was taken in the user's own time as well as UTC.
 */
export function toZonedIso(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const offset = offsetAt(ms, timeZone);
  return `${new Date(ms + offset).toISOString().slice(0, 23)}${offsetText(offset)}`;
}

/** A calendar day written YYYY-MM-DD that exists (no 30 February). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A case's date as the engine reads it: a calendar day (the page or the user gave only the day; it is a day of
 * the platform's zone and never becomes an instant by itself) or an instant. Undefined for what is neither.
 */
export type CaseDate = { day: string } | { ms: number };

export function readCaseDate(value: string | undefined): CaseDate | undefined {
  if (!value) return undefined;
  if (value.length === 10) return isCalendarDay(value) ? { day: value } : undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : { ms };
}

/** The first instant a case date allows in the zone: the instant itself, or 00:00 of the day there. */
export function earliestInstant(date: CaseDate, timeZone: string): number {
  return 'day' in date ? startOfDay(date.day, timeZone) : date.ms;
}

/** The last instant (exclusive) a case date allows in the zone: the instant itself, or 24:00 of the day there. */
export function latestInstant(date: CaseDate, timeZone: string): number {
  return 'day' in date ? startOfDay(addDays(date.day, 1), timeZone) : date.ms;
}

/** The calendar day of a case date in the zone: the day itself, or the instant's local date there. */
export function dayOf(date: CaseDate, timeZone: string): string {
  return 'day' in date ? date.day : localDay(date.ms, timeZone);
}

/** Whole calendar days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

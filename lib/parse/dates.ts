/**
 * Dates as order pages write them, to ISO 8601. A date alone stays a date ("2026-11-03"); a date with a
 * time becomes a date-time with the platform zone's offset ("2026-11-03T14:42:51+08:00").
 * Formats: "2026-11-03 14:42:51", "2026/11/03", "2026年11月3日", "Nov 3, 2026", "3 Nov 2026",
 * "3 ноября 2026 г.", "3 ноября" (this year), "сегодня", "вчера", "03.11.2026".
 */
import { toZonedIso } from '../time';

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Russian genitive and nominative stems: "ноября", "ноябрь", "нояб.".
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

export interface DateContext {
  /** IANA zone the page's times are written in (Asia/Shanghai for Taobao, Europe/Moscow for Yandex Market). */
  timeZone: string;
  /** For "сегодня" and dates without a year. */
  now?: Date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The UTC offset of `timeZone` at the wall-clock time given, as "+08:00". */
function offsetAt(y: number, m: number, d: number, hh: number, mm: number, ss: number, timeZone: string): string {
  const guess = new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
  // The zone's offset at the guessed instant; one correction handles wall times near a DST change.
  const first = toZonedIso(guess, timeZone).slice(-6);
  const shifted = new Date(guess.getTime() - offsetMinutes(first) * 60000);
  return toZonedIso(shifted, timeZone).slice(-6);
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** Today's date in `timeZone`, as [y, m, d]. */
function today(context: DateContext): [number, number, number] {
  const iso = toZonedIso(context.now ?? new Date(), context.timeZone);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function build(y: number, m: number, d: number, time: RegExpExecArray | null, context: DateContext): string | undefined {
  if (!validDate(y, m, d)) return undefined;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!time) return date;
  const [hh, mm, ss] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return date;
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offsetAt(y, m, d, hh, mm, ss, context.timeZone)}`;
}

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const en = EN_MONTHS.findIndex((m) => lower.startsWith(m));
  if (en >= 0) return en + 1;
  // "мая"/"май" (May) must not be read as "марта" (March): check the longer stems first.
  if (/^ма[йя]/.test(lower)) return 5;
  const ru = RU_MONTHS.findIndex((m, i) => i !== 4 && lower.startsWith(m));
  return ru >= 0 ? ru + 1 : undefined;
}

export function parseDate(text: string | undefined, context: DateContext): string | undefined {
  if (!text) return undefined;
  const s = text.replace(/[\u00A0\u202F]/g, ' ').trim();
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
  let m: RegExpExecArray | null;

  if ((m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s))) return build(+m[1], +m[2], +m[3], time, context);
  if ((m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(s))) return build(+m[3], +m[2], +m[1], time, context);
  // "Nov 3, 2026", "November 3 2026"
  if ((m = /([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s))) {
    const month = monthIndex(m[1]);
    if (month) return build(+m[3], month, +m[2], time, context);
  }
  // "3 Nov 2026", "3 ноября 2026 г.", "3 ноября"
  if ((m = /(\d{1,2})\s+([A-Za-zА-Яа-яЁё]{3,10})\.?(?:\s+(\d{4}))?/.exec(s))) {
    const month = monthIndex(m[2]);
    if (month) {
      const [thisYear] = today(context);
      return build(m[3] ? +m[3] : thisYear, month, +m[1], time, context);
    }
  }
  const relative = /сегодня|today|今天/i.test(s) ? 0 : /вчера|yesterday|昨天/i.test(s) ? -1 : undefined;
  if (relative !== undefined) {
    const [y, mo, d] = today(context);
    const day = new Date(Date.UTC(y, mo - 1, d + relative));
    return build(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), time, context);
  }
  return undefined;
}

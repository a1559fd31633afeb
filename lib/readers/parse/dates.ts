/**
 * Dates as order pages write them, to ISO 8601. A date alone stays a date ("2026-11-03"); a date with a
 * time becomes a date-time with the platform zone's offset ("2026-11-03T14:42:51+08:00").
 * Formats: "2026-11-03 14:42:51", "2026/11/03", "2026年11月3日", "Nov 3, 2026", "Jan 5", "10:42 Mar. 05 2021",
 * "3 Nov 2026", "3 ноября 2026 г., 14:42", "3 ноября" (year worked out), "сегодня в 10:15", "вчера",
 * "03.11.2026", and AliExpress's other locales: "15 jul. 2026", "15. Juli 2026", "15 de julho de 2026",
 * "15 lip 2026", "15 Temmuz 2026", "2026년 7월 15일". The first date in the text wins; "2 марки" or "3 дня" are
 * not dates.
 */
import { toZonedIso } from '../../common/time';

export interface DateContext {
  /** IANA zone the page's times are written in (Asia/Shanghai for Taobao, Europe/Moscow for Yandex Market). */
  timeZone: string;
  /** For "сегодня" and dates without a year. */
  now?: Date;
  /**
   * What a date without a year is: 'past' (when something happened, the default: "3 ноября" read in January
   * is last year's) or 'future' (a deadline: "5 января" read in December is next year's).
   */
  yearless?: 'past' | 'future';
}

// Whole month words only (full, genitive or abbreviated), so "2 марки" is no date. "ма[йя]" is May.
const MONTHS: [RegExp, number][] = [
  [/^(?:jan(?:uary)?|янв(?:ар[яь])?)$/, 1],
  [/^(?:feb(?:ruary)?|фев(?:р|рал[яь])?)$/, 2],
  [/^(?:mar(?:ch)?|мар(?:т|та)?)$/, 3],
  [/^(?:apr(?:il)?|апр(?:ел[яь])?)$/, 4],
  [/^(?:may|ма[йя])$/, 5],
  [/^(?:june?|июн[яь]?)$/, 6],
  [/^(?:july?|июл[яь]?)$/, 7],
  [/^(?:aug(?:ust)?|авг(?:уста?)?)$/, 8],
  [/^(?:sep(?:t(?:ember)?)?|сен(?:т|тябр[яь])?)$/, 9],
  [/^(?:oct(?:ober)?|окт(?:ябр[яь])?)$/, 10],
  [/^(?:nov(?:ember)?|ноя(?:б|бр[яь])?)$/, 11],
  [/^(?:dec(?:ember)?|дек(?:абр[яь])?)$/, 12],
];

/**
 * Month words of AliExpress's other big locales (es, fr, de, pt, it, pl, nl, tr), full, genitive and
 * abbreviated: "15 jul. 2026", "15. Juli 2026", "15 de julho de 2026", "15 lip 2026", "15 Temmuz 2026".
 * Several of them are everyday words elsewhere ("out", "set", "mag", "lis", "kas"), so they make a date only
 * with its year written after them: "3 out of 5" and "1 set" stay text.
 */
const MONTHS_WITH_YEAR: [RegExp, number][] = [
  [/^(?:ene(?:ro)?|janv(?:ier)?|januar|jänner|jan(?:eiro|uari)|genn?(?:aio)?|sty(?:cz(?:eń|nia))?|ocak|oca)$/, 1],
  [/^(?:feb(?:rero|braio|ruar|ruari)?|févr?(?:ier)?|fevr?(?:ier)?|fev(?:ereiro)?|lut(?:y|ego)?|şub(?:at)?)$/, 2],
  [/^(?:marzo|mars|märz|mär|mrz|março|marzec|marca|maart|mrt|mart)$/, 3],
  [/^(?:abr(?:il)?|avr(?:il)?|aprile|kwi(?:ecień|etnia)?|nis(?:an)?)$/, 4],
  [/^(?:mayo|mai|maio|magg?(?:io)?|maj(?:a)?|mei|mayıs)$/, 5],
  [/^(?:jun(?:io|ho|i)?|juin|giu(?:gno)?|cze(?:rw(?:iec|ca))?|haz(?:iran)?)$/, 6],
  [/^(?:jul(?:io|ho|i)?|juil(?:let)?|lug(?:lio)?|lip(?:iec|ca)?|tem(?:muz)?)$/, 7],
  [/^(?:ago(?:sto)?|août|aout|august(?:us)?|sie(?:rp(?:ień|nia))?|ağu(?:stos)?)$/, 8],
  [/^(?:sep(?:tiembre)?|sept(?:embre)?|set(?:embro|tembre)?|wrz(?:esień|eśnia)?|eyl(?:ül)?)$/, 9],
  [/^(?:oct(?:ubre|obre)?|okt(?:ober)?|out(?:ubro)?|ott(?:obre)?|paź(?:dziernik|dziernika)?|eki(?:m)?)$/, 10],
  [/^(?:nov(?:iembre|embre|embro)?|lis(?:topad(?:a)?)?|kas(?:ım)?)$/, 11],
  [/^(?:dic(?:iembre|embre)?|déc(?:embre)?|dez(?:ember|embro)?|gru(?:dzień|dnia)?|ara(?:lık)?)$/, 12],
];

// Letters of the month words: Latin with its accents (é, ä, ç, ł, ş, ı …) and Cyrillic.
const WORD = '[A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё]';
const DATE_FORMS = [
  // A day or year never continues a number or a time ("10:42 Mar. 05 2021" has no day 42 or 2).
  /(?<![\d:])(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})(?:日|일)?/, // groups 1-3: 2026-11-03, 2026年11月3日
  /(?<![\d:.])(\d{1,2})\.(\d{1,2})\.(\d{4})/, // 4-6: 03.11.2026
  /(?<![A-Za-z])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?!\d)(?:,?\s+(\d{4}))?/, // 7-9: Nov 3, 2026; Jan 5
  // 10-12: 3 ноября 2026 г., 15. Juli 2026, 15 de julho de 2026, 1er juin 2026
  new RegExp(`(?<![\\d:.,])(\\d{1,2})(?:\\.\\s*|(?:er)?\\s+)(?:de\\s+)?(${WORD}{3,12})\\.?(?:,?\\s+(?:de\\s+)?(\\d{4})(?!\\d))?(?:\\s*г\\.?)?`),
  /(сегодня|вчера|today|yesterday|今天|昨天)/, // 13
];
// A time after the date: "…, 14:42", "… в 14:42", "… at 2:42", "… à 14:42", "… um 14:42", "… às 14:42".
const TIME_AFTER = /(?:[,\sT]*(?:(?:в|at|à|às|a las|um|alle|om)\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?/; // 14-16
const DATE = new RegExp(`(?:${DATE_FORMS.map((form) => `(?:${form.source})`).join('|')})${TIME_AFTER.source}`, 'gi');
const TIME_BEFORE = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The month a word names; the other locales' words (MONTHS_WITH_YEAR) only when a year follows. */
function monthOf(word: string, withYear: boolean): number | undefined {
  const lower = word.toLowerCase();
  return (MONTHS.find(([pattern]) => pattern.test(lower)) ?? (withYear ? MONTHS_WITH_YEAR.find(([pattern]) => pattern.test(lower)) : undefined))?.[1];
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** The UTC offset of `timeZone` at the wall-clock time given, as "+08:00". */
function offsetAt(y: number, m: number, d: number, hh: number, mm: number, ss: number, timeZone: string): string {
  const guess = new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
  // The zone's offset at the guessed instant; one correction handles wall times near a DST change.
  const first = toZonedIso(guess, timeZone).slice(-6);
  const shifted = new Date(guess.getTime() - offsetMinutes(first) * 60000);
  return toZonedIso(shifted, timeZone).slice(-6);
}

/** Today's date in the context's zone, as [y, m, d]. */
function today(context: DateContext): [number, number, number] {
  const iso = toZonedIso(context.now ?? new Date(), context.timeZone);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** The year of a day and month written without one. */
export function yearOf(month: number, day: number, context: DateContext): number {
  const [thisYear, thisMonth, thisDay] = today(context);
  if ((context.yearless ?? 'past') === 'past') return month * 100 + day > thisMonth * 100 + thisDay ? thisYear - 1 : thisYear;
  // A deadline more than about half a year behind today is next year's.
  return (thisMonth - month) * 31 + (thisDay - day) > 183 ? thisYear + 1 : thisYear;
}

function build(y: number, m: number, d: number, time: (string | undefined)[], context: DateContext): string | undefined {
  if (!validDate(y, m, d)) return undefined;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (time[0] === undefined) return date;
  const [hh, mm, ss] = [Number(time[0]), Number(time[1]), Number(time[2] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return date;
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offsetAt(y, m, d, hh, mm, ss, context.timeZone)}`;
}

export function parseDate(text: string | undefined, context: DateContext): string | undefined {
  if (!text) return undefined;
  const s = text.replace(/[\u00A0\u202F]/g, ' ');
  // exec by hand: a candidate that is no date ("42 Mar" in "10:42 Mar. 05 2021") must not swallow the real one.
  const pattern = new RegExp(DATE);
  for (let m = pattern.exec(s), tries = 0; m && tries < 20; m = pattern.exec(s), tries++) {
    // A time right after the date, or right before it ("10:42 Mar. 05 2021").
    const before = m[14] === undefined ? TIME_BEFORE.exec(s.slice(0, m.index)) : null;
    const time = before ? [before[1], before[2], before[3]] : [m[14], m[15], m[16]];
    let iso: string | undefined;
    if (m[1]) iso = build(+m[1], +m[2], +m[3], time, context);
    else if (m[4]) iso = build(+m[6], +m[5], +m[4], time, context);
    else if (m[7]) {
      const month = monthOf(m[7], Boolean(m[9]));
      if (month) iso = build(m[9] ? +m[9] : yearOf(month, +m[8], context), month, +m[8], time, context);
    } else if (m[10]) {
      const month = monthOf(m[11], Boolean(m[12]));
      if (month) iso = build(m[12] ? +m[12] : yearOf(month, +m[10], context), month, +m[10], time, context);
    } else if (m[13]) {
      const [y, mo, d] = today(context);
      const day = new Date(Date.UTC(y, mo - 1, d - (/вчера|yesterday|昨天/i.test(m[13]) ? 1 : 0)));
      iso = build(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), time, context);
    }
    if (iso) return iso;
    pattern.lastIndex = m.index + 1;
  }
  return undefined;
}

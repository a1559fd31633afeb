/**
 * composeLetter: a route's template in one language, filled from the case. Pure: the same facts and choices
 * give the same letter, whatever the browser's language or zone. A fact the case does not know becomes a
 * blank ("____") for the user to fill in.
 */
import { languageTag, translator, type Locale, type MessageKey } from '../i18n';
import type { Deadline } from '../deadlines';
import { periodEnd } from '../deadlines/counting';
import { localDay, readCaseDate } from '../common/time';
import type { Platform } from '../common/marketplaces';
import type { EvidenceKind, Money } from '../common/model';
import { formatMoney } from '../format/money';
import { ROUTES, type LetterDemand, type LetterProblem, type LetterRoute } from './routes';
import { LETTER_EVENTS, TEMPLATES, type LetterEvent, type LetterLanguage } from './templates';

/** What the case knows, as stored (not yet formatted: the letter's language decides how it reads). */
export interface LetterFacts {
  platform: Platform;
  orderId?: string;
  store?: string;
  items: { title: string; quantity?: number; price?: Money }[];
  total?: Money;
  /** The order's events (eventDates): ISO 8601 instants, or days (YYYY-MM-DD) when only the day is known. */
  dates: Partial<Record<string, string>>;
  evidence: { kind: EvidenceKind; sha256: string; capturedAt: string; fileName?: string }[];
  /** The case's deadlines (caseDeadlines), for routes whose answer date a platform timer sets. */
  deadlines: Deadline[];
}

export interface LetterChoices {
  problem: LetterProblem;
  demand: LetterDemand;
  /** The user's own account, added to what happened. */
  details?: string;
  /** The letter's date: periods such as the претензия's 10 days count from it. */
  date: Date;
  /** The writer's IANA zone: dates in the letter are the writer's calendar dates. */
  timeZone: string;
}

export interface Letter {
  subject: string;
  body: string;
}

// Creating an Intl formatter costs far more than using one, and a letter formats a dozen dates: keep them.
const formats = new Map<string, Intl.DateTimeFormat>();
function cached<T extends Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

// Money in a letter reads as it does on every other screen in that language.
export { formatMoney };

function formatDay(ms: number, locale: Locale, timeZone: string): string {
  return cached(`day|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'long', timeZone })).format(new Date(ms));
}

function formatDateTime(ms: number, locale: Locale, timeZone: string): string {
  return cached(`time|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone })).format(new Date(ms));
}

/** A calendar date (YYYY-MM-DD) as words, with no zone shifting it to the day before or after. */
function formatCalendarDay(day: string, locale: Locale): string {
  return formatDay(Date.parse(`${day}T12:00:00Z`), locale, 'UTC');
}

export function shortSha256(sha256: string): string {
  return `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;
}

/** The order's amount: its total, or the sum of its items when they all have a price in one currency. */
function orderAmount(facts: LetterFacts): Money | undefined {
  if (facts.total) return facts.total;
  const prices = facts.items.map((i) => i.price && { amount: i.price.amount * (i.quantity ?? 1), currency: i.price.currency });
  if (prices.length === 0 || prices.some((p) => !p) || new Set(prices.map((p) => p!.currency)).size !== 1) return undefined;
  return { amount: prices.reduce((sum, p) => sum + p!.amount, 0), currency: prices[0]!.currency };
}

export interface LetterDue {
  /** The instant by which the recipient is asked to act. */
  ms: number;
  /** Shown as a date and time (an hour-exact timer) or as a day (a period counted in days). */
  precision: 'time' | 'day';
  /** Where the date comes from: a case deadline's rule id, the route's rule, or undefined for the route's period. */
  rule?: string;
}

/**
 * By when the letter asks an answer: the nearest case deadline of the route's rules still ahead of the
 * letter's date (a platform's answer timer), else the route's period counted from the letter's date (the
 * претензия: 10 calendar days, RU-22, moved past a Russian day off as the Civil Code says).
 */
export function letterDue(route: LetterRoute, facts: Pick<LetterFacts, 'deadlines'>, choices: Pick<LetterChoices, 'date' | 'timeZone'>): LetterDue {
  const { rules, period, rule } = ROUTES[route].due;
  const from = choices.date.getTime();
  const timer = facts.deadlines.filter((d) => rules.includes(d.rule) && d.dueMs > from).sort((a, b) => a.dueMs - b.dueMs)[0];
  if (timer) return { ms: timer.dueMs, precision: 'time', rule: timer.rule };
  const zone = period.zone === 'writer' ? choices.timeZone : period.zone;
  const ms = periodEnd(from, { value: period.value, unit: period.unit, counting: period.counting, zone });
  return { ms, precision: period.counting === 'exact' ? 'time' : 'day', ...(rule && { rule }) };
}

function formatDue(due: LetterDue, route: LetterRoute, locale: Locale, writerZone: string): string {
  if (due.precision === 'time') return formatDateTime(due.ms, locale, writerZone);
  // A day-counted period ends at 24:00 of its last day, i.e. 00:00 of the next day in the rule's zone.
  const zone = ROUTES[route].due.period.zone === 'writer' ? writerZone : ROUTES[route].due.period.zone;
  return formatCalendarDay(localDay(due.ms - 1, zone), locale);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`letter template has an unknown placeholder ${whole}`);
    return values[name]!;
  });
}

/** Fills a template; a line that is only a placeholder with nothing in it (no free text, no legal basis) goes. */
function fillLines(template: string, values: Record<string, string>): string {
  return template
    .split('\n')
    .filter((line) => {
      const only = /^\{(\w+)\}$/.exec(line.trim());
      return !(only && values[only[1]!] === '');
    })
    .map((line) => fill(line, values).replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A case date as the letter states it: a day the page gave as a day is that day, an instant is the writer's date. */
function letterDate(value: string | undefined, locale: Locale, timeZone: string): string | undefined {
  const date = readCaseDate(value);
  if (!date) return undefined;
  return 'day' in date ? formatCalendarDay(date.day, locale) : formatDay(date.ms, locale, timeZone);
}

function dateLines(words: LetterLanguage, facts: LetterFacts, choices: LetterChoices, locale: Locale): string {
  // The order date is always asked for; the delivery date too when the goods came (a "not received" letter
  // never states one, nor a confirmed receipt, even one the tracking shows). Other dates only when known.
  const notReceived = choices.problem === 'not-received';
  const always: LetterEvent[] = notReceived ? ['placed'] : ['placed', 'delivered'];
  return LETTER_EVENTS.filter((e) => facts.dates[e] !== undefined || always.includes(e))
    .filter((e) => !(notReceived && (e === 'delivered' || e === 'receiptConfirmed')))
    .map((e) => fill(words.dateLine, { label: words.dateLabels[e], date: letterDate(facts.dates[e], locale, choices.timeZone) ?? words.blank }))
    .join('\n');
}

function itemLines(words: LetterLanguage, facts: LetterFacts, locale: Locale): string {
  if (facts.items.length === 0) return fill(words.itemLine, { title: words.blank, quantity: '', price: '' });
  return facts.items
    .map((item) =>
      fill(words.itemLine, {
        title: item.title.trim() || words.blank,
        quantity: item.quantity !== undefined ? fill(words.quantity, { n: String(item.quantity) }) : '',
        price: item.price ? fill(words.price, { price: formatMoney(item.price, locale) }) : '',
      }),
    )
    .join('\n');
}

function evidenceLines(words: LetterLanguage, facts: LetterFacts, locale: Locale, timeZone: string): string {
  if (facts.evidence.length === 0) return words.noEvidence;
  const t = translator(locale);
  return facts.evidence
    .map((item, i) =>
      fill(words.evidenceLine, {
        n: String(i + 1),
        kind: t(`evidenceKind.${item.kind}` as MessageKey),
        name: item.fileName ? fill(words.evidenceName, { name: item.fileName }) : '',
        hash: shortSha256(item.sha256),
        time: formatDateTime(Date.parse(item.capturedAt), locale, timeZone),
      }),
    )
    .join('\n');
}

/** The letter for a route in a language, filled from the case's facts and the user's choices. */
export function composeLetter(route: LetterRoute, locale: Locale, facts: LetterFacts, choices: LetterChoices): Letter {
  const words = TEMPLATES[locale];
  const template = words.routes[route];
  const amount = orderAmount(facts);
  const amountText = amount ? formatMoney(amount, locale) : words.blank;
  const problem = words.problems[choices.problem];
  const details = choices.details?.trim();
  const values: Record<string, string> = {
    orderId: facts.orderId?.trim() || words.blank,
    platform: translator(locale)(`platform.${facts.platform}`),
    store: facts.store?.trim() || words.blank,
    amount: amountText,
    today: formatDay(choices.date.getTime(), locale, choices.timeZone),
    due: formatDue(letterDue(route, facts, choices), route, locale, choices.timeZone),
    items: itemLines(words, facts, locale),
    dates: dateLines(words, facts, choices, locale),
    evidence: evidenceLines(words, facts, locale, choices.timeZone),
    promised: problem.promised,
    happened: problem.happened,
    details: details ? fill(words.details, { text: details }) : '',
    demand: fill(words.demands[choices.demand], { amount: amountText }),
    legal: words.legal[route]?.[choices.problem] ?? '',
    name: words.you.name,
    contact: words.you.contact,
    address: words.you.address,
  };
  return { subject: fillLines(template.subject, values), body: fillLines(template.body, values) };
}

/** computeDeadlines: the rules that apply to a case, their due instants, and the page's and user's overrides. */
import { translator } from '../i18n';
import type { MessageKey } from '../i18n';
import { RULES, ruleById } from './rules';
import type { Rule } from './rules';
import type { CountdownKind, Region } from './rules/vocabulary';
import { countsWholeDays, periodEnd } from './counting';
import type { Deadline, DeadlineInput, DuePrecision, PageCountdownInput } from './types';
import { addDays, isoInZone, localDay, readCaseDate, startOfDay, type CaseDate } from '../common/time';

/**
 * The zone for rules whose zone is "the buyer's" (AliExpress timers, card schemes). AliExpress runs one
 * global clock and shows it in the buyer's local time, so the buyer's zone is the one that makes "day 15"
 * match what the buyer sees: Moscow for Russian buyers (aliexpress.ru), Shanghai for Chinese ones. For other
 * regions the exact zone is unknown (EU and US span many), and the exact-hours timers give the same instant
 * in any zone, so UTC is shown rather than a guess.
 */
export function regionZone(region: Region | undefined): string {
  if (region === 'RU') return 'Europe/Moscow';
  if (region === 'CN') return 'Asia/Shanghai';
  return 'UTC';
}

export function ruleLabelKey(id: string): MessageKey {
  return `rule.${id}` as MessageKey;
}

const english = translator('en');

export function appliesTo(rule: Rule, input: DeadlineInput): boolean {
  if (!rule.platforms.includes(input.platform)) return false;
  if (rule.regions && !(input.region && rule.regions.includes(input.region))) return false;
  return true;
}

export function conditionsHold(rule: Rule, input: Pick<DeadlineInput, 'events'>): boolean {
  const present = rule.when?.present ?? [];
  const absent = rule.when?.absent ?? [];
  return present.every((e) => input.events[e] !== undefined) && absent.every((e) => input.events[e] === undefined);
}

/**
 * The buyer's zone: the region's, or where the platform's buyers are when no region is given. It is also the
 * zone a day-only date from the page belongs to: Asia/Shanghai for Taobao/Tmall, Europe/Moscow for Yandex
 * Market, and for AliExpress the region's zone (UTC when the region is not known; see regionZone).
 */
export function buyerZone(platform: DeadlineInput['platform'], region?: Region): string {
  if (region) return regionZone(region);
  if (platform === 'yandex-market') return 'Europe/Moscow';
  if (platform === 'taobao' || platform === 'tmall') return 'Asia/Shanghai';
  return 'UTC';
}

/** Rules without a computed date (set by the page or the user) are shown in the buyer's zone too. */
function zoneOf(rule: Rule, input: DeadlineInput): string {
  return !rule.zone || rule.zone === 'region' ? buyerZone(input.platform, input.region) : rule.zone;
}

/** Which rule a page countdown states: the first applicable rule of that kind whose conditions hold. */
function ruleForCountdown(kind: string, input: DeadlineInput): Rule | undefined {
  const candidates = RULES.filter((r) => r.countdowns?.includes(kind as CountdownKind) && appliesTo(r, input));
  return candidates.find((r) => conditionsHold(r, input)) ?? candidates[0];
}

interface Due {
  ms: number;
  setBy: Deadline['setBy'];
  precision: DuePrecision;
  latestMs?: number;
  from?: Deadline['from'];
}

/** 24:00 of a day in the zone: a due given as a day ("until 28 Dec") ends when that day does. */
const endOfDay = (day: string, zone: string) => startOfDay(addDays(day, 1), zone);

/** A day-precision due that is not at midnight (an hour-exact timer from a day) is brought back to the midnight before it. */
function dayDue(ms: number, zone: string): number {
  const midnight = startOfDay(localDay(ms, zone), zone);
  return midnight === ms ? ms : midnight;
}

/** A date the page or the user states for a rule's due, or undefined when it cannot be read. */
function statedDue(value: string, zone: string, setBy: 'page' | 'user', precision?: DuePrecision, endsBefore?: string): Due | undefined {
  const date = readCaseDate(value);
  if (!date) return undefined;
  if ('day' in date) return { ms: endOfDay(date.day, zone), setBy, precision: 'day' };
  const latest = endsBefore === undefined ? Number.NaN : Date.parse(endsBefore);
  return { ms: date.ms, setBy, precision: precision ?? 'minute', ...(latest > date.ms && { latestMs: latest }) };
}

/**
 * Every deadline of the case, soonest first. A countdown on the order page overrides the computed date of
 * the rule it states; a date the user set overrides both. Rules that start from another rule (AE-04 from the
 * end of buyer protection) start from that rule's date after its overrides. `now` is not needed to compute
 * dates (past deadlines are returned too, for the checklist to show as missed); it is part of the signature
 * so callers pass the same clock to every engine function.
 *
 * Events may be days: a period counted in days starts from that day; an exact timer starts at 00:00 of that
 * day in the rule's zone (the earliest instant the day allows, so never later than the real end) and its end
 * is marked as known to the day only.
 */
export function computeDeadlines(input: DeadlineInput, _now: Date): Deadline[] {
  // Each event's date read once (most rules look at the same few events).
  const dates = new Map<string, CaseDate>();
  for (const [event, value] of Object.entries(input.events)) {
    const date = readCaseDate(value);
    if (date) dates.set(event, date);
  }
  const fromPage = new Map<string, PageCountdownInput>();
  for (const countdown of input.pageCountdowns ?? []) {
    const rule = ruleForCountdown(countdown.kind, input);
    if (rule && readCaseDate(countdown.endsAt) && !fromPage.has(rule.id)) fromPage.set(rule.id, countdown);
  }

  const resolved = new Map<string, Due | null>();
  const resolve = (rule: Rule): Due | null => {
    if (resolved.has(rule.id)) return resolved.get(rule.id)!;
    const zone = zoneOf(rule, input);
    const user = input.userDue?.[rule.id];
    const page = fromPage.get(rule.id);
    let result: Due | null = null;
    if (user !== undefined) result = statedDue(user, zone, 'user') ?? null;
    if (!result && page) result = statedDue(page.endsAt, zone, 'page', page.precision, page.endsBefore) ?? null;
    if (!result && rule.computable && conditionsHold(rule, input)) result = computed(rule, zone) ?? null;
    resolved.set(rule.id, result);
    return result;
  };
  const computed = (rule: Rule, zone: string): Due | undefined => {
    const start = rule.start!;
    const value = rule.valueByRegion?.[input.region as Region] ?? rule.value!;
    const period = { value, unit: rule.unit!, counting: rule.counting!, zone };
    const wholeDays = countsWholeDays(rule.counting!);
    if ('events' in start) {
      // An unreadable date counts as no date (checkDeadlineInput reports it where input comes from outside).
      const event = start.events.find((e) => dates.has(e));
      if (!event) return undefined;
      const date = dates.get(event)!;
      const ms = periodEnd('day' in date ? { day: date.day } : date.ms, period);
      const precision: DuePrecision = wholeDays || 'day' in date ? 'day' : 'minute';
      return { ms: precision === 'day' ? dayDue(ms, zone) : ms, setBy: 'rule', precision, from: { event } };
    }
    const base = ruleById(start.rule);
    const baseDue = base && appliesTo(base, input) ? resolve(base) : null;
    if (!baseDue) return undefined;
    const ms = periodEnd(baseDue.ms, { ...period, before: start.before }, true);
    const precision: DuePrecision = wholeDays ? 'day' : baseDue.precision;
    if (precision === 'day') return { ms: dayDue(ms, zone), setBy: 'rule', precision, from: { rule: start.rule } };
    // A base known only as an interval (a page countdown to the hour) gives an interval too, so the derived due
    // narrows with the base's from one reading to the next instead of moving.
    const latest = baseDue.latestMs === undefined ? Number.NaN : periodEnd(baseDue.latestMs, { ...period, before: start.before }, true);
    return { ms, setBy: 'rule', precision, from: { rule: start.rule }, ...(latest > ms && { latestMs: latest }) };
  };

  const deadlines: Deadline[] = [];
  for (const rule of RULES) {
    if (!appliesTo(rule, input)) continue;
    const due = resolve(rule);
    if (!due) continue;
    const labelKey = ruleLabelKey(rule.id);
    const zone = zoneOf(rule, input);
    const deadline: Deadline = {
      rule: rule.id,
      label: english(labelKey),
      labelKey,
      due: isoInZone(due.ms, zone),
      dueMs: due.ms,
      // A date the page states or the user set is not a typical value any more: only rule-computed dates
      // carry the rule's confidence.
      confidence: due.setBy === 'rule' ? rule.confidence : 'H',
      source: due.setBy === 'page' ? `order page countdown; rule: ${rule.source}` : due.setBy === 'user' ? `set by the user; rule: ${rule.source}` : rule.source,
      setBy: due.setBy,
      effect: rule.effect,
      precision: due.precision,
      zone,
      role: rule.role,
    };
    if (due.setBy === 'page') deadline.fromPage = true;
    if (due.latestMs !== undefined) deadline.latestMs = due.latestMs;
    if (rule.metBy) deadline.metBy = rule.metBy;
    if (due.from) deadline.from = due.from;
    deadlines.push(deadline);
  }
  return deadlines.sort((a, b) => a.dueMs - b.dueMs || a.rule.localeCompare(b.rule));
}

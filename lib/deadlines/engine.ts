/** computeDeadlines: the rules that apply to a case, their due instants, and the page's and user's overrides. */
import { translator } from '../i18n';
import type { MessageKey } from '../i18n';
import { RULES, ruleById } from '../rules';
import type { Rule } from '../rules';
import type { CountdownKind, Region } from '../rules/vocabulary';
import { periodEnd } from './counting';
import type { Deadline, DeadlineInput } from './types';
import { isoInZone } from '../time';

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

function conditionsHold(rule: Rule, input: DeadlineInput): boolean {
  const present = rule.when?.present ?? [];
  const absent = rule.when?.absent ?? [];
  return present.every((e) => input.events[e] !== undefined) && absent.every((e) => input.events[e] === undefined);
}

/** The buyer's zone: the region's, or where the platform's buyers are when no region is given. */
function buyerZone(input: DeadlineInput): string {
  if (input.region) return regionZone(input.region);
  if (input.platform === 'yandex-market') return 'Europe/Moscow';
  if (input.platform === 'taobao' || input.platform === 'tmall') return 'Asia/Shanghai';
  return 'UTC';
}

/** Rules without a computed date (set by the page or the user) are shown in the buyer's zone too. */
function zoneOf(rule: Rule, input: DeadlineInput): string {
  return !rule.zone || rule.zone === 'region' ? buyerZone(input) : rule.zone;
}

/** Which rule a page countdown states: the first applicable rule of that kind whose conditions hold. */
function ruleForCountdown(kind: string, input: DeadlineInput): Rule | undefined {
  const candidates = RULES.filter((r) => r.countdowns?.includes(kind as CountdownKind) && appliesTo(r, input));
  return candidates.find((r) => conditionsHold(r, input)) ?? candidates[0];
}

/**
 * Every deadline of the case, soonest first. A countdown on the order page overrides the computed date of
 * the rule it states; a date the user set overrides both. Rules that start from another rule (AE-04 from the
 * end of buyer protection) start from that rule's date after its overrides. `now` is not needed to compute
 * dates (past deadlines are returned too, for the checklist to show as missed); it is part of the signature
 * so callers pass the same clock to every engine function.
 */
export function computeDeadlines(input: DeadlineInput, _now: Date): Deadline[] {
  const fromPage = new Map<string, number>();
  for (const countdown of input.pageCountdowns ?? []) {
    const rule = ruleForCountdown(countdown.kind, input);
    const ms = Date.parse(countdown.endsAt);
    if (rule && !Number.isNaN(ms) && !fromPage.has(rule.id)) fromPage.set(rule.id, ms);
  }

  type Due = { ms: number; setBy: Deadline['setBy'] };
  const resolved = new Map<string, Due | null>();
  const resolve = (rule: Rule): Due | null => {
    if (resolved.has(rule.id)) return resolved.get(rule.id)!;
    let result: Due | null = null;
    const user = input.userDue?.[rule.id];
    if (user !== undefined && !Number.isNaN(Date.parse(user))) result = { ms: Date.parse(user), setBy: 'user' };
    else if (fromPage.has(rule.id)) result = { ms: fromPage.get(rule.id)!, setBy: 'page' };
    else if (rule.computable && conditionsHold(rule, input)) {
      const ms = computed(rule);
      if (ms !== undefined) result = { ms, setBy: 'rule' };
    }
    resolved.set(rule.id, result);
    return result;
  };
  const computed = (rule: Rule): number | undefined => {
    const start = rule.start!;
    const value = rule.valueByRegion?.[input.region as Region] ?? rule.value!;
    const period = { value, unit: rule.unit!, counting: rule.counting!, zone: zoneOf(rule, input) };
    if ('events' in start) {
      const event = start.events.find((e) => input.events[e] !== undefined);
      const ms = event ? Date.parse(input.events[event]!) : Number.NaN;
      // An unreadable date counts as no date (checkDeadlineInput reports it where input comes from outside).
      return Number.isNaN(ms) ? undefined : periodEnd(ms, period);
    }
    const base = ruleById(start.rule);
    const baseDue = base && appliesTo(base, input) ? resolve(base) : null;
    if (!baseDue) return undefined;
    return periodEnd(baseDue.ms, { ...period, before: start.before }, true);
  };

  const deadlines: Deadline[] = [];
  for (const rule of RULES) {
    if (!appliesTo(rule, input)) continue;
    const due = resolve(rule);
    if (!due) continue;
    const labelKey = ruleLabelKey(rule.id);
    const deadline: Deadline = {
      rule: rule.id,
      label: english(labelKey),
      labelKey,
      due: isoInZone(due.ms, zoneOf(rule, input)),
      dueMs: due.ms,
      // A date the page states or the user set is not a typical value any more: only rule-computed dates
      // carry the rule's confidence.
      confidence: due.setBy === 'rule' ? rule.confidence : 'H',
      source: due.setBy === 'page' ? `order page countdown; rule: ${rule.source}` : due.setBy === 'user' ? `set by the user; rule: ${rule.source}` : rule.source,
      setBy: due.setBy,
      effect: rule.effect,
    };
    if (due.setBy === 'page') deadline.fromPage = true;
    deadlines.push(deadline);
  }
  return deadlines.sort((a, b) => a.dueMs - b.dueMs || a.rule.localeCompare(b.rule));
}

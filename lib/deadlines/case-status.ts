/**
 * What matters now for a case, in one line, the same wherever the case is shown (popup, case page, dashboard
 * row and sort, badge, notification; the dossier report states the same deadline states, neutrally):
 * - a buyer's deadline passed with nothing recorded in time or since: "Missed: 7-day return, Nov 27 (4 days
 *   ago)", with what is still open ("Still open: defect claim until the end of Nov 3, 2028");
 * - otherwise the nearest deadline still open, with its time left;
 * - otherwise the date to enter and what it would start ("Enter the delivery date: it starts the 7-day return
 *   and the defect claim").
 * Whether a buyer's window was met comes from the case: an event its rule names (a dispute opened, a claim
 * sent, a refund requested, …) or a ladder step citing the rule ticked done, before the end. Another party's
 * timer (the seller's answer, the platform's review) is never "missed": it ends. Pure.
 */
import { appliesTo, buyerZone, conditionsHold, ladderFor, type CaseEvent, type Deadline, type Region } from '.';
import { periodEnd } from './counting';
import { describeDue, formatAgo, formatDue, formatTimeLeft, type DateFormat } from '../format/deadline';
import { languageTag, LOCALES, type MessageKey, type Translate } from '../i18n';
import type { Platform } from '../common/marketplaces';
import type { CaseRecord, ContactRecord } from '../common/model';
import { caseDeadlines, deadlinesFor, eventDates, eventValues, type DeadlineSource } from './case-input';
import { RULES, type Rule } from './rules';
import { earliestInstant, localDay, readCaseDate } from '../common/time';

const DAY = 86_400_000;

/** What the case records having done: its event dates (the page's with the user's over them) and the ticked steps. */
export interface CaseActivity {
  events: Partial<Record<CaseEvent, string>>;
  /** The ladder steps the user ticked or skipped, with when (the checklist table's rows). */
  steps: readonly { stepId: string; state: 'done' | 'skipped'; at: string }[];
}

/**
 * - open: ahead, and (for a buyer's window) nothing recorded that meets it yet;
 * - met: a buyer's window with an action recorded before its end;
 * - missed: a buyer's window that passed with no such action;
 * - ended: another party's timer, a moment that opened, or a fact, once passed.
 */
export type DeadlineState = 'open' | 'met' | 'missed' | 'ended';

export type MetBy = { event: CaseEvent; at: string } | { step: string; titleKey: MessageKey; at: string };

export interface DeadlineStatus {
  deadline: Deadline;
  state: DeadlineState;
  /** For 'met': the first action recorded in time. */
  metBy?: MetBy;
  /** For 'missed': an action the rule counts was recorded after the end (something was done, late). */
  actedLater?: true;
}

const ladders = new Map<Platform, ReturnType<typeof ladderFor>>();
function ladderSteps(platform: Platform): ReturnType<typeof ladderFor> {
  let steps = ladders.get(platform);
  if (!steps) {
    steps = ladderFor(platform);
    ladders.set(platform, steps);
  }
  return steps;
}

/** The actions that count for a buyer's window: the rule's events, and ticks of the ladder steps that cite it. */
function actions(platform: Platform, deadline: Deadline, activity: CaseActivity): { at: number; by: MetBy }[] {
  const found: { at: number; by: MetBy }[] = [];
  for (const event of deadline.metBy ?? []) {
    const value = activity.events[event];
    const date = readCaseDate(value);
    // A day counts from its first instant: an action on the last day is in time.
    if (date) found.push({ at: earliestInstant(date, deadline.zone), by: { event, at: value! } });
  }
  const steps = ladderSteps(platform).filter((s) => s.rules.includes(deadline.rule));
  for (const tick of activity.steps) {
    const step = steps.find((s) => s.id === tick.stepId);
    const at = Date.parse(tick.at);
    if (step && tick.state === 'done' && !Number.isNaN(at)) found.push({ at, by: { step: step.id, titleKey: step.titleKey, at: tick.at } });
  }
  return found.sort((a, b) => a.at - b.at);
}

export function deadlineStatus(platform: Platform, deadline: Deadline, activity: CaseActivity, now: Date): DeadlineStatus {
  const passed = deadline.dueMs <= now.getTime();
  if (deadline.role !== 'buyer') return { deadline, state: passed ? 'ended' : 'open' };
  const done = actions(platform, deadline, activity);
  const inTime = done.find((a) => a.at < deadline.dueMs);
  if (inTime) return { deadline, state: 'met', metBy: inTime.by };
  if (!passed) return { deadline, state: 'open' };
  return done.length ? { deadline, state: 'missed', actedLater: true } : { deadline, state: 'missed' };
}

export function deadlineStatuses(platform: Platform, deadlines: Deadline[], activity: CaseActivity, now: Date): DeadlineStatus[] {
  return deadlines.map((d) => deadlineStatus(platform, d, activity, now));
}

/** The buyer's deadlines that passed with nothing done about them, in time or since; the most recent first. */
export function missedUnacted(statuses: DeadlineStatus[]): Deadline[] {
  return statuses
    .filter((s) => s.state === 'missed' && !s.actedLater)
    .map((s) => s.deadline)
    .sort((a, b) => b.dueMs - a.dueMs);
}

/** How long after a missed deadline the badge keeps its mark and the notification may still be sent. */
export const RECENTLY_MISSED_DAYS = 7;

/** Missed with nothing done, within the last `days` days: what the badge marks. */
export function recentlyMissed(statuses: DeadlineStatus[], now: Date, days = RECENTLY_MISSED_DAYS): Deadline[] {
  return missedUnacted(statuses).filter((d) => now.getTime() - d.dueMs <= days * DAY);
}

/** The events a user can look up and enter, which start buyers' windows (not actions the user takes). */
export const FACT_EVENTS: readonly CaseEvent[] = ['delivered', 'shipped', 'paid', 'placed', 'receiptConfirmed', 'completed', 'expectedDelivery', 'paymentDate'];

export interface DateToEnter {
  event: CaseEvent;
  /** The buyer's deadlines entering it would start: statutes and platform rules first, then soonest first. */
  rules: string[];
}

/**
 * The date missing from the case that would start the most buyer's deadlines (delivered first on a tie), or
 * undefined when no missing date would start any.
 */
export function dateToEnter(input: { platform: Platform; region?: Region; events: Partial<Record<CaseEvent, string>> }, now: Date): DateToEnter | undefined {
  const zone = buyerZone(input.platform, input.region);
  const today = localDay(now.getTime(), zone);
  // The answer depends on the marketplace, the region, which events are recorded (their presence, not their
  // dates: conditions read only whether an event is known) and today: the same for most cases of a list, so
  // the dashboard's 10,000 rows work it out a few times, not 10,000 (it counts working days for each rule).
  const recorded = Object.keys(input.events).filter((e) => input.events[e as CaseEvent] !== undefined);
  const key = `${input.platform}|${input.region ?? ''}|${today}|${recorded.sort().join(',')}`;
  if (enterMemo.has(key)) return enterMemo.get(key);
  const answer = findDateToEnter(input, zone, today);
  if (enterMemo.size > 1000) enterMemo.clear();
  enterMemo.set(key, answer);
  return answer;
}

const enterMemo = new Map<string, DateToEnter | undefined>();

function findDateToEnter(input: { platform: Platform; region?: Region; events: Partial<Record<CaseEvent, string>> }, zone: string, today: string): DateToEnter | undefined {
  let best: { event: CaseEvent; rules: Rule[] } | undefined;
  for (const event of FACT_EVENTS) {
    if (input.events[event] !== undefined) continue;
    const events = { ...input.events, [event]: today };
    const starts = RULES.filter((r) => r.role === 'buyer' && r.computable && r.start && 'events' in r.start && r.start.events.includes(event))
      .filter((r) => appliesTo(r, input) && conditionsHold(r, { events }))
      // Only what this date would start: a rule another recorded event already starts is counted already.
      .filter((r) => !(r.start as { events: CaseEvent[] }).events.some((e) => e !== event && input.events[e] !== undefined));
    if (starts.length && (!best || starts.length > best.rules.length)) best = { event, rules: starts };
  }
  if (!best) return undefined;
  // Statutes and the platform's own rules first (confidence H, then M, then typical values), then the soonest
  // (counted from today: only the order matters).
  const rank = { H: 0, M: 1, L: 2 } as const;
  const endOf = (r: Rule) =>
    periodEnd({ day: today }, { value: r.valueByRegion?.[input.region as Region] ?? r.value!, unit: r.unit!, counting: r.counting!, zone: r.zone === 'region' || !r.zone ? zone : r.zone });
  const rules = best.rules
    .map((r) => ({ r, end: endOf(r) }))
    .sort((a, b) => rank[a.r.confidence] - rank[b.r.confidence] || a.end - b.end || a.r.id.localeCompare(b.r.id))
    .map(({ r }) => r.id);
  return { event: best.event, rules };
}

export type Headline =
  | { kind: 'closed'; state: 'resolved' | 'closed' }
  | { kind: 'missed'; deadline: Deadline; stillOpen?: Deadline }
  | { kind: 'open'; deadline: Deadline }
  | { kind: 'enterDate'; event: CaseEvent; rules: string[] }
  | { kind: 'nothing' };

export interface HeadlineInput {
  platform: Platform;
  region?: Region;
  state: CaseRecord['state'];
  deadlines: Deadline[];
  activity: CaseActivity;
}

/** The nearest deadline still open: a buyer's window first when `buyerFirst` (what the buyer can still do). */
function nearestOpen(statuses: DeadlineStatus[], buyerFirst: boolean): Deadline | undefined {
  const open = statuses.filter((s) => s.state === 'open').map((s) => s.deadline).sort((a, b) => a.dueMs - b.dueMs);
  return (buyerFirst ? open.find((d) => d.role === 'buyer') : undefined) ?? open[0];
}

/** The one thing that matters now for a case (see the module comment). */
export function caseHeadline(input: HeadlineInput, now: Date): Headline {
  if (input.state !== 'open') return { kind: 'closed', state: input.state };
  const statuses = deadlineStatuses(input.platform, input.deadlines, input.activity, now);
  const [missed] = missedUnacted(statuses);
  if (missed) {
    const stillOpen = nearestOpen(statuses, true);
    return stillOpen ? { kind: 'missed', deadline: missed, stillOpen } : { kind: 'missed', deadline: missed };
  }
  const open = nearestOpen(statuses, false);
  if (open) return { kind: 'open', deadline: open };
  const enter = dateToEnter({ platform: input.platform, ...(input.region && { region: input.region }), events: input.activity.events }, now);
  return enter ? { kind: 'enterDate', ...enter } : { kind: 'nothing' };
}

/** A rule's short name for a sentence ("7-day return"); its label when it has none. */
export function ruleName(t: Translate, deadline: Pick<Deadline, 'rule' | 'labelKey'>): string {
  const key = `deadline.name.${deadline.rule}`;
  return key in LOCALES.en ? t(key as MessageKey) : t(deadline.labelKey);
}

const ruleNameOf = (t: Translate, rule: string) => ruleName(t, { rule, labelKey: `rule.${rule}` as MessageKey });

export interface HeadlineText {
  /** The one line: "Missed: …", "4 days left: …", "Enter the delivery date: …". */
  line: string;
  /** With a missed deadline: what is still open, when anything is. */
  stillOpen?: string;
}

/** The headline in the user's language, dates written as they are known (lib/format/deadline.ts). */
export function headlineText(t: Translate, headline: Headline, f: DateFormat & { now: Date }): HeadlineText {
  switch (headline.kind) {
    case 'closed':
      return { line: t(headline.state === 'resolved' ? 'deadline.headline.resolved' : 'deadline.headline.closed') };
    case 'nothing':
      return { line: t('deadline.headline.nothing') };
    case 'open': {
      const d = headline.deadline;
      return { line: t('deadline.headline.open', { left: formatTimeLeft(t, d, f.now, f.timeZone), name: ruleName(t, d), due: formatDue(t, d, f) }) };
    }
    case 'missed': {
      const d = headline.deadline;
      const line = t('deadline.headline.missed', { name: ruleName(t, d), day: describeDue(t, d, f).short, ago: formatAgo(t, d, f.now) });
      const open = headline.stillOpen;
      return open ? { line, stillOpen: t('deadline.headline.stillOpen', { name: ruleName(t, open), due: formatDue(t, open, f) }) } : { line };
    }
    case 'enterDate': {
      const shown = headline.rules.slice(0, 2).map((rule) => t('deadline.headline.ruleInList', { name: ruleNameOf(t, rule) }));
      const more = headline.rules.length - shown.length;
      if (more > 0) shown.push(t('deadline.headline.more', { n: more }));
      const rules = new Intl.ListFormat(languageTag(f.locale), { type: 'conjunction' }).format(shown);
      return { line: t('deadline.headline.enterDate', { date: t(`deadline.enter.${headline.event}` as MessageKey), rules, n: headline.rules.length }) };
    }
  }
}

/** A case as the dashboard sorts it. */
export interface UrgencyRow {
  id: string;
  updatedAt: string;
  headline: Headline;
}

/** 0: a buyer's deadline missed (most recent first); 1: a deadline open (soonest first); 2: the rest (last updated first). */
function urgency(headline: Headline): [group: number, key: number] {
  if (headline.kind === 'missed') return [0, -headline.deadline.dueMs];
  if (headline.kind === 'open') return [1, headline.deadline.dueMs];
  return [2, 0];
}

/**
 * The dashboard's order: open cases with a buyer's deadline missed and nothing done first (the most recent
 * miss first), then open cases by their nearest open deadline, then every other case by last update.
 */
export function compareByUrgency(a: UrgencyRow, b: UrgencyRow): number {
  const [ga, ka] = urgency(a.headline);
  const [gb, kb] = urgency(b.headline);
  if (ga !== gb) return ga - gb;
  if (ga < 2) return ka - kb || a.id.localeCompare(b.id);
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

/**
 * The same order as one key that sorts ascending (an IndexedDB key: arrays compare item by item), for the
 * dashboard's stored ranks (lib/cases/case-ranks.ts): [group, key within the group, case id]. The last
 * update is a millisecond count negated, so later sorts first as in compareByUrgency; ids compare as
 * IndexedDB compares strings (by code unit), which localeCompare matches for the ids DisputeKit makes
 * (`platform:orderId`, ASCII).
 */
export function urgencyKey(row: UrgencyRow): [group: number, key: number, id: string] {
  const [group, key] = urgency(row.headline);
  return [group, group < 2 ? key : -Date.parse(row.updatedAt) || 0, row.id];
}

/** What a stored case records having done: its effective event dates and its checklist ticks. */
export function caseActivity(record: Pick<CaseRecord, 'order' | 'dates'>, steps: CaseActivity['steps']): CaseActivity {
  return { events: eventValues(eventDates(record.order, record.dates)), steps };
}

/** A stored case's deadlines, their states and its headline, from the rows the database holds for it. */
export function caseStatus(record: CaseRecord, contacts: ContactRecord[], steps: CaseActivity['steps'], now: Date): { deadlines: Deadline[]; statuses: DeadlineStatus[]; headline: Headline } {
  const deadlines = caseDeadlines(record, contacts, now);
  const activity = caseActivity(record, steps);
  return {
    deadlines,
    statuses: deadlineStatuses(record.platform, deadlines, activity, now),
    headline: caseHeadline({ platform: record.platform, state: record.state, deadlines, activity }, now),
  };
}

/**
 * The same for an order as the popup or the case page has it (read from the page, with what the case stored):
 * its deadlines, their states and its headline. `state` is the case's (open when there is no case yet).
 */
export function orderStatus(
  source: DeadlineSource & { state?: CaseRecord['state']; steps?: CaseActivity['steps'] },
  now: Date,
): { deadlines: Deadline[]; statuses: DeadlineStatus[]; headline: Headline } {
  const deadlines = deadlinesFor(source, now);
  const activity: CaseActivity = { events: eventValues(eventDates(source.order, source.userDates)), steps: source.steps ?? [] };
  return {
    deadlines,
    statuses: deadlineStatuses(source.platform, deadlines, activity, now),
    headline: caseHeadline({ platform: source.platform, ...(source.region && { region: source.region }), state: source.state ?? 'open', deadlines, activity }, now),
  };
}

/** The deadline engine's public types (see lib/deadlines/index.ts for the functions). */
import type { MessageKey } from '../i18n';
import type { CaseEvent, Confidence, EvidenceKind, Platform, Region, RuleRole } from './rules/vocabulary';

/**
 * How exactly a due is known, so it is shown honestly:
 * - day: it ends at 24:00 of a day (periods counted in days, dates the page gives as a day, exact timers
 *   started from a day-only event); show the day, never a time of day;
 * - hour: a page countdown read to the hour ("12 days 5 hours"): the end lies within the hour after `dueMs`;
 * - minute: an exact instant (a timer from an event with its time, a countdown to the minute).
 */
export type DuePrecision = 'day' | 'hour' | 'minute';

/** A countdown the order page shows, as the engine takes it. */
export interface PageCountdownInput {
  /** As countdownKind() names it. */
  kind: string;
  /** When it ends: an instant, or a day (YYYY-MM-DD: "until 28 Dec", the end of that day in the rule's zone). */
  endsAt: string;
  /** For a countdown the page truncates ("5 hours" is 5 h to just under 6 h): it ends before this instant. */
  endsBefore?: string;
  /** How exactly the page gave it (default: to the minute for an instant, to the day for a day). */
  precision?: DuePrecision;
}

export interface DeadlineInput {
  platform: Platform;
  region?: Region;
  /**
   * When each event happened: an ISO 8601 instant (with an offset or Z), or a calendar day YYYY-MM-DD when only
   * the day is known (a day of the platform's zone, never midnight UTC).
   */
  events: Partial<Record<CaseEvent, string>>;
  /** Countdowns read off the order page. */
  pageCountdowns?: PageCountdownInput[];
  /** Dates the user set by hand, by rule id (an instant, or a day: until 24:00 of it); they win over the page and the rules. */
  userDue?: Partial<Record<string, string>>;
}

export interface Deadline {
  /** The rule id, e.g. "AE-07". */
  rule: string;
  /** English label (for the CLI and logs); show labelKey translated. */
  label: string;
  labelKey: MessageKey;
  /** ISO 8601 with the offset of the rule's time zone. */
  due: string;
  dueMs: number;
  /** L is shown as "typical", never as certain. */
  confidence: Confidence;
  source: string;
  setBy: 'rule' | 'page' | 'user';
  fromPage?: true;
  /** What happens when it passes (English). */
  effect?: string;
  /** How exactly `dueMs` is known. With 'day', `dueMs` is 24:00 (00:00 of the next day) of the last day in `zone`. */
  precision: DuePrecision;
  /** The IANA zone the rule counts in (and whose day a day-precision due is). */
  zone: string;
  /** For a page countdown known to the hour: the end lies in [dueMs, latestMs). */
  latestMs?: number;
  /** Whose deadline it is: a buyer's window, another party's timer, a moment something opens (RULE_ROLES). */
  role: RuleRole;
  /** For a buyer's window: the case events that meet it when recorded before it ends. */
  metBy?: readonly CaseEvent[];
  /** What a rule-computed date is counted from: an event of the case, or another rule's end. */
  from?: { event: CaseEvent } | { rule: string };
}

export type StepState = 'done' | 'next' | 'upcoming' | 'skipped';

export interface ChecklistInput {
  events: Partial<Record<CaseEvent, string>>;
  /** What the user ticked or skipped, by step id. */
  done: Record<string, 'done' | 'skipped'>;
  now: Date;
  /** computeDeadlines' result, so each step can show its deadlines. */
  deadlines: Deadline[];
}

export interface ChecklistStep {
  id: string;
  state: StepState;
  titleKey: MessageKey;
  /** What to do at this step. */
  todoKey: MessageKey;
  /** The condition to move on to the next step. */
  moveOnKey: MessageKey;
  evidence: readonly EvidenceKind[];
  rules: readonly string[];
  /** The ready-to-copy message for this step, when it has one (fill it with stepMessage()). */
  messageKey?: MessageKey;
  /** The deadlines of this step's rules, soonest first. */
  deadlines: Deadline[];
  /** True when the state comes from a case event rather than the user's tick. */
  doneByEvent?: true;
}

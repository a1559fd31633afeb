/** The deadline engine's public types (see lib/deadlines/index.ts for the functions). */
import type { MessageKey } from '../i18n';
import type { CaseEvent, Confidence, EvidenceKind, Platform, Region } from '../rules/vocabulary';

export interface DeadlineInput {
  platform: Platform;
  region?: Region;
  /** When each event happened, ISO 8601 (with an offset or Z). */
  events: Partial<Record<CaseEvent, string>>;
  /** Countdowns read off the order page; `kind` as countdownKind() names it. */
  pageCountdowns?: { kind: string; endsAt: string }[];
  /** Dates the user set by hand, by rule id; they win over the page and the rules. */
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

/** The escalation ladder of a platform and where a case stands on it. */
import { translator } from '../i18n';
import type { Locale, MessageKey } from '../i18n';
import type { Platform } from '../common/marketplaces';
import { ladderOf, ruleById } from './rules';
import type { Ladder } from './rules';
import type { ChecklistInput, ChecklistStep } from './types';

export interface LadderStep {
  id: string;
  titleKey: MessageKey;
  todoKey: MessageKey;
  moveOnKey: MessageKey;
  evidence: Ladder['steps'][number]['evidence'];
  /** The rules this step cites, only those that apply to the platform (TB-08 only on Tmall). */
  rules: string[];
  messageKey?: MessageKey;
  doneWhen?: Ladder['steps'][number]['doneWhen'];
}

const key = (ladder: string, step: string, part: string) => `ladder.${ladder}.${step}.${part}` as MessageKey;

/** The platform's ladder, in order. */
export function ladderFor(platform: Platform): LadderStep[] {
  const ladder = ladderOf(platform);
  return ladder.steps.map((step) => ({
    id: step.id,
    titleKey: key(ladder.id, step.id, 'title'),
    todoKey: key(ladder.id, step.id, 'todo'),
    moveOnKey: key(ladder.id, step.id, 'moveOn'),
    evidence: step.evidence,
    rules: step.rules.filter((id) => ruleById(id)?.platforms.includes(platform)),
    ...(step.message && { messageKey: key(ladder.id, step.id, 'message') }),
    ...(step.doneWhen && { doneWhen: step.doneWhen }),
  }));
}

/**
 * Each step's state: done (ticked by the user, or implied by a case event such as a dispute being opened),
 * skipped (the user chose to skip it), next (the first step neither done nor skipped), upcoming (the rest).
 * A step the user ticked or skipped keeps that state even if an event would imply otherwise.
 */
export function checklistFor(platform: Platform, { events, done, deadlines }: ChecklistInput): ChecklistStep[] {
  let nextGiven = false;
  return ladderFor(platform).map((step) => {
    const byEvent = !done[step.id] && (step.doneWhen ?? []).some((e) => events[e] !== undefined);
    let state: ChecklistStep['state'];
    if (done[step.id] === 'done' || byEvent) state = 'done';
    else if (done[step.id] === 'skipped') state = 'skipped';
    else if (!nextGiven) {
      state = 'next';
      nextGiven = true;
    } else state = 'upcoming';
    const result: ChecklistStep = {
      id: step.id,
      state,
      titleKey: step.titleKey,
      todoKey: step.todoKey,
      moveOnKey: step.moveOnKey,
      evidence: step.evidence,
      rules: step.rules,
      deadlines: deadlines.filter((d) => step.rules.includes(d.rule)),
    };
    if (step.messageKey) result.messageKey = step.messageKey;
    if (byEvent) result.doneByEvent = true;
    return result;
  });
}

/** What a message can say about the case; anything missing is left as a blank for the user to fill in. */
export interface CaseFacts {
  orderId?: string;
  store?: string;
  /** Already formatted with its currency, e.g. "36.80 USD" or "¥128.00". */
  amount?: string;
  /** Dates already formatted for the reader (formatDate of the UI's locale). */
  orderDate?: string;
  deliveredDate?: string;
  /** The next deadline of the step, formatted. */
  due?: string;
}

const PLACEHOLDERS = ['orderId', 'store', 'amount', 'orderDate', 'deliveredDate', 'due'] as const;

/** The step's ready-to-copy message in the locale, filled with the case's facts ("____" where unknown). */
export function stepMessage(locale: Locale, messageKey: MessageKey, facts: CaseFacts): string {
  const params = Object.fromEntries(PLACEHOLDERS.map((p) => [p, facts[p]?.trim() || '____']));
  return translator(locale)(messageKey, params);
}

/**
 * The deadline engine's public API. The popup checklist, countdown, badge and notifications call only these.
 * Rules and ladders are data in lib/deadlines/rules (../shared/docs/dispute-rules.md); counting is in counting.ts.
 */
export { CASE_EVENTS, EVIDENCE_KINDS } from './rules/vocabulary';
export type { CaseEvent, Region } from './rules/vocabulary';
export type { ChecklistStep, Deadline, DeadlineInput, PageCountdownInput } from './types';
export { appliesTo, buyerZone, computeDeadlines, conditionsHold, ruleLabelKey } from './engine';
export { countdownKind } from './countdowns';
export { checklistFor, ladderFor, stepMessage } from './checklist';
export type { CaseFacts } from './checklist';
export { checkDeadlineInput } from './input';

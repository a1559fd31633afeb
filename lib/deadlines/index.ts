/**
 * The deadline engine's public API. The popup checklist, countdown, badge and notifications call only these.
 * Rules and ladders are data in lib/deadlines/rules (../shared/docs/dispute-rules.md); counting is in counting.ts.
 */
export { CASE_EVENTS, COUNTDOWN_KINDS, EVIDENCE_KINDS, REGIONS, RULE_ROLES } from './rules/vocabulary';
export type { CaseEvent, Confidence, CountdownKind, EvidenceKind, Region, RuleRole } from './rules/vocabulary';
export type { ChecklistInput, ChecklistStep, Deadline, DeadlineInput, DuePrecision, PageCountdownInput, StepState } from './types';
export { appliesTo, buyerZone, computeDeadlines, conditionsHold, regionZone, ruleLabelKey } from './engine';
export { countdownKind } from './countdowns';
export { checklistFor, ladderFor, stepMessage } from './checklist';
export type { CaseFacts, LadderStep } from './checklist';
export { checkDeadlineInput } from './input';

/**
 * The deadline engine's public API. The popup checklist, countdown, badge and notifications call only these.
 * Rules and ladders are data in lib/rules (../shared/docs/dispute-rules.md); counting is in counting.ts.
 */
export { CASE_EVENTS, COUNTDOWN_KINDS, EVIDENCE_KINDS, REGIONS } from '../rules/vocabulary';
export type { CaseEvent, Confidence, CountdownKind, EvidenceKind, Region } from '../rules/vocabulary';
export type { ChecklistInput, ChecklistStep, Deadline, DeadlineInput, StepState } from './types';
export { computeDeadlines, regionZone, ruleLabelKey } from './engine';
export { countdownKind } from './countdowns';
export { checklistFor, ladderFor, stepMessage } from './checklist';
export type { CaseFacts, LadderStep } from './checklist';
export { checkDeadlineInput } from './input';

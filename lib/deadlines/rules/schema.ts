/** The shape of rules and ladders, checked with zod when lib/deadlines/rules loads (a mistake in the data throws). */
import { z } from 'zod';
import { PLATFORMS } from '../../common/marketplaces';
import { CASE_EVENTS, CONFIDENCES, COUNTDOWN_KINDS, EVIDENCE_KINDS, REGIONS, RULE_ROLES, UNITS } from './vocabulary';

const RULE_ID = /^[A-Z]{2}-[0-9A-Za-z]+$/;

/**
 * How a period is counted:
 * - exact: platform timers, `value` days of exactly 24 h (or hours) from the event instant;
 * - exact-from-next-midnight: as exact, from 00:00 of the day after the event in the rule's zone (TB-01);
 * - civil-ru: ГК РФ arts. 191–193 (day after the event; a last non-working day moves to the next working day);
 * - civil-cn: 民法典 arts. 201–203 (start day not counted; a last rest day or holiday moves to the next day;
 *   WD skip rest days and holidays);
 * - calendar: day after the event, end of the last day, no holiday shift (EU/UK statutes, card schemes).
 */
export const COUNTINGS = ['exact', 'exact-from-next-midnight', 'civil-ru', 'civil-cn', 'calendar'] as const;
export type Counting = (typeof COUNTINGS)[number];

/**
 * What starts a computable rule: the first of `events` the case has, or the effective due time of another
 * rule (after page and user overrides), optionally counted backwards ("ask 7 days before the end").
 */
const StartSchema = z.union([
  z.object({ events: z.array(z.enum(CASE_EVENTS)).min(1) }).strict(),
  z.object({ rule: z.string().regex(RULE_ID), before: z.boolean().optional() }).strict(),
]);

export const RuleSchema = z
  .object({
    id: z.string().regex(RULE_ID),
    /** Which platforms' cases it applies to; `regions` narrows it to buyers in those regions. */
    platforms: z.array(z.enum(PLATFORMS)).min(1),
    regions: z.array(z.enum(REGIONS)).optional(),
    /** The value as the doc gives it (for display and audits). */
    valueText: z.string().min(1),
    /** The value the engine counts with; where the doc gives a range, the conservative end. */
    value: z.number().nonnegative().nullable(),
    unit: z.enum(UNITS).nullable(),
    /** A different value for buyers in a region (AE-02: 90 days for Russia). */
    valueByRegion: z.partialRecord(z.enum(REGIONS), z.number().nonnegative()).optional(),
    /** The start event as the doc words it. */
    startText: z.string(),
    effect: z.string(),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCES),
    computable: z.boolean(),
    /** Why a rule has no computed date (the ladder still cites it; the user may set one). */
    notComputable: z.string().optional(),
    start: StartSchema.optional(),
    counting: z.enum(COUNTINGS).optional(),
    /** IANA zone, or "region" for the buyer's zone (AliExpress, card schemes). */
    zone: z.string().optional(),
    /** Applies only when these events are present / absent (TB-04 before shipping, TB-05 after). */
    when: z.object({ present: z.array(z.enum(CASE_EVENTS)).optional(), absent: z.array(z.enum(CASE_EVENTS)).optional() }).strict().optional(),
    /** Page countdowns that state this rule's deadline. */
    countdowns: z.array(z.enum(COUNTDOWN_KINDS)).optional(),
    /** Whose deadline it is (lib/deadlines/rules/vocabulary.ts RULE_ROLES): what its passing means. */
    role: z.enum(RULE_ROLES),
    /**
     * For a buyer's window: the case events that meet it when recorded before it ends (a dispute opened, a
     * claim sent, …). A ladder step that cites the rule, ticked done before the end, meets it too.
     */
    metBy: z.array(z.enum(CASE_EVENTS)).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.computable) {
      for (const field of ['value', 'unit', 'start', 'counting', 'zone'] as const) {
        if (rule[field] === undefined || rule[field] === null) ctx.addIssue({ code: 'custom', message: `${rule.id}: computable rule needs ${field}` });
      }
    } else if (!rule.notComputable) {
      ctx.addIssue({ code: 'custom', message: `${rule.id}: say why it is not computable` });
    }
    if (rule.metBy && rule.role !== 'buyer') ctx.addIssue({ code: 'custom', message: `${rule.id}: only a buyer's window is met by events` });
    if (rule.role === 'fact' && (rule.computable || rule.countdowns)) ctx.addIssue({ code: 'custom', message: `${rule.id}: a fact has no date` });
    if (rule.unit === 'WD' && rule.counting !== undefined && rule.counting !== 'civil-cn' && rule.counting !== 'civil-ru') {
      ctx.addIssue({ code: 'custom', message: `${rule.id}: working days need a civil calendar` });
    }
  });
export type Rule = z.infer<typeof RuleSchema>;

export const StepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    evidence: z.array(z.enum(EVIDENCE_KINDS)),
    rules: z.array(z.string().regex(RULE_ID)),
    /** The step counts as done once the case has one of these events (a dispute was opened, …). */
    doneWhen: z.array(z.enum(CASE_EVENTS)).optional(),
    /** The step has a ready-to-copy message. */
    message: z.boolean(),
  })
  .strict();

export const LadderSchema = z
  .object({
    /** Also the prefix of the step's message keys: "ladder.<id>.<step>.title". */
    id: z.enum(['aliexpress', 'taobao', 'yandex-market']),
    platforms: z.array(z.enum(PLATFORMS)).min(1),
    steps: z.array(StepSchema).min(2),
  })
  .strict();
export type Ladder = z.infer<typeof LadderSchema>;

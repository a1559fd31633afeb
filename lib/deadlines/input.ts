/** Checks a deadline input (from a case or a CASE.json) and says clearly what is wrong with it. */
import { z } from 'zod';
import { PLATFORMS } from '../common/marketplaces';
import { RULES, ruleById } from './rules';
import { CASE_EVENTS, COUNTDOWN_KINDS, REGIONS } from './rules/vocabulary';
import type { CountdownKind } from './rules/vocabulary';
import { countdownKind } from './countdowns';
import type { DeadlineInput, PageCountdownInput } from './types';
import { isCalendarDay } from '../common/time';

/** ISO 8601 with a time and an offset (or Z): a local time without one would be read in the wrong zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string()
  .refine((s) => ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s)), { message: 'not an ISO 8601 date-time with an offset (e.g. 2026-11-20T10:00:00+03:00)' });
/** A date-time with its offset, or a calendar day when only the day is known (a day of the platform's zone). */
const instantOrDay = z
  .string()
  .refine((s) => isCalendarDay(s) || (ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s))), {
    message: 'not an ISO 8601 date-time with an offset, nor a day (e.g. 2026-11-20T10:00:00+03:00 or 2026-11-20)',
  });

const InputSchema = z
  .object({
    platform: z.enum(PLATFORMS, { message: `unknown platform (one of ${PLATFORMS.join(', ')})` }),
    region: z.enum(REGIONS, { message: `unknown region (one of ${REGIONS.join(', ')})` }).optional(),
    events: z.record(z.string(), instantOrDay).superRefine((events, ctx) => {
      for (const name of Object.keys(events)) {
        if (!(CASE_EVENTS as readonly string[]).includes(name)) ctx.addIssue({ code: 'custom', path: [name], message: `unknown event (one of ${CASE_EVENTS.join(', ')})` });
      }
    }),
    pageCountdowns: z
      .array(z.object({ kind: z.string().min(1), endsAt: instantOrDay, endsBefore: instant.optional(), precision: z.enum(['day', 'hour', 'minute']).optional() }).strict())
      .optional(),
    userDue: z.record(z.string(), instantOrDay).optional(),
  })
  .strict();

export type InputCheck = { ok: true; input: DeadlineInput } | { ok: false; error: string };

/**
 * Validates an input. A countdown's kind may also be the label the page showed ("确认收货 剩余…"), which is
 * turned into its kind here; a kind that names nothing the engine knows is an error.
 */
export function checkDeadlineInput(value: unknown): InputCheck {
  const parsed = InputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'input';
    return { ok: false, error: `${where}: ${issue.message}` };
  }
  const data = parsed.data;
  const countdowns: PageCountdownInput[] = [];
  for (const [i, c] of (data.pageCountdowns ?? []).entries()) {
    const kind = (COUNTDOWN_KINDS as readonly string[]).includes(c.kind) ? c.kind : countdownKind(data.platform, c.kind);
    if (!kind) return { ok: false, error: `pageCountdowns.${i}.kind: unknown countdown kind "${c.kind}" (one of ${COUNTDOWN_KINDS.join(', ')})` };
    if (!RULES.some((r) => r.countdowns?.includes(kind as CountdownKind) && r.platforms.includes(data.platform))) {
      return { ok: false, error: `pageCountdowns.${i}.kind: "${kind}" states no deadline on ${data.platform}` };
    }
    countdowns.push({ ...c, kind });
  }
  for (const id of Object.keys(data.userDue ?? {})) {
    if (!ruleById(id)) return { ok: false, error: `userDue.${id}: unknown rule` };
  }
  const input: DeadlineInput = { platform: data.platform, events: data.events };
  if (data.region) input.region = data.region;
  if (data.pageCountdowns) input.pageCountdowns = countdowns;
  if (data.userDue) input.userDue = data.userDue;
  return { ok: true, input };
}

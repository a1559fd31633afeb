/**
 * The command-line deadline calculator's logic: a CASE.json text in, the documented JSON out. Used by
 * `npm run deadlines` (scripts/deadlines.ts) to check a case's dates without the extension.
 */
import { computeDeadlines } from './engine';
import { checkDeadlineInput } from './input';

export const DEADLINES_EXIT = { ok: 0, badInput: 2 } as const;

export interface CliDeadline {
  rule: string;
  label: string;
  due: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
  fromPage?: true;
}

export type DeadlinesRun = { ok: true; output: { deadlines: CliDeadline[] } } | { ok: false; error: string };

export function deadlinesFromCaseJson(text: string, now: Date): DeadlinesRun {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'the case must be a JSON object' };
  // The CLI takes no hand-set dates: userDue is what the extension's user edits, not part of CASE.json.
  if ('userDue' in parsed) return { ok: false, error: 'userDue: not accepted here (CASE.json has platform, region, events, pageCountdowns)' };
  const checked = checkDeadlineInput(parsed);
  if (!checked.ok) return { ok: false, error: checked.error };
  const deadlines = computeDeadlines(checked.input, now).map(({ rule, label, due, confidence, source, fromPage }) => ({
    rule,
    label,
    due,
    confidence,
    source,
    ...(fromPage && { fromPage }),
  }));
  return { ok: true, output: { deadlines } };
}

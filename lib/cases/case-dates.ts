/**
 * The user's own dates on a case (lib/deadlines/case-input.ts explains who sets a date, and why the user's
 * wins): an event's date, or one rule's deadline. Writes to `cases`, so the deadline check follows (db.ts).
 */
import type { DisputeKitDB } from './db';
import type { CaseEvent } from '../deadlines';
import { CaseSchema, type CaseRecord } from '../common/model';
import { readCaseDate } from '../common/time';

/**
 * Sets (or, with `at` null, clears) the user's date for one event of a case. A date the user sets wins over
 * the page's; clearing it lets the page's show again. Returns the updated case, or null if there is none.
 */
export async function setUserEventDate(database: DisputeKitDB, caseId: string, event: CaseEvent, at: string | null, now: Date): Promise<CaseRecord | null> {
  // A day (YYYY-MM-DD) when the user knows only the day, or an instant.
  if (at !== null && !readCaseDate(at)) throw new Error(`not a date: ${at}`);
  return database.transaction('rw', database.cases, async () => {
    const record = await database.cases.get(caseId);
    if (!record) return null;
    const dates = { ...(record.dates ?? {}) };
    if (at === null) delete dates[event];
    else dates[event] = { at, setBy: 'user' };
    const updated = CaseSchema.parse({ ...record, dates, updatedAt: now.toISOString() });
    await database.cases.put(updated);
    return updated;
  });
}

/** Sets (or, with `at` null, clears) the user's own date for one rule's deadline; cleared, the page's or the rule's returns. */
export async function setUserDue(database: DisputeKitDB, caseId: string, rule: string, at: string | null, now: Date): Promise<CaseRecord | null> {
  if (at !== null && !readCaseDate(at)) throw new Error(`not a date: ${at}`);
  return database.transaction('rw', database.cases, async () => {
    const record = await database.cases.get(caseId);
    if (!record) return null;
    const userDue = { ...(record.userDue ?? {}) };
    if (at === null) delete userDue[rule];
    else userDue[rule] = at;
    const updated = CaseSchema.parse({ ...record, userDue, updatedAt: now.toISOString() });
    await database.cases.put(updated);
    return updated;
  });
}


/**
 * The case the user last worked on (captured an order for, opened the case page of, or picked in the popup).
 * Pages that are not order pages (a listing, a tracking page, a chat) are saved into it. Kept in
 * storage.local so it survives the service worker stopping; the storage area is passed in for tests.
 */
import { z } from 'zod';
import type { DisputeKitDB } from './db';
import type { CaseRecord } from '../common/model';

export const CURRENT_CASE_KEY = 'currentCase';

const StoredCurrentCase = z.object({ caseId: z.string().min(1), at: z.string() });

/** The part of `browser.storage.local` used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function setCurrentCase(area: KeyValueArea, caseId: string, now: Date): Promise<void> {
  await area.set({ [CURRENT_CASE_KEY]: { caseId, at: now.toISOString() } });
}

/** Opening a case's page makes it the current case, if that case exists (a stale link changes nothing). */
export async function rememberOpenedCase(area: KeyValueArea, database: DisputeKitDB, caseId: string, now: Date): Promise<boolean> {
  if (!(await database.cases.get(caseId))) return false;
  await setCurrentCase(area, caseId, now);
  return true;
}

/** The stored case id, or undefined when there is none or what is stored is not a current-case record. */
export async function getCurrentCaseId(area: KeyValueArea): Promise<string | undefined> {
  const stored = StoredCurrentCase.safeParse((await area.get(CURRENT_CASE_KEY))[CURRENT_CASE_KEY]);
  return stored.success ? stored.data.caseId : undefined;
}

/**
 * The current case if it still exists and is open: evidence for a closed or deleted dispute would be
 * saved where nobody looks, so then there is no current case.
 */
export async function resolveCurrentCase(area: KeyValueArea, database: DisputeKitDB): Promise<CaseRecord | undefined> {
  const caseId = await getCurrentCaseId(area);
  if (!caseId) return undefined;
  const record = await database.cases.get(caseId);
  return record?.state === 'open' ? record : undefined;
}

/** Open cases, most recently touched first: the popup's "Add this page to case" picker. */
export async function recentOpenCases(database: DisputeKitDB, limit = 10): Promise<CaseRecord[]> {
  return database.cases
    .orderBy('updatedAt')
    .reverse()
    .filter((c) => c.state === 'open')
    .limit(limit)
    .toArray();
}

/**
 * What the popup reads and writes for a case's deadlines and checklist: the user's dates, step ticks and
 * contact log. Writes go straight to the database (extension pages share it with the background) and then
 * tell the background, which recomputes the badge, notifications and alarm.
 */
import { saveOrders, caseIdFor } from './cases';
import { setUserDue, setUserEventDate } from './case-deadlines';
import { addContact, deleteContact, listContacts } from './contacts';
import type { CaseEvent } from './deadlines';
import type { DisputeKitDB } from './db';
import type { Platform } from './marketplaces';
import type { CaseRecord, ChecklistStepState, ContactRecord, OrderFacts } from './model';
import { mergeCountdowns } from './page-countdowns';

export interface CasePlanData {
  /** The order as the case stored it (what earlier captures and saves read), when there is a case. */
  storedOrder?: OrderFacts;
  userDates: CaseRecord['dates'];
  userDue: CaseRecord['userDue'];
  contacts: ContactRecord[];
  /** Steps the user ticked or skipped, by step id. */
  steps: Record<string, 'done' | 'skipped'>;
  /** The same ticks with when each was made: whether a deadline was met in time (lib/case-status.ts). */
  ticks?: ChecklistStepState[];
}

export interface OrderRef {
  platform: Platform;
  order: OrderFacts;
}

export interface CasePlanApi {
  load(caseId: string): Promise<CasePlanData>;
  /** Each write creates the order's case first when it has none yet (the user may start before any capture). */
  setDate(ref: OrderRef, event: CaseEvent, at: string | null): Promise<void>;
  setStep(ref: OrderRef, stepId: string, state: 'done' | 'skipped' | null): Promise<void>;
  /** A deadline the user sets by hand for one rule (null: back to the page's or the rule's). */
  setDue(ref: OrderRef, rule: string, at: string | null): Promise<void>;
  addContact(ref: OrderRef, contact: Omit<ContactRecord, 'id' | 'caseId'>): Promise<void>;
  deleteContact(id: string): Promise<void>;
  copy(text: string): Promise<boolean>;
  openSettings(): void;
}

export async function loadCasePlan(database: DisputeKitDB, caseId: string): Promise<CasePlanData> {
  const [record, contacts, ticks] = await Promise.all([
    database.cases.get(caseId),
    listContacts(database, caseId),
    database.checklist.where('caseId').equals(caseId).toArray(),
  ]);
  return { storedOrder: record?.order, userDates: record?.dates, userDue: record?.userDue, contacts, steps: Object.fromEntries(ticks.map((s) => [s.stepId, s.state])), ticks };
}

/** The order's case id, creating the case from the order as read when there is none. */
async function ensureCase(database: DisputeKitDB, ref: OrderRef, now: Date): Promise<string> {
  const caseId = caseIdFor(ref.platform, ref.order.orderId);
  if (!(await database.cases.get(caseId))) await saveOrders(database, ref.platform, [ref.order], now, 'popup');
  return caseId;
}

export interface CasePlanDeps {
  database: DisputeKitDB;
  now(): Date;
  /** Tells the background that deadlines may have changed. */
  notifyChanged(): void;
  copy(text: string): Promise<boolean>;
  openSettings(): void;
}

export function casePlanApi(deps: CasePlanDeps): CasePlanApi {
  const { database } = deps;
  const changed = <T>(work: Promise<T>) => work.then((value) => (deps.notifyChanged(), value));
  return {
    load: (caseId) => loadCasePlan(database, caseId),
    setDate: (ref, event, at) =>
      changed(
        database.transaction('rw', database.cases, database.events, database.readings, async () => {
          const now = deps.now();
          await setUserEventDate(database, await ensureCase(database, ref, now), event, at, now);
        }),
      ),
    setDue: (ref, rule, at) =>
      changed(
        database.transaction('rw', database.cases, database.events, database.readings, async () => {
          const now = deps.now();
          await setUserDue(database, await ensureCase(database, ref, now), rule, at, now);
        }),
      ),
    setStep: (ref, stepId, state) =>
      changed(
        database.transaction('rw', database.cases, database.events, database.readings, database.checklist, async () => {
          const now = deps.now();
          const caseId = await ensureCase(database, ref, now);
          if (state === null) await database.checklist.delete([caseId, stepId]);
          else await database.checklist.put({ caseId, stepId, state, at: now.toISOString() });
        }),
      ),
    addContact: (ref, contact) =>
      changed(
        database.transaction('rw', database.cases, database.events, database.readings, database.contacts, async () => {
          const caseId = await ensureCase(database, ref, deps.now());
          await addContact(database, { ...contact, caseId });
        }),
      ),
    deleteContact: (id) => changed(deleteContact(database, id)),
    copy: deps.copy,
    openSettings: deps.openSettings,
  };
}

/**
 * The order the deadlines are computed from: what the page shows now, and for what it no longer shows (a
 * countdown gone after delivery, a date only the detail page had) what the case stored. A countdown the page
 * still shows is merged with the stored one (mergeCountdowns), so reopening the popup does not move its due.
 */
export function orderForPlan(page: OrderFacts, stored: OrderFacts | undefined): OrderFacts {
  if (!stored) return page;
  const events = page.events || stored.events ? { ...stored.events, ...page.events } : undefined;
  return {
    ...page,
    placedAt: page.placedAt ?? stored.placedAt,
    countdowns: mergeCountdowns(stored.countdowns, page.countdowns),
    ...(events && { events }),
  };
}

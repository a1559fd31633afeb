/**
 * What the popup and the case page read and write for a case's plan (its deadlines and checklist): the user's
 * dates, step ticks and contact log, and what the plan shows from them (planView: the headline, every deadline's
 * state, the dates with their notes, the ladder's steps and the next step's message). Writes go straight to the
 * database (extension pages share it with the background); each committed write runs the deadline check (badge,
 * notifications, alarm) through the database itself (lib/cases/db.ts onDeadlineInputsChanged).
 */
import { saveOrders, caseIdFor } from './cases';
import { eventDates, pageEventDates, type EventDates } from '../deadlines/case-input';
import { setUserDue, setUserEventDate } from './case-dates';
import { orderStatus, type DeadlineStatus, type Headline } from '../deadlines/case-status';
import { addContact, deleteContact, listContacts } from './contacts';
import { dateNotes, type DateNotes } from '../deadlines/date-notes';
import { formatDay, formatDue, type DateFormat } from '../format/deadline';
import { buyerZone, checklistFor, stepMessage, type CaseEvent, type CaseFacts, type ChecklistStep, type Deadline } from '../deadlines';
import type { DisputeKitDB } from './db';
import type { Translate } from '../i18n';
import type { Platform } from '../common/marketplaces';
import type { CaseRecord, ChecklistStepState, ContactRecord, OrderFacts } from '../common/model';
import { mergeCountdowns } from '../readers/steady-countdowns';
import { dayOf, readCaseDate } from '../common/time';

export interface CasePlanData {
  /** The order as the case stored it (what earlier captures and saves read), when there is a case. */
  storedOrder?: OrderFacts;
  userDates: CaseRecord['dates'];
  userDue: CaseRecord['userDue'];
  contacts: ContactRecord[];
  /** Steps the user ticked or skipped, by step id. */
  steps: Record<string, 'done' | 'skipped'>;
  /** The same ticks with when each was made: whether a deadline was met in time (lib/deadlines/case-status.ts). */
  ticks?: ChecklistStepState[];
  /** The case's state (open, resolved, closed); open when there is no case yet. */
  state?: CaseRecord['state'];
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
  return {
    storedOrder: record?.order,
    userDates: record?.dates,
    userDue: record?.userDue,
    contacts,
    steps: Object.fromEntries(ticks.map((s) => [s.stepId, s.state])),
    ticks,
    ...(record && { state: record.state }),
  };
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
  copy(text: string): Promise<boolean>;
  openSettings(): void;
}

export function casePlanApi(deps: CasePlanDeps): CasePlanApi {
  const { database } = deps;
  return {
    load: (caseId) => loadCasePlan(database, caseId),
    setDate: (ref, event, at) =>
      database.transaction('rw', database.cases, database.events, database.readings, async () => {
        const now = deps.now();
        await setUserEventDate(database, await ensureCase(database, ref, now), event, at, now);
      }),
    setDue: (ref, rule, at) =>
      database.transaction('rw', database.cases, database.events, database.readings, async () => {
        const now = deps.now();
        await setUserDue(database, await ensureCase(database, ref, now), rule, at, now);
      }),
    setStep: (ref, stepId, state) =>
      database.transaction('rw', database.cases, database.events, database.readings, database.checklist, async () => {
        const now = deps.now();
        const caseId = await ensureCase(database, ref, now);
        if (state === null) await database.checklist.delete([caseId, stepId]);
        else await database.checklist.put({ caseId, stepId, state, at: now.toISOString() });
      }),
    addContact: (ref, contact) =>
      database.transaction('rw', database.cases, database.events, database.readings, database.contacts, async () => {
        const caseId = await ensureCase(database, ref, deps.now());
        await addContact(database, { ...contact, caseId });
      }),
    deleteContact: (id) => deleteContact(database, id),
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

/** Everything the plan shows for an order at one moment, computed once per change of its inputs. */
export interface PlanView {
  now: Date;
  deadlines: Deadline[];
  statuses: DeadlineStatus[];
  /** The one line that matters now (lib/deadlines/case-status.ts). */
  headline: Headline;
  /** Each event's date, the page's with the user's over it, and the page's alone (to offer going back to it). */
  dates: EventDates;
  pageDates: EventDates;
  /** Notes beside dates that look wrong (lib/deadlines/date-notes.ts). */
  notes: DateNotes;
  steps: ChecklistStep[];
  next?: ChecklistStep;
}

/** The plan of an order (`order`: orderForPlan's), with what the case stored (`data`). Pure. */
export function planView(platform: Platform, order: OrderFacts, data: CasePlanData, now: Date): PlanView {
  const { deadlines, statuses, headline } = orderStatus(
    { platform, order, userDates: data.userDates, userDue: data.userDue, contacts: data.contacts, steps: data.ticks ?? [], ...(data.state && { state: data.state }) },
    now,
  );
  const dates = eventDates(order, data.userDates);
  const events: Partial<Record<CaseEvent, string>> = {};
  for (const [event, date] of Object.entries(dates)) events[event as CaseEvent] = date.at;
  const steps = checklistFor(platform, { events, done: data.steps, now, deadlines });
  const next = steps.find((s) => s.state === 'next');
  return {
    now,
    deadlines,
    statuses,
    headline,
    dates,
    pageDates: pageEventDates(order),
    notes: dateNotes({ platform, order, ...(data.userDates && { userDates: data.userDates }) }, now),
    steps,
    ...(next && { next }),
  };
}

/**
 * The day of an event for a message to the seller or the platform: a day as that day, an instant as its day in
 * the platform's zone (the day the seller's own page shows), always with the year.
 */
function messageDay(value: string | undefined, platform: Platform, f: DateFormat): string | undefined {
  const date = readCaseDate(value);
  return date && formatDay(dayOf(date, buyerZone(platform)), { ...f, withYear: true });
}

/**
 * The next step's ready-to-copy message in the UI's language, filled from the case: its dates written as
 * days (no time invented for a day, none shifted by the user's zone), the amount as given (`amount`, formatted
 * by the caller), and the step's next deadline as exactly as it is known.
 */
export function nextStepMessage(t: Translate, view: PlanView, platform: Platform, order: OrderFacts, amount: string | undefined, f: DateFormat): string | undefined {
  const next = view.next;
  if (!next?.messageKey) return undefined;
  const stepDue = next.deadlines.find((d) => d.dueMs > view.now.getTime());
  const facts: CaseFacts = {
    orderId: order.orderId,
    store: order.store?.name,
    amount,
    orderDate: messageDay(view.dates.placed?.at, platform, f),
    deliveredDate: messageDay(view.dates.delivered?.at, platform, f),
    due: stepDue && formatDue(t, stepDue, { ...f, withYear: true }),
  };
  return stepMessage(f.locale, next.messageKey, facts);
}

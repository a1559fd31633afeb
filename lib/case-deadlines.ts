/**
 * A case (or an order read from the page before any capture) as the deadline engine's input, and its
 * deadlines. Each event date says who set it: the page (read from the order's facts, refreshed by every
 * capture or save) or the user (stored on the case, and always winning). Clearing the user's date brings
 * the page's back, since the page's was never overwritten.
 */
import { CASE_EVENTS, computeDeadlines, countdownKind, type CaseEvent, type Deadline } from './deadlines';
import type { DisputeKitDB } from './db';
import type { Platform } from './marketplaces';
import { CaseSchema, type CaseRecord, type ContactRecord, type OrderFacts } from './model';
import { contactReminder } from './contacts';

export type DateSetBy = 'page' | 'user';
export interface EventDate {
  at: string;
  setBy: DateSetBy;
}
export type EventDates = Partial<Record<CaseEvent, EventDate>>;

export function isCaseEvent(name: string): name is CaseEvent {
  return (CASE_EVENTS as readonly string[]).includes(name);
}

/** The event dates an order page states. Only the order date is printed as a date; the rest are countdowns. */
export function pageEventDates(order: OrderFacts): EventDates {
  const dates: EventDates = {};
  if (order.placedAt && !Number.isNaN(Date.parse(order.placedAt))) dates.placed = { at: order.placedAt, setBy: 'page' };
  return dates;
}

/** The page's dates with the user's over them. */
export function eventDates(order: OrderFacts, userDates: CaseRecord['dates']): EventDates {
  const dates = pageEventDates(order);
  for (const [event, date] of Object.entries(userDates ?? {})) {
    if (isCaseEvent(event)) dates[event] = { at: date.at, setBy: 'user' };
  }
  return dates;
}

/** The countdowns the page shows that the engine knows what they count down to. */
export function pageCountdowns(platform: Platform, order: OrderFacts): { kind: string; endsAt: string }[] {
  const found: { kind: string; endsAt: string }[] = [];
  for (const countdown of order.countdowns ?? []) {
    const kind = countdown.endsAt ? countdownKind(platform, countdown.label) : undefined;
    if (kind && countdown.endsAt) found.push({ kind, endsAt: countdown.endsAt });
  }
  return found;
}

/** What the deadlines of one order are computed from: the order as read or stored, the user's dates, the contact log. */
export interface DeadlineSource {
  platform: Platform;
  order: OrderFacts;
  userDates?: CaseRecord['dates'];
  userDue?: CaseRecord['userDue'];
  contacts?: ContactRecord[];
}

export function deadlinesFor(source: DeadlineSource, now: Date): Deadline[] {
  const dates = eventDates(source.order, source.userDates);
  const events: Partial<Record<CaseEvent, string>> = {};
  for (const [event, date] of Object.entries(dates) as [CaseEvent, EventDate][]) events[event] = date.at;
  const deadlines = computeDeadlines(
    { platform: source.platform, events, pageCountdowns: pageCountdowns(source.platform, source.order), ...(source.userDue && { userDue: source.userDue }) },
    now,
  );
  const reminder = contactReminder(source.contacts ?? [], events.sellerLastReply);
  if (!reminder) return deadlines;
  return [...deadlines, reminder].sort((a, b) => a.dueMs - b.dueMs);
}

export function caseDeadlines(record: CaseRecord, contacts: ContactRecord[], now: Date): Deadline[] {
  return deadlinesFor({ platform: record.platform, order: record.order, userDates: record.dates, userDue: record.userDue, contacts }, now);
}

/** The nearest deadline still ahead, or undefined. */
export function nextDeadline(deadlines: Deadline[], now: Date): Deadline | undefined {
  return deadlines.filter((d) => d.dueMs > now.getTime()).sort((a, b) => a.dueMs - b.dueMs)[0];
}

/**
 * Sets (or, with `at` null, clears) the user's date for one event of a case. A date the user sets wins over
 * the page's; clearing it lets the page's show again. Returns the updated case, or null if there is none.
 */
export async function setUserEventDate(database: DisputeKitDB, caseId: string, event: CaseEvent, at: string | null, now: Date): Promise<CaseRecord | null> {
  if (at !== null && Number.isNaN(Date.parse(at))) throw new Error(`not a date: ${at}`);
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
  if (at !== null && Number.isNaN(Date.parse(at))) throw new Error(`not a date: ${at}`);
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

/**
 * Every case with its contact log, read in one transaction: what the deadlines of all cases are computed from
 * (the badge and notifications, the dashboard). Contacts are grouped in one pass, not looked up per case.
 */
export async function loadCasesWithContacts(database: DisputeKitDB): Promise<{ record: CaseRecord; contacts: ContactRecord[] }[]> {
  const [cases, contacts] = await database.transaction('r', database.cases, database.contacts, () => Promise.all([database.cases.toArray(), database.contacts.toArray()]));
  const byCase = new Map<string, ContactRecord[]>();
  for (const c of contacts) {
    const list = byCase.get(c.caseId);
    if (list) list.push(c);
    else byCase.set(c.caseId, [c]);
  }
  return cases.map((record) => ({ record, contacts: byCase.get(record.id) ?? [] }));
}

/**
 * A case (or an order read from the page before any capture) as the deadline engine's input, and its
 * deadlines. Each event date says who set it: the page (read from the order's facts, refreshed by every
 * capture or save) or the user (stored on the case, and always winning). Clearing the user's date brings
 * the page's back, since the page's was never overwritten. A date is a calendar day (YYYY-MM-DD) when only
 * the day is known, or an instant with its offset.
 */
import { buyerZone, CASE_EVENTS, computeDeadlines, type CaseEvent, type Deadline, type PageCountdownInput, type Region } from '.';
import type { Platform } from '../common/marketplaces';
import { ORDER_EVENTS, type CaseRecord, type ContactRecord, type OrderFacts } from '../common/model';
import { contactReminder } from '../cases/contacts';
import { engineCountdowns } from './page-countdowns';
import { readCaseDate } from '../common/time';

export type DateSetBy = 'page' | 'user';
export interface EventDate {
  at: string;
  setBy: DateSetBy;
}
export type EventDates = Partial<Record<CaseEvent, EventDate>>;

export function isCaseEvent(name: string): name is CaseEvent {
  return (CASE_EVENTS as readonly string[]).includes(name);
}

/**
 * The dates the page states for an order's events, as the page gave them (a day stays a day). Every event the
 * reader found (`order.events`: paid, shipped, delivered, receipt confirmed, completed, expected delivery,
 * dispute opened, …) counts; `placedAt` and the dispute's `openedAt` stand in for `placed` and
 * `disputeOpened` when the events do not name them. A date that cannot be read is left out (dateNotes says so).
 */
export function pageEventDates(order: OrderFacts): EventDates {
  const dates: EventDates = {};
  for (const event of ORDER_EVENTS) {
    const value = order.events?.[event] ?? (event === 'placed' ? order.placedAt : event === 'disputeOpened' ? order.dispute?.openedAt : undefined);
    if (value !== undefined && readCaseDate(value)) dates[event] = { at: value, setBy: 'page' };
  }
  return dates;
}

/** The page's dates with the user's over them. */
export function eventDates(order: OrderFacts, userDates: CaseRecord['dates']): EventDates {
  const dates = pageEventDates(order);
  for (const [event, date] of Object.entries(userDates ?? {})) {
    if (isCaseEvent(event) && readCaseDate(date.at)) dates[event] = { at: date.at, setBy: 'user' };
  }
  return dates;
}

/** Just the dates, as the engine and the checklist take them. */
export function eventValues(dates: EventDates): Partial<Record<CaseEvent, string>> {
  const events: Partial<Record<CaseEvent, string>> = {};
  for (const [event, date] of Object.entries(dates) as [CaseEvent, EventDate][]) events[event] = date.at;
  return events;
}

/**
 * The countdowns the page shows that the engine knows what they count down to, each with how exactly the page
 * gave it (lib/deadlines/page-countdowns.ts): a day stays a day of the platform's zone, "5 hours" is known to the hour.
 */
export function pageCountdowns(platform: Platform, order: OrderFacts, region?: Region): PageCountdownInput[] {
  return engineCountdowns(platform, order, buyerZone(platform, region));
}

/** What the deadlines of one order are computed from: the order as read or stored, the user's dates, the contact log. */
export interface DeadlineSource {
  platform: Platform;
  /** Where the buyer is, when known (AliExpress: decides the statutes and the zone of its timers). */
  region?: Region;
  order: OrderFacts;
  userDates?: CaseRecord['dates'];
  userDue?: CaseRecord['userDue'];
  contacts?: ContactRecord[];
}

export function deadlinesFor(source: DeadlineSource, now: Date): Deadline[] {
  const events = eventValues(eventDates(source.order, source.userDates));
  const deadlines = computeDeadlines(
    {
      platform: source.platform,
      ...(source.region && { region: source.region }),
      events,
      pageCountdowns: pageCountdowns(source.platform, source.order, source.region),
      ...(source.userDue && { userDue: source.userDue }),
    },
    now,
  );
  const reminder = contactReminder(source.contacts ?? [], events.sellerLastReply);
  if (!reminder) return deadlines;
  return [...deadlines, reminder].sort((a, b) => a.dueMs - b.dueMs);
}

export function caseDeadlines(record: CaseRecord, contacts: ContactRecord[], now: Date): Deadline[] {
  return deadlinesFor({ platform: record.platform, order: record.order, userDates: record.dates, userDue: record.userDue, contacts }, now);
}

/**
 * Notes beside a case's dates that look wrong: a date in the future, one in the wrong order (delivered before
 * the order was placed, receipt confirmed before delivery, …), one that cannot be read, a date the user entered
 * that contradicts the page's. A note only informs: nothing is thrown, nothing is changed, the user's choice is
 * kept (and still wins over the page's). Pure; the UI shows dateNoteText() beside the date.
 */
import { eventDates, isCaseEvent, type DateSetBy } from './case-input';
import { formatEventDate, type DateFormat } from '../format/deadline';
import { buyerZone, type CaseEvent, type Region } from '.';
import type { Translate } from '../i18n';
import type { Platform } from '../common/marketplaces';
import { ORDER_EVENTS, type CaseRecord, type OrderFacts } from '../common/model';
import { addDays, dayOf, earliestInstant, latestInstant, localDay, readCaseDate, type CaseDate } from '../common/time';

export type DateNoteKey = 'future' | 'unreadable' | 'beforeEvent' | 'afterEvent' | 'differsFromPage';

export interface DateNote {
  key: DateNoteKey;
  /** Whose date the note is about. */
  setBy: DateSetBy;
  /** unreadable: the text as stored. */
  value?: string;
  /** beforeEvent / afterEvent: the event it conflicts with, and that event's date as stored. */
  other?: CaseEvent;
  otherDate?: string;
  /** differsFromPage: the page's date. */
  pageDate?: string;
}

export type DateNotes = Partial<Record<CaseEvent, DateNote[]>>;

export interface DateNotesInput {
  platform: Platform;
  region?: Region;
  order: OrderFacts;
  userDates?: CaseRecord['dates'];
}

/**
 * Pairs of events where the first cannot come after the second. Only what always holds: a chat may precede
 * the order, and a refund may be asked before delivery, so those are not checked against delivery.
 */
const ORDER: readonly [CaseEvent, CaseEvent][] = [
  ['placed', 'paid'],
  ['placed', 'shipped'],
  ['paid', 'shipped'],
  ['placed', 'delivered'],
  ['shipped', 'delivered'],
  ['placed', 'receiptConfirmed'],
  ['shipped', 'receiptConfirmed'],
  ['delivered', 'receiptConfirmed'],
  ['placed', 'completed'],
  ['receiptConfirmed', 'completed'],
  ['placed', 'expectedDelivery'],
  ['placed', 'disputeOpened'],
  ['placed', 'refundRequested'],
  ['placed', 'claimSent'],
  ['placed', 'returnShipped'],
  ['delivered', 'returnShipped'],
  ['placed', 'paymentDate'],
  ['placed', 'paymentDisputeOpened'],
  ['paid', 'paymentDisputeOpened'],
  ['paymentDisputeOpened', 'paymentClaimEscalated'],
];

/** Events that lie ahead by nature: a promised delivery date. */
const MAY_BE_AHEAD: readonly CaseEvent[] = ['expectedDelivery'];

/** An instant a little ahead of the clock is clock skew between the page's server and this computer, not an error. */
const CLOCK_SKEW_MS = 3_600_000;

function isFuture(date: CaseDate, zone: string, now: Date): boolean {
  // A day is ahead only when it is after tomorrow in the platform's zone: "today" there may be tomorrow for a
  // user further west, or the user may have typed their own local day.
  if ('day' in date) return date.day > addDays(localDay(now.getTime(), zone), 1);
  return date.ms > now.getTime() + CLOCK_SKEW_MS;
}

export function dateNotes(input: DateNotesInput, now: Date): DateNotes {
  const zone = buyerZone(input.platform, input.region);
  const notes: DateNotes = {};
  const add = (event: CaseEvent, note: DateNote) => (notes[event] ??= []).push(note);

  // Dates that cannot be read: the page's (an old stored reading) and the user's; neither is counted.
  for (const event of ORDER_EVENTS) {
    const value = input.order.events?.[event] ?? (event === 'placed' ? input.order.placedAt : undefined);
    if (value !== undefined && !readCaseDate(value)) add(event, { key: 'unreadable', setBy: 'page', value });
  }
  for (const [event, date] of Object.entries(input.userDates ?? {})) {
    if (!readCaseDate(date.at) && isCaseEvent(event)) add(event, { key: 'unreadable', setBy: 'user', value: date.at });
  }

  const dates = eventDates(input.order, input.userDates);
  const read = (event: CaseEvent) => {
    const entry = dates[event];
    const date = entry && readCaseDate(entry.at);
    return entry && date ? { entry, date } : undefined;
  };

  for (const event of Object.keys(dates) as CaseEvent[]) {
    const found = read(event);
    if (found && !MAY_BE_AHEAD.includes(event) && isFuture(found.date, zone, now)) add(event, { key: 'future', setBy: found.entry.setBy });
  }

  for (const [earlier, later] of ORDER) {
    const a = read(earlier);
    const b = read(later);
    if (!a || !b) continue;
    // Wrong only when it cannot be right: the latest moment the later event's date allows is before the
    // earliest the earlier one's allows (a day is the whole day in the platform's zone).
    if (latestInstant(b.date, zone) - 1 >= earliestInstant(a.date, zone)) continue;
    add(later, { key: 'beforeEvent', setBy: b.entry.setBy, other: earlier, otherDate: a.entry.at });
    add(earlier, { key: 'afterEvent', setBy: a.entry.setBy, other: later, otherDate: b.entry.at });
  }

  // A date the user entered that the page contradicts (another day in the platform's zone); the user's is used.
  const page = eventDates(input.order, undefined);
  for (const [event, date] of Object.entries(input.userDates ?? {})) {
    if (!isCaseEvent(event)) continue;
    const mine = readCaseDate(date.at);
    const theirs = page[event] && readCaseDate(page[event]!.at);
    if (mine && theirs && dayOf(mine, zone) !== dayOf(theirs, zone)) add(event, { key: 'differsFromPage', setBy: 'user', pageDate: page[event]!.at });
  }
  return notes;
}

/** The note as the user reads it, beside the date, in their language. */
export function dateNoteText(t: Translate, note: DateNote, f: DateFormat): string {
  switch (note.key) {
    case 'future':
      return t('deadline.note.future');
    case 'unreadable':
      return t('deadline.note.unreadable', { value: note.value ?? '' });
    case 'beforeEvent':
    case 'afterEvent':
      return t(note.key === 'beforeEvent' ? 'deadline.note.beforeEvent' : 'deadline.note.afterEvent', {
        other: t(`checklist.event.${note.other!}`),
        date: formatEventDate(note.otherDate ?? '', f),
      });
    case 'differsFromPage':
      return t('deadline.note.differsFromPage', { date: formatEventDate(note.pageDate ?? '', f) });
  }
}

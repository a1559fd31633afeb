/**
 * What a backup's records must satisfy beyond their schemas, so that a restore can only extend what is here:
 * every time a real ISO 8601 instant in a sane range, record times (when something was saved, sent, ticked)
 * never in the future, and a case id that is exactly its order's `platform:orderId`.
 */
import { INSTANT, type CaseRecord } from '../common/model';
import type { BackupTable } from './format';

/** Nothing DisputeKit records, and no marketplace order it reads, is older. */
export const EARLIEST_TIME = '2000-01-01T00:00:00.000Z';
/** Deadlines and event dates may lie ahead (a hand-set deadline, an expected delivery), but not this far. */
export const LATEST_DUE_TIME = '2100-01-01T00:00:00.000Z';
/**
 * How far ahead of this computer's clock a record time may be: the backup may come from another computer
 * whose clock runs a little fast. Anything later is refused: a time in the future would sort before every
 * real one (the current case, the dashboard's order) until that day comes.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** 'record': when DisputeKit saved something (never in the future); 'due': a deadline or a date the user typed (may lie ahead). */
export type TimeKind = 'record' | 'due';
export type TimeProblem = 'bad-time' | 'future-time';

export function timeProblem(value: unknown, kind: TimeKind, now: Date): TimeProblem | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return 'bad-time';
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < Date.parse(EARLIEST_TIME) || ms >= Date.parse(LATEST_DUE_TIME)) return 'bad-time';
  if (kind === 'record' && ms > now.getTime() + CLOCK_SKEW_MS) return 'future-time';
  return undefined;
}

type Row = Record<string, unknown>;
const entries = (value: unknown): [string, unknown][] => (value && typeof value === 'object' ? Object.entries(value) : []);

/** Every time a record of `table` holds, with its field path and kind. */
export function timesOf(table: BackupTable, row: Row): [field: string, value: unknown, kind: TimeKind][] {
  switch (table) {
    case 'cases':
      return [
        ['createdAt', row.createdAt, 'record'],
        ['updatedAt', row.updatedAt, 'record'],
        ...entries(row.dates).map(([event, date]): [string, unknown, TimeKind] => [`dates.${event}.at`, (date as Row | undefined)?.at, 'due']),
        ...entries(row.userDue).map(([rule, at]): [string, unknown, TimeKind] => [`userDue.${rule}`, at, 'due']),
      ];
    case 'evidence':
      return [
        ['capturedAt', row.capturedAt, 'record'],
        ['capturedAtLocal', row.capturedAtLocal, 'record'],
      ];
    case 'sentNotifications':
      return [
        ['at', row.at, 'record'],
        ['due', row.due, 'due'],
      ];
    case 'contacts':
      // Typed by the user in the contact log, which does not stop a date ahead.
      return [['at', row.at, 'due']];
    case 'events':
    case 'checklist':
    case 'custody':
    case 'readings':
      return [['at', row.at, 'record']];
  }
}

/** The first time of a record that is not sane, if any. */
export function firstTimeProblem(table: BackupTable, row: Row, now: Date): { field: string; reason: TimeProblem; detail: string } | undefined {
  for (const [field, value, kind] of timesOf(table, row)) {
    const reason = timeProblem(value, kind, now);
    if (reason) return { field, reason, detail: String(value).slice(0, 40) };
  }
  return undefined;
}

/**
 * A case's id must be `platform:orderId` of its own fields, and its facts must be of that order: any other id
 * gives one order two cases (and every later capture of it would fail on the unique [platform+orderId]).
 */
export function caseIdProblem(record: CaseRecord): { field: string; reason: 'bad-case-id' | 'facts-other-order'; detail: string } | undefined {
  const expected = `${record.platform}:${record.orderId}`;
  if (record.id !== expected) return { field: 'id', reason: 'bad-case-id', detail: expected };
  if (record.order.orderId !== record.orderId) return { field: 'order.orderId', reason: 'facts-other-order', detail: record.order.orderId };
  return undefined;
}

/**
 * Official non-working days as data. Dates are local calendar dates (YYYY-MM-DD). Outside the years listed,
 * only weekends are known: a deadline there may fall a few days earlier than the law allows, never later.
 */

export interface WorkCalendar {
  /** Holidays and days off moved onto a weekday. */
  daysOff: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days (moved transfers, 调休). */
  workingWeekends: ReadonlySet<string>;
  /** Years whose transfers are fully known. */
  completeYears: readonly number[];
}

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};

/**
 * Russia (production calendar; Labour Code art. 112 and the Government's transfer decrees).
 * - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 (4 and 5 Jan → 2 May and 31 Dec; 23 Feb → 8 May;
 *   8 Mar → 13 Jun; Saturday 1 Nov worked, Monday 3 Nov off).
 * - 2026: the 2026 decree signed 24 Sep 2025 (3 and 4 Jan → 9 Jan and 31 Dec; 8 Mar (Sun) → 9 Mar;
 *   9 May (Sat) → 11 May).
 * - 2027: the decree was not found (the calendar is approved late in 2026), so only the fixed holidays of
 *   art. 112 are listed, without any transfer: at worst a deadline is shown a day or two early.
 */
const RU_DAYS_OFF = [
  // 2025
  ...range('2025-01-01', '2025-01-08'), '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09', '2025-06-12', '2025-06-13',
  '2025-11-03', '2025-11-04', '2025-12-31',
  // 2026
  ...range('2026-01-01', '2026-01-09'), '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04',
  '2026-12-31',
  // 2027: art. 112 fixed holidays only
  ...range('2027-01-01', '2027-01-08'), '2027-02-23', '2027-03-08', '2027-05-01', '2027-05-09', '2027-06-12', '2027-11-04',
];
const RU_WORKING_WEEKENDS = ['2025-11-01'];

/**
 * China (国务院办公厅 notices on holiday arrangements; 全国年节及纪念日放假办法 as revised in Nov 2024).
 * - 2025: 国办发明电〔2024〕12号 of 12 Nov 2024.
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知 of 4 Nov 2025.
 * - 2027: not published when this was written; only the fixed-date statutory holidays (元旦 1 Jan, 劳动节
 *   1–2 May, 国庆节 1–3 Oct) are listed, without 调休.
 */
const CN_DAYS_OFF = [
  // 2025
  '2025-01-01', ...range('2025-01-28', '2025-02-04'), ...range('2025-04-04', '2025-04-06'), ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'), ...range('2025-10-01', '2025-10-08'),
  // 2026
  ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
  // 2027: fixed-date holidays only
  '2027-01-01', '2027-05-01', '2027-05-02', ...range('2027-10-01', '2027-10-03'),
];
const CN_WORKING_WEEKENDS = [
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

export const RUSSIA: WorkCalendar = {
  daysOff: new Set(RU_DAYS_OFF),
  workingWeekends: new Set(RU_WORKING_WEEKENDS),
  completeYears: [2025, 2026],
};

export const CHINA: WorkCalendar = {
  daysOff: new Set(CN_DAYS_OFF),
  workingWeekends: new Set(CN_WORKING_WEEKENDS),
  completeYears: [2025, 2026],
};

/** A day off in that calendar: a listed holiday, or a Saturday/Sunday not moved to a working day. */
export function isDayOff(calendar: WorkCalendar, day: string): boolean {
  if (calendar.daysOff.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (weekday === 0 || weekday === 6) && !calendar.workingWeekends.has(day);
}

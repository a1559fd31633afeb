import { describe, expect, it } from 'vitest';
import { addDays, localDay, offsetAt, readCaseDate, startOfDay, toZonedIso } from '@/lib/common/time';

describe('local capture time', () => {
  it.each([
    ['2026-11-20T23:10:05.123Z', 'Asia/Shanghai', '2026-11-21T07:10:05.123+08:00'],
    ['2026-11-20T23:10:05.000Z', 'Europe/Moscow', '2026-11-21T02:10:05.000+03:00'],
    ['2026-07-01T12:00:00.000Z', 'America/New_York', '2026-07-01T08:00:00.000-04:00'],
    ['2026-01-01T12:00:00.000Z', 'Asia/Kolkata', '2026-01-01T17:30:00.000+05:30'],
    ['2026-01-01T00:00:00.000Z', 'UTC', '2026-01-01T00:00:00.000+00:00'],
  ])('%s in %s is %s', (utc, zone, local) => {
    expect(toZonedIso(new Date(utc), zone)).toBe(local);
    expect(new Date(local).getTime()).toBe(new Date(utc).getTime());
  });
});

describe('offsets and days around a DST transition', () => {
  it('change exactly at a DST transition, whatever was asked before', () => {
    // New York springs forward at 2026-03-08 07:00 UTC (02:00 EST → 03:00 EDT).
    const change = Date.parse('2026-03-08T07:00:00Z');
    expect(offsetAt(change - 1, 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(change, 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(change - 1, 'America/New_York')).toBe(-5 * 3_600_000);
    expect(localDay(Date.parse('2026-11-05T21:30:00Z'), 'Europe/Moscow')).toBe('2026-11-06');
    expect(localDay(Date.parse('2026-11-05T20:59:59Z'), 'Europe/Moscow')).toBe('2026-11-05');
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('read a case date: a real day, or an instant', () => {
    expect(readCaseDate('2026-11-05')).toEqual({ day: '2026-11-05' });
    expect(readCaseDate('2026-02-30')).toBeUndefined();
    expect(readCaseDate('2026-11-05T10:00:00+03:00')).toEqual({ ms: Date.parse('2026-11-05T07:00:00Z') });
    expect(readCaseDate('soon')).toBeUndefined();
  });
});

describe('offsets on a day the zone changes its clocks', () => {
  it.each([
    // New York springs forward at 07:00Z on 8 March 2026 and falls back at 06:00Z on 1 November 2026.
    ['2026-03-08T06:59:59.000Z', 'America/New_York', '2026-03-08T01:59:59.000-05:00'],
    ['2026-03-08T07:00:00.000Z', 'America/New_York', '2026-03-08T03:00:00.000-04:00'],
    ['2026-11-01T05:59:59.000Z', 'America/New_York', '2026-11-01T01:59:59.000-04:00'],
    ['2026-11-01T06:00:00.000Z', 'America/New_York', '2026-11-01T01:00:00.000-05:00'],
    ['2026-03-29T00:59:59.000Z', 'Europe/Berlin', '2026-03-29T01:59:59.000+01:00'],
    ['2026-03-29T01:00:00.000Z', 'Europe/Berlin', '2026-03-29T03:00:00.000+02:00'],
  ])('%s in %s is %s', (utc, zone, local) => {
    // Asked twice (the second answer may come from the per-day memo), in both orders around the change.
    expect(toZonedIso(new Date(utc), zone)).toBe(local);
    expect(toZonedIso(new Date(utc), zone)).toBe(local);
  });
});

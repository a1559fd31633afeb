import { describe, expect, it } from 'vitest';
import { dateFields, fromDateFields, fromDateTimeInput, toDateTimeInput } from '@/lib/format/date-input';

describe('a case date in the dates editor', () => {
  it.each(['America/New_York', 'Europe/Moscow', 'Asia/Shanghai'])('a day is shown as that day with no time in %s, and saved back as the day', (zone) => {
    expect(dateFields('2026-11-03', zone)).toEqual({ day: '2026-11-03', time: '' });
    expect(fromDateFields({ day: '2026-11-03', time: '' }, zone)).toBe('2026-11-03');
  });

  it('an instant is its day and time in the user\'s zone, and a time makes the day an instant there', () => {
    expect(dateFields('2026-11-03T14:42:00+03:00', 'Europe/Moscow')).toEqual({ day: '2026-11-03', time: '14:42' });
    expect(dateFields('2026-11-03T14:42:00+03:00', 'America/New_York')).toEqual({ day: '2026-11-03', time: '06:42' });
    expect(dateFields('2026-11-03T23:30:00+03:00', 'Asia/Shanghai')).toEqual({ day: '2026-11-04', time: '04:30' });
    expect(fromDateFields({ day: '2026-11-03', time: '14:42' }, 'Europe/Moscow')).toBe('2026-11-03T14:42:00.000+03:00');
    expect(fromDateFields({ day: '2026-11-03', time: '06:42' }, 'America/New_York')).toBe('2026-11-03T06:42:00.000-05:00');
  });

  it('across a clock change the wall time keeps its own offset', () => {
    // New York moves from -04:00 to -05:00 on 1 November 2026.
    expect(fromDateFields({ day: '2026-10-31', time: '12:00' }, 'America/New_York')).toBe('2026-10-31T12:00:00.000-04:00');
    expect(fromDateFields({ day: '2026-11-01', time: '12:00' }, 'America/New_York')).toBe('2026-11-01T12:00:00.000-05:00');
  });

  it('an empty day removes the date; what is not a date is not saved', () => {
    expect(fromDateFields({ day: '', time: '' }, 'UTC')).toBeNull();
    expect(fromDateFields({ day: '', time: '10:00' }, 'UTC')).toBeNull();
    expect(fromDateFields({ day: '2026-02-30', time: '' }, 'UTC')).toBeUndefined();
    expect(fromDateFields({ day: '2026-02-03', time: '25:00' }, 'UTC')).toBeUndefined();
    expect(dateFields('yesterday', 'UTC')).toEqual({ day: '', time: '' });
    expect(dateFields(undefined, 'UTC')).toEqual({ day: '', time: '' });
  });

  it('a datetime-local field (the contact log) reads and writes the zone\'s wall clock', () => {
    expect(toDateTimeInput('2026-11-20T10:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-20T18:00');
    expect(fromDateTimeInput('2026-11-20T18:00', 'Asia/Shanghai')).toBe('2026-11-20T18:00:00.000+08:00');
    expect(fromDateTimeInput('', 'UTC')).toBeUndefined();
    expect(toDateTimeInput(undefined, 'UTC')).toBe('');
  });
});

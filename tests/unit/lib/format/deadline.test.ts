import { describe, expect, it } from 'vitest';
import { computeDeadlines, type Deadline } from '@/lib/deadlines';
import { describeDue, formatAgo, formatDue, formatEventDate, zoneName } from '@/lib/format/deadline';
import { translator, type Locale } from '@/lib/i18n';
import { mergeCountdowns } from '@/lib/readers/steady-countdowns';
import { deadlinesFor } from '@/lib/deadlines/case-input';
import { countdownEndsAt } from '@/lib/readers/parse/countdown';
import type { OrderFacts } from '@/lib/common/model';

const NOW = new Date('2026-12-01T12:00:00Z');
const ZONES = ['America/New_York', 'Europe/Moscow', 'Asia/Shanghai'];
const f = (locale: Locale, timeZone: string) => ({ locale, timeZone, now: NOW });

describe('a day stays a day', () => {
  it.each(ZONES)('"Order placed on: Nov 3, 2026" (a day) reads 3 Nov in %s, in every language, with no time', (zone) => {
    expect(formatEventDate('2026-11-03', { ...f('en', zone), withYear: true })).toBe('Nov 3, 2026');
    expect(formatEventDate('2026-11-03', f('ru', zone))).toBe('3 ноября');
    expect(formatEventDate('2026-11-03', { ...f('zh_CN', zone), withYear: true })).toBe('2026年11月3日');
  });

  it('an instant is shown in the user\'s zone with its time', () => {
    expect(formatEventDate('2026-11-03T14:42:00+03:00', f('en', 'America/New_York'))).toBe('Nov 3, 6:42 AM');
    expect(formatEventDate('2026-11-03T14:42:00+03:00', f('ru', 'Europe/Moscow'))).toBe('3 ноября в 14:42');
    expect(formatEventDate('not a date', f('en', 'UTC'))).toBe('not a date');
  });

  it.each(ZONES)('"Refund if no delivery before Dec 28, 2026" is due at the end of 28 Dec, in %s too', (zone) => {
    const [guarantee] = computeDeadlines({ platform: 'aliexpress', events: {}, pageCountdowns: [{ kind: 'delivery-guarantee', endsAt: '2026-12-28' }] }, NOW);
    const text = describeDue(translator('en'), guarantee, f('en', zone));
    expect(text.day).toBe('2026-12-28');
    expect(text.short).toBe('Dec 28');
    expect(text.text).toBe('until the end of Dec 28 (UTC)');
    // Never "Dec 27, 7:00 PM": no time of day is shown for a day.
    expect(text.text).not.toMatch(/\d:\d\d/);
  });
});

describe('a due known to the day', () => {
  const [ymReturn] = computeDeadlines({ platform: 'yandex-market', events: {}, pageCountdowns: [{ kind: 'return-window', endsAt: '2026-11-27' }] }, NOW);

  it('ends at 24:00 of its last day in the rule\'s zone, which is named when it is not the user\'s', () => {
    const t = (l: Locale) => translator(l);
    expect(formatDue(t('en'), ymReturn, f('en', 'Europe/Moscow'))).toBe('until the end of Nov 27');
    expect(formatDue(t('en'), ymReturn, f('en', 'America/New_York'))).toBe('until the end of Nov 27 (Moscow time)');
    expect(formatDue(t('ru'), ymReturn, f('ru', 'Europe/Moscow'))).toBe('до конца дня 27 ноября');
    expect(formatDue(t('ru'), ymReturn, f('ru', 'Asia/Shanghai'))).toBe('до конца дня 27 ноября (по московскому времени)');
    expect(formatDue(t('zh_CN'), ymReturn, f('zh_CN', 'Asia/Shanghai'))).toBe('截至11月27日 24:00（莫斯科时间）');
    // The same moment in the user's own clock, for a UI that wants to add it.
    expect(describeDue(t('en'), ymReturn, f('en', 'America/New_York')).localEnd).toBe('Nov 27, 4:00 PM');
  });

  it('says how long ago it passed in calendar days: the 27th seen on 1 December is 4 days ago', () => {
    expect(formatAgo(translator('en'), ymReturn, NOW)).toBe('4 days ago');
    expect(formatAgo(translator('ru'), ymReturn, NOW)).toBe('4 дня назад');
    expect(formatAgo(translator('zh_CN'), ymReturn, NOW)).toBe('4天前');
    const minute: Deadline = { ...ymReturn, precision: 'minute', dueMs: NOW.getTime() - 5 * 3_600_000 };
    expect(formatAgo(translator('en'), minute, NOW)).toBe('5 hours ago');
    expect(formatAgo(translator('ru'), { ...minute, dueMs: NOW.getTime() - 800 * 86_400_000 }, NOW)).toBe('2 года назад');
  });

  it('names the rules\' zones in each language, and others as the browser does', () => {
    expect(zoneName(translator('zh_CN'), 'Asia/Shanghai', 'zh_CN')).toBe('北京时间');
    expect(zoneName(translator('en'), 'America/New_York', 'en', NOW.getTime())).toBe('Eastern Standard Time');
  });
});

describe('a due known to the hour', () => {
  it('shows the hour, rounded down, and the same hour when the page is read again', () => {
    const read = new Date('2026-12-01T10:55:00Z');
    const text = 'Buyer protection: 12 days 5 hours';
    const first: OrderFacts = { orderId: '1', items: [], sources: {}, countdowns: [{ label: 'Buyer protection', text, endsAt: countdownEndsAt(text, read) }] };
    const again: OrderFacts = { ...first, countdowns: [{ label: 'Buyer protection', text, endsAt: countdownEndsAt(text, new Date(read.getTime() + 10 * 60_000)) }] };
    const due = (o: OrderFacts) => deadlinesFor({ platform: 'aliexpress', order: o }, read).find((d) => d.rule === 'AE-02')!;
    const shown = (o: OrderFacts) => formatDue(translator('en'), due(o), f('en', 'UTC'));
    // Ends between 13 Dec 15:55 and 16:55 UTC: shown as 15:00, never later than it is.
    expect(shown(first)).toBe('until Dec 13, 3:00 PM');
    // Read at 11:05: alone it would say 16:00; merged with the stored reading it still says 15:00.
    expect(shown(again)).toBe('until Dec 13, 4:00 PM');
    expect(shown({ ...again, countdowns: mergeCountdowns(first.countdowns, again.countdowns) })).toBe('until Dec 13, 3:00 PM');
  });

  it('shows an exact due to the minute in the user\'s zone', () => {
    const [timer] = computeDeadlines({ platform: 'taobao', events: { refundRequested: '2026-11-11T01:20:00+08:00' } }, NOW).filter((d) => d.rule === 'TB-04');
    expect(formatDue(translator('en'), timer, f('en', 'Europe/Moscow'))).toBe('until Nov 12, 8:20 PM');
  });
});

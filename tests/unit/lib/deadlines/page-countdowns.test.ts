import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { caseDeadlines, deadlinesFor } from '@/lib/deadlines/case-input';
import { orderForPlan } from '@/lib/cases/plan';
import { saveOrders } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import type { Countdown, OrderFacts } from '@/lib/common/model';
import { engineCountdowns } from '@/lib/deadlines/page-countdowns';
import { countdownInterval, mergeCountdowns, steadyCountdowns } from '@/lib/readers/steady-countdowns';
import { countdownEndsAt } from '@/lib/readers/parse/countdown';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const READ = new Date('2026-11-20T10:20:00.000Z');

/** A countdown as a reader makes it: the page's words, and the end from the moment it was read. */
function read(text: string, at: Date, label = 'Buyer protection'): Countdown {
  return { label, text, endsAt: countdownEndsAt(text, at) };
}
const order = (countdowns: Countdown[]): OrderFacts => ({ orderId: '8190123456789012', items: [], sources: {}, countdowns });

describe('a countdown keeps the precision the page gave', () => {
  it('"12 days 5 hours" read at 10:20 ends between 12 d 5 h and 12 d 6 h later, known to the hour', () => {
    const interval = countdownInterval(read('осталось 12 дней 5 часов', READ))!;
    expect(interval.from).toBe(READ.getTime() + (12 * 24 + 5) * HOUR);
    expect(interval.before).toBe(READ.getTime() + (12 * 24 + 6) * HOUR);
    expect(interval.precision).toBe('hour');
    expect(countdownInterval(read('剩余3天12小时5分', READ))!.precision).toBe('minute');
    expect(countdownInterval(read('осталось 3 дня', READ))!.precision).toBe('day');
    // A date, or a countdown without a duration, is taken as the page gives it.
    expect(countdownInterval({ text: 'Можно вернуть до 27 ноября', endsAt: '2026-11-27T20:59:59.000Z' })).toBeUndefined();
  });

  it('the engine gets the interval and shows the due known to the hour', () => {
    const [deadline] = deadlinesFor({ platform: 'aliexpress', order: order([read('Buyer protection: 12 days 5 hours', READ)]) }, READ).filter((d) => d.rule === 'AE-02');
    expect(deadline).toMatchObject({ precision: 'hour', dueMs: READ.getTime() + (12 * 24 + 5) * HOUR, latestMs: READ.getTime() + (12 * 24 + 6) * HOUR, setBy: 'page' });
  });

  it('a date the page gives without a time ("до 27 ноября") is that day of the platform\'s zone', () => {
    const stated = engineCountdowns('yandex-market', order([{ label: 'Можно вернуть до', text: 'Можно вернуть до 27 ноября', endsAt: '2026-11-27T20:59:59.000Z' }]), 'Europe/Moscow');
    expect(stated).toEqual([{ kind: 'return-window', endsAt: '2026-11-27', precision: 'day' }]);
    const aliexpress = engineCountdowns('aliexpress', order([{ label: 'Refund if no delivery before', text: 'Refund if no delivery before Dec 28, 2026', endsAt: '2026-12-28' }]), 'UTC');
    expect(aliexpress).toEqual([{ kind: 'delivery-guarantee', endsAt: '2026-12-28', precision: 'day' }]);
    // A date with a time stays an instant.
    const timed = engineCountdowns('yandex-market', order([{ label: 'Можно вернуть до', text: 'Можно вернуть до 27 ноября, 18:00', endsAt: '2026-11-27T15:00:00.000Z' }]), 'Europe/Moscow');
    expect(timed).toEqual([{ kind: 'return-window', endsAt: '2026-11-27T15:00:00.000Z' }]);
  });
});

describe('a countdown read again does not move', () => {
  it('minutes later, with the same words, the stored due stays and the interval only narrows', () => {
    const first = read('Buyer protection: 12 days 5 hours', READ);
    const later = read('Buyer protection: 12 days 5 hours', new Date(READ.getTime() + 10 * MINUTE));
    const [merged] = mergeCountdowns([first], [later])!;
    const interval = countdownInterval(merged)!;
    // The intersection of [10:20, 11:20) and [10:30, 11:30) (+12 d 5 h): the due lies inside the first reading's hour.
    expect(interval.from).toBe(READ.getTime() + (12 * 24 + 5) * HOUR + 10 * MINUTE);
    expect(interval.before).toBe(READ.getTime() + (12 * 24 + 6) * HOUR);
    expect(merged.endsBefore).toBe(new Date(interval.before).toISOString());
    // Forty minutes on, the page says one hour less: the interval narrows again and stays inside the first.
    const after = read('Buyer protection: 12 days 4 hours', new Date(READ.getTime() + 50 * MINUTE));
    const again = countdownInterval(mergeCountdowns([merged], [after])![0])!;
    expect(again.from).toBe(interval.from);
    expect(again.before).toBe(READ.getTime() + (12 * 24 + 5) * HOUR + 50 * MINUTE);
  });

  it('a reading that does not overlap the stored one (the timer was extended) replaces it', () => {
    const first = read('Buyer protection: 12 days 5 hours', READ);
    const extended = read('Buyer protection: 27 days 5 hours', new Date(READ.getTime() + 10 * MINUTE));
    expect(mergeCountdowns([first], [extended])).toEqual([extended]);
    // Another label is another countdown; a reading without countdowns keeps the stored ones.
    const other = read('осталось 12 дней 5 часов', new Date(READ.getTime() + 10 * MINUTE), 'Seller must respond');
    expect(mergeCountdowns([first], [other])).toEqual([other]);
    expect(mergeCountdowns([first], [])).toEqual([first]);
    expect(mergeCountdowns(undefined, [first])).toEqual([first]);
  });

  it('saving the order again (capture or list save) keeps the due; so does the popup\'s plan', async () => {
    const NAME = 'page-countdowns-test';
    const database = new DisputeKitDB(NAME);
    try {
      const first = order([read('Buyer protection: 12 days 5 hours', READ)]);
      const later = new Date(READ.getTime() + 10 * MINUTE);
      const second = order([read('Buyer protection: 12 days 5 hours', later)]);
      await saveOrders(database, 'aliexpress', [first], READ);
      const dueOf = (o: OrderFacts) => deadlinesFor({ platform: 'aliexpress', order: o }, later).find((d) => d.rule === 'AE-02')!;
      const before = dueOf(first);
      await saveOrders(database, 'aliexpress', [second], later);
      const stored = (await database.cases.get('aliexpress:8190123456789012'))!;
      const after = caseDeadlines(stored, [], later).find((d) => d.rule === 'AE-02')!;
      expect(after.latestMs).toBe(before.latestMs);
      expect(after.dueMs).toBeLessThan(before.latestMs!);
      // Without the merge the second reading alone would end 10 minutes later than the first allows.
      expect(dueOf(second).latestMs).toBe(before.latestMs! + 10 * MINUTE);
      expect(dueOf(orderForPlan(second, first)).latestMs).toBe(before.latestMs);
    } finally {
      database.close();
      await Dexie.delete(NAME);
    }
  });
});

describe('a deadline counted from a countdown known to the hour', () => {
  it('is an interval too: asking to extend protection (7 days before its end) narrows with it', () => {
    const first = order([read('Buyer protection: 12 days 5 hours', READ)]);
    const [protection, extend] = ['AE-02', 'AE-13'].map((rule) => deadlinesFor({ platform: 'aliexpress', order: first }, READ).find((d) => d.rule === rule)!);
    expect(extend.precision).toBe('hour');
    expect(extend.dueMs).toBe(protection.dueMs - 7 * 24 * HOUR);
    expect(extend.latestMs).toBe(protection.latestMs! - 7 * 24 * HOUR);
  });
});

describe('readings of one open page', () => {
  const reading = (orders: OrderFacts[]) => ({ platform: 'aliexpress' as const, pageKind: 'order-detail' as const, orders, missing: [] });

  it('each order keeps the interval its earlier reading allows; what the page no longer shows is not brought back', () => {
    const first = reading([order([read('Buyer protection: 12 days 5 hours', READ)])]);
    const later = new Date(READ.getTime() + 10 * MINUTE);
    const second = reading([order([read('Buyer protection: 12 days 5 hours', later)])]);
    const steady = steadyCountdowns(first, second)!;
    expect(steady.orders[0].countdowns![0]).toMatchObject({ endsAt: new Date(later.getTime() + (12 * 24 + 5) * HOUR).toISOString(), endsBefore: new Date(READ.getTime() + (12 * 24 + 6) * HOUR).toISOString() });
    const gone = reading([order([])]);
    expect(steadyCountdowns(first, gone)).toBe(gone);
    // Another order, or no earlier reading: as read.
    const other = reading([{ ...order([read('Buyer protection: 3 days', later)]), orderId: '1' }]);
    expect(steadyCountdowns(first, other)).toBe(other);
    expect(steadyCountdowns(undefined, second)).toBe(second);
    expect(steadyCountdowns(first, null)).toBeNull();
  });
});

import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { caseDeadlines, deadlinesFor, eventDates, pageCountdowns, pageEventDates } from '@/lib/deadlines/case-input';
import { setUserDue, setUserEventDate } from '@/lib/cases/case-dates';
import { saveOrders } from '@/lib/cases/cases';
import { NO_REPLY_RULE } from '@/lib/cases/contacts';
import { DisputeKitDB } from '@/lib/cases/db';
import type { ContactRecord, OrderFacts } from '@/lib/common/model';

const NAME = 'disputekit-case-deadlines-test';
let database: DisputeKitDB | undefined;
afterEach(async () => {
  database?.close();
  await Dexie.delete(NAME);
});

const NOW = new Date('2026-11-20T12:00:00.000Z');
const order: OrderFacts = {
  orderId: '8190123456789012',
  placedAt: '2026-11-03T10:00:00+08:00',
  items: [],
  sources: {},
  countdowns: [
    { label: 'Buyer protection', text: 'Buyer protection: 2 days 5 hours', endsAt: '2026-11-22T17:00:00.000Z' },
    { label: '付款', text: '付款 1天', endsAt: '2026-11-21T12:00:00.000Z' }, // not a deadline the engine knows
    { label: 'Buyer protection', text: 'Buyer protection: soon' }, // no end: nothing to count down to
  ],
};

describe('who set each date', () => {
  it('the page gives the order date; a date the user set wins; other user dates are added', () => {
    expect(eventDates(order, undefined)).toEqual({ placed: { at: order.placedAt, setBy: 'page' } });
    const dates = eventDates(order, { placed: { at: '2026-11-04T09:00:00+08:00', setBy: 'user' }, shipped: { at: '2026-11-05T09:00:00+08:00', setBy: 'user' } });
    expect(dates.placed).toEqual({ at: '2026-11-04T09:00:00+08:00', setBy: 'user' });
    expect(dates.shipped).toEqual({ at: '2026-11-05T09:00:00+08:00', setBy: 'user' });
  });

  it('ignores stored names that are not case events', () => {
    expect(eventDates({ ...order, placedAt: undefined }, { bogus: { at: '2026-11-04T09:00:00Z', setBy: 'user' } })).toEqual({});
  });

  it('page countdowns with an end become engine countdowns of a known kind, with the precision the page gave; the rest are left out', () => {
    // "2 days 5 hours" is truncated: it ends within the hour after 2 d 5 h (issue 11: countdowns keep their precision).
    expect(pageCountdowns('aliexpress', order)).toEqual([{ kind: 'buyer-protection', endsAt: '2026-11-22T17:00:00.000Z', endsBefore: '2026-11-22T18:00:00.000Z', precision: 'hour' }]);
  });

  it('the page countdown sets its rule\'s deadline; a shipped date the user enters adds the rules it starts', () => {
    const fromPage = deadlinesFor({ platform: 'aliexpress', order }, NOW);
    const protection = fromPage.find((d) => d.rule === 'AE-02');
    expect(protection).toMatchObject({ setBy: 'page', dueMs: Date.parse('2026-11-22T17:00:00.000Z') });
    expect(fromPage.find((d) => d.rule === 'AE-06')).toBeUndefined();

    const withShipped = deadlinesFor({ platform: 'aliexpress', order, userDates: { shipped: { at: '2026-11-10T00:00:00Z', setBy: 'user' } } }, NOW);
    expect(withShipped.find((d) => d.rule === 'AE-06')?.setBy).toBe('rule');
    // The page still wins for the rule it states.
    expect(withShipped.find((d) => d.rule === 'AE-02')?.setBy).toBe('page');
    expect(withShipped.map((d) => d.dueMs)).toEqual([...withShipped.map((d) => d.dueMs)].sort((a, b) => a - b));
  });

  it('a contact without a reply adds the follow-up reminder among the deadlines, in order', () => {
    const contact: ContactRecord = { id: 'c1', caseId: 'aliexpress:8190123456789012', at: '2026-11-20T08:00:00.000Z', channel: 'seller-chat', summary: 'Where is my parcel?' };
    const record = { id: contact.caseId, platform: 'aliexpress' as const, orderId: order.orderId, order, state: 'open' as const, createdAt: '', updatedAt: '' };
    const deadlines = caseDeadlines(record, [contact], NOW);
    const reminder = deadlines.find((d) => d.rule === NO_REPLY_RULE);
    expect(reminder?.due).toBe('2026-11-22T08:00:00.000Z');
    expect(deadlines.filter((d) => d.dueMs > NOW.getTime())[0]).toBe(reminder);
    expect(deadlines.map((d) => d.dueMs)).toEqual([...deadlines.map((d) => d.dueMs)].sort((a, b) => a - b));
    // A reply after the contact ends the reminder.
    const replied = caseDeadlines({ ...record, dates: { sellerLastReply: { at: '2026-11-20T09:00:00.000Z', setBy: 'user' } } }, [contact], NOW);
    expect(replied.find((d) => d.rule === NO_REPLY_RULE)).toBeUndefined();
  });
});

describe('setting and clearing a date', () => {
  it('stores the user\'s date, keeps it when the page is read again, and clearing it brings the page\'s back', async () => {
    database = new DisputeKitDB(NAME);
    await saveOrders(database, 'aliexpress', [order], NOW);
    const caseId = 'aliexpress:8190123456789012';
    const updated = await setUserEventDate(database, caseId, 'placed', '2026-11-01T08:00:00+03:00', NOW);
    expect(updated?.dates).toEqual({ placed: { at: '2026-11-01T08:00:00+03:00', setBy: 'user' } });

    // A later capture or save refreshes the order facts but not the user's date.
    await saveOrders(database, 'aliexpress', [{ ...order, placedAt: '2026-11-03T11:00:00+08:00' }], NOW);
    const stored = (await database.cases.get(caseId))!;
    expect(stored.order.placedAt).toBe('2026-11-03T11:00:00+08:00');
    expect(eventDates(stored.order, stored.dates).placed).toEqual({ at: '2026-11-01T08:00:00+03:00', setBy: 'user' });

    const cleared = (await setUserEventDate(database, caseId, 'placed', null, NOW))!;
    expect(eventDates(cleared.order, cleared.dates).placed).toEqual({ at: '2026-11-03T11:00:00+08:00', setBy: 'page' });
  });

  it('refuses a value that is not a date and changes nothing; an unknown case is null', async () => {
    database = new DisputeKitDB(NAME);
    await saveOrders(database, 'aliexpress', [order], NOW);
    await expect(setUserEventDate(database, 'aliexpress:8190123456789012', 'shipped', 'tomorrow', NOW)).rejects.toThrow(/not a date/);
    expect((await database.cases.get('aliexpress:8190123456789012'))!.dates).toBeUndefined();
    expect(await setUserEventDate(database, 'aliexpress:1', 'shipped', '2026-11-01T08:00:00Z', NOW)).toBeNull();
  });
});

describe('a deadline the user sets by hand', () => {
  it('wins over the page\'s countdown, and removing it brings the page\'s back', async () => {
    database = new DisputeKitDB(NAME);
    await saveOrders(database, 'aliexpress', [order], NOW);
    const caseId = 'aliexpress:8190123456789012';
    const set = (await setUserDue(database, caseId, 'AE-02', '2026-12-01T12:00:00+03:00', NOW))!;
    const mine = caseDeadlines(set, [], NOW).find((d) => d.rule === 'AE-02');
    expect(mine).toMatchObject({ setBy: 'user', dueMs: Date.parse('2026-12-01T12:00:00+03:00') });
    // The rule that starts from it (AE-04: protection end + 15 days) follows the user's date.
    expect(caseDeadlines(set, [], NOW).find((d) => d.rule === 'AE-04')!.dueMs).toBeGreaterThan(Date.parse('2026-12-15T00:00:00Z'));
    const cleared = (await setUserDue(database, caseId, 'AE-02', null, NOW))!;
    expect(caseDeadlines(cleared, [], NOW).find((d) => d.rule === 'AE-02')).toMatchObject({ setBy: 'page', dueMs: Date.parse('2026-11-22T17:00:00.000Z') });
  });
});

describe('the page\'s dates feed the engine', () => {
  // A Yandex Market order delivered on 5 November whose page says "Можно вернуть до 27 ноября" (the case).
  const delivered: OrderFacts = {
    orderId: '512034876',
    placedAt: '2026-11-03T14:42:00+03:00',
    status: 'Доставлен',
    items: [],
    sources: {},
    events: { placed: '2026-11-03T14:42:00+03:00', paid: '2026-11-03T14:43:00+03:00', shipped: '2026-11-04', delivered: '2026-11-05' },
    countdowns: [{ label: 'Можно вернуть до', text: 'Можно вернуть до 27 ноября', endsAt: '2026-11-27T20:59:59.000Z' }],
  };
  const TODAY = new Date('2026-12-01T09:00:00Z');

  it('takes every event the reader gives as set by the page, placedAt and the dispute\'s opening as stand-ins', () => {
    expect(pageEventDates(delivered)).toEqual({
      placed: { at: '2026-11-03T14:42:00+03:00', setBy: 'page' },
      paid: { at: '2026-11-03T14:43:00+03:00', setBy: 'page' },
      shipped: { at: '2026-11-04', setBy: 'page' },
      delivered: { at: '2026-11-05', setBy: 'page' },
    });
    const dispute: OrderFacts = { orderId: '1', items: [], sources: {}, placedAt: '2026-11-01', dispute: { openedAt: '2026-11-20' } };
    expect(pageEventDates(dispute)).toEqual({ placed: { at: '2026-11-01', setBy: 'page' }, disputeOpened: { at: '2026-11-20', setBy: 'page' } });
  });

  it('counts the 7-day return and the defect claim from the page\'s delivered day, and the page\'s return date as a day', () => {
    const deadlines = deadlinesFor({ platform: 'yandex-market', order: delivered }, TODAY);
    const by = (rule: string) => deadlines.find((d) => d.rule === rule);
    expect(by('RU-261a')).toMatchObject({ due: '2026-11-13T00:00:00+03:00', precision: 'day', from: { event: 'delivered' } });
    expect(by('RU-19')).toMatchObject({ due: '2028-11-07T00:00:00+03:00', precision: 'day' });
    expect(by('RU-261b')?.due).toBe('2027-02-06T00:00:00+03:00');
    // "до 27 ноября" is the end of 27 November in Moscow, not 23:59:59 of it.
    expect(by('YM-02')).toMatchObject({ due: '2026-11-28T00:00:00+03:00', precision: 'day', setBy: 'page' });
    // The payment starts the card and PayPal windows.
    expect(by('PP-1')?.from).toEqual({ event: 'paid' });
  });

  it('a date the user enters still wins over the page\'s', () => {
    const deadlines = deadlinesFor({ platform: 'yandex-market', order: delivered, userDates: { delivered: { at: '2026-11-06', setBy: 'user' } } }, TODAY);
    expect(deadlines.find((d) => d.rule === 'RU-261a')?.due).toBe('2026-11-14T00:00:00+03:00');
    expect(eventDates(delivered, { delivered: { at: '2026-11-06', setBy: 'user' } }).delivered).toEqual({ at: '2026-11-06', setBy: 'user' });
    // A stored user value that is no date does not hide the page's.
    expect(eventDates(delivered, { delivered: { at: 'soon', setBy: 'user' } }).delivered).toEqual({ at: '2026-11-05', setBy: 'page' });
  });

  it('lets the user set a day-only date and refuses what is no date', async () => {
    database = new DisputeKitDB(NAME);
    await saveOrders(database, 'yandex-market', [delivered], TODAY);
    const updated = await setUserEventDate(database, 'yandex-market:512034876', 'paymentDisputeOpened', '2026-11-28', TODAY);
    expect(updated?.dates).toEqual({ paymentDisputeOpened: { at: '2026-11-28', setBy: 'user' } });
    expect(caseDeadlines(updated!, [], TODAY).find((d) => d.rule === 'PP-2')).toMatchObject({ due: '2026-12-19T00:00:00+03:00', precision: 'day' });
    await expect(setUserEventDate(database, 'yandex-market:512034876', 'shipped', '2026-02-30', TODAY)).rejects.toThrow(/not a date/);
  });
});

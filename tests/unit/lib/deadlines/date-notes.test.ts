import { describe, expect, it } from 'vitest';
import { deadlinesFor } from '@/lib/deadlines/case-input';
import { dateNotes, dateNoteText } from '@/lib/deadlines/date-notes';
import { translator } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/common/model';

const NOW = new Date('2026-12-01T09:00:00Z');
const base: OrderFacts = { orderId: '512034876', items: [], sources: {}, placedAt: '2026-11-03T14:42:00+03:00', events: { placed: '2026-11-03T14:42:00+03:00', delivered: '2026-11-05' } };
const f = { locale: 'en' as const, timeZone: 'Europe/Moscow', now: NOW, withYear: true };

describe('notes beside dates that look wrong', () => {
  it('says nothing about dates in order', () => {
    expect(dateNotes({ platform: 'yandex-market', order: base }, NOW)).toEqual({});
  });

  it('a page date in the future (beyond a day\'s tolerance) is noted, and still counted', () => {
    const order: OrderFacts = { ...base, events: { ...base.events, shipped: '2026-12-09' } };
    const notes = dateNotes({ platform: 'yandex-market', order }, NOW);
    expect(notes.shipped![0]).toEqual({ key: 'future', setBy: 'page' });
    expect(dateNoteText(translator('en'), notes.shipped![0], f)).toBe('This date is in the future: check it.');
    // Tomorrow in Moscow is not "the future" yet (the user may be further east); the promised delivery date never is.
    expect(dateNotes({ platform: 'yandex-market', order: { ...base, events: { ...base.events, expectedDelivery: '2026-12-20' } } }, NOW)).toEqual({});
    expect(dateNotes({ platform: 'yandex-market', order: { ...base, events: { placed: '2026-12-02' } } }, NOW)).toEqual({});
  });

  it('a delivered date before the placed date is noted on both, in the user\'s language', () => {
    const notes = dateNotes({ platform: 'yandex-market', order: base, userDates: { delivered: { at: '2026-11-01', setBy: 'user' } } }, NOW);
    expect(notes.delivered).toContainEqual({ key: 'beforeEvent', setBy: 'user', other: 'placed', otherDate: '2026-11-03T14:42:00+03:00' });
    expect(notes.placed).toContainEqual({ key: 'afterEvent', setBy: 'page', other: 'delivered', otherDate: '2026-11-01' });
    const note = notes.delivered!.find((n) => n.key === 'beforeEvent')!;
    expect(dateNoteText(translator('en'), note, f)).toBe('Earlier than “Order placed” (Nov 3, 2026, 2:42 PM): check which one is right.');
    expect(dateNoteText(translator('ru'), note, { ...f, locale: 'ru' })).toBe('Раньше, чем «Заказ оформлен» (3 ноября 2026 г. в 14:42): проверьте, какая дата верна.');
    expect(dateNoteText(translator('zh_CN'), note, { ...f, locale: 'zh_CN' })).toBe('早于“下单”（2026年11月3日 14:42），请核对哪个正确。');
    // The user's choice is kept: their date is the one counted.
    const deadlines = deadlinesFor({ platform: 'yandex-market', order: base, userDates: { delivered: { at: '2026-11-01', setBy: 'user' } } }, NOW);
    expect(deadlines.find((d) => d.rule === 'RU-261a')?.due).toBe('2026-11-10T00:00:00+03:00');
  });

  it('notes other order violations: shipped before placed, receipt confirmed before delivery', () => {
    const order: OrderFacts = { ...base, events: { placed: '2026-11-03', shipped: '2026-11-02', delivered: '2026-11-08', receiptConfirmed: '2026-11-07T10:00:00+03:00' } };
    const notes = dateNotes({ platform: 'yandex-market', order }, NOW);
    expect(notes.shipped?.map((n) => `${n.key}:${n.other}`)).toContain('beforeEvent:placed');
    expect(notes.receiptConfirmed?.map((n) => `${n.key}:${n.other}`)).toContain('beforeEvent:delivered');
    // The same day for both is no violation, whatever the hour.
    expect(dateNotes({ platform: 'yandex-market', order: { ...base, events: { placed: '2026-11-03T23:00:00+03:00', shipped: '2026-11-03' } } }, NOW)).toEqual({});
  });

  it('an unreadable date is noted and not counted; nothing throws', () => {
    const order = { ...base, events: { placed: '2026-11-03T14:42:00+03:00', delivered: 'вчера' } } as unknown as OrderFacts;
    const notes = dateNotes({ platform: 'yandex-market', order, userDates: { shipped: { at: 'soon', setBy: 'user' } } }, NOW);
    expect(notes.delivered).toEqual([{ key: 'unreadable', setBy: 'page', value: 'вчера' }]);
    expect(notes.shipped).toEqual([{ key: 'unreadable', setBy: 'user', value: 'soon' }]);
    expect(dateNoteText(translator('ru'), notes.delivered![0], { ...f, locale: 'ru' })).toBe('«вчера» не удаётся прочитать как дату, поэтому от неё ничего не отсчитывается.');
    expect(deadlinesFor({ platform: 'yandex-market', order }, NOW).find((d) => d.rule === 'RU-261a')).toBeUndefined();
  });

  it('a user date that contradicts the page\'s is noted; the user\'s is counted', () => {
    const notes = dateNotes({ platform: 'yandex-market', order: base, userDates: { delivered: { at: '2026-11-07T10:00:00+03:00', setBy: 'user' } } }, NOW);
    expect(notes.delivered).toEqual([{ key: 'differsFromPage', setBy: 'user', pageDate: '2026-11-05' }]);
    expect(dateNoteText(translator('en'), notes.delivered![0], f)).toBe('The order page says Nov 5, 2026; deadlines are counted from your date.');
    // The same day as the page's is no contradiction.
    expect(dateNotes({ platform: 'yandex-market', order: base, userDates: { delivered: { at: '2026-11-05T18:00:00+03:00', setBy: 'user' } } }, NOW)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { deadlinesFor, eventDates, eventValues } from '@/lib/deadlines/case-input';
import { caseHeadline, caseStatus, compareByUrgency, dateToEnter, deadlineStatuses, headlineText, missedUnacted, orderStatus, recentlyMissed, type CaseActivity, type Headline, type HeadlineInput } from '@/lib/deadlines/case-status';
import { dashboardRow, selectRows } from '@/lib/cases/case-list';
import { translator, type Locale } from '@/lib/i18n';
import type { Platform } from '@/lib/common/marketplaces';
import type { CaseRecord, OrderFacts } from '@/lib/common/model';

const TODAY = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

// The case: a Yandex Market order delivered on 5 November whose page says "Можно вернуть до 27 ноября".
const ymDelivered: OrderFacts = {
  orderId: '512034876',
  placedAt: '2026-11-03T14:42:00+03:00',
  status: 'Доставлен',
  items: [],
  sources: {},
  events: { placed: '2026-11-03T14:42:00+03:00', delivered: '2026-11-05' },
  countdowns: [{ label: 'Можно вернуть до', text: 'Можно вернуть до 27 ноября', endsAt: '2026-11-27T20:59:59.000Z' }],
};

function input(platform: Platform, order: OrderFacts, extra: { userDates?: CaseRecord['dates']; steps?: CaseActivity['steps']; state?: CaseRecord['state'] } = {}): HeadlineInput {
  const deadlines = deadlinesFor({ platform, order, ...(extra.userDates && { userDates: extra.userDates }) }, TODAY);
  return { platform, state: extra.state ?? 'open', deadlines, activity: { events: eventValues(eventDates(order, extra.userDates)), steps: extra.steps ?? [] } };
}
const text = (headline: Headline, locale: Locale, timeZone = 'Europe/Moscow') => headlineText(translator(locale), headline, { locale, timeZone, now: TODAY });

describe('missed and still open', () => {
  it('a delivered order a month ago: the last buyer deadline missed, and what is still open, in three languages', () => {
    const headline = caseHeadline(input('yandex-market', ymDelivered), TODAY);
    expect(headline).toMatchObject({ kind: 'missed', deadline: { rule: 'YM-02' }, stillOpen: { rule: 'RU-261b' } });
    expect(text(headline, 'en')).toEqual({ line: 'Missed: Yandex Market return window, Nov 27 (4 days ago)', stillOpen: 'Still open: 3-month return until the end of Feb 5, 2027' });
    expect(text(headline, 'ru')).toEqual({ line: 'Пропущен срок: срок возврата Яндекс Маркета, 27 ноября (4 дня назад)', stillOpen: 'Ещё не истёк срок: возврат в течение 3 месяцев — до конца дня 5 февраля 2027 г.' });
    expect(text(headline, 'zh_CN', 'Asia/Shanghai')).toEqual({ line: '已错过：Yandex Market 退货期，11月27日（4天前）', stillOpen: '仍可办理：3个月内退货，截至2027年2月5日 24:00（莫斯科时间）' });
  });

  it('names the 7-day return when that is the one just missed, and the defect claim once only it is open', () => {
    const noPageDate = { ...ymDelivered, countdowns: [] };
    const atDay = (day: string) => caseHeadline(input('yandex-market', noPageDate), new Date(day));
    // On 15 November the 7-day return (last day 12 Nov) was missed 3 days ago; the 15-day refund is still open.
    const h = atDay('2026-11-15T09:00:00Z');
    expect(h).toMatchObject({ kind: 'missed', deadline: { rule: expect.stringMatching(/^(RU-261a|YM-02)$/) }, stillOpen: { rule: 'RU-18' } });
    expect(headlineText(translator('en'), h, { locale: 'en', timeZone: 'Europe/Moscow', now: new Date('2026-11-15T09:00:00Z') }).line).toMatch(/^Missed: (7-day return|Yandex Market return window), Nov 12 \(3 days ago\)$/);
    const late = caseHeadline(input('yandex-market', noPageDate), new Date('2027-03-01T09:00:00Z'));
    expect(late).toMatchObject({ kind: 'missed', deadline: { rule: 'RU-261b' }, stillOpen: { rule: 'RU-19' } });
    expect(headlineText(translator('en'), late, { locale: 'en', timeZone: 'Europe/Moscow', now: new Date('2027-03-01T09:00:00Z') }).stillOpen).toBe('Still open: defect claim until the end of Nov 6, 2028');
  });

  it('an action recorded in time meets a buyer\'s deadline; one recorded late is not "missed and nothing done"', () => {
    const claim = { claimSent: { at: '2026-11-20T10:00:00+03:00', setBy: 'user' as const } };
    const h = input('yandex-market', ymDelivered, { userDates: claim });
    const statuses = deadlineStatuses('yandex-market', h.deadlines, h.activity, TODAY);
    const state = (rule: string) => statuses.find((s) => s.deadline.rule === rule)!;
    expect(state('YM-02')).toMatchObject({ state: 'met', metBy: { event: 'claimSent', at: '2026-11-20T10:00:00+03:00' } });
    expect(state('RU-261a')).toMatchObject({ state: 'missed', actedLater: true });
    // The seller's 10 days to meet the claim are another party's timer: they end, they are never missed.
    expect(state('RU-22').state).toBe('ended');
    expect(missedUnacted(statuses)).toEqual([]);
    expect(caseHeadline(h, TODAY).kind).not.toBe('missed');
  });

  it('a ladder step ticked done before the end meets the deadlines it cites', () => {
    const h = input('yandex-market', ymDelivered, { steps: [{ stepId: 'return-request', state: 'done', at: '2026-11-10T08:00:00.000Z' }] });
    const statuses = deadlineStatuses('yandex-market', h.deadlines, h.activity, TODAY);
    expect(statuses.find((s) => s.deadline.rule === 'RU-261a')).toMatchObject({ state: 'met', metBy: { step: 'return-request' } });
    // A skipped step meets nothing.
    const skipped = input('yandex-market', ymDelivered, { steps: [{ stepId: 'return-request', state: 'skipped', at: '2026-11-10T08:00:00.000Z' }] });
    expect(deadlineStatuses('yandex-market', skipped.deadlines, skipped.activity, TODAY).find((s) => s.deadline.rule === 'RU-261a')!.state).toBe('missed');
  });

  it('an action on the last day (a day-only date) is in time', () => {
    const h = input('yandex-market', { ...ymDelivered, countdowns: [] }, { userDates: { refundRequested: { at: '2026-11-12', setBy: 'user' } } });
    expect(deadlineStatuses('yandex-market', h.deadlines, h.activity, TODAY).find((s) => s.deadline.rule === 'RU-261a')!.state).toBe('met');
  });

  it('a Tmall order from 2021: everything has passed, the latest miss is said, with nothing still open', () => {
    const tmall: OrderFacts = { orderId: '1', items: [], sources: {}, events: { placed: '2021-03-05T10:42:00+08:00', paid: '2021-03-05T10:43:00+08:00', shipped: '2021-03-06', completed: '2021-03-12T09:00:00+08:00' } };
    const headline = caseHeadline(input('tmall', tmall), TODAY);
    expect(headline).toMatchObject({ kind: 'missed', deadline: { rule: 'CN-12315b' } });
    expect(headline.kind === 'missed' && headline.stillOpen).toBeUndefined();
    expect(text(headline, 'en').line).toBe('Missed: complaint time bar (3 years), Mar 12, 2024 (2 years ago)');
  });

  it('another party\'s timer that ended is not missed: a dispute opened 10 days ago', () => {
    const order: OrderFacts = { orderId: '8190123456789012', items: [], sources: {}, events: { placed: '2026-11-03', shipped: '2026-11-05', disputeOpened: '2026-11-21' } };
    const h = input('aliexpress', order);
    const statuses = deadlineStatuses('aliexpress', h.deadlines, h.activity, TODAY);
    expect(statuses.find((s) => s.deadline.rule === 'AE-07')!.state).toBe('ended');
    expect(statuses.find((s) => s.deadline.rule === 'AE-04')).toMatchObject({ state: 'met', metBy: { event: 'disputeOpened' } });
    expect(caseHeadline(h, TODAY)).toMatchObject({ kind: 'open', deadline: { rule: 'AE-13' } });
  });

  it('PP-2: a PayPal dispute not escalated within 20 days is missed', () => {
    const order: OrderFacts = { orderId: '8190123456789012', items: [], sources: {} };
    const h = input('aliexpress', order, { userDates: { paymentDisputeOpened: { at: '2026-11-05', setBy: 'user' } } });
    const headline = caseHeadline(h, TODAY);
    expect(headline).toMatchObject({ kind: 'missed', deadline: { rule: 'PP-2' } });
    expect(text(headline, 'en', 'UTC').line).toBe('Missed: escalating the PayPal dispute, Nov 25 (6 days ago)');
  });

  it('PP-2: escalated to a claim in time (a date the user enters), it is met, not missed', () => {
    const order: OrderFacts = { orderId: '8190123456789012', items: [], sources: {} };
    const userDates = { paymentDisputeOpened: { at: '2026-11-05', setBy: 'user' as const }, paymentClaimEscalated: { at: '2026-11-20', setBy: 'user' as const } };
    const h = input('aliexpress', order, { userDates });
    const pp2 = deadlineStatuses('aliexpress', h.deadlines, h.activity, TODAY).find((s) => s.deadline.rule === 'PP-2');
    expect(pp2).toMatchObject({ state: 'met', metBy: { event: 'paymentClaimEscalated' } });
    expect(caseHeadline(h, TODAY)).not.toMatchObject({ kind: 'missed', deadline: { rule: 'PP-2' } });
    // Escalated after the 20 days: still missed.
    const late = input('aliexpress', order, { userDates: { ...userDates, paymentClaimEscalated: { at: '2026-11-28', setBy: 'user' } } });
    expect(deadlineStatuses('aliexpress', late.deadlines, late.activity, TODAY).find((s) => s.deadline.rule === 'PP-2')?.state).not.toBe('met');
  });
});

describe('the nearest open deadline, or the date to enter', () => {
  it('says the nearest deadline still open with its time left', () => {
    const fresh: OrderFacts = { ...ymDelivered, events: { placed: '2026-11-28', delivered: '2026-11-29' }, countdowns: [] };
    const headline = caseHeadline(input('yandex-market', fresh), TODAY);
    expect(headline).toMatchObject({ kind: 'open', deadline: { rule: 'RU-261a' } });
    // Delivered 29 Nov: last day 6 Dec (a Sunday) moves to Monday 7 Dec, until 24:00 Moscow.
    expect(text(headline, 'en').line).toBe('6 days 12 hours left: 7-day return, until the end of Dec 7');
    expect(text(headline, 'ru').line).toBe('Осталось 6 дней 12 часов: возврат за 7 дней, до конца дня 7 декабря');
  });

  it('says which date to enter and what it would start when nothing can be counted', () => {
    const placedOnly: OrderFacts = { orderId: '512034876', items: [], sources: {}, placedAt: '2026-11-28T10:00:00+03:00' };
    const headline = caseHeadline(input('yandex-market', placedOnly), TODAY);
    expect(headline).toMatchObject({ kind: 'enterDate', event: 'delivered' });
    expect(headline.kind === 'enterDate' && headline.rules.slice(0, 3)).toEqual(['RU-261a', 'RU-261b', 'RU-19']);
    expect(text(headline, 'en').line).toBe('Enter the delivery date: it starts the 7-day return, the 3-month return, and 3 more');
    expect(text(headline, 'ru').line).toBe('Укажите дату получения: от неё отсчитываются возврат за 7 дней, возврат в течение 3 месяцев и ещё 3');
    expect(text(headline, 'zh_CN').line).toBe('请填写签收日期：7天内退货、3个月内退货和另外3项将从这一天起计算');
    expect(dateToEnter({ platform: 'yandex-market', events: { placed: '2026-11-28', delivered: '2026-11-29', paid: '2026-11-28' } }, TODAY)).toBeUndefined();
  });

  it('a resolved or closed case tracks nothing', () => {
    expect(caseHeadline(input('yandex-market', ymDelivered, { state: 'resolved' }), TODAY)).toEqual({ kind: 'closed', state: 'resolved' });
    expect(text({ kind: 'closed', state: 'closed' }, 'zh_CN').line).toBe('已关闭：不再跟踪期限。');
  });
});

describe('the badge\'s and the dashboard\'s view', () => {
  it('a miss counts as recent for 7 days', () => {
    const h = input('yandex-market', ymDelivered);
    const statuses = deadlineStatuses('yandex-market', h.deadlines, h.activity, TODAY);
    expect(recentlyMissed(statuses, TODAY).map((d) => d.rule)).toEqual(['YM-02']);
    expect(recentlyMissed(statuses, new Date(TODAY.getTime() + 4 * DAY))).toEqual([]);
  });

  it('sorts open cases with a missed deadline first, then by the nearest open deadline, then the rest', () => {
    const record = (orderId: string, order: OrderFacts, state: CaseRecord['state'] = 'open', updatedAt = '2026-11-01T00:00:00.000Z'): CaseRecord => ({
      id: `yandex-market:${orderId}`, platform: 'yandex-market', orderId, order: { ...order, orderId }, state, createdAt: '2026-11-01T00:00:00.000Z', updatedAt,
    });
    // Delivered 26 Nov: the 7-day return ends with 3 Dec; delivered 29 Nov: with 7 Dec.
    const soon: OrderFacts = { ...ymDelivered, events: { delivered: '2026-11-26' }, countdowns: [] };
    const later: OrderFacts = { ...ymDelivered, events: { delivered: '2026-11-29' }, countdowns: [] };
    const rows = [
      dashboardRow(record('1', { ...ymDelivered, events: {}, countdowns: [] }, 'open', '2026-11-30T00:00:00.000Z'), [], TODAY),
      dashboardRow(record('2', later), [], TODAY),
      dashboardRow(record('3', ymDelivered, 'closed', '2026-11-29T00:00:00.000Z'), [], TODAY),
      dashboardRow(record('4', soon), [], TODAY),
      dashboardRow(record('5', ymDelivered), [], TODAY),
    ];
    expect(selectRows(rows, {}).map((r) => r.orderId)).toEqual(['5', '4', '2', '1', '3']);
    expect(rows[3].nearest?.due).toBe('2026-12-04T00:00:00+03:00');
    expect(rows[4].headline.kind).toBe('missed');
    expect(rows[4].nearest?.rule).toBe('RU-261b');
    expect(compareByUrgency(rows[4], rows[3])).toBeLessThan(0);
    // caseStatus gives the same headline from the stored rows.
    expect(caseStatus(record('5', ymDelivered), [], [], TODAY).headline).toEqual(rows[4].headline);
  });
});

describe('the popup\'s and case page\'s view of an order', () => {
  it('orderStatus gives the headline from the page\'s order, the user\'s dates and the ticks with their times', () => {
    const { headline, statuses } = orderStatus({ platform: 'yandex-market', order: ymDelivered, steps: [{ stepId: 'return-request', state: 'done', at: '2026-11-10T08:00:00.000Z' }] }, TODAY);
    expect(statuses.find((s) => s.deadline.rule === 'RU-261a')?.state).toBe('met');
    // The return-request step cites every return and defect window: all met, none missed; what is left is the
    // payment date, which would start the card and PayPal windows.
    expect(headline).toMatchObject({ kind: 'enterDate', event: 'paid' });
    expect(orderStatus({ platform: 'yandex-market', order: ymDelivered }, TODAY).headline.kind).toBe('missed');
    expect(orderStatus({ platform: 'yandex-market', order: ymDelivered, state: 'closed' }, TODAY).headline).toEqual({ kind: 'closed', state: 'closed' });
  });
});

import { describe, expect, it } from 'vitest';
import { checkDeadlineInput, computeDeadlines, countdownKind } from '@/lib/deadlines';
import type { Deadline, DeadlineInput } from '@/lib/deadlines';
import { RULES } from '@/lib/deadlines/rules';

const NOW = new Date('2026-11-20T12:00:00Z');

interface Row {
  name: string;
  input: DeadlineInput;
  rule: string;
  /** The expected due, worked out by hand from dispute-rules.md and the official calendars. */
  due: string;
  setBy?: Deadline['setBy'];
  confidence?: Deadline['confidence'];
}

const ae = (events: DeadlineInput['events'], extra: Partial<DeadlineInput> = {}): DeadlineInput => ({ platform: 'aliexpress', events, ...extra });
const tb = (events: DeadlineInput['events'], extra: Partial<DeadlineInput> = {}): DeadlineInput => ({ platform: 'taobao', events, ...extra });
const ym = (events: DeadlineInput['events'], extra: Partial<DeadlineInput> = {}): DeadlineInput => ({ platform: 'yandex-market', events, ...extra });

const ROWS: Row[] = [
  // AliExpress: platform timers in exact hours, shown in the buyer's zone (UTC when the region is not RU/CN).
  { name: 'protection cap 60 days, exact hours', input: ae({ shipped: '2026-11-02T09:15:00Z' }), rule: 'AE-02', due: '2027-01-01T09:15:00+00:00', confidence: 'L' },
  { name: 'protection cap 90 days for Russia, Moscow time', input: ae({ shipped: '2026-11-02T09:15:00+03:00' }, { region: 'RU' }), rule: 'AE-02', due: '2027-01-31T09:15:00+03:00' },
  { name: '15 days after confirming receipt, Shanghai time for a Chinese buyer', input: ae({ receiptConfirmed: '2026-11-20T22:30:00Z' }, { region: 'CN' }), rule: 'AE-03', due: '2026-12-06T06:30:00+08:00', confidence: 'H' },
  { name: 'last dispute day = protection end + 15 days', input: ae({ shipped: '2026-11-02T09:15:00Z' }), rule: 'AE-04', due: '2027-01-16T09:15:00+00:00' },
  { name: '5 days left once tracking says delivered', input: ae({ delivered: '2026-11-25T14:00:00Z' }), rule: 'AE-05', due: '2026-11-30T14:00:00+00:00' },
  { name: 'earliest dispute day, conservative 10 of 5–10 days', input: ae({ shipped: '2026-11-02T09:15:00Z' }), rule: 'AE-06', due: '2026-11-12T09:15:00+00:00', confidence: 'L' },
  { name: 'seller answers a dispute in 5 days', input: ae({ disputeOpened: '2026-11-18T20:00:00+03:00' }, { region: 'RU' }), rule: 'AE-07', due: '2026-11-23T20:00:00+03:00', confidence: 'M' },
  { name: 'AliExpress steps in after about 7 days', input: ae({ disputeOpened: '2026-11-18T20:00:00+03:00' }, { region: 'RU' }), rule: 'AE-08', due: '2026-11-25T20:00:00+03:00', confidence: 'L' },
  { name: 'free return 15 days from receipt', input: ae({ delivered: '2026-11-25T14:00:00Z' }), rule: 'AE-10', due: '2026-12-10T14:00:00+00:00' },
  { name: 'EU withdrawal: Brussels date of delivery, across the DST change', input: ae({ delivered: '2026-03-20T23:30:00Z' }, { region: 'EU' }), rule: 'AE-11', due: '2026-04-05T00:00:00+02:00' },
  { name: 'ask to extend protection 7 days before it ends', input: ae({ shipped: '2026-11-02T09:15:00Z' }), rule: 'AE-13', due: '2026-12-25T09:15:00+00:00', confidence: 'L' },
  { name: 'EU directive withdrawal', input: ae({ delivered: '2026-03-20T23:30:00Z' }, { region: 'EU' }), rule: 'EU-9', due: '2026-04-05T00:00:00+02:00' },
  { name: 'EU trader refunds within 14 days', input: ae({ refundRequested: '2026-11-20T10:00:00+01:00' }, { region: 'EU' }), rule: 'EU-13', due: '2026-12-05T00:00:00+01:00' },
  { name: 'UK 30 days beginning with the day after delivery', input: ae({ delivered: '2026-10-20T12:00:00+01:00' }, { region: 'UK' }), rule: 'UK-22', due: '2026-11-20T00:00:00+00:00' },
  { name: 'UK 6 months from 31 Aug end on 28 Feb', input: ae({ delivered: '2026-08-31T12:00:00+01:00' }, { region: 'UK' }), rule: 'UK-6M', due: '2027-03-01T00:00:00+00:00' },

  // Card schemes and PayPal: calendar days from payment, end of the last day in the buyer's zone.
  { name: 'Visa 13.1: 120 days', input: ym({ paid: '2026-11-03T10:00:00+03:00' }, { region: 'RU' }), rule: 'CB-V131', due: '2027-03-04T00:00:00+03:00' },
  { name: 'Visa 13.3: 120 days', input: ym({ paid: '2026-11-03T10:00:00+03:00' }, { region: 'RU' }), rule: 'CB-V133', due: '2027-03-04T00:00:00+03:00' },
  { name: 'Mastercard from the processing date when recorded', input: ae({ paid: '2026-11-03T10:00:00+03:00', paymentDate: '2026-11-05T10:00:00+03:00' }, { region: 'RU' }), rule: 'CB-MC', due: '2027-03-06T00:00:00+03:00' },
  { name: 'PayPal 180 days', input: tb({ paid: '2026-11-03T10:00:00+03:00' }, { region: 'RU' }), rule: 'PP-1', due: '2027-05-03T00:00:00+03:00', confidence: 'H' },
  // PP-2: 20 calendar days from the day the PayPal dispute was opened (20 Nov + 20 = 10 Dec), to 24:00 Moscow.
  { name: 'PayPal: escalate within 20 days of opening the dispute', input: ym({ paymentDisputeOpened: '2026-11-20T10:00:00+03:00' }, { region: 'RU' }), rule: 'PP-2', due: '2026-12-11T00:00:00+03:00', confidence: 'H' },

  // Taobao / Tmall: platform timers in exact hours, Asia/Shanghai.
  { name: '7-day return: 168 h from 00:00 of the day after signing; 17:00 UTC is already the next day in Shanghai', input: tb({ delivered: '2026-11-12T17:00:00Z' }), rule: 'TB-01', due: '2026-11-21T00:00:00+08:00' },
  { name: 'auto-confirm 10 days in exact hours (no rounding to a day)', input: tb({ shipped: '2026-11-10T15:30:00Z' }), rule: 'TB-02', due: '2026-11-20T23:30:00+08:00', confidence: 'L' },
  { name: 'extension possible 3 days before auto-confirm', input: tb({ shipped: '2026-11-10T15:30:00Z' }), rule: 'TB-03', due: '2026-11-17T23:30:00+08:00' },
  { name: 'seller 48 h on a refund before shipping', input: tb({ refundRequested: '2026-11-11T01:20:00+08:00' }), rule: 'TB-04', due: '2026-11-13T01:20:00+08:00' },
  { name: 'seller 5 days on a refund after shipping', input: tb({ shipped: '2026-11-09T10:00:00+08:00', refundRequested: '2026-11-11T01:20:00+08:00' }), rule: 'TB-05', due: '2026-11-16T01:20:00+08:00' },
  { name: 'after-sales 15 days (not verified)', input: tb({ completed: '2026-11-20T10:00:00+08:00' }), rule: 'TB-06', due: '2026-12-05T10:00:00+08:00', confidence: 'L' },
  { name: 'Tmall Global authenticity 90 days', input: { platform: 'tmall', events: { completed: '2026-11-20T10:00:00+08:00' } }, rule: 'TB-08', due: '2027-02-18T10:00:00+08:00' },

  // Chinese law: start day not counted, a last rest day or holiday moves on, 24:00 Shanghai.
  { name: 'art. 25: a last day in the National Day holiday moves to 8 Oct', input: tb({ delivered: '2026-09-24T10:00:00+08:00' }), rule: 'CN-25', due: '2026-10-09T00:00:00+08:00', confidence: 'H' },
  { name: 'art. 25: the Shanghai date of a late-evening UTC event', input: tb({ delivered: '2026-11-12T17:00:00Z' }), rule: 'CN-25', due: '2026-11-21T00:00:00+08:00' },
  { name: 'art. 24: a last day on a Saturday moves to Monday', input: tb({ delivered: '2026-11-07T10:00:00+08:00' }), rule: 'CN-24', due: '2026-11-17T00:00:00+08:00' },
  { name: 'art. 24: a last day on an adjusted working Saturday (调休) does not move', input: tb({ delivered: '2026-02-21T10:00:00+08:00' }), rule: 'CN-24', due: '2026-03-01T00:00:00+08:00' },
  { name: '12315: 7 WD over Mid-Autumn and National Day, counting the working Saturday 10 Oct', input: tb({ claimSent: '2026-09-24T10:00:00+08:00' }), rule: 'CN-12315a', due: '2026-10-13T00:00:00+08:00' },
  { name: '12315: 7 WD over the Spring Festival', input: tb({ claimSent: '2026-02-12T10:00:00+08:00' }), rule: 'CN-12315a', due: '2026-03-01T00:00:00+08:00' },
  { name: '12315: 3-year time bar', input: tb({ delivered: '2026-11-12T17:00:00Z' }), rule: 'CN-12315b', due: '2029-11-14T00:00:00+08:00' },
  { name: '12315: 45 WD of mediation after the latest acceptance day', input: tb({ claimSent: '2026-09-24T10:00:00+08:00' }), rule: 'CN-12315c', due: '2026-12-15T00:00:00+08:00' },
  { name: 'three guarantees: 7 days from the sale, over the holiday', input: tb({ paid: '2026-09-28T12:00:00+08:00' }), rule: 'CN-3B', due: '2026-10-09T00:00:00+08:00', confidence: 'M' },

  // Russian law: from the day after, a last non-working day moves to the next working day, 24:00 Moscow.
  { name: 'art. 26.1: a last day on a Saturday moves to Monday', input: ym({ delivered: '2026-11-14T12:00:00+03:00' }), rule: 'RU-261a', due: '2026-11-24T00:00:00+03:00', confidence: 'H' },
  { name: 'art. 26.1: the Moscow date of a late-evening UTC event', input: ym({ delivered: '2026-11-13T22:30:00Z' }), rule: 'RU-261a', due: '2026-11-24T00:00:00+03:00' },
  { name: 'art. 26.1: a last day in the New Year holidays moves past them (and the weekend after)', input: ym({ delivered: '2026-12-26T12:00:00+03:00' }), rule: 'RU-261a', due: '2027-01-12T00:00:00+03:00' },
  { name: '3 months to the same date', input: ym({ delivered: '2026-12-26T12:00:00+03:00' }), rule: 'RU-261b', due: '2027-03-27T00:00:00+03:00' },
  { name: '3 months from 30 Nov: end of February, a Sunday, moves to Monday', input: ym({ delivered: '2026-11-30T12:00:00+03:00' }), rule: 'RU-261b', due: '2027-03-02T00:00:00+03:00' },
  { name: 'refund in 10 days: last day on the transferred day off 11 May 2026', input: ym({ refundRequested: '2026-05-01T10:00:00+03:00' }), rule: 'RU-261c', due: '2026-05-13T00:00:00+03:00' },
  { name: '2 years: 12 June 2027 (holiday, Saturday) moves to Monday 14 June', input: ym({ delivered: '2025-06-12T15:00:00+03:00' }), rule: 'RU-19', due: '2027-06-15T00:00:00+03:00' },
  { name: '15 days: 8 March 2025 (Saturday) moves to Monday 10 March', input: ym({ delivered: '2025-02-21T10:00:00+03:00' }), rule: 'RU-18', due: '2025-03-11T00:00:00+03:00', confidence: 'M' },
  { name: 'claim: last day 1 Jan 2027 moves to 11 Jan', input: ym({ claimSent: '2026-12-22T10:00:00+03:00' }), rule: 'RU-22', due: '2027-01-12T00:00:00+03:00' },
  { name: 'claim: 3 Nov 2025 (transferred day off) and 4 Nov move to 5 Nov', input: ym({ claimSent: '2025-10-24T10:00:00+03:00' }), rule: 'RU-22', due: '2025-11-06T00:00:00+03:00' },
  { name: 'claim: Saturday 1 Nov 2025 was a working day, no move', input: ym({ claimSent: '2025-10-22T10:00:00+03:00' }), rule: 'RU-22', due: '2025-11-02T00:00:00+03:00' },
  { name: 'penalty starts the day after the claim period', input: ym({ claimSent: '2026-12-22T10:00:00+03:00' }), rule: 'RU-23', due: '2027-01-12T00:00:00+03:00' },
  { name: "Yandex Market's own window: 7 days of 7/14/30, typical", input: ym({ delivered: '2026-11-14T12:00:00+03:00' }), rule: 'YM-02', due: '2026-11-24T00:00:00+03:00', confidence: 'L' },

  // Overrides: the page beats the rule, the user beats both.
  {
    name: 'a page countdown overrides the computed protection end',
    input: ae({ shipped: '2026-11-02T09:15:00Z' }, { pageCountdowns: [{ kind: 'buyer-protection', endsAt: '2026-12-20T12:00:00Z' }] }),
    rule: 'AE-02', due: '2026-12-20T12:00:00+00:00', setBy: 'page', confidence: 'H',
  },
  {
    name: 'the last dispute day follows the protection end the page shows',
    input: ae({ shipped: '2026-11-02T09:15:00Z' }, { pageCountdowns: [{ kind: 'buyer-protection', endsAt: '2026-12-20T12:00:00Z' }] }),
    rule: 'AE-04', due: '2027-01-04T12:00:00+00:00', setBy: 'rule',
  },
  {
    name: 'the page states a rule that cannot be computed (delivery guarantee)',
    input: ae({ shipped: '2026-11-02T09:15:00Z' }, { pageCountdowns: [{ kind: 'delivery-guarantee', endsAt: '2026-12-28T16:00:00Z' }] }),
    rule: 'AE-12', due: '2026-12-28T16:00:00+00:00', setBy: 'page',
  },
  {
    name: "Yandex Market's return date from the page",
    input: ym({ delivered: '2026-11-14T12:00:00+03:00' }, { pageCountdowns: [{ kind: 'return-window', endsAt: '2026-11-27T20:59:59Z' }] }),
    rule: 'YM-02', due: '2026-11-27T23:59:59+03:00', setBy: 'page', confidence: 'H',
  },
  {
    name: 'a seller-response countdown on a shipped Taobao order is TB-05',
    input: tb({ shipped: '2026-11-09T10:00:00+08:00', refundRequested: '2026-11-11T01:20:00+08:00' }, { pageCountdowns: [{ kind: 'seller-response', endsAt: '2026-11-15T08:00:00+08:00' }] }),
    rule: 'TB-05', due: '2026-11-15T08:00:00+08:00', setBy: 'page',
  },
  {
    name: 'a user date overrides the page and the rule',
    input: tb({ shipped: '2026-11-10T15:30:00Z' }, { pageCountdowns: [{ kind: 'auto-confirm', endsAt: '2026-11-21T10:00:00+08:00' }], userDue: { 'TB-02': '2026-11-25T12:00:00+08:00' } }),
    rule: 'TB-02', due: '2026-11-25T12:00:00+08:00', setBy: 'user',
  },
  {
    name: 'a rule counted back from a user date follows it',
    input: tb({ shipped: '2026-11-10T15:30:00Z' }, { pageCountdowns: [{ kind: 'auto-confirm', endsAt: '2026-11-21T10:00:00+08:00' }], userDue: { 'TB-02': '2026-11-25T12:00:00+08:00' } }),
    rule: 'TB-03', due: '2026-11-22T12:00:00+08:00', setBy: 'rule',
  },
];

function find(input: DeadlineInput, rule: string): Deadline | undefined {
  return computeDeadlines(input, NOW).find((d) => d.rule === rule);
}

describe('computeDeadlines, one row per case', () => {
  it.each(ROWS)('$rule: $name', ({ input, rule, due, setBy = 'rule', confidence }) => {
    const deadline = find(input, rule);
    expect(deadline, `${rule} missing`).toBeDefined();
    expect(deadline!.due).toBe(due);
    expect(deadline!.dueMs).toBe(Date.parse(due));
    expect(deadline!.setBy).toBe(setBy);
    expect(deadline!.fromPage).toBe(setBy === 'page' ? true : undefined);
    if (confidence) expect(deadline!.confidence).toBe(confidence);
  });

  it('has a row for every computable rule', () => {
    const covered = new Set(ROWS.filter((r) => (r.setBy ?? 'rule') === 'rule').map((r) => r.rule));
    const computable = RULES.filter((r) => r.computable).map((r) => r.id);
    expect(computable.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('computeDeadlines', () => {
  it('sorts by due time and gives each deadline its label, source and confidence', () => {
    const deadlines = computeDeadlines(tb({ shipped: '2026-11-10T15:30:00Z', delivered: '2026-11-12T17:00:00Z' }), NOW);
    expect(deadlines.map((d) => d.dueMs)).toEqual([...deadlines.map((d) => d.dueMs)].sort((a, b) => a - b));
    const tb01 = deadlines.find((d) => d.rule === 'TB-01')!;
    expect(tb01).toMatchObject({ label: '7-day no-reason return ends', labelKey: 'rule.TB-01', confidence: 'M', effect: 'request allowed if goods intact' });
    expect(tb01.source).toMatch(/消费者权益保护法/);
  });

  it('flags the rules of confidence L, and only those, as L', () => {
    const deadlines = computeDeadlines(tb({ shipped: '2026-11-10T15:30:00Z', delivered: '2026-11-12T17:00:00Z', completed: '2026-11-20T10:00:00+08:00' }), NOW);
    const low = deadlines.filter((d) => d.confidence === 'L').map((d) => d.rule).sort();
    expect(low).toEqual(['TB-06']);
    const open = computeDeadlines(tb({ shipped: '2026-11-10T15:30:00Z' }), NOW).filter((d) => d.confidence === 'L').map((d) => d.rule).sort();
    expect(open).toEqual(['TB-02', 'TB-03']);
  });

  it('applies only the rules of the platform, region and case state', () => {
    const rules = (input: DeadlineInput) => computeDeadlines(input, NOW).map((d) => d.rule);
    expect(rules(tb({ completed: '2026-11-20T10:00:00+08:00' }))).not.toContain('TB-08');
    expect(rules(ae({ delivered: '2026-11-25T14:00:00Z' }))).not.toContain('EU-9');
    expect(rules(ae({ delivered: '2026-11-25T14:00:00Z' }, { region: 'EU' }))).toContain('EU-9');
    expect(rules(ae({ delivered: '2026-11-25T14:00:00Z', receiptConfirmed: '2026-11-26T10:00:00Z' }))).not.toContain('AE-05');
    expect(rules(tb({ shipped: '2026-11-09T10:00:00+08:00', refundRequested: '2026-11-11T01:20:00+08:00' }))).not.toContain('TB-04');
    expect(rules(ym({ delivered: '2026-11-14T12:00:00+03:00' }))).not.toContain('CN-25');
  });

  it('returns nothing for rules it cannot compute unless the page or the user gives a date', () => {
    expect(find(ae({ shipped: '2026-11-02T09:15:00Z' }), 'AE-12')).toBeUndefined();
    expect(find(ym({}), 'RU-20')).toBeUndefined();
    expect(find(ym({}, { userDue: { 'RU-20': '2026-12-01T00:00:00+03:00' } }), 'RU-20')).toMatchObject({ setBy: 'user', due: '2026-12-01T00:00:00+03:00' });
  });

  it('ignores an unreadable event date instead of failing', () => {
    expect(computeDeadlines(tb({ shipped: 'not a date' }), NOW)).toEqual([]);
  });
});

describe('countdownKind', () => {
  it.each([
    ['aliexpress', 'Buyer protection', 'buyer-protection'],
    ['aliexpress', 'Buyer protection ends in', 'buyer-protection'],
    ['aliexpress', 'Защита покупателя', 'buyer-protection'],
    ['aliexpress', 'Confirm receipt within', 'buyer-protection'],
    ['aliexpress', 'Refund if no delivery before', 'delivery-guarantee'],
    ['aliexpress', 'Возврат средств, если заказ не доставлен до', 'delivery-guarantee'],
    ['aliexpress', 'Your order will be closed in', undefined],
    ['taobao', '自动确认收货', 'auto-confirm'],
    ['tmall', '确认收货 剩余', 'auto-confirm'],
    ['taobao', '卖家还剩1天23时处理退款', 'seller-response'],
    ['taobao', '七天无理由退货', 'return-window'],
    ['taobao', '付款', undefined],
    ['taobao', '倒计时', undefined],
    ['yandex-market', 'Можно вернуть до', 'return-window'],
    ['yandex-market', 'Осталось 2 дня на подтверждение', 'seller-response'],
    ['yandex-market', 'Осталось 3 дня на подтверждение получения', 'auto-confirm'],
    ['yandex-market', 'Хранится в пункте выдачи до', undefined],
    ['yandex-market', 'Оплатите до', undefined],
  ] as const)('%s "%s" → %s', (platform, label, kind) => {
    expect(countdownKind(platform, label)).toBe(kind);
  });

  it('ties every kind it returns to a rule of that platform', () => {
    const kinds = [
      ['aliexpress', 'Buyer protection'],
      ['aliexpress', 'Refund if no delivery before'],
      ['taobao', '自动确认收货'],
      ['taobao', '卖家还剩1天处理'],
      ['yandex-market', 'Можно вернуть до'],
    ] as const;
    for (const [platform, label] of kinds) {
      const kind = countdownKind(platform, label)!;
      expect(RULES.some((r) => r.countdowns?.includes(kind) && r.platforms.includes(platform)), `${platform} ${kind}`).toBe(true);
    }
  });
});

describe('checkDeadlineInput', () => {
  it('accepts a valid case and turns a page label into its kind', () => {
    const checked = checkDeadlineInput({ platform: 'taobao', events: { shipped: '2026-11-10T15:30:00Z' }, pageCountdowns: [{ kind: '确认收货 剩余', endsAt: '2026-11-21T10:00:00+08:00' }] });
    expect(checked).toEqual({ ok: true, input: { platform: 'taobao', events: { shipped: '2026-11-10T15:30:00Z' }, pageCountdowns: [{ kind: 'auto-confirm', endsAt: '2026-11-21T10:00:00+08:00' }] } });
  });

  it.each([
    [{ platform: 'ebay', events: {} }, /platform: unknown platform/],
    [{ platform: 'taobao', events: { arrived: '2026-11-10T15:30:00Z' } }, /events.arrived: unknown event/],
    // A time without an offset would be read in the wrong zone (a bare day is a day: accepted, see below).
    [{ platform: 'taobao', events: { shipped: '2026-11-10T10:00' } }, /events.shipped: not an ISO 8601 date-time/],
    [{ platform: 'taobao', events: { shipped: '2026-02-30' } }, /events.shipped: not an ISO 8601 date-time with an offset, nor a day/],
    [{ platform: 'taobao', events: {}, pageCountdowns: [{ kind: 'auto-confirm', endsAt: '2026-11-21T10:00:00+08:00', precision: 'second' }] }, /precision/],
    [{ platform: 'taobao', events: { shipped: '2026-13-45T10:00:00Z' } }, /events.shipped: not an ISO 8601/],
    [{ platform: 'taobao', region: 'FR', events: {} }, /region: unknown region/],
    [{ platform: 'taobao', events: {}, pageCountdowns: [{ kind: 'lunch', endsAt: '2026-11-21T10:00:00+08:00' }] }, /unknown countdown kind "lunch"/],
    [{ platform: 'yandex-market', events: {}, pageCountdowns: [{ kind: 'buyer-protection', endsAt: '2026-11-21T10:00:00+03:00' }] }, /states no deadline on yandex-market/],
    [{ platform: 'taobao', events: {}, userDue: { 'XX-1': '2026-11-21T10:00:00+08:00' } }, /userDue.XX-1: unknown rule/],
  ])('rejects %j', (value, message) => {
    const checked = checkDeadlineInput(value);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toMatch(message);
  });
});

describe('calendar days stay days', () => {
  const at = (input: DeadlineInput, rule: string) => find(input, rule)!;

  it('accepts a day-only event and a day-only page countdown in a case', () => {
    const checked = checkDeadlineInput({ platform: 'yandex-market', events: { delivered: '2026-11-05' }, pageCountdowns: [{ kind: 'return-window', endsAt: '2026-11-27' }], userDue: { 'RU-19': '2028-11-03' } });
    expect(checked.ok).toBe(true);
  });

  it('counts a day-only event from that day: the same due as any time of that day, to 24:00 Moscow, known to the day', () => {
    // Delivered 5 Nov 2026: from 6 Nov, 7 days → 12 Nov (a Thursday), until 24:00 Moscow.
    const byDay = at(ym({ delivered: '2026-11-05' }), 'RU-261a');
    expect(byDay).toMatchObject({ due: '2026-11-13T00:00:00+03:00', precision: 'day', zone: 'Europe/Moscow', from: { event: 'delivered' } });
    expect(at(ym({ delivered: '2026-11-05T23:30:00+03:00' }), 'RU-261a').dueMs).toBe(byDay.dueMs);
    // A day is never midnight UTC: 5 Nov is 5 Nov in Moscow even though 00:00 UTC is already 03:00 there.
    expect(at(ym({ delivered: '2026-11-05' }), 'RU-19').due).toBe('2028-11-07T00:00:00+03:00');
  });

  it('starts an exact timer at 00:00 of the day in the rule\'s zone (the earliest instant) and marks it day precision', () => {
    expect(at(ae({ disputeOpened: '2026-11-18' }, { region: 'RU' }), 'AE-07')).toMatchObject({ due: '2026-11-23T00:00:00+03:00', precision: 'day' });
    expect(at(tb({ shipped: '2026-11-10' }), 'TB-02')).toMatchObject({ due: '2026-11-20T00:00:00+08:00', precision: 'day' });
    // TB-01 counts 168 h from 00:00 of the day after signing: the same for a day as for any instant of it.
    expect(at(tb({ delivered: '2026-11-12' }), 'TB-01')).toMatchObject({ due: '2026-11-20T00:00:00+08:00', precision: 'day' });
    // AE-04 (protection end + 15 days) and AE-13 (7 days before it) follow a day-precision protection end.
    expect(at(ae({ shipped: '2026-11-02' }), 'AE-04')).toMatchObject({ due: '2027-01-16T00:00:00+00:00', precision: 'day', from: { rule: 'AE-02' } });
    expect(at(ae({ shipped: '2026-11-02' }), 'AE-13')).toMatchObject({ due: '2026-12-25T00:00:00+00:00', precision: 'day' });
  });

  it('keeps minute precision for an exact timer from an instant, and day precision for periods counted in days', () => {
    expect(at(tb({ shipped: '2026-11-10T15:30:00Z' }), 'TB-02').precision).toBe('minute');
    expect(at(ym({ delivered: '2026-11-14T12:00:00+03:00' }), 'RU-261a').precision).toBe('day');
    expect(at(ae({ delivered: '2026-03-20T23:30:00Z' }, { region: 'EU' }), 'EU-9').precision).toBe('day');
  });

  it('ends a page date given as a day at the end of that day in the rule\'s zone, not at midnight UTC of the day before', () => {
    // "Refund if no delivery before Dec 28, 2026" on AliExpress (buyer zone unknown: UTC).
    const guarantee = at(ae({ placed: '2026-11-03' }, { pageCountdowns: [{ kind: 'delivery-guarantee', endsAt: '2026-12-28' }] }), 'AE-12');
    expect(guarantee).toMatchObject({ due: '2026-12-29T00:00:00+00:00', precision: 'day', setBy: 'page' });
    const ymReturn = at(ym({ delivered: '2026-11-05' }, { pageCountdowns: [{ kind: 'return-window', endsAt: '2026-11-27' }] }), 'YM-02');
    expect(ymReturn).toMatchObject({ due: '2026-11-28T00:00:00+03:00', precision: 'day', setBy: 'page' });
  });

  it('keeps a countdown\'s interval and precision', () => {
    const protection = at(ae({}, { pageCountdowns: [{ kind: 'buyer-protection', endsAt: '2026-12-02T17:20:00Z', endsBefore: '2026-12-02T18:20:00Z', precision: 'hour' }] }), 'AE-02');
    expect(protection).toMatchObject({ dueMs: Date.parse('2026-12-02T17:20:00Z'), latestMs: Date.parse('2026-12-02T18:20:00Z'), precision: 'hour' });
  });

  it('reads a hand-set day as the end of that day in the rule\'s zone', () => {
    expect(at(ym({}, { userDue: { 'RU-20': '2026-12-01' } }), 'RU-20')).toMatchObject({ setBy: 'user', due: '2026-12-02T00:00:00+03:00', precision: 'day' });
    expect(at(ym({}, { userDue: { 'RU-20': '2026-12-01T15:00:00+03:00' } }), 'RU-20').precision).toBe('minute');
  });

  it('says whose deadline each is and what meets it, from the rule data', () => {
    const all = computeDeadlines(ym({ delivered: '2026-11-05', claimSent: '2026-11-20' }), NOW);
    expect(all.find((d) => d.rule === 'RU-261a')).toMatchObject({ role: 'buyer', metBy: expect.arrayContaining(['refundRequested', 'claimSent']) });
    expect(all.find((d) => d.rule === 'RU-22')).toMatchObject({ role: 'other' });
    expect(all.find((d) => d.rule === 'RU-22')!.metBy).toBeUndefined();
  });
});

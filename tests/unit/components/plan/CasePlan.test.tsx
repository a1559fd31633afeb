// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CasePlan } from '@/components/plan/CasePlan';
import { casePlanApi, nextStepMessage, orderForPlan, planView, type CasePlanApi } from '@/lib/cases/plan';
import { DisputeKitDB } from '@/lib/cases/db';
import { translator, type Locale } from '@/lib/i18n';
import type { Platform } from '@/lib/common/marketplaces';
import type { OrderFacts } from '@/lib/common/model';
import { addDays, localDay } from '@/lib/common/time';
import { until } from '../../support/wait';

const NAME = 'disputekit-case-plan-test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let database: DisputeKitDB | undefined;
let root: HTMLElement;

afterEach(async () => {
  render(null, root);
  root.remove();
  database?.close();
  await Dexie.delete(NAME);
  database = undefined;
});

function order(protectionLeftMs: number): OrderFacts {
  return {
    orderId: '8190123456789012',
    placedAt: new Date(Date.now() - 5 * 24 * HOUR).toISOString(),
    store: { name: 'Sunrise Gadgets Store' },
    items: [],
    sources: {},
    countdowns: [{ label: 'Buyer protection', text: 'Buyer protection: …', endsAt: new Date(Date.now() + protectionLeftMs).toISOString() }],
  };
}

/** A Yandex Market order placed and delivered these many days ago (days of Moscow, as the page writes them). */
function ymOrder(deliveredDaysAgo: number | undefined, placedDaysAgo = (deliveredDaysAgo ?? 0) + 2): OrderFacts {
  const today = localDay(Date.now(), 'Europe/Moscow');
  return {
    orderId: '512034876',
    store: { name: 'ООО «Северный ветер»' },
    items: [],
    sources: {},
    events: { placed: addDays(today, -placedDaysAgo), ...(deliveredDaysAgo !== undefined && { delivered: addDays(today, -deliveredDaysAgo) }) },
  };
}

interface ShowOptions {
  platform?: Platform;
  locale?: Locale;
  timeZone?: string;
  focusRule?: string;
  api?: CasePlanApi;
  copy?: (text: string) => Promise<boolean>;
  withChild?: boolean;
}

function planApi(copy: (text: string) => Promise<boolean> = async () => true, notifyChanged = vi.fn()) {
  database ??= new DisputeKitDB(NAME);
  // The deadline check follows every committed write through the database (lib/cases/db.ts), not the plan's API.
  database.onDeadlineInputsChanged = notifyChanged;
  return { api: casePlanApi({ database, now: () => new Date(), copy, openSettings: () => {} }), notifyChanged };
}

async function show(facts: OrderFacts, options: ShowOptions = {}) {
  const { platform = 'aliexpress', locale = 'en', timeZone = 'UTC', focusRule, withChild = true } = options;
  const made = options.api ? { api: options.api, notifyChanged: vi.fn() } : planApi(options.copy);
  root?.remove();
  root = document.createElement('div');
  document.body.append(root);
  await act(async () =>
    render(
      <CasePlan
        t={translator(locale)}
        lang={locale}
        locale={locale}
        timeZone={timeZone}
        api={made.api}
        platform={platform}
        order={facts}
        caseId={`${platform}:${facts.orderId}`}
        {...(focusRule && { focusRule })}
      >
        {withChild && <button data-testid="capture">Capture evidence</button>}
      </CasePlan>,
      root,
    ),
  );
  await act(async () => {});
  return made;
}
const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const input = (id: string) => root.querySelector(`#${id}`) as HTMLInputElement;
async function setValue(el: HTMLInputElement, value: string) {
  el.value = value;
  await act(async () => void el.dispatchEvent(new Event('change')));
}

describe('the case plan in the popup', () => {
  it("before any capture: the page's countdown, then the next step, then the capture button", async () => {
    await show(order(2 * 24 * HOUR + 5 * HOUR + 30_000));
    expect(byTestId('countdown-left')?.textContent).toBe('2 days 5 hours left');
    expect(byTestId('countdown-label')?.textContent).toContain('from the page');
    expect(root.querySelector('[data-testid="countdown"] [data-testid="tag-typical"]')).toBeNull();
    const order_ = [...root.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
    expect(order_.indexOf('countdown')).toBeLessThan(order_.indexOf('next-step'));
    expect(order_.indexOf('next-step')).toBeLessThan(order_.indexOf('capture'));
    // The ladder's condition for going on to the following step is part of the next step.
    expect(byTestId('next-step-move-on')?.textContent).toMatch(/^Move on when: \S/);
    expect(byTestId('checklist')?.tagName).toBe('DETAILS');
    expect(byTestId('deadlines')?.tagName).toBe('DETAILS');
    expect(byTestId('deadlines')?.hasAttribute('open')).toBe(false);
  });

  it('marking the next step done stores it (creating the case) and moves on to a step with a message to copy', async () => {
    const copy = vi.fn(async () => true);
    const { notifyChanged } = await show(order(10 * 24 * HOUR), { copy });
    const first = byTestId('next-step-title')!.textContent;
    await act(async () => byTestId('step-done')!.click());
    await until(() => byTestId('next-step-title')!.textContent !== first, 'the next step to move on');
    expect(await database!.checklist.toArray()).toMatchObject([{ caseId: 'aliexpress:8190123456789012', state: 'done' }]);
    expect(await database!.cases.get('aliexpress:8190123456789012')).toBeDefined();
    expect(notifyChanged).toHaveBeenCalled();

    const message = (byTestId('next-step-message') as HTMLTextAreaElement).value;
    expect(message).toContain('8190123456789012');
    expect(message).not.toMatch(/\{\w+\}/);
    await act(async () => byTestId('copy-message')!.click());
    expect(copy).toHaveBeenCalledWith(message);
    expect(byTestId('copy-message')!.textContent).toBe('Copied');
  });

  it('a rule known only from guides is marked typical', async () => {
    // Only a shipping date: AE-06 (earliest day to open a dispute, 5–10 days) is a confidence-L rule.
    const facts: OrderFacts = { orderId: '8190123456789012', items: [], sources: {} };
    const { api } = planApi();
    await api.setDate({ platform: 'aliexpress', order: facts }, 'shipped', new Date(Date.now() - 2 * 24 * HOUR).toISOString());
    await show(facts, { api });
    await until(() => byTestId('countdown-label')?.textContent?.includes('typical'), 'the typical tag');
  });
});

describe('missed and still open', () => {
  it('a deadline that passes while the plan is open moves the headline on, without a new read of the page or the database', async () => {
    // Buyer protection ends in 1.5 s: the headline counts it down, then moves to the deadline that follows it
    // (15 days to open a dispute) without anything being read again.
    const { api } = planApi();
    const load = vi.spyOn(api, 'load');
    await show(order(1_500), { api });
    const first = await until(() => byTestId('countdown')?.getAttribute('data-headline') === 'open' && byTestId('countdown')!.textContent, 'the open countdown');
    expect(first).not.toContain('Last day to open a dispute');
    const reads = load.mock.calls.length;
    await until(() => byTestId('countdown')?.textContent?.includes('Last day to open a dispute'), 'the next deadline in the headline', 8_000);
    expect(byTestId('countdown')?.textContent).toMatch(/days? .*left/);
    expect(load.mock.calls.length).toBe(reads);
  }, 15_000);

  it('a Yandex Market order delivered a month ago: the missed return, what is still open and its time left, in three languages', async () => {
    const facts = ymOrder(30);
    for (const [locale, missed, stillOpen] of [
      // The latest buyer's deadline missed (the 15 days for technically complex goods), and the 3-month return still open.
      ['en', /^Missed: refund for technically complex goods, \w{3} \d{1,2} \(15 days ago\)/, /^Still open: 3-month return until the end of /],
      ['ru', /^Пропущен срок: возврат технически сложного товара, \d{1,2} [а-я]+ \(15 дней назад\)/, /^Ещё не истёк срок: возврат в течение 3 месяцев — до конца дня /],
      ['zh_CN', /^已错过：技术复杂商品退款，\d{1,2}月\d{1,2}日（15天前）/, /^仍可办理：3个月内退货，截至/],
    ] as const) {
      await show(facts, { platform: 'yandex-market', locale, timeZone: 'Europe/Moscow' });
      const headline = await until(() => byTestId('headline-line'), 'the headline');
      expect(headline.closest('[data-testid="countdown"]')?.getAttribute('data-headline')).toBe('missed');
      expect(headline.textContent).toMatch(missed);
      expect(byTestId('headline-still-open')?.textContent).toMatch(stillOpen);
      // The still-open deadline counts down: about two months are left.
      expect(byTestId('countdown-left')?.textContent).toMatch(/\d/);
      // No "no deadline can be worked out yet" (as the popup said before) when deadlines have passed.
      expect(root.textContent).not.toMatch(/No deadline can be worked out yet|暂时无法算出期限|Срок пока не вычислить/);
      render(null, root);
    }
  });

  it('the deadline list says which were missed, and a step ticked in time meets them', async () => {
    const facts = ymOrder(30);
    const { api } = planApi();
    await show(facts, { platform: 'yandex-market', timeZone: 'Europe/Moscow', api });
    const ru261a = () => root.querySelector<HTMLElement>('[data-rule="RU-261a"]');
    expect(ru261a()?.dataset.state).toBe('missed');
    expect(ru261a()?.querySelector('[data-testid="deadline-state"]')?.textContent).toBe('missed');
    expect(ru261a()?.textContent).toMatch(/Passed \w{3} \d{1,2}/);
    // The seller's or the platform's timers end; they are never the buyer's "missed".
    for (const item of root.querySelectorAll<HTMLElement>('[data-testid="deadline"][data-state="missed"]')) expect(['RU-261a', 'YM-02', 'RU-18']).toContain(item.dataset.rule);
  });

  it('a missing date: says which to enter and what it starts, and "Enter it" opens the dates at that field', async () => {
    await show(ymOrder(undefined, 3), { platform: 'yandex-market', timeZone: 'Europe/Moscow' });
    expect(byTestId('headline-line')?.textContent).toBe('Enter the delivery date: it starts the 7-day return, the 3-month return, and 3 more');
    expect((byTestId('dates') as HTMLDetailsElement).open).toBe(false);
    await act(async () => byTestId('headline-enter')!.click());
    expect((byTestId('dates') as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement).toBe(input('date-delivered'));
  });

  it('a notification\'s deadline: the list opens at it, marked', async () => {
    await show(ymOrder(30), { platform: 'yandex-market', timeZone: 'Europe/Moscow', focusRule: 'RU-261b' });
    await until(() => (byTestId('deadlines') as HTMLDetailsElement).open, 'the deadline list to open');
    const item = root.querySelector<HTMLElement>('[data-rule="RU-261b"]')!;
    expect(item.id).toBe('deadline-RU-261b');
    expect(item.classList.contains('target')).toBe(true);
    expect(root.querySelectorAll('[data-testid="deadline"].target')).toHaveLength(1);
  });
});

describe('days stay days on screen', () => {
  it.each(['America/New_York', 'Europe/Moscow', 'Asia/Shanghai'])('a delivered day from the page is that day in %s, with no time', async (timeZone) => {
    const facts = ymOrder(3);
    const delivered = facts.events!.delivered!;
    await show(facts, { platform: 'yandex-market', timeZone });
    expect(input('date-delivered').type).toBe('date');
    expect(input('date-delivered').value).toBe(delivered);
    expect(input('date-delivered-time').value).toBe('');
    // The 7-day return ends at 24:00 of its last day in Moscow: shown as that day, the zone named where it is not the user's.
    const due = root.querySelector('[data-testid="countdown-due"] time') as HTMLElement;
    expect(due.getAttribute('data-precision')).toBe('day');
    expect(due.textContent).toMatch(/^Until the end of \w{3} \d{1,2}/);
    expect(due.textContent).not.toMatch(/\d:\d\d/);
    if (timeZone === 'Europe/Moscow') expect(due.textContent).not.toContain('Moscow time');
    else {
      expect(due.textContent).toContain('(Moscow time)');
      expect(due.getAttribute('title')).toMatch(/\d:\d\d (AM|PM) your time$/);
    }
  });

  it('the dates editor edits a day as a day and adds a time only when given one', async () => {
    const facts = ymOrder(undefined, 3);
    await show(facts, { platform: 'yandex-market', timeZone: 'Asia/Shanghai' });
    const caseId = 'yandex-market:512034876';
    await setValue(input('date-delivered'), '2026-11-05');
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.dates?.delivered).toEqual({ at: '2026-11-05', setBy: 'user' }));
    await until(() => byTestId('date-delivered')?.textContent?.includes('set by you'), 'the date marked as set by you');
    await setValue(input('date-delivered-time'), '18:30');
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.dates?.delivered?.at).toBe('2026-11-05T18:30:00.000+08:00'));
    await until(() => input('date-delivered-time').value === '18:30', 'the time shown');
    expect(input('date-delivered').value).toBe('2026-11-05');
    // Back to a day: the time emptied.
    await setValue(input('date-delivered-time'), '');
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.dates?.delivered?.at).toBe('2026-11-05'));
  });

  it('a date that looks wrong gets a note beside it, and the user\'s date is kept and counted', async () => {
    const facts = ymOrder(3, 5);
    const { api } = planApi();
    const before = addDays(facts.events!.placed!, -2);
    await api.setDate({ platform: 'yandex-market', order: facts }, 'delivered', before);
    await api.setDate({ platform: 'yandex-market', order: facts }, 'shipped', addDays(localDay(Date.now(), 'Europe/Moscow'), 20));
    await show(facts, { platform: 'yandex-market', timeZone: 'Europe/Moscow', api });
    const note = await until(() => byTestId('date-note-delivered'), 'the note beside the delivered date');
    expect(note.textContent).toMatch(/^Earlier than “Order placed” \(.+\): check which one is right\.$/);
    expect(note.closest('[data-testid="date-delivered"]')).not.toBeNull();
    expect(byTestId('date-note-shipped')?.textContent).toBe('This date is in the future: check it.');
    expect(input('date-delivered').value).toBe(before);
    expect(byTestId('date-delivered')?.textContent).toContain('set by you');
  });

  it('the PayPal dispute or chargeback date can be set, and starts PP-2', async () => {
    const facts: OrderFacts = { orderId: '8190123456789012', items: [], sources: {} };
    await show(facts);
    expect(byTestId('date-paymentDisputeOpened')?.textContent).toContain('PayPal dispute or chargeback opened');
    expect(root.querySelector('[data-rule="PP-2"]')).toBeNull();
    await setValue(input('date-paymentDisputeOpened'), localDay(Date.now() - 2 * DAY, 'UTC'));
    await until(() => root.querySelector('[data-rule="PP-2"]'), 'the PayPal escalation deadline');
    expect(root.querySelector('[data-rule="PP-2"]')?.textContent).toMatch(/until the end of/);
  });

  it('a countdown given to the hour stays to the hour and does not move when the popup opens again', async () => {
    const facts: OrderFacts = { ...order(0), countdowns: [{ label: 'Buyer protection', text: 'Buyer protection: 12 days 5 hours', endsAt: new Date(Date.now() + 12 * DAY + 5 * HOUR).toISOString() }] };
    const { api } = planApi();
    // The capture stored the countdown as read now; the popup opens again 20 minutes later and reads it again.
    await api.setStep({ platform: 'aliexpress', order: facts }, 'document', 'done');
    await show(facts, { api, timeZone: 'Europe/Moscow' });
    // The nearest is asking to extend protection, 7 days before its end: to the hour too, no minutes.
    expect(byTestId('countdown-left')!.textContent).toMatch(/^5 days [345] hours left$/);
    const due = root.querySelector('[data-testid="countdown-due"] time')!;
    expect(due.getAttribute('data-precision')).toBe('hour');
    expect(due.textContent).toMatch(/:00\b/);
    const protection = () => root.querySelector('[data-rule="AE-02"] time')!.textContent;
    expect(protection()).toMatch(/^until \w{3} \d{1,2}, \d{1,2}:00 [AP]M$/);
    const shown = [due.textContent, protection()];
    const later: OrderFacts = { ...facts, countdowns: [{ ...facts.countdowns![0], endsAt: new Date(Date.now() + 20 * 60_000 + 12 * DAY + 5 * HOUR).toISOString() }] };
    render(null, root);
    await show(later, { api, timeZone: 'Europe/Moscow' });
    await until(() => root.querySelector('[data-testid="countdown-due"] time'), 'the countdown');
    await act(async () => void (await api.load('aliexpress:8190123456789012')));
    expect([root.querySelector('[data-testid="countdown-due"] time')!.textContent, protection()]).toEqual(shown);
  });
});

describe('setting a deadline by hand in the list', () => {
  it('stores a day, or a day and a time, for the rule, marks it "set by you", and removing it brings the page\'s back', async () => {
    await show(order(2 * 24 * HOUR + 5 * HOUR + 30_000), { timeZone: 'Europe/Moscow' });
    const caseId = 'aliexpress:8190123456789012';
    await act(async () => byTestId('due-edit-AE-02')!.click());
    // The page's countdown gave the moment: the editor starts at it, with its time.
    expect(input('due-input-AE-02-time').value).toMatch(/^\d\d:\d\d$/);
    await setValue(input('due-input-AE-02'), '2030-01-02');
    await setValue(input('due-input-AE-02-time'), '10:30');
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.userDue?.['AE-02']).toBe('2030-01-02T10:30:00.000+03:00'));
    const item = () => root.querySelector('[data-rule="AE-02"]')!;
    await until(() => item().textContent?.includes('set by you'), 'the hand-set due');
    // Without the time it is a day: due at the end of it.
    await setValue(input('due-input-AE-02-time'), '');
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.userDue?.['AE-02']).toBe('2030-01-02'));
    await until(() => item().textContent?.includes('until the end of Jan 2, 2030'), 'the day-only due');
    await act(async () => byTestId('due-done-AE-02')!.click());
    await act(async () => byTestId('due-clear-AE-02')!.click());
    await vi.waitFor(async () => expect((await database!.cases.get(caseId))?.userDue).toEqual({}));
    await until(() => byTestId('countdown-label')?.textContent?.includes('from the page'), 'the page\'s due back');
  });
});

describe('the next step\'s message', () => {
  it('writes the case\'s days as days, with the year, in any zone', () => {
    const facts: OrderFacts = { ...ymOrder(3), events: { placed: '2026-11-03T23:30:00+03:00', delivered: '2026-11-05' }, store: { name: 'ООО «Северный ветер»' } };
    const data = { userDates: undefined, userDue: undefined, contacts: [], steps: { document: 'done' as const } };
    for (const timeZone of ['America/New_York', 'Asia/Shanghai']) {
      const view = planView('yandex-market', facts, data, new Date('2026-11-08T09:00:00Z'));
      expect(view.next?.id).toBe('contact-seller');
      const message = nextStepMessage(translator('en'), view, 'yandex-market', facts, '5,468.00 RUB', { locale: 'en', timeZone });
      expect(message).toContain('about order 512034876 received on Nov 5, 2026');
      expect(message).not.toMatch(/\d:\d\d/);
      const ru = nextStepMessage(translator('ru'), view, 'yandex-market', facts, '5 468,00 ₽', { locale: 'ru', timeZone });
      expect(ru).toContain('полученному 5 ноября 2026 г.');
    }
    // An instant is the day it was in the platform's zone: 23:30 in Moscow is still 3 November there.
    const claim = planView('yandex-market', facts, { ...data, steps: { document: 'done', 'contact-seller': 'done', 'return-request': 'done' } }, new Date('2026-11-08T09:00:00Z'));
    expect(nextStepMessage(translator('en'), claim, 'yandex-market', facts, undefined, { locale: 'en', timeZone: 'Asia/Shanghai' })).toMatch(/^Claim\. On Nov 3, 2026 I bought/);
  });
});

describe('the order the plan is computed from', () => {
  it("is the page's, with what only the stored case still knows", () => {
    const stored = order(HOUR);
    const page: OrderFacts = { orderId: stored.orderId, status: 'Delivered', items: [], sources: {} };
    expect(orderForPlan(page, stored)).toMatchObject({ status: 'Delivered', placedAt: stored.placedAt, countdowns: stored.countdowns });
    const fresher = order(2 * HOUR);
    expect(orderForPlan(fresher, stored).countdowns).toEqual(fresher.countdowns);
    expect(orderForPlan(page, undefined)).toBe(page);
  });
});

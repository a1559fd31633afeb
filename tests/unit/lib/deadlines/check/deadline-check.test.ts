import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveOrders } from '@/lib/cases/cases';
import { addContact } from '@/lib/cases/contacts';
import { checkDeadlines, DEADLINE_ALARM, type DeadlineCheckDeps } from '@/lib/deadlines/check/deadline-check';
import { DisputeKitDB } from '@/lib/cases/db';
import { translator } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/common/model';
import { caseIdOfNotification, dueNotifications, nextThresholdAt, notificationFor, notificationId, notificationTarget, type CaseDeadlines } from '@/lib/deadlines/check/notifications';
import { BADGE_COLORS } from '@/lib/deadlines/check/badge';
import { deadlineCheckDeps } from '../../../support/deadline-check-deps';
import { DEFAULT_SETTINGS, formatThresholds, loadSettings, parseThresholds, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';
import type { Deadline } from '@/lib/deadlines';

const NAME = 'disputekit-alarms-test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-20T12:00:00.000Z');

let database: DisputeKitDB;
let clock: number;
beforeEach(() => {
  database = new DisputeKitDB(NAME);
  clock = START;
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

/** An AliExpress order whose page says buyer protection ends `msLeft` after the test's start. */
function order(orderId: string, msLeft: number): OrderFacts {
  return { orderId, items: [], sources: {}, countdowns: [{ label: 'Buyer protection', text: 'Buyer protection: …', endsAt: new Date(START + msLeft).toISOString() }] };
}

/** The deps as the background builds them, on WXT's fake browser. */
function deps(): DeadlineCheckDeps {
  return deadlineCheckDeps(database, () => new Date(clock));
}
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('the deadline check', () => {
  it('shows the nearest deadline of the open cases on the badge, and clears it when none is open', async () => {
    await saveOrders(database, 'aliexpress', [order('1', 10 * DAY), order('2', 2 * DAY + 5 * HOUR)], new Date(START));
    await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2d');

    await database.cases.update('aliexpress:2', { state: 'resolved' });
    await checkDeadlines(deps());
    // Order 1: AE-13 ("ask the seller to extend protection 7 days before it ends") is 3 days away.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3d');

    await database.cases.update('aliexpress:1', { state: 'closed' });
    const result = await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(result.nextCheckAt).toBeUndefined();
    expect(await fakeBrowser.alarms.get(DEADLINE_ALARM)).toBeUndefined();
  });

  it('notifies once per case, rule and threshold, however often it runs, across restarts', async () => {
    await saveSettings(fakeBrowser.storage.local, { notifyBeforeHours: [72, 24] });
    await saveOrders(database, 'aliexpress', [order('1', 2 * DAY + 5 * HOUR)], new Date(START));

    const first = await checkDeadlines(deps());
    expect(first.notified).toHaveLength(1);
    expect(await shown()).toEqual(first.notified);
    const [id] = first.notified;
    expect(caseIdOfNotification(id)).toBe('aliexpress:1');
    const [notification] = Object.values(await fakeBrowser.notifications.getAll()) as { title: string; message: string }[];
    expect(notification.message).toBe('2 days 5 hours left · order 1 on AliExpress');

    // Again now, and again "after a restart" (fresh deps, same database): nothing new.
    await fakeBrowser.notifications.clear(id);
    expect((await checkDeadlines(deps())).notified).toEqual([]);
    expect((await checkDeadlines({ ...deps(), t: translator('ru') })).notified).toEqual([]);
    expect(await shown()).toEqual([]);

    // The alarm is set for the next threshold: 24 hours before the deadline.
    expect(first.nextCheckAt).toBeLessThanOrEqual(START + 2 * DAY + 5 * HOUR - 24 * HOUR);
    const alarm = await fakeBrowser.alarms.get(DEADLINE_ALARM);
    expect(alarm?.scheduledTime).toBe(first.nextCheckAt);
    clock = START + 29 * HOUR + 1;
    const second = await checkDeadlines(deps());
    expect(second.notified).toHaveLength(1);
    expect(second.notified[0]).not.toBe(id);
    expect(await database.sentNotifications.count()).toBe(2);
  });

  it('two checks at once claim a notification only once', async () => {
    await saveOrders(database, 'aliexpress', [order('1', 2 * DAY)], new Date(START));
    const [a, b] = await Promise.all([checkDeadlines(deps()), checkDeadlines(deps())]);
    expect(a.notified.length + b.notified.length).toBe(1);
  });

  it('when several thresholds passed at once, announces the most urgent only; a larger one never follows a smaller', async () => {
    // Default thresholds 7d, 3d, 1d, 6h; the deadline is 20 hours away: 7d, 3d and 1d are all crossed.
    await saveOrders(database, 'aliexpress', [order('1', 20 * HOUR)], new Date(START));
    const result = await checkDeadlines(deps());
    expect(result.notified.map((id) => id.split('|').at(-1))).toEqual(['24']);
    const sent = await database.sentNotifications.toArray();
    expect(sent.map((s) => s.thresholdHours).sort((x, y) => x - y)).toEqual([24, 72, 168]);
  });

  it('a contact with no reply reminds 48 hours later, like any deadline', async () => {
    await saveSettings(fakeBrowser.storage.local, { notifyBeforeHours: [6] });
    await saveOrders(database, 'yandex-market', [{ orderId: '512034876', items: [], sources: {} }], new Date(START));
    await addContact(database, { caseId: 'yandex-market:512034876', at: new Date(START).toISOString(), channel: 'platform-support', summary: 'Где заказ?' });
    const first = await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2d');
    expect(first.notified).toEqual([]);
    // Exactly 2 days left: the badge turns to "1d" next, long before the 6-hour threshold; the alarm wakes for it.
    expect(first.nextCheckAt).toBe(START + 1);
    clock = START + DAY + 1;
    const atOneDay = await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('23h');
    expect(atOneDay.notified).toEqual([]);
    clock = START + 42 * HOUR;
    const second = await checkDeadlines(deps());
    expect(second.notified).toHaveLength(1);
    expect(second.notified[0]).toContain('CT-NOREPLY');
  });

  it('says nothing about deadlines already passed', async () => {
    await saveOrders(database, 'aliexpress', [order('1', -HOUR)], new Date(START));
    const result = await checkDeadlines(deps());
    expect(result.notified).toEqual([]);
  });
});

describe('notification planning', () => {
  const deadline = (rule: string, dueMs: number): Deadline => ({ rule, label: rule, labelKey: 'checklist.reminder.noReply', due: new Date(dueMs).toISOString(), dueMs, confidence: 'M', source: '', setBy: 'rule', precision: 'minute', zone: 'UTC', role: 'other' });
  const cases: CaseDeadlines[] = [{ caseId: 'taobao:9', orderId: '9', platform: 'taobao', deadlines: [deadline('TB-02', START + 50 * HOUR)] }];

  it('finds the crossed thresholds and the next one', () => {
    const due = dueNotifications(cases, [72, 48, 24], [], new Date(START));
    expect(due.map((d) => [d.thresholdHours, d.crossed])).toEqual([[72, [72]]]);
    expect(nextThresholdAt(cases, [72, 48, 24], new Date(START))).toBe(START + 2 * HOUR);
  });

  it('a notification id names its case, even with separators in it', () => {
    const id = notificationId({ caseId: 'tmall:12|3', deadline: { rule: 'TB-08' }, thresholdHours: 6 });
    expect(caseIdOfNotification(id)).toBe('tmall:12|3');
    expect(caseIdOfNotification('someone-else')).toBeUndefined();
  });
});

describe('settings', () => {
  it('defaults to 7 d, 3 d, 1 d and 6 h, and falls back field by field from a broken stored value', async () => {
    expect(DEFAULT_SETTINGS.notifyBeforeHours).toEqual([168, 72, 24, 6]);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { notifyBeforeHours: 'often', pageButton: true } });
    expect((await loadSettings(fakeBrowser.storage.local)).notifyBeforeHours).toEqual([168, 72, 24, 6]);
  });

  it('reads what the user types and writes it back the same way', () => {
    expect(parseThresholds('7d, 3d,1d 6h')).toEqual({ ok: true, hours: [168, 72, 24, 6] });
    expect(parseThresholds('')).toEqual({ ok: true, hours: [] });
    expect(parseThresholds('3d, soon')).toEqual({ ok: false, part: 'soon' });
    expect(parseThresholds('0h')).toEqual({ ok: false, part: '0h' });
    expect(formatThresholds([168, 36, 6])).toBe('7d, 36h, 6h');
  });

  it('an empty list means no notifications', async () => {
    await saveSettings(fakeBrowser.storage.local, { notifyBeforeHours: [] });
    await saveOrders(database, 'aliexpress', [order('1', HOUR)], new Date(START));
    expect((await checkDeadlines(deps())).notified).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1h');
  });
});

describe('a buyer\'s deadline that passes unmet', () => {
  // Delivered 14 Nov: the 7-day return's last day, Saturday 21 Nov, moves to Monday 23 Nov (24:00 Moscow = 21:00 UTC).
  const RETURN_ENDS = Date.parse('2026-11-23T21:00:00.000Z');
  const delivered = (delivered: string): OrderFacts => ({ orderId: '512034876', items: [], sources: {}, events: { delivered } });

  it('wakes at that moment, notifies once, marks the badge until something is done or a week has passed', async () => {
    await saveOrders(database, 'yandex-market', [delivered('2026-11-14')], new Date(START));
    const first = await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3d');
    // The thresholds come first (1 day before), then the alarm wakes when the return window ends.
    clock = RETURN_ENDS - DAY + 1;
    const atOneDay = await checkDeadlines(deps());
    expect(atOneDay.nextCheckAt).toBeLessThanOrEqual(RETURN_ENDS);
    expect(first.nextCheckAt).toBeLessThanOrEqual(RETURN_ENDS);

    clock = RETURN_ENDS;
    const atEnd = await checkDeadlines(deps());
    const missedIds = atEnd.notified.filter((id) => id.endsWith('|0'));
    // RU-261a and YM-02 end together: one notification, both recorded.
    expect(missedIds).toHaveLength(1);
    const all = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string; contextMessage?: string }>;
    expect(all[missedIds[0]].title).toMatch(/^Missed: (7-day return|Yandex Market return window)$/);
    expect(all[missedIds[0]].message).toBe('It ended Nov 23 · order 512034876 on Yandex Market');
    expect(all[missedIds[0]].contextMessage).toBe('Still open: refund for technically complex goods until the end of Nov 30 (Moscow time)');
    expect((await database.sentNotifications.toArray()).filter((s) => s.thresholdHours === 0).map((s) => s.rule).sort()).toEqual(['RU-261a', 'YM-02']);
    // The mark, and the time to the nearest deadline still ahead (the 15-day refund, exactly 7 days away).
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!7d');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x6a, 0x1b, 0x9a, 255]);
    expect(BADGE_COLORS.missed).toBe('#6a1b9a');

    // Checked again, or after a restart: nothing new. The mark lasts the week.
    expect((await checkDeadlines(deps())).notified.filter((id) => id.endsWith('|0'))).toEqual([]);
    clock = RETURN_ENDS + 6 * DAY;
    await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^!/);
    // The 15-day refund (RU-18) ends on 30 Nov unmet as well: announced in its turn, and marked for its week.
    const refundEnds = Date.parse('2026-11-30T21:00:00.000Z');
    clock = refundEnds;
    expect((await checkDeadlines(deps())).notified).toEqual([notificationId({ caseId: 'yandex-market:512034876', deadline: { rule: 'RU-18' }, thresholdHours: 0 })]);
    clock = refundEnds + 7 * DAY + 2;
    await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).not.toMatch(/^!/);
  });

  it('the mark goes once something is done about it; nothing is announced for a case saved after the deadline passed', async () => {
    await saveOrders(database, 'yandex-market', [delivered('2026-11-14')], new Date(RETURN_ENDS + HOUR));
    clock = RETURN_ENDS + 2 * HOUR;
    const result = await checkDeadlines(deps());
    expect(result.notified.filter((id) => id.endsWith('|0'))).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!6d');
    await database.cases.update('yandex-market:512034876', { dates: { refundRequested: { at: new Date(clock).toISOString(), setBy: 'user' } } });
    await checkDeadlines(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6d');
  });

  it('a notification says which case and which deadline it is about', () => {
    const id = notificationId({ caseId: 'yandex-market:512034876', deadline: { rule: 'RU-261a' }, thresholdHours: 0 });
    expect(notificationTarget(id)).toEqual({ caseId: 'yandex-market:512034876', rule: 'RU-261a', missed: true });
    expect(notificationTarget(notificationId({ caseId: 'x', deadline: { rule: 'TB-02' }, thresholdHours: 24 }))).toEqual({ caseId: 'x', rule: 'TB-02', missed: false });
  });

  it('in the user\'s language and zone', async () => {
    await saveOrders(database, 'yandex-market', [delivered('2026-11-14')], new Date(START));
    clock = RETURN_ENDS;
    const result = await checkDeadlines({ ...deps(), t: translator('ru'), locale: 'ru', timeZone: 'Europe/Moscow' });
    const id = result.notified.find((x) => x.endsWith('|0'))!;
    const shownNow = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string; contextMessage?: string }>;
    expect(shownNow[id].message).toBe('Срок истёк 23 ноября · заказ 512034876, Яндекс Маркет');
    expect(shownNow[id].contextMessage).toBe('Ещё не истёк срок: возврат технически сложного товара — до конца дня 30 ноября');
  });
});

describe('a notification tells the time left as exactly as it is known', () => {
  it('a countdown the page gave to the hour is not told to the minute', async () => {
    const deadline = { rule: 'AE-02', label: 'Buyer protection', labelKey: 'rule.AE-02', due: '', dueMs: START + 5 * HOUR + 30 * 60_000, latestMs: START + 6 * HOUR + 30 * 60_000, precision: 'hour', zone: 'UTC', confidence: 'M', source: '', setBy: 'page', role: 'other' } as Deadline;
    const notice = notificationFor(translator('en'), { caseId: 'aliexpress:1', orderId: '1', platform: 'aliexpress', deadline, thresholdHours: 6, crossed: [6] }, new Date(START), 'icon.png', { locale: 'en', timeZone: 'UTC' });
    expect(notice.message).toBe('5 hours left · order 1 on AliExpress');
    const exact = notificationFor(translator('en'), { caseId: 'aliexpress:1', orderId: '1', platform: 'aliexpress', deadline: { ...deadline, precision: 'minute', latestMs: undefined }, thresholdHours: 6, crossed: [6] }, new Date(START), 'icon.png');
    expect(exact.message).toBe('5 hours 30 minutes left · order 1 on AliExpress');
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveOrders } from '@/lib/cases';
import { addContact } from '@/lib/contacts';
import { checkDeadlines, DEADLINE_ALARM, type DeadlineCheckDeps } from '@/lib/deadline-alarms';
import { DisputeKitDB } from '@/lib/db';
import { translator } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/model';
import { caseIdOfNotification, dueNotifications, nextThresholdAt, notificationId, type CaseDeadlines } from '@/lib/notifications';
import { DEFAULT_SETTINGS, formatThresholds, loadSettings, parseThresholds, saveSettings, SETTINGS_KEY } from '@/lib/settings';
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
  return {
    database,
    storage: fakeBrowser.storage.local,
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    button: fakeBrowser.action,
    t: translator('en'),
    iconUrl: 'chrome-extension://test/icon/128.png',
    now: () => new Date(clock),
  };
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

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DisputeKitDB } from '@/lib/cases/db';
import { openNotification } from '@/lib/messaging/background-router';
import { caseUrl, deadlineFromHash, openCase } from '@/lib/cases/open-case-tab';
import { notificationId } from '@/lib/deadlines/check/notifications';
import Dexie from 'dexie';

describe('opening a case', () => {
  it('opens case.html with the case id in a new tab', async () => {
    expect(caseUrl('tmall:2690000000000000021')).toMatch(/\/case\.html\?id=tmall%3A2690000000000000021$/);
    await openCase('yandex-market:512034876');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(expect.stringMatching(/\/case\.html\?id=yandex-market%3A512034876$/));
  });
});

describe('a notification opens its case at its deadline', () => {
  it('case.html?id=…#deadline-<rule>, read back by the case page', () => {
    expect(caseUrl('yandex-market:512034876', 'RU-261b')).toMatch(/\/case\.html\?id=yandex-market%3A512034876#deadline-RU-261b$/);
    expect(deadlineFromHash('#deadline-RU-261b')).toBe('RU-261b');
    expect(deadlineFromHash('#deadline-%E0%A4%A')).toBeUndefined();
    expect(deadlineFromHash('#other')).toBeUndefined();
  });

  it('a click opens that tab and clears the notification; another extension\'s notification is left alone', async () => {
    const id = notificationId({ caseId: 'yandex-market:512034876', deadline: { rule: 'RU-261a' }, thresholdHours: 0 });
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: 'icon.png', title: 'Missed', message: '…' });
    expect(await openNotification(id)).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(expect.stringMatching(/\/case\.html\?id=yandex-market%3A512034876#deadline-RU-261a$/));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    expect(await openNotification('someone-else')).toBe(false);
  });
});

describe('database version 4', () => {
  it('adds the contact log and the sent notifications to a version 2 database, keeping its cases', async () => {
    const name = 'disputekit-v4-test';
    const v2 = new DisputeKitDB(name, 2);
    await v2.cases.add({ id: 'taobao:1', platform: 'taobao', orderId: '1', order: { orderId: '1', items: [], sources: {} }, state: 'open', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' });
    v2.close();
    const v4 = new DisputeKitDB(name);
    expect(v4.verno).toBeGreaterThanOrEqual(4);
    expect(await v4.cases.count()).toBe(1);
    await v4.contacts.add({ id: 'c', caseId: 'taobao:1', at: '2026-11-02T00:00:00Z', channel: 'seller-chat', summary: 'hi' });
    await v4.sentNotifications.add({ caseId: 'taobao:1', rule: 'TB-02', thresholdHours: 24, due: '2026-11-03T00:00:00Z', at: '2026-11-02T00:00:00Z' });
    await expect(v4.sentNotifications.add({ caseId: 'taobao:1', rule: 'TB-02', thresholdHours: 24, due: 'x', at: 'y' })).rejects.toThrow();
    v4.close();
    await Dexie.delete(name);
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeadlineCheckDeps } from '@/lib/deadlines/check/deadline-check';
import type { DisputeKitDB } from '@/lib/cases/db';
import { translator } from '@/lib/i18n';

/** The deadline check's deps as the background builds them, on WXT's fake browser, at the test's clock. */
export function deadlineCheckDeps(database: DisputeKitDB, now: () => Date): DeadlineCheckDeps {
  return {
    database,
    storage: fakeBrowser.storage.local,
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    button: fakeBrowser.action,
    t: translator('en'),
    iconUrl: 'chrome-extension://test/icon/128.png',
    now,
  };
}

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage, openNotification, runDeadlineCheck } from '@/lib/messaging/background-router';
import { registerActions } from '@/lib/capture/menu-and-shortcut-listeners';
import { recoverInterruptedCaptures } from '@/lib/capture/journal';
import { DEADLINE_ALARM } from '@/lib/deadlines/check/deadline-check';
import { connectDeadlineCheck } from '@/lib/cases/db';
import { keepStoragePersistent } from '@/lib/cases/persistent-storage';

export default defineBackground(() => {
  // Every committed write that can move a deadline (here or, by message, in a page) runs the check.
  connectDeadlineCheck(() => void runDeadlineCheck().catch(() => undefined));
  void recoverInterruptedCaptures();
  // Firefox may clear an add-on's database when the disk runs short, unless it asked to keep it.
  void keepStoragePersistent();
  registerActions();
  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundMessage(message, sender));
  // Deadlines: listeners registered at the top level, so an alarm or a click wakes the worker and is heard.
  browser.runtime.onInstalled.addListener(() => void runDeadlineCheck());
  browser.runtime.onStartup.addListener(() => void runDeadlineCheck());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) void runDeadlineCheck();
  });
  // A deadline's notification opens its case at that deadline.
  browser.notifications.onClicked.addListener((id) => void openNotification(id).catch(() => undefined));
});

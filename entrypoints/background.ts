import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage, openNotification, runDeadlineCheck, runTimestamps } from '@/lib/messaging/background-router';
import { registerActions } from '@/lib/capture/menu-and-shortcut-listeners';
import { recoverInterruptedCaptures } from '@/lib/capture/journal';
import { DEADLINE_ALARM } from '@/lib/deadlines/check/deadline-check';
import { connectDeadlineCheck } from '@/lib/cases/db';
import { keepStoragePersistent } from '@/lib/cases/persistent-storage';
import { TIMESTAMP_ALARM } from '@/lib/capture/timestamp-evidence';

export default defineBackground(() => {
  // Every committed write that can move a deadline (here or, by message, in a page) runs the check.
  const database = connectDeadlineCheck(() => void runDeadlineCheck().catch(() => undefined));
  // Each item saved here is timestamped after its save (when the option is on), never holding the save up;
  // what is still due from before (a stopped worker, an authority that was down) is asked at each start.
  database.onEvidenceSaved = (ids) => void runTimestamps(ids).catch(() => undefined);
  void runTimestamps().catch(() => undefined);
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
    if (alarm.name === TIMESTAMP_ALARM) void runTimestamps().catch(() => undefined);
  });
  // A deadline's notification opens its case at that deadline.
  browser.notifications.onClicked.addListener((id) => void openNotification(id).catch(() => undefined));
});

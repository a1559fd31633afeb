import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage, runDeadlineCheck } from '@/lib/background';
import { handleActionMessage, registerActions } from '@/lib/background-actions';
import { recoverInterruptedCaptures } from '@/lib/capture-journal';
import { DEADLINE_ALARM } from '@/lib/deadline-alarms';
import { caseIdOfNotification } from '@/lib/notifications';
import { openCase } from '@/lib/open-case';

export default defineBackground(() => {
  void recoverInterruptedCaptures();
  registerActions();
  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundMessage(message, sender) ?? handleActionMessage(message, sender));
  // Deadlines: listeners registered at the top level, so an alarm or a click wakes the worker and is heard.
  browser.runtime.onInstalled.addListener(() => void runDeadlineCheck());
  browser.runtime.onStartup.addListener(() => void runDeadlineCheck());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) void runDeadlineCheck();
  });
  browser.notifications.onClicked.addListener((id) => {
    const caseId = caseIdOfNotification(id);
    if (!caseId) return;
    void openCase(caseId);
    void browser.notifications.clear(id);
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage } from '@/lib/background';
import { handleActionMessage, registerActions } from '@/lib/background-actions';
import { recoverInterruptedCaptures } from '@/lib/capture-journal';

export default defineBackground(() => {
  void recoverInterruptedCaptures();
  registerActions();
  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundMessage(message, sender) ?? handleActionMessage(message, sender));
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessage } from '@/lib/background';
import { recoverInterruptedCaptures } from '@/lib/capture-journal';

export default defineBackground(() => {
  void recoverInterruptedCaptures();
  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundMessage(message, sender));
});

import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { listenForChatRequests, type ChatRuntime } from '@/lib/content/chat-box';

// Injected by the background into the tab for "Capture this chat" only (lib/capture/capture-tab.ts), so the
// marketplaces' content scripts carry none of it. Runs in the same isolated world as they do.
export default defineUnlistedScript(() => listenForChatRequests(browser.runtime as unknown as ChatRuntime));

// Type-level tests of the message protocol, checked by `tsc --noEmit -p .` (Vitest does not run this file):
// every `@ts-expect-error` below must stay an error, or tsc fails with "Unused '@ts-expect-error' directive".
import { askTab, sendNotice, sendToBackground, type BackgroundRoutes, type ReplyOf, type TabTransport } from '@/lib/messaging/protocol';
import { sendFromContent, type TabHandlers } from '@/lib/messaging/content-protocol';

declare const send: TabTransport;

export async function mismatches(): Promise<void> {
  // A reply is the declared one of its own message, never another's.
  const capture: ReplyOf<'capture:tab'> = await sendToBackground('capture:tab', { tabId: 1, mode: 'fullpage' });
  // @ts-expect-error capture:tab does not reply with a save-all result
  const saved: ReplyOf<'orders:saveAll'> = await sendToBackground('capture:tab', { tabId: 1, mode: 'fullpage' });
  // @ts-expect-error page:read replies with a reading, not a snapshot
  const snapshot: ReplyOf<'page:snapshot'> = await askTab(send, 1, 'page:read');
  // @ts-expect-error a reading has no page HTML
  (await askTab(send, 1, 'page:read')).html;

  // A request carries its declared fields.
  // @ts-expect-error capture:tab needs the tab
  await sendToBackground('capture:tab', { mode: 'fullpage' });
  // @ts-expect-error there is no such capture mode
  await sendToBackground('capture:tab', { tabId: 1, mode: 'everything' });
  // @ts-expect-error fullpage:screen needs where to scroll
  await askTab(send, 1, 'fullpage:screen');

  // Each sender sends only what its side may send.
  // @ts-expect-error page:read goes to a tab's content script, not to the background
  await sendToBackground('page:read');
  // @ts-expect-error the in-page button's save is a content script's message, not an extension page's
  await sendToBackground('order:saveFromPage');
  // @ts-expect-error a content script sends only its own messages to the background
  await sendFromContent('capture:tab', { tabId: 1, mode: 'fullpage' });
  // @ts-expect-error capture:tab goes to the background, not to a tab
  await askTab(send, 1, 'capture:tab', { tabId: 1, mode: 'fullpage' });
  // @ts-expect-error a capture's progress needs its phase
  sendNotice('capture:progress', { tabId: 1, done: 1, total: 2 });
  // @ts-expect-error no such message
  await sendToBackground('db:dropEverything');
  void [capture, saved, snapshot];
}

// A handler answers with its own message's reply, and every declared message has one.
export const wrongReply: Pick<BackgroundRoutes, 'capture:cancel'> = {
  // @ts-expect-error capture:cancel replies { cancelled }, not { interrupted }
  'capture:cancel': async () => ({ interrupted: true }),
};
// @ts-expect-error a router table missing deadlines:refresh (and the others) is not the background's table
export const incomplete: BackgroundRoutes = { 'capture:cancel': async () => ({ cancelled: false }) };
export const wrongTabReply: Pick<TabHandlers, 'page:selection'> = {
  // @ts-expect-error page:selection replies with the selected text
  'page:selection': () => ({ reading: null }),
};

import Dexie from 'dexie';
import { MAX_SELECTION_CHARS } from '@/lib/capture/selection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  chatLines,
  COMMAND_CAPTURE_PAGE,
  createMenus,
  handleCommand,
  handleMenuClick,
  MENU_CAPTURE_CHAT,
  MENU_SAVE_PAGE,
  MENU_SAVE_SELECTION,
  type ActionDeps,
  type MenuApi,
} from '@/lib/capture/menu-and-shortcut';
import { getCurrentCaseId, setCurrentCase } from '@/lib/cases/current-case';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { translator } from '@/lib/i18n';
import type { CaptureResponse, ReadPageResponse } from '@/lib/messaging/messages';
import type { CaseRecord, PageReading } from '@/lib/common/model';

const ORDER_ID = '8190123456789012';
const ORDER_CASE = `aliexpress:${ORDER_ID}`;
const orderReading: PageReading = {
  platform: 'aliexpress',
  pageKind: 'order-detail',
  orders: [{ orderId: ORDER_ID, status: 'Awaiting delivery', items: [], sources: { orderId: 'url' } }],
  missing: [],
};
const OTHER_CASE: CaseRecord = {
  id: 'taobao:3344556677',
  platform: 'taobao',
  orderId: '3344556677',
  order: { orderId: '3344556677', items: [], sources: {} },
  state: 'open',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const trackingTab = { id: 9, url: 'https://track.example/parcel/LP0001', title: 'Parcel LP0001', width: 1280, height: 800 };
const orderTab = { id: 7, url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`, title: 'Order details', width: 1280, height: 800 };

let database: DisputeKitDB;
let ids = 0;
let notifications: { title: string; message: string }[];
let captures: { tabId: number; caseId?: string; chat?: true }[];

/** `reading`: what the tab's content script answers (undefined: no content script, as on a tracking site). */
function deps(reading: PageReading | null | undefined, overrides: Partial<ActionDeps> = {}): ActionDeps {
  return {
    t: translator('en'),
    database,
    storage: fakeBrowser.storage.local,
    sendToTab: async () => {
      if (reading === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { reading } satisfies ReadPageResponse;
    },
    capturePage: async (tabId, caseId): Promise<CaptureResponse> => {
      captures.push({ tabId, ...(caseId && { caseId }) });
      return { ok: true, caseId: caseId ?? ORDER_CASE, evidenceIds: ['shot', 'html'] };
    },
    captureChat: async (tabId, caseId): Promise<CaptureResponse> => {
      captures.push({ tabId, ...(caseId && { caseId }), chat: true });
      return { ok: true, caseId: caseId ?? ORDER_CASE, evidenceIds: ['shot', 'transcript', 'html'], chat: { messages: 12, contactsAdded: 12, olderCapped: false } };
    },
    notify: async (title, message) => {
      notifications.push({ title, message });
    },
    now: () => new Date('2026-11-20T12:00:00.000Z'),
    newId: () => `id-${++ids}`,
    extensionVersion: '0.1.0',
    browserName: 'Chromium test',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

beforeEach(() => {
  database = new DisputeKitDB('actions-test');
  notifications = [];
  captures = [];
});
afterEach(async () => {
  database.close();
  await Dexie.delete('actions-test');
});

describe('context menu items', () => {
  /** Like Chrome: creating an id that exists is an error, so a second set would show up as a failure. */
  function fakeMenus() {
    const items = new Map<string, { title: string; contexts: string[] }>();
    const api: MenuApi = {
      removeAll: async () => items.clear(),
      create: ({ id, title, contexts }) => {
        if (items.has(id)) throw new Error(`Cannot create item with duplicate id ${id}`);
        items.set(id, { title, contexts });
      },
    };
    return { api, items };
  }

  it('are a page item, a selection item and a chat item, titled in the browser’s language', async () => {
    const { api, items } = fakeMenus();
    await createMenus(api, translator('ru'));
    expect([...items]).toEqual([
      [MENU_SAVE_PAGE, { title: 'Сохранить как доказательство для спора', contexts: ['page', 'frame'] }],
      [MENU_SAVE_SELECTION, { title: 'Сохранить выделенное как переписку/цитату', contexts: ['selection'] }],
      [MENU_CAPTURE_CHAT, { title: 'Сохранить этот чат', contexts: ['page', 'frame', 'link', 'image'] }],
    ]);
  });

  it('are replaced, not duplicated, when created again (an update)', async () => {
    const { api, items } = fakeMenus();
    await createMenus(api, translator('en'));
    await createMenus(api, translator('zh_CN'));
    expect(items.size).toBe(3);
    expect(items.get(MENU_SAVE_PAGE)?.title).toBe('保存为纠纷证据');
    expect(items.get(MENU_CAPTURE_CHAT)?.title).toBe('保存这段聊天记录');
  });
});

describe('“Save as dispute evidence” and the keyboard command', () => {
  it('capture an order page into its own case and make it the current case', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    await database.cases.put({ ...OTHER_CASE, id: ORDER_CASE, platform: 'aliexpress', orderId: ORDER_ID });

    const result = await handleMenuClick(deps(orderReading), { menuItemId: MENU_SAVE_PAGE }, orderTab);
    expect(result).toMatchObject({ ok: true, caseId: ORDER_CASE });
    expect(captures).toEqual([{ tabId: 7 }]);
    expect(await getCurrentCaseId(fakeBrowser.storage.local)).toBe(ORDER_CASE);
    expect(notifications).toEqual([{ title: `Saved to AliExpress order ${ORDER_ID}`, message: '2 files saved with their SHA-256 and the time.' }]);
  });

  it('refuse an order page whose reading names another order than its address, and save nothing', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const claimsOther: PageReading = { ...orderReading, orders: [{ ...orderReading.orders[0]!, orderId: '1111222233334444' }] };
    const result = await handleMenuClick(deps(claimsOther), { menuItemId: MENU_SAVE_PAGE }, orderTab);
    expect(result).toEqual({ ok: false, error: 'orderMismatch', detail: `1111222233334444 ≠ ${ORDER_ID}` });
    const selection = await handleMenuClick(deps(claimsOther), { menuItemId: MENU_SAVE_SELECTION, selectionText: 'Seller: refund in 3 days' }, orderTab);
    expect(selection).toMatchObject({ ok: false, error: 'orderMismatch' });
    expect(captures).toEqual([]);
    expect(await database.evidence.count()).toBe(0);
    expect(await database.cases.get('aliexpress:1111222233334444')).toBeUndefined();
    expect(notifications[0]).toEqual({
      title: 'DisputeKit: nothing was saved',
      message: `The order number this page shows is not the one in its address, so nothing was saved. Open the order from your order list and try again.\nDetails: 1111222233334444 ≠ ${ORDER_ID}`,
    });
  });

  it('capture any other page into the current case', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const result = await handleCommand(deps(undefined), COMMAND_CAPTURE_PAGE, trackingTab);
    expect(result).toMatchObject({ ok: true, caseId: OTHER_CASE.id, what: 'page' });
    expect(captures).toEqual([{ tabId: 9, caseId: OTHER_CASE.id }]);
    expect(notifications[0]!.title).toBe('Saved to Taobao order 3344556677');
  });

  it('“Capture this chat” takes the chat under the right-click into the current case and says what it read', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const chatPage: PageReading = { platform: 'taobao', pageKind: 'unknown', orders: [], missing: [] };
    const result = await handleMenuClick(deps(chatPage), { menuItemId: MENU_CAPTURE_CHAT }, { ...trackingTab, url: 'https://h5.m.taobao.com/ww/index.htm' });
    expect(result).toMatchObject({ ok: true, caseId: OTHER_CASE.id, what: 'chat' });
    expect(captures).toEqual([{ tabId: 9, caseId: OTHER_CASE.id, chat: true }]);
    expect(notifications[0]!.message).toBe('3 files saved with their SHA-256 and the time. 12 messages in the transcript. 12 new messages added to the case’s contact log.');
  });

  it('a marketplace page that is not an order (a listing) also goes to the current case', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const listing: PageReading = { platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] };
    await handleMenuClick(deps(listing), { menuItemId: MENU_SAVE_PAGE }, { ...trackingTab, url: 'https://www.aliexpress.com/item/1005.html' });
    expect(captures).toEqual([{ tabId: 9, caseId: OTHER_CASE.id }]);
  });

  it('save nothing and say what to do when there is no current case', async () => {
    const result = await handleMenuClick(deps(undefined), { menuItemId: MENU_SAVE_PAGE }, trackingTab);
    expect(result).toEqual({ ok: false, error: 'noCurrentCase' });
    expect(captures).toEqual([]);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe('DisputeKit: nothing was saved');
    expect(notifications[0]!.message).toMatch(/Open the order’s page and capture it first/);
  });

  it('treat a closed current case as none', async () => {
    await database.cases.put({ ...OTHER_CASE, state: 'closed' });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    expect(await handleCommand(deps(undefined), COMMAND_CAPTURE_PAGE, trackingTab)).toEqual({ ok: false, error: 'noCurrentCase' });
    expect(captures).toEqual([]);
  });

  it('report a capture error in plain words', async () => {
    const failing = deps(orderReading, { capturePage: async () => ({ ok: false, error: 'tabNotVisible' }) });
    expect(await handleCommand(failing, COMMAND_CAPTURE_PAGE, orderTab)).toEqual({ ok: false, error: 'tabNotVisible' });
    expect(notifications[0]!.message).toBe('Switch to the order’s tab first: the browser can only capture the tab you are looking at.');
    expect(await getCurrentCaseId(fakeBrowser.storage.local)).toBeUndefined();
  });

  it('ignore other commands and menu items', async () => {
    expect(await handleCommand(deps(orderReading), '_execute_action', orderTab)).toBeUndefined();
    expect(await handleMenuClick(deps(orderReading), { menuItemId: 'someone-else' }, orderTab)).toBeUndefined();
    expect(captures).toEqual([]);
    expect(notifications).toEqual([]);
  });
});

describe('“Save selection as chat/quote”', () => {
  const chat = 'Seller: we will refund you in 3 days\nBuyer: ok';

  it('saves the text into the current case as a “chat” item with its hash, page and times', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const result = await handleMenuClick(deps(undefined), { menuItemId: MENU_SAVE_SELECTION, selectionText: `  ${chat} `, pageUrl: trackingTab.url }, trackingTab);
    expect(result).toMatchObject({ ok: true, caseId: OTHER_CASE.id, what: 'selection' });

    const [item] = await database.evidence.toArray();
    expect(item).toMatchObject({
      caseId: OTHER_CASE.id,
      kind: 'selection',
      label: 'chat',
      mime: 'text/plain',
      capturedAt: '2026-11-20T12:00:00.000Z',
      capturedAtLocal: '2026-11-20T20:00:00.000+08:00',
      timeZone: 'Asia/Shanghai',
      page: { url: trackingTab.url, title: 'Parcel LP0001', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
      extensionVersion: '0.1.0',
      browser: 'Chromium test',
    });
    expect(await item!.blob.text()).toBe(chat);
    expect(item!.sha256).toBe(await sha256Hex(new TextEncoder().encode(chat)));
    expect(item!.bytes).toBe(new TextEncoder().encode(chat).length);
    const events = await database.events.where('caseId').equals(OTHER_CASE.id).toArray();
    expect(events).toMatchObject([{ type: 'evidence-captured', evidenceIds: [item!.id] }]);
    expect(notifications[0]).toEqual({
      title: 'Saved to Taobao order 3344556677',
      message: 'The selected text was saved as a chat/quote with its SHA-256 and the time.',
    });
  });

  it('keeps the lines of the page’s own selection when it is the text the menu got', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const pageSelection = (text: string) =>
      deps(null, {
        sendToTab: async (_tab, message) => ((message as { type: string }).type === 'page:selection' ? { text } : { reading: null }),
      });
    // Chrome's selectionText: the chat's line break became a space.
    const fromMenu = 'Seller: we will refund you in 3 days Buyer: ok';
    await handleMenuClick(pageSelection(chat), { menuItemId: MENU_SAVE_SELECTION, selectionText: fromMenu }, trackingTab);
    // A different selection in the page (a frame, or changed since the click): the menu's text is kept.
    await handleMenuClick(pageSelection('something else'), { menuItemId: MENU_SAVE_SELECTION, selectionText: fromMenu }, trackingTab);
    const texts = await Promise.all((await database.evidence.orderBy('id').toArray()).map((e) => e.blob.text()));
    expect(texts.sort()).toEqual([chat, fromMenu].sort());
  });

  it('on an order page, saves into that order’s case (opening it if needed)', async () => {
    await handleMenuClick(deps(orderReading), { menuItemId: MENU_SAVE_SELECTION, selectionText: chat }, orderTab);
    expect((await database.cases.get(ORDER_CASE))?.order.status).toBe('Awaiting delivery');
    expect((await database.readings.toArray()).map((r) => [r.caseId, r.source, r.url])).toEqual([[ORDER_CASE, 'selection', orderTab.url]]);
    expect((await database.evidence.toArray()).map((e) => [e.caseId, e.kind])).toEqual([[ORDER_CASE, 'selection']]);
    expect(await getCurrentCaseId(fakeBrowser.storage.local)).toBe(ORDER_CASE);
  });

  it('saves nothing without a current case or without text', async () => {
    expect(await handleMenuClick(deps(undefined), { menuItemId: MENU_SAVE_SELECTION, selectionText: chat }, trackingTab)).toEqual({ ok: false, error: 'noCurrentCase' });
    expect(await handleMenuClick(deps(orderReading), { menuItemId: MENU_SAVE_SELECTION, selectionText: '   ' }, orderTab)).toEqual({ ok: false, error: 'emptySelection' });
    expect(await database.evidence.count()).toBe(0);
    expect(await database.cases.count()).toBe(0);
    expect(notifications.map((n) => n.title)).toEqual(['DisputeKit: nothing was saved', 'DisputeKit: nothing was saved']);
  });

  it('refuses a selection too long to be a quote, in plain words', async () => {
    const huge = 'x'.repeat(MAX_SELECTION_CHARS + 1);
    expect(await handleMenuClick(deps(orderReading), { menuItemId: MENU_SAVE_SELECTION, selectionText: huge }, orderTab)).toEqual({ ok: false, error: 'selectionTooLong' });
    expect(await database.evidence.count()).toBe(0);
    expect(notifications.at(-1)?.message).toMatch(/^The selection is too long to save as a quote/);
  });

  it('saves nothing half when the database fails', async () => {
    await database.cases.put({ ...OTHER_CASE });
    await setCurrentCase(fakeBrowser.storage.local, OTHER_CASE.id, new Date());
    const broken = deps(undefined);
    database.events.hook('creating', () => {
      throw new Error('disk on fire');
    });
    const result = await handleMenuClick(broken, { menuItemId: MENU_SAVE_SELECTION, selectionText: chat }, trackingTab);
    expect(result).toMatchObject({ ok: false, error: 'internal' });
    expect(await database.evidence.count()).toBe(0);
  });
});

describe('what a chat capture adds to “Saved…”', () => {
  it('counts the transcript’s messages, or says that none could be read, in each language', () => {
    expect(chatLines(translator('en'), { messages: 2, contactsAdded: 0, olderCapped: false })).toEqual(['2 messages in the transcript.']);
    expect(chatLines(translator('en'), { messages: 0, contactsAdded: 0, olderCapped: false })).toEqual(['No messages could be read from this chat, so only its image was saved (no transcript).']);
    expect(chatLines(translator('zh_CN'), { messages: 0, contactsAdded: 0, olderCapped: false })[0]).toContain('未能从这段聊天中读出任何消息');
    expect(chatLines(translator('ru'), { messages: 0, contactsAdded: 0, olderCapped: false })[0]).toContain('Не удалось прочитать ни одного сообщения');
  });
});

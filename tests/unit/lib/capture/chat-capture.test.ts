// captureTab in chat mode with a fake tab, chat script, screen grabber and canvas: the box's rows are labelled in
// each screen image, so the image is seen to hold exactly the box's content, cut from where the box sits.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureTab, type CaptureDeps } from '@/lib/capture/capture-tab';
import { DisputeKitDB } from '@/lib/cases/db';
import type { ChatTranscriptResponse, SnapshotResponse } from '@/lib/messaging/messages';
import type { Bitmap, Canvas, Imaging } from '@/lib/capture/stitch';
import type { CaseRecord } from '@/lib/common/model';

const CHAT_URL = 'https://h5.m.taobao.com/ww/index.htm#!dialog-shop';
const CASE: CaseRecord = {
  id: 'taobao:3344556677',
  platform: 'taobao',
  orderId: '3344556677',
  order: { orderId: '3344556677', items: [], sources: {} },
  state: 'open',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
/** The box in the window (CSS px), its content's height, and the window. */
const BOX = { left: 300, top: 120, width: 600, height: 500 };
const CONTENT = 1700;
const WINDOW = { width: 1280, height: 800 };
const SCALE = 2;

/** A screen image: for each of its rows, the box content row it shows (-1 outside the box), and its column offset. */
interface ScreenBitmap extends Bitmap {
  boxTop: number;
  scrollTop: number;
}

const imaging: Imaging<ScreenBitmap> = {
  decode: async (blob) => ({ ...(JSON.parse(await blob.text()) as { boxTop: number; scrollTop: number; width: number; height: number }), close() {} }),
  canvas: (width, height) => canvas(width, new Array(height).fill(-1), []),
};

function canvas(width: number, rows: number[], columns: number[]): Canvas<ScreenBitmap> & { columns: number[] } {
  return {
    columns,
    copyRows(bitmap, sourceY, targetY, count, sourceX = 0) {
      columns.push(sourceX);
      // Row r of the screen shows box content row scrollTop + (r - boxTop) / scale (in image rows).
      for (let i = 0; i < count; i++) {
        const r = sourceY + i;
        rows[targetY + i] = r < bitmap.boxTop || r >= bitmap.boxTop + BOX.height * SCALE ? -1 : bitmap.scrollTop * SCALE + (r - bitmap.boxTop);
      }
    },
    toPng: async () => new Blob([JSON.stringify({ width, rows, columns })], { type: 'image/png' }),
    resized: (height) => canvas(width, Array.from({ length: height }, (_, i) => rows[i] ?? -1), columns),
  };
}

const ENTRIES: ChatTranscriptResponse['entries'] = [
  { top: 0, text: '2026年11月19日' },
  { top: 40, text: '亲，包裹还没到，能查一下吗？', side: 'me', when: '10:05' },
  { top: 100, text: '好的亲，我们马上帮您查询', who: '小店客服', side: 'them', when: '10:20' },
  { top: 160, text: 'The parcel is lost, I want a refund\u202E', side: 'me', when: '2026-11-19 18:30' },
  { top: 220, text: 'An old note without a time', who: '小店客服' },
];

let database: DisputeKitDB;
let setups = 0;
beforeEach(async () => {
  database = new DisputeKitDB('chat-capture-test');
  await database.cases.put({ ...CASE });
});
afterEach(async () => {
  database.close();
  await Dexie.delete('chat-capture-test');
});

function setup(overrides: Partial<CaptureDeps> = {}, options: { url?: string; noBox?: boolean; closeAfterScreens?: number; content?: number; entries?: ChatTranscriptResponse['entries'] } = {}) {
  const content = options.content ?? CONTENT;
  const url = options.url ?? CHAT_URL;
  setups++;
  const asked: string[] = [];
  const injected: number[] = [];
  let scrollTop = 0;
  let ids = 0;
  let screens = 0;
  const snapshot: SnapshotResponse = { reading: null, html: '<!DOCTYPE html><p>chat</p>', page: { url, title: '旺旺', viewport: WINDOW, devicePixelRatio: SCALE } };
  const deps: CaptureDeps = {
    getTab: async () => {
      if (options.closeAfterScreens !== undefined && screens > options.closeAfterScreens) throw new Error('No tab with id: 4');
      return { active: true, windowId: 1, url };
    },
    async sendToTab(_tabId, message) {
      const m = message as { type: string; y?: number; pointer?: boolean };
      asked.push(m.type + (m.pointer !== undefined ? `(${m.pointer ? 'pointer' : 'largest'})` : ''));
      if (m.type === 'page:snapshot') return snapshot;
      if (m.type === 'chat:prepare') {
        if (options.noBox) return { found: 'none' };
        return { pageHeight: content, viewHeight: BOX.height, windowWidth: WINDOW.width, devicePixelRatio: SCALE, pageWidth: BOX.width, box: BOX, found: 'pointer', older: { loads: 3, stoppedBy: 'settled', heightBefore: 900 } };
      }
      if (m.type === 'chat:screen') {
        screens++;
        scrollTop = Math.min(m.y!, content - BOX.height);
        return { scrollY: scrollTop, page: { height: content, width: BOX.width, viewHeight: BOX.height, windowWidth: WINDOW.width }, hidden: [] };
      }
      if (m.type === 'chat:transcript') return { entries: options.entries ?? ENTRIES };
      return { restored: true };
    },
    captureVisibleTab: async () => `data:image/png;base64,${btoa(JSON.stringify({ boxTop: BOX.top * SCALE, scrollTop, width: WINDOW.width * SCALE, height: WINDOW.height * SCALE }))}`,
    makeThumbnail: async () => new Blob(['thumb'], { type: 'image/jpeg' }),
    imaging: imaging as Imaging,
    injectChatScript: async (tabId) => {
      injected.push(tabId);
    },
    transcriptWords: { me: '我', them: '对方' },
    database,
    now: () => new Date('2026-11-20T04:00:00.000Z'),
    sleep: async () => {},
    newId: () => `s${setups}-${++ids}`,
    extensionVersion: '0.1.0',
    browserName: 'Chromium test',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
  return { deps, asked, injected };
}

describe('Capture this chat', () => {
  it('stitches the box alone, from where it sits in each screen, as tall as its content, with the record of how it loaded', async () => {
    const { deps, asked, injected } = setup();
    const result = await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id, pointer: true });
    expect(result).toMatchObject({ ok: true, caseId: CASE.id, chat: { messages: 4, contactsAdded: 3, olderCapped: false } });
    expect(injected).toEqual([4]);
    expect(asked[1]).toBe('chat:prepare(pointer)');
    expect(asked.at(-1)).toBe('chat:restore');

    const shot = (await database.evidence.toArray()).find((e) => e.kind === 'fullpage-screenshot')!;
    const image = JSON.parse(await shot.blob.text()) as { width: number; rows: number[]; columns: number[] };
    expect(image.width).toBe(BOX.width * SCALE);
    expect(image.rows).toEqual(Array.from({ length: CONTENT * SCALE }, (_, i) => i));
    expect(new Set(image.columns)).toEqual(new Set([BOX.left * SCALE]));
    expect(shot.label).toBe('chat');
    expect(shot.captureRecord?.chat).toEqual({ found: 'pointer', box: { width: BOX.width, height: BOX.height }, older: { loads: 3, stoppedBy: 'settled', heightBefore: 900 }, messages: 4 });
  });

  it('saves the transcript beside the image: one line per message, who, when and what as the page shows them', async () => {
    const { deps } = setup();
    await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    const transcript = (await database.evidence.toArray()).find((e) => e.kind === 'chat-transcript')!;
    expect(transcript.mime).toBe('text/plain');
    expect(transcript.label).toBe('chat');
    expect(await transcript.blob.text()).toBe(
      [
        '[2026年11月19日 10:05] 我: 亲，包裹还没到，能查一下吗？',
        '[2026年11月19日 10:20] 小店客服: 好的亲，我们马上帮您查询',
        // The page's direction override is not kept: it would reorder what the reader sees.
        '[2026-11-19 18:30] 我: The parcel is lost, I want a refund',
        '[?] 小店客服: An old note without a time',
        '',
      ].join('\n'),
    );
  });

  it('on a marketplace chat page puts the timed messages in the contact log, once, with who sent them', async () => {
    const { deps } = setup();
    await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    const contacts = (await database.contacts.toArray()).sort((a, b) => a.at.localeCompare(b.at));
    expect(contacts.map(({ at, direction, summary, channel }) => ({ at, direction, summary, channel }))).toEqual([
      { at: '2026-11-19T02:05:00.000Z', direction: 'sent', summary: '亲，包裹还没到，能查一下吗？', channel: 'seller-chat' },
      { at: '2026-11-19T02:20:00.000Z', direction: 'received', summary: '小店客服: 好的亲，我们马上帮您查询', channel: 'seller-chat' },
      { at: '2026-11-19T10:30:00.000Z', direction: 'sent', summary: 'The parcel is lost, I want a refund', channel: 'seller-chat' },
    ]);
    const again = await captureTab(setup().deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(again).toMatchObject({ ok: true, chat: { contactsAdded: 0 } });
    expect(await database.contacts.count()).toBe(3);
  });

  it('does not put another marketplace’s chat in this case’s contact log', async () => {
    const { deps } = setup({}, { url: 'https://msg.aliexpress.com/buyerMsgListNew.htm?sellerId=1' });
    const result = await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, chat: { messages: 4, contactsAdded: 0 } });
    expect(await database.contacts.count()).toBe(0);
    // Tmall's chat is Taobao's: it goes into a Taobao case.
    const tmall = await captureTab(setup({}, { url: 'https://im.tmall.com/chat' }).deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(tmall).toMatchObject({ ok: true, chat: { contactsAdded: 3 } });
  });

  it('keeps a chat on another page as image and transcript only, outside the contact log', async () => {
    const { deps } = setup({}, { url: 'https://www.aliexpress.com/item/1005001.html' });
    const result = await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, chat: { messages: 4, contactsAdded: 0 } });
    expect(await database.contacts.count()).toBe(0);
    expect((await database.evidence.toArray()).map((e) => e.kind).sort()).toEqual(['chat-transcript', 'fullpage-screenshot', 'page-html']);
  });

  it('takes a chat taller than one capture from its newest screens, and says which', async () => {
    const { deps } = setup({}, { content: BOX.height * 250 });
    const result = await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, section: { first: 51, last: 250, of: 250 } });
    const parts = (await database.evidence.toArray()).filter((e) => e.kind === 'fullpage-screenshot').sort((a, b) => a.part!.index - b.part!.index);
    const first = JSON.parse(await parts[0].blob.text()) as { rows: number[] };
    const last = JSON.parse(await parts.at(-1)!.blob.text()) as { rows: number[] };
    expect(first.rows[0]).toBe(50 * BOX.height * SCALE);
    expect(last.rows.at(-1)).toBe(250 * BOX.height * SCALE - 1);
  });

  it('saves a chat whose rows could not be read as its image only, without an empty transcript, and says none were read', async () => {
    const result = await captureTab(setup({}, { entries: [] }).deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, chat: { messages: 0, contactsAdded: 0 } });
    expect((await database.evidence.toArray()).map((e) => e.kind).sort()).toEqual(['fullpage-screenshot', 'page-html']);
    expect(await database.contacts.count()).toBe(0);
  });

  it('keeps the screens of a chat whose rows the transcript’s check refuses, and says no messages could be read', async () => {
    const refused = [{ top: 0, text: 'x'.repeat(9000), side: 'me' as const, when: '10:05' }];
    const result = await captureTab(setup({}, { entries: refused }).deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, chat: { messages: 0, contactsAdded: 0 } });
    expect((await database.evidence.toArray()).map((e) => e.kind).sort()).toEqual(['fullpage-screenshot', 'page-html']);
  });

  it('without image support says so as a page capture does, not that there is no chat, and saves nothing', async () => {
    const { deps, injected } = setup({ imaging: undefined });
    expect(await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'internal', detail: 'no image support for full-page capture' });
    expect(injected).toEqual([]);
    expect(await database.evidence.count()).toBe(0);
    const noScript = setup({ injectChatScript: undefined });
    expect(await captureTab(noScript.deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'noChatBox' });
  });

  it('says there is no chat when no box scrolls, and saves nothing', async () => {
    const { deps, asked } = setup({}, { noBox: true });
    expect(await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'noChatBox' });
    expect(await database.evidence.count()).toBe(0);
    expect(asked.at(-1)).toBe('chat:restore');
  });

  it('a tab closed during the screens saves nothing and says the tab is gone', async () => {
    const { deps } = setup({}, { closeAfterScreens: 2 });
    expect(await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'tabClosed' });
    expect(await database.evidence.count()).toBe(0);
    expect(await database.contacts.count()).toBe(0);
  });

  it('a full disk while the contacts are written saves neither the contacts nor the evidence', async () => {
    const { deps } = setup();
    database.contacts.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'storageFull' });
    expect(await database.evidence.count()).toBe(0);
    expect(await database.custody.count()).toBe(0);
    expect(await database.contacts.count()).toBe(0);
  });

  it('tells of the saved evidence once, after the capture and its contacts have committed, outside any transaction', async () => {
    const heard: { ids: string[]; inTransaction: boolean; reading: Promise<[number, number]> }[] = [];
    database.onEvidenceSaved = (ids) =>
      heard.push({
        ids,
        inTransaction: Dexie.currentTransaction !== null,
        // What the background does then: its own transaction, which must find the rows and the contacts.
        reading: database.transaction('r', [database.evidence, database.contacts], async () => [(await database.evidence.bulkGet(ids)).filter(Boolean).length, await database.contacts.count()]),
      });
    const result = await captureTab(setup().deps, { tabId: 4, mode: 'chat', caseId: CASE.id });
    expect(result).toMatchObject({ ok: true, chat: { contactsAdded: 3 } });
    expect(heard.map(({ ids, inTransaction }) => ({ ids, inTransaction }))).toEqual([{ ids: (result as { evidenceIds: string[] }).evidenceIds, inTransaction: false }]);
    expect(await heard[0].reading).toEqual([3, 3]);
  });

  it('tells of nothing when the capture’s transaction fails after its evidence was written', async () => {
    const heard: string[][] = [];
    database.onEvidenceSaved = (ids) => heard.push(ids);
    database.contacts.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await captureTab(setup().deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'storageFull' });
    expect(heard).toEqual([]);
  });

  it('needs the browser to let it into the page: without, it says so and saves nothing', async () => {
    const { deps } = setup({ injectChatScript: async () => Promise.reject(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')) });
    expect(await captureTab(deps, { tabId: 4, mode: 'chat', caseId: CASE.id })).toEqual({ ok: false, error: 'permission' });
    expect(await database.evidence.count()).toBe(0);
  });
});

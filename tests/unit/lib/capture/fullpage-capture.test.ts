// captureTab in full-page mode with a fake page, screen grabber and canvas: the rows of the stitched image
// are labelled with the page row they show, so a repeated, missing or shifted row is seen exactly.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureTab, type CaptureDeps } from '@/lib/capture/capture-tab';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import type { CaptureProgress, SnapshotResponse } from '@/lib/messaging/messages';
import type { Bitmap, Canvas, Imaging } from '@/lib/capture/stitch';
import { MAX_REPLANS, MAX_SCREENS } from '@/lib/capture/fullpage-plan';

const ORDER_ID = '8190123456789012';
const URL_A = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;

interface FakePage {
  pageHeight: number;
  viewHeight: number;
  windowWidth: number;
  /** Image pixels per CSS pixel (device pixel ratio × zoom). */
  scale: number;
  /** The page answers its size with each screen, as the real content script does (lib/content/fullpage-scroll.ts). */
  measures?: boolean;
  /** Called when a screen is shown, before it answers: a page that grows or moves does it here. */
  onScreen?: (y: number, index: number) => void;
}

function snapshot(url = URL_A, order = true): SnapshotResponse {
  return {
    reading: order
      ? { platform: 'aliexpress', pageKind: 'order-detail', orders: [{ orderId: ORDER_ID, items: [], sources: { orderId: 'url' } }], missing: [] }
      : null,
    html: '<!DOCTYPE html><html><body>page</body></html>',
    page: { url, title: 'Order details', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2 },
  };
}

interface LabelledBitmap extends Bitmap {
  /** The page-image row of the bitmap's first row. */
  top: number;
}

/** Screens are JSON {top, width, height} in a data URL; canvases keep, per row, the page row drawn there. */
const labelledImaging: Imaging<LabelledBitmap> = {
  decode: async (blob) => ({ ...(JSON.parse(await blob.text()) as { top: number; width: number; height: number }), close() {} }),
  canvas(width, height) {
    return labelledCanvas(width, new Array(height).fill(-1));
  },
};

function labelledCanvas(width: number, rows: number[]): Canvas<LabelledBitmap> {
  return {
    copyRows(bitmap, sourceY, targetY, count) {
      for (let i = 0; i < count; i++) rows[targetY + i] = bitmap.top + sourceY + i;
    },
    toPng: async () => new Blob([JSON.stringify({ width, rows })], { type: 'image/png' }),
    resized: (height) => labelledCanvas(width, Array.from({ length: height }, (_, i) => rows[i] ?? -1)),
  };
}

let database: DisputeKitDB;
let setups = 0;
beforeEach(() => {
  database = new DisputeKitDB('fullpage-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('fullpage-test');
});

/** The fake browser: a tab showing `page`, with a log of what the content script was asked. */
function setup(page: FakePage, overrides: Partial<CaptureDeps> = {}, content: SnapshotResponse | null = snapshot()) {
  const asked: string[] = [];
  let scrollY = 0;
  const prefix = `s${++setups}`;
  let ids = 0;
  let clock = 0;
  const deps: CaptureDeps = {
    getTab: async () => ({ active: true, windowId: 1, url: URL_A }),
    async sendToTab(_tabId, message) {
      const m = message as { type: string; y?: number };
      asked.push(m.type);
      if (!content) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (m.type === 'page:snapshot') return content;
      if (m.type === 'fullpage:prepare') return { pageHeight: page.pageHeight, viewHeight: page.viewHeight, windowWidth: page.windowWidth, devicePixelRatio: page.scale };
      if (m.type === 'fullpage:screen') {
        page.onScreen?.(m.y!, (m as { index?: number }).index ?? 0);
        scrollY = Math.min(m.y!, page.pageHeight - page.viewHeight);
        if (!page.measures) return { scrollY };
        return { scrollY, page: { height: page.pageHeight, width: page.windowWidth, viewHeight: page.viewHeight, windowWidth: page.windowWidth }, hidden: [] };
      }
      return { restored: true };
    },
    captureVisibleTab: async () => {
      const screen = { top: Math.round(scrollY * page.scale), width: page.windowWidth * page.scale, height: page.viewHeight * page.scale };
      return `data:image/png;base64,${btoa(JSON.stringify(screen))}`;
    },
    makeThumbnail: async () => new Blob(['thumb'], { type: 'image/jpeg' }),
    saveAsMHTML: async () => new Blob(['From: <Saved by Blink>\r\nContent-Type: multipart/related;'], { type: 'multipart/related' }),
    imaging: labelledImaging as Imaging,
    database,
    now: () => new Date(Date.UTC(2026, 10, 20, 12) + clock),
    sleep: async (ms) => {
      clock += ms;
    },
    newId: () => `${prefix}-${++ids}`,
    extensionVersion: '0.1.0',
    browserName: 'Chromium test',
    timeZone: 'UTC',
    ...overrides,
  };
  return { deps, asked };
}

async function stitchedRows(kind = 'fullpage-screenshot') {
  const items = (await database.evidence.toArray()).filter((e) => e.kind === kind);
  items.sort((a, b) => (a.part?.index ?? 1) - (b.part?.index ?? 1));
  const rows: number[] = [];
  for (const item of items) rows.push(...(JSON.parse(await item.blob.text()) as { rows: number[] }).rows);
  return { items, rows };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('full-page capture', () => {
  it('stitches every page row once, in order, at the device pixel ratio; the last screen adds only its new rows', async () => {
    const { deps, asked } = setup({ pageHeight: 2000, viewHeight: 800, windowWidth: 1280, scale: 2 });
    const result = await captureTab(deps, { tabId: 7, mode: 'fullpage' });
    expect(result).toMatchObject({ ok: true, caseId: `aliexpress:${ORDER_ID}` });
    const { items, rows } = await stitchedRows();
    expect(items).toHaveLength(1);
    expect(items[0].image).toEqual({ width: 2560, height: 4000 });
    expect(items[0].part).toBeUndefined();
    expect(rows).toEqual(range(4000));
    expect(asked.filter((t) => t === 'fullpage:screen')).toHaveLength(3);
    expect(asked.at(-1)).toBe('fullpage:restore');
  });

  it('handles a fractional scale (zoom 125%)', async () => {
    const { deps } = setup({ pageHeight: 3001, viewHeight: 640, windowWidth: 1024, scale: 1.25 });
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items, rows } = await stitchedRows();
    expect(items[0].image).toEqual({ width: 1280, height: Math.round(3001 * 1.25) });
    expect(rows).toEqual(range(Math.round(3001 * 1.25)));
  });

  it('saves the image, the MHTML and the HTML with their hashes, in one capture', async () => {
    const { deps } = setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 });
    await captureTab(deps, { tabId: 7, mode: 'fullpage' });
    const items = await database.evidence.toArray();
    expect(items.map((e) => e.kind).sort()).toEqual(['fullpage-screenshot', 'page-html', 'page-mhtml']);
    for (const item of items) {
      expect(item.sha256).toBe(await sha256Hex(item.blob));
      expect(item.captureId).toBe(items[0].captureId);
    }
    expect(items.find((e) => e.kind === 'page-mhtml')!.mime).toBe('multipart/related');
    expect(items.find((e) => e.kind === 'fullpage-screenshot')!.thumbnail).toBeInstanceOf(Blob);
  });

  it('splits a page taller than a canvas into numbered parts that together hold every row', async () => {
    const { deps } = setup({ pageHeight: 40_000, viewHeight: 1000, windowWidth: 1000, scale: 1 });
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items, rows } = await stitchedRows();
    expect(items.map((e) => e.part)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);
    expect(items.map((e) => e.image!.height)).toEqual([32_767, 40_000 - 32_767]);
    expect(rows).toEqual(range(40_000));
  });

  it('reports progress screen by screen', async () => {
    const { deps } = setup({ pageHeight: 2400, viewHeight: 800, windowWidth: 1280, scale: 1 });
    const seen: CaptureProgress[] = [];
    await captureTab(deps, { tabId: 7, mode: 'fullpage' }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { phase: 'preparing', done: 0, total: 0 },
      { phase: 'screens', done: 1, total: 3 },
      { phase: 'screens', done: 2, total: 3 },
      { phase: 'screens', done: 3, total: 3 },
      { phase: 'archiving', done: 0, total: 1 },
      { phase: 'saving', done: 0, total: 1 },
    ]);
  });

  it('spaces the screen grabs to Chrome’s two a second', async () => {
    const { deps } = setup({ pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1 });
    const grabs: number[] = [];
    const grab = deps.captureVisibleTab;
    deps.captureVisibleTab = async (w) => {
      grabs.push(deps.now().getTime());
      return grab(w);
    };
    await captureTab(deps, { tabId: 7, mode: 'fullpage' });
    expect(grabs).toHaveLength(5);
    for (let i = 1; i < grabs.length; i++) expect(grabs[i] - grabs[i - 1]).toBeGreaterThanOrEqual(500);
  });

  it('does not wait between screen grabs where the browser sets no limit (Firefox: captureSpacingMs 0)', async () => {
    const slept: number[] = [];
    const { deps } = setup({ pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1 });
    const sleep = deps.sleep;
    const saved = await captureTab({ ...deps, captureSpacingMs: 0, sleep: (ms) => (slept.push(ms), sleep(ms)) }, { tabId: 7, mode: 'fullpage' });
    expect(saved.ok).toBe(true);
    expect(slept).toEqual([]);
  });

  it('cancelled mid-way: saves nothing and puts the page back', async () => {
    const controller = new AbortController();
    const { deps, asked } = setup({ pageHeight: 8000, viewHeight: 800, windowWidth: 1280, scale: 1 });
    const result = await captureTab(deps, { tabId: 7, mode: 'fullpage' }, {
      signal: controller.signal,
      onProgress: (p) => p.phase === 'screens' && p.done === 3 && controller.abort(),
    });
    expect(result).toEqual({ ok: false, error: 'cancelled' });
    expect(await database.evidence.count()).toBe(0);
    expect(await database.cases.count()).toBe(0);
    expect(asked.at(-1)).toBe('fullpage:restore');
    expect(asked.filter((t) => t === 'fullpage:screen')).toHaveLength(3);
  });

  it('a failed screen grab saves nothing and puts the page back', async () => {
    const { deps, asked } = setup({ pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1 });
    let grabs = 0;
    const grab = deps.captureVisibleTab;
    deps.captureVisibleTab = async (w) => (++grabs === 3 ? Promise.reject(new Error('Tab is being dragged')) : grab(w));
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toEqual({ ok: false, error: 'captureFailed', detail: 'Tab is being dragged' });
    expect(await database.evidence.count()).toBe(0);
    expect(asked.at(-1)).toBe('fullpage:restore');
  });

  it('stops when the user switches to another tab mid-capture', async () => {
    let calls = 0;
    const { deps, asked } = setup({ pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1 }, {
      getTab: async () => ({ active: ++calls < 4, windowId: 1, url: URL_A }),
    });
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: false, error: 'tabNotVisible' });
    expect(await database.evidence.count()).toBe(0);
    expect(asked.at(-1)).toBe('fullpage:restore');
  });

  it('fails cleanly when the page got shorter than measured', async () => {
    const page = { pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1 };
    const { deps } = setup(page);
    const send = deps.sendToTab;
    deps.sendToTab = async (tabId, message) => {
      const answer = await send(tabId, message);
      if ((message as { type: string }).type === 'fullpage:prepare') page.pageHeight = 3000; // the page shrinks after measuring
      return answer;
    };
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: false, error: 'pageChanged' });
    expect(await database.evidence.count()).toBe(0);
  });

  it('into a named case, a page that is not an order page is captured there', async () => {
    const { deps } = setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 });
    await captureTab(deps, { tabId: 7, mode: 'fullpage' });
    const listing = setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 }, {}, snapshot('https://www.aliexpress.com/item/1.html', false));
    listing.deps.getTab = async () => ({ active: true, windowId: 1, url: 'https://www.aliexpress.com/item/1.html' });
    const result = await captureTab(listing.deps, { tabId: 8, mode: 'fullpage', caseId: `aliexpress:${ORDER_ID}`, label: 'listing' });
    expect(result).toMatchObject({ ok: true, caseId: `aliexpress:${ORDER_ID}` });
    const added = (await database.evidence.toArray()).filter((e) => e.page?.url === 'https://www.aliexpress.com/item/1.html');
    expect(added.map((e) => e.kind).sort()).toEqual(['fullpage-screenshot', 'page-html', 'page-mhtml']);
    expect(added.every((e) => e.label === 'listing')).toBe(true);
  });

  it('without a case, a page that is not an order page saves nothing; a missing case is said so', async () => {
    const { deps } = setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 }, {}, snapshot(URL_A, false));
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: false, error: 'notOrderPage' });
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage', caseId: 'aliexpress:404' })).toMatchObject({ ok: false, error: 'caseNotFound' });
    expect(await database.evidence.count()).toBe(0);
  });

  it('into a case, a page with no content script is taken as the browser shows it (visible area and MHTML)', async () => {
    await captureTab(setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 }).deps, { tabId: 7, mode: 'fullpage' });
    const png = 'data:image/png;base64,' + btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 5, 0, 0, 0, 3, 0x20));
    const { deps } = setup({ pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 1 }, {
      getTab: async () => ({ active: true, windowId: 1, url: 'https://track.example/123', title: 'Tracking 123' }),
      captureVisibleTab: async () => png,
    }, null);
    const result = await captureTab(deps, { tabId: 9, mode: 'fullpage', caseId: `aliexpress:${ORDER_ID}`, label: 'tracking' });
    expect(result).toMatchObject({ ok: true });
    const added = (await database.evidence.toArray()).filter((e) => e.page?.url === 'https://track.example/123');
    expect(added.map((e) => e.kind).sort()).toEqual(['page-mhtml', 'visible-screenshot']);
    expect(added.find((e) => e.kind === 'visible-screenshot')!.image).toEqual({ width: 1280, height: 800 });
    expect(added[0].page?.title).toBe('Tracking 123');
  });

  it('takes a page taller than MAX_SCREENS screens a section at a time, and says which screens it holds', async () => {
    // 5,000,000 px at 800 px a screen: 6,250 screens, which would be most of an hour at two a second.
    const page = { pageHeight: 5_000_000, viewHeight: 800, windowWidth: 1280, scale: 1 };
    const first = setup(page);
    const result = await captureTab(first.deps, { tabId: 7, mode: 'fullpage' });
    expect(result).toMatchObject({ ok: true, section: { first: 1, last: MAX_SCREENS, of: 6250 } });
    expect(first.asked.filter((m) => m === 'fullpage:screen')).toHaveLength(MAX_SCREENS);
    let { items, rows } = await stitchedRows();
    expect(rows).toEqual(range(MAX_SCREENS * 800));
    expect(items.every((i) => i.section?.first === 1 && i.section.last === MAX_SCREENS && i.section.of === 6250)).toBe(true);
    await database.evidence.clear();

    // The next section starts where the first ended; its image starts at that screen's top.
    const second = setup(page);
    expect(await captureTab(second.deps, { tabId: 7, mode: 'fullpage', fromScreen: MAX_SCREENS })).toMatchObject({ ok: true, section: { first: MAX_SCREENS + 1, last: 2 * MAX_SCREENS, of: 6250 } });
    ({ rows } = await stitchedRows());
    expect(rows[0]).toBe(MAX_SCREENS * 800);
    expect(rows).toEqual(range(MAX_SCREENS * 800).map((r) => r + MAX_SCREENS * 800));
    await database.evidence.clear();

    // The last section reaches the page's bottom.
    const last = setup(page);
    expect(await captureTab(last.deps, { tabId: 7, mode: 'fullpage', fromScreen: 6200 })).toMatchObject({ ok: true, section: { first: 6201, last: 6250, of: 6250 } });
    ({ rows } = await stitchedRows());
    expect(rows).toEqual(range(50 * 800).map((r) => r + 6200 * 800));
  });

  it('takes a page of MAX_SCREENS screens or fewer whole, with no section', async () => {
    const { deps } = setup({ pageHeight: MAX_SCREENS * 800, viewHeight: 800, windowWidth: 1280, scale: 1 });
    const result = await captureTab(deps, { tabId: 7, mode: 'fullpage' });
    expect(result.ok && 'section' in result).toBe(false);
    expect((await stitchedRows()).items.every((i) => i.section === undefined)).toBe(true);
  });
});

describe('a full-page capture’s own record', () => {
  it('a page that grows when its bottom is reached is planned again: the image is the final page’s height', async () => {
    let grown = false;
    const page: FakePage = { pageHeight: 2400, viewHeight: 800, windowWidth: 1280, scale: 1, measures: true };
    page.onScreen = (y) => {
      // An endless list: reaching the bottom the first time loads 1,240 px more.
      if (!grown && y >= page.pageHeight - page.viewHeight) {
        grown = true;
        page.pageHeight += 1240;
      }
    };
    const { deps } = setup(page);
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items, rows } = await stitchedRows();
    expect(items[0].image).toEqual({ width: 1280, height: 3640 });
    expect(rows).toEqual(range(3640));
    const record = items[0].captureRecord!;
    expect(record.before).toEqual({ width: 1280, height: 2400 });
    expect(record.after).toEqual({ width: 1280, height: 3640 });
    expect(record.changes).toEqual([{ kind: 'grew', screen: 2, from: 2400, to: 3640 }]);
    expect(record.replans).toBe(1);
    expect(record.image).toEqual({ top: 0, bottom: 3640 });
    expect(record.mismatch).toBeUndefined();
    expect(record.screens).toEqual([
      { asked: 0, got: 0 },
      { asked: 800, got: 800 },
      { asked: 1600, got: 1600 },
      { asked: 2400, got: 2400 },
      { asked: 2840, got: 2840 },
    ]);
  });

  it('content that arrives after the last screen is taken too (the last screen is shown again)', async () => {
    let shown = 0;
    const page: FakePage = { pageHeight: 1600, viewHeight: 800, windowWidth: 1280, scale: 2, measures: true };
    page.onScreen = () => {
      if (++shown === 3) page.pageHeight = 2000; // the second screen's load lands after it was taken
    };
    const { deps } = setup(page);
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items, rows } = await stitchedRows();
    expect(items[0].image!.height).toBe(4000);
    expect(rows).toEqual(range(4000));
    expect(items[0].captureRecord!.changes).toEqual([{ kind: 'grew', screen: 1, from: 1600, to: 2000 }]);
  });

  it('a page that keeps growing is saved with what was taken and marked: the part below is not in the image', async () => {
    const page: FakePage = { pageHeight: 2400, viewHeight: 800, windowWidth: 1280, scale: 1, measures: true };
    page.onScreen = (y) => {
      if (y >= page.pageHeight - page.viewHeight) page.pageHeight += 1000; // every visit to the bottom adds more
    };
    const { deps } = setup(page);
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items, rows } = await stitchedRows();
    const record = items[0].captureRecord!;
    expect(record.replans).toBe(MAX_REPLANS);
    expect(record.mismatch).toBeDefined();
    expect(record.mismatch!.pageHeight).toBe(page.pageHeight);
    expect(record.mismatch!.imageBottom).toBe(items[0].image!.height);
    expect(record.mismatch!.pageHeight).toBeGreaterThan(record.mismatch!.imageBottom);
    expect(rows).toEqual(range(items[0].image!.height));
  });

  it('a page that shrinks is planned again for its new height; one that shrinks above a screen taken ends there, marked', async () => {
    const page: FakePage = { pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1, measures: true };
    page.onScreen = (_y, index) => {
      if (index === 1) page.pageHeight = 3000;
    };
    const { deps } = setup(page);
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    let { items, rows } = await stitchedRows();
    expect(items[0].image!.height).toBe(3000);
    expect(rows).toEqual(range(3000));
    expect(items[0].captureRecord!.changes).toEqual([{ kind: 'shrank', screen: 1, from: 4000, to: 3000 }]);
    expect(items[0].captureRecord!.mismatch).toBeUndefined();
    await database.evidence.clear();

    const shrinking: FakePage = { pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1, measures: true };
    shrinking.onScreen = (_y, index) => {
      if (index === 3) shrinking.pageHeight = 2000; // below screen 3's top: the screens taken cannot be kept
    };
    expect(await captureTab(setup(shrinking).deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    ({ items, rows } = await stitchedRows());
    expect(items[0].image!.height).toBe(2400);
    expect(rows).toEqual(range(2400));
    expect(items[0].captureRecord!.mismatch).toEqual({ imageBottom: 2400, pageHeight: 2000 });
  });

  it('says when the page moved its own scroll position, and when the window was resized (the image then ends there)', async () => {
    const page: FakePage = { pageHeight: 4000, viewHeight: 800, windowWidth: 1280, scale: 1, measures: true };
    const { deps } = setup(page);
    const send = deps.sendToTab;
    deps.sendToTab = async (tabId, message) => {
      const answer = (await send(tabId, message)) as { scrollY?: number; page?: { viewHeight: number } };
      const m = message as { type: string; index?: number };
      if (m.type === 'fullpage:screen' && m.index === 1) return { ...answer, scrollY: 950 }; // content inserted above
      if (m.type === 'fullpage:screen' && m.index === 3) return { ...answer, page: { ...answer.page!, viewHeight: 700 } };
      return answer;
    };
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items } = await stitchedRows();
    const record = items[0].captureRecord!;
    expect(record.changes).toEqual([
      { kind: 'scrollMoved', screen: 1, asked: 800, got: 950 },
      { kind: 'resized', screen: 3, from: { width: 1280, height: 800 }, to: { width: 1280, height: 700 } },
    ]);
    expect(items[0].image!.height).toBe(2400);
    expect(record.mismatch).toEqual({ imageBottom: 2400, pageHeight: 4000 });
  });

  it('keeps the pinned elements the page said it hid, and puts the record on every part', async () => {
    const page: FakePage = { pageHeight: 40_000, viewHeight: 1000, windowWidth: 1000, scale: 1, measures: true };
    const { deps } = setup(page);
    const send = deps.sendToTab;
    const header = { tag: 'header', id: 'top', className: 'site-header', position: 'fixed' as const, width: 1000, height: 60, label: 'Shop' };
    deps.sendToTab = async (tabId, message) => {
      const answer = (await send(tabId, message)) as object;
      const m = message as { type: string; index?: number };
      return m.type === 'fullpage:screen' && m.index === 1 ? { ...answer, hidden: [header] } : answer;
    };
    expect(await captureTab(deps, { tabId: 7, mode: 'fullpage' })).toMatchObject({ ok: true });
    const { items } = await stitchedRows();
    expect(items).toHaveLength(2);
    for (const item of items) expect(item.captureRecord!.hidden).toEqual([header]);
    expect(items[0].captureRecord).toEqual(items[1].captureRecord);
    expect(items[0].captureRecord!.changes).toEqual([]);
    expect(items[0].captureRecord!.screens).toHaveLength(40);
  });
});

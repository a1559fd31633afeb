import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureVisible, dataUrlToBlob, type CaptureDeps } from '@/lib/capture/capture-tab';
import { getCaseOverview } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { ARCHIVE_HEAD } from '@/lib/capture/page-archive';
import type { SnapshotResponse } from '@/lib/messaging/messages';

const URL_A = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
const PNG_DATA_URL = `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\nfake-pixels')}`;

function snapshot(orderId = '8190123456789012', url = URL_A): SnapshotResponse {
  return {
    reading: {
      platform: 'aliexpress',
      pageKind: 'order-detail',
      orders: [{ orderId, status: 'Awaiting delivery', store: { name: 'Sunrise' }, items: [], sources: { orderId: 'url' } }],
      missing: [],
    },
    html: `<!DOCTYPE html><html><body>Order ${orderId}</body></html>`,
    page: { url, title: 'Order details', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2 },
  };
}

let database: DisputeKitDB;
let ids = 0;
function deps(overrides: Partial<CaptureDeps> = {}, page: SnapshotResponse | unknown = snapshot()): CaptureDeps {
  return {
    getTab: async () => ({ active: true, windowId: 1, url: (page as SnapshotResponse)?.page?.url ?? URL_A }),
    sendToTab: async () => page,
    captureVisibleTab: async () => PNG_DATA_URL,
    makeThumbnail: async () => new Blob(['thumb'], { type: 'image/jpeg' }),
    database,
    now: () => new Date('2026-11-20T12:00:00.000Z'),
    sleep: async () => {},
    newId: () => `id-${++ids}`,
    extensionVersion: '0.1.0',
    browserName: 'Chromium test',
    timeZone: 'Europe/Moscow',
    ...overrides,
  };
}

beforeEach(() => {
  database = new DisputeKitDB('capture-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('capture-test');
});

async function counts() {
  return { cases: await database.cases.count(), evidence: await database.evidence.count(), events: await database.events.count() };
}

describe('capturing the visible page', () => {
  it('saves a screenshot and the page HTML to the order’s case, with hashes and times', async () => {
    const result = await captureVisible(deps(), 7);
    expect(result).toEqual({ ok: true, caseId: 'aliexpress:8190123456789012', evidenceIds: expect.any(Array) });
    const items = await database.evidence.toArray();
    expect(items.map((e) => e.kind).sort()).toEqual(['page-html', 'visible-screenshot']);
    for (const item of items) {
      expect(item.sha256).toBe(await sha256Hex(item.blob));
      expect(item.bytes).toBe(item.blob.size);
      expect(item.capturedAt).toBe('2026-11-20T12:00:00.000Z');
      expect(item.capturedAtLocal).toBe('2026-11-20T15:00:00.000+03:00');
      expect(item.page).toMatchObject({ url: URL_A, title: 'Order details', devicePixelRatio: 2 });
      expect(item.extensionVersion).toBe('0.1.0');
      expect(item.captureId).toBe(items[0].captureId);
    }
    const shot = items.find((e) => e.kind === 'visible-screenshot')!;
    expect(shot.mime).toBe('image/png');
    expect(new Uint8Array(await shot.blob.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(await items.find((e) => e.kind === 'page-html')!.blob.text()).toContain('Order 8190123456789012');
    const page = items.find((e) => e.kind === 'page-html')!;
    // Stored with its scripts disabled: the policy right after the doctype, the page's own HTML recoverable.
    expect(await page.blob.text()).toBe(`<!DOCTYPE html>${ARCHIVE_HEAD}<html><body>Order 8190123456789012</body></html>`);
    expect(page.htmlArchive).toEqual({ originalSha256: await sha256Hex(new TextEncoder().encode(snapshot().html)), originalBytes: snapshot().html.length, insertedAt: 15, insertedBytes: ARCHIVE_HEAD.length });
    const overview = await getCaseOverview(database, 'aliexpress:8190123456789012');
    expect(overview).toMatchObject({ evidenceCount: 2, case: { state: 'open', order: { status: 'Awaiting delivery' } } });
    expect(overview?.latestThumbnail).toBeInstanceOf(Blob);
  });

  it('stores the page title without the direction overrides a page may hide in it', async () => {
    const page = snapshot();
    page.page.title = 'Order \u202Efdp.exe\u202C  details\u200B';
    await captureVisible(deps({}, page), 7);
    for (const item of await database.evidence.toArray()) expect(item.page?.title).toBe('Order fdp.exe details');
  });

  it('a capture the user starts for a case filed as closed opens it again; a resolved case stays resolved', async () => {
    await captureVisible(deps(), 7);
    const id = 'aliexpress:8190123456789012';
    await database.cases.update(id, { state: 'closed' });
    await captureVisible(deps(), 7);
    expect((await database.cases.get(id))?.state).toBe('open');
    await database.cases.update(id, { state: 'resolved' });
    await captureVisible(deps(), 7);
    expect((await database.cases.get(id))?.state).toBe('resolved');
  });

  it('adds a second capture of the same order to the same case, and another order gets its own case', async () => {
    await captureVisible(deps(), 7);
    await captureVisible(deps(), 7);
    const other = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190999999999999';
    await captureVisible(deps({}, snapshot('8190999999999999', other)), 8);
    expect(await database.cases.count()).toBe(2);
    expect((await getCaseOverview(database, 'aliexpress:8190123456789012'))?.evidenceCount).toBe(4);
    expect((await getCaseOverview(database, 'aliexpress:8190999999999999'))?.evidenceCount).toBe(2);
    const events = await database.events.where('caseId').equals('aliexpress:8190123456789012').toArray();
    expect(events.map((e) => e.type)).toEqual(['case-opened', 'evidence-captured', 'evidence-captured']);
  });

  it.each([
    ['the tab is gone', { getTab: async () => Promise.reject(new Error('No tab with id: 7')) }, 'tabClosed'],
    ['no content script answers', { sendToTab: async () => Promise.reject(new Error('Receiving end does not exist.')) }, 'notOrderPage'],
    ['the tab is not the one shown', { getTab: async () => ({ active: false, windowId: 1, url: URL_A }) }, 'tabNotVisible'],
    ['the browser refuses the screenshot', { captureVisibleTab: async () => Promise.reject(new Error("Either the '<all_urls>' or 'activeTab' permission is required.")) }, 'permission'],
    ['the screenshot fails otherwise', { captureVisibleTab: async () => Promise.reject(new Error('Tab is being dragged')) }, 'captureFailed'],
  ] as const)('saves nothing when %s', async (_why, overrides, error) => {
    const result = await captureVisible(deps(overrides as Partial<CaptureDeps>), 7);
    expect(result).toMatchObject({ ok: false, error });
    expect(await counts()).toEqual({ cases: 0, evidence: 0, events: 0 });
  });

  it('waits out Chrome’s two-captures-a-second quota instead of failing', async () => {
    let calls = 0;
    const captureVisibleTab = async () => {
      if (calls++ === 0) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return PNG_DATA_URL;
    };
    expect(await captureVisible(deps({ captureVisibleTab }), 7)).toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });

  it('saves nothing when the page is not an order page or answers nonsense', async () => {
    const list = { ...snapshot(), reading: { platform: 'aliexpress', pageKind: 'order-list', orders: [], missing: ['orders'] } };
    expect(await captureVisible(deps({}, list), 7)).toMatchObject({ ok: false, error: 'notOrderPage' });
    expect(await captureVisible(deps({}, { reading: '<script>' }), 7)).toMatchObject({ ok: false, error: 'notOrderPage' });
    expect(await counts()).toEqual({ cases: 0, evidence: 0, events: 0 });
  });

  it('saves nothing when the page names another order than its address (the address is what the user sees)', async () => {
    const claimsOther = snapshot('8190999999999999', URL_A);
    expect(await captureVisible(deps({}, claimsOther), 7)).toEqual({ ok: false, error: 'orderMismatch', detail: '8190999999999999 ≠ 8190123456789012' });
    expect(await counts()).toEqual({ cases: 0, evidence: 0, events: 0 });
  });

  it('a capture the user starts refreshes the case’s facts, and keeps what each capture read as a reading', async () => {
    await captureVisible(deps(), 7);
    const later = snapshot();
    later.reading!.orders[0]!.status = 'Delivered';
    await captureVisible(deps({ now: () => new Date('2026-11-25T12:00:00.000Z') }, later), 7);
    const caseId = 'aliexpress:8190123456789012';
    expect((await database.cases.get(caseId))?.order.status).toBe('Delivered');
    const readings = await database.readings.where('caseId').equals(caseId).sortBy('at');
    expect(readings.map((r) => [r.source, r.at, r.url, r.order.status])).toEqual([
      ['capture', '2026-11-20T12:00:00.000Z', URL_A, 'Awaiting delivery'],
      ['capture', '2026-11-25T12:00:00.000Z', URL_A, 'Delivered'],
    ]);
  });

  it('saves nothing when the tab navigated away during the capture', async () => {
    let calls = 0;
    const getTab = async () => ({ active: true, windowId: 1, url: calls++ === 0 ? URL_A : 'https://www.aliexpress.com/' });
    expect(await captureVisible(deps({ getTab }), 7)).toMatchObject({ ok: false, error: 'pageChanged' });
    expect(await counts()).toEqual({ cases: 0, evidence: 0, events: 0 });
  });

  it('reports a full disk clearly and keeps what was already saved', async () => {
    await captureVisible(deps(), 7);
    const before = await counts();
    const full = new DisputeKitDB('capture-test');
    full.evidence.hook('creating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const result = await captureVisible(deps({ database: full }), 7);
    full.close();
    expect(result).toEqual({ ok: false, error: 'storageFull' });
    expect(await counts()).toEqual(before);
  });
});

describe('data URLs from captureVisibleTab', () => {
  it('decode to the exact bytes', async () => {
    const blob = dataUrlToBlob(PNG_DATA_URL);
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toContain('fake-pixels');
  });
});

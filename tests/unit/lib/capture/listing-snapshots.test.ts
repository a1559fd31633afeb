import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureListings, MAX_SNAPSHOTS, snapshotLinks, type ListingDeps } from '@/lib/capture/listing-snapshots';
import { keepListingResult, takeListingResult } from '@/lib/capture/listing-result';
import { captureTab, type CaptureDeps, type CaptureTarget } from '@/lib/capture/capture-tab';
import { getCase, getCaseEvidence } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { evidenceMetadata, metadataDigest } from '@/lib/cases/custody';
import { verifyCase } from '@/lib/cases/verify-case';
import type { OrderFacts, PageReading } from '@/lib/common/model';
import type { CaptureResponse, ListingProgress, SnapshotResponse } from '@/lib/messaging/messages';

const ORDER_TAB = 1;
const TAOBAO_ORDER = '4812096101361745504';
const TAOBAO_URL = `https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${TAOBAO_ORDER}`;
const snap = (id: number | string) => `https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=${id}`;

function reading(items: OrderFacts['items'], platform: PageReading['platform'] = 'taobao', orderId = TAOBAO_ORDER): PageReading {
  return { platform, pageKind: 'order-detail', orders: [{ orderId, items, sources: { orderId: 'url' } }], missing: [] };
}

let database: DisputeKitDB;
beforeEach(() => {
  database = new DisputeKitDB('listing-test');
});
afterEach(async () => {
  database.close();
  await Dexie.delete('listing-test');
});

interface Fake {
  deps: ListingDeps;
  opened: string[];
  closed: number[];
  activated: number[];
  captures: CaptureTarget[];
  /** Everything the browser was asked, in order, as short lines. */
  log: string[];
  progress: ListingProgress[];
}

/**
 * A browser with the order tab (1) and the snapshot tabs it opens. `behaviour` says, by snapshot URL, how its tab
 * goes: loads and is captured (default), never loads, is closed, lands on another page, has no content script,
 * or its capture fails.
 */
function browser(
  page: PageReading | null,
  behaviour: Record<string, { load?: 'complete' | 'closed' | 'timeout'; landsOn?: string; silent?: boolean; capture?: CaptureResponse }> = {},
  orderUrl = TAOBAO_URL,
): Fake {
  const tabs = new Map<number, { url: string; windowId: number; index: number }>([[ORDER_TAB, { url: orderUrl, windowId: 9, index: 3 }]]);
  const urlOf = new Map<number, string>();
  const fake: Fake = { opened: [], closed: [], activated: [], captures: [], log: [], progress: [], deps: undefined! };
  let next = 100;
  fake.deps = {
    getTab: async (id) => {
      const tab = tabs.get(id);
      if (!tab) throw new Error('No tab with id');
      return tab;
    },
    sendToTab: async (id, message) => {
      if (id === ORDER_TAB) return { reading: page };
      const b = behaviour[urlOf.get(id)!] ?? {};
      if (b.silent || !tabs.has(id)) throw new Error('Could not establish connection. Receiving end does not exist.');
      expect(message).toEqual({ type: 'page:read' });
      return { reading: null };
    },
    openTab: async (url, beside) => {
      const id = next++;
      fake.opened.push(url);
      fake.log.push(`open ${url} beside ${beside.tabId} at ${beside.index}`);
      urlOf.set(id, url);
      tabs.set(id, { url: behaviour[url]?.landsOn ?? url, windowId: beside.windowId ?? 0, index: (beside.index ?? 0) + 1 });
      return id;
    },
    waitForLoad: async (id, timeoutMs) => {
      expect(timeoutMs).toBeGreaterThan(0);
      const load = behaviour[urlOf.get(id)!]?.load ?? 'complete';
      if (load === 'closed') tabs.delete(id);
      return load;
    },
    closeTab: async (id) => {
      fake.closed.push(id);
      fake.log.push(`close ${id}`);
      if (!tabs.delete(id)) throw new Error('No tab with id');
    },
    activateTab: async (id) => {
      fake.activated.push(id);
      fake.log.push(`activate ${id}`);
    },
    capture: async (target, onProgress) => {
      fake.captures.push(target);
      fake.log.push(`capture ${target.tabId}`);
      onProgress({ phase: 'screens', done: 1, total: 2 });
      return behaviour[urlOf.get(target.tabId)!]?.capture ?? { ok: true, caseId: target.caseId!, evidenceIds: [`shot-${target.tabId}`, `html-${target.tabId}`] };
    },
    onProgress: (p) => fake.progress.push(p),
    database,
    now: () => new Date('2026-11-20T12:00:00.000Z'),
    sleep: async () => {},
  };
  return fake;
}

describe('which snapshot links are opened', () => {
  it('only https links on the order’s own marketplace, once each, at most MAX_SNAPSHOTS', () => {
    const items: OrderFacts['items'] = [
      { title: 'A', snapshotUrl: snap(1) },
      { title: 'A again', snapshotUrl: snap(1) },
      { title: 'plain http', snapshotUrl: 'http://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=2' },
      { title: 'elsewhere', snapshotUrl: 'https://trade.taobao.com.evil.example/tradeSnap.htm' },
      { title: 'AliExpress host', snapshotUrl: 'https://www.aliexpress.com/snapshot/1.html' },
      { title: 'Tmall host', snapshotUrl: 'https://trade.tmall.com/detail/tradeSnap.htm?tradeID=3' },
      { title: 'no link' },
      ...Array.from({ length: 12 }, (_, i) => ({ title: `more ${i}`, snapshotUrl: snap(100 + i) })),
    ];
    const { open, refused, skipped } = snapshotLinks('taobao', { orderId: TAOBAO_ORDER, items, sources: {} });
    expect(open).toHaveLength(MAX_SNAPSHOTS);
    expect(open.slice(0, 2)).toEqual([
      { title: 'A', url: snap(1) },
      { title: 'Tmall host', url: 'https://trade.tmall.com/detail/tradeSnap.htm?tradeID=3' },
    ]);
    expect(refused.map((r) => r.title)).toEqual(['plain http', 'elsewhere', 'AliExpress host']);
    expect(skipped).toBe(4);
  });

  it('a Tmall order’s 交易快照 on trade.taobao.com is its own marketplace’s', () => {
    const { open, refused } = snapshotLinks('tmall', { orderId: '1', items: [{ title: 'T', snapshotUrl: snap('4904183602045500155') }], sources: {} });
    expect(open).toHaveLength(1);
    expect(refused).toEqual([]);
  });
});

describe('capturing the listing as bought', () => {
  it('opens the links of the page’s own reading beside the order tab, captures each as a listing, closes it and comes back', async () => {
    const fake = browser(reading([
      { title: '对讲机', url: 'https://item.taobao.com/item.htm?id=1', snapshotUrl: snap(TAOBAO_ORDER) },
      { title: '天线', snapshotUrl: snap('4812096101361745505') },
    ]));
    const result = await captureListings(fake.deps, ORDER_TAB);
    const caseId = `taobao:${TAOBAO_ORDER}`;
    expect(result).toEqual({
      ok: true,
      caseId,
      captured: [
        { title: '对讲机', url: snap(TAOBAO_ORDER), evidenceIds: ['shot-100', 'html-100'] },
        { title: '天线', url: snap('4812096101361745505'), evidenceIds: ['shot-101', 'html-101'] },
      ],
      failed: [],
      skipped: 0,
    });
    expect(fake.captures).toEqual([
      { tabId: 100, mode: 'fullpage', caseId, label: 'listing', snapshotOf: '对讲机' },
      { tabId: 101, mode: 'fullpage', caseId, label: 'listing', snapshotOf: '天线' },
    ]);
    // One at a time: open, capture, close, back to the order; next to the order's tab (index 3 → 4).
    expect(fake.log).toEqual([
      `open ${snap(TAOBAO_ORDER)} beside 1 at 3`,
      'capture 100',
      'close 100',
      'activate 1',
      `open ${snap('4812096101361745505')} beside 1 at 3`,
      'capture 101',
      'close 101',
      'activate 1',
    ]);
    expect(fake.progress).toContainEqual({ n: 2, of: 2 });
    expect(fake.progress).toContainEqual({ n: 1, of: 2, phase: 'screens', done: 1, total: 2 });
    // The order's case exists, made from the page's reading.
    expect((await getCase(database, caseId))?.order.items).toHaveLength(2);
  });

  it('takes the links from the tab’s page only: plain http and other sites are refused and reported, never opened', async () => {
    const fake = browser(
      reading(
        [
          { title: 'USB-C charger', snapshotUrl: 'https://www.aliexpress.com/snapshot/0.html?orderId=8190123456789012&productId=1' },
          { title: 'Forged', snapshotUrl: 'https://evil.example/snapshot/0.html' },
          { title: 'Downgraded', snapshotUrl: 'http://www.aliexpress.com/snapshot/0.html?orderId=8190123456789012&productId=2' },
          { title: 'Other marketplace', snapshotUrl: snap(1) },
        ],
        'aliexpress',
        '8190123456789012',
      ),
      {},
      'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012',
    );
    const result = await captureListings(fake.deps, ORDER_TAB);
    expect(fake.opened).toEqual(['https://www.aliexpress.com/snapshot/0.html?orderId=8190123456789012&productId=1']);
    expect(result.ok && result.captured.map((c) => c.title)).toEqual(['USB-C charger']);
    expect(result.ok && result.failed.map((f) => [f.title, f.reason])).toEqual([
      ['Forged', 'offSite'],
      ['Downgraded', 'offSite'],
      ['Other marketplace', 'offSite'],
    ]);
  });

  it('reports each snapshot that fails by name and why, captures the others, and closes every tab it opened', async () => {
    const fake = browser(
      reading([1, 2, 3, 4, 5, 6].map((n) => ({ title: `item ${n}`, snapshotUrl: snap(n) }))),
      {
        [snap(2)]: { load: 'timeout' },
        [snap(3)]: { landsOn: 'https://login.taobao.com/member/login.jhtml?redirectURL=x' },
        [snap(4)]: { load: 'closed' },
        [snap(5)]: { capture: { ok: false, error: 'tabNotVisible' } },
        [snap(6)]: { silent: true },
      },
    );
    const result = await captureListings(fake.deps, ORDER_TAB);
    expect(result.ok && result.captured.map((c) => c.title)).toEqual(['item 1']);
    expect(result.ok && result.failed.map((f) => [f.title, f.reason])).toEqual([
      ['item 2', 'timeout'],
      ['item 3', 'login'],
      ['item 4', 'tabClosed'],
      ['item 5', 'tabNotVisible'],
      ['item 6', 'notLoaded'],
    ]);
    // Only the first and the fifth got as far as a capture.
    expect(fake.captures.map((c) => c.snapshotOf)).toEqual(['item 1', 'item 5']);
    expect(fake.closed).toEqual([100, 101, 102, 103, 104, 105]);
    expect(fake.activated).toEqual([1, 1, 1, 1, 1, 1]);
    expect(fake.log.at(-1)).toBe('activate 1');
  });

  it('a page that is not an order, or an order without snapshot links, opens nothing', async () => {
    const cases: [PageReading | null, string][] = [
      [null, 'notOrderPage'],
      [{ ...reading([]), pageKind: 'order-list', orders: [] }, 'notOrderPage'],
      [reading([{ title: 'no snapshot', url: 'https://item.taobao.com/item.htm?id=1' }]), 'noSnapshots'],
    ];
    for (const [page, error] of cases) {
      const fake = browser(page);
      expect(await captureListings(fake.deps, ORDER_TAB)).toEqual({ ok: false, error });
      expect(fake.opened).toEqual([]);
    }
    // A page whose reading names another order than its address: refused as a capture is.
    const other = browser(reading([{ title: 'x', snapshotUrl: snap(1) }], 'taobao', '4812096101361745599'));
    expect(await captureListings(other.deps, ORDER_TAB)).toEqual({ ok: false, error: 'orderMismatch' });
    expect(other.opened).toEqual([]);
  });
});

describe('a listing captured into the case', () => {
  it('keeps which item it is the listing as bought of, covered by its custody entry', async () => {
    await captureListings(browser(reading([{ title: '对讲机', snapshotUrl: snap(1) }])).deps, ORDER_TAB);
    const caseId = `taobao:${TAOBAO_ORDER}`;
    const page: SnapshotResponse = {
      reading: null,
      html: '<!doctype html><title>交易快照</title><h1>对讲机</h1>',
      page: { url: snap(1), title: '交易快照 - 对讲机', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    };
    let ids = 0;
    const deps: CaptureDeps = {
      getTab: async () => ({ active: true, windowId: 1, url: snap(1) }),
      sendToTab: async () => page,
      captureVisibleTab: async () => `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\nfake')}`,
      makeThumbnail: async () => undefined,
      database,
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      sleep: async () => {},
      newId: () => `id-${++ids}`,
      extensionVersion: '0.1.0',
      browserName: 'test',
      timeZone: 'Asia/Shanghai',
    };
    // The visible area (no imaging in this fake): what matters here is what is stored with it.
    const saved = await captureTab(deps, { tabId: 100, mode: 'visible', caseId, label: 'listing', snapshotOf: '对讲机' });
    expect(saved.ok).toBe(true);
    const evidence = await getCaseEvidence(database, caseId);
    expect(evidence.map((e) => [e.label, e.snapshotOf, e.page?.url, e.page?.title])).toEqual([
      ['listing', '对讲机', snap(1), '交易快照 - 对讲机'],
      ['listing', '对讲机', snap(1), '交易快照 - 对讲机'],
    ]);
    // The custody entry's metadata digest covers the field: changing it is seen.
    expect((await verifyCase(database, caseId, new Date())).ok).toBe(true);
    const entry = (await database.custody.where('caseId').equals(caseId).toArray()).find((e) => e.evidenceId === evidence[0].id)!;
    expect('meta' in entry && entry.meta).toBe(metadataDigest(evidenceMetadata(evidence[0])));
    await database.evidence.update(evidence[0].id, { snapshotOf: 'another item' });
    expect((await verifyCase(database, caseId, new Date())).ok).toBe(false);
  });
});

describe('the result kept for the popup’s next opening', () => {
  it('is given once, to the same tab, while recent', async () => {
    const store = new Map<string, unknown>();
    const area = {
      get: async (key: string) => (store.has(key) ? { [key]: store.get(key) } : {}),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
      remove: async (key: string) => void store.delete(key),
    };
    const result = { ok: true as const, caseId: 'taobao:1', captured: [], failed: [{ title: 'x', url: snap(1), reason: 'timeout' as const }], skipped: 0 };
    const at = new Date('2026-11-20T12:00:00Z');
    await keepListingResult(area, 7, result, at);
    expect(await takeListingResult(area, 8, at)).toBeUndefined();
    expect(await takeListingResult(area, 7, new Date(at.getTime() + 60_000))).toEqual(result);
    expect(await takeListingResult(area, 7, at)).toBeUndefined();
    await keepListingResult(area, 7, result, at);
    expect(await takeListingResult(area, 7, new Date(at.getTime() + 60 * 60_000))).toBeUndefined();
  });
});

// "Capture the listing as bought" in real Chromium: the popup's one button opens the order's 交易快照 beside the
// order's tab, captures it whole into the order's case as its listing, closes it and brings the order back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve, waitUntil } from './harness.mjs';

const ORDER = '3690000000000000041';
const ORDER_URL = `https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=${ORDER}`;
const SNAP_URL = `https://trade.taobao.com/trade/detail/tradeSnap.htm?trade_id=${ORDER}`;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('capturing the listing as bought on a Taobao order page', () => {
  let ext;
  let offSiteAsked = 0;
  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, `**/trade/detail/trade_item_detail.htm?bizOrderId=${ORDER}`, fixture('taobao/order-detail-snapshot.html'));
    await serve(ext.context, `**/trade/detail/tradeSnap.htm?trade_id=${ORDER}`, fixture('taobao/trade-snap.html'));
    // The second item's link points off Taobao: it must never be opened.
    await ext.context.route('https://snapshots.example.net/**', (route) => {
      offSiteAsked++;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' });
    });
  });
  after(async () => ext?.close());

  it('saves the snapshot as a full-page listing of its item, says so, and the order tab is in front again', async () => {
    const { tabId } = await openTab(ext, ORDER_URL);
    const popup = await openPopup(ext, tabId);
    await expectText(popup.getByTestId('order-id'), ORDER);
    await expectText(popup.getByTestId('capture-listing'), 'Capture the listing as bought');
    await popup.getByTestId('capture-listing').click();
    await expectText(popup.getByTestId('notice'), /Listing as bought saved: 1 snapshot\./);
    await expectText(popup.getByTestId('notice-lines'), 'Not saved: LED 灯泡 E27 — its link is not on the marketplace’s own site, so it was not opened.');
    await expectText(popup.getByTestId('evidence-count'), '3 files');

    const { cases, evidence } = await readDatabase(popup);
    assert.deepEqual(cases.map((c) => c.id), [`taobao:${ORDER}`]);
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['fullpage-screenshot', 'page-html', 'page-mhtml']);
    for (const item of evidence) {
      assert.equal(item.caseId, `taobao:${ORDER}`);
      assert.equal(item.label, 'listing');
      assert.equal(item.snapshotOf, '北欧护眼台灯 可调光');
      assert.equal(item.page.url, SNAP_URL);
      assert.equal(item.page.title, '交易快照 - 北欧护眼台灯 可调光');
      assert.equal(item.sha256, item.actualSha256);
    }
    const shot = evidence.find((e) => e.kind === 'fullpage-screenshot');
    assert.deepEqual(shot.head, PNG_SIGNATURE);
    // The snapshot page is three 900 px sections tall: the image holds more than one screen.
    assert.ok(shot.image.height > 2700, `the whole snapshot page, not one screen (${shot.image.height} px)`);
    assert.equal(offSiteAsked, 0, 'the off-site link was never opened');

    // The snapshot's tab is gone and the order's is the active one of its window again.
    await waitUntil(
      () => ext.sw.evaluate(async (id) => {
        const order = await chrome.tabs.get(id);
        const snapshots = await chrome.tabs.query({ url: 'https://trade.taobao.com/trade/detail/tradeSnap.htm*' });
        return { active: order.active, snapshots: snapshots.length };
      }, tabId),
      { active: true, snapshots: 0 },
      { what: 'the order tab active again and no snapshot tab left' },
    );
    await popup.close();
  });
});

// In Firefox ESR: the popup reads an AliExpress order page (ids, the deadline's headline, the next step), a
// capture saves the whole page with hashes equal to the stored bytes, a page that is not an order page is
// added to the case as its visible area, and a tab closed before the capture gives a clear message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { click, expectText, fixture, launchFirefox, readDatabase, testId, waitFor } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const DETAIL_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const TRACKING_URL = 'https://track.example/parcel/LP00123456789';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('Firefox: reading and capturing an AliExpress order', () => {
  let ext;
  before(async () => {
    ext = await launchFirefox();
    ext.serve(DETAIL_URL, fixture('aliexpress/order-detail.html'));
    ext.serve(TRACKING_URL, '<!doctype html><title>Parcel LP00123456789</title><h1 style="background:#0a7">In transit</h1><p>Arrived at the sorting centre.</p>');
  });
  after(async () => ext?.close());

  it('the popup shows the order it reads: ids, the deadline headline and the next step', async () => {
    const { tabId } = await ext.openTab(DETAIL_URL);
    const popup = await ext.openPopup(tabId);
    await expectText(popup, testId('order-id'), ORDER);
    await expectText(popup, testId('order-store'), 'Sunrise Gadgets Store');
    await expectText(popup, testId('order-status'), 'Awaiting delivery');
    // The deadline's headline: the page's "Refund if no delivery before Dec 28, 2026", counted down.
    await expectText(popup, testId('countdown-label'), /^Delivery guarantee: refund if not delivered by the promised date/);
    await expectText(popup, testId('countdown-left'), /^\d+ days? \d+ hours? left$/);
    await expectText(popup, testId('next-step-title'), 'Document everything');
    await expectText(popup, testId('case'), 'No evidence saved for this order yet.');
    await popup.close();
  });

  it('captures the whole page: a PNG and the page’s HTML, each stored with the SHA-256 of its bytes, and no MHTML', async () => {
    const { tabId } = await ext.openTab(DETAIL_URL);
    const popup = await ext.openPopup(tabId);
    await click(popup, testId('capture'));
    await expectText(popup, testId('notice'), 'Saved: 2 files.');
    await expectText(popup, testId('evidence-count'), '2 files');
    assert.ok(await popup.$eval(testId('thumbnail'), (img) => img.complete && img.naturalWidth > 0), 'the thumbnail shows');

    const { cases, evidence, events, custody } = await readDatabase(popup);
    assert.deepEqual(cases.map((c) => [c.id, c.state, c.order.store.name]), [[CASE_ID, 'open', 'Sunrise Gadgets Store']]);
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['fullpage-screenshot', 'page-html'], 'Firefox has no MHTML');
    for (const item of evidence) {
      assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);
      assert.equal(item.bytes, item.blobSize);
      assert.equal(item.page.url, DETAIL_URL);
      assert.equal(item.page.title, 'Order details - AliExpress');
      assert.match(item.browser, /Firefox\/\d+/);
    }
    const shot = evidence.find((e) => e.kind === 'fullpage-screenshot');
    assert.deepEqual(shot.head, PNG_SIGNATURE);
    assert.ok(shot.bytes > 5000, 'a real screenshot, not an empty image');
    assert.ok(shot.hasThumbnail);
    assert.deepEqual(events.map((e) => e.type), ['case-opened', 'evidence-captured']);
    assert.deepEqual(custody.map((e) => e.sha256).sort(), evidence.map((e) => e.sha256).sort(), 'every file is in the custody log');
    await popup.close();
  });

  it('a page that is not an order page is added to the case as its visible area', async () => {
    const { tabId } = await ext.openTab(TRACKING_URL);
    const popup = await ext.openPopup(tabId);
    await expectText(popup, testId('page-message'), /not an order page DisputeKit knows/);
    await waitFor(popup, `${testId('add-page-case')} option[value="${CASE_ID}"]`);
    const before = new Set((await readDatabase(popup)).evidence.map((e) => e.id));
    await popup.select(testId('add-page-case'), CASE_ID);
    await click(popup, testId('add-page-capture'));
    await expectText(popup, testId('add-page-notice'), `Saved to AliExpress order ${ORDER}: 1 file.`);
    const added = (await readDatabase(popup)).evidence.filter((e) => !before.has(e.id));
    assert.deepEqual(added.map((e) => [e.kind, e.caseId, e.page.url]), [['visible-screenshot', CASE_ID, TRACKING_URL]]);
    assert.equal(added[0].sha256, added[0].actualSha256, 'the stored SHA-256 is the blob’s');
    assert.deepEqual(added[0].head, PNG_SIGNATURE);
    // The visible area of a 1280 px wide window, as Firefox drew it.
    assert.equal(added[0].image.width, 1280);
    await popup.close();
  });

  it('a tab closed before the capture gives a clear message and saves nothing', async () => {
    const { page, tabId } = await ext.openTab(DETAIL_URL);
    const popup = await ext.openPopup(tabId);
    const before = await readDatabase(popup);
    await page.close();
    await click(popup, testId('capture'));
    await expectText(popup, '[role="alert"]', /closed before the capture finished|not an order page/);
    const now = await readDatabase(popup);
    assert.equal(now.evidence.length, before.evidence.length);
    assert.equal(now.custody.length, before.custody.length);
    assert.equal(now.events.length, before.events.length);
    await popup.close();
  });

  it('nothing went to the network: every request was answered from a fixture, none reached the proxy', () => {
    assert.deepEqual(ext.refused, []);
  });
});

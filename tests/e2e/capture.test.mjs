// Steps 2–5 of the foundation issue, in real Chromium with the built extension.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve } from './harness.mjs';

const ORDER_A = '8190123456789012';
const ORDER_B = '8190555566667777';
const detailUrl = (id) => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('capturing evidence on an AliExpress order page', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    const page = fixture('aliexpress/order-detail.html');
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER_A}`, page);
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER_B}`, page.replaceAll(ORDER_A, ORDER_B).replace('Sunrise Gadgets Store', 'Moonlight Tools'));
    await serve(ext.context, 'https://example.com/**', '<!doctype html><title>Elsewhere</title><h1>Not a shop</h1>');
    await serve(ext.context, 'https://www.aliexpress.com/item/**', '<!doctype html><title>Item</title><h1>A product</h1>');
  });
  after(async () => ext?.close());

  it('the popup names the order it sees', async () => {
    const { tabId } = await openTab(ext, detailUrl(ORDER_A));
    const popup = await openPopup(ext, tabId);
    await expectText(popup.getByTestId('order-id'), ORDER_A);
    await expectText(popup.getByTestId('order-store'), 'Sunrise Gadgets Store');
    await expectText(popup.getByTestId('order-status'), 'Awaiting delivery');
    await expectText(popup.getByTestId('case'), 'No evidence saved for this order yet.');
    await popup.close();
  });

  it('saves a full-page screenshot, the MHTML and the page HTML with hashes, and the popup shows the case', async () => {
    const { tabId } = await openTab(ext, detailUrl(ORDER_A));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor();
    await expectText(popup.getByTestId('notice'), 'Saved: 3 files.');
    await expectText(popup.getByTestId('evidence-count'), '3 files');
    const thumbnailWidth = await popup.getByTestId('thumbnail').evaluate((img) => img.complete && img.naturalWidth);
    assert.ok(thumbnailWidth > 0, 'the thumbnail shows');

    const { cases, evidence, events } = await readDatabase(popup);
    assert.equal(cases.length, 1);
    assert.deepEqual(
      { id: cases[0].id, platform: cases[0].platform, orderId: cases[0].orderId, state: cases[0].state, store: cases[0].order.store.name },
      { id: `aliexpress:${ORDER_A}`, platform: 'aliexpress', orderId: ORDER_A, state: 'open', store: 'Sunrise Gadgets Store' },
    );
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['fullpage-screenshot', 'page-html', 'page-mhtml']);
    for (const item of evidence) {
      assert.equal(item.caseId, `aliexpress:${ORDER_A}`);
      assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);
      assert.equal(item.bytes, item.blobSize);
      assert.equal(item.page.url, detailUrl(ORDER_A));
      assert.equal(item.page.title, 'Order details - AliExpress');
      assert.equal(item.extensionVersion, '0.1.0');
      assert.match(item.capturedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.match(item.capturedAtLocal, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
      assert.equal(new Date(item.capturedAtLocal).getTime(), new Date(item.capturedAt).getTime());
    }
    const shot = evidence.find((e) => e.kind === 'fullpage-screenshot');
    assert.deepEqual(shot.head, PNG_SIGNATURE);
    assert.ok(shot.bytes > 5000, 'a real screenshot, not an empty image');
    assert.ok(shot.hasThumbnail);
    assert.deepEqual(events.map((e) => e.type), ['case-opened', 'evidence-captured']);
    await popup.close();
  });

  it('capturing the same order again adds to its case; another order makes a new case', async () => {
    const a = await openTab(ext, detailUrl(ORDER_A));
    let popup = await openPopup(ext, a.tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText('Saved: 3 files.').waitFor();
    await expectText(popup.getByTestId('evidence-count'), '6 files');
    await popup.close();

    const b = await openTab(ext, detailUrl(ORDER_B));
    popup = await openPopup(ext, b.tabId);
    await expectText(popup.getByTestId('order-store'), 'Moonlight Tools');
    await popup.getByTestId('capture').click();
    await popup.getByText('Saved: 3 files.').waitFor();
    await expectText(popup.getByTestId('evidence-count'), '3 files');

    const { cases, evidence } = await readDatabase(popup);
    assert.deepEqual(cases.map((c) => c.id).sort(), [`aliexpress:${ORDER_A}`, `aliexpress:${ORDER_B}`]);
    assert.equal(evidence.filter((e) => e.caseId === `aliexpress:${ORDER_A}`).length, 6);
    assert.equal(evidence.filter((e) => e.caseId === `aliexpress:${ORDER_B}`).length, 3);
    await popup.close();
  });

  it('says plainly when a page is not an order page, and saves nothing', async () => {
    const before = await readDatabase(await openPopup(ext, (await openTab(ext, detailUrl(ORDER_A))).tabId));
    for (const url of ['https://example.com/somewhere', 'https://www.aliexpress.com/item/1005006123456789.html']) {
      const { tabId } = await openTab(ext, url);
      const popup = await openPopup(ext, tabId);
      await expectText(popup.getByTestId('page-message'), /not an order page DisputeKit knows/);
      assert.equal(await popup.getByTestId('capture').count(), 0);
      const now = await readDatabase(popup);
      assert.equal(now.evidence.length, before.evidence.length);
      await popup.close();
    }
  });

  it('a capture the browser cannot take gives a clear message and leaves the database unchanged', async () => {
    const { page, tabId } = await openTab(ext, detailUrl(ORDER_A));
    const popup = await openPopup(ext, tabId);
    const before = await readDatabase(popup);
    await page.close(); // the tab is closed between opening the popup and clicking
    await popup.getByTestId('capture').click();
    await popup.getByRole('alert').waitFor();
    await expectText(popup.getByRole('alert'), /closed before the capture finished|not an order page/);
    const now = await readDatabase(popup);
    assert.equal(now.evidence.length, before.evidence.length);
    assert.equal(now.cases.length, before.cases.length);
    await popup.close();
  });
});

// A full-page capture of a page that loads more while it is captured (issue 14, "a capture's own record"):
// the page grows by 1,240 px when the capture's screens reach its bottom; the capture plans the extra screens,
// so the image is the grown page's height, and its record says the page grew and what was hidden.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve } from './harness.mjs';

const ORDER = '8190246813572468';
const URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const FOOTER = [250, 200, 0];
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

/** The stored full-page PNG's size and the colour of column x=10, row by row, decoded in an extension page. */
function decodeScreenshot(extensionPage) {
  return extensionPage.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const open = indexedDB.open('disputekit');
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const items = await new Promise((res) => {
      const request = db.transaction('evidence').objectStore('evidence').getAll();
      request.onsuccess = () => res(request.result);
    });
    db.close();
    const bitmap = await createImageBitmap(items.find((e) => e.kind === 'fullpage-screenshot').blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const column = context.getImageData(10, 0, 1, bitmap.height).data;
    const rows = [];
    for (let y = 0; y < bitmap.height; y++) rows.push([column[y * 4], column[y * 4 + 1], column[y * 4 + 2]]);
    return { width: bitmap.width, height: bitmap.height, rows };
  });
}

describe('full-page capture of a page that grows while it is captured', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail-growing.html'));
  });
  after(async () => ext?.close());

  it('takes the extra screens: the image is the grown page’s height, and the record says it grew', async () => {
    const { page, tabId } = await openTab(ext, URL);
    assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), 2400, 'three screens before the capture');
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor({ timeout: 30_000 });
    await expectText(popup.getByTestId('notice'), 'Saved: 3 files.');

    const { height, dpr, bands } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      dpr: window.devicePixelRatio,
      bands: document.querySelectorAll('.band').length,
    }));
    assert.equal(height, 3640, 'the page loaded 1,240 px more during the capture');
    assert.equal(bands, 7);

    const { evidence } = await readDatabase(popup);
    const shotItem = evidence.find((e) => e.kind === 'fullpage-screenshot');
    const record = shotItem.captureRecord;
    assert.ok(record, 'the screenshot has its record');
    assert.deepEqual(record.before, { width: 1280, height: 2400 });
    assert.deepEqual(record.after, { width: 1280, height: 3640 });
    assert.deepEqual(record.changes.filter((c) => c.kind === 'grew').map((c) => [c.from, c.to]), [[2400, 3640]]);
    assert.equal(record.mismatch, undefined, 'the image holds the whole grown page');
    assert.ok(record.replans >= 1);
    assert.deepEqual(record.image, { top: 0, bottom: 3640 });
    assert.equal(record.screens.at(-1).got, 3640 - record.window.viewHeight, 'the last screen is the grown page’s bottom');
    assert.ok(record.hidden.some((h) => h.className === 'site-header' && h.position === 'sticky' && h.height === 60), JSON.stringify(record.hidden));

    const shot = await decodeScreenshot(popup);
    assert.equal(shot.height, Math.round(3640 * dpr), 'the image is exactly as tall as the grown page');
    assert.deepEqual(shotItem.image, { width: shot.width, height: shot.height });
    // The footer that came in last fills the image's last 40 px.
    for (const y of [3601, 3620, 3638]) assert.ok(near(shot.rows[Math.round(y * dpr)], FOOTER), `row ${y}: ${shot.rows[Math.round(y * dpr)]}`);
    await popup.close();
    await page.close();
  });
});

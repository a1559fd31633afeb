// Full-page capture (issue 4): a page ten screens tall with a sticky header and lazy images, captured
// through the popup in Chromium; the stitched PNG is decoded and probed row by row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve } from './harness.mjs';
import { decodeScreenshot, HEADER, layout, near, PHOTO, PHOTO_SVG } from './fullpage-probes.mjs';

const ORDER = '8190246813579135';
const URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;

/**
 * Lazy images answer late, as a CDN does. The one in the second screen is slowest: out of view when the page
 * loads and when the capture starts (the user is further down), it is asked for only when the capture's
 * first pass scrolls past it, so a capture that does not wait for images misses it.
 */
async function servePhotos(context) {
  await context.route('https://ae01.alicdn.com/kf/**', async (route) => {
    const delay = route.request().url().includes('second-screen') ? 1500 : 400;
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO_SVG });
  });
}

for (const deviceScaleFactor of [1, 2]) describe(`full-page capture of a tall order page (device pixel ratio ${deviceScaleFactor})`, () => {
  let ext;
  before(async () => {
    ext = await launchExtension({ deviceScaleFactor });
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail-tall.html'));
    await servePhotos(ext.context);
  });
  after(async () => ext?.close());

  it('saves one stitched image of the whole page, the MHTML and the HTML, and puts the page back', async () => {
    const { page, tabId } = await openTab(ext, URL);
    await page.evaluate(() => window.scrollTo(0, 5000));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText(/Capturing screen \d+ of 10/).waitFor();
    await popup.getByTestId('notice').waitFor({ timeout: 30_000 });
    await expectText(popup.getByTestId('notice'), 'Saved: 3 files.');

    const after = await layout(page);
    assert.equal(after.scrollY, 5000, 'the page is scrolled back where the user left it');
    assert.equal(after.headerStyle, null, 'the sticky header has no style left over');
    assert.equal(after.htmlStyle, null, 'the document has no style left over');
    assert.equal(after.height, 8000, 'the fixture is ten screens tall');

    const { evidence } = await readDatabase(popup);
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['fullpage-screenshot', 'page-html', 'page-mhtml']);
    for (const item of evidence) {
      assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);
      assert.equal(item.bytes, item.blobSize);
      assert.equal(item.caseId, `aliexpress:${ORDER}`);
    }
    const shotRecord = evidence.find((e) => e.kind === 'fullpage-screenshot');
    assert.equal(shotRecord.part, undefined, 'a page this tall fits in one image');
    assert.ok(shotRecord.hasThumbnail);

    assert.equal(after.dpr, deviceScaleFactor);
    const scale = after.dpr;
    const points = after.photos.map((p) => [Math.round(p.x * scale), Math.round(p.y * scale)]);
    const shot = await decodeScreenshot(popup, points);
    assert.equal(shot.height, Math.round(after.height * scale), 'the image is exactly as tall as the page');
    assert.equal(shot.width, Math.round(1280 * scale));
    assert.deepEqual(shotRecord.image, { width: shot.width, height: shot.height });

    // The sticky header shows once, at the top, at its own height: later screens hid it.
    const headerRows = shot.rows.map((c, y) => (near(c, HEADER) ? y : -1)).filter((y) => y >= 0);
    assert.equal(headerRows.length, Math.round(60 * scale), 'header rows');
    assert.equal(headerRows.at(-1), headerRows.length - 1, 'the header rows are the image’s first rows');

    // Every band sits exactly where it is in the page: no repeated or missing rows at screen seams.
    for (const band of after.bands) {
      for (const y of [band.top + 1, band.top + band.height / 2, band.top + band.height - 2]) {
        const row = Math.round(y * scale);
        assert.ok(near(shot.rows[row], band.colour), `row ${row}: ${shot.rows[row]} is the band's ${band.colour}`);
      }
    }
    // Both lazy images (native loading="lazy" and a script that sets src when seen) were loaded in time.
    for (const [i, colour] of shot.probes.entries()) assert.ok(near(colour, PHOTO), `photo ${i} shows: ${colour}`);

    assert.match(shot.mhtmlStart, /Content-Type: multipart\/related/);
    assert.ok(shot.mhtmlStart.includes(`orderId=${ORDER}`), 'the MHTML is of the captured page');
    await popup.close();
    await page.close();
  });

  it('cancel stops the capture, saves nothing and puts the page back', async () => {
    const { page, tabId } = await openTab(ext, URL);
    await page.evaluate(() => window.scrollTo(0, 2345));
    const popup = await openPopup(ext, tabId);
    const before = await readDatabase(popup);
    await popup.getByTestId('capture').click();
    // Any screen well before the last: under load a single screen's text can come and go between two polls.
    await popup.getByText(/Capturing screen [1-8] of 10/).waitFor();
    await popup.getByTestId('capture-cancel').click();
    await popup.getByRole('alert').waitFor({ timeout: 30_000 });
    await expectText(popup.getByRole('alert'), /Capture cancelled\. Nothing was saved/);

    const now = await readDatabase(popup);
    assert.equal(now.evidence.length, before.evidence.length);
    assert.equal(now.events.length, before.events.length);
    const after = await layout(page);
    assert.equal(after.scrollY, 2345);
    assert.equal(after.headerStyle, null);
    assert.equal(after.htmlStyle, null);
    await popup.close();
    await page.close();
  });
});

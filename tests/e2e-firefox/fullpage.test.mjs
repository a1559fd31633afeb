// Full-page capture in Firefox ESR: the tall fixture (ten screens, a sticky header, lazy images) captured from
// the popup, the stitched PNG decoded and probed row by row, as the Chromium suite does
// (tests/e2e/fullpage.test.mjs); Firefox saves no MHTML.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeScreenshot, HEADER, layout, near, PHOTO, PHOTO_SVG } from '../e2e/fullpage-probes.mjs';
import { click, expectText, fixture, launchFirefox, readDatabase, testId, waitFor } from './harness.mjs';

const ORDER = '8190246813579135';
const URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;

for (const deviceScaleFactor of [1, 2]) describe(`Firefox: full-page capture of a tall order page (device pixel ratio ${deviceScaleFactor})`, () => {
  let ext;
  before(async () => {
    ext = await launchFirefox({ deviceScaleFactor });
    ext.serve(URL, fixture('aliexpress/order-detail-tall.html'));
    // Lazy images answer late, as a CDN does; the one in the second screen slowest (see the Chromium suite).
    ext.serve(/^https:\/\/ae01\.alicdn\.com\/kf\//, PHOTO_SVG, { contentType: 'image/svg+xml', delayMs: (url) => (url.includes('second-screen') ? 1500 : 400) });
  });
  after(async () => ext?.close());

  it('saves one stitched image of the whole page and the HTML, and puts the page back', async () => {
    const { page, tabId } = await ext.openTab(URL);
    await page.evaluate(() => window.scrollTo(0, 5000));
    const popup = await ext.openPopup(tabId);
    await click(popup, testId('capture'));
    await expectText(popup, testId('capture-progress'), /Capturing screen \d+ of 10/);
    await waitFor(popup, testId('notice'), { timeout: 60_000 });
    await expectText(popup, testId('notice'), 'Saved: 2 files.');

    const after = await layout(page);
    assert.equal(after.scrollY, 5000, 'the page is scrolled back where the user left it');
    assert.equal(after.headerStyle, null, 'the sticky header has no style left over');
    assert.equal(after.htmlStyle, null, 'the document has no style left over');
    assert.equal(after.height, 8000, 'the fixture is ten screens tall');

    const { evidence } = await readDatabase(popup);
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['fullpage-screenshot', 'page-html']);
    for (const item of evidence) {
      assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);
      assert.equal(item.bytes, item.blobSize);
    }
    const shotRecord = evidence.find((e) => e.kind === 'fullpage-screenshot');
    assert.equal(shotRecord.part, undefined, 'a page this tall fits in one image');

    assert.equal(after.dpr, deviceScaleFactor);
    const scale = after.dpr;
    // captureVisibleTab takes the window's whole width, its scroll bar included.
    const windowWidth = await page.evaluate(() => window.innerWidth);
    const points = after.photos.map((p) => [Math.round(p.x * scale), Math.round(p.y * scale)]);
    const shot = await decodeScreenshot(popup, points);
    assert.equal(shot.height, Math.round(after.height * scale), 'the image is exactly as tall as the page');
    assert.equal(shot.width, Math.round(windowWidth * scale), 'and as wide as the window shows it');
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
    for (const [i, colour] of shot.probes.entries()) assert.ok(near(colour, PHOTO), `photo ${i} shows: ${colour}`);
    assert.equal(shot.mhtmlStart, null, 'no MHTML in Firefox');
    await popup.close();
    await page.close();
  });
});

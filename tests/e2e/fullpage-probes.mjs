// What the full-page tests read back, shared by the Chromium and Firefox suites (tests/e2e/fullpage.test.mjs,
// tests/e2e-firefox/fullpage.test.mjs): where the tall fixture's parts are in the live page, and the stored
// stitched PNG decoded in an extension page. Both run through `page.evaluate`, which Playwright and puppeteer share.

export const HEADER = [214, 0, 170];
export const PHOTO = [0, 160, 255];
export const PHOTO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect width="240" height="160" fill="rgb(${PHOTO})"/></svg>`;

/** Where the page's parts are, in CSS px from the document's top, read from the live page. */
export function layout(page) {
  return page.evaluate(() => {
    const top = (el) => el.getBoundingClientRect().top + window.scrollY;
    const rgb = (el) => getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
    return {
      height: document.documentElement.scrollHeight,
      viewHeight: document.documentElement.clientHeight,
      dpr: window.devicePixelRatio,
      scrollY: window.scrollY,
      headerStyle: document.querySelector('.site-header').getAttribute('style'),
      htmlStyle: document.documentElement.getAttribute('style'),
      bands: [...document.querySelectorAll('.band')].map((el) => ({ top: top(el), height: el.offsetHeight, colour: rgb(el) })),
      photos: [...document.querySelectorAll('.evidence-photo')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: top(el) + r.height / 2 };
      }),
    };
  });
}

/** Decodes the stored full-page PNG in an extension page: its size, the colour of column x=10 row by row, and probes. */
export function decodeScreenshot(extensionPage, points) {
  return extensionPage.evaluate(async (points) => {
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
    const shot = items.find((e) => e.kind === 'fullpage-screenshot');
    const mhtml = items.find((e) => e.kind === 'page-mhtml');
    const bitmap = await createImageBitmap(shot.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const column = context.getImageData(10, 0, 1, bitmap.height).data;
    const rows = [];
    for (let y = 0; y < bitmap.height; y++) rows.push([column[y * 4], column[y * 4 + 1], column[y * 4 + 2]]);
    const probes = points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)));
    return { width: bitmap.width, height: bitmap.height, rows, probes, mhtmlStart: mhtml ? (await mhtml.blob.text()).slice(0, 2000) : null };
  }, points);
}

export const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

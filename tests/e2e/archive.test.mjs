// Issue 12, archived pages cannot run: capture a hostile order page whose scripts rewrite its total to
// "US $0.01" wherever they run but on the live page, export the dossier, open the archived HTML from disk
// (file://) in Chromium, and see the original total, no script run, the policy first in <head>, and its
// Chinese text read right although the page declared GBK. The same for a page whose script removed its <head>
// before the capture, taken from the database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { expectCount, expectText, fixture, launchExtension, openPopup, openTab, ROOT, serve, waitUntil } from './harness.mjs';

const ORDER = '8190123456789012';
const HEADLESS_ORDER = '8190123456789034';
const detailUrl = (id) => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
const ORIGINAL_TOTAL = 'US $36.80';

async function capture(ext, orderId) {
  const { page, tabId } = await openTab(ext, detailUrl(orderId));
  // The live page is left alone by its scripts: what is captured shows the real total.
  assert.equal(await page.locator('.rightPriceClass').textContent(), ORIGINAL_TOTAL);
  const popup = await openPopup(ext, tabId);
  await popup.getByTestId('capture').click();
  await expectText(popup.getByTestId('notice'), /^Saved: \d+ files\.$/);
  await popup.close();
  await page.close();
}

/** Opens an archived page from disk and reports what ran, what shows, and what the browser refused. */
async function openFromDisk(ext, path) {
  const page = await ext.context.newPage();
  const refusals = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto(pathToFileURL(path).href);
  // Chromium's javascript: URL and a late event handler get their chance too.
  await page.locator('#details-link').click();
  const seen = await page.evaluate(() => ({
    total: document.querySelector('.rightPriceClass')?.textContent,
    ran: document.body.dataset.ran ?? null,
    title: document.title,
    firstInHead: document.head.firstElementChild?.outerHTML ?? null,
    charset: document.characterSet,
    note: document.querySelector('.seller-note')?.textContent,
    baseUsed: document.baseURI.startsWith('https://evil.example'),
  }));
  // The refusals Chromium logs as it parses: each script, handler and the frame (waited for, not assumed).
  await waitUntil(() => refusals.length, (n) => n >= 3, { what: 'the Content Security Policy refusals in the console' });
  return { page, seen, refusals };
}

function expectInert(seen) {
  assert.equal(seen.total, ORIGINAL_TOTAL, 'the total is the one captured, not the script’s');
  assert.equal(seen.ran, null, `no script, handler, javascript: URL or frame ran (${seen.ran})`);
  assert.match(seen.firstInHead, /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';/);
  assert.equal(seen.charset, 'UTF-8');
  assert.equal(seen.note, '卖家备注：请于 12 月 28 日前确认收货');
  assert.equal(seen.baseUsed, false, 'the page’s <base> is ignored');
}

describe('an archived page opened from disk', () => {
  let ext;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'disputekit-archive-'));
    ext = await launchExtension();
    const hostile = fixture('aliexpress/order-detail-hostile.html');
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, hostile);
    // The same page, but its script removes <head> before the capture: the copy has none to put the policy in.
    const headless = hostile.replaceAll(ORDER, HEADLESS_ORDER).replace('</body>', '<script>document.head.remove()</script>\n</body>');
    await serve(ext.context, `**/p/order/detail.html?orderId=${HEADLESS_ORDER}`, headless);
  });
  after(async () => {
    await ext?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('from the exported dossier: shows the captured total and runs no script', async () => {
    await capture(ext, ORDER);
    const casePage = await ext.context.newPage();
    await casePage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(`aliexpress:${ORDER}`)}`);
    await expectCount(casePage.getByTestId('evidence-item'), 3);
    await casePage.evaluate(() => {
      window.showSaveFilePicker = undefined;
    });
    const [download] = await Promise.all([casePage.waitForEvent('download'), casePage.getByTestId('export-dossier').click()]);
    const zipPath = join(dir, 'dossier.zip');
    await download.saveAs(zipPath);
    await casePage.close();

    const files = unzipSync(readFileSync(zipPath));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    const line = manifest.files.find((f) => f.kind === 'page-html');
    assert.match(line.path, /^evidence\/\d\d-page-html-[a-z0-9]+\.html$/);
    assert.ok(line.htmlArchive, 'the manifest says what was inserted and keeps the page’s own SHA-256');
    const stored = files[line.path];
    // The page's HTML as serialized is the file without the inserted run, and hashes as recorded.
    const original = Buffer.concat([stored.subarray(0, line.htmlArchive.insertedAt), stored.subarray(line.htmlArchive.insertedAt + line.htmlArchive.insertedBytes)]);
    assert.equal((await import('node:crypto')).createHash('sha256').update(original).digest('hex'), line.htmlArchive.originalSha256);
    assert.match(original.toString('utf8'), /<script>[\s\S]*US \$0\.01/, 'the page’s scripts are kept as they were, only disabled');

    const run = spawnSync('npm', ['run', '-s', 'verify', '--', zipPath], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);

    const htmlPath = join(dir, 'page.html');
    writeFileSync(htmlPath, stored);
    const { page, seen, refusals } = await openFromDisk(ext, htmlPath);
    expectInert(seen);
    assert.equal(seen.title, 'Order details - AliExpress');
    assert.ok(refusals.some((r) => /script/i.test(r)), refusals.join('\n'));
    await page.close();
  });

  it('a page whose script removed its <head>: the policy still comes first', async () => {
    await capture(ext, HEADLESS_ORDER);
    const extensionPage = await ext.context.newPage();
    await extensionPage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(`aliexpress:${HEADLESS_ORDER}`)}`);
    const html = await extensionPage.evaluate(async (caseId) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('disputekit');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const items = await new Promise((resolve) => (db.transaction('evidence').objectStore('evidence').getAll().onsuccess = (e) => resolve(e.target.result)));
      db.close();
      return items.find((e) => e.caseId === caseId && e.kind === 'page-html').blob.text();
    }, `aliexpress:${HEADLESS_ORDER}`);
    await extensionPage.close();
    assert.doesNotMatch(html, /<head[\s>]/i, 'the page as captured has no <head>');
    const htmlPath = join(dir, 'headless.html');
    writeFileSync(htmlPath, html);
    const { page, seen } = await openFromDisk(ext, htmlPath);
    expectInert(seen);
    await page.close();
  });
});

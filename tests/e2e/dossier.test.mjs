// Issue 6, the case dossier, in real Chromium with the built extension: capture an order, add a note on the
// case page, export the dossier (the download path), check it with `npm run -s verify` (exit 0), flip one
// byte of one file (exit 1, naming it), and screenshot report.html in en, zh_CN and ru, failing on an
// untranslated string or text that does not fit at A4 width.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { expectCount, expectText, fixture, launchExtension, openPopup, openTab, readDatabase, ROOT, serve } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const OUT = join(ROOT, '.test-results/screenshots');
const LANG_TAG = { en: 'en', zh_CN: 'zh-CN', ru: 'ru' };
const NOTE = { en: 'Box arrived crushed; <b>courier</b> refused to note it.', zh_CN: '箱子送到时已压坏，快递员拒绝备注。', ru: 'Коробка пришла смятой, курьер отказался это отметить.' };
const CONTACT = { en: 'Asked the seller for a refund', zh_CN: '已向卖家申请退款', ru: 'Попросил продавца вернуть деньги' };
/** A4 at 96 dpi is 794 px wide. */
const A4_WIDTH = 794;
// Names that stay in Latin letters in every language; codes, hashes, paths and URLs are in <code>.
const LATIN_ALLOWED = ['DisputeKit', 'AliExpress', 'Taobao', 'Tmall', 'Yandex', 'Market', 'PayPal', 'Visa', 'Mastercard', 'UnionPay', 'SHA', 'ZIP', 'HTML', 'MHTML', 'UTC', 'GMT', 'KB', 'MB', 'GB', 'Linux', 'macOS', 'Windows', 'Node', 'js', 'OK'];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const pad = (n) => String(n).padStart(2, '0');
// The dates editor takes a day as a day (issue 11: a day field, and a time only when known).
const localDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function verify(path) {
  const run = spawnSync('npm', ['run', '-s', 'verify', '--', path], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Capture the order, give it dates and a contact (so the report has deadlines and a timeline), open its case page. */
async function caseWithEvidence(ext, locale) {
  const { tabId } = await openTab(ext, detailUrl);
  const popup = await openPopup(ext, tabId);
  await popup.getByTestId('capture').click();
  await popup.getByTestId('notice').waitFor();
  await popup.getByTestId('dates').locator('summary').click();
  for (const [event, daysAgo] of [['shipped', 12], ['delivered', 7]]) {
    const input = popup.locator(`#date-${event}`);
    await input.fill(localDay(new Date(Date.now() - daysAgo * 86_400_000)));
    await input.dispatchEvent('change');
    await popup.getByTestId(`date-${event}`).locator('.tag.user').waitFor();
  }
  await popup.getByTestId('contacts').locator('summary').click();
  await popup.getByTestId('contact-reference').fill('T-1001');
  await popup.getByTestId('contact-summary').fill(CONTACT[locale]);
  await popup.getByTestId('contact-add').click();
  await popup.getByTestId('contact').first().waitFor();
  await popup.close();

  const casePage = await ext.context.newPage();
  await casePage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(CASE_ID)}`);
  await casePage.getByTestId('case-title').waitFor();
  assert.equal(await casePage.locator('main').getAttribute('lang'), LANG_TAG[locale]);
  const before = (await readDatabase(casePage)).evidence.length;
  await expectCount(casePage.getByTestId('evidence-item'), before);
  await casePage.getByTestId('note-text').fill(NOTE[locale]);
  await casePage.getByTestId('save-note').click();
  await expectCount(casePage.getByTestId('evidence-item'), before + 1);
  return casePage;
}

/** Clicks Export and returns the downloaded ZIP's path. The picker is taken away so the download path runs. */
async function exportDossier(casePage, dir) {
  await casePage.evaluate(() => {
    window.showSaveFilePicker = undefined;
  });
  const [download] = await Promise.all([casePage.waitForEvent('download'), casePage.getByTestId('export-dossier').click()]);
  assert.match(download.suggestedFilename(), /^disputekit-aliexpress-8190123456789012-\d{4}-\d\d-\d\d\.zip$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await casePage.getByTestId('dossier-notice').waitFor();
  return path;
}

/** What in the report is wrong: untranslated strings, English in zh/ru, text overflowing its box or the A4 page. */
function reportProblems({ locale, allowed, pageWidth }) {
  const found = [];
  const skip = '.data, code, .hash, script, style';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text || node.parentElement.closest(skip)) continue;
    if (/\{\w+\}/.test(text)) found.push(`placeholder left: "${text}"`);
    if (/\b(?:dossier|caseFacts|casePage|evidenceKind|evidenceLabel|checklist|ladder|platform|rule)\.[\w.-]+/.test(text)) found.push(`raw key: "${text}"`);
    if (/undefined|NaN|\[object/.test(text)) found.push(`broken value: "${text}"`);
    if (locale !== 'en') {
      const english = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.includes(word));
      if (english.length) found.push(`English in ${locale}: ${english.join(' ')} ← "${text}"`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()}.${el.className}`;
    if (rect.width && rect.right > pageWidth + 0.5) found.push(`wider than the page: ${name} (${Math.round(rect.right)} > ${pageWidth})`);
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (ownText && style.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      found.push(`text overflows: ${name} "${el.textContent.trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  if (document.documentElement.scrollWidth > pageWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${pageWidth})`);
  return found;
}

for (const locale of ['en', 'zh_CN', 'ru']) {
  describe(`the case dossier (${locale})`, () => {
    let ext;
    let dir;
    let zipPath;
    let files;
    before(async () => {
      mkdirSync(OUT, { recursive: true });
      dir = mkdtempSync(join(tmpdir(), 'disputekit-dossier-'));
      ext = await launchExtension({ locale });
      await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail.html'));
    });
    after(async () => {
      await ext?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('exports a dossier from the case page that holds every file, the manifest and the report, and verifies', async () => {
      const casePage = await caseWithEvidence(ext, locale);
      zipPath = await exportDossier(casePage, dir);
      await expectText(casePage.getByTestId('dossier-notice'), /disputekit-aliexpress-8190123456789012-.*\.zip/);
      files = unzipSync(readFileSync(zipPath));
      const manifest = JSON.parse(strFromU8(files['manifest.json']));
      assert.equal(manifest.case.id, CASE_ID);
      const kinds = manifest.files.map((f) => f.kind).sort();
      assert.deepEqual(kinds, ['fullpage-screenshot', 'note', 'page-html', 'page-mhtml']);
      for (const file of manifest.files) {
        assert.ok(files[file.path], `${file.path} is in the ZIP`);
        assert.equal(sha256(files[file.path]), file.sha256, `${file.path} hashes as listed`);
        assert.equal(files[file.path].length, file.bytes);
      }
      const note = manifest.files.find((f) => f.kind === 'note');
      assert.equal(strFromU8(files[note.path]), NOTE[locale]);
      // Issue 12: four files' entries, then the export's own entry, which ends the log.
      assert.equal(manifest.custody.entries.length, 5);
      assert.equal(manifest.custody.entries[4].action, 'exported');
      assert.equal(manifest.custody.headHash, manifest.custody.entries[4].hash);
      assert.ok(manifest.deadlines.length > 0, 'the deadlines at export are listed');
      assert.ok(files['report.html'].length > 1000);

      const { code, out } = verify(zipPath);
      assert.equal(code, 0, out);
      assert.equal(out.split('\n').filter((l) => l.startsWith('OK evidence/')).length, 4);
      assert.match(out, /^CHAIN OK 5 entries, head [0-9a-f]{64}$/m);
      await casePage.close();
    });

    if (locale === 'en') {
      it('one flipped byte in one evidence file: verify exits 1 naming that file', () => {
        const manifest = JSON.parse(strFromU8(files['manifest.json']));
        const shot = manifest.files.find((f) => f.kind === 'fullpage-screenshot');
        const tampered = { ...files, [shot.path]: files[shot.path].slice() };
        tampered[shot.path][Math.floor(tampered[shot.path].length / 2)] ^= 0x01;
        const path = join(dir, 'tampered.zip');
        writeFileSync(path, zipSync(tampered));
        const { code, out } = verify(path);
        assert.equal(code, 1, out);
        assert.match(out, new RegExp(`^MISMATCH ${shot.path} expected ${shot.sha256} actual ${sha256(tampered[shot.path])}$`, 'm'));
        assert.equal(out.split('\n').filter((l) => l.startsWith('MISMATCH')).length, 1);
      });
    }

    it('report.html, opened from the unzipped folder, is translated and fits an A4 page (screenshot)', async () => {
      const reportPath = join(dir, 'report.html');
      writeFileSync(reportPath, files['report.html']);
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: A4_WIDTH, height: 1123 });
      await page.goto(`file://${reportPath}`);
      assert.equal(await page.locator('html').getAttribute('lang'), LANG_TAG[locale]);
      assert.deepEqual(await page.locator('section').evaluateAll((s) => s.map((x) => x.id)), ['order', 'deadlines', 'timeline', 'evidence', 'custody', 'verify']);
      assert.ok(await page.locator('#deadlines tbody tr').count() > 0, 'deadlines are listed');
      assert.ok(await page.locator('#timeline tbody tr').count() >= 4, 'captures, the note and the contact are on the timeline');
      assert.ok(await page.evaluate(() => [...document.images].some((img) => img.complete && img.naturalWidth > 0)), 'the screenshot’s thumbnail shows');
      await page.screenshot({ path: join(OUT, `dossier-report-${locale}.png`), fullPage: true });
      const onScreen = await page.evaluate(reportProblems, { locale, allowed: LATIN_ALLOWED, pageWidth: A4_WIDTH });
      await page.emulateMedia({ media: 'print' });
      const inPrint = await page.evaluate(reportProblems, { locale, allowed: LATIN_ALLOWED, pageWidth: A4_WIDTH });
      await page.pdf({ path: join(OUT, `dossier-report-${locale}.pdf`), format: 'A4' });
      await page.close();
      assert.deepEqual([...onScreen, ...inPrint.map((p) => `print: ${p}`)], []);
    });
  });
}

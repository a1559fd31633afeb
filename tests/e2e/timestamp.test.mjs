// Issue 14, trusted timestamps, in real Chromium with the built extension and the tests' own authority
// (tests/support/tsa.mjs on 127.0.0.1): switch them on in Settings with that authority's address, export a
// dossier from the case page, and check it with `npm run -s verify`, which names the authority and the time.
// The test build holds <all_urls>, so the host permission Settings asks for is already granted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { startTestTsa } from '../support/tsa.mjs';
import { expectText, fixture, launchExtension, openPopup, openTab, ROOT, serve } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;

describe('trusted timestamps, switched on in Settings', () => {
  let ext;
  let tsa;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'disputekit-timestamp-'));
    tsa = await startTestTsa();
    ext = await launchExtension({ locale: 'en' });
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail.html'));
    // The harness refuses every request not answered from a fixture; the local authority is let through.
    await ext.context.route((url) => url.href.startsWith(tsa.url), (route) => route.continue());
  });
  after(async () => {
    await ext?.close();
    await tsa?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an export is timestamped by the authority entered, and verify names it and the time', async () => {
    const { tabId } = await openTab(ext, detailUrl);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor();
    await popup.close();

    const settings = await ext.context.newPage();
    await settings.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const enabled = settings.getByTestId('timestamps-enabled');
    await enabled.waitFor();
    assert.equal(await enabled.isChecked(), false, 'off by default');
    await enabled.check();
    await settings.getByTestId('timestamp-authority').selectOption('custom');
    await settings.getByTestId('timestamp-url').fill(tsa.url);
    await expectText(settings.getByTestId('timestamp-sees'), /only the file’s SHA-256 fingerprint \(32 bytes\) and a random number/);
    await settings.getByTestId('save-timestamps').click();
    await expectText(settings.getByTestId('timestamp-notice'), 'Saved. Each export will be timestamped by 127.0.0.1.');
    await settings.close();
    assert.equal(tsa.requests.length, 0, 'nothing is sent before an export');

    const casePage = await ext.context.newPage();
    await casePage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(CASE_ID)}`);
    await casePage.getByTestId('case-title').waitFor();
    await casePage.evaluate(() => {
      window.showSaveFilePicker = undefined;
    });
    const [download] = await Promise.all([casePage.waitForEvent('download'), casePage.getByTestId('export-dossier').click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    await expectText(casePage.getByTestId('timestamp-notice'), /^Timestamped by DisputeKit Test TSA, DisputeKit Tests at /);
    assert.equal(tsa.requests.length, 1, 'one request: the custody head');

    const files = unzipSync(readFileSync(path));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    assert.equal(manifest.custody.headTimestamp.summary.digest, manifest.custody.headHash);
    assert.equal(Buffer.from(files['timestamps/custody-head.tsr']).toString('base64'), manifest.custody.headTimestamp.token);
    assert.match(strFromU8(files['timestamps/custody-head.html']), /DisputeKit Test TSA/);

    const run = spawnSync('npm', ['run', '-s', 'verify', '--', path], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const { genTime } = manifest.custody.headTimestamp.summary;
    assert.match(run.stdout, new RegExp(`^TIMESTAMP OK custody head ${manifest.custody.headHash} stamped at ${genTime.replace(/\./g, '\\.')} by DisputeKit Test TSA, DisputeKit Tests .*certificate SHA-256 ${tsa.tsaFingerprint}`, 'm'));
    assert.match(run.stdout, /^DOSSIER OK$/m);
  });
});

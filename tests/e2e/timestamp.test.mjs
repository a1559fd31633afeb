// Issue 14, trusted timestamps, in real Chromium with the built extension and the tests' own authority
// (tests/support/tsa.mjs on 127.0.0.1): switch them on in Settings with that authority's address, export a
// dossier from the case page, and check it with `npm run -s verify`, which names the authority and the time.
// The test build holds <all_urls>, so the host permission Settings asks for is already granted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { startTestTsa } from '../support/tsa.mjs';
import { expectCount, expectText, fixture, waitUntil, launchExtension, openPopup, openTab, ROOT, serve } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;

/** Waits until the newest capture's files are all stamped (none queued or waiting), and returns how many are. */
async function waitForStamped(casePage) {
  // The states read at once, so an item stamped between two reads is not missed.
  const states = () => casePage.locator('[data-testid="evidence-timestamp"]').evaluateAll((notes) => notes.map((n) => n.dataset.state));
  const seen = await waitUntil(states, (s) => s.includes('stamped') && !s.includes('queued') && !s.includes('waiting'), { what: 'the new capture’s files stamped' });
  return seen.filter((state) => state === 'stamped').length;
}

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
    await expectText(settings.getByTestId('timestamp-notice'), 'Saved. Each file you save and each export will be timestamped by 127.0.0.1.');
    await settings.close();
    assert.equal(tsa.requests.length, 0, 'nothing is sent before an export (the capture was saved with timestamps off)');

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

  /** Captures the order page from the popup; resolves once the popup says it is saved (nothing waits on the authority). */
  async function capture() {
    const { tabId } = await openTab(ext, detailUrl);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor();
    await popup.close();
  }

  async function openCasePage() {
    const casePage = await ext.context.newPage();
    await casePage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(CASE_ID)}`);
    await casePage.getByTestId('case-title').waitFor();
    return casePage;
  }

  async function exportTo(casePage, name) {
    await casePage.evaluate(() => {
      window.showSaveFilePicker = undefined;
    });
    const [download] = await Promise.all([casePage.waitForEvent('download'), casePage.getByTestId('export-dossier').click()]);
    const path = join(dir, name);
    await download.saveAs(path);
    return path;
  }

  const verify = (path) => spawnSync('npm', ['run', '-s', 'verify', '--', path], { cwd: ROOT, encoding: 'utf8' });

  it('a capture saved with timestamps on gets a token for each file; the export has them, verify checks each, and fails when one is changed', async () => {
    const before = tsa.requests.length;
    await capture();
    const casePage = await openCasePage();
    // Each file of the new capture is stamped after its save: one request per file, the note shows who and when.
    const stamped = casePage.locator('[data-testid="evidence-timestamp"][data-state="stamped"]');
    const files = await waitForStamped(casePage);
    await expectText(stamped, /^Timestamped by DisputeKit Test TSA, DisputeKit Tests at /);
    assert.equal(tsa.requests.length - before, files, 'one request per file of the capture');
    // The first capture was saved with the option off: it says so.
    await expectText(casePage.locator('[data-testid="evidence-timestamp"][data-state="off"]'), 'Not timestamped: trusted timestamps were off when it was saved.');

    const path = await exportTo(casePage, 'stamped.zip');
    const zip = unzipSync(readFileSync(path));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']));
    const tokens = manifest.timestamps.filter((line) => line.record);
    assert.equal(tokens.length, files);
    for (const line of tokens) {
      const file = manifest.files.find((f) => f.path === line.of);
      assert.equal(line.record.summary.digest, file.sha256);
      assert.equal(Buffer.from(zip[line.path]).toString('base64'), line.record.token);
    }
    const run = verify(path);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    for (const line of tokens) {
      assert.match(run.stdout, new RegExp(`^TIMESTAMP OK ${line.of.replace(/\./g, '\\.')} stamped at ${line.record.summary.genTime.replace(/\./g, '\\.')} by DisputeKit Test TSA, DisputeKit Tests .*certificate SHA-256 ${tsa.tsaFingerprint}`, 'm'));
    }
    assert.match(run.stdout, /^NOT TIMESTAMPED evidence\/\S+: trusted timestamps were off when it was saved$/m);
    assert.match(run.stdout, /^DOSSIER OK$/m);

    // One byte of one token changed: verify fails and names it.
    const changed = zip[tokens[0].path].slice();
    changed[changed.length - 4] ^= 0x01;
    const forged = join(dir, 'forged.zip');
    writeFileSync(forged, zipSync({ ...zip, [tokens[0].path]: changed }));
    const failed = verify(forged);
    assert.equal(failed.status, 1, failed.stdout);
    assert.match(failed.stdout, new RegExp(`^TIMESTAMP FILE "${tokens[0].path}": its bytes are not the token manifest.json holds for ${tokens[0].of}$`, 'm'));
    assert.match(failed.stdout, /^DOSSIER FAILED$/m);
    await casePage.close();
  });

  it('with the authority down, a capture is saved with a note; its token arrives after Retry timestamps once the authority is up', async () => {
    tsa.mode = 'down';
    await capture();
    const casePage = await openCasePage();
    const failedNotes = casePage.locator('[data-testid="evidence-timestamp"][data-state="waiting"][data-reason="unreachable"]');
    await expectText(failedNotes, /^Not timestamped: The timestamp authority could not be reached \(no connection, or the server is down\)\. Next attempt: /);
    const waiting = await failedNotes.count();
    assert.ok(waiting >= 1);

    tsa.mode = 'good';
    const stampedBefore = await casePage.locator('[data-testid="evidence-timestamp"][data-state="stamped"]').count();
    await casePage.getByTestId('retry-timestamps').click();
    await expectCount(failedNotes, 0);
    await expectCount(casePage.locator('[data-testid="evidence-timestamp"][data-state="stamped"]'), stampedBefore + waiting);
    await expectText(casePage.getByTestId('retry-timestamps-result'), `Timestamped now: ${waiting}. Still not timestamped: 0.`);
    await casePage.close();
  });
});

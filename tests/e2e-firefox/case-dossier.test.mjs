// In Firefox ESR: the case page opened from the popup after a capture, a file and a note added to it, Verify
// on the untouched case and on a file changed behind the app's back, and the dossier exported as a download
// (Firefox has no showSaveFilePicker) that `npm run verify` accepts (exit 0) and refuses once a byte is flipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { click, expectCount, expectDownload, expectText, fill, fixture, launchFirefox, readDatabase, reloadExtensionPage, ROOT, testId, waitFor, waitUntil } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const DETAIL_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const NOTE = 'Box arrived crushed; courier refused to note it. 快递拒绝签收备注。';
const RECEIPT = 'receipt: paid 23.90 USD, order 8190123456789012';
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function verifyDossier(path) {
  const run = spawnSync('npm', ['run', '-s', 'verify', '--', path], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('Firefox: the case page, Verify and the dossier', () => {
  let ext;
  let dir;
  let casePage;
  let captured;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'disputekit-firefox-dossier-'));
    ext = await launchFirefox({ downloads: dir });
    ext.serve(DETAIL_URL, fixture('aliexpress/order-detail.html'));
  });
  after(async () => {
    await ext?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens from the popup’s case card after a capture, with the order and its files', async () => {
    const { tabId } = await ext.openTab(DETAIL_URL);
    const popup = await ext.openPopup(tabId);
    await click(popup, testId('capture'));
    await expectText(popup, testId('notice'), 'Saved: 2 files.');
    captured = (await readDatabase(popup)).evidence.length;
    const path = `case.html?id=${encodeURIComponent(CASE_ID)}`;
    await click(popup, testId('open-case'));
    await ext.tabAt(`${ext.origin}/${path}`);
    casePage = await ext.openExtensionPage(path);
    await expectText(casePage, testId('case-title'), `AliExpress order ${ORDER}`);
    await expectText(casePage, testId('fact-order-id'), ORDER);
    await expectCount(casePage, testId('evidence-item'), captured);
    await popup.close();
  });

  it('adds a file from the file picker and a note, each hashed as stored', async () => {
    const receipt = join(dir, 'receipt.txt');
    writeFileSync(receipt, RECEIPT);
    const picker = await waitFor(casePage, testId('file-picker'));
    await picker.uploadFile(receipt);
    await expectText(casePage, '[role="status"]', 'Added 1 item to the case.');
    await expectCount(casePage, testId('evidence-item'), captured + 1);
    await fill(casePage, testId('note-text'), NOTE);
    await click(casePage, testId('save-note'));
    await expectCount(casePage, testId('evidence-item'), captured + 2);

    const { evidence, custody } = await readDatabase(casePage);
    const file = evidence.find((e) => e.fileName === 'receipt.txt');
    assert.equal(file.sha256, sha256(RECEIPT));
    assert.equal(file.actualSha256, sha256(RECEIPT));
    const note = evidence.find((e) => e.kind === 'note');
    assert.equal(note.sha256, sha256(Buffer.from(NOTE, 'utf8')));
    assert.equal(note.actualSha256, note.sha256);
    assert.deepEqual(custody.map((e) => e.seq).sort((a, b) => a - b), [1, 2, 3, 4], 'every item is in the custody log');
  });

  it('Verify passes on the untouched case', async () => {
    await click(casePage, testId('verify'));
    await waitFor(casePage, `${testId('verify-report')}[data-ok="true"]`);
    await expectText(casePage, testId('verify-report'), /all 4 files match their SHA-256 and the custody log \(4 entries\) is intact/);
  });

  it('exports the dossier as a download that `npm run verify` accepts, and one flipped byte it refuses', async () => {
    await click(casePage, testId('export-dossier'));
    await expectText(casePage, testId('dossier-notice'), /disputekit-aliexpress-8190123456789012-\d{4}-\d\d-\d\d\.zip/);
    const name = await expectDownload(dir, /^disputekit-aliexpress-8190123456789012-\d{4}-\d\d-\d\d\.zip$/);
    const zipPath = join(dir, name);
    const files = unzipSync(readFileSync(zipPath));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    assert.equal(manifest.case.id, CASE_ID);
    assert.deepEqual(manifest.files.map((f) => f.kind).sort(), ['file', 'fullpage-screenshot', 'note', 'page-html']);
    for (const file of manifest.files) assert.equal(sha256(files[file.path]), file.sha256, `${file.path} hashes as listed`);
    assert.ok(files['report.html'].length > 1000);

    const good = verifyDossier(zipPath);
    assert.equal(good.code, 0, good.out);
    assert.equal(good.out.split('\n').filter((l) => l.startsWith('OK evidence/')).length, 4);
    assert.match(good.out, /^CHAIN OK 5 entries, head [0-9a-f]{64}$/m);

    const shot = manifest.files.find((f) => f.kind === 'fullpage-screenshot');
    const tampered = { ...files, [shot.path]: files[shot.path].slice() };
    tampered[shot.path][Math.floor(tampered[shot.path].length / 2)] ^= 0x01;
    writeFileSync(join(dir, 'tampered.zip'), zipSync(tampered));
    const bad = verifyDossier(join(dir, 'tampered.zip'));
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, new RegExp(`^MISMATCH ${shot.path} expected ${shot.sha256} actual ${sha256(tampered[shot.path])}$`, 'm'));
  });

  it('the storage meter shows this case’s size and what Firefox gives the add-on (navigator.storage.estimate)', async () => {
    await reloadExtensionPage(casePage);
    await expectText(casePage, testId('storage-case'), /^This case: \d+(\.\d)? (kB|MB)$/);
    await expectText(casePage, testId('storage-browser'), /^DisputeKit uses .+ of .+ available to it$/);
    // The background asked Firefox to keep the database (lib/cases/persistent-storage.ts): no eviction when
    // the disk runs short.
    await waitUntil(() => casePage.evaluate(() => navigator.storage.persisted()), true, { what: 'the add-on’s storage to be persistent' });
  });

  it('Verify names a file whose stored bytes were changed', async () => {
    await casePage.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('disputekit');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise((resolve, reject) => {
        const cursor = db.transaction('evidence', 'readwrite').objectStore('evidence').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve();
          if (c.value.fileName === 'receipt.txt') c.update({ ...c.value, blob: new Blob(['not the receipt'], { type: 'text/plain' }) });
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
      db.close();
    });
    await click(casePage, testId('verify'));
    await waitFor(casePage, `${testId('verify-report')}[data-ok="false"]`);
    await expectCount(casePage, testId('verify-problem'), 1);
    const problem = await casePage.$eval(testId('verify-problem'), (el) => ({ status: el.dataset.status, name: el.dataset.name, text: el.textContent }));
    assert.deepEqual([problem.status, problem.name], ['mismatch', 'receipt.txt']);
    assert.match(problem.text, /“receipt\.txt” has changed since it was saved/);
    assert.ok(problem.text.includes(sha256('not the receipt')), 'the report gives the SHA-256 the file has now');
  });
});

// Issue 6, backup and restore: a backup made on the settings page, restored into a second, empty profile,
// gives back every table (files by SHA-256); a malformed or cut-short file changes nothing and says why;
// the language chosen in Settings is the popup's language.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve, waitUntil } from './harness.mjs';

const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const NOTE = 'Courier left the parcel at the wrong door. 快递放错门口。Курьер оставил посылку не у той двери.';

async function openSettings(ext) {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.getByTestId('make-backup').waitFor();
  return page;
}

async function storedSettings(ext) {
  return ext.sw.evaluate(() => chrome.storage.local.get(['settings', 'currentCase']));
}

/** Every table in a stable order (event ids and custody keys are part of what must come back). */
function ordered(database) {
  const by = (key) => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    cases: [...database.cases].sort(by((c) => c.id)),
    evidence: [...database.evidence].sort(by((e) => e.id)),
    events: [...database.events].sort(by((e) => e.id)),
    custody: [...database.custody].sort(by((e) => `${e.caseId} ${String(e.seq).padStart(6, '0')}`)),
    checklist: [...database.checklist].sort(by((s) => `${s.caseId} ${s.stepId}`)),
    contacts: [...database.contacts].sort(by((c) => c.id)),
    sentNotifications: [...database.sentNotifications].sort(by((n) => `${n.caseId} ${n.rule} ${n.thresholdHours}`)),
    readings: [...database.readings].sort(by((r) => r.id)),
  };
}

describe('backup and restore through the settings page', () => {
  let original;
  let restored;
  let backupPath;
  let originalDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-backup-e2e-'));

  before(async () => {
    original = await launchExtension();
    await serve(original.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail.html'));
  });
  after(async () => {
    await original?.close();
    await restored?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('captures an order, ticks a step, logs a contact and adds a note', async () => {
    const { tabId } = await openTab(original, detailUrl);
    const popup = await openPopup(original, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    // The capture ticked the ladder's "document" step (issue 11); the user ticks the next one.
    await waitUntil(() => popup.getByTestId('step-document').getAttribute('data-state'), 'done', { what: 'the document step' });
    await popup.getByTestId('step-done').click();
    await popup.getByTestId('contacts').locator('summary').click();
    await popup.getByTestId('contact-reference').fill('T-1001');
    await popup.getByTestId('contact-summary').fill('Asked the seller about the wrong door');
    await popup.getByTestId('contact-add').click();
    await popup.getByTestId('contact').first().waitFor();
    await popup.close();

    const casePage = await original.context.newPage();
    await casePage.goto(`chrome-extension://${original.extensionId}/case.html?id=${encodeURIComponent(CASE_ID)}`);
    await casePage.getByTestId('note-text').fill(NOTE);
    await casePage.getByTestId('save-note').click();
    await casePage.locator('[data-testid="evidence-item"][data-kind="note"]').waitFor();
    originalDatabase = await readDatabase(casePage);
    await casePage.close();
    assert.ok(originalDatabase.evidence.length >= 3, 'the capture’s files and the note');
    assert.ok(originalDatabase.evidence.some((e) => e.thumbnailSha256), 'a screenshot with its thumbnail');
    assert.equal(originalDatabase.checklist.length, 2, 'the document step the capture ticked, and the one the user ticked');
    assert.equal(originalDatabase.contacts.length, 1);
    assert.ok(originalDatabase.custody.length >= 4);
    assert.ok(originalDatabase.readings.length >= 1, 'the capture’s reading of the order');
  });

  it('makes the backup on the settings page as a download, and shows the storage per case', async () => {
    const settings = await openSettings(original);
    // A setting that differs from the defaults, to see it come back.
    await settings.getByTestId('page-button').uncheck();
    await settings.getByTestId('preference-notice').waitFor();
    const row = settings.locator(`[data-testid="storage-row"][data-case-id="${CASE_ID}"]`);
    await expectText(row.getByTestId('storage-files'), String(originalDatabase.evidence.length));

    const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByTestId('make-backup').click()]);
    assert.match(download.suggestedFilename(), /^disputekit-backup-\d{4}-\d\d-\d\d\.zip$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    const bytes = readFileSync(backupPath);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a ZIP file');
    await settings.getByTestId('backup-ready').waitFor();
    await settings.close();
  });

  it('restores it into a second, empty profile: every table comes back, files by SHA-256', async () => {
    const settingsBefore = await storedSettings(original);
    restored = await launchExtension();
    const settings = await openSettings(restored);
    assert.deepEqual((await readDatabase(settings)).cases, [], 'the new profile starts empty');
    await settings.getByTestId('restore-file').setInputFiles(backupPath);
    await settings.locator('[data-testid="restore-report"][data-tone="ok"]').waitFor();
    const lines = await settings.getByTestId('restore-line').allTextContents();
    // Plain words: the case by its order, the files counted as written, no internal id.
    assert.ok(lines.includes(`Added 1 case: AliExpress order ${ORDER}.`), lines.join('\n'));
    assert.ok(lines.some((line) => line.startsWith(`Added ${originalDatabase.evidence.length} files, 1 contact log entry, 2 checklist answers`)), lines.join('\n'));
    assert.ok(!lines.some((line) => line.includes(CASE_ID) || originalDatabase.evidence.some((e) => line.includes(e.id))), lines.join('\n'));

    const copy = await readDatabase(settings);
    assert.deepEqual(ordered(copy), ordered(originalDatabase));
    for (const item of copy.evidence) assert.equal(item.actualSha256, item.sha256, `${item.id}: the file is the one its SHA-256 names`);
    assert.deepEqual(await storedSettings(restored), settingsBefore, 'settings and current case');
    // The storage table is reloaded after the restore.
    await settings.locator(`[data-testid="storage-row"][data-case-id="${CASE_ID}"]`).waitFor();
    await settings.close();
  });

  it('a malformed file and a copy cut in half change nothing and say why', async () => {
    const settings = await openSettings(restored);
    const before = await readDatabase(settings);
    const settingsBefore = await storedSettings(restored);

    await settings.getByTestId('restore-file').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('these are my notes, not a backup') });
    await settings.locator('[data-testid="restore-report"][data-tone="error"]').waitFor();
    await expectText(settings.getByTestId('restore-title'), 'This file is not a DisputeKit backup (it is not a ZIP file). Nothing was changed.');
    assert.deepEqual(await readDatabase(settings), before);

    const whole = readFileSync(backupPath);
    await settings.getByTestId('restore-file').setInputFiles({ name: 'half.zip', mimeType: 'application/zip', buffer: whole.subarray(0, Math.floor(whole.length / 2)) });
    await settings.getByText('This backup is cut short or damaged: the ZIP file cannot be read to its end. Nothing was changed.').waitFor();
    assert.deepEqual(await readDatabase(settings), before);
    assert.deepEqual(await storedSettings(restored), settingsBefore);
    await settings.close();
  });

  it('with the language set to Русский, the popup speaks Russian', async () => {
    await serve(restored.context, `**/p/order/detail.html?orderId=${ORDER}`, fixture('aliexpress/order-detail.html'));
    const settings = await openSettings(restored);
    await settings.getByTestId('language').selectOption('ru');
    await settings.locator('h1', { hasText: 'Настройки DisputeKit' }).waitFor();
    assert.equal((await storedSettings(restored)).settings.language, 'ru');
    await settings.close();

    const { tabId } = await openTab(restored, detailUrl);
    const popup = await openPopup(restored, tabId);
    assert.equal(await popup.locator('main').getAttribute('lang'), 'ru');
    await expectText(popup.getByTestId('capture'), 'Сохранить доказательства');
    await popup.close();
  });
});

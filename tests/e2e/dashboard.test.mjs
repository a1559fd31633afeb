// Issue 6, the cases dashboard, in Chromium with the test build: cases on several platforms (written into the
// extension's IndexedDB from its own page) sorted by nearest deadline, filtered and searched; a case opened
// with its gallery, timeline and notes; deleted with confirmation, undone, deleted again; and screenshots of
// the list and a case in en, zh_CN and ru that fail on an untranslated string or overflowing text.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectBadge, expectCount, expectText, launchExtension, readDatabase, ROOT, waitUntil } from './harness.mjs';
import { seedCases } from './seed.mjs';
import { LATIN_ALLOWED, textProblems } from './text-checks.mjs';

const OUT = join(ROOT, '.test-results/screenshots');
const HOUR = 3_600_000;
const NOTE = { en: 'The lamp arrived cracked; the seller stopped answering.', zh_CN: '台灯到货时已破裂，卖家不再回复。', ru: 'Лампа пришла треснутой, продавец перестал отвечать.' };

function cases(locale) {
  const now = Date.now();
  return [
    { platform: 'aliexpress', orderId: '8190000000000101', store: 'Bright Lamps Store', title: 'LED Desk Lamp', protectionDays: 1.2, screenshot: true, fullPageParts: 3, note: NOTE[locale] },
    { platform: 'taobao', orderId: '3690000000000202', store: '小米官方旗舰店', title: '无线蓝牙耳机 降噪', updatedAt: now - HOUR, files: 2 },
    { platform: 'yandex-market', orderId: '512034999', store: 'ООО Ромашка', title: 'Чайник электрический', updatedAt: now - 48 * HOUR, files: 1 },
    { platform: 'aliexpress', orderId: '8190000000000303', store: 'Cable World', title: 'USB-C cable 2 m', protectionDays: 3.5, files: 3 },
    { platform: 'aliexpress', orderId: '8190000000000404', store: 'Cable World', title: 'Charger', protectionDays: 0.5, state: 'resolved', updatedAt: now - 120 * HOUR, files: 1 },
  ];
}
const SORTED = ['8190000000000101', '8190000000000303', '3690000000000202', '512034999', '8190000000000404'];
// Page data, the user's own text and hashes are not the extension's strings.
const DATA = '[data-testid="row-order"], [data-testid="row-store"], [data-testid="row-item"], dd, .case-items li > span, [data-testid="evidence-name"], .evidence-text, .evidence-url, code, .note-text, [data-testid="gallery-name"], [data-testid="dashboard-search"]';

async function openDashboard(ext, locale) {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
  await page.locator('[data-testid="dashboard-empty"], [data-testid="dashboard-table"]').first().waitFor();
  await seedCases(page, cases(locale));
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
  await page.reload();
  await page.getByTestId('dashboard-row').first().waitFor();
  return page;
}

const rowIds = (page) => page.getByTestId('row-order').allTextContents();
/** The list is read again after a change; wait until it shows `expected` (or fail with what it shows). */
const expectRows = (page, expected) => waitUntil(() => rowIds(page), expected, { what: 'the dashboard rows' });
async function search(page, text) {
  await page.getByTestId('dashboard-search').fill(text);
}

describe('the dashboard', () => {
  let ext;
  let page;
  before(async () => {
    ext = await launchExtension();
    page = await openDashboard(ext, 'en');
  });
  after(async () => ext?.close());

  it('opens from the popup’s All cases link', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const [dashboard] = await Promise.all([ext.context.waitForEvent('page'), popup.getByTestId('all-cases').click()]);
    await dashboard.getByTestId('dashboard-row').first().waitFor();
    assert.equal(new URL(dashboard.url()).pathname, '/dashboard.html');
    await expectRows(dashboard, SORTED);
    await dashboard.close();
    await popup.close();
  });

  it('lists every case by nearest deadline, then by last update, with its deadline, store, item and files', async () => {
    await expectRows(page, SORTED);
    const first = page.getByTestId('dashboard-row').first();
    await expectText(first.getByTestId('row-deadline'), /1 day \d+ hours? left/);
    await expectText(first.getByTestId('row-store'), 'Bright Lamps Store');
    await expectText(first.getByTestId('row-item'), 'LED Desk Lamp');
    // Counted once the row is on screen.
    await waitUntil(() => page.getByTestId('row-evidence').allTextContents(), ['5', '3', '2', '1', '1'], { what: 'the file counts' });
    await expectText(page.getByTestId('dashboard-row').nth(4).getByTestId('row-deadline'), /Nothing due/);
  });

  it('filters by platform and state and searches order ids, stores and items in any script', async () => {
    await page.getByTestId('dashboard-platform').selectOption('aliexpress');
    await expectRows(page, ['8190000000000101', '8190000000000303', '8190000000000404']);
    await page.getByTestId('dashboard-state').selectOption('resolved');
    await expectRows(page, ['8190000000000404']);
    await page.getByTestId('dashboard-platform').selectOption('');
    await page.getByTestId('dashboard-state').selectOption('');
    await search(page, 'ЧАЙНИК');
    await expectRows(page, ['512034999']);
    await search(page, '蓝牙');
    await expectRows(page, ['3690000000000202']);
    await search(page, 'cable world');
    await expectRows(page, ['8190000000000303', '8190000000000404']);
    await search(page, '0000101');
    await expectRows(page, ['8190000000000101']);
    await search(page, 'no such order');
    await page.getByTestId('dashboard-no-match').waitFor();
    await search(page, '');
    await expectRows(page, SORTED);
  });

  it('opens a case with its evidence, timeline and notes, and shows the full-page parts in order in the gallery', async () => {
    await page.getByTestId('row-order').first().click();
    await page.getByTestId('case-title').waitFor();
    await expectText(page.getByTestId('case-title'), /8190000000000101/);
    assert.equal(new URL(page.url()).hash, '#case=aliexpress%3A8190000000000101');
    await expectCount(page.getByTestId('evidence-item'), 5);
    await expectText(page.getByTestId('note').locator('.note-text'), NOTE.en);
    await waitUntil(() => page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.dataset.kind)), ['opened', 'captured'], { what: 'the timeline' });

    await page.locator('[data-testid="evidence-item"][data-kind="fullpage-screenshot"] [data-testid="evidence-view"]').first().click();
    const gallery = page.getByTestId('gallery');
    await gallery.waitFor();
    // The sequence: the full-page capture's parts 1..3 in order, then the other capture's screenshot.
    const shown = async () => [await page.getByTestId('gallery-position').textContent(), (await page.getByTestId('gallery-part').count()) ? await page.getByTestId('gallery-part').textContent() : ''];
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await waitUntil(shown, ['1 of 4', 'part 1 of 3'], { what: 'the gallery at its first picture' });
    for (const expected of [['2 of 4', 'part 2 of 3'], ['3 of 4', 'part 3 of 3'], ['4 of 4', '']]) {
      await page.keyboard.press('ArrowRight');
      await waitUntil(shown, expected, { what: 'the gallery after →' });
    }
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('gallery-part').getByText('part 3 of 3').waitFor();
    const size = await page.getByTestId('gallery-image').evaluate(async (img) => {
      if (!img.complete || !img.naturalWidth) await new Promise((r) => (img.onload = r));
      return [img.naturalWidth, img.naturalHeight];
    });
    assert.deepEqual(size, [800, 1200], 'the part itself, full size');
    // Opaque backdrop; the image fitted to the stage's width (never cut off sideways, never past 1:1), a tall one from its top.
    assert.equal(await gallery.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(10, 10, 10)');
    const fitted = async () => {
      const stage = await page.locator('.gallery-stage').boundingBox();
      const image = await page.getByTestId('gallery-image').boundingBox();
      return { stage, image };
    };
    await waitUntil(async () => {
      const { stage, image } = await fitted();
      const width = Math.min(stage.width, 800);
      return Math.abs(image.width - width) < 1.5 && image.x >= stage.x - 1 && image.x + image.width <= stage.x + stage.width + 1 && (image.height <= stage.height || Math.abs(image.y - stage.y) < 1.5);
    }, true, { what: 'the picture fitted to the stage’s width' });

    const zoomBefore = await page.getByTestId('gallery-zoom').textContent();
    await page.getByTestId('gallery-zoom-in').click();
    await expectText(page.getByTestId('gallery-zoom'), (zoom) => zoom !== zoomBefore);
    // The user's own moves: translate(x, y) after the centring translate(-50%, -50%).
    const moved = async () => {
      const [, x, y] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(await page.getByTestId('gallery-image').evaluate((img) => img.style.transform));
      return { x: Number(x), y: Number(y) };
    };
    const before = await moved();
    const box = await page.locator('.gallery-stage').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    const after = await moved();
    assert.deepEqual([Math.round(after.x - before.x), Math.round(after.y - before.y)], [120, 40], 'dragged by the mouse’s move');
    await page.getByTestId('gallery-fit').click();
    await expectText(page.getByTestId('gallery-zoom'), zoomBefore);
    await page.keyboard.press('Escape');
    await gallery.waitFor({ state: 'detached' });
  });

  it('deletes the case after a confirmation naming the order and its files, and Undo restores every row', async () => {
    await expectBadge(ext, '1d');
    const before = await readDatabase(page);
    await page.getByTestId('delete-case').click();
    await expectText(page.getByTestId('delete-text'), 'The case for order 8190000000000101 and its 5 files will be deleted, with its timeline, checklist and contacts.');
    await page.getByTestId('delete-cancel').click();
    assert.equal((await readDatabase(page)).cases.length, 5);

    await page.getByTestId('delete-case').click();
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('toast').getByText('Case 8190000000000101 deleted.').waitFor();
    await expectRows(page, SORTED.slice(1));
    const deleted = await readDatabase(page);
    const caseId = 'aliexpress:8190000000000101';
    assert.equal(deleted.cases.some((c) => c.id === caseId), false);
    assert.equal(deleted.evidence.some((e) => e.caseId === caseId), false);
    assert.equal(deleted.events.some((e) => e.caseId === caseId), false);
    assert.equal(deleted.evidence.length, before.evidence.length - 5);
    // The badge now counts down to the next case's deadline.
    await expectBadge(ext, '3d');

    await page.getByTestId('undo').click();
    await page.getByTestId('toast').getByText('Case 8190000000000101 restored.').waitFor();
    await expectRows(page, SORTED);
    const sortRows = (db) => JSON.stringify({ ...db, evidence: [...db.evidence].sort((a, b) => a.id.localeCompare(b.id)), events: [...db.events].sort((a, b) => a.id - b.id) });
    assert.equal(sortRows(await readDatabase(page)), sortRows(before));
    await expectBadge(ext, '1d');

    await page.getByTestId('row-order').first().click();
    await page.getByTestId('delete-case').click();
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('toast').waitFor();
    await expectRows(page, SORTED.slice(1));
    await page.reload();
    await page.getByTestId('dashboard-row').first().waitFor({ timeout: 5000 }).catch(async (error) => {
      throw new Error(`${error.message}\npage: ${await page.locator('body').innerText()}`);
    });
    await expectRows(page, SORTED.slice(1));
  });
});

const LANG_TAG = { en: 'en', zh_CN: 'zh-CN', ru: 'ru' };
for (const locale of ['en', 'zh_CN', 'ru']) {
  describe(`dashboard screenshots in ${locale}`, () => {
    let ext;
    let page;
    before(async () => {
      mkdirSync(OUT, { recursive: true });
      ext = await launchExtension({ locale });
      page = await openDashboard(ext, locale);
    });
    after(async () => ext?.close());
    const check = () => page.evaluate(textProblems, { locale, allowed: LATIN_ALLOWED, root: '.dashboard', data: DATA, boxName: 'the dashboard' });

    it('the list: every string translated, nothing overflows', async () => {
      assert.equal(await page.locator('.dashboard').getAttribute('lang'), LANG_TAG[locale]);
      await page.screenshot({ path: join(OUT, `dashboard-list-${locale}.png`), fullPage: true });
      assert.deepEqual(await check(), []);
    });

    it('a case: every string translated, nothing overflows, also in the gallery and the delete dialog', async () => {
      await page.getByTestId('row-order').first().click();
      await page.getByTestId('timeline-entry').first().waitFor();
      await page.getByTestId('note').waitFor();
      await page.screenshot({ path: join(OUT, `dashboard-case-${locale}.png`), fullPage: true });
      assert.deepEqual(await check(), []);
      await page.locator('[data-testid="evidence-item"][data-kind="fullpage-screenshot"] [data-testid="evidence-view"]').first().click();
      await page.getByTestId('gallery-part').waitFor();
      await page.screenshot({ path: join(OUT, `dashboard-gallery-${locale}.png`) });
      assert.deepEqual(await check(), []);
      await page.keyboard.press('Escape');
      await page.getByTestId('delete-case').click();
      await page.getByTestId('delete-dialog').waitFor();
      await page.screenshot({ path: join(OUT, `dashboard-delete-${locale}.png`) });
      assert.deepEqual(await check(), []);
      await page.getByTestId('delete-cancel').click();
    });
  });
}

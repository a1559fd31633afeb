// The settings page in each language, in Chromium: it takes the tab's width, its table headers break only
// between words (Chinese and Russian included), the file to restore is picked with a translated button (the
// browser's own "Choose file / No file chosen" never shows), and nothing is untranslated or overflows.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectText, launchExtension, ROOT } from './harness.mjs';
import { seedCases } from './seed.mjs';
import { LATIN_ALLOWED, textProblems } from './text-checks.mjs';

const OUT = join(ROOT, '.test-results/screenshots');
const CHOOSE = { en: 'Choose a backup file…', zh_CN: '选择备份文件…', ru: 'Выбрать файл копии…' };
const NO_FILE = { en: 'No file chosen', zh_CN: '未选择文件', ru: 'Файл не выбран' };

/** Each header's words, and whether any of them lies on more than one line (a break inside the word). */
function headerBreaks() {
  const broken = [];
  for (const th of document.querySelectorAll('.storage-table th')) {
    const text = th.firstChild;
    if (!text || text.nodeType !== 3) continue;
    const words = [...text.textContent.matchAll(/\S+/g)];
    for (const word of words) {
      const range = document.createRange();
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(`${word[0]} (${lines.size} lines)`);
    }
  }
  return broken;
}

for (const locale of ['en', 'zh_CN', 'ru']) {
  describe(`the settings page in ${locale}`, () => {
    let ext;
    let page;
    before(async () => {
      mkdirSync(OUT, { recursive: true });
      ext = await launchExtension({ locale });
      page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
      await page.locator('[data-testid="dashboard-empty"], [data-testid="dashboard-table"]').first().waitFor();
      await seedCases(page, [
        { platform: 'aliexpress', orderId: '8190000000000101', title: 'Lamp', files: 2 },
        { platform: 'yandex-market', orderId: '512034876', title: 'Наушники', files: 1 },
      ]);
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await page.getByTestId('storage-row').first().waitFor();
    });
    after(async () => ext?.close());

    for (const width of [1280, 520]) {
      it(`at ${width} px: the tab's width, headers whole, nothing untranslated or overflowing`, async () => {
        await page.setViewportSize({ width, height: 800 });
        const main = await page.locator('main').boundingBox();
        assert.ok(main.width >= width - 1, `the page takes the tab's width (${main.width} of ${width})`);
        const table = await page.locator('.storage-table').boundingBox();
        assert.ok(table.width > width * 0.8, `the storage table spans the page (${table.width} of ${width})`);
        assert.deepEqual(await page.evaluate(headerBreaks), [], 'no header breaks inside a word');
        await page.screenshot({ path: join(OUT, `settings-${locale}-${width}.png`), fullPage: true });
        assert.deepEqual(await page.evaluate(textProblems, { locale, allowed: LATIN_ALLOWED, data: '[data-testid="storage-row"] td:first-child, .file-name', boxName: 'the settings page' }), []);
      });
    }

    it('picks the file with a translated button and names the chosen file', async () => {
      await expectText(page.getByTestId('restore-choose'), CHOOSE[locale]);
      await expectText(page.getByTestId('restore-file-name'), NO_FILE[locale]);
      const input = await page.getByTestId('restore-file').boundingBox();
      assert.ok(!input || (input.width <= 1 && input.height <= 1), 'the browser’s own file input is not shown');
      // The label opens the picker: a file chosen through it is the one restored.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('restore-choose').click()]);
      await chooser.setFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a backup') });
      await expectText(page.getByTestId('restore-file-name'), 'notes.zip');
      await page.locator('[data-testid="restore-report"][data-tone="error"]').waitFor();
    });
  });
}

// npm run demo [-- --screenshot DIR] [--locale en|zh-CN|ru]
// Opens Chromium with the built extension on sample order pages of AliExpress, Taobao/Tmall and Yandex
// Market: the project's own fixture pages, served at the marketplaces' real URLs (nothing is fetched from
// the network), each with DisputeKit's popup beside it, so a newcomer sees it work without an account.
// Each page's dates are moved to today (placed so many days ago, deadlines so many days ahead), so the
// popup's countdowns run whenever the demo is run; the Taobao and Tmall pages are drawn on screen.
// With --screenshot DIR it runs headless and writes DIR/<sample>.png, the page with the popup beside it,
// and DIR/<sample>.txt, the text both show (to check a run without looking at the pictures).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PRODUCTION_BUILD, ROOT, fixture, launchExtension, openPopup, openTab, serve } from '../tests/e2e/harness.mjs';
import { withDatesFromToday } from '../tests/fixtures/relative-dates.mjs';
import { SAMPLES } from '../tests/fixtures/samples.mjs';


const { values } = parseArgs({ options: { screenshot: { type: 'string' }, locale: { type: 'string', default: 'en' } } });
const outDir = values.screenshot && resolve(values.screenshot);

if (!existsSync(join(PRODUCTION_BUILD, 'manifest.json'))) {
  console.log('Building the extension first (npm run build)…');
  if (spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}

let ext;
try {
  ext = await launchExtension({ build: PRODUCTION_BUILD, headless: Boolean(outDir), locale: values.locale });
} catch (error) {
  console.error(`Could not start Chromium: ${error.message}`);
  if (!outDir) console.error('Without a display, run headless: npm run demo -- --screenshot demo-shots');
  process.exit(1);
}
const today = new Date();
for (const { file, demoFile, asOf, url } of SAMPLES) await serve(ext.context, url, withDatesFromToday(fixture(demoFile ?? file), asOf, today));
if (outDir) mkdirSync(outDir, { recursive: true });

for (const { name, url } of SAMPLES) {
  const { page, tabId } = await openTab(ext, url);
  const popup = await openPopup(ext, tabId);
  if (!outDir) continue;
  // The popup has read the page, and worked out its deadlines, once its capture (or save-all) button shows.
  await popup.locator('[data-testid="capture"], [data-testid="save-all"], [data-testid="page-message"]').first().waitFor();
  const [pageShot, popupShot] = await Promise.all([page.screenshot(), popup.locator('main').screenshot()]);
  const [pageText, popupText] = await Promise.all([page.locator('body').innerText(), popup.locator('main').innerText()]);
  writeFileSync(join(outDir, `${name}.txt`), `page:\n${pageText.trim()}\n\npopup:\n${popupText.trim()}\n`);
  // Compose the two side by side in a blank page: the page on the left, the popup as it would drop down.
  const canvas = await ext.context.newPage();
  await canvas.setViewportSize({ width: 1280 + 400, height: 800 });
  await canvas.setContent(`<body style="margin:0;display:flex;gap:16px;background:#d4d4d8;align-items:flex-start">
    <img src="data:image/png;base64,${pageShot.toString('base64')}" style="width:1280px">
    <img src="data:image/png;base64,${popupShot.toString('base64')}" style="box-shadow:0 4px 16px #0004;margin-top:8px">
  </body>`);
  const file = join(outDir, `${name}.png`);
  writeFileSync(file, await canvas.screenshot({ fullPage: true }));
  console.log(`wrote ${file}`);
  await Promise.all([canvas.close(), popup.close(), page.close()]);
}

if (outDir) {
  await ext.close();
} else {
  console.log('The sample pages are open, each with its DisputeKit popup. Close the browser to end the demo.');
  await new Promise((done) => ext.context.on('close', done));
}

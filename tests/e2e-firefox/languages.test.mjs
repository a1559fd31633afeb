// The language switched in Settings to Chinese, then Russian, in Firefox ESR: the popup on an order of every
// platform, screenshots for review in .test-results/screenshots/firefox-*.png, and the Chromium suite's checks
// (tests/e2e/text-checks.mjs) that fail on a string left untranslated and on text that does not fit.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LATIN_ALLOWED, textProblems } from '../e2e/text-checks.mjs';
import { click, expectValue, fill, fixture, launchFirefox, ROOT, testId, WAIT_MS, waitFor } from './harness.mjs';

const OUT = join(ROOT, '.test-results/screenshots');
const ORDERS = [
  { platform: 'aliexpress', file: 'aliexpress/order-detail.html', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012' },
  { platform: 'taobao', file: 'taobao/order-detail-drifted.html', url: 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3690000000000000031' },
  { platform: 'tmall', file: 'taobao/tmall-order-detail.html', url: 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2690000000000000021' },
  { platform: 'yandex-market', file: 'yandex-market/order-detail.html', url: 'https://market.yandex.ru/my/order/512034876' },
];
const LOCALES = { zh_CN: { tag: 'zh-CN', contact: '询问包裹在哪里' }, ru: { tag: 'ru', contact: 'Спросил, где посылка' } };
// Page data and what the user typed are not the extension's strings (as in tests/e2e/popup-screenshots.test.mjs).
const POPUP_DATA = '[data-testid="order-id"], [data-testid="order-store"], [data-testid="order-status"], [data-page-text], .contact-summary';
const pad = (n) => String(n).padStart(2, '0');
const localDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A recent shipping and delivery, so the popup has deadlines ahead, and a contact with the seller. */
async function fillCase(popup, contact) {
  await click(popup, `${testId('dates')} summary`);
  for (const [event, daysAgo] of [['shipped', 6], ['delivered', 1]]) {
    await fill(popup, `#date-${event}`, localDay(new Date(Date.now() - daysAgo * 86_400_000)));
    await waitFor(popup, `${testId(`date-${event}`)} .tag.user`);
  }
  await click(popup, `${testId('contacts')} summary`);
  await fill(popup, testId('contact-reference'), 'T-1001');
  await fill(popup, testId('contact-summary'), contact);
  await click(popup, testId('contact-add'));
  await waitFor(popup, testId('contact'));
}

describe('Firefox: the popup after a language switch in Settings', () => {
  let ext;
  let settings;
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    ext = await launchFirefox();
    for (const { file, url } of ORDERS) ext.serve(url, fixture(file));
    settings = await ext.openExtensionPage('options.html');
  });
  after(async () => ext?.close());

  for (const [locale, { tag, contact }] of Object.entries(LOCALES)) {
    it(`switches to ${locale} in Settings`, async () => {
      await waitFor(settings, `${testId('language')}:not([disabled])`);
      await settings.select(testId('language'), locale);
      await expectPageLanguage(settings, tag);
      await expectValue(settings, testId('language'), locale);
    });

    for (const order of ORDERS) {
      it(`${locale}, ${order.platform}: every string translated, nothing overflows`, async () => {
        const { tabId, page } = await ext.openTab(order.url);
        const popup = await ext.openPopup(tabId);
        assert.equal(await popup.$eval('main', (main) => main.getAttribute('lang')), tag, 'the popup is in the chosen language');
        await popup.setViewport({ width: 360, height: 600 });
        await waitFor(popup, testId('countdown'));
        await fillCase(popup, contact);
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
        await popup.screenshot({ path: join(OUT, `firefox-popup-${order.platform}-${locale}.png`), fullPage: true });
        assert.ok(await popup.$(testId('countdown-left')), 'a deadline is counting down');
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await popup.screenshot({ path: join(OUT, `firefox-popup-${order.platform}-${locale}-open.png`), fullPage: true });
        const found = await popup.evaluate(textProblems, { locale, allowed: LATIN_ALLOWED, data: POPUP_DATA, message: 'textarea[data-testid="next-step-message"]', boxName: 'the popup' });
        assert.deepEqual(found, []);
        await popup.close();
        await page.close();
      });
    }
  }
});

/** The settings page itself follows the switch at once: its <main> takes the language's tag. */
function expectPageLanguage(page, tag) {
  return page.waitForFunction((t) => document.querySelector('main')?.getAttribute('lang') === t, { timeout: WAIT_MS }, tag);
}

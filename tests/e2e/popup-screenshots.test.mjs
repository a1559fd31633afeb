// The popup on an order of every platform, in English, Chinese and Russian: screenshots for review in
// .test-results/screenshots/, and checks that fail on a string left untranslated (a raw key, a {placeholder},
// English words in the Chinese or Russian popup) and on text that does not fit its box or the popup.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, launchExtension, openPopup, openTab, ROOT, serve } from './harness.mjs';
import { LATIN_ALLOWED, textProblems } from './text-checks.mjs';

const OUT = join(ROOT, '.test-results/screenshots');
const ORDERS = [
  { platform: 'aliexpress', file: 'aliexpress/order-detail.html', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012' },
  { platform: 'taobao', file: 'taobao/order-detail-drifted.html', url: 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3690000000000000031' },
  { platform: 'tmall', file: 'taobao/tmall-order-detail.html', url: 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2690000000000000021' },
  { platform: 'yandex-market', file: 'yandex-market/order-detail.html', url: 'https://market.yandex.ru/my/order/512034876' },
];
const CONTACT = { en: 'Asked where the parcel is', zh_CN: '询问包裹在哪里', ru: 'Спросил, где посылка' };

const LANG_TAG = { en: 'en', zh_CN: 'zh-CN', ru: 'ru' };
const pad = (n) => String(n).padStart(2, '0');
// The dates editor takes a day as a day (issue 11: a day field, and a time only when known).
const localDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Gives the order dates a recent shipping and delivery, so the popup has deadlines ahead to show. */
async function enterDates(popup) {
  await popup.getByTestId('dates').locator('summary').click();
  for (const [event, daysAgo] of [['shipped', 6], ['delivered', 1]]) {
    const input = popup.locator(`#date-${event}`);
    await input.fill(localDay(new Date(Date.now() - daysAgo * 86_400_000)));
    await input.dispatchEvent('change');
    await popup.getByTestId(`date-${event}`).locator('.tag.user').waitFor();
  }
}

async function logContact(popup, summary) {
  await popup.getByTestId('contacts').locator('summary').click();
  await popup.getByTestId('contact-reference').fill('T-1001');
  await popup.getByTestId('contact-summary').fill(summary);
  await popup.getByTestId('contact-add').click();
  await popup.getByTestId('contact').first().waitFor();
}

// Page data and what the user typed are not the extension's strings.
const POPUP_DATA = '[data-testid="order-id"], [data-testid="order-store"], [data-testid="order-status"], [data-page-text], .contact-summary';

for (const locale of ['en', 'zh_CN', 'ru']) {
  describe(`popup screenshots in ${locale}`, () => {
    let ext;
    before(async () => {
      mkdirSync(OUT, { recursive: true });
      ext = await launchExtension({ locale });
      for (const { file, url } of ORDERS) await serve(ext.context, url, fixture(file));
    });
    after(async () => ext?.close());

    for (const order of ORDERS) {
      it(`${order.platform}: every string translated, nothing overflows`, async () => {
        const { tabId } = await openTab(ext, order.url);
        const popup = await openPopup(ext, tabId);
        assert.equal(await popup.locator('main').getAttribute('lang'), LANG_TAG[locale], 'the popup is in the browser\'s language');
        await popup.setViewportSize({ width: 360, height: 600 });
        await popup.getByTestId('countdown').waitFor();
        await enterDates(popup);
        await logContact(popup, CONTACT[locale]);
        // First what the user sees on opening: everything but the first screen collapsed.
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
        await popup.screenshot({ path: join(OUT, `popup-${order.platform}-${locale}.png`), fullPage: true });
        assert.ok(await popup.getByTestId('countdown-left').count(), 'a deadline is counting down');
        // Then every part opened, so every string is checked.
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await popup.screenshot({ path: join(OUT, `popup-${order.platform}-${locale}-open.png`), fullPage: true });
        const found = await popup.evaluate(textProblems, { locale, allowed: LATIN_ALLOWED, data: POPUP_DATA, message: 'textarea[data-testid="next-step-message"]', boxName: 'the popup' });
        assert.deepEqual(found, []);
        await popup.close();
      });
    }
  });
}

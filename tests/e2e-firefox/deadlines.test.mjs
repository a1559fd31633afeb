// Deadlines in Firefox ESR: a page countdown two days away shows in the popup before any capture, and once the
// order is a case the toolbar badge (browserAction in the MV2 build) shows "2d" in orange.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { click, expectText, fixture, launchFirefox, testId, waitUntil } from './harness.mjs';

const ORDER = '8190000000000201';
const DETAIL_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;

describe('Firefox: a deadline two days away', () => {
  let ext;
  before(async () => {
    ext = await launchFirefox();
    // The sample order page as another order, its buyer protection counted down from now.
    const page = fixture('aliexpress/order-detail.html').replaceAll('8190123456789012', ORDER).replace('Refund if no delivery before Dec 28, 2026', 'Buyer protection: 2 days 5 hours');
    ext.serve(DETAIL_URL, page);
  });
  after(async () => ext?.close());

  it('counts down in the popup, and the badge shows 2d in orange once the order is a case', async () => {
    const { tabId } = await ext.openTab(DETAIL_URL);
    const popup = await ext.openPopup(tabId);
    await expectText(popup, testId('countdown-left'), /^2 days (5|4) hours left$/);
    await expectText(popup, testId('countdown-label'), /from the page/);
    assert.equal(await ext.badge(), '', 'no case yet, no badge');

    await click(popup, testId('capture'));
    await expectText(popup, testId('notice'), /^Saved: \d+ files\.$/);
    await waitUntil(() => ext.badge(), '2d', { what: 'the toolbar badge' });
    const color = await ext.api(() => browser.browserAction.getBadgeBackgroundColor({}));
    assert.deepEqual(color.slice(0, 3), [0xe8, 0x71, 0x0a], 'orange: under three days');
    await popup.close();
  });
});

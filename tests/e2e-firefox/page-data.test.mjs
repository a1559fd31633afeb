// The page-data recorder in Firefox ESR: a `world: "MAIN"` content script in the MV2 build (Firefox 128 and
// newer), the reason the Firefox build can stay MV2. An AliExpress order page that loads its order from the
// mtop API after load (fetch, XMLHttpRequest or JSONP), the API answered from this project's fixture: the popup
// shows what the API said, which the page's markup does not hold.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchFirefox, testId, waitUntil } from './harness.mjs';

const ORDER_ID = '8190246813579246';
const PAGE = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;
const API_BODY = fixture('aliexpress/api/order-detail-awaiting.json');
const API = /^https:\/\/acs\.aliexpress\.com\/h5\//;
const CORS = { 'access-control-allow-origin': 'https://www.aliexpress.com', 'access-control-allow-credentials': 'true' };

describe('Firefox: the page’s own API data, recorded in the page’s world', () => {
  let ext;
  before(async () => {
    ext = await launchFirefox();
    ext.serve((url) => url.startsWith(PAGE), fixture('aliexpress/order-detail-api.html'));
    ext.serve(API, API_BODY, { contentType: 'application/json; charset=utf-8', headers: CORS });
    ext.serve((url) => API.test(url) && new URL(url).searchParams.has('callback'), (url) => `${new URL(url).searchParams.get('callback')}(${API_BODY})`, { contentType: 'application/javascript; charset=utf-8', headers: CORS });
  });
  after(async () => ext?.close());

  for (const load of ['fetch', 'xhr', 'jsonp']) {
    it(`${load}: the page gets its order, and the popup shows what the API says, not what the markup says`, async () => {
      const { page, tabId } = await ext.openTab(`${PAGE}&load=${load}`);
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.status), 'Awaiting delivery', { what: 'the status the page got from its API' });
      const popup = await ext.openPopup(tabId);
      await expectText(popup, testId('order-id'), ORDER_ID);
      await expectText(popup, testId('order-store'), 'Sunrise Gadgets Store');
      await expectText(popup, testId('order-total'), '€36.80');
      await expectText(popup, testId('event-shipped'), 'Shipped: Nov 5, 2026');
      // Nothing of DisputeKit's among the page's globals.
      assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((key) => /^page-?data$|disputekit|wxt/i.test(key))), []);
      await popup.close();
      await page.close();
    });
  }
});

// List pages in real Chromium: the popup sees every order, saves them all as cases, and follows the page
// when it loads more orders or navigates without a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve } from './harness.mjs';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

describe('an AliExpress order list', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, `${LIST_URL}*`, fixture('aliexpress/order-list.html'));
  });
  after(async () => ext?.close());

  it('the popup lists the orders and saves them all as cases', async () => {
    const { tabId } = await openTab(ext, LIST_URL);
    const popup = await openPopup(ext, tabId);
    await expectText(popup.getByTestId('order-count'), '3 orders on this page');
    await popup.getByTestId('save-all').click();
    await popup.getByTestId('notice').waitFor();
    // The list's "Closed" order is filed as a closed case, and the popup says so.
    await expectText(popup.getByTestId('notice'), 'Saved: 3 new (1 closed), 0 updated.');
    const { cases } = await readDatabase(popup);
    assert.deepEqual(cases.map((c) => c.orderId).sort(), ['8190123456789012', '8190222233334444', '8190555566667777']);
    assert.equal(cases.find((c) => c.orderId === '8190222233334444').order.total.amount, 13.45);
    assert.deepEqual(Object.fromEntries(cases.map((c) => [c.order.status, c.state])), { 'Awaiting delivery': 'open', Completed: 'open', Closed: 'closed' });

    await popup.getByTestId('save-all').click();
    await popup.getByText('Saved: 0 new, 3 updated.').waitFor();
    await popup.close();
  });

  it('follows the page when it loads more orders and when it navigates without a reload', async () => {
    const { page, tabId } = await openTab(ext, LIST_URL);
    const popup = await openPopup(ext, tabId);
    await expectText(popup.getByTestId('order-count'), '3 orders on this page');

    // "View orders" loads more: a fourth card appears.
    await page.evaluate(() => {
      const card = document.querySelector('.order-item').cloneNode(true);
      card.innerHTML = card.innerHTML.replaceAll('8190123456789012', '8190999900001111');
      document.querySelector('.order-content').append(card);
    });
    await popup.getByText('4 orders on this page').waitFor();

    // The site opens an order in place (history.pushState), as single-page apps do.
    const detail = fixture('aliexpress/order-detail.html');
    await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(doc.body);
      history.pushState({}, '', '/p/order/detail.html?orderId=8190123456789012');
    }, detail);
    await popup.getByTestId('order-id').waitFor();
    await expectText(popup.getByTestId('order-id'), '8190123456789012');
    await popup.close();
  });
});

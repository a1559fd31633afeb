// Deadlines in real Chromium: the popup's countdown, the toolbar badge, and a deadline notification sent
// exactly once when its alarm fires. The order page is written at test time, its countdown relative to now.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectBadge, expectText, expectValue, fixture, launchExtension, openPopup, openTab, serve, waitUntil } from './harness.mjs';

const detailUrl = (id) => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
const SAMPLE_ID = '8190123456789012';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The sample AliExpress order page, as order `orderId`, placed 5 days ago, its buyer protection ending `protection` from now. */
function orderPage(orderId, protection) {
  const placed = new Date(Date.now() - 5 * 86_400_000);
  return fixture('aliexpress/order-detail.html')
    .replaceAll(SAMPLE_ID, orderId)
    .replace('Refund if no delivery before Dec 28, 2026', `Buyer protection: ${protection}`)
    .replace('Nov 3, 2026', `${MONTHS[placed.getUTCMonth()]} ${placed.getUTCDate()}, ${placed.getUTCFullYear()}`);
}

async function badgeText(ext) {
  return ext.sw.evaluate(() => chrome.action.getBadgeText({}));
}
const notifications = (ext) => ext.sw.evaluate(() => chrome.notifications.getAll());

describe('a deadline two days away', () => {
  const ORDER = '8190000000000201';
  let ext;
  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, orderPage(ORDER, '2 days 5 hours'));
  });
  after(async () => ext?.close());

  it('counts down in the popup before any capture, and shows 2d on the badge once the order is a case', async () => {
    const { tabId } = await openTab(ext, detailUrl(ORDER));
    const popup = await openPopup(ext, tabId);
    assert.equal(await badgeText(ext), '', 'no case yet, no badge');
    await expectText(popup.getByTestId('countdown-left'), /^2 days (5|4) hours left$/);
    await expectText(popup.getByTestId('countdown-label'), /from the page/);
    assert.equal(await popup.getByTestId('countdown').getByTestId('tag-typical').count(), 0, 'a page countdown is not "typical"');
    // The next step is highlighted above the capture button, with what to attach.
    const order = await popup.evaluate(() =>
      ['countdown', 'next-step', 'capture'].map((id) => document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect().top),
    );
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'countdown, next step, capture button, in that order');
    await expectText(popup.getByTestId('next-step-title'), /\S/);

    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    await expectBadge(ext, '2d');
    const color = await ext.sw.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
    assert.deepEqual(color.slice(0, 3), [0xe8, 0x71, 0x0a], 'orange: under three days');
    await popup.close();
  });

  it('a date the user enters wins over the page, and clearing it brings the page back', async () => {
    const { tabId } = await openTab(ext, detailUrl(ORDER));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('dates').locator('summary').click();
    // Issue 11: the page's "Nov 3, 2026" (a day) is edited as a day, in a day field; a time goes in its own field.
    const placed = popup.locator('#date-placed');
    const placedTime = popup.locator('#date-placed-time');
    const fromPage = await placed.inputValue();
    assert.match(fromPage, /^\d{4}-\d\d-\d\d$/);
    await expectText(popup.getByTestId('date-placed'), /from the page/);
    await placed.fill('2026-01-02');
    await placed.dispatchEvent('change');
    await popup.getByTestId('date-placed').getByText('set by you').waitFor();
    await placedTime.fill('10:30');
    await placedTime.dispatchEvent('change');
    const storedDates = () =>
      popup.evaluate(async (id) => {
        const db = await new Promise((res) => (indexedDB.open('disputekit').onsuccess = (e) => res(e.target.result)));
        return new Promise((res) => (db.transaction('cases').objectStore('cases').get(id).onsuccess = (e) => res(e.target.result.dates)));
      }, `aliexpress:${ORDER}`);
    const stored = await waitUntil(storedDates, (dates) => dates?.placed?.at?.includes('T'), { what: 'the date with its time' });
    await expectValue(placed, '2026-01-02');
    await expectValue(placedTime, '10:30');
    assert.equal(stored.placed.setBy, 'user');
    assert.equal(new Date(stored.placed.at).getTime(), new Date(2026, 0, 2, 10, 30).getTime());

    await popup.getByTestId('date-clear-placed').click();
    await popup.getByTestId('date-placed').getByText('from the page').waitFor();
    await expectValue(placed, fromPage);
    await expectValue(placedTime, '');
    await popup.close();
  });
});

describe('a deadline notification', () => {
  const ORDER = '8190000000000202';
  let ext;
  before(async () => {
    ext = await launchExtension();
    // Protection ends in two days and 30 seconds: with "notify 2 days before", the alarm is 30 s away.
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, orderPage(ORDER, '2 days 0 hours 0 minutes 30 seconds'));
  });
  after(async () => ext?.close());

  it('the user sets the threshold; a short alarm sends exactly one notification, and never again', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const field = options.getByTestId('notify-before');
    await expectValue(field, '7d, 3d, 1d, 6h');
    await field.fill('2d');
    await options.getByTestId('save-settings').click();
    await expectText(options.getByTestId('settings-notice'), 'Saved.');

    const { tabId } = await openTab(ext, detailUrl(ORDER));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    // The threshold is two days before the end of protection as the page counted it down.
    const threshold = await popup.evaluate(async (id) => {
      const db = await new Promise((res) => (indexedDB.open('disputekit').onsuccess = (e) => res(e.target.result)));
      const record = await new Promise((res) => (db.transaction('cases').objectStore('cases').get(id).onsuccess = (e) => res(e.target.result)));
      db.close();
      return Date.parse(record.order.countdowns[0].endsAt) - 2 * 86_400_000;
    }, `aliexpress:${ORDER}`);
    const alarm = await waitUntil(() => ext.sw.evaluate(() => chrome.alarms.get('disputekit-deadlines')), (a) => a && Math.abs(a.scheduledTime - threshold) < 1000, { what: 'the deadline alarm at the threshold' });
    assert.ok(alarm);
    // Before the threshold (on a slow machine the capture itself may take most of the 30 s) nothing is shown.
    const checkedAt = Date.now();
    const early = await notifications(ext);
    if (checkedAt < threshold - 1000) assert.deepEqual(early, {}, 'nothing before the threshold');

    const shown = await waitUntil(() => notifications(ext), (all) => Object.keys(all).length > 0, { what: 'the notification', timeout: 90_000 });
    assert.ok(Date.now() >= threshold, 'not before its time');
    assert.equal(Object.keys(shown).length, 1);
    assert.ok(decodeURIComponent(Object.keys(shown)[0]).includes(`aliexpress:${ORDER}`));

    // Recomputing (as any change to a case does) does not repeat it. The refresh answers once the check,
    // notifications included, is done, so what is shown after it is all it showed.
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
    await ext.sw.evaluate(() => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
    assert.deepEqual(await notifications(ext), {}, 'sent once only');
    await popup.close();
    await options.close();
  });
});

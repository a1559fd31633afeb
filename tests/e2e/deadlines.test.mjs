// Deadlines in real Chromium: the popup's countdown, the toolbar badge, and a deadline notification sent
// exactly once when its alarm fires. The order page is written at test time, its countdown relative to now.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture, launchExtension, openPopup, openTab, serve } from './harness.mjs';

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

async function waitFor(check, what, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

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
    assert.match(await popup.getByTestId('countdown-left').textContent(), /^2 days (5|4) hours left$/);
    assert.match(await popup.getByTestId('countdown-label').textContent(), /from the page/);
    assert.equal(await popup.getByTestId('countdown').getByTestId('tag-typical').count(), 0, 'a page countdown is not "typical"');
    // The next step is highlighted above the capture button, with what to attach.
    const order = await popup.evaluate(() =>
      ['countdown', 'next-step', 'capture'].map((id) => document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect().top),
    );
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'countdown, next step, capture button, in that order');
    assert.ok((await popup.getByTestId('next-step-title').textContent()).length > 0);

    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    assert.equal(await waitFor(async () => (await badgeText(ext)) || undefined, 'the badge'), '2d');
    const color = await ext.sw.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
    assert.deepEqual(color.slice(0, 3), [0xe8, 0x71, 0x0a], 'orange: under three days');
    await popup.close();
  });

  it('a date the user enters wins over the page, and clearing it brings the page back', async () => {
    const { tabId } = await openTab(ext, detailUrl(ORDER));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('dates').locator('summary').click();
    const placed = popup.locator('#date-placed');
    const fromPage = await placed.inputValue();
    assert.match(fromPage, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    assert.match(await popup.getByTestId('date-placed').textContent(), /from the page/);
    await placed.fill('2026-01-02T10:30');
    await placed.dispatchEvent('change');
    await popup.getByTestId('date-placed').getByText('set by you').waitFor();
    assert.equal(await placed.inputValue(), '2026-01-02T10:30');
    const stored = await popup.evaluate(async (id) => {
      const db = await new Promise((res) => (indexedDB.open('disputekit').onsuccess = (e) => res(e.target.result)));
      return new Promise((res) => (db.transaction('cases').objectStore('cases').get(id).onsuccess = (e) => res(e.target.result.dates)));
    }, `aliexpress:${ORDER}`);
    assert.equal(stored.placed.setBy, 'user');
    assert.equal(new Date(stored.placed.at).getTime(), new Date(2026, 0, 2, 10, 30).getTime());

    await popup.getByTestId('date-clear-placed').click();
    await popup.getByTestId('date-placed').getByText('from the page').waitFor();
    assert.equal(await placed.inputValue(), fromPage);
    await popup.close();
  });
});

describe('a deadline notification', () => {
  const ORDER = '8190000000000202';
  let ext;
  before(async () => {
    ext = await launchExtension();
    // Protection ends in two days and 15 seconds: with "notify 2 days before", the alarm is 15 s away.
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER}`, orderPage(ORDER, '2 days 0 hours 0 minutes 15 seconds'));
  });
  after(async () => ext?.close());

  it('the user sets the threshold; a short alarm sends exactly one notification, and never again', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const field = options.getByTestId('notify-before');
    await waitFor(async () => (await field.inputValue()) === '7d, 3d, 1d, 6h', 'the default thresholds');
    await field.fill('2d');
    await options.getByTestId('save-settings').click();
    assert.equal(await options.getByTestId('settings-notice').textContent(), 'Saved.');

    const { tabId } = await openTab(ext, detailUrl(ORDER));
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    const alarm = await waitFor(() => ext.sw.evaluate(() => chrome.alarms.get('disputekit-deadlines')), 'the deadline alarm');
    assert.ok(alarm.scheduledTime > Date.now() - 1000 && alarm.scheduledTime < Date.now() + 20_000, 'the alarm is for the threshold, seconds away');
    assert.deepEqual(await ext.sw.evaluate(() => chrome.notifications.getAll()), {}, 'nothing before the threshold');

    const shown = await waitFor(async () => {
      const all = await ext.sw.evaluate(() => chrome.notifications.getAll());
      return Object.keys(all).length ? all : undefined;
    }, 'the notification');
    assert.equal(Object.keys(shown).length, 1);
    assert.ok(decodeURIComponent(Object.keys(shown)[0]).includes(`aliexpress:${ORDER}`));

    // Recomputing (as any change to a case does) and the next alarms do not repeat it.
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
    await ext.sw.evaluate(() => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(await ext.sw.evaluate(() => chrome.notifications.getAll()), {}, 'sent once only');
    await popup.close();
    await options.close();
  });
});

// "One action from anywhere" (issue 4), in real Chromium with the built extension: the in-page button, the
// context-menu items and the popup's "Add this page to case"; and the production manifest's command.
// Issue 12: a page's own script cannot press the in-page button, and a page naming another order than its
// address gets nothing saved into that order's case.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectText, expectValue, fixture, launchExtension, openPopup, openTab, PRODUCTION_BUILD, readDatabase, serve, TEST_BUILD, waitUntil } from './harness.mjs';
import { clickPageButton, expectPageButtonMessage, pageButtonPart, pageButtonRootType } from './page-button.mjs';

const ORDER_ID = '8190123456789012';
const ORDER_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`;
const ORDER_CASE = `aliexpress:${ORDER_ID}`;
const TRACKING_URL = 'https://track.example/parcel/LP00123456789';
const CHAT_URL = 'https://www.aliexpress.com/im/chat.html';
const CHAT_LINES = ['Seller: we will send a replacement within 5 days.', 'Buyer: OK, thank you.'];
/** Another order's address, for a page whose text claims ORDER_ID. */
const OTHER_ORDER = '8190555566667777';
const OTHER_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${OTHER_ORDER}`;
const SAVED_MESSAGE = 'The order and a copy of this page are saved in DisputeKit. Screenshot: click the DisputeKit icon and press Capture evidence, or press Alt+Shift+E.';

/**
 * The page's own script, as a hostile page would run it: once the button is there, it presses it five times
 * every way a page can (through the shadow root if it could open it, the element at the button's place,
 * a dispatched click or Enter on the host), then marks the page done.
 */
const CLICKING_SCRIPT = `<script>
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function press(host) {
    const inner = host.shadowRoot && host.shadowRoot.querySelector('[data-testid="page-button"]');
    for (let n = 0; n < 5; n++) {
      // A button busy saving ignores clicks: wait for it, as a script pressing it over and over would.
      while (inner && inner.disabled) await pause(50);
      if (inner) inner.click();
      const box = host.getBoundingClientRect();
      const x = box.left + box.width / 2, y = box.bottom - 24;
      const atPoint = document.elementFromPoint(x, y);
      if (atPoint) {
        atPoint.click();
        atPoint.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
      }
      host.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await pause(50);
    }
    while (inner && inner.disabled) await pause(50);
    document.documentElement.dataset.pagePressed = inner ? 'through-the-root' : 'from-outside';
  }
  new MutationObserver((_, observer) => {
    const host = document.querySelector('disputekit-page-button');
    if (!host) return;
    observer.disconnect();
    setTimeout(() => press(host), 0);
  }).observe(document.documentElement, { childList: true, subtree: true });
</script>`;
const withScript = (html) => html.replace('</body>', `${CLICKING_SCRIPT}</body>`);
/** The order page as an attacker would show it at another order's address: the text still names ORDER_ID. */
const hostilePage = () =>
  withScript(fixture('aliexpress/order-detail.html').replace('Sunrise Gadgets Store', 'Attacker Store').replace('Awaiting delivery', 'Completed').replaceAll('US $36.80', 'US $1.00'));

/**
 * Automation cannot open a real context menu. Chrome's event objects have `dispatch`, which runs the
 * listeners the background registered on `contextMenus.onClicked` exactly as a click would (with the
 * OnClickData and tab a click gives), so nothing test-only has to be built into the extension. What this
 * does not prove is Chrome drawing the item; the menu items themselves are checked with
 * `contextMenus.update` below, which fails for an id that was never created.
 */
async function clickMenuItem(ext, tabId, info) {
  await ext.sw.evaluate(
    async ({ tabId, info }) => {
      const tab = await chrome.tabs.get(tabId);
      chrome.contextMenus.onClicked.dispatch({ editable: false, pageUrl: tab.url, ...info }, tab);
    },
    { tabId, info },
  );
}

/** The handler reports every result with a notification: wait for the next one. */
async function nextNotification(ext, before) {
  const ids = await waitUntil(() => notificationIds(ext), (all) => all.some((id) => !before.includes(id)), { what: 'a new notification' });
  return { id: ids.find((id) => !before.includes(id)), ids };
}

const notificationIds = async (ext) => Object.keys(await ext.sw.evaluate(() => chrome.notifications.getAll()));

describe('one action from anywhere', () => {
  let ext;
  let extensionPage;
  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER_ID}`, fixture('aliexpress/order-detail.html'));
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER_ID}&script=clicks`, withScript(fixture('aliexpress/order-detail.html')));
    await serve(ext.context, `**/p/order/detail.html?orderId=${ORDER_ID}&lang=*`, fixture('aliexpress/order-detail.html'));
    await serve(ext.context, `**/p/order/detail.html?orderId=${OTHER_ORDER}`, hostilePage());
    await serve(ext.context, 'https://track.example/**', '<!doctype html><title>Parcel LP00123456789</title><h1>In transit</h1><p>Arrived at sorting centre.</p>');
    await serve(ext.context, `${CHAT_URL}*`, `<!doctype html><title>Messages</title><div id="chat"><p>${CHAT_LINES[0]}</p><p>${CHAT_LINES[1]}</p></div>`);
    extensionPage = await ext.context.newPage();
    await extensionPage.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  });
  after(async () => ext?.close());

  it('creates both context-menu items', async () => {
    // Once the worker has built them (on install, and again if settings change meanwhile).
    const menus = () =>
      ext.sw.evaluate(async () => {
        const update = (id) => new Promise((resolve) => chrome.contextMenus.update(id, {}, () => resolve(!chrome.runtime.lastError)));
        return { page: await update('disputekit-save-page'), selection: await update('disputekit-save-selection'), bogus: await update('no-such-item') };
      });
    const updated = await waitUntil(menus, (m) => m.page && m.selection, { what: 'both menu items' });
    assert.deepEqual(updated, { page: true, selection: true, bogus: false });
  });

  it('a page item click with no current case saves nothing and says to open the order first', async () => {
    const { tabId } = await openTab(ext, TRACKING_URL);
    const before = await notificationIds(ext);
    await clickMenuItem(ext, tabId, { menuItemId: 'disputekit-save-page' });
    const { id } = await nextNotification(ext, before);
    assert.match(id, /.+/);
    const { cases, evidence } = await readDatabase(extensionPage);
    assert.deepEqual([cases.length, evidence.length], [0, 0]);
  });

  it('the in-page button saves the order and the page’s HTML, then says how to add the screenshot', async () => {
    const { page } = await openTab(ext, ORDER_URL);
    // A real mouse click where the button is: its root is closed, to Playwright's locators as to the page.
    await clickPageButton(page);
    await expectPageButtonMessage(page, SAVED_MESSAGE);
    assert.equal(await pageButtonRootType(page), 'closed');
    assert.equal(await page.evaluate(() => document.querySelector('disputekit-page-button').shadowRoot), null, 'the page cannot open the root');
    // The page's own styles, even !important ones on the host, neither reach into the root nor hide the button.
    await page.addStyleTag({ content: 'button, p { display: none !important; } disputekit-page-button { opacity: 0 !important; display: none !important; }' });
    await page.evaluate(() => document.querySelector('disputekit-page-button').style.setProperty('visibility', 'hidden', 'important'));
    const button = await pageButtonPart(page, 'page-button');
    assert.ok(button.width > 0 && button.height > 0, 'the button still has its box');
    assert.deepEqual(
      await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('disputekit-page-button'));
        return [style.opacity, style.display, style.visibility];
      }),
      ['1', 'block', 'visible'],
    );
    // While a full-page capture scrolls the page, the content script hides it (an attribute the root's own rule obeys).
    const displayWhileCapturing = await page.evaluate(() => {
      const host = document.querySelector('disputekit-page-button');
      host.setAttribute('data-hidden-for-capture', '');
      const hidden = getComputedStyle(host).display;
      host.removeAttribute('data-hidden-for-capture');
      return [hidden, getComputedStyle(host).display];
    });
    assert.deepEqual(displayWhileCapturing, ['none', 'block']);

    const { cases, evidence, events } = await readDatabase(extensionPage);
    assert.deepEqual(cases.map((c) => [c.id, c.order.store.name]), [[ORDER_CASE, 'Sunrise Gadgets Store']]);
    assert.deepEqual(evidence.map((e) => e.kind), ['page-html']);
    const [html] = evidence;
    assert.equal(html.caseId, ORDER_CASE);
    assert.equal(html.sha256, html.actualSha256);
    assert.equal(html.page.url, ORDER_URL);
    assert.ok(html.blobSize > 1000, 'the whole page, not a stub');
    assert.deepEqual(events.map((e) => e.type), ['case-opened', 'evidence-captured']);
    const current = await ext.sw.evaluate(() => chrome.storage.local.get('currentCase'));
    assert.equal(current.currentCase.caseId, ORDER_CASE, 'the order became the current case');
  });

  it('the in-page button speaks the language chosen in Settings: the background sends it those strings only', async () => {
    const setLanguage = (language) => ext.sw.evaluate(async (language) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, language } });
    }, language);
    try {
      for (const [language, label] of [['ru', 'Сохранить заказ в DisputeKit'], ['zh_CN', '保存订单到 DisputeKit']]) {
        await setLanguage(language);
        const { page } = await openTab(ext, `${ORDER_URL}&lang=${language}`);
        const button = await waitUntil(() => pageButtonPart(page, 'page-button'), (part) => part?.text === label, { what: `the button in ${language}` });
        assert.equal(button.text, label);
        await page.close();
      }
    } finally {
      await setLanguage('auto');
    }
  });

  it('a page whose own script presses the in-page button five times saves nothing (only the user’s click saves)', async () => {
    const before = await readDatabase(extensionPage);
    const url = `${ORDER_URL}&script=clicks`;
    const { page } = await openTab(ext, url);
    const pressed = await waitUntil(() => page.evaluate(() => document.documentElement.dataset.pagePressed), (v) => Boolean(v), { what: 'the page’s script to have pressed the button' });
    // Then the user clicks once: when its answer shows, any save the script's presses started is done too.
    await clickPageButton(page);
    await expectPageButtonMessage(page, SAVED_MESSAGE);
    const after = await readDatabase(extensionPage);
    const fromThisPage = after.evidence.filter((e) => e.page?.url === url);
    assert.equal(fromThisPage.length, 1, 'one copy of the page: the user’s click');
    assert.equal(after.evidence.length, before.evidence.length + 1);
    assert.deepEqual(after.readings.filter((r) => r.url === url).map((r) => [r.caseId, r.source]), [[ORDER_CASE, 'page-button']]);
    assert.equal(pressed, 'from-outside', 'the page found no way into the button’s root');
  });

  it('a page whose text names another order than its address saves nothing into that order’s case, and says so', async () => {
    const before = await readDatabase(extensionPage);
    const caseBefore = before.cases.find((c) => c.id === ORDER_CASE);
    const { page } = await openTab(ext, OTHER_URL);
    await waitUntil(() => page.evaluate(() => document.documentElement.dataset.pagePressed), (v) => Boolean(v), { what: 'the page’s script to have pressed the button' });
    await clickPageButton(page);
    await expectPageButtonMessage(
      page,
      `The order number this page shows is not the one in its address, so nothing was saved. Open the order from your order list and try again. Details: ${ORDER_ID} ≠ ${OTHER_ORDER}`,
    );
    const after = await readDatabase(extensionPage);
    assert.deepEqual(after.cases.find((c) => c.id === ORDER_CASE), caseBefore, 'the case’s store, total and status are as they were');
    assert.equal(after.cases.find((c) => c.id === `aliexpress:${OTHER_ORDER}`), undefined);
    assert.equal(after.evidence.length, before.evidence.length);
    assert.equal(after.readings.length, before.readings.length);
  });

  it('the selection item saves the selected text as a chat quote into the current case', async () => {
    const { page, tabId } = await openTab(ext, CHAT_URL);
    await page.locator('#chat').selectText();
    const before = await notificationIds(ext);
    // What Chrome's OnClickData carries: the selection with its line breaks collapsed to spaces.
    await clickMenuItem(ext, tabId, { menuItemId: 'disputekit-save-selection', selectionText: CHAT_LINES.join(' ') });
    await nextNotification(ext, before);
    const { evidence } = await readDatabase(extensionPage);
    const quote = evidence.find((e) => e.kind === 'selection');
    assert.ok(quote, 'a selection item was saved');
    assert.deepEqual(
      { caseId: quote.caseId, label: quote.label, mime: quote.mime, url: quote.page.url, title: quote.page.title, type: quote.blobType },
      { caseId: ORDER_CASE, label: 'chat', mime: 'text/plain', url: CHAT_URL, title: 'Messages', type: 'text/plain;charset=utf-8' },
    );
    assert.equal(quote.sha256, quote.actualSha256);
    // The stored text is the page's selection, lines kept (the content script's), not the collapsed one.
    const text = await extensionPage.evaluate(async (id) => {
      const db = await new Promise((res) => (indexedDB.open('disputekit').onsuccess = (e) => res(e.target.result)));
      const item = await new Promise((res) => (db.transaction('evidence').objectStore('evidence').get(id).onsuccess = (e) => res(e.target.result)));
      db.close();
      return item.blob.text();
    }, quote.id);
    assert.match(text, new RegExp(`^${CHAT_LINES[0].replace(/\./g, '\\.')}\\n+${CHAT_LINES[1].replace(/\./g, '\\.')}$`));
    assert.equal(quote.blobSize, Buffer.byteLength(text));
  });

  it('the page item on a tracking page saves its screenshot into the current case', async () => {
    const { tabId } = await openTab(ext, TRACKING_URL);
    const before = await notificationIds(ext);
    await clickMenuItem(ext, tabId, { menuItemId: 'disputekit-save-page' });
    await nextNotification(ext, before);
    const { evidence } = await readDatabase(extensionPage);
    const shots = evidence.filter((e) => e.page?.url === TRACKING_URL);
    assert.ok(shots.length >= 1, 'something from the tracking page was saved');
    for (const shot of shots) {
      assert.equal(shot.caseId, ORDER_CASE);
      assert.equal(shot.sha256, shot.actualSha256);
    }
    assert.ok(shots.some((s) => s.kind.endsWith('-screenshot') && s.head[0] === 0x89), 'a PNG screenshot of the tracking page');
  });

  it('the popup on a page that is not an order page adds it to the case picked (the current case by default)', async () => {
    const { tabId } = await openTab(ext, TRACKING_URL);
    const popup = await openPopup(ext, tabId);
    const select = popup.getByTestId('add-page-case');
    await expectValue(select, ORDER_CASE);
    await expectText(select.locator('option:checked'), `AliExpress order ${ORDER_ID}`);
    const idsBefore = new Set((await readDatabase(popup)).evidence.map((e) => e.id));
    await popup.getByTestId('add-page-capture').click();
    await popup.getByTestId('add-page-notice').waitFor();
    await expectText(popup.getByTestId('add-page-notice'), new RegExp(`^Saved to AliExpress order ${ORDER_ID}: \\d+ files?\\.$`));
    const added = (await readDatabase(popup)).evidence.filter((e) => !idsBefore.has(e.id));
    assert.ok(added.length > 0);
    assert.deepEqual(new Set(added.map((e) => `${e.caseId} ${e.page.url}`)), new Set([`${ORDER_CASE} ${TRACKING_URL}`]));
    await popup.close();
  });
});

describe('the production build', () => {
  it('declares the keyboard command and the context-menu and notification permissions, without <all_urls>', () => {
    const path = join(PRODUCTION_BUILD, 'manifest.json');
    assert.ok(existsSync(path), `no production build at ${PRODUCTION_BUILD}: run \`npm run build\` first`);
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    assert.ok(manifest.permissions.includes('contextMenus'));
    assert.ok(manifest.permissions.includes('notifications'));
    assert.deepEqual(manifest.commands['capture-page'], {
      suggested_key: { default: 'Alt+Shift+E', mac: 'MacCtrl+Shift+E' },
      description: '__MSG_commandCapturePage__',
    });
    assert.ok(!manifest.host_permissions.includes('<all_urls>'));
  });

  it('asks for https marketplace hosts only, and injects its content scripts on https only (the test build too)', () => {
    for (const build of [PRODUCTION_BUILD, TEST_BUILD]) {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
      const hosts = manifest.host_permissions.filter((p) => p !== '<all_urls>');
      assert.ok(hosts.length > 0);
      for (const pattern of [...hosts, ...manifest.content_scripts.flatMap((c) => c.matches)]) assert.match(pattern, /^https:\/\//, `${build}: ${pattern}`);
      // <all_urls> only in the test build, which automation needs instead of activeTab.
      assert.equal(manifest.host_permissions.includes('<all_urls>'), build === TEST_BUILD);
    }
  });
});

// "Capture this chat" (issue 14): a marketplace chat page whose conversation scrolls inside a box of its own,
// 200 messages over four days. Captured from the popup into an open case in Chromium: the image is the box's
// whole content (its scrollHeight × the pixel ratio), the transcript has one line per message with its time,
// the case's contact log gains the messages once (a second capture adds none), and the page is put back.
// A chat that loads older messages as it is scrolled up is scrolled until it stops growing, or to the cap, and
// the capture's record says which.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectText, fixture, launchExtension, openPopup, openTab, readDatabase, serve, waitUntil } from './harness.mjs';
import { seedCases } from './seed.mjs';

const ORDER = '8190246813579135';
const CASE_ID = `aliexpress:${ORDER}`;
const CHAT = 'https://msg.aliexpress.com/buyerMsgListNew.htm?sellerId=912345';
const FIRST = [0, 170, 80];
const LAST = [120, 0, 200];
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

/** The chat image (its size, column x=40 row by row), the transcript's text and the capture's record. */
function readCapture(extensionPage, captureIds) {
  return extensionPage.evaluate(async (known) => {
    const db = await new Promise((res, rej) => {
      const open = indexedDB.open('disputekit');
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const items = await new Promise((res) => {
      const request = db.transaction('evidence').objectStore('evidence').getAll();
      request.onsuccess = () => res(request.result);
    });
    db.close();
    const fresh = items.filter((e) => !known.includes(e.captureId));
    const shot = fresh.find((e) => e.kind === 'fullpage-screenshot');
    const transcript = fresh.find((e) => e.kind === 'chat-transcript');
    const bitmap = await createImageBitmap(shot.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const column = context.getImageData(40, 0, 1, bitmap.height).data;
    const rows = [];
    for (let y = 0; y < bitmap.height; y++) rows.push([column[y * 4], column[y * 4 + 1], column[y * 4 + 2]]);
    return {
      captureId: shot.captureId,
      width: bitmap.width,
      height: bitmap.height,
      rows,
      label: shot.label,
      image: shot.image,
      record: shot.captureRecord,
      transcript: await transcript.blob.text(),
      transcriptType: transcript.mime,
      transcriptLabel: transcript.label,
    };
  }, captureIds);
}

/** The conversation box as the page has it now. */
function box(page) {
  return page.evaluate(() => {
    const el = document.getElementById('messages');
    return { scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, clientWidth: el.clientWidth, scrollTop: el.scrollTop, style: el.getAttribute('style'), dpr: window.devicePixelRatio, loads: window.chatLoads };
  });
}

async function captureChat(ext, url) {
  const { page, tabId } = await openTab(ext, url);
  const popup = await openPopup(ext, tabId);
  await popup.getByTestId('capture-chat').click();
  await popup.getByTestId('add-page-notice').waitFor({ timeout: 60_000 });
  return { page, popup };
}

for (const deviceScaleFactor of [1, 2]) describe(`capture of a chat that scrolls inside the page (pixel ratio ${deviceScaleFactor})`, () => {
  let ext;
  before(async () => {
    ext = await launchExtension({ deviceScaleFactor, timeZone: 'Europe/Moscow' });
    await serve(ext.context, `${CHAT}*`, fixture('aliexpress/message-centre-chat.html'));
    await serve(ext.context, 'https://msg.aliexpress.com/empty.htm', '<!DOCTYPE html><title>Messages</title><p>You have no messages yet.</p>');
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await dashboard.locator('[data-testid="dashboard-empty"], [data-testid="dashboard-table"]').first().waitFor();
    await seedCases(dashboard, [{ platform: 'aliexpress', orderId: ORDER, store: 'Shop 912345 Store', title: 'Phone case', state: 'open' }]);
    await dashboard.close();
  });
  after(async () => ext?.close());

  it('saves the box as one image as tall as its content, a 200-line transcript, and the messages in the contact log', async () => {
    const { page, popup } = await captureChat(ext, CHAT);
    await expectText(
      popup.getByTestId('add-page-notice'),
      `Saved to AliExpress order ${ORDER}: 4 files. 200 messages in the transcript. 200 new messages added to the case’s contact log.`,
    );

    const shown = await box(page);
    assert.equal(shown.dpr, deviceScaleFactor);
    assert.equal(shown.scrollTop, shown.scrollHeight - shown.clientHeight, 'the chat is back at its newest message');
    assert.equal(shown.style, null, 'the box has no style left over');

    const db = await readDatabase(popup);
    const fresh = db.evidence.filter((e) => e.caseId === CASE_ID && e.browser !== 'seed');
    assert.deepEqual(fresh.map((e) => e.kind).sort(), ['chat-transcript', 'fullpage-screenshot', 'page-html', 'page-mhtml']);
    for (const item of fresh) assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);

    const shot = await readCapture(popup, []);
    assert.equal(shot.height, Math.round(shown.scrollHeight * deviceScaleFactor), 'the image is exactly as tall as the box’s content');
    assert.equal(shot.width, Math.round(shown.clientWidth * deviceScaleFactor), 'and as wide as the box');
    assert.deepEqual(shot.image, { width: shot.width, height: shot.height });
    assert.equal(shot.label, 'chat');
    // The box's first and last rows (its own markers) open and close the image: no page header, no seams cut off.
    assert.ok(near(shot.rows[2], FIRST), `top row ${shot.rows[2]} is the first marker`);
    assert.ok(near(shot.rows[shot.height - 3], LAST), `bottom row ${shot.rows[shot.height - 3]} is the last marker`);
    assert.equal(shot.record.chat.found, 'largest', 'the conversation, not the list of conversations beside it');
    assert.deepEqual(shot.record.chat.older, { loads: 0, stoppedBy: 'settled', heightBefore: shown.scrollHeight });
    assert.equal(shot.record.chat.messages, 200);

    const lines = shot.transcript.trimEnd().split('\n');
    assert.equal(shot.transcriptType, 'text/plain');
    assert.equal(lines.length, 200);
    for (const line of lines) assert.match(line, /^\[2026-11-2[4-7] (09|1[0-4]):[0-5]\d\] (Me|Shop 912345 Store): #\d+ /);
    assert.equal(lines[0], '[2026-11-24 09:00] Me: #1 Hello, my parcel has not arrived yet. The tracking has not moved for two weeks.');
    assert.equal(lines[1], '[2026-11-24 09:07] Shop 912345 Store: #2 您好，我的包裹还没有到，物流信息两个星期没有更新了。');
    assert.equal(lines[199], '[2026-11-27 14:43] Shop 912345 Store: #200 We will check with the carrier and reply tomorrow.');
    assert.equal(lines[5], '[2026-11-24 09:35] Me: #6 Can you give me a new tracking number, or a refund? I have waited since the order was shipped and the buyer protection is ending soon, so I need an answer before it ends.');

    const contacts = db.contacts.filter((c) => c.caseId === CASE_ID).sort((a, b) => a.at.localeCompare(b.at));
    assert.equal(contacts.length, 200);
    assert.ok(contacts.every((c) => c.channel === 'seller-chat'));
    // Moscow is UTC+3: 09:00 there is 06:00 UTC.
    assert.deepEqual(
      { at: contacts[0].at, direction: contacts[0].direction, summary: contacts[0].summary },
      { at: '2026-11-24T06:00:00.000Z', direction: 'sent', summary: '#1 Hello, my parcel has not arrived yet. The tracking has not moved for two weeks.' },
    );
    assert.deepEqual({ at: contacts[1].at, direction: contacts[1].direction }, { at: '2026-11-24T06:07:00.000Z', direction: 'received' });
    assert.equal(contacts[1].summary, 'Shop 912345 Store: #2 您好，我的包裹还没有到，物流信息两个星期没有更新了。');
    assert.equal(contacts.filter((c) => c.direction === 'received').length, 67);
    await popup.close();

    // The same chat again: a second image and transcript, no message logged twice.
    const again = await captureChat(ext, CHAT);
    await expectText(again.popup.getByTestId('add-page-notice'), `Saved to AliExpress order ${ORDER}: 4 files. 200 messages in the transcript.`);
    const after = await readDatabase(again.popup);
    assert.equal(after.contacts.filter((c) => c.caseId === CASE_ID).length, 200);
    await again.popup.close();
    await again.page.close();
    await page.close();
  });

  it('keeps the right-click’s element where the chat script, injected later, finds it (the context menu’s box)', async () => {
    const { page, tabId } = await openTab(ext, CHAT);
    await page.locator('.conversations li').nth(2).click({ button: 'right' });
    await page.keyboard.press('Escape');
    const seen = await ext.sw.evaluate(
      async (tabId) =>
        (
          await chrome.scripting.executeScript({
            target: { tabId },
            func: () => {
              const target = window.__disputekitContextTarget;
              return target ? target.textContent : null;
            },
          })
        )[0].result,
      tabId,
    );
    assert.equal(seen, 'Gadget Shop', 'the content script’s note of the right-click is in the world the chat script runs in');
    const fromPage = await page.evaluate(() => window.__disputekitContextTarget ?? null);
    assert.equal(fromPage, null, 'and the page cannot see it');
    await page.close();
  });

  // Once is enough: the pixel ratio changes nothing in how the box is chosen.
  (deviceScaleFactor === 1 ? it : it.skip)('from the context menu, captures the box under the right-click, into the current case, and says so in a notification', async () => {
    const { page, tabId } = await openTab(ext, CHAT);
    await ext.sw.evaluate((caseId) => chrome.storage.local.set({ currentCase: { caseId, at: new Date().toISOString() } }), CASE_ID);
    const before = Object.keys(await ext.sw.evaluate(() => chrome.notifications.getAll()));
    await page.locator('.conversations li').nth(4).click({ button: 'right' });
    await page.keyboard.press('Escape');
    // Automation cannot open a real context menu: dispatch runs the background's listener as a click would
    // (tests/e2e/actions.test.mjs clickMenuItem).
    await ext.sw.evaluate(async (tabId) => {
      const tab = await chrome.tabs.get(tabId);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'disputekit-capture-chat', editable: false, pageUrl: tab.url }, tab);
    }, tabId);
    // The result comes as a notification (its text is checked in the unit tests: lib/capture/menu-and-shortcut).
    await waitUntil(async () => Object.keys(await ext.sw.evaluate(() => chrome.notifications.getAll())).filter((n) => !before.includes(n)).length, 1, {
      what: 'one new notification',
      timeout: 60_000,
    });
    const extensionPage = await ext.context.newPage();
    await extensionPage.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    const db = await readDatabase(extensionPage);
    const latest = db.evidence.filter((e) => e.kind === 'fullpage-screenshot').sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0];
    const list = await page.evaluate(() => ({ width: document.querySelector('.conversations').clientWidth, height: document.querySelector('.conversations').scrollHeight }));
    assert.equal(latest.captureRecord.chat.found, 'pointer');
    assert.deepEqual(latest.image, { width: list.width, height: list.height }, 'the list of conversations, the box right-clicked, not the larger chat');
    const transcript = db.evidence.find((e) => e.kind === 'chat-transcript' && e.captureId === latest.captureId);
    assert.ok(transcript);
    await extensionPage.close();
    await page.close();
  });

  it('says so in plain words when the page has no scrolling chat, and saves nothing', async () => {
    const { page, tabId } = await openTab(ext, 'https://msg.aliexpress.com/empty.htm');
    const popup = await openPopup(ext, tabId);
    const before = await readDatabase(popup);
    await popup.getByTestId('capture-chat').click();
    await popup.getByRole('alert').waitFor({ timeout: 30_000 });
    await expectText(popup.getByRole('alert'), /^No scrolling conversation was found on this page, so nothing was saved\./);
    const now = await readDatabase(popup);
    assert.equal(now.evidence.length, before.evidence.length);
    assert.equal(now.contacts.length, before.contacts.length);
    await popup.close();
    await page.close();
  });
});

describe('capture of a chat that loads older messages as it is scrolled up', () => {
  let ext;
  before(async () => {
    ext = await launchExtension({ timeZone: 'Asia/Shanghai' });
    await serve(ext.context, `${CHAT}*`, fixture('aliexpress/message-centre-chat.html'));
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await dashboard.locator('[data-testid="dashboard-empty"], [data-testid="dashboard-table"]').first().waitFor();
    await seedCases(dashboard, [{ platform: 'aliexpress', orderId: ORDER, store: 'Shop 912345 Store', title: 'Phone case', state: 'open' }]);
    await dashboard.close();
  });
  after(async () => ext?.close());

  it('scrolls up until the history stops growing, takes all of it, and the record says how it loaded', async () => {
    const { page, popup } = await captureChat(ext, `${CHAT}&older=40`);
    await expectText(popup.getByTestId('add-page-notice'), /4 files\. 200 messages in the transcript\. 200 new messages added/);
    const shown = await box(page);
    assert.equal(shown.loads, 4, 'the page loaded its history four times (40 → 200 messages)');
    const shot = await readCapture(popup, []);
    assert.equal(shot.height, shown.scrollHeight, 'the image holds the whole history');
    assert.equal(shot.record.chat.older.loads, 4);
    assert.equal(shot.record.chat.older.stoppedBy, 'settled');
    assert.ok(shot.record.chat.older.heightBefore < shown.scrollHeight / 3, 'it started from the 40 newest');
    assert.equal(shot.record.before.height, shown.scrollHeight);
    assert.equal(shot.transcript.trimEnd().split('\n').length, 200);
    // Shanghai is UTC+8: 09:00 on the 24th there is 01:00 UTC.
    const first = (await readDatabase(popup)).contacts.sort((a, b) => a.at.localeCompare(b.at))[0];
    assert.equal(first.at, '2026-11-24T01:00:00.000Z');
    assert.equal(shown.scrollTop, shown.scrollHeight - shown.clientHeight, 'back at the newest message');
    await popup.close();
    await page.close();
  });

  it('stops at the cap for a history that never ends, says so, and the page loads nothing more while the screens are taken', async () => {
    const { page, popup } = await captureChat(ext, `${CHAT}&older=40&endless=1`);
    await expectText(popup.getByTestId('add-page-notice'), /The chat kept loading older messages, and scrolling up stopped at DisputeKit’s limit/);
    const shown = await box(page);
    const db = await readDatabase(popup);
    const known = db.evidence.filter((e) => !e.page?.url.includes('endless')).map((e) => e.captureId);
    const shot = await readCapture(popup, known);
    assert.equal(shot.record.chat.older.stoppedBy, 'cap');
    assert.equal(shot.record.chat.older.loads, 20);
    assert.equal(shown.loads, 20, 'no load while the screens were taken: the page heard no scroll of its box');
    assert.deepEqual(shot.record.changes, []);
    assert.equal(shot.height, shown.scrollHeight);
    // 200 messages and 16 loads of 3 older notes (without a time they are transcript lines, not contacts).
    assert.equal(shot.transcript.trimEnd().split('\n').length, 200 + 16 * 3);
    await popup.close();
    await page.close();
  });
});

// In Firefox ESR: "Capture this chat" on a chat that scrolls inside a box of its own (200 messages). Firefox's
// MV2 build injects the chat script with tabs.executeScript (Chrome's MV3 with scripting.executeScript), so this
// is its own path: the image is the box's whole content, the transcript has a line per message, the contact
// log gains them, and the chat is put back at its newest message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { click, expectText, fixture, launchFirefox, readDatabase, testId } from './harness.mjs';
import { seedCases } from '../e2e/seed.mjs';

const ORDER = '8190246813579135';
const CASE_ID = `aliexpress:${ORDER}`;
const CHAT = 'https://msg.aliexpress.com/buyerMsgListNew.htm?sellerId=912345';

describe('Firefox: capture of a chat that scrolls inside the page', () => {
  let ext;
  before(async () => {
    ext = await launchFirefox();
    ext.serve((url) => url.startsWith(CHAT), fixture('aliexpress/message-centre-chat.html'));
    const page = await ext.openExtensionPage('dashboard.html');
    await page.waitForSelector(`${testId('dashboard-empty')}, ${testId('dashboard-table')}`);
    await seedCases(page, [{ platform: 'aliexpress', orderId: ORDER, store: 'Shop 912345 Store', title: 'Phone case', state: 'open' }]);
    await page.close();
  });
  after(async () => ext?.close());

  it('saves the box as one image as tall as its content, a 200-line transcript and the messages in the contact log', async () => {
    const { page, tabId } = await ext.openTab(CHAT);
    const popup = await ext.openPopup(tabId);
    await click(popup, testId('capture-chat'));
    // Firefox has no MHTML: the image, the transcript and the page's HTML.
    await expectText(
      popup,
      testId('add-page-notice'),
      `Saved to AliExpress order ${ORDER}: 3 files. 200 messages in the transcript. 200 new messages added to the case’s contact log.`,
      { timeout: 90_000 },
    );
    const shown = await page.evaluate(() => {
      const el = document.getElementById('messages');
      return { scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, clientWidth: el.clientWidth, scrollTop: el.scrollTop, style: el.getAttribute('style') };
    });
    assert.equal(shown.scrollTop, shown.scrollHeight - shown.clientHeight, 'the chat is back at its newest message');
    assert.equal(shown.style, null, 'the box has no style left over');

    const db = await readDatabase(popup);
    const fresh = db.evidence.filter((e) => e.caseId === CASE_ID && e.browser !== 'seed');
    assert.deepEqual(fresh.map((e) => e.kind).sort(), ['chat-transcript', 'fullpage-screenshot', 'page-html']);
    for (const item of fresh) assert.equal(item.sha256, item.actualSha256, `${item.kind}: the stored SHA-256 is the blob's`);
    const shot = fresh.find((e) => e.kind === 'fullpage-screenshot');
    assert.deepEqual(shot.image, { width: shown.clientWidth, height: shown.scrollHeight }, 'the image is the box’s whole content');
    assert.equal(shot.captureRecord.chat.messages, 200);

    const transcript = await popup.evaluate(async () => {
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
      return items.find((e) => e.kind === 'chat-transcript').blob.text();
    });
    const lines = transcript.trimEnd().split('\n');
    assert.equal(lines.length, 200);
    for (const line of lines) assert.match(line, /^\[2026-11-2[4-7] \d\d:[0-5]\d\] (Me|Shop 912345 Store): #\d+ /);
    assert.equal(db.contacts.filter((c) => c.caseId === CASE_ID).length, 200);
    assert.deepEqual(ext.refused, [], 'nothing went to the network');
    await popup.close();
  });
});

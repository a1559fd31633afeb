// Issue 6, letters: on the case page of a captured Yandex Market order, compose a претензия in Russian and a
// 12315 complaint in Chinese, edit them, save them, and find each stored as evidence with the SHA-256 of the
// edited text and in the custody log, in real Chromium with the built extension (UI in English).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectValue, fixture, launchExtension, openPopup, openTab, readDatabase, serve } from './harness.mjs';

const ORDER = '512034876';
const CASE_ID = `yandex-market:${ORDER}`;
const orderUrl = `https://market.yandex.ru/my/order/${ORDER}`;
const sha256 = (text) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('letters on the case page', () => {
  let ext;
  let casePage;
  let captured;

  before(async () => {
    ext = await launchExtension();
    await serve(ext.context, orderUrl, fixture('yandex-market/order-detail.html'));
    const { tabId } = await openTab(ext, orderUrl);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByText(/^Saved: \d+ files\.$/).waitFor();
    captured = (await readDatabase(popup)).evidence.filter((e) => e.caseId === CASE_ID);
    assert.ok(captured.length >= 2, 'the order page was captured');
    await popup.close();
    casePage = await ext.context.newPage();
    await casePage.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(CASE_ID)}`);
    await casePage.getByTestId('letter-editor').waitFor();
  });
  after(async () => ext?.close());

  /** Saves what the editor shows and returns the stored item, the text it should hold and the database. */
  async function saveAndFind(kindCountBefore) {
    const text = `${await casePage.getByTestId('letter-subject').inputValue()}\n\n${await casePage.getByTestId('letter-body').inputValue()}`;
    await casePage.getByTestId('letter-save').click();
    await casePage.getByText('Letter saved to the case as evidence.').waitFor();
    await casePage.waitForFunction((n) => document.querySelectorAll('[data-testid="evidence-item"][data-kind="letter"]').length === n, kindCountBefore + 1);
    const database = await readDatabase(casePage);
    const item = database.evidence.find((e) => e.kind === 'letter' && e.sha256 === sha256(text));
    return { item, text, database };
  }

  it('composes a претензия in Russian from the case, saves the edited text as evidence with its SHA-256 and a custody entry', async () => {
    await casePage.getByTestId('letter-route').selectOption('ru-claim');
    assert.equal(await casePage.getByTestId('letter-language').inputValue(), 'ru', 'a претензия starts in Russian whatever the UI language');
    await casePage.getByTestId('letter-problem').selectOption('not-as-described');
    await casePage.getByTestId('letter-details').fill('Цвет наушников серый, а не чёрный, как в карточке.');
    const body = plain(await casePage.getByTestId('letter-body').inputValue());
    for (const part of ['Кому: ООО «Северный ветер»', 'ПРЕТЕНЗИЯ', `заказу № ${ORDER}`, 'Наушники беспроводные Vostok Air 3, чёрные', 'ст. 18', 'ст. 22', 'Приложения:', 'Подпись:', 'Цвет наушников серый']) {
      assert.ok(body.includes(part), `the претензия has "${part}"`);
    }
    assert.match(body, /Оплаченная сумма: 5 468,00 ₽/);
    assert.match(body, /не позднее \d{1,2} [а-я]+ \d{4} г\./);
    // Every captured item is listed with its short SHA-256.
    for (const item of captured) assert.ok(body.includes(`${item.sha256.slice(0, 8)}…${item.sha256.slice(-8)}`));

    const edited = (await casePage.getByTestId('letter-body').inputValue()).replaceAll('[ваши фамилия, имя, отчество]', 'Иванова Анна Сергеевна');
    await casePage.getByTestId('letter-body').fill(edited);
    const { item, text, database } = await saveAndFind(0);
    assert.ok(item, 'a letter with the SHA-256 of the edited text is stored');
    assert.ok(text.includes('От кого: Иванова Анна Сергеевна'));
    assert.equal(item.caseId, CASE_ID);
    assert.equal(item.actualSha256, item.sha256, 'the stored bytes are the text that was hashed');
    assert.equal(item.bytes, Buffer.byteLength(text, 'utf8'));
    assert.equal(item.mime, 'text/plain');
    assert.match(item.fileName, /^Претензия продавцу \d{4}-\d\d-\d\d\.txt$/);
    assert.equal(item.page, undefined);
    const entry = database.custody.find((e) => e.evidenceId === item.id);
    assert.deepEqual({ action: entry?.action, sha256: entry?.sha256, caseId: entry?.caseId }, { action: 'added', sha256: item.sha256, caseId: CASE_ID });
    const listed = casePage.locator('[data-testid="evidence-item"][data-kind="letter"]');
    assert.equal(await listed.getByTestId('evidence-sha256').getAttribute('data-full'), item.sha256);
  });

  it('composes a 12315 complaint in Chinese and saves the edited text too', async () => {
    await casePage.getByTestId('letter-route').selectOption('cn-12315');
    // The претензия was edited: the edit stays until the user asks for the letter again.
    await casePage.getByTestId('letter-rewrite').click();
    await expectValue(casePage.getByTestId('letter-language'), 'zh_CN');
    await casePage.getByTestId('letter-problem').selectOption('counterfeit');
    const body = await casePage.getByTestId('letter-body').inputValue();
    for (const part of ['投诉人：', '被投诉人：ООО «Северный ветер»', `订单编号：${ORDER}`, '第五十五条', '证据清单', '七个工作日']) {
      assert.ok(body.includes(part), `the complaint has "${part}"`);
    }
    assert.match(body, /恳请贵局于\d{4}年\d{1,2}月\d{1,2}日前/);
    // The претензия saved a moment ago is now one of the complaint's attachments.
    const before = await readDatabase(casePage);
    const claim = before.evidence.find((e) => e.kind === 'letter');
    assert.ok(body.includes(`${claim.sha256.slice(0, 8)}…${claim.sha256.slice(-8)}`));

    await casePage.getByTestId('letter-body').fill(body.replaceAll('[您的姓名]', '张伟').replace('[所在市、区]', '上海市浦东新区'));
    const { item, text, database } = await saveAndFind(1);
    assert.ok(item, 'a letter with the SHA-256 of the edited text is stored');
    assert.ok(text.includes('投诉人：张伟') && text.includes('致：上海市浦东新区市场监督管理局'));
    assert.equal(item.actualSha256, item.sha256);
    assert.match(item.fileName, /^12315投诉（中国） \d{4}-\d\d-\d\d\.txt$/);
    const log = database.custody.filter((e) => e.caseId === CASE_ID).sort((a, b) => a.seq - b.seq);
    assert.deepEqual(log.slice(-2).map((e) => e.evidenceId), [claim.id, item.id], 'both letters are the last two custody entries, in order');
    assert.equal(database.evidence.filter((e) => e.kind === 'letter').length, 2);
  });
});

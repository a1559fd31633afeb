import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import { gatherCase } from '@/lib/dossier/gather';
import { buildManifest } from '@/lib/dossier/manifest';
import { renderReport } from '@/lib/dossier/report';
import type { Locale } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/common/model';
import { saveOrders } from '@/lib/cases/cases';
import { setUserEventDate } from '@/lib/cases/case-dates';
import { CASE_ID } from '../../support/case-fixture';
import { EXPORTED_AT, HOSTILE_NOTE, seedDossierCase } from '../../support/dossier-fixture';

const NAME = 'dossier-report-test';
let database: DisputeKitDB;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

async function report(locale: Locale, thumbnails = new Map<string, string>()) {
  const dossier = (await gatherCase(database, CASE_ID, EXPORTED_AT))!;
  const manifest = buildManifest({ ...dossier, exportedAt: EXPORTED_AT, extensionVersion: '0.1.0' });
  const html = renderReport({ dossier, manifest, locale, timeZone: 'Europe/Moscow', thumbnails });
  return { html, document: parseHTML(html).document, manifest, dossier };
}

const LOCALES: Locale[] = ['en', 'zh_CN', 'ru'];

describe('report.html', () => {
  it('escapes every string from pages and users: no element or attribute they wrote reaches the document', async () => {
    const { html, document } = await report('en');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('b, i')).toHaveLength(0);
    expect(document.querySelectorAll('img[onerror]')).toHaveLength(0);
    expect(html).toContain('Shop &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Awaiting &quot;delivery&quot;');
    expect(html).toContain('T-&lt;42&gt;');
    expect(html).toContain('Asked for a refund &lt;i&gt;now&lt;/i&gt;');
    expect(html).toContain('box &quot;crushed&quot;.jpg');
    // The note is a file of the dossier, not shown inline; its text never appears unescaped.
    expect(html).not.toContain(HOSTILE_NOTE);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it.each(LOCALES)('%s: every section, in the language, with no key names or placeholders left', async (locale) => {
    const { html, document, manifest } = await report(locale);
    expect(document.documentElement.getAttribute('lang')).toBe(locale === 'zh_CN' ? 'zh-CN' : locale);
    expect([...document.querySelectorAll('section')].map((s) => s.id)).toEqual(['order', 'deadlines', 'timeline', 'evidence', 'custody', 'verify']);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(text).not.toMatch(/\b(dossier\.(report|heading|export)|caseFacts\.|casePage\.|evidenceKind\.|evidenceLabel\.|checklist\.|ladder\.|platform\.)/);
    for (const file of manifest.files) {
      expect(text).toContain(file.sha256);
      expect(text).toContain(file.path);
    }
    expect(text).toContain(manifest.custody.headHash!);
    expect(html).toContain('npm run -s verify -- dossier.zip');
    const heading = document.querySelector('h1')!.textContent!;
    expect(heading).toContain('8190123456789012');
    expect(heading).toContain({ en: 'Dispute dossier', zh_CN: '争议证据档案', ru: 'Досье спора' }[locale]);
  });

  it('the timeline has the captures, the contact and the ticked step, in time order', async () => {
    const { document } = await report('en');
    const rows = [...document.querySelectorAll('#timeline tbody tr')].map((tr) => tr.querySelectorAll('td')[1].textContent);
    expect(rows).toEqual([
      'Step done: Document everything',
      'Case opened',
      'Evidence saved: 1 item (Page copy (HTML))',
      'Evidence saved: 2 items (File)',
      'Evidence saved: 1 item (Note)',
      'Contact: Seller chat · reference T-<42>Asked for a refund <i>now</i>',
      expect.stringMatching(/^Step done: /),
    ]);
    expect(rows.filter((r) => r!.startsWith('Step done: '))).toHaveLength(2);
  });

  // Issue 11 changes this: a passed deadline is stated neutrally ("Ended …"), never "Missed"; every deadline that
  // applies is listed (those the case cannot date too), each with its source, confidence and who set the date.
  it('deadlines: facts only, passed ones "Ended" with their day, each with its basis; nothing reads against the buyer', async () => {
    for (const locale of LOCALES) {
      const { document } = await report(locale);
      const text = document.querySelector('#deadlines')!.textContent!;
      expect(text).not.toMatch(/Missed|已错过|Пропущен|nothing was recorded|没有任何记录|ничего не записано/);
    }
    const { document, dossier } = await report('en');
    const rows = [...document.querySelectorAll('#deadlines tbody tr')];
    const byRule = (rule: string) => rows.find((r) => r.getAttribute('data-rule') === rule)!;
    // Every dated deadline, then the buyer's deadlines the case cannot date (card and PayPal windows need the payment date).
    expect(rows.filter((r) => r.getAttribute('class') !== 'undated')).toHaveLength(dossier.deadlines.length);
    expect(rows.filter((r) => r.getAttribute('class') === 'undated').map((r) => r.getAttribute('data-rule'))).toEqual(expect.arrayContaining(['AE-03', 'AE-04', 'CB-V131', 'PP-1']));
    const cells = (rule: string) => [...byRule(rule).querySelectorAll('td')].map((td) => td.textContent);
    // AE-05: 5 days from the delivered date the buyer entered (10 Nov, 10:00 UTC), an exact timer, shown in Moscow time.
    expect(cells('AE-05')).toEqual([
      'AE-05',
      'Protection ends 5 days after tracking shows delivered',
      'until Nov 15, 2026, 1:00 PM',
      'Ended Nov 15, 2026, 1:00 PM',
      'Source: AliExpress buyer protection: aliexpress.com/p/buyerprotection/index.htmlConfidence: medium (official but dated, or an official text quoted elsewhere)Counted from “Delivered”: Nov 10, 2026, 1:00 PM (entered by the buyer)',
    ]);
    expect(byRule('AE-05').getAttribute('class')).toBe('ended');
    // The follow-up after 48 hours without a reply opens a next move: it is reached, not ended.
    expect(cells('CT-NOREPLY')[3]).toBe('From Nov 24, 2026, 1:00 PM');
    expect(cells('PP-1')[3]).toBe('No date: counted from “Card or PayPal payment”, a date this case does not record');
    expect(cells('AE-04')[3]).toBe('No date: counted from “Shipped”, a date this case does not record');
  });

  it('deadlines: statutory ones listed from the page\'s days, met ones with the action recorded in time, in each language', async () => {
    const order: OrderFacts = { orderId: '512034876', items: [], sources: {}, placedAt: '2026-11-03T14:42:00+03:00', events: { placed: '2026-11-03T14:42:00+03:00', delivered: '2026-11-05' } };
    await saveOrders(database, 'yandex-market', [order], new Date('2026-11-06T10:00:00.000Z'));
    await setUserEventDate(database, 'yandex-market:512034876', 'claimSent', '2026-11-20T10:00:00+03:00', new Date('2026-11-20T07:00:00.000Z'));
    const dossier = (await gatherCase(database, 'yandex-market:512034876', EXPORTED_AT))!;
    const manifest = buildManifest({ ...dossier, exportedAt: EXPORTED_AT, extensionVersion: '0.1.0' });
    const html = (locale: Locale) => parseHTML(renderReport({ dossier, manifest, locale, timeZone: 'America/New_York', thumbnails: new Map() })).document;
    const en = html('en');
    const row = (rule: string, doc = en) => [...doc.querySelector(`#deadlines tr[data-rule="${rule}"]`)!.querySelectorAll('td')].map((td) => td.textContent);
    for (const rule of ['RU-261a', 'RU-261b', 'RU-19', 'RU-18', 'YM-02', 'RU-22', 'RU-23']) expect(row(rule)[0]).toBe(rule);
    // 7 days from the page's delivered day: until the end of 12 Nov in Moscow (named: the reader is in New York).
    expect(row('RU-261a').slice(2, 4)).toEqual(['until the end of Nov 12, 2026 (Moscow time)', 'Ended Nov 12, 2026']);
    expect(row('RU-261a')[4]).toContain('Counted from “Delivered”: Nov 5, 2026 (order page)');
    expect(row('RU-19').slice(2, 4)).toEqual(['until the end of Nov 6, 2028 (Moscow time)', '“Written claim sent” recorded on Nov 20, 2026, 2:00 AM, before the end']);
    expect(row('RU-22')[3]).toBe('Open when the dossier was exported');
    expect(row('YM-02')[4]).toContain('Typical value from guides, not a confirmed rule');
    expect(row('RU-23')[4]).toContain('Counted from the end of RU-22');
    expect(row('RU-23')[3]).toBe('Open when the dossier was exported');
    expect(row('RU-261a', html('ru')).slice(2, 4)).toEqual(['до конца дня 12 ноября 2026 г. (по московскому времени)', 'Истёк 12 ноября 2026 г.']);
    expect(row('RU-261a', html('zh_CN')).slice(2, 4)).toEqual(['截至2026年11月12日 24:00（莫斯科时间）', '已于2026年11月12日截止']);
  });

  it('shows thumbnails given as data: URLs, and no other image source', async () => {
    const dossier = (await gatherCase(database, CASE_ID, EXPORTED_AT))!;
    const photo = dossier.evidence.find((e) => e.mime === 'image/jpeg')!;
    const { document } = await report('en', new Map([[photo.id, 'data:image/jpeg;base64,AAAA']]));
    const images = [...document.querySelectorAll('img')];
    expect(images.map((i) => i.getAttribute('src'))).toEqual(['data:image/jpeg;base64,AAAA']);
    expect(images[0].closest('article')?.getAttribute('data-evidence-id')).toBe(photo.id);
  });

  it.each([
    ['ru', 'RUB', '5 468,00 ₽', '2 734,00 ₽'],
    ['zh_CN', 'CNY', '¥5,468.00', '¥2,734.00'],
    ['en', 'USD', 'US $5,468.00', 'US $2,734.00'],
  ] as const)('%s: money as the popup and the case page write it (%s)', async (locale, currency, total, price) => {
    const order = (await database.cases.get(CASE_ID))!.order;
    await database.cases.update(CASE_ID, { order: { ...order, total: { amount: 5468, currency }, items: [{ title: 'Lamp', quantity: 2, price: { amount: 2734, currency } }] } });
    const { document } = await report(locale);
    const text = (document.querySelector('#order')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(total);
    expect(text).toContain(price);
    expect(text).not.toContain(currency);
  });
});

describe('report.html: what the order page said', () => {
  it('lists the facts on which the readings of the order page differ, marks the case’s value, and the manifest keeps every reading', async () => {
    // Two list saves read different stores for the same order.
    const order = (await database.cases.get(CASE_ID))!.order;
    await saveOrders(database, 'aliexpress', [{ ...order, store: { name: 'First Store' } }], new Date('2026-11-21T10:00:00Z'));
    await saveOrders(database, 'aliexpress', [{ ...order, store: { name: 'Renamed Store' } }], new Date('2026-11-22T10:00:00Z'));
    for (const locale of LOCALES) {
      const { document, manifest } = await report(locale);
      const section = document.querySelector('#readings');
      expect(section, locale).not.toBeNull();
      expect(section!.textContent).toContain('Renamed Store');
      expect(section!.textContent).toContain('First Store');
      expect(manifest.readings!.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has no such section while every reading agrees', async () => {
    const { document } = await report('en');
    expect(document.querySelector('#readings')).toBeNull();
  });

  it('shows a page’s day as that day, with no invented time', async () => {
    await database.cases.update(CASE_ID, { 'order.placedAt': '2026-11-03' } as never);
    const { document } = await report('en');
    const placed = [...document.querySelectorAll('#order tr')].find((tr) => tr.textContent?.includes('Placed'));
    expect(placed?.textContent).toMatch(/Nov 3, 2026$/);
  });
});

describe('report.html: page text that reorders what is read', () => {
  it('drops bidi overrides a page title stored before titles were cleaned', async () => {
    const item = (await database.evidence.toArray()).find((e) => e.page)!;
    await database.evidence.update(item.id, { page: { ...item.page!, title: 'Order \u202Efdp.exe\u202C details' } });
    const { html } = await report('en');
    expect(html).not.toMatch(/[\u202A-\u202E]/);
    expect(html).toContain('Order fdp.exe details');
  });
});


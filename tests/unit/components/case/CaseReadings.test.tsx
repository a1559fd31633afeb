// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasePage } from '@/components/case/CasePage';
import type { CasePageApi } from '@/components/case/case-page-api';
import { saveCapture } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import type { Locale } from '@/lib/i18n';
import type { OrderFacts, Reading } from '@/lib/common/model';
import { disagreements } from '@/lib/cases/readings';
import { CASE_ID, casePage, caseWithCapture, ORDER_ID } from '../../support/case-fixture';

const NAME = 'case-readings-test';
let database: DisputeKitDB;
let root: HTMLElement;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  database.close();
  await Dexie.delete(NAME);
});

const api = (locale: Locale): CasePageApi => casePage(database, { locale, caseId: CASE_ID, now: () => new Date('2026-11-22T00:00:00.000Z') });
async function show(locale: Locale) {
  await act(async () => render(<CasePage api={api(locale)} />, root));
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}
const all = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

/** What a hostile page's own button would have saved after the user's capture. */
async function savedFromThePage(facts: Partial<OrderFacts>) {
  const html = new Blob(['<html>forged</html>'], { type: 'text/html' });
  await saveCapture(database, {
    platform: 'aliexpress',
    order: { orderId: ORDER_ID, items: [{ title: 'Lamp', url: 'https://www.aliexpress.com/item/1.html' }], sources: {}, ...facts },
    now: new Date('2026-11-21T09:00:00.000Z'),
    source: 'page-button',
    evidence: [
      {
        id: 'page-2', captureId: 'c2', kind: 'page-html', blob: html, mime: 'text/html', bytes: html.size, sha256: 'b'.repeat(64),
        capturedAt: '2026-11-21T09:00:00.000Z', capturedAtLocal: '2026-11-21T12:00:00.000+03:00', timeZone: 'Europe/Moscow',
        page: { url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
        extensionVersion: '0.1.0', browser: 'test',
      },
    ],
  });
}

/** The captured case, its facts (and the capture's reading of them) naming the store and the status. */
async function capturedCase() {
  await caseWithCapture(database);
  const order: OrderFacts = { orderId: ORDER_ID, items: [], store: { name: 'Sunrise' }, status: 'Awaiting delivery', sources: {} };
  await database.cases.update(CASE_ID, { order });
  await database.readings.where('caseId').equals(CASE_ID).modify({ order });
}

describe('readings that disagree', () => {
  it('are listed on the case page: each value, when and how it was read, and which one the case holds', async () => {
    await capturedCase();
    await savedFromThePage({ store: { name: 'Attacker Store' }, status: 'Completed', total: { amount: 1, currency: 'USD' } });
    await show('en');
    expect(root.querySelector('[data-testid="fact-store"]')?.textContent).toBe('Sunrise');
    expect(root.querySelector('[data-testid="case-readings"] h2')?.textContent).toBe('The order’s page did not always say the same');
    const facts = all('reading-fact').map((row) => [row.dataset.fact, [...row.querySelectorAll('[data-testid="reading-value"]')].map((v) => v.textContent)]);
    expect(facts).toEqual([
      ['store', ['Sunrise the case’s · read Nov 20, 2026, 10:00 AM, by Capture evidence', 'Attacker Store · read Nov 21, 2026, 9:00 AM, by the page’s “Save order to DisputeKit” button']],
      ['status', ['Awaiting delivery the case’s · read Nov 20, 2026, 10:00 AM, by Capture evidence', 'Completed · read Nov 21, 2026, 9:00 AM, by the page’s “Save order to DisputeKit” button']],
    ]);
  });

  it('speak Russian and Chinese', async () => {
    await capturedCase();
    await savedFromThePage({ store: { name: 'Attacker Store' } });
    await show('ru');
    expect(root.querySelector('[data-testid="case-readings"] h2')?.textContent).toBe('Страница заказа показывала не всегда одно и то же');
    expect(all('reading-value').map((v) => v.textContent)).toEqual([
      expect.stringMatching(/^Sunrise в деле · считано .+, кнопкой «Сохранить доказательства»$/),
      expect.stringMatching(/^Attacker Store · считано .+, кнопкой «Сохранить заказ в DisputeKit» на странице$/),
    ]);
    await show('zh_CN');
    expect(root.querySelector('[data-testid="case-readings"] h2')?.textContent).toBe('订单页面前后显示的内容不一致');
    expect(all('reading-value')[1]?.textContent).toMatch(/^Attacker Store · 读取于.+，通过页面上的“保存订单到 DisputeKit”按钮$/);
  });

  it('are not shown while every reading agrees', async () => {
    await capturedCase();
    await savedFromThePage({ store: { name: 'Sunrise' } });
    await show('en');
    expect(root.querySelector('[data-testid="case-facts"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="case-readings"]')).toBeNull();
  });
});

describe('disagreements()', () => {
  const reading = (at: string, order: Partial<OrderFacts>): Reading => ({ caseId: CASE_ID, at, source: 'capture', order: { orderId: ORDER_ID, items: [], sources: {}, ...order } });
  it('counts only readings that state a fact: a list page without items or total does not disagree', () => {
    const detail = reading('2026-11-01T00:00:00.000Z', { items: [{ title: 'Lamp', quantity: 1 }], total: { amount: 36.8, currency: 'USD' }, status: 'Shipped' });
    const list = reading('2026-11-02T00:00:00.000Z', { status: 'Shipped' });
    expect(disagreements([detail, list])).toEqual([]);
    const later = reading('2026-11-03T00:00:00.000Z', { total: { amount: 36.8, currency: 'EUR' }, status: 'Shipped' });
    expect(disagreements([detail, list, later])).toEqual([
      { fact: 'total', values: [{ value: { fact: 'total', money: { amount: 36.8, currency: 'USD' } }, readings: [detail] }, { value: { fact: 'total', money: { amount: 36.8, currency: 'EUR' } }, readings: [later] }] },
    ]);
  });
});

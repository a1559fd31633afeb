// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { PAGE_SIZE } from '@/components/dashboard/DashboardList';
import { Gallery } from '@/components/case/Gallery';
import { deleteCase, saveOrders } from '@/lib/cases/cases';
import { dashboardApi, type DashboardApi } from '@/components/dashboard/dashboard-api';
import { DisputeKitDB } from '@/lib/cases/db';
import { translator } from '@/lib/i18n';
import type { EvidenceRecord, OrderFacts } from '@/lib/common/model';
import { casePage, caseWithCapture, CASE_ID, ORDER_ID } from '../../support/case-fixture';
import { until } from '../../support/wait';
import { checkDeadlines } from '@/lib/deadlines/check/deadline-check';
import { deadlineCheckDeps } from '../../support/deadline-check-deps';

const NAME = 'dashboard-page-test';
const NOW = new Date('2026-11-20T12:00:00.000Z');
let database: DisputeKitDB;
let root: HTMLElement;
let refreshed: number;

beforeEach(() => {
  database = new DisputeKitDB(NAME);
  root = document.createElement('div');
  document.body.append(root);
  refreshed = 0;
  location.hash = '';
});
afterEach(async () => {
  render(null, root);
  root.remove();
  database.close();
  await Dexie.delete(NAME);
});

function api(): DashboardApi {
  // The deadline check follows the database's committed writes (lib/cases/db.ts), not a call from the page.
  database.onDeadlineInputsChanged = () => void refreshed++;
  return dashboardApi({ locale: 'en', database, now: () => NOW, casePage: (caseId) => casePage(database, { caseId, now: () => NOW }) });
}
async function settle() {
  for (let i = 0; i < 8; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const all = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const orderIds = () => all('row-order').map((a) => a.textContent);
const order = (orderId: string, days: number, title = 'Lamp'): OrderFacts => ({
  orderId, items: [{ title }], sources: {}, countdowns: [{ label: 'Buyer protection', text: '…', endsAt: new Date(NOW.getTime() + days * 86_400_000).toISOString() }],
});

describe('the dashboard page', () => {
  it('lists cases by nearest deadline, searches, and pages by 50', async () => {
    await saveOrders(database, 'aliexpress', [order('1001', 6, 'Desk lamp'), order('1002', 1, 'Чайник')], NOW);
    await saveOrders(database, 'taobao', Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ orderId: `9${i}`, items: [{ title: '耳机' }], sources: {} })), NOW);
    await act(async () => render(<Dashboard api={api()} />, root));
    await settle();
    expect(orderIds().slice(0, 2)).toEqual(['1002', '1001']);
    expect(all('dashboard-row')).toHaveLength(PAGE_SIZE);
    await act(async () => byTestId('dashboard-more')!.click());
    expect(all('dashboard-row')).toHaveLength(PAGE_SIZE + 7);
    const search = byTestId('dashboard-search') as HTMLInputElement;
    search.value = 'ЧАЙНИК';
    await act(async () => void search.dispatchEvent(new Event('input', { bubbles: true })));
    expect(orderIds()).toEqual(['1002']);
    expect(byTestId('row-deadline')!.textContent).toContain('left');
  });

  it('deletes a case after confirming, names the order and its files, and Undo brings it back', async () => {
    await caseWithCapture(database);
    location.hash = `#case=${encodeURIComponent(CASE_ID)}`;
    await act(async () => render(<Dashboard api={api()} />, root));
    await settle();
    expect(byTestId('case-title')!.textContent).toContain(ORDER_ID);
    expect(all('timeline-entry').length).toBeGreaterThan(0);
    await act(async () => byTestId('delete-case')!.click());
    await settle();
    expect(byTestId('delete-text')!.textContent).toBe(`The case for order ${ORDER_ID} and its 1 file will be deleted, with its timeline, checklist and contacts.`);
    // Cancel keeps it.
    await act(async () => byTestId('delete-cancel')!.click());
    expect(await database.cases.count()).toBe(1);
    await act(async () => byTestId('delete-case')!.click());
    await settle();
    await act(async () => byTestId('delete-confirm')!.click());
    await settle();
    expect(await database.cases.count()).toBe(0);
    expect(await database.evidence.count()).toBe(0);
    expect(byTestId('toast')!.textContent).toContain(`Case ${ORDER_ID} deleted.`);
    expect(refreshed).toBe(1);
    expect(all('dashboard-row')).toHaveLength(0);
    await act(async () => byTestId('undo')!.click());
    await settle();
    expect(await database.cases.count()).toBe(1);
    expect(await database.evidence.count()).toBe(1);
    expect(refreshed).toBe(2);
    expect(orderIds()).toEqual([ORDER_ID]);
  });

  it('lets the Undo toast go after its time', async () => {
    await caseWithCapture(database);
    location.hash = `#case=${encodeURIComponent(CASE_ID)}`;
    await act(async () => render(<Dashboard api={api()} undoMs={300} />, root));
    await settle();
    await act(async () => byTestId('delete-case')!.click());
    await settle();
    await act(async () => byTestId('delete-confirm')!.click());
    await settle();
    expect(byTestId('undo')).not.toBeNull();
    // Gone once its 300 ms are up: waited for, not timed (a loaded machine runs timers late).
    await until(() => byTestId('toast') === null, 'the Undo toast to go');
  });
});

describe('what matters now, on each row', () => {
  // NOW is 20 Nov 2026: delivered 20 Oct (a month ago) has missed its returns; the 3-month return is still open.
  const ym = (orderId: string, events: OrderFacts['events']): OrderFacts => ({ orderId, items: [{ title: 'Чайник' }], sources: {}, events });

  it('a missed deadline first, marked, with what is still open; then the nearest open; "Nothing due" only when nothing is open or missed', async () => {
    await saveOrders(database, 'yandex-market', [ym('2001', { placed: '2026-10-18', delivered: '2026-10-20' }), ym('2002', { placed: '2026-11-18' })], NOW);
    await saveOrders(database, 'aliexpress', [order('1001', 6)], NOW);
    await saveOrders(database, 'aliexpress', [order('1009', 2)], NOW);
    await database.cases.update('aliexpress:1009', { state: 'resolved', updatedAt: '2026-11-01T00:00:00.000Z' });
    await act(async () => render(<Dashboard api={api()} />, root));
    await until(() => all('dashboard-row').length === 4, 'the rows');
    expect(orderIds()).toEqual(['2001', '1001', '2002', '1009']);
    const [missed, open, enter, resolved] = all('dashboard-row');
    expect(missed.classList.contains('missed')).toBe(true);
    expect(missed.dataset.headline).toBe('missed');
    expect(missed.querySelector('[data-testid="row-missed"]')?.textContent).toMatch(/^Missed: .+, Nov \d{1,2} \(\d+ days? ago\)$/);
    expect(missed.querySelector('[data-testid="row-still-open"]')?.textContent).toMatch(/^Still open: 3-month return until the end of Jan 20, 2027/);
    expect(open.classList.contains('missed')).toBe(false);
    expect(open.querySelector('[data-testid="row-deadline"]')?.textContent).toMatch(/^6 days left\s*buyer protection/);
    expect(enter.querySelector('[data-testid="row-enter-date"]')?.textContent).toMatch(/^Enter the delivery date: it starts /);
    expect(resolved.querySelector('[data-testid="row-deadline"]')?.textContent).toMatch(/^Nothing due/);
    for (const row of [missed, open, enter]) expect(row.textContent).not.toContain('Nothing due');
  });

  it('a case view at a deadline (#case=…&deadline=…): the case\'s plan, that deadline shown and marked', async () => {
    await saveOrders(database, 'yandex-market', [ym('2001', { placed: '2026-10-18', delivered: '2026-10-20' })], NOW);
    location.hash = `#case=${encodeURIComponent('yandex-market:2001')}&deadline=RU-261b`;
    const opened: (string | undefined)[] = [];
    const base = api();
    await act(async () => render(<Dashboard api={{ ...base, casePage: (caseId, rule) => (opened.push(rule), { ...base.casePage(caseId), ...(rule && { focusRule: rule }) }) }} />, root));
    const target = await until(() => root.querySelector<HTMLElement>('[data-rule="RU-261b"].target'), 'the marked deadline');
    expect(target.closest('details')?.open).toBe(true);
    expect(byTestId('headline-line')?.textContent).toMatch(/^Missed: /);
    // One case view for the case, not a new one on every render.
    expect(opened).toEqual(['RU-261b']);
  });
});

describe('the gallery', () => {
  const image = (id: string, part?: { index: number; count: number }) =>
    ({ id, caseId: 'x', captureId: 'c', kind: 'fullpage-screenshot', blob: new Blob(['x'], { type: 'image/png' }), mime: 'image/png', bytes: 1, sha256: 'a'.repeat(64), capturedAt: NOW.toISOString(), capturedAtLocal: '', timeZone: 'UTC', extensionVersion: '0', browser: 't', ...(part && { part }) }) as EvidenceRecord;

  it('pages with the arrow keys, says which part it shows, zooms and closes on Esc', async () => {
    const onClose = vi.fn();
    const items = [image('p1', { index: 1, count: 3 }), image('p2', { index: 2, count: 3 }), image('p3', { index: 3, count: 3 })];
    await act(async () => render(<Gallery t={translator('en')} lang="en" items={items} start={0} name={(i) => i.id} onClose={onClose} />, root));
    const key = (k: string) => act(async () => void window.dispatchEvent(new KeyboardEvent('keydown', { key: k })));
    expect(byTestId('gallery-part')!.textContent).toBe('part 1 of 3');
    await key('ArrowRight');
    expect(byTestId('gallery-position')!.textContent).toBe('2 of 3');
    expect(byTestId('gallery-part')!.textContent).toBe('part 2 of 3');
    await key('ArrowRight');
    await key('ArrowRight');
    expect(byTestId('gallery-name')!.textContent).toBe('p3');
    await key('ArrowLeft');
    expect(byTestId('gallery-name')!.textContent).toBe('p2');
    await act(async () => byTestId('gallery-zoom-in')!.click());
    expect(byTestId('gallery-zoom')!.textContent).toBe('125%');
    await key('Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('the first page before every case is worked out', () => {
  it('shows the first 50 in order from the stored ranks, with the count, and the whole list when it is ready', async () => {
    await saveOrders(database, 'aliexpress', [order('1001', 6), order('1002', 1)], NOW);
    await saveOrders(database, 'taobao', Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ orderId: `9${i}`, items: [{ title: '耳机' }], sources: {} })), NOW);
    // What the deadline check does after these writes: it stores each case's rank.
    await checkDeadlines(deadlineCheckDeps(database, () => NOW));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const real = api();
    // Every case's inputs held back: only the first page can be shown.
    const slow: DashboardApi = { ...real, readCases: async () => (await held, real.readCases()) };
    await act(async () => render(<Dashboard api={slow} />, root));
    await settle();
    expect(byTestId('dashboard-loading')).toBeNull();
    expect(all('dashboard-row')).toHaveLength(PAGE_SIZE);
    expect(orderIds().slice(0, 2)).toEqual(['1002', '1001']);
    expect(byTestId('dashboard-count')!.textContent).toContain(String(PAGE_SIZE + 7));
    expect(all('row-evidence').every((cell) => cell.textContent === '0')).toBe(true);
    // "Show more" waits for the whole list, which then takes over.
    expect(byTestId('dashboard-more')).toBeNull();
    release();
    await settle();
    expect(byTestId('dashboard-more')).not.toBeNull();
    expect(orderIds().slice(0, 2)).toEqual(['1002', '1001']);
  });

  it('works every case out at once when there are no ranks yet', async () => {
    await saveOrders(database, 'aliexpress', [order('1001', 6), order('1002', 1)], NOW);
    const real = api();
    const asked: string[] = [];
    const watched: DashboardApi = {
      ...real,
      readFirstPage: async (now, size) => {
        const page = await real.readFirstPage(now, size);
        asked.push(page ? 'first page' : 'no first page');
        return page;
      },
      readCases: async () => (asked.push('every case'), real.readCases()),
    };
    await act(async () => render(<Dashboard api={watched} />, root));
    await settle();
    expect(asked.slice(0, 2)).toEqual(['no first page', 'every case']);
    expect(orderIds()).toEqual(['1002', '1001']);
  });

  it('shows the whole list even when the first page’s evidence counts cannot be read', async () => {
    await saveOrders(database, 'aliexpress', [order('1001', 6), order('1002', 1)], NOW);
    await saveOrders(database, 'taobao', Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ orderId: `9${i}`, items: [{ title: '耳机' }], sources: {} })), NOW);
    await checkDeadlines(deadlineCheckDeps(database, () => NOW));
    const real = api();
    const broken: DashboardApi = { ...real, countEvidence: () => Promise.reject(new Error('read failed')) };
    await act(async () => render(<Dashboard api={broken} />, root));
    await until(() => byTestId('dashboard-more'), 'the whole list, with Show more');
    expect(all('dashboard-row')).toHaveLength(PAGE_SIZE);
  });
});

describe('a live list', () => {
  it('shows a case saved in another page and a case deleted there, without a reload', async () => {
    await saveOrders(database, 'aliexpress', [order('1001', 6, 'Desk lamp')], NOW);
    await act(async () => render(<Dashboard api={api()} />, root));
    await settle();
    expect(orderIds()).toEqual(['1001']);
    await saveOrders(database, 'taobao', [{ orderId: '2002', items: [{ title: '耳机' }], sources: {} }], NOW);
    await until(() => orderIds().includes('2002'), 'the new case in the list');
    await deleteCase(database, 'aliexpress:1001');
    await until(() => !orderIds().includes('1001'), 'the deleted case gone');
    expect(byTestId('dashboard-count')!.textContent).toBe(translator('en')('dashboard.count', { n: 1 }));
  });
});


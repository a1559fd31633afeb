// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasePage } from '@/components/case/CasePage';
import type { CasePageApi } from '@/components/case/case-page-api';
import { addEvidenceToCase, getCustodyLog } from '@/lib/cases/cases';
import { setUserEventDate } from '@/lib/cases/case-dates';
import { DisputeKitDB } from '@/lib/cases/db';
import { translator } from '@/lib/i18n';
import { CASE_ID, casePage, caseWithCapture } from '../../support/case-fixture';
import { until } from '../../support/wait';

const NAME = 'case-page-test';
let database: DisputeKitDB;
let root: HTMLElement;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  database.close();
  await Dexie.delete(NAME);
});

function api(caseId: string | undefined = CASE_ID): CasePageApi {
  return casePage(database, { caseId, estimate: async () => ({ usage: 2_500_000, quota: 10_000_000_000 }), now: () => new Date('2026-11-22T00:00:00.000Z') });
}

async function show(pageApi: CasePageApi) {
  await act(async () => render(<CasePage api={pageApi} />, root));
  await settle();
}
/** Lets IndexedDB and the re-render after it finish. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const all = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

async function pick(files: File[]) {
  const input = byTestId('file-picker') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

describe('the plan on the case page', () => {
  it('shows what the popup shows: the headline, the next step (the capture ticked "document"), the checklist, deadlines, dates and contacts', async () => {
    await database.cases.update(CASE_ID, { order: { orderId: '8190123456789012', items: [], sources: {}, events: { placed: '2026-11-01', shipped: '2026-11-03' } } });
    await show(api());
    const plan = await until(() => byTestId('case-plan'), 'the plan');
    for (const part of ['countdown', 'next-step', 'checklist', 'deadlines', 'dates', 'contacts']) expect(plan.querySelector(`[data-testid="${part}"]`), part).not.toBeNull();
    expect(byTestId('step-document')?.dataset.state).toBe('done');
    expect(byTestId('next-step-title')?.textContent).toBe('Chat with the seller');
    // The same data module as the popup: ticking the next step here is stored for the case.
    await act(async () => byTestId('step-done')!.click());
    await until(() => byTestId('step-contact-seller')?.dataset.state === 'done', 'the step ticked');
    expect(await database.checklist.get([CASE_ID, 'contact-seller'])).toMatchObject({ state: 'done' });
  });

  it('the timeline shows a day the user entered as that day, with no time', async () => {
    await database.cases.update(CASE_ID, { dates: { delivered: { at: '2026-11-05', setBy: 'user' } } });
    await show(api());
    const entry = await until(() => [...root.querySelectorAll<HTMLElement>('[data-testid="timeline-entry"][data-kind="date"]')][0], 'the date in the timeline');
    expect(entry.querySelector('time')?.textContent).toBe('Nov 5, 2026');
  });

  it('opened from a notification (#deadline-<rule>): the deadline list open at that deadline, marked', async () => {
    await database.cases.update(CASE_ID, { order: { orderId: '8190123456789012', items: [], sources: {}, events: { placed: '2026-11-01', shipped: '2026-11-03' } } });
    await show({ ...api(), focusRule: 'AE-02' });
    const item = await until(() => root.querySelector<HTMLElement>('[data-rule="AE-02"].target'), 'the marked deadline');
    expect(item.closest('details')?.open).toBe(true);
  });
});

describe('the case page', () => {
  it('shows the order, its listing links and its evidence with shortened hashes', async () => {
    await show(api());
    expect(byTestId('case-title')?.textContent).toBe('AliExpress order 8190123456789012');
    expect(byTestId('fact-order-id')?.textContent).toBe('8190123456789012');
    expect(byTestId('open-listing')?.getAttribute('href')).toBe('https://www.aliexpress.com/item/1.html');
    expect(all('evidence-item')).toHaveLength(1);
    const hash = byTestId('evidence-sha256')!;
    expect(hash.textContent).toMatch(/^[0-9a-f]{8}…[0-9a-f]{8}$/);
    expect(hash.getAttribute('title')).toMatch(/^[0-9a-f]{64}$/);
    // A captured page is never opened inside the extension, only downloaded.
    expect(byTestId('evidence-open')).toBeNull();
    expect(byTestId('evidence-download')).not.toBeNull();
    // The fixture's page as a capture stores it since issue 12: 23 bytes of page and the 244-byte script policy.
    expect(byTestId('storage-case')?.textContent).toBe('This case: 267 bytes');
    expect(byTestId('storage-browser')?.textContent).toBe('DisputeKit uses 2.5 MB of 10 GB available to it');
  });

  it('adds picked files with the chosen label and lists them', async () => {
    await show(api());
    const select = byTestId('label-select') as HTMLSelectElement;
    select.value = 'unboxing';
    await act(async () => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await pick([new File(['video bytes'], 'unboxing.mp4', { type: 'video/mp4' })]);
    expect(byTestId('case-notice')?.textContent).toBe('Added 1 item to the case.');
    const item = root.querySelector('[data-name="unboxing.mp4"]');
    expect(item?.textContent).toContain('Unboxing');
    expect((await database.evidence.where('caseId').equals(CASE_ID).toArray()).find((e) => e.fileName === 'unboxing.mp4')?.label).toBe('unboxing');
  });

  it('says clearly when the disk is full, and the list keeps what was there', async () => {
    database.custody.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await show(api());
    await pick([new File(['x'], 'big.mp4', { type: 'video/mp4' })]);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/no room left on the disk.*Nothing of them was saved, and everything saved before is still there/);
    expect(all('evidence-item')).toHaveLength(1);
  });

  it('Verify reports a changed file by name', async () => {
    await show(api());
    const [row] = await database.evidence.toArray();
    // Node's own Blob: a happy-dom Blob does not come back from fake-indexeddb with its bytes readable.
    await database.evidence.update(row.id, { blob: new NodeBlob(['changed']) as Blob, fileName: 'order-page.html' });
    await act(async () => byTestId('verify')!.click());
    await settle();
    const problem = byTestId('verify-problem')!;
    expect(problem.dataset.status).toBe('mismatch');
    expect(problem.textContent).toContain('“order-page.html” has changed since it was saved');
    expect(byTestId('verify-report')?.dataset.ok).toBe('false');
  });

  it('deleting an item asks first and is written in the custody log', async () => {
    await show(api());
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    await act(async () => byTestId('evidence-delete')!.click());
    await settle();
    expect(confirm).toHaveBeenCalled();
    expect(all('evidence-item')).toHaveLength(0);
    expect((await getCustodyLog(database, CASE_ID)).map((e) => e.action)).toEqual(['added', 'deleted']);
  });

  it('an unknown case says so', async () => {
    await show(api('aliexpress:1'));
    expect(byTestId('case-not-found')?.textContent).toMatch(/does not exist/);
  });
});

describe('a live page', () => {
  it('shows evidence, facts and a contact written elsewhere (the popup, the background) without a reload or focus', async () => {
    const focus = vi.spyOn(window, 'addEventListener');
    await show(api());
    expect(all('evidence-item')).toHaveLength(1);
    // Written straight through the data module, as a capture from the popup would be, not through this page.
    await addEvidenceToCase(database, CASE_ID, [{
      id: 'shot-2', captureId: 'c2', kind: 'page-html', blob: new Blob(['<p>tracking</p>'], { type: 'text/html' }), mime: 'text/html', bytes: 15, sha256: 'b'.repeat(64),
      capturedAt: '2026-11-21T09:00:00.000Z', capturedAtLocal: '2026-11-21T12:00:00.000+03:00', timeZone: 'Europe/Moscow',
      page: { url: 'https://www.aliexpress.com/p/tracking.html', title: 'Tracking', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
      extensionVersion: '0.1.0', browser: 'test',
    }], new Date('2026-11-21T09:00:00.000Z'));
    await until(() => all('evidence-item').length === 2, 'the new item in the list');
    await setUserEventDate(database, CASE_ID, 'delivered', '2026-11-05', new Date('2026-11-21T09:05:00.000Z'));
    await until(() => [...root.querySelectorAll<HTMLElement>('[data-testid="timeline-entry"][data-kind="date"]')].length > 0, 'the date in the timeline');
    expect(focus.mock.calls.some(([type]) => type === 'focus')).toBe(false);
  });
});

describe('each file’s trusted timestamp on the case page', () => {
  it('says “Not timestamped: <why>” and when it is asked again; Retry timestamps asks the background, and the note follows the database', async () => {
    await database.evidence.update('page-1', { timestamp: { state: 'waiting', attempts: 1, triedAt: '2026-11-20T10:00:01.000Z', next: '2026-11-20T10:01:01.000Z', failure: { reason: 'unreachable', detail: 'connection refused' } } });
    const retry = vi.fn(async () => {
      await database.evidence.update('page-1', { timestamp: { state: 'queued' } });
      return { stamped: 0, failed: 0, off: 0, optionOff: false };
    });
    await show(casePage(database, { retryTimestamps: retry, now: () => new Date('2026-11-22T00:00:00.000Z') }));
    const note = await until(() => byTestId('evidence-timestamp'), 'the timestamp note');
    expect(note.dataset.state).toBe('waiting');
    expect(note.textContent).toMatch(/^Not timestamped: The timestamp authority could not be reached \(no connection, or the server is down\)\. Next attempt: Nov 20, 2026, \d+:\d\d:01\s[AP]M\.$/);
    // The time follows a colon, as a date reads after no preposition in any of the languages.
    expect(translator('ru')('timestamp.file.next', { time: '20 нояб. 2026 г., 13:01:01' })).toBe('Следующая попытка: 20 нояб. 2026 г., 13:01:01.');
    await act(async () => byTestId('retry-timestamps')!.click());
    await settle();
    expect(retry).toHaveBeenCalledWith(CASE_ID);
    expect(byTestId('evidence-timestamp')?.textContent).toBe('Not timestamped yet: DisputeKit is asking the authority.');
    // The option is on, and nothing was settled by this run: that is what it says, not that the option is off.
    expect(byTestId('retry-timestamps-result')?.textContent).toBe('Timestamped now: 0. Still not timestamped: 0.');
    // Nothing waits on a failure now: the button is gone.
    expect(byTestId('retry-timestamps')).toBeNull();
  });

  it('Retry timestamps says the option is off only when the background says so', async () => {
    await database.evidence.update('page-1', { timestamp: { state: 'waiting', attempts: 1, triedAt: '2026-11-20T10:00:01.000Z', failure: { reason: 'unreachable' } } });
    const retry = vi.fn(async () => ({ stamped: 0, failed: 0, off: 0, optionOff: true }));
    await show(casePage(database, { retryTimestamps: retry, now: () => new Date('2026-11-22T00:00:00.000Z') }));
    await act(async () => (await until(() => byTestId('retry-timestamps'), 'the button')).click());
    await settle();
    expect(byTestId('retry-timestamps-result')?.textContent).toBe('Trusted timestamps are off in Settings: nothing was sent.');
  });

  it('says nothing of a file saved before files were timestamped, and that one saved with the option off is not timestamped', async () => {
    await show(api());
    await until(() => byTestId('evidence-item'), 'the evidence');
    expect(byTestId('evidence-timestamp')?.dataset.state).toBe('queued');
    await act(async () => void (await database.evidence.update('page-1', { timestamp: { state: 'off' } })));
    await settle();
    expect(byTestId('evidence-timestamp')?.textContent).toBe('Not timestamped: trusted timestamps were off when it was saved.');
    await act(async () => void (await database.evidence.update('page-1', { timestamp: undefined })));
    await settle();
    expect(byTestId('evidence-timestamp')).toBeNull();
  });
});

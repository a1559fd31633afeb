// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasePage } from '@/components/case/CasePage';
import { LetterEditor } from '@/components/case/LetterEditor';
import type { CasePageApi } from '@/components/case/case-page-api';
import { getCustodyLog } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import type { ImportResult } from '@/lib/cases/evidence-import';
import { sha256Hex } from '@/lib/common/hash';
import { translator } from '@/lib/i18n';
import { recordLetterSent, saveLetter, WHAT_SENDING_STARTS } from '@/lib/letters';
import type { CaseRecord } from '@/lib/common/model';
import { CASE_ID, casePage, caseWithCapture, importDeps } from '../../support/case-fixture';
import { loadCasePlan } from '@/lib/cases/plan';
import { until } from '../../support/wait';

const NAME = 'letter-editor-test';
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

async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`)!;

async function choose(id: string, value: string) {
  const select = byTestId<HTMLSelectElement>(id);
  select.value = value;
  await act(async () => void select.dispatchEvent(new Event('change', { bubbles: true })));
}
async function type(id: string, value: string) {
  const field = byTestId<HTMLTextAreaElement>(id);
  field.value = value;
  await act(async () => void field.dispatchEvent(new Event('input', { bubbles: true })));
}
async function click(id: string) {
  await act(async () => byTestId(id).click());
  await settle();
}

const NOW = new Date('2026-11-20T09:00:00.000Z');
const YM_CASE: CaseRecord = {
  id: 'yandex-market:50123987',
  platform: 'yandex-market',
  orderId: '50123987',
  order: {
    orderId: '50123987',
    placedAt: '2026-11-02T09:15:00+03:00',
    store: { name: 'ТехноМир' },
    items: [{ title: 'Чайник K-200', quantity: 1 }],
    total: { amount: 2491, currency: 'RUB' },
    sources: {},
  },
  state: 'open',
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('the letter editor', () => {
  async function showEditor(onSave: (text: string, fileName: string) => Promise<ImportResult>, copy = vi.fn(async (_: string) => undefined)) {
    await act(async () =>
      render(
        <LetterEditor t={translator('en')} uiLocale="en" record={YM_CASE} evidence={[]} plan={await loadCasePlan(database, YM_CASE.id)} now={() => NOW} timeZone="Europe/Moscow" onSave={onSave} copy={copy} />,
        root,
      ),
    );
    await settle();
    return copy;
  }

  it('saves the letter as the user edited it, named after the route in the letter’s language', async () => {
    const onSave = vi.fn(async (): Promise<ImportResult> => ({ ok: true, evidenceIds: ['l1'] }));
    await showEditor(onSave);
    // Yandex Market: the letter to the seller starts in Russian although the UI is English.
    expect(byTestId<HTMLSelectElement>('letter-language').value).toBe('ru');
    await choose('letter-route', 'ru-claim');
    await choose('letter-problem', 'damaged');
    await type('letter-details', 'Трещина на корпусе.');
    const composed = byTestId<HTMLTextAreaElement>('letter-body').value;
    expect(composed).toContain('ПРЕТЕНЗИЯ');
    expect(composed).toContain('Трещина на корпусе.');
    expect(composed.replace(/\u00a0/g, ' ')).toContain('не позднее 30 ноября 2026 г.');
    expect(byTestId('letter-blanks')).not.toBeNull();

    const edited = composed.replace('[ваши фамилия, имя, отчество]', 'Иванова Анна Сергеевна');
    await type('letter-body', edited);
    await click('letter-save');

    expect(onSave).toHaveBeenCalledTimes(1);
    const [text, fileName] = onSave.mock.calls[0] as unknown as [string, string];
    expect(text).toBe(`${byTestId<HTMLInputElement>('letter-subject').value}\n\n${edited}`);
    expect(text).toContain('От кого: Иванова Анна Сергеевна');
    expect(fileName).toBe('Претензия продавцу 2026-11-20.txt');
    expect(byTestId('letter-notice').textContent).toBe('Letter saved to the case as evidence.');
  });

  it('keeps the user’s edits when a choice changes, until they ask to write it again', async () => {
    await showEditor(async () => ({ ok: true, evidenceIds: [] }));
    await type('letter-body', 'Мой собственный текст');
    await choose('letter-route', 'cn-12315');
    expect(byTestId<HTMLTextAreaElement>('letter-body').value).toBe('Мой собственный текст');
    await click('letter-rewrite');
    expect(byTestId<HTMLSelectElement>('letter-language').value).toBe('zh_CN');
    expect(byTestId<HTMLTextAreaElement>('letter-body').value).toContain('投诉人：');
  });

  it('a language the user picks stays when the route changes; the demand follows the problem until picked', async () => {
    await showEditor(async () => ({ ok: true, evidenceIds: [] }));
    await choose('letter-language', 'en');
    await choose('letter-route', 'ru-claim');
    expect(byTestId<HTMLSelectElement>('letter-language').value).toBe('en');
    expect(byTestId<HTMLTextAreaElement>('letter-body').value).toContain('CLAIM');
    await choose('letter-problem', 'damaged');
    expect(byTestId<HTMLSelectElement>('letter-demand').value).toBe('return-refund');
    await choose('letter-demand', 'repair');
    await choose('letter-problem', 'counterfeit');
    expect(byTestId<HTMLSelectElement>('letter-demand').value).toBe('repair');
    expect(byTestId<HTMLTextAreaElement>('letter-body').value).toContain('free repair of the goods');
  });

  it('a letter saved without edits stays as saved until another choice is made', async () => {
    await showEditor(async () => ({ ok: true, evidenceIds: ['l1'] }));
    await click('letter-save');
    expect(root.querySelector('[data-testid="letter-rewrite"]')).toBeNull();
    await choose('letter-route', 'cn-12315');
    expect(byTestId<HTMLTextAreaElement>('letter-body').value).toContain('投诉人：');
  });

  it('copies the subject and the letter', async () => {
    const copy = await showEditor(async () => ({ ok: true, evidenceIds: [] }));
    await click('letter-copy');
    expect(copy).toHaveBeenCalledWith(`${byTestId<HTMLInputElement>('letter-subject').value}\n\n${byTestId<HTMLTextAreaElement>('letter-body').value}`);
    expect(byTestId('letter-notice').textContent).toBe('Copied.');
  });

  it('says so when saving fails', async () => {
    await showEditor(async () => ({ ok: false, error: 'storageFull' }));
    await click('letter-save');
    expect(byTestId('letter-notice').getAttribute('role')).toBe('alert');
    expect(byTestId('letter-notice').textContent).toContain('nothing was saved');
  });
});

describe('the letter starts from the case', () => {
  const delivered: CaseRecord = { ...YM_CASE, order: { ...YM_CASE.order, status: 'Доставлен', events: { placed: '2026-11-02T09:15:00+03:00', delivered: '2026-11-05' } } };
  const draw = (record: CaseRecord) =>
    act(async () =>
      render(<LetterEditor t={translator('en')} uiLocale="en" record={record} evidence={[]} plan={await loadCasePlan(database, record.id)} now={() => NOW} timeZone="Europe/Moscow" onSave={async () => ({ ok: true, evidenceIds: [] })} />, root),
    );

  it('a delivered order: "not as described", to the seller in Russian, the delivery date filled in', async () => {
    await database.cases.put(delivered);
    await draw(delivered);
    await settle();
    expect(byTestId<HTMLSelectElement>('letter-route').value).toBe('seller');
    expect(byTestId<HTMLSelectElement>('letter-problem').value).toBe('not-as-described');
    expect(byTestId<HTMLSelectElement>('letter-language').value).toBe('ru');
    const body = byTestId<HTMLTextAreaElement>('letter-body').value;
    expect(body).not.toContain('Товар мною не получен');
    expect(body).toMatch(/Дата получения: 5 ноября 2026/);
  });

  it('once the return request is done, the ladder\'s next step is the претензия: the editor starts there, and follows the case until the user picks', async () => {
    await database.cases.put(delivered);
    for (const stepId of ['document', 'contact-seller', 'return-request']) await database.checklist.put({ caseId: delivered.id, stepId, state: 'done', at: '2026-11-10T09:00:00.000Z' });
    await draw(delivered);
    await until(() => byTestId<HTMLSelectElement>('letter-route').value === 'ru-claim', 'the претензия route');
    const body = byTestId<HTMLTextAreaElement>('letter-body').value;
    expect(body).toContain('ПРЕТЕНЗИЯ');
    // Nothing the case knows is left blank: the order, its dates, the seller, the amount.
    expect(body).toMatch(/Дата получения: 5 ноября 2026/);
    expect(body).not.toMatch(/Дата (заказа|получения): ____/);
    // Not delivered: "not received".
    const undelivered: CaseRecord = { ...YM_CASE, id: 'yandex-market:1', orderId: '1', order: { ...YM_CASE.order, orderId: '1' } };
    render(null, root);
    await draw(undelivered);
    await settle();
    expect(byTestId<HTMLSelectElement>('letter-problem').value).toBe('not-received');
  });
});

describe('a letter saved from the case page', () => {
  it('is evidence of kind letter with its SHA-256, in the custody log and the evidence list', async () => {
    await caseWithCapture(database);
    const pageApi: CasePageApi = casePage(database, { now: () => NOW });
    await act(async () => render(<CasePage api={pageApi} />, root));
    await settle();
    await type('letter-body', 'Dear seller, my own words.');
    await click('letter-save');

    const letters = (await database.evidence.where('caseId').equals(CASE_ID).toArray()).filter((e) => e.kind === 'letter');
    expect(letters).toHaveLength(1);
    // (happy-dom's Blob does not survive fake-indexeddb's cloning readable: the e2e test reads the stored bytes.)
    const expected = new Blob([`${byTestId<HTMLInputElement>('letter-subject').value}\n\nDear seller, my own words.`]);
    expect(letters[0]!.sha256).toBe(await sha256Hex(expected));
    expect(letters[0]!.bytes).toBe(expected.size);
    expect(letters[0]).toMatchObject({ mime: 'text/plain', fileName: 'Letter to the seller 2026-11-20.txt' });
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.at(-1)).toMatchObject({ action: 'added', evidenceId: letters[0]!.id, sha256: letters[0]!.sha256 });
    const listed = [...root.querySelectorAll<HTMLElement>('[data-testid="evidence-item"]')].find((li) => li.dataset.kind === 'letter');
    expect(listed?.textContent).toContain('Letter to the seller 2026-11-20.txt');
  });
});

describe('saveLetter', () => {
  it('saves nothing for an empty letter or a case that is gone', async () => {
    await caseWithCapture(database);
    expect(await saveLetter(importDeps(database), CASE_ID, '  \n', 'a.txt')).toEqual({ ok: false, error: 'empty' });
    expect(await saveLetter(importDeps(database), 'aliexpress:missing', 'text', 'a.txt')).toEqual({ ok: false, error: 'noCase' });
    expect(await database.evidence.filter((e) => e.kind === 'letter').count()).toBe(0);
  });
});

describe('"I sent it today"', () => {
  async function showCasePage(refreshDeadlines: () => void) {
    await caseWithCapture(database);
    // The deadline check follows the database's committed writes (lib/cases/db.ts), not a call from the page.
    database.onDeadlineInputsChanged = refreshDeadlines;
    const pageApi: CasePageApi = casePage(database, { now: () => NOW });
    await act(async () => render(<CasePage api={pageApi} />, root));
    await settle();
  }

  it('a claim (претензия) records the claim as sent today, so RU-22 counts from it, and asks for a deadline refresh', async () => {
    let refreshed = 0;
    await showCasePage(() => void refreshed++);
    await choose('letter-route', 'ru-claim');
    await click('letter-sent');
    expect((await database.cases.get(CASE_ID))?.dates?.claimSent).toEqual({ at: NOW.toISOString(), setBy: 'user' });
    expect(await database.contacts.count()).toBe(0);
    expect(byTestId('letter-notice').textContent).toBe('Recorded: “Written claim sent” today. The deadlines it starts are in the popup, on the badge and in reminders.');
    expect(refreshed).toBe(1);
  });

  it('a letter to the seller is a contact in the log, which starts the 48-hour reminder', async () => {
    await showCasePage(() => undefined);
    await click('letter-sent');
    const [contact] = await database.contacts.toArray();
    expect(contact).toMatchObject({ caseId: CASE_ID, at: NOW.toISOString(), channel: 'seller-chat', summary: byTestId<HTMLInputElement>('letter-subject').value });
    expect((await database.cases.get(CASE_ID))?.dates?.claimSent).toBeUndefined();
    expect(byTestId('letter-notice').textContent).toContain('Seller chat');
  });
});

describe('recordLetterSent', () => {
  it('starts what each route starts, and records nothing for a case that is gone', async () => {
    await caseWithCapture(database);
    expect(WHAT_SENDING_STARTS).toMatchObject({ 'platform-dispute': { event: 'disputeOpened' }, 'cn-12315': { event: 'claimSent' }, chargeback: { channel: 'bank' } });
    expect(await recordLetterSent(database, CASE_ID, 'platform-dispute', 'Dispute', NOW)).toBe(true);
    expect((await database.cases.get(CASE_ID))?.dates?.disputeOpened?.at).toBe(NOW.toISOString());
    expect(await recordLetterSent(database, 'aliexpress:missing', 'seller', 'Hello', NOW)).toBe(false);
    expect(await recordLetterSent(database, 'aliexpress:missing', 'ru-claim', 'Претензия', NOW)).toBe(false);
    expect(await database.contacts.count()).toBe(0);
  });
});

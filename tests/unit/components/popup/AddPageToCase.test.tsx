// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddPageToCase } from '@/components/popup/AddPageToCase';
import { translator } from '@/lib/i18n';
import type { CaptureResponse } from '@/lib/messaging/messages';
import type { CaseRecord } from '@/lib/common/model';
import type { AddPageApi } from '@/components/popup/popup-api';

function caseRecord(platform: CaseRecord['platform'], orderId: string): CaseRecord {
  return { id: `${platform}:${orderId}`, platform, orderId, order: { orderId, items: [], sources: {} }, state: 'open', createdAt: '', updatedAt: '' };
}
const cases = [caseRecord('aliexpress', '111'), caseRecord('taobao', '222'), caseRecord('yandex-market', '333')];

let root: HTMLElement;
async function show(api: AddPageApi, locale: 'en' | 'ru' | 'zh_CN' = 'en') {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<AddPageToCase t={translator(locale)} api={api} />, root));
  await act(async () => {});
}
const byTestId = <T extends Element>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Add this page to case', () => {
  it('offers the recent open cases with the current case chosen, and captures into the one picked', async () => {
    const addPageToCase = vi.fn(async (): Promise<CaptureResponse> => ({ ok: true, caseId: 'yandex-market:333', evidenceIds: ['a', 'b', 'c'] }));
    await show({ openCases: async () => ({ cases, currentCaseId: 'taobao:222' }), addPageToCase, captureChat: vi.fn() });
    const select = byTestId<HTMLSelectElement>('add-page-case')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['AliExpress order 111', 'Taobao order 222', 'Yandex Market order 333']);
    expect(select.value).toBe('taobao:222');

    await act(async () => {
      select.value = 'yandex-market:333';
      select.dispatchEvent(new Event('change'));
    });
    await act(async () => byTestId<HTMLButtonElement>('add-page-capture')!.click());
    expect(addPageToCase).toHaveBeenCalledWith('yandex-market:333');
    expect(byTestId('add-page-notice')?.textContent).toBe('Saved to Yandex Market order 333: 3 files.');
  });

  it('defaults to the newest case when the current one is not open, and shows an error in plain words', async () => {
    await show(
      { openCases: async () => ({ cases, currentCaseId: 'aliexpress:closed' }), addPageToCase: async () => ({ ok: false, error: 'tabNotVisible' }), captureChat: vi.fn() },
      'ru',
    );
    expect(byTestId<HTMLSelectElement>('add-page-case')!.value).toBe('aliexpress:111');
    await act(async () => byTestId<HTMLButtonElement>('add-page-capture')!.click());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(translator('ru')('error.tabNotVisible'));
  });

  it('captures the chat into the case picked and says how many messages it read and logged, in the user’s language', async () => {
    const captureChat = vi.fn(
      async (): Promise<CaptureResponse> => ({ ok: true, caseId: 'taobao:222', evidenceIds: ['a', 'b', 'c', 'd'], chat: { messages: 200, contactsAdded: 198, olderCapped: true } }),
    );
    const addPageToCase = vi.fn();
    await show({ openCases: async () => ({ cases, currentCaseId: 'taobao:222' }), addPageToCase, captureChat }, 'ru');
    await act(async () => byTestId<HTMLButtonElement>('capture-chat')!.click());
    expect(captureChat).toHaveBeenCalledWith('taobao:222');
    expect(addPageToCase).not.toHaveBeenCalled();
    const text = byTestId('add-page-notice')?.textContent ?? '';
    expect(text).toContain('В расшифровке 200 сообщений.');
    expect(text).toContain('добавлено 198 новых сообщений');
    expect(text).toContain(translator('ru')('chat.olderCapped'));
  });

  it('says plainly when the page has no scrolling chat', async () => {
    await show({ openCases: async () => ({ cases }), addPageToCase: vi.fn(), captureChat: async () => ({ ok: false, error: 'noChatBox' }) }, 'zh_CN');
    await act(async () => byTestId<HTMLButtonElement>('capture-chat')!.click());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(translator('zh_CN')('error.noChatBox'));
  });

  it('says to capture an order first when there is no open case', async () => {
    const addPageToCase = vi.fn();
    await show({ openCases: async () => ({ cases: [] }), addPageToCase, captureChat: vi.fn() });
    expect(byTestId('add-page-no-cases')?.textContent).toMatch(/Open the order’s page and capture it first/);
    expect(byTestId('add-page-capture')).toBeNull();
  });
});

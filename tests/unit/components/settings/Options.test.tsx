// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/settings/Options';
import { settingsPageApi, type SettingsPageApi, type SettingsPageDeps } from '@/components/settings/settings-api';
import { DisputeKitDB } from '@/lib/cases/db';
import { loadSettings } from '@/lib/settings/settings';
import { caseWithCapture } from '../../support/case-fixture';
import { until } from '../../support/wait';

let root: HTMLElement;
let dbCount = 0;
afterEach(() => root?.remove());

async function show(overrides: Partial<SettingsPageDeps> = {}) {
  const api: SettingsPageApi = settingsPageApi({
    locale: 'en',
    uiLanguage: 'en-US',
    storage: fakeBrowser.storage.local,
    database: new DisputeKitDB(`settings-page-${++dbCount}`),
    extensionVersion: '0.1.0',
    now: () => new Date('2026-11-22T12:00:00.000Z'),
    settingsChanged: vi.fn(),
    ...overrides,
  });
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Options api={api} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return api;
}
const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

async function change(element: HTMLElement, apply: () => void) {
  await act(async () => {
    apply();
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
}

describe('the settings page', () => {
  it('switches its own text to the chosen language at once and stores the choice', async () => {
    await show();
    expect(root.querySelector('h1')?.textContent).toBe('DisputeKit settings');
    const select = byTestId('language') as HTMLSelectElement;
    await change(select, () => (select.value = 'ru'));
    expect((await loadSettings(fakeBrowser.storage.local)).language).toBe('ru');
    expect(root.querySelector('h1')?.textContent).toBe('Настройки DisputeKit');
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('ru');
    await change(select, () => (select.value = 'auto'));
    expect(root.querySelector('h1')?.textContent).toBe('DisputeKit settings');
  });

  it('Auto shows the browser language', async () => {
    await show({ locale: 'zh_CN', uiLanguage: 'zh-CN' });
    expect(root.querySelector('h1')?.textContent).toBe('DisputeKit 设置');
  });

  it('turns the in-page button off and on', async () => {
    await show();
    const box = byTestId('page-button') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await change(box, () => (box.checked = false));
    expect((await loadSettings(fakeBrowser.storage.local)).pageButton).toBe(false);
    expect(byTestId('preference-notice').textContent).toBe('Saved.');
  });

  it('lists the storage each case takes, and the total', async () => {
    const database = new DisputeKitDB(`settings-page-${++dbCount}`);
    await caseWithCapture(database);
    await show({ database });
    await until(() => root.querySelector('[data-testid="storage-row"]'), 'the storage rows');
    const rows = [...root.querySelectorAll('[data-testid="storage-row"]')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    const size = (await database.evidence.toArray())[0].bytes;
    expect(rows).toEqual([['8190123456789012', 'AliExpress', '1', `${size} bytes`]]);
    expect(byTestId('storage-total').textContent).toContain('Total');
  });

  it.each([
    ['en', 'Choose a backup file…', 'No file chosen'],
    ['zh_CN', '选择备份文件…', '未选择文件'],
    ['ru', 'Выбрать файл копии…', 'Файл не выбран'],
  ] as const)('%s: the file to restore is picked with a translated button, the chosen file named beside it', async (locale, choose, none) => {
    await show({ locale, uiLanguage: locale });
    const input = byTestId('restore-file') as HTMLInputElement;
    // The browser's own "Choose file / No file chosen" is never shown: the input is hidden, its label is the button.
    expect(input.classList.contains('visually-hidden')).toBe(true);
    const label = root.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).toBe(choose);
    expect(byTestId('restore-file-name').textContent).toBe(none);
    const file = new File(['not a zip'], 'disputekit-backup-2026-11-22.zip', { type: 'application/zip' });
    await change(input, () => Object.defineProperty(input, 'files', { value: [file], configurable: true }));
    await until(() => root.querySelector('[data-testid="restore-report"]'), 'the restore report');
    expect(byTestId('restore-file-name').textContent).toBe('disputekit-backup-2026-11-22.zip');
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/settings/Options';
import { settingsPageApi, type SettingsPageApi, type SettingsPageDeps } from '@/components/settings/settings-api';
import { DisputeKitDB } from '@/lib/cases/db';
import { loadSettings, saveSettings } from '@/lib/settings/settings';
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
    permissions: hostPermissions(true),
    ...overrides,
  });
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Options api={api} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return api;
}
/** The browser's permission prompt, answered `grant`; every origin asked for or removed is kept. */
function hostPermissions(grant: boolean) {
  const asked: string[] = [];
  const removed: string[] = [];
  return { asked, removed, request: async (origin: string) => (asked.push(origin), grant), remove: async (origin: string) => (removed.push(origin), true) };
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

describe('trusted timestamps in settings', () => {
  async function input(element: HTMLInputElement, value: string) {
    await act(async () => {
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  async function save() {
    await act(async () => {
      byTestId('save-timestamps').click();
    });
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }

  it('are off by default: nothing chosen, no host asked for, and saving keeps them off', async () => {
    await fakeBrowser.storage.local.clear();
    const permissions = hostPermissions(true);
    await show({ permissions });
    const box = byTestId('timestamps-enabled') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(byTestId('timestamp-authority')).toBeNull();
    await save();
    expect(permissions.asked).toEqual([]);
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps).toEqual({ enabled: false, authority: 'freetsa' });
    expect(byTestId('timestamp-notice').textContent).toBe('Saved. Timestamps are off: nothing is sent anywhere.');
  });

  it('switched on with a listed authority: asks for exactly that host, says what the authority sees, and stores the choice', async () => {
    await fakeBrowser.storage.local.clear();
    const permissions = hostPermissions(true);
    await show({ permissions });
    const box = byTestId('timestamps-enabled') as HTMLInputElement;
    await change(box, () => (box.checked = true));
    const select = byTestId('timestamp-authority') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['freetsa', 'digicert', 'sectigo', 'globalsign', 'entrust', 'custom']);
    await change(select, () => (select.value = 'digicert'));
    expect(byTestId('timestamp-sees').textContent).toContain('only the file’s SHA-256 fingerprint (32 bytes) and a random number');
    expect(byTestId('timestamp-authority-description').textContent).toContain('DigiCert');
    expect(permissions.asked).toEqual([]);
    await save();
    expect(permissions.asked).toEqual(['http://timestamp.digicert.com/*']);
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps).toEqual({ enabled: true, authority: 'digicert' });
    expect(byTestId('timestamp-notice').textContent).toBe('Saved. Each file you save and each export will be timestamped by timestamp.digicert.com.');
  });

  it('an address of the user’s own: asks for its host only (no port, no path), and stores the address', async () => {
    await fakeBrowser.storage.local.clear();
    const permissions = hostPermissions(true);
    await show({ permissions });
    const box = byTestId('timestamps-enabled') as HTMLInputElement;
    await change(box, () => (box.checked = true));
    const select = byTestId('timestamp-authority') as HTMLSelectElement;
    await change(select, () => (select.value = 'custom'));
    await input(byTestId('timestamp-url') as HTMLInputElement, 'ftp://tsa.example/');
    await save();
    expect(permissions.asked).toEqual([]);
    expect(byTestId('timestamp-notice').textContent).toBe('Enter an address that starts with http:// or https://.');
    await input(byTestId('timestamp-url') as HTMLInputElement, ' http://127.0.0.1:8318/tsr ');
    await save();
    expect(permissions.asked).toEqual(['http://127.0.0.1/*']);
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps).toEqual({ enabled: true, authority: 'custom', customUrl: 'http://127.0.0.1:8318/tsr' });
  });

  it('the browser says no: nothing is stored, and the page says why', async () => {
    await fakeBrowser.storage.local.clear();
    const permissions = hostPermissions(false);
    await show({ permissions, locale: 'ru', uiLanguage: 'ru' });
    const box = byTestId('timestamps-enabled') as HTMLInputElement;
    await change(box, () => (box.checked = true));
    await save();
    expect(permissions.asked).toEqual(['https://freetsa.org/*']);
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps.enabled).toBe(false);
    expect(byTestId('timestamp-notice').textContent).toBe('DisputeKit не получил разрешения обращаться к freetsa.org, поэтому настройки не изменены.');
  });

  it('switched off again: stored off, and the authority’s host is given back', async () => {
    await fakeBrowser.storage.local.clear();
    await saveSettings(fakeBrowser.storage.local, { timestamps: { enabled: true, authority: 'sectigo' } });
    const permissions = hostPermissions(true);
    await show({ permissions });
    const box = byTestId('timestamps-enabled') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect((byTestId('timestamp-authority') as HTMLSelectElement).value).toBe('sectigo');
    await change(box, () => (box.checked = false));
    await save();
    expect((await loadSettings(fakeBrowser.storage.local)).timestamps).toEqual({ enabled: false, authority: 'sectigo' });
    expect(permissions.removed).toEqual(['http://timestamp.sectigo.com/*']);
    expect(permissions.asked).toEqual([]);
  });
});

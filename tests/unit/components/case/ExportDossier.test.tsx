// @vitest-environment happy-dom
import Dexie from 'dexie';
import { unzipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportDossier } from '@/components/case/ExportDossier';
import { exportDossier, type ExportDeps } from '@/lib/dossier/export';
import { DisputeKitDB } from '@/lib/cases/db';
import { translator, type Locale } from '@/lib/i18n';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';
import { until } from '../../support/wait';

const NAME = 'export-dossier-test';
const NOW = new Date('2026-11-22T00:00:00.000Z');
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
  delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  database.close();
  await Dexie.delete(NAME);
});

async function show(extra: Partial<ExportDeps> = {}, locale: Locale = 'en') {
  const deps = { database, now: () => NOW, locale, timeZone: 'UTC', extensionVersion: '0.1.0', ...extra };
  await act(async () => render(<ExportDossier t={translator(locale)} caseId={CASE_ID} now={deps.now} exportDossier={(caseId, sink, options) => exportDossier(deps, caseId, sink, options)} />, root));
}
/** Until the export has ended, whatever way: its progress gone and a notice, if any, shown. */
async function settle(notice: string | null = 'dossier-notice') {
  await until(() => !byTestId('dossier-progress') && (notice === null || byTestId(notice)), `the export to end${notice ? ` with ${notice}` : ''}`);
}
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('the Export dossier button', () => {
  it('writes the ZIP into the file the user picks, named as offered, and says where', async () => {
    const written: Uint8Array[] = [];
    let offered = '';
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async (options: { suggestedName: string }) => {
      offered = options.suggestedName;
      return {
        name: 'my-case.zip',
        async createWritable() {
          return { write: async (chunk: Uint8Array) => void written.push(chunk.slice()), close: async () => undefined, abort: async () => undefined };
        },
      };
    };
    await show();
    await act(async () => byTestId('export-dossier')!.click());
    await settle();
    expect(offered).toBe('disputekit-aliexpress-8190123456789012-2026-11-22.zip');
    expect(byTestId('dossier-notice')!.textContent).toBe('Dossier saved: my-case.zip');
    const files = unzipSync(new Uint8Array(Buffer.concat(written)));
    expect(Object.keys(files).sort()).toEqual(['evidence/01-page-html-page1.html', 'manifest.json', 'report.html']);
  });

  it('closing the save dialog does nothing and says nothing', async () => {
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    };
    await show();
    await act(async () => byTestId('export-dossier')!.click());
    await settle(null);
    // Proving nothing shows: give the click's work its turns first.
    for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(byTestId('dossier-notice')).toBeNull();
    expect(byTestId('dossier-progress')).toBeNull();
  });

  it('a case that is gone: an error notice, nothing saved', async () => {
    let aborted = false;
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async () => ({
      name: 'x.zip',
      async createWritable() {
        return { write: async () => undefined, close: async () => undefined, abort: async () => void (aborted = true) };
      },
    });
    await database.cases.delete(CASE_ID);
    await show();
    await act(async () => byTestId('export-dossier')!.click());
    await settle();
    expect(byTestId('dossier-notice')!.getAttribute('role')).toBe('alert');
    expect(byTestId('dossier-notice')!.textContent).toContain('The dossier could not be exported. Nothing was saved.');
    expect(aborted).toBe(true);
  });
});

describe('the progress of an export', () => {
  it('says how far the stamped prints are while they are drawn, then the ZIP', async () => {
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
    let step: (next: 'print' | 'zip' | 'end') => void = () => undefined;
    await act(async () =>
      render(
        <ExportDossier
          t={translator('ru')}
          caseId={CASE_ID}
          now={() => NOW}
          exportDossier={(_caseId, _sink, options) =>
            new Promise((resolve) => {
              step = (next) => {
                if (next === 'print') options.onPrint?.(1, 3);
                else if (next === 'zip') options.onProgress?.({ done: 1, total: 2 } as never);
                else resolve({} as never);
              };
            })
          }
        />,
        root,
      ),
    );
    await act(async () => byTestId('export-dossier')!.click());
    await act(async () => step('print'));
    expect(byTestId('dossier-progress')!.textContent).toContain('Готовим копии со штампом… 1 из 3');
    await act(async () => step('zip'));
    expect(byTestId('dossier-progress')!.textContent).toContain('Экспорт… 50%');
  });
});

describe('the export says whether the dossier is timestamped', () => {
  it('off: saved, and not timestamped by choice', async () => {
    await show();
    await act(async () => byTestId('export-dossier')!.click());
    await settle('timestamp-notice');
    expect(byTestId('timestamp-notice')!.textContent).toBe('Not timestamped: trusted timestamps are turned off in Settings.');
  });

  it('the authority out of reach: the dossier is still saved, and the notice says why, in the UI language', async () => {
    let asked = 0;
    const offline = (async () => {
      asked++;
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await show({ timestamp: { mode: 'on', url: 'https://freetsa.org/tsr', fetch: offline } }, 'zh_CN');
    await act(async () => byTestId('export-dossier')!.click());
    await settle('timestamp-notice');
    expect(asked).toBe(1);
    expect(byTestId('dossier-notice')!.textContent).toMatch(/^证据档案已保存：/);
    expect(byTestId('timestamp-notice')!.textContent).toBe('证据档案未加盖时间戳：无法连接时间戳机构（没有网络，或服务器已停止服务）。');
  });
});

import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { formatBytes, type CaseStorageRow, type Estimate } from '@/lib/cases/storage-meter';
import { useLiveQuery } from '../shared/use-live-query';

/** Room taken per case (order, platform, files, size) and in all, read live (a restore shows at once). */
export function StorageByCase({ t, lang, read, estimate }: { t: Translate; lang: string; read(): Promise<{ rows: CaseStorageRow[]; files: number; bytes: number }>; estimate?: Estimate }) {
  const use = useLiveQuery(read, [read]);
  const [browserSays, setBrowserSays] = useState<{ usage?: number; quota?: number }>();
  // What the browser counts changes with the database's rows too.
  useEffect(() => {
    void estimate?.().then(setBrowserSays, () => undefined);
  }, [estimate, use]);

  return (
    <section class="settings-section" data-testid="settings-storage">
      <h2>{t('settings.storage.heading')}</h2>
      {use && use.rows.length === 0 && <p class="hint">{t('settings.storage.empty')}</p>}
      {use && use.rows.length > 0 && (
        <table class="storage-table">
          <thead>
            <tr>
              <th>{t('settings.storage.order')}</th>
              <th>{t('settings.storage.platform')}</th>
              <th class="number">{t('settings.storage.files')}</th>
              <th class="number">{t('settings.storage.bytes')}</th>
            </tr>
          </thead>
          <tbody>
            {use.rows.map((row) => (
              <tr key={row.caseId} data-testid="storage-row" data-case-id={row.caseId}>
                <td>{row.orderId}</td>
                <td>{t(`platform.${row.platform}`)}</td>
                <td class="number" data-testid="storage-files">{row.files}</td>
                <td class="number">{formatBytes(row.bytes, t, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="storage-total">
              <th colSpan={2}>{t('settings.storage.total')}</th>
              <td class="number">{use.files}</td>
              <td class="number">{formatBytes(use.bytes, t, lang)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {typeof browserSays?.usage === 'number' && typeof browserSays.quota === 'number' && (
        <p class="hint">{t('settings.storage.browser', { used: formatBytes(browserSays.usage, t, lang), quota: formatBytes(browserSays.quota, t, lang) })}</p>
      )}
    </section>
  );
}

import type { Translate } from '@/lib/i18n';
import { formatBytes, type StorageUse } from '@/lib/cases/storage-meter';

/**
 * This case's size and every case's, and a bar of how much of the room the browser gives DisputeKit is used
 * (what runs out when the disk fills); without the browser's figures, the bar is this case's share.
 */
export function CaseStorage({ t, lang, use }: { t: Translate; lang: string; use: StorageUse }) {
  const known = use.used !== undefined && use.quota !== undefined && use.quota > 0;
  const share = known ? use.used! / use.quota! : use.allCasesBytes > 0 ? use.caseBytes / use.allCasesBytes : 0;
  return (
    <section class="case-section storage" data-testid="storage">
      <h2>{t('storage.heading')}</h2>
      <meter aria-label={t('storage.meterLabel')} min={0} max={1} value={share} />
      <p data-testid="storage-case">{t('storage.case', { size: formatBytes(use.caseBytes, t, lang) })}</p>
      <p class="muted" data-testid="storage-all">{t('storage.allCases', { size: formatBytes(use.allCasesBytes, t, lang) })}</p>
      {known && (
        <p class="muted" data-testid="storage-browser">
          {t('storage.browser', { used: formatBytes(use.used!, t, lang), quota: formatBytes(use.quota!, t, lang) })}
        </p>
      )}
    </section>
  );
}

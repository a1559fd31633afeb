import type { CaseOverview } from '@/lib/cases/cases';
import type { Translate } from '@/lib/i18n';
import { useObjectUrl } from '../shared/use-object-url';

function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The case page of a case, relative to the popup (both are pages at the extension's root). */
export function casePageHref(caseId: string): string {
  return `case.html?id=${encodeURIComponent(caseId)}`;
}

/** The order's case: how much evidence it holds and the newest screenshot. */
export function CaseCard({ t, lang, overview }: { t: Translate; lang: string; overview: CaseOverview | null }) {
  const thumbnail = useObjectUrl(overview?.latestThumbnail);
  if (!overview || overview.evidenceCount === 0) {
    return (
      <section class="case" data-testid="case">
        <p class="muted">{t('case.empty')}</p>
        {overview && (
          <a href={casePageHref(overview.case.id)} target="_blank" data-testid="open-case">
            {t('casePage.openCase')}
          </a>
        )}
      </section>
    );
  }
  const last = overview.lastCapturedAt && formatTime(overview.lastCapturedAt, lang);
  return (
    <section class="case" data-testid="case">
      <h2>{t('case.heading')}</h2>
      <div class="case-body">
        {thumbnail && <img class="thumbnail" data-testid="thumbnail" src={thumbnail} alt={t('case.thumbnailAlt', { time: last ?? '' })} />}
        <div>
          <p data-testid="evidence-count">{t('case.files', { n: overview.evidenceCount })}</p>
          {last && <p class="muted">{t('case.lastCapture', { time: last })}</p>}
          <a href={casePageHref(overview.case.id)} target="_blank" data-testid="open-case">
            {t('casePage.openCase')}
          </a>
        </div>
      </div>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { CaseOverview } from '@/lib/cases';
import type { Translate } from '@/lib/i18n';

function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** An object URL for a blob, revoked when the blob changes or the component goes away. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}

/** The order's case: how much evidence it holds and the newest screenshot. */
export function CaseCard({ t, lang, overview }: { t: Translate; lang: string; overview: CaseOverview | null }) {
  const thumbnail = useObjectUrl(overview?.latestThumbnail);
  if (!overview || overview.evidenceCount === 0) {
    return (
      <section class="case" data-testid="case">
        <p class="muted">{t('case.empty')}</p>
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
        </div>
      </div>
    </section>
  );
}

import type { MessageKey, Translate } from '@/lib/i18n';
import type { CaseRecord, Reading } from '@/lib/common/model';
import { disagreements, factText, factValue, type ComparedFact } from '@/lib/cases/readings';
import { canonicalJson } from '@/lib/cases/custody';
import { formatDate } from './CaseFacts';

const FACT_LABELS: Record<ComparedFact, MessageKey> = {
  store: 'caseFacts.store',
  status: 'caseFacts.status',
  total: 'caseFacts.total',
  placedAt: 'caseFacts.placedAt',
  items: 'caseFacts.items',
  tracking: 'caseFacts.tracking',
};

/**
 * Where the readings of the order's page disagree (store, status, total…): each value the page gave, when and
 * how it was read, and which one the case holds. Nothing shows while every reading agrees.
 */
export function CaseReadings({ t, lang, record, readings }: { t: Translate; lang: string; record: CaseRecord; readings: Reading[] }) {
  const found = disagreements(readings);
  if (found.length === 0) return null;
  return (
    <section class="case-section readings" data-testid="case-readings">
      <h2>{t('readings.heading')}</h2>
      <p class="hint">{t('readings.hint')}</p>
      <dl>
        {found.map(({ fact, values }) => {
          const held = canonicalJson(factValue(record.order, fact) ?? null);
          return (
            <div class="row" key={fact} data-testid="reading-fact" data-fact={fact}>
              <dt>{t(FACT_LABELS[fact])}</dt>
              <dd>
                <ul>
                  {values.map(({ value, readings: saying }) => {
                    const last = saying[saying.length - 1]!;
                    const params = { when: formatDate(last.at, lang), source: t(`readings.source.${last.source}`), n: saying.length };
                    return (
                      <li key={canonicalJson(value)} data-testid="reading-value">
                        <strong>{factText(value, lang)}</strong>
                        {canonicalJson(value) === held && (
                          <>
                            {' '}
                            <span class="badge">{t('readings.caseValue')}</span>
                          </>
                        )}
                        <span class="muted"> · {saying.length === 1 ? t('readings.saidOnce', params) : t('readings.saidTimes', params)}</span>
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

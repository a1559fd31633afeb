import type { Translate } from '@/lib/i18n';
import type { CaseRecord } from '@/lib/common/model';
import { formatMoney } from '@/lib/format/money';
import { formatPageDate } from '@/lib/format/page-date';

export { formatMoney };

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Only web addresses become links: an item URL read off a page could be anything. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The order as last read from its page, with links to its items' listings so the user can capture them. */
export function CaseFacts({ t, lang, record }: { t: Translate; lang: string; record: CaseRecord }) {
  const { order } = record;
  const rows: [string, string | undefined, string][] = [
    [t('caseFacts.orderId'), order.orderId, 'fact-order-id'],
    // A page's day stays that day (no invented time); an instant is shown in the user's zone.
    [t('caseFacts.placedAt'), order.placedAt && formatPageDate(order.placedAt, lang), 'fact-placed'],
    [t('caseFacts.store'), order.store?.name, 'fact-store'],
    [t('caseFacts.status'), order.status, 'fact-status'],
    [t('caseFacts.total'), order.total && formatMoney(order.total, lang), 'fact-total'],
    [t('caseFacts.tracking'), order.tracking?.map((x) => (x.carrier ? `${x.number} (${x.carrier})` : x.number)).join(', ') || undefined, 'fact-tracking'],
  ];
  const hasListings = order.items.some((item) => webUrl(item.url));
  return (
    <section class="case-section order" data-testid="case-facts">
      <h2>{t('caseFacts.heading')}</h2>
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value, testId]) => (
            <div class="row" key={testId}>
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
      </dl>
      {order.items.length > 0 && (
        <>
          <h3>{t('caseFacts.items')}</h3>
          <ul class="case-items">
            {order.items.map((item, i) => {
              const href = webUrl(item.url);
              return (
                <li key={i} data-testid="case-item">
                  <span>
                    {item.title}
                    {item.sku && <span class="muted"> · {item.sku}</span>}
                    {item.quantity !== undefined && <span class="muted"> × {item.quantity}</span>}
                    {item.price && <span class="muted"> · {formatMoney(item.price, lang)}</span>}
                  </span>
                  {href && (
                    <a href={href} target="_blank" rel="noreferrer" data-testid="open-listing">
                      {t('caseFacts.openListing')}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
          {hasListings && <p class="hint">{t('caseFacts.listingHint')}</p>}
        </>
      )}
    </section>
  );
}

import type { Translate } from '@/lib/i18n';
import type { Platform } from '@/lib/common/marketplaces';
import { ORDER_EVENTS, type OrderFacts } from '@/lib/common/model';
import { formatMoney, formatPageDate } from '@/lib/format/page-date';

type Row = [label: string, value: string | undefined, testId: string];

// `data-page-text` marks what the page said (titles, statuses, amounts), as apart from DisputeKit's own words.
function Rows({ t, rows }: { t: Translate; rows: Row[] }) {
  return (
    <dl>
      {rows.map(([label, value, testId]) => (
        <div class="row" key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId} class={value ? '' : 'muted'} data-page-text={value ? '' : undefined}>
            {value ?? t('order.notFound')}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The timers the page itself shows ("Seller must respond: 4 days 3 hours"), with when each ends. */
export function PageTimers({ t, lang, order }: { t: Translate; lang: string; order: OrderFacts }) {
  if (!order.countdowns?.length) return null;
  return (
    <div class="page-timers">
      <h3>{t('reading.timers')}</h3>
      <ul data-testid="page-timers">
        {order.countdowns.map((c, i) => (
          <li key={i}>
            <span data-page-text>{c.text}</span>
            {c.endsAt && <span class="muted"> · {t('reading.timer.until', { date: formatPageDate(c.endsAt, lang) })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The order the popup sees, exactly as the marketplace states it: what the user checks before trusting a
 * capture to it. Number, store, status and total first; the items and every dated step the page gives,
 * collapsed below, so the deadline after this stays in view. On a dispute or refund page (`dispute`), the
 * dispute's own facts and the page's timers come first.
 */
export function OrderSummary({ t, lang, platform, order, dispute = false }: { t: Translate; lang: string; platform: Platform; order: OrderFacts; dispute?: boolean }) {
  const total = order.total && formatMoney(order.total, lang);
  const rows: Row[] = dispute
    ? [
        [t('order.id'), order.orderId, 'order-id'],
        [t('reading.dispute.type'), order.dispute?.type, 'dispute-type'],
        [t('reading.dispute.status'), order.dispute?.status ?? order.status, 'dispute-status'],
        ...(order.dispute?.openedAt || order.events?.disputeOpened
          ? [[t('reading.dispute.opened'), formatPageDate((order.dispute?.openedAt ?? order.events?.disputeOpened)!, lang), 'dispute-opened'] as Row]
          : []),
        ...(order.dispute?.amount ? [[t('reading.dispute.amount'), formatMoney(order.dispute.amount, lang), 'dispute-amount'] as Row] : []),
      ]
    : [
        [t('order.id'), order.orderId, 'order-id'],
        [t('order.store'), order.store?.name, 'order-store'],
        [t('order.status'), order.status, 'order-status'],
        [t('reading.total'), total, 'order-total'],
      ];
  const events = ORDER_EVENTS.flatMap((event) => (order.events?.[event] ? [[event, order.events[event]!] as const] : []));
  return (
    <section class="order" data-testid="order">
      <h2>{dispute ? t('reading.dispute.heading', { platform: t(`platform.${platform}`) }) : t(`order.heading.${platform}`)}</h2>
      <Rows t={t} rows={rows} />
      {dispute && <PageTimers t={t} lang={lang} order={order} />}
      {order.items.length > 0 && (
        <details class="more order-items" data-testid="order-items">
          <summary>{t('reading.items', { n: order.items.length })}</summary>
          <ul>
            {order.items.map((item, i) => (
              <li key={i} data-testid="order-item">
                <span class="item-title" data-page-text>
                  {item.title}
                </span>
                {item.sku && (
                  <span class="muted">
                    {' · '}
                    <span data-page-text>{item.sku}</span>
                  </span>
                )}
                {item.quantity !== undefined && <span class="muted"> · {t('reading.quantity', { n: item.quantity })}</span>}
                {item.price && (
                  <span>
                    {' · '}
                    <span data-page-text>{formatMoney(item.price, lang)}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {events.length > 0 && (
        <details class="more order-events" data-testid="order-events">
          <summary>{t('reading.dates', { n: events.length })}</summary>
          <ul>
            {events.map(([event, at]) => (
              <li key={event} data-testid={`event-${event}`}>
                <span class="muted">{t(`checklist.event.${event}`)}:</span> <time dateTime={at}>{formatPageDate(at, lang)}</time>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

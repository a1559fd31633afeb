import type { Translate } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/common/model';
import { formatPageDate } from '@/lib/format/page-date';

const SHOWN = 5;

/** A returns/disputes page about several orders: each order, its dispute's state and the page's nearest timer. */
export function DisputeList({ t, lang, orders }: { t: Translate; lang: string; orders: OrderFacts[] }) {
  if (!orders.length) {
    return (
      <p class="page-message" data-testid="page-message">
        {t('reading.disputes.none')}
      </p>
    );
  }
  return (
    <section class="order-list" data-testid="dispute-list">
      <h2 data-testid="dispute-count">{t('reading.disputes.heading', { n: orders.length })}</h2>
      <ul>
        {orders.slice(0, SHOWN).map((order) => {
          const timer = order.countdowns?.[0];
          const state = [order.dispute?.type, order.dispute?.status ?? order.status].filter(Boolean).join(' · ');
          return (
            <li key={order.orderId} data-testid="dispute-order">
              <span class="order-number" data-page-text>
                {order.orderId}
              </span>
              {state && (
                <span class="muted">
                  {' · '}
                  <span data-page-text>{state}</span>
                </span>
              )}
              {timer && (
                <span class="timer">
                  {' · '}
                  <span data-page-text>{timer.text}</span>
                  {timer.endsAt && ` (${t('reading.timer.until', { date: formatPageDate(timer.endsAt, lang) })})`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {orders.length > SHOWN && <p class="muted">{t('list.more', { n: orders.length - SHOWN })}</p>}
      <p class="hint">{t('reading.disputes.hint')}</p>
    </section>
  );
}

import type { Translate } from '@/lib/i18n';
import type { Platform } from '@/lib/marketplaces';
import type { OrderFacts } from '@/lib/model';

/** The order the popup sees: what the user checks before trusting a capture to it. */
export function OrderSummary({ t, platform, order }: { t: Translate; platform: Platform; order: OrderFacts }) {
  const rows: [string, string | undefined, string][] = [
    [t('order.id'), order.orderId, 'order-id'],
    [t('order.store'), order.store?.name, 'order-store'],
    [t('order.status'), order.status, 'order-status'],
  ];
  return (
    <section class="order" data-testid="order">
      <h2>{t('order.heading', { platform: t(`platform.${platform}`) })}</h2>
      <dl>
        {rows.map(([label, value, testId]) => (
          <div class="row" key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId} class={value ? '' : 'muted'}>
              {value ?? t('order.notFound')}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import type { Translate } from '@/lib/i18n';
import type { SaveOrdersResponse } from '@/lib/messaging/messages';
import type { OrderFacts } from '@/lib/common/model';

const SHOWN = 5;

/** A list page's orders, and the one action that fits it: save them all as cases. */
export function OrderList({ t, orders, busy, onSaveAll }: { t: Translate; orders: OrderFacts[]; busy: boolean; onSaveAll: () => void }) {
  return (
    <section class="order-list" data-testid="order-list">
      <h2 data-testid="order-count">{t('list.heading', { n: orders.length })}</h2>
      <ul>
        {orders.slice(0, SHOWN).map((order) => (
          <li key={order.orderId}>
            <span class="order-number">{order.orderId}</span>
            {order.status && <span class="muted"> · {order.status}</span>}
          </li>
        ))}
      </ul>
      {orders.length > SHOWN && <p class="muted">{t('list.more', { n: orders.length - SHOWN })}</p>}
      <button class="primary" data-testid="save-all" disabled={busy} onClick={onSaveAll}>
        {busy ? t('capture.busy') : t('list.saveAll')}
      </button>
      <p class="hint">{t('list.saveHint')}</p>
    </section>
  );
}

/** What "Save all orders" saved, as the popup says it: "Saved: 3 new (1 closed), 2 updated." and the cases it left open. */
export function savedOrdersText(t: Translate, result: Extract<SaveOrdersResponse, { ok: true }>): string {
  const saved = t('list.saved', {
    created: result.created,
    updated: result.updated,
    closedNew: result.createdClosed ? t('list.saved.closedNew', { n: result.createdClosed }) : '',
    closedUpdated: result.updatedClosed ? t('list.saved.closedUpdated', { n: result.updatedClosed }) : '',
  });
  return result.keptOpen ? `${saved} ${t('list.saved.keptOpen', { n: result.keptOpen })}` : saved;
}

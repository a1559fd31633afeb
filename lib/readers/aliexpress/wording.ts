/** AliExpress's own wording in English and Russian: labels, order statuses and deadline phrases. */
import { FIELD_LABELS } from '../labels';

export const LABELS = {
  orderId: FIELD_LABELS.orderId,
  placedAt: [...FIELD_LABELS.placedAt, 'Заказ оформлен'],
  total: ['Order total', 'Total', 'Итого', 'Сумма заказа', 'Всего', '总计'],
  store: ['Store name', ...FIELD_LABELS.store],
  tracking: ['Tracking number', 'Трек-номер', 'Номер отслеживания'],
} as const;

/** Order statuses as AliExpress shows them: recognised on a card even when its markup changed. */
export const STATUSES = [
  'Awaiting payment', 'Awaiting shipment', 'Awaiting delivery', 'Awaiting confirmation', 'Completed', 'Closed',
  'Processing', 'Shipped', 'Delivered', 'Cancelled', 'Refunded', 'In dispute', 'Payment pending',
  'Ожидает оплаты', 'Ожидает отправки', 'Ожидает доставки', 'Ожидает получения', 'Отправлен', 'Доставлен',
  'Завершён', 'Завершен', 'Закрыт', 'Отменён', 'Отменен', 'Спор открыт', 'В пути',
];

/** Phrases that introduce a deadline the page shows, with a duration or a date after them. */
export const DEADLINE_PHRASES = [
  'Buyer protection', 'Purchase protection', 'Refund if no delivery before', 'Your order will be closed in',
  'Confirm receipt within', 'Защита покупателя', 'Возврат средств, если заказ не доставлен до', 'Заказ будет закрыт через',
];

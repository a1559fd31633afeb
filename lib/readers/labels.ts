/**
 * Labels as the order pages write them, in the three languages users read. The labelled-text strategy
 * finds a field by its label when the markup around it has changed.
 */
export const FIELD_LABELS = {
  orderId: ['Order ID', 'Order number', 'Order No', 'Номер заказа', 'Заказ №', '订单编号', '订单号'],
  status: ['Order status', 'Status', 'Статус заказа', 'Статус', '订单状态', '交易状态'],
  store: ['Store', 'Seller', 'Продавец', 'Магазин', '店铺', '卖家', '商家'],
  placedAt: ['Order placed on', 'Order date', 'Order time', 'Дата заказа', 'Оформлен', '创建时间', '下单时间'],
} as const;

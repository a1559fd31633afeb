/**
 * AliExpress's own wording: labels, order statuses, step names and timer phrases, in English, Russian and
 * Chinese (the languages DisputeKit's users read), with the order-list labels of the site's other big locales
 * where a list card is read by its text. Matched case-insensitively, at the start of a text.
 */
import { FIELD_LABELS } from '../labels';

export const LABELS = {
  orderId: [
    ...FIELD_LABELS.orderId,
    'Order No.', '订单号码', 'Номер заказа:',
    // es, fr, de, pt, it, pl, nl, tr (list cards; 2026-12, from the site's locale strings as exporters quote them)
    'ID del pedido', 'N.º de pedido', 'N° de commande', 'Numéro de commande', 'Bestellnummer', 'Número do pedido',
    "ID dell'ordine", 'Numer zamówienia', 'Bestelnummer', 'Sipariş numarası',
  ],
  placedAt: [
    ...FIELD_LABELS.placedAt,
    'Заказ оформлен', 'Дата заказа', '下单日期', '下单',
    'Fecha del pedido', 'Date de commande', 'Bestelldatum', 'Data do pedido', "Data dell'ordine", 'Data zamówienia', 'Besteldatum', 'Sipariş tarihi',
  ],
  status: FIELD_LABELS.status,
  total: [
    'Order total', 'Total', 'Итого', 'Сумма заказа', 'Всего', '总计', '合计', '实付款', '订单总额',
    'Total del pedido', 'Total de la commande', 'Gesamtsumme', 'Gesamt', 'Totale', 'Łącznie', 'Razem', 'Totaal', 'Toplam',
  ],
  store: ['Store name', ...FIELD_LABELS.store],
  tracking: ['Tracking number', 'Трек-номер', 'Номер отслеживания', '运单号', '物流单号'],
} as const;

/** Order statuses as AliExpress shows them: recognised on a card even when its markup changed. */
export const STATUSES = [
  'Awaiting payment', 'Awaiting shipment', 'Awaiting delivery', 'Awaiting confirmation', 'Completed', 'Closed',
  'Processing', 'Shipped', 'Delivered', 'Cancelled', 'Refunded', 'In dispute', 'Payment pending', 'Expired',
  'Ожидает оплаты', 'Ожидает отправки', 'Ожидает доставки', 'Ожидает получения', 'Отправлен', 'Доставлен',
  'Завершён', 'Завершен', 'Закрыт', 'Отменён', 'Отменен', 'Спор открыт', 'В пути',
  '等待付款', '等待发货', '等待收货', '已发货', '已完成', '交易完成', '已关闭', '已取消', '纠纷中',
];

/** Phrases that introduce a deadline on an order page, with a duration or a date after them. */
export const DEADLINE_PHRASES = [
  'Buyer protection', 'Purchase protection', 'Refund if no delivery before', 'Your order will be closed in',
  'Confirm receipt within', 'Защита покупателя', 'Возврат средств, если заказ не доставлен до', 'Заказ будет закрыт через',
];

/** The deadline phrases that are the delivery guarantee: the date they name is when delivery was promised by. */
export const DELIVERY_GUARANTEE_PHRASES = ['Refund if no delivery before', 'Возврат средств, если заказ не доставлен до', '未按时送达退款', '若在此日期前未送达'];

/**
 * Timers a dispute or refund shows. Each phrase must name its kind in lib/deadlines/countdowns.ts: the
 * seller's answer ('seller-response') or the return the buyer must send ('return-window'); a unit test
 * checks that it does. Unverified: no dispute page has been published; phrases follow AliExpress's wording of
 * its order pages and help centre (2026-12).
 */
export const DISPUTE_TIMER_PHRASES = [
  'The seller needs to respond within', 'Seller needs to respond within', 'Seller must respond within', 'Seller must respond by',
  'Seller must reply within', 'Seller must reply by', 'Waiting for the seller to respond',
  'Return must be shipped by', 'Return must be shipped within', 'Ship the return by', 'Please return the item by',
  'Please return the item within', 'Return the item within', 'Return the item by',
  'Продавец должен ответить до', 'Продавец должен ответить в течение', 'Продавец должен ответить',
  'Отправьте возврат до', 'Отправьте возврат в течение', 'Необходимо вернуть товар до', 'Вернуть товар до',
  '卖家处理剩余时间', '卖家响应剩余时间', '等待卖家处理', '等待卖家回复', '退货剩余时间', '退货截止时间',
];

/**
 * Labels of the dated rows on an order page ("Payment time: Nov 3, 2026"), by the event they date.
 * Step names alone ("Shipped") are in STEP_NAMES: they also name statuses, so they are read more strictly.
 */
export const EVENT_LABELS = {
  placed: LABELS.placedAt,
  paid: ['Payment time', 'Paid on', 'Payment date', 'Время оплаты', 'Дата оплаты', '付款时间', '支付时间'],
  shipped: ['Shipping time', 'Shipped on', 'Ship time', 'Shipment date', 'Время отправки', 'Дата отправки', '发货时间'],
  delivered: ['Delivered on', 'Delivery date', 'Delivery time', 'Дата доставки', '送达时间', '签收时间'],
  receiptConfirmed: ['Receipt confirmed on', 'Confirmed receipt on', 'Received on', 'Получение подтверждено', 'Дата подтверждения получения', '确认收货时间'],
  completed: ['Completed on', 'Order completed on', 'Completion time', 'Дата завершения', '完成时间', '成交时间'],
} as const;

/** Names of an order's steps in its progress bar (API and markup), by the event they date. */
export const STEP_NAMES = {
  placed: /^(?:order placed|placed|order created|заказ оформлен|оформлен|下单|已下单|订单创建|提交订单)/i,
  paid: /^(?:paid|payment(?: successful| completed)?|оплачен|оплата|已付款|付款成功|已支付|支付成功)/i,
  shipped: /^(?:shipped|order shipped|in transit|отправлен|передан в доставку|已发货|卖家已发货)/i,
  delivered: /^(?:delivered|arrived|доставлен|已送达|已签收)/i,
  receiptConfirmed: /^(?:receipt confirmed|confirmed receipt|confirmed|получение подтверждено|получен|已确认收货|确认收货)/i,
  completed: /^(?:completed|order completed|завершён|завершен|已完成|交易完成|交易成功)/i,
} as const;

/**
 * A dispute or refund page's labels. Unverified: no such page has been published (2026-12); these follow
 * AliExpress's wording on its order pages. Found by text, never by markup.
 */
export const DISPUTE_LABELS = {
  id: ['Dispute ID', 'Dispute number', 'Issue ID', 'Request ID', 'Refund ID', 'Return ID', 'Номер спора', 'ID спора', 'Номер запроса', 'Номер возврата', '纠纷编号', '纠纷号', '退款编号', '售后单号'],
  status: ['Dispute status', 'Refund status', 'Return status', 'Request status', 'Статус спора', 'Статус возврата', 'Статус запроса', '纠纷状态', '退款状态', '售后状态'],
  type: ['Dispute type', 'Request type', 'Refund type', 'Solution', 'Тип спора', 'Тип запроса', 'Решение', '纠纷类型', '退款类型', '售后类型'],
  amount: ['Refund amount', 'Requested refund', 'Amount requested', 'Сумма возврата', 'Сумма к возврату', '退款金额', '申请退款金额'],
  openedAt: ['Opened on', 'Dispute opened on', 'Date opened', 'Request date', 'Requested on', 'Created on', 'Дата открытия', 'Спор открыт', 'Дата создания', 'Дата запроса', '纠纷发起时间', '申请时间', '创建时间'],
} as const;

/**
 * The Russian labels Yandex Market writes next to each field. Class names on the site are generated, so
 * labelled text is what still finds a field after a redesign. Longer labels first where one starts another.
 */
export const YANDEX_LABELS = {
  orderId: ['Номер заказа', 'Заказ №', 'Заказ N', 'Заказ #'],
  placedAt: ['Дата оформления', 'Дата заказа', 'Оформлен', 'Заказ от', 'Создан'],
  status: ['Статус заказа', 'Статус'],
  store: ['Продавец', 'Магазин', 'Поставщик'],
  total: ['Итого к оплате', 'Итого', 'Сумма заказа', 'К оплате', 'Оплачено', 'Всего'],
  trackNumber: ['Трек-номер', 'Трек номер', 'Номер отслеживания', 'Трек'],
  carrier: ['Служба доставки', 'Перевозчик', 'Доставляет', 'Курьерская служба'],
} as const;

/**
 * Statuses as the site shows them. A text that starts with one of these is the order's status even without
 * a "Статус" label ("Доставлен 5 ноября", "В пути"). Longer phrases first.
 */
export const STATUS_PHRASES = [
  'Ожидает оплаты',
  'Не оплачен',
  'В обработке',
  'Оформляется',
  'Собирается',
  'Готовится к отправке',
  'Передан в доставку',
  'Передан курьеру',
  'В пути',
  'Едет к вам',
  'Ждёт в пункте выдачи',
  'Ждет в пункте выдачи',
  'Готов к выдаче',
  'Можно забирать',
  'Доставлен',
  'Получен',
  'Выполнен',
  'Отменён',
  'Отменен',
  'Возврат оформлен',
  'Возвращён',
  'Возвращен',
] as const;

/**
 * Status codes as Yandex's own data names them (the partner API uses the same names), with the text the
 * site shows for each. Only used when the embedded state carries a code and no display text.
 */
export const STATUS_CODES: Record<string, string> = {
  UNPAID: 'Ожидает оплаты',
  PENDING: 'В обработке',
  PROCESSING: 'В обработке',
  DELIVERY: 'В пути',
  PICKUP: 'Ждёт в пункте выдачи',
  DELIVERED: 'Доставлен',
  CANCELLED: 'Отменён',
};

/**
 * Deadlines: "Можно вернуть до 27 ноября", "Хранится в пункте выдачи до 23 ноября", "Оплатите до…".
 * Group 1 is the label ("Можно вернуть до"), group 2 the date.
 */
export const DEADLINE =
  /((?:[А-ЯЁа-яё]+\s+){0,5}?(?:вернуть|возврат[а-яё]*|хран[а-яё]*|забрать|заберите|получить|оплатить|оплатите)(?:\s+[А-ЯЁа-яё]+){0,5}?\s+до)\s+(\d{1,2}\s+[А-ЯЁа-яё]{3,10}\.?(?:\s+\d{4})?(?:\s*(?:г\.|года))?(?:,?\s+(?:в\s+)?\d{1,2}:\d{2})?)/i;

/** Time left: "осталось 3 дня", "Осталось 2 дня 4 часа". Group 1 is the label word, group 2 the duration. */
export const REMAINING = /(осталось|остался|осталась)\s+(\d+\s*[А-ЯЁа-яё]+(?:\s+\d+\s*[А-ЯЁа-яё]+){0,2})/i;

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
  /((?:[А-ЯЁа-яё]+\s+){0,5}?(?:вернуть|возврат[а-яё]*|хран[а-яё]*|забрать|заберите|получить|оплатить|оплатите|рассмотр[а-яё]*|примет|решени[а-яё]*)(?:\s+[А-ЯЁа-яё]+){0,5}?\s+до)\s+(\d{1,2}\s+[А-ЯЁа-яё]{3,10}\.?(?:\s+\d{4})?(?:\s*(?:г\.|года))?(?:,?\s+(?:в\s+)?\d{1,2}:\d{2})?)/i;

/**
 * Return requests ("Возвраты", market.yandex.ru/my/returns): the words their cards and pages write. Written
 * down from Yandex Market's help pages and the partner API's return model; no saved page is public.
 */
export const RETURN_LABELS = {
  orderId: ['Номер заказа', 'Заказ №', 'Заказ N', 'Заказ'],
  returnId: ['Заявка на возврат №', 'Заявка на возврат', 'Возврат №', 'Номер заявки', 'Заявка №'],
  status: ['Статус заявки', 'Статус возврата', 'Статус'],
  amount: ['Сумма возврата', 'Сумма к возврату', 'К возврату', 'Вернём', 'Вернем'],
  created: ['Заявка создана', 'Создана', 'Оформлена', 'Дата заявки', 'Дата создания'],
  types: ['Возврат товара', 'Возврат денег', 'Невыкуп', 'Обмен'],
  /** The label of the seller's timer when only its end is known (a record's deadline). */
  sellerTimer: 'Продавец примет решение до',
  /** Texts that may hold a return's timer. */
  timerHint: /рассмотр|решени|вернуть|возврат|осталось|остался|осталась/i,
} as const;

/** A return's status as its card shows it, longest first. */
export const RETURN_STATUS_PHRASES = [
  'Ждёт решения продавца',
  'Ждет решения продавца',
  'На рассмотрении',
  'Возврат одобрен',
  'Заявка одобрена',
  'Одобрена',
  'Возврат отклонён',
  'Возврат отклонен',
  'Заявка отклонена',
  'Отклонена',
  'Деньги возвращаются',
  'Деньги вернутся',
  'Деньги вернули',
  'Ждём товар',
  'Ждем товар',
  'Заявка отменена',
  'Возврат завершён',
  'Возврат завершен',
] as const;

/**
 * Return status codes as the partner API names them (RefundStatusType), with the words the site shows for
 * each (DisputeKit's wording where the site's is not known). Only used when a record has no display text.
 */
export const RETURN_STATUS_CODES: Record<string, string> = {
  STARTED_BY_USER: 'Заявка создана',
  WAITING_FOR_DECISION: 'Ждёт решения продавца',
  PREMODERATION_DECISION_WAITING: 'На рассмотрении',
  DECISION_MADE: 'Решение принято',
  REFUND_IN_PROGRESS: 'Деньги возвращаются',
  REFUNDED: 'Деньги вернули',
  REFUNDED_BY_SHOP: 'Деньги вернули',
  REFUNDED_WITH_BONUSES: 'Деньги вернули баллами',
  COMPLETE_WITHOUT_REFUND: 'Завершена без возврата денег',
  REJECTED: 'Заявка отклонена',
  CANCELLED: 'Заявка отменена',
  FAILED: 'Не удалось вернуть деньги',
};

/** Return types as the partner API names them (returnType). */
export const RETURN_TYPE_CODES: Record<string, string> = { RETURN: 'Возврат', UNREDEEMED: 'Невыкуп' };

/** Time left: "осталось 3 дня", "Осталось 2 дня 4 часа". Group 1 is the label word, group 2 the duration. */
export const REMAINING = /(осталось|остался|осталась)\s+(\d+\s*[А-ЯЁа-яё]+(?:\s+\d+\s*[А-ЯЁа-яё]+){0,2})/i;

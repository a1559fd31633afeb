/**
 * Dated steps of a Yandex Market order as its pages write them in Russian, named as the deadline engine
 * names its events: "Оформлен 3 ноября" (placed), "Доставлен 5 ноября" / "Получен 3 ноября 2026" /
 * "Вручён …" (delivered: the handover that starts the 7-day return, RU-261a, and the 2-year claim, RU-19),
 * "Передан в доставку" / "Отправлен" (shipped), "Ожидается 12 ноября" / "Доставим 12–14 ноября"
 * (expectedDelivery), "Возврат оформлен 10 ноября" (refundRequested). A phrase counts only at the start of
 * a text (whole words), its date in the same text or in the text right after it.
 *
 * Dates are Europe/Moscow; a date without a year gets its year from `now` as the date parser does (a past
 * step is this year's unless that lies ahead of today; an expected delivery is a date to come).
 * "Отменён …" is a status, not an event: the engine counts nothing from a cancellation.
 */
import type { OrderEvent, OrderEvents } from '../../common/model';
import { dateIn, type RootText } from './text';

interface EventPhrase {
  phrases: readonly string[];
  event: OrderEvent;
  /** The date lies ahead (a promise), so a date without a year is the next such day. */
  ahead?: boolean;
}

/**
 * Each event's phrases. Matched at the start of a text as whole words, so "Возврат оформлен" is never
 * "Оформлен", and "Дата доставки" (on a delivered order, the delivery itself) is left out as ambiguous.
 */
export const EVENT_PHRASES: readonly EventPhrase[] = [
  { phrases: ['Возврат оформлен', 'Заявка на возврат оформлена', 'Заявка на возврат создана', 'Возврат создан'], event: 'refundRequested' },
  { phrases: ['Оформлен', 'Заказ оформлен', 'Дата оформления', 'Дата заказа'], event: 'placed' },
  { phrases: ['Доставлен', 'Получен', 'Вручён', 'Вручен', 'Выдан', 'Заказ получен', 'Заказ доставлен'], event: 'delivered' },
  { phrases: ['Передан в доставку', 'Передан курьеру', 'Передан в службу доставки', 'Отправлен'], event: 'shipped' },
  { phrases: ['Ожидается', 'Доставим', 'Привезём', 'Привезем', 'Ожидаемая дата доставки'], event: 'expectedDelivery', ahead: true },
];

// "12–14 ноября", "12 - 14 ноября", "30 ноября – 2 декабря": an interval of days.
const SAME_MONTH_RANGE = /(?<!\d)(\d{1,2})\s*[–—-]\s*(\d{1,2})(\s+[А-ЯЁа-яё]{3,10})/;

/**
 * The date a text gives for an event. For an interval ("Доставим 12–14 ноября") the earlier end: the engine
 * counts from an expected delivery the deadlines that end after it (a "not delivered" claim, a card
 * chargeback's window), so the earlier end can only bring a deadline forward, never push one past the day it
 * really falls; acting two days early costs the buyer nothing, acting late can cost the claim.
 */
export function eventDate(text: string, now: Date, ahead = false): string | undefined {
  // A promise counts only with its day written out: "Доставим сегодня" is as often a product carousel's
  // line as the order's, and a delivery expected today starts nothing the delivered date will not.
  if (ahead && !/\d/.test(text)) return undefined;
  const range = SAME_MONTH_RANGE.exec(text);
  const first = range ? `${text.slice(0, range.index)}${range[1]}${range[3]}` : text;
  return dateIn(first, now, !ahead);
}

/** A date at the start of a text ("5 ноября", "03.11.2026", "сегодня"): only then does a phrase take its next text's date. */
const STARTS_WITH_DATE = /^(?:\d{1,2}\s*(?:[–—-]\s*\d{1,2}\s*)?[А-ЯЁа-яё]{3,10}|\d{1,2}\.\d{1,2}\.\d{4}|сегодня|вчера|завтра)/i;

/** Every event the text of one root states, each from its first mention. */
export function eventsInText(text: RootText, now: Date): OrderEvents {
  const events: OrderEvents = {};
  for (const { phrases, event, ahead } of EVENT_PHRASES) {
    if (events[event]) continue;
    for (const [own, next] of text.phraseTexts(phrases)) {
      const date = eventDate(own, now, ahead) ?? (next && STARTS_WITH_DATE.test(next) ? eventDate(next, now, ahead) : undefined);
      if (date) {
        events[event] = date;
        break;
      }
    }
  }
  return events;
}

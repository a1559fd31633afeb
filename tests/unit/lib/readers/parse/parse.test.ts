import { describe, expect, it } from 'vitest';
import { countdownEndsAt, parseCountdown } from '@/lib/readers/parse/countdown';
import { parseDate } from '@/lib/readers/parse/dates';
import { parseMoney } from '@/lib/readers/parse/money';

describe('money', () => {
  it.each([
    ['¥47.40', { amount: 47.4, currency: 'CNY' }],
    ['￥1,299.00', { amount: 1299, currency: 'CNY' }],
    ['US $1.23', { amount: 1.23, currency: 'USD' }],
    ['US $1,234.56', { amount: 1234.56, currency: 'USD' }],
    ['€ 2,99', { amount: 2.99, currency: 'EUR' }],
    ['1\u00A0234,50 ₽', { amount: 1234.5, currency: 'RUB' }],
    ['1\u202F234 ₽', { amount: 1234, currency: 'RUB' }],
    ['12 990 руб.', { amount: 12990, currency: 'RUB' }],
    ['1.234,50 €', { amount: 1234.5, currency: 'EUR' }],
    ['-$0.27', { amount: -0.27, currency: 'USD' }],
    ['47.40元', { amount: 47.4, currency: 'CNY' }],
    ['Итого за 2 товара 5\u202F468 ₽', { amount: 5468, currency: 'RUB' }],
    ['¥47.40 2件', { amount: 47.4, currency: 'CNY' }],
    ['US $18.40x2', { amount: 18.4, currency: 'USD' }],
    ['Total:US $36.80', { amount: 36.8, currency: 'USD' }],
    ['1 234 567,89 ₽', { amount: 1234567.89, currency: 'RUB' }],
  ])('%s', (text, money) => {
    expect(parseMoney(text)).toEqual(money);
  });
  it('uses the platform currency for bare numbers and refuses text without a number', () => {
    expect(parseMoney('47.40', 'CNY')).toEqual({ amount: 47.4, currency: 'CNY' });
    expect(parseMoney('47.40')).toBeUndefined();
    expect(parseMoney('Free shipping', 'USD')).toBeUndefined();
  });
});

describe("money in AliExpress's other markets", () => {
  it.each([
    ['€48.88', { amount: 48.88, currency: 'EUR' }],
    ['€48.88|48|88', { amount: 48.88, currency: 'EUR' }],
    ['R$1.234,56', { amount: 1234.56, currency: 'BRL' }],
    ['US $24.17', { amount: 24.17, currency: 'USD' }],
    ['PLN 12,99', { amount: 12.99, currency: 'PLN' }],
    ['12,99 zł', { amount: 12.99, currency: 'PLN' }],
    ['₩12,345', { amount: 12345, currency: 'KRW' }],
    ['CHF 12.50', { amount: 12.5, currency: 'CHF' }],
    ['120,00 SEK', { amount: 120, currency: 'SEK' }],
    ['MX$120.00', { amount: 120, currency: 'MXN' }],
    ['$120.00 MXN', { amount: 120, currency: 'MXN' }],
    ['C$15.99', { amount: 15.99, currency: 'CAD' }],
    ['A$15.99', { amount: 15.99, currency: 'AUD' }],
    ['NZ$15.99', { amount: 15.99, currency: 'NZD' }],
    ['HK$15.99', { amount: 15.99, currency: 'HKD' }],
    ['S$15.99', { amount: 15.99, currency: 'SGD' }],
    ['₺249,90', { amount: 249.9, currency: 'TRY' }],
    ['249,90 TL', { amount: 249.9, currency: 'TRY' }],
    ['₹1,299', { amount: 1299, currency: 'INR' }],
    ['320 грн', { amount: 320, currency: 'UAH' }],
    ['249 Kč', { amount: 249, currency: 'CZK' }],
    ['12 990 Ft', { amount: 12990, currency: 'HUF' }],
    ['1 234円', { amount: 1234, currency: 'JPY' }],
  ])('%s', (text, money) => {
    expect(parseMoney(text)).toEqual(money);
  });
  it('lets a stated currency code win over the mark, and ignores one that is no code', () => {
    expect(parseMoney('$24.17', undefined, 'CAD')).toEqual({ amount: 24.17, currency: 'CAD' });
    expect(parseMoney('¥1,234', undefined, 'JPY')).toEqual({ amount: 1234, currency: 'JPY' });
    expect(parseMoney('48.88', undefined, 'EUR')).toEqual({ amount: 48.88, currency: 'EUR' });
    expect(parseMoney('48.88', 'USD', 'usd')).toEqual({ amount: 48.88, currency: 'USD' });
    expect(parseMoney('US $ —', undefined, 'USD')).toBeUndefined();
  });
  it('takes no everyday word for a currency', () => {
    expect(parseMoney('Try again: a $5 coupon')).toEqual({ amount: 5, currency: 'USD' });
    expect(parseMoney('TRY 99,90')).toEqual({ amount: 99.9, currency: 'TRY' });
  });
});

describe('dates', () => {
  const shanghai = { timeZone: 'Asia/Shanghai', now: new Date('2026-11-20T12:00:00Z') };
  const moscow = { timeZone: 'Europe/Moscow', now: new Date('2026-11-20T12:00:00Z') };
  it.each([
    ['2026-11-03 14:42:51', shanghai, '2026-11-03T14:42:51+08:00'],
    ['2026-11-03', shanghai, '2026-11-03'],
    ['2026年11月3日', shanghai, '2026-11-03'],
    ['2026/11/03 09:05', shanghai, '2026-11-03T09:05:00+08:00'],
    ['Nov 3, 2026', shanghai, '2026-11-03'],
    ['Order date: Feb 21, 2026', shanghai, '2026-02-21'],
    ['3 Nov 2026', shanghai, '2026-11-03'],
    ['3 ноября 2026 г.', moscow, '2026-11-03'],
    ['Оформлен 3 ноября', moscow, '2026-11-03'],
    ['12 мая 2026', moscow, '2026-05-12'],
    ['1 марта 2026', moscow, '2026-03-01'],
    ['03.11.2026 10:15', moscow, '2026-11-03T10:15:00+03:00'],
    ['сегодня в 14:05', moscow, '2026-11-20T14:05:00+03:00'],
    ['вчера', moscow, '2026-11-19'],
  ])('%s', (text, context, iso) => {
    expect(parseDate(text, context)).toBe(iso);
  });
  it('works out the year of a date written without one', () => {
    const january = { timeZone: 'Europe/Moscow', now: new Date('2026-01-10T09:00:00Z') };
    expect(parseDate('Оформлен 3 ноября', january)).toBe('2025-11-03');
    expect(parseDate('до 5 января', { ...moscow, now: new Date('2026-12-20T09:00:00Z'), yearless: 'future' })).toBe('2027-01-05');
    expect(parseDate('до 17 ноября', { ...moscow, yearless: 'future' })).toBe('2026-11-17');
  });
  it('reads whole month words only, and looks past numbers that are not dates', () => {
    expect(parseDate('Набор: 2 марки, 3 мая 2026', moscow)).toBe('2026-05-03');
    expect(parseDate('Заказ № 512034876 от 3 ноября', moscow)).toBe('2026-11-03');
    expect(parseDate('осталось 3 дня', moscow)).toBeUndefined();
    expect(parseDate('10:42 Mar. 05 2021', shanghai)).toBe('2021-03-05T10:42:00+08:00');
    expect(parseDate('Оформлен 3 ноября 2026 г., 14:42', moscow)).toBe('2026-11-03T14:42:00+03:00');
  });
  it('refuses impossible dates and non-dates', () => {
    expect(parseDate('2026-02-30', shanghai)).toBeUndefined();
    expect(parseDate('Awaiting delivery', shanghai)).toBeUndefined();
    expect(parseDate('', shanghai)).toBeUndefined();
  });
});

describe('countdowns', () => {
  const H = 3_600_000;
  it.each([
    ['还剩9天10时', 9 * 24 * H + 10 * H],
    ['剩余3天12小时5分', 3 * 24 * H + 12 * H + 5 * 60_000],
    ['Buyer protection: 12 days 5 hours', 12 * 24 * H + 5 * H],
    ['осталось 3 дня', 3 * 24 * H],
    ['2 дня 4 часа', 2 * 24 * H + 4 * H],
    ['1 день', 24 * H],
    ['5 дней 1 час', 5 * 24 * H + H],
  ])('%s', (text, ms) => {
    expect(parseCountdown(text)).toBe(ms);
  });
  it('gives the end time from when the page was read', () => {
    expect(countdownEndsAt('还剩1天2时', new Date('2026-11-20T00:00:00Z'))).toBe('2026-11-21T02:00:00.000Z');
    expect(countdownEndsAt('交易成功', new Date())).toBeUndefined();
    expect(countdownEndsAt('还剩9999天', new Date())).toBeUndefined();
  });
});

describe("dates in AliExpress's other locales", () => {
  const madrid = { timeZone: 'Europe/Madrid', now: new Date('2026-11-20T12:00:00Z') };
  it.each([
    ['15 jul. 2026', '2026-07-15'], // es, nl
    ['15 de julio de 2026', '2026-07-15'], // es
    ['24 ene 2025', '2025-01-24'], // es
    ['ene 24, 2025', '2025-01-24'], // es, month first
    ['15 juil. 2026', '2026-07-15'], // fr
    ['1er juin 2026', '2026-06-01'], // fr
    ['2 févr. 2026', '2026-02-02'], // fr
    ['15. Juli 2026', '2026-07-15'], // de
    ['4. Dez. 2026', '2026-12-04'], // de
    ['15 de julho de 2026', '2026-07-15'], // pt
    ['3 de out. de 2026', '2026-10-03'], // pt
    ['15 luglio 2026', '2026-07-15'], // it
    ['15 lip 2026', '2026-07-15'], // pl
    ['3 października 2026', '2026-10-03'], // pl, genitive
    ['15 mrt. 2026', '2026-03-15'], // nl
    ['15 mei 2026', '2026-05-15'], // nl
    ['15 Temmuz 2026', '2026-07-15'], // tr
    ['15 Şubat 2026', '2026-02-15'], // tr
    ['2026년 7월 15일', '2026-07-15'], // ko
  ])('%s', (text, iso) => {
    expect(parseDate(text, madrid)).toBe(iso);
  });
  it('keeps a time with its offset', () => {
    expect(parseDate('15. März 2026, 10:22', madrid)).toBe('2026-03-15T10:22:00+01:00');
    expect(parseDate('15 Kasım 2026 14:05', { timeZone: 'Europe/Istanbul' })).toBe('2026-11-15T14:05:00+03:00');
    expect(parseDate('15 juil. 2026 à 09:30', { timeZone: 'Europe/Paris' })).toBe('2026-07-15T09:30:00+02:00');
  });
  it('takes their month words as a date only with a year, since some are everyday words', () => {
    expect(parseDate('3 out 2026', madrid)).toBe('2026-10-03');
    expect(parseDate('1 set 2026', madrid)).toBe('2026-09-01');
    expect(parseDate('3 out of 5 stars', madrid)).toBeUndefined();
    expect(parseDate('Quantity: 1 set', madrid)).toBeUndefined();
    expect(parseDate('set 2 pieces', madrid)).toBeUndefined();
    expect(parseDate('2 mag', madrid)).toBeUndefined();
  });
});

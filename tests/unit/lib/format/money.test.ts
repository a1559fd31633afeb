import { describe, expect, test } from 'vitest';
import { formatMoney } from '@/lib/format/money';
import { parseMoney } from '@/lib/readers/parse/money';

// Intl writes spaces as no-break spaces (U+00A0, and U+202F in some languages): compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const show = (amount: number, currency: string, locale: string) => plain(formatMoney({ amount, currency }, locale));

describe('formatMoney: each UI language writes money its own way', () => {
  test.each([
    // The three: Russian roubles, Chinese yuan, US dollars on AliExpress in English.
    ['ru', 5468, 'RUB', '5 468,00 ₽'],
    ['zh_CN', 47.4, 'CNY', '¥47.40'],
    ['en', 24.17, 'USD', 'US $24.17'],
    // A US dollar is never a bare "$", whatever the language.
    ['zh_CN', 24.17, 'USD', 'US$24.17'],
    ['ru', 24.17, 'USD', '24,17 US$'],
    // Yuan and yen are told apart in each language.
    ['en', 47.4, 'CNY', 'CN¥47.40'],
    ['ru', 47.4, 'CNY', '47,40 CN¥'],
    ['en', 1234, 'JPY', '¥1,234'],
    ['zh_CN', 1234, 'JPY', 'JP¥1,234'],
    // Roubles where the language has no symbol of its own: the rouble sign, not "RUB".
    ['en', 5468, 'RUB', '₽5,468.00'],
    ['zh_CN', 5468, 'RUB', '₽5,468.00'],
    ['en', 249.9, 'TRY', '₺249.90'],
    // Euros, reals, other dollars: Intl's own, prefixed where "$" is shared.
    ['en', 36.8, 'EUR', '€36.80'],
    ['ru', 36.8, 'EUR', '36,80 €'],
    ['zh_CN', 36.8, 'EUR', '€36.80'],
    ['en', 1234.56, 'BRL', 'R$1,234.56'],
    ['ru', 1234.56, 'BRL', '1 234,56 R$'],
    ['en', 24.17, 'CAD', 'CA$24.17'],
    ['ru', 24.17, 'AUD', '24,17 A$'],
    ['en', 120, 'MXN', 'MX$120.00'],
    // Letter abbreviations shared by several currencies stay as the code.
    ['en', 120, 'SEK', 'SEK 120.00'],
    ['en', 12.99, 'PLN', 'PLN 12.99'],
    // Negative amounts (a refund) keep their sign.
    ['en', -3, 'USD', '-US $3.00'],
    ['ru', -3, 'RUB', '-3,00 ₽'],
  ])('%s %d %s → %s', (locale, amount, currency, expected) => {
    expect(show(amount, currency, locale)).toBe(expected);
  });

  test('the components’ BCP 47 tags work as well as the catalogue names', () => {
    expect(show(47.4, 'CNY', 'zh-CN')).toBe('¥47.40');
    expect(show(5468, 'RUB', 'ru-RU')).toBe('5 468,00 ₽');
    expect(show(24.17, 'USD', 'en-GB')).toBe('US $24.17');
  });

  test('cents the page stated are never rounded away', () => {
    expect(show(1.5, 'JPY', 'en')).toBe('¥1.5');
    expect(show(1234, 'KRW', 'ru')).toBe('1 234 ₩');
  });

  test('a code Intl cannot use is written plainly, never thrown', () => {
    expect(formatMoney({ amount: 12.5, currency: 'US' }, 'en')).toBe('12.5 US');
  });

  test('what it writes reads back as the same money', () => {
    for (const locale of ['en', 'zh_CN', 'ru'])
      for (const currency of ['USD', 'CNY', 'RUB', 'EUR', 'BRL', 'CAD', 'TRY'])
        expect(parseMoney(formatMoney({ amount: 1234.5, currency }, locale)), `${locale} ${currency}`).toEqual({ amount: 1234.5, currency });
  });
});

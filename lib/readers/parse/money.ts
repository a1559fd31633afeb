/**
 * Prices as order pages write them: "¥47.40", "US $1.23", "€ 2,99", "1 234,50 ₽", "1 234 руб.", "$0.99",
 * "47.40元", "Итого за 2 товара 5 468 ₽", and AliExpress's other markets: "R$1.234,56", "PLN 12,99", "₩12,345",
 * "CHF 12.50", "MX$120.00", "₺249,90". Thousands separators may be spaces, NBSP, narrow NBSP, commas or
 * dots, by locale. With a currency mark in the text, the amount is the number written next to it.
 */
import type { Money } from '../../common/model';

// Checked in this order, the first mark found decides: prefixed dollars before "$" alone, symbols before
// codes. Codes added for AliExpress's other markets are matched case-sensitively as whole words, so "Try
// again" is no Turkish lira.
const ISO_CODES =
  'SEK|NOK|DKK|HUF|RON|BGN|CZK|CHF|TRY|KRW|INR|JPY|MXN|CLP|COP|PEN|ARS|ILS|SAR|AED|QAR|KWD|NZD|HKD|SGD|TWD|THB|MYR|IDR|PHP|VND|UAH|BYN|GEL|AMD|AZN|UZS|KGS|MDL|ZAR|NGN|EGP|MAD';
const CURRENCY_MARKS: [RegExp, string | undefined][] = [
  [/US\s*\$|USD/i, 'USD'],
  [/CA\s*\$|CAD/i, 'CAD'],
  [/(?<![A-Za-z])C\$/, 'CAD'],
  [/AU\s*\$|AUD/i, 'AUD'],
  [/(?<![A-Za-z])A\$/, 'AUD'],
  [/R\$|BRL/i, 'BRL'],
  [/MX\s*\$/, 'MXN'],
  [/NZ\s*\$/, 'NZD'],
  [/HK\s*\$/, 'HKD'],
  [/NT\s*\$/, 'TWD'],
  [/SG\s*\$|(?<![A-Za-z])S\$/, 'SGD'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₽|руб\.?|RUB|RUR/i, 'RUB'],
  // CLDR's prefixed yen and yuan ("CN¥47.40", "1 234 JP¥"), before the bare "¥".
  [/CN\s*[¥￥]/, 'CNY'],
  [/JP\s*[¥￥]|円/, 'JPY'],
  [/¥|￥|元|CNY|RMB/i, 'CNY'],
  [/₸|KZT/i, 'KZT'],
  [/zł|PLN/i, 'PLN'],
  [/₩/, 'KRW'],
  [/₹/, 'INR'],
  [/₺|(?<![A-Za-z])TL(?![A-Za-z])/, 'TRY'],
  [/₴|грн/, 'UAH'],
  [/₪/, 'ILS'],
  [/Kč/, 'CZK'],
  [/₱/, 'PHP'],
  [/฿/, 'THB'],
  [/₫/, 'VND'],
  [/(?<=\d\s?)Ft(?![A-Za-z])/, 'HUF'],
  // The code is the mark's own text ("CHF 12.50", "120,00 SEK").
  [new RegExp(`(?<![A-Za-z])(?:${ISO_CODES})(?![A-Za-z])`), undefined],
  [/\$/, 'USD'],
];

// Digits with thousands in groups of three ("1 234 567,89", "1,299.00"), and up to two decimals.
// A separator not followed by three digits ends the number: "47.40 2件" is 47.40, not 47 402.
const SEP = "[ \\u00A0\\u202F.,']";
const NUMBER = `\\d+(?:${SEP}\\d{3})*(?:[.,]\\d{1,2})?(?!\\d)`;
const FIRST_NUMBER = new RegExp(`(?<!\\d)${NUMBER}`);
const NUMBER_AFTER_MARK = new RegExp(`^\\s*(${NUMBER})`);
const NUMBER_BEFORE_MARK = new RegExp(`(?<!\\d)(${NUMBER})\\s*$`);

/** The value of a number as written: the decimal separator is a last "," or "." followed by 1–2 digits. */
function valueOf(written: string): number | undefined {
  const decimal = /[.,](\d{1,2})$/.exec(written);
  const whole = (decimal ? written.slice(0, decimal.index) : written).replace(/[^\d]/g, '');
  const amount = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(amount) ? amount : undefined;
}

/** "-$0.27", "- ¥3.00", "-0.27": a minus before the number, with at most a currency mark between. */
function isNegative(before: string): boolean {
  return /-\s*[^\d\s]{0,4}\s*$/.test(before);
}

/** The first amount in a piece of text. */
function parseAmount(text: string): number | undefined {
  const normalized = text.replace(/[−–]/g, '-');
  const match = FIRST_NUMBER.exec(normalized);
  if (!match) return undefined;
  const amount = valueOf(match[0]);
  return amount === undefined ? undefined : amount * (isNegative(normalized.slice(0, match.index)) ? -1 : 1);
}

/**
 * Money in `text`. `fallbackCurrency` is used when the text carries no currency mark (Taobao's bare "47.40");
 * `statedCurrency`, an ISO 4217 code the data states beside the text (AliExpress's `currencyCode`), wins over
 * any mark ("$24.17" with CAD is Canadian dollars, "¥1,234" with JPY is yen).
 */
export function parseMoney(text: string | undefined, fallbackCurrency?: string, statedCurrency?: string): Money | undefined {
  if (!text) return undefined;
  const stated = statedCurrency && /^[A-Z]{3}$/.test(statedCurrency) ? statedCurrency : undefined;
  const normalized = text.replace(/[−–]/g, '-');
  const marked = markedMoney(normalized);
  if (marked === null) return undefined;
  if (marked) return stated ? { amount: marked.amount, currency: stated } : marked;
  const amount = parseAmount(normalized);
  const currency = stated ?? fallbackCurrency;
  return amount === undefined || !currency ? undefined : { amount, currency };
}

/** Money by the first currency mark in the text; null when a mark is there with no amount beside it, undefined when there is no mark. */
function markedMoney(normalized: string): Money | null | undefined {
  for (const [mark, code] of CURRENCY_MARKS) {
    const found = mark.exec(normalized);
    if (!found) continue;
    const currency = code ?? found[0];
    const before = normalized.slice(0, found.index);
    const after = NUMBER_AFTER_MARK.exec(normalized.slice(found.index + found[0].length));
    if (after) {
      const amount = valueOf(after[1]);
      if (amount !== undefined) return { amount: isNegative(before) ? -amount : amount, currency };
    }
    const beforeNumber = NUMBER_BEFORE_MARK.exec(before);
    if (beforeNumber) {
      const amount = valueOf(beforeNumber[1]);
      if (amount !== undefined) return { amount: isNegative(before.slice(0, beforeNumber.index)) ? -amount : amount, currency };
    }
    return null;
  }
  return undefined;
}

/**
 * Prices as order pages write them: "¥47.40", "US $1.23", "€ 2,99", "1 234,50 ₽", "1 234 руб.", "$0.99",
 * "47.40元", "Итого за 2 товара 5 468 ₽". Thousands separators may be spaces, NBSP, narrow NBSP, commas or
 * dots, by locale. With a currency mark in the text, the amount is the number written next to it.
 */
import type { Money } from '../model';

const CURRENCY_MARKS: [RegExp, string][] = [
  [/US\s*\$|USD/i, 'USD'],
  [/CA\s*\$|CAD/i, 'CAD'],
  [/AU\s*\$|AUD/i, 'AUD'],
  [/R\$|BRL/i, 'BRL'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₽|руб\.?|RUB|RUR/i, 'RUB'],
  [/¥|￥|元|CNY|RMB/i, 'CNY'],
  [/₸|KZT/i, 'KZT'],
  [/zł|PLN/i, 'PLN'],
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

/** Money in `text`, with `fallbackCurrency` when the text carries no currency mark (Taobao's bare "47.40"). */
export function parseMoney(text: string | undefined, fallbackCurrency?: string): Money | undefined {
  if (!text) return undefined;
  const normalized = text.replace(/[−–]/g, '-');
  for (const [mark, currency] of CURRENCY_MARKS) {
    const found = mark.exec(normalized);
    if (!found) continue;
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
    return undefined;
  }
  const amount = parseAmount(normalized);
  return amount === undefined || !fallbackCurrency ? undefined : { amount, currency: fallbackCurrency };
}

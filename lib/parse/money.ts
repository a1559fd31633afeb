/**
 * Prices as order pages write them: "¥47.40", "US $1.23", "€ 2,99", "1 234,50 ₽", "1 234 руб.", "$0.99",
 * "47.40元". Thousands separators may be spaces, NBSP, narrow NBSP, commas or dots, by locale.
 */
import type { Money } from '../model';

const CURRENCY_MARKS: [RegExp, string][] = [
  [/US\s*\$|USD/i, 'USD'],
  [/CA\s*\$|CAD/i, 'CAD'],
  [/AU\s*\$|AUD/i, 'AUD'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₽|руб\.?|RUB/i, 'RUB'],
  [/¥|￥|元|CNY|RMB/i, 'CNY'],
  [/₸|KZT/i, 'KZT'],
  [/zł|PLN/i, 'PLN'],
  [/R\$|BRL/i, 'BRL'],
  [/\$/, 'USD'],
];

/** The amount in a piece of text: the decimal separator is the last "," or "." followed by 1–2 digits. */
export function parseAmount(text: string): number | undefined {
  const normalized = text.replace(/[−–]/g, '-');
  const match = /\d[\d\s\u00A0\u202F.,']*/.exec(normalized);
  if (!match) return undefined;
  // "-$0.27", "- ¥3.00", "-0.27": a minus before the number, with at most a currency mark between.
  const negative = /-\s*[^\d\s]{0,4}\s*$/.test(normalized.slice(0, match.index));
  let digits = match[0].replace(/[\s\u00A0\u202F']/g, '').replace(/[.,]$/, '');
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  if (decimal) {
    digits = digits.slice(0, decimal.index).replace(/[.,]/g, '') + '.' + decimal[1];
  } else {
    digits = digits.replace(/[.,]/g, '');
  }
  const amount = Number(digits) * (negative ? -1 : 1);
  return Number.isFinite(amount) ? amount : undefined;
}

export function currencyOf(text: string): string | undefined {
  return CURRENCY_MARKS.find(([mark]) => mark.test(text))?.[1];
}

/** Money in `text`, with `fallbackCurrency` when the text carries no currency mark (Taobao's bare "47.40"). */
export function parseMoney(text: string | undefined, fallbackCurrency?: string): Money | undefined {
  if (!text) return undefined;
  const amount = parseAmount(text);
  const currency = currencyOf(text) ?? fallbackCurrency;
  if (amount === undefined || !currency) return undefined;
  return { amount, currency };
}

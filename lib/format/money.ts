/**
 * An amount written the way the UI language writes money: one formatter for every surface that shows one
 * (popup, case page, letters, dossier report), so "5 468,00 ₽", "¥47.40" and "US $24.17" read the same
 * everywhere. Intl.NumberFormat does the language's own grouping, decimals and sign placement; on top of it:
 * - a US dollar is never a bare "$": AliExpress prices in dollars of several countries, so "$" alone could be
 *   any of them. English writes it as AliExpress does ("US $24.17"), Chinese and Russian as CLDR's "US$";
 * - a currency the language has no symbol for, which Intl writes as its ISO code ("RUB 5,468.00" in English
 *   and Chinese), gets its currency sign when that sign belongs to one currency only (₽, ₺, ₴, ₸, ₹, …);
 *   letter abbreviations ("kr", "R", "zł") and shared signs ($, ¥, £) stay as the code or Intl's prefix
 *   (CN¥, CA$, A$), which never confuse two currencies;
 * - cents the page stated are never rounded away (a currency without minor units still shows "¥1.50").
 */
import { languageTag, localeFor, type Locale } from '../i18n';
import type { Money } from '../common/model';

/** What each UI language writes for a currency where Intl's own symbol would be ambiguous. */
const MARKS: Record<Locale, Partial<Record<string, string>>> = {
  en: { USD: 'US $' },
  zh_CN: { USD: 'US$' },
  ru: { USD: 'US$' },
};

/** Currency signs that name one currency only, used where Intl would fall back to the ISO code. */
const UNIQUE_SIGNS = new Set(['₽', '₺', '₴', '₸', '₹', '₩', '₪', '₫', '₱', '฿', '₦', '₾', '€', '£']);

const LOCALE_NAMES: readonly string[] = ['en', 'zh_CN', 'ru'];

function uiLocale(locale: Locale | string): Locale {
  return LOCALE_NAMES.includes(locale) ? (locale as Locale) : localeFor(locale);
}

// Creating an Intl formatter costs far more than using one, and a list or a letter formats many amounts.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, currency: string, display: 'symbol' | 'narrowSymbol', fractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}|${fractionDigits ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag(locale), {
      style: 'currency',
      currency,
      currencyDisplay: display,
      ...(fractionDigits !== undefined && { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
    });
    formatters.set(key, format);
  }
  return format;
}

/** Decimals the amount needs (at most 4: no page states less than a hundredth of a cent). */
function decimalsOf(amount: number): number {
  for (let digits = 0; digits < 4; digits++) if (Math.abs(Math.round(amount * 10 ** digits) - amount * 10 ** digits) < 1e-6) return digits;
  return 4;
}

/**
 * `money` in the UI language `locale` (a catalogue name such as "zh_CN", or a BCP 47 tag such as "zh-CN" as
 * the components' `lang` is). A code Intl does not know is written as "12.5 XYZ", never thrown.
 */
export function formatMoney(money: Money, locale: Locale | string): string {
  const ui = uiLocale(locale);
  try {
    const defaultDigits = formatter(ui, money.currency, 'symbol').resolvedOptions().maximumFractionDigits ?? 2;
    const needed = decimalsOf(money.amount);
    const digits = needed > defaultDigits ? needed : undefined;
    const parts = formatter(ui, money.currency, 'symbol', digits).formatToParts(money.amount);
    const mark = MARKS[ui][money.currency];
    if (mark) return parts.map((p) => (p.type === 'currency' ? mark : p.value)).join('');
    if (parts.find((p) => p.type === 'currency')?.value === money.currency && hasUniqueSign(ui, money.currency)) {
      return formatter(ui, money.currency, 'narrowSymbol', digits).format(money.amount);
    }
    return parts.map((p) => p.value).join('');
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** Whether the language's narrow symbol for `currency` is a sign of that currency alone. */
function hasUniqueSign(locale: Locale, currency: string): boolean {
  const narrow = formatter(locale, currency, 'narrowSymbol').formatToParts(1).find((p) => p.type === 'currency')?.value;
  return narrow !== undefined && UNIQUE_SIGNS.has(narrow);
}

/**
 * A date as a page states it (lib/model.ts PageDateSchema), for the user to read: a calendar day stays that
 * day, with no time and no shift into another zone; an instant is shown in the user's own zone.
 */
import { DAY, type Money } from './model';

export function formatPageDate(value: string, lang: string, timeZone?: string): string {
  try {
    if (DAY.test(value)) return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone && { timeZone }) }).format(new Date(value));
  } catch {
    return value;
  }
}

/** An amount in its own currency, written the user's way ("US$36.80", "36,80 $", "¥47.40"). */
export function formatMoney(money: Money, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

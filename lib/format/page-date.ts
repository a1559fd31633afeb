/**
 * A date as a page states it (lib/common/model.ts PageDateSchema), for the user to read: a calendar day stays that
 * day, with no time and no shift into another zone; an instant is shown in the user's own zone.
 */
import { DAY } from '../common/model';

export function formatPageDate(value: string, lang: string, timeZone?: string): string {
  try {
    if (DAY.test(value)) return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone && { timeZone }) }).format(new Date(value));
  } catch {
    return value;
  }
}

/** An amount in its own currency, written the UI language's way (lib/format/money.ts). */
export { formatMoney } from './money';

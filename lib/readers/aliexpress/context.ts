/**
 * What every AliExpress reading step shares: the page's URL, when it is read, and how dates, money and links
 * are read on this site. One instance per reading.
 */
import type { Money } from '../../common/model';
import { parseDate } from '../parse/dates';
import { parseMoney } from '../parse/money';
import { isoInZone, userTimeZone } from '../../common/time';

// Links taken from the page's API data must stay on AliExpress: a forged response cannot send the user elsewhere.
const ALIEXPRESS_HOST = /(^|\.)aliexpress\.(?:com|us|ru)$/;

// Asking the runtime for its zone costs about a millisecond in Node: once per loaded reader is enough.
let zone: string | undefined;

export class ReadContext {
  readonly currency: string | undefined;
  /** AliExpress shows its times in the buyer's zone (lib/deadlines/rules/data.ts, aeTimer). */
  readonly timeZone = (zone ??= userTimeZone());
  constructor(
    readonly url: URL,
    readonly now: Date,
  ) {
    // aliexpress.ru prices carry ₽; elsewhere a price without a mark is not guessed.
    this.currency = url.hostname.endsWith('aliexpress.ru') ? 'RUB' : undefined;
  }
  /** `yearless`: a date shown without a year is when something happened ('past') or a deadline ('future'). */
  date(text: string | undefined, yearless: 'past' | 'future' = 'past'): string | undefined {
    return parseDate(text, { timeZone: this.timeZone, now: this.now, yearless });
  }
  /** An instant given as milliseconds (or seconds) since the epoch, with the buyer's offset. */
  instant(epoch: number): string | undefined {
    const ms = epoch < 1e11 ? epoch * 1000 : epoch;
    // 2000-01-01 … 2100-01-01: anything else is not a date of an order.
    if (!Number.isFinite(ms) || ms < 946_684_800_000 || ms > 4_102_444_800_000) return undefined;
    return isoInZone(Math.round(ms), this.timeZone);
  }
  /** `stated`: the currency code the data gives beside the text, which wins over the text's mark. */
  money(text: string | undefined, stated?: string): Money | undefined {
    return parseMoney(text, this.currency, stated);
  }
  /** An absolute https/http link on an AliExpress host, or undefined. */
  link(href: unknown): string | undefined {
    if (typeof href !== 'string' || !href.trim()) return undefined;
    try {
      const url = new URL(href.trim(), this.url.href);
      return (url.protocol === 'https:' || url.protocol === 'http:') && ALIEXPRESS_HOST.test(url.hostname) ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * A reading cut to what PageReadingSchema keeps, instead of refused whole: a page with 600 orders, an order
 * of 10,000 items or a 5,000-character title is still read (its first MAX_ORDERS orders, MAX_ITEMS items,
 * strings cut to MAX_TEXT), and the reading says what was cut (`truncated`). Only length is forgiven: any
 * other fault (an order id that is not an id, a date that is not a date) still fails the schema, as before.
 */
import { MAX_COUNTDOWNS, MAX_ITEMS, MAX_ORDERS, MAX_TRACKING, MAX_TRUNCATED } from '../common/reading-terms';
import { MAX_TEXT } from '../common/text';

/** The lists a reading caps, by their key. */
const LIST_CAPS: Record<string, number> = { orders: MAX_ORDERS, items: MAX_ITEMS, tracking: MAX_TRACKING, countdowns: MAX_COUNTDOWNS };
/** The most notes of what was cut (the schema's own cap on `truncated`). */
export const MAX_TRUNCATION_NOTES = MAX_TRUNCATED;
// Readers build plain objects a few levels deep; anything deeper is not theirs and is left to the schema.
const MAX_DEPTH = 8;

/** `text` cut to `max` characters, never in the middle of a surrogate pair. */
function cutText(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/** A copy of the reader's `raw` reading cut to the caps, and what was cut. Never throws. */
export function capReading(raw: unknown): { value: unknown; truncated: string[] } {
  const notes: string[] = [];
  const note = (text: string) => {
    if (notes.length < MAX_TRUNCATION_NOTES) notes.push(text);
  };
  const cut = (value: unknown, path: string, key: string, depth: number): unknown => {
    if (typeof value === 'string') {
      if (value.length <= MAX_TEXT) return value;
      // A link cut short points somewhere else: left out rather than shortened.
      note(path);
      return key === 'url' ? undefined : cutText(value, MAX_TEXT);
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const cap = LIST_CAPS[key];
      if (cap !== undefined && value.length > cap) note(`${path} (${value.length}, kept ${cap})`);
      return (cap !== undefined ? value.slice(0, cap) : value).map((v, i) => cut(v, `${path}[${i}]`, '', depth + 1));
    }
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // `sources` names fields and strategies: nothing of the page's there to cut.
      const kept = k === 'sources' ? v : cut(v, path ? `${path}.${k}` : k, k, depth + 1);
      if (kept !== undefined) copy[k] = kept;
    }
    return copy;
  };
  try {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { value: raw, truncated: [] };
    const reading = raw as Record<string, unknown>;
    const value: Record<string, unknown> = { ...reading, orders: cut(reading.orders, 'orders', 'orders', 0) };
    // What the reader missed in orders that were cut away is no longer about this reading.
    if (Array.isArray(reading.missing)) {
      value.missing = reading.missing.filter((m) => {
        const index = typeof m === 'string' ? /^orders\[(\d+)\]/.exec(m)?.[1] : undefined;
        return index === undefined || Number(index) < MAX_ORDERS;
      });
    }
    return { value, truncated: notes };
  } catch {
    return { value: raw, truncated: [] };
  }
}

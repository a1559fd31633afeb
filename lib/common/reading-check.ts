/**
 * The check of a reader's output in the content scripts, in plain code: exactly what `PageReadingSchema` and
 * `OrderFactsSchema` (./reading.ts, the one declaration of the shape) enforce, without carrying zod into every
 * marketplace page. Types, enums, lengths and caps, finite numbers and whole counts, the page dates' shapes; a
 * key the shape does not name is dropped, as zod drops it. Its unit test holds it to the zod schemas over many
 * valid and broken readings; the background and the pages parse what they receive with zod again
 * (lib/messaging/messages.ts), so this is the page's own guard, not the last one.
 */
import { PLATFORMS } from './marketplaces';
import { MAX_TEXT } from './text';
import type { OrderFacts, PageReading } from './reading';
import {
  CURRENCY,
  isPageDate,
  MAX_COUNTDOWNS,
  MAX_ITEMS,
  MAX_ORDERS,
  MAX_TRACKING,
  MAX_TRUNCATED,
  ORDER_EVENTS,
  ORDER_ID,
  PAGE_DATE_RULE,
  PAGE_KINDS,
  STRATEGIES,
} from './reading-terms';

/** One thing the value breaks, where it is: `['orders', 0, 'items', 2, 'title']`, as zod's issue paths. */
export interface ReadingIssue {
  path: PropertyKey[];
  message: string;
}
export type ReadingCheck<T> = { success: true; data: T } | { success: false; issues: ReadingIssue[] };

/** Checks `value` at `path`, adding what it breaks to `issues`; returns the value as kept (objects rebuilt). */
type Check = (value: unknown, path: PropertyKey[], issues: ReadingIssue[]) => unknown;

const fail = (issues: ReadingIssue[], path: PropertyKey[], message: string): undefined => {
  issues.push({ path, message });
  return undefined;
};

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's test of a record: an object made by `{}`, JSON.parse or Object.create(null), not an instance of a class. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

const string =
  (max = Infinity, pattern?: RegExp, test?: (s: string) => boolean, rule = 'the expected form'): Check =>
  (value, path, issues) => {
    if (typeof value !== 'string') return fail(issues, path, 'expected a string');
    if (value.length > max) return fail(issues, path, `longer than ${max} characters`);
    if ((pattern && !pattern.test(value)) || (test && !test(value))) return fail(issues, path, `not ${rule}`);
    return value;
  };

const text = string(MAX_TEXT);
const pageDate = string(Infinity, undefined, isPageDate, PAGE_DATE_RULE);

/** A finite number (zod's z.number() refuses NaN and ±Infinity). */
const number: Check = (value, path, issues) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(issues, path, 'expected a finite number'));
/** A whole number ≥ 0 within the safe integers (zod's z.int() with nonnegative). */
const count: Check = (value, path, issues) => (Number.isSafeInteger(value) && (value as number) >= 0 ? value : fail(issues, path, 'expected a whole number ≥ 0'));

const oneOf =
  (values: readonly string[]): Check =>
  (value, path, issues) =>
    values.includes(value as string) ? value : fail(issues, path, `expected one of ${values.join(', ')}`);

const array =
  (item: Check, max = Infinity): Check =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, 'expected a list');
    if (value.length > max) fail(issues, path, `more than ${max} entries`);
    const kept: unknown[] = [];
    for (let i = 0; i < value.length; i++) kept.push(item(value[i], [...path, i], issues));
    return kept;
  };

/** A field that may be absent (or undefined). */
interface Optional {
  optional: Check;
}
const optional = (check: Check): Optional => ({ optional: check });

/** An object with these fields; others are left out of what is kept (zod's z.object strips them). */
const object =
  (shape: Record<string, Check | Optional>): Check =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'expected an object');
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const present = key in value;
      const fieldValue = value[key];
      if (typeof field !== 'function') {
        if (fieldValue !== undefined) kept[key] = field.optional(fieldValue, [...path, key], issues);
        else if (present) kept[key] = undefined;
      } else if (!present) {
        fail(issues, [...path, key], 'missing');
      } else {
        kept[key] = field(fieldValue, [...path, key], issues);
      }
    }
    return kept;
  };

/**
 * A record of `entry` values. `keys`: the only keys it may have (a key outside them is reported at the record
 * itself, as zod's partialRecord does); without, any string key.
 */
const record =
  (entry: Check, keys?: readonly string[]): Check =>
  (value, path, issues) => {
    if (!isPlainObject(value)) return fail(issues, path, 'expected a record');
    const kept: Record<string, unknown> = {};
    const unknownKeys: PropertyKey[] = [];
    for (const key of Reflect.ownKeys(value)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key !== 'string' || (keys && !keys.includes(key))) {
        if (keys) unknownKeys.push(key);
        else fail(issues, [...path, key], 'not a text key');
        continue;
      }
      kept[key] = entry(value[key], [...path, key], issues);
    }
    if (unknownKeys.length) fail(issues, path, `keys not known: ${unknownKeys.map(String).join(', ')}`);
    return kept;
  };

const money = object({ amount: number, currency: string(Infinity, CURRENCY, undefined, 'an ISO 4217 code') });
const orderId = string(Infinity, ORDER_ID, undefined, 'an order number');

const orderFacts = object({
  orderId,
  placedAt: optional(pageDate),
  status: optional(text),
  store: optional(object({ name: text, url: optional(text), id: optional(text) })),
  items: array(object({ title: text, sku: optional(text), quantity: optional(count), price: optional(money), url: optional(text), snapshotUrl: optional(text) }), MAX_ITEMS),
  total: optional(money),
  tracking: optional(array(object({ number: text, carrier: optional(text) }), MAX_TRACKING)),
  countdowns: optional(array(object({ label: text, text, endsAt: optional(string()), endsBefore: optional(string()) }), MAX_COUNTDOWNS)),
  events: optional(record(pageDate, ORDER_EVENTS)),
  dispute: optional(object({ id: optional(orderId), type: optional(text), status: optional(text), openedAt: optional(pageDate), amount: optional(money), url: optional(text) })),
  sources: record(oneOf(STRATEGIES)),
});

const pageReading = object({
  platform: oneOf(PLATFORMS),
  pageKind: oneOf(PAGE_KINDS),
  orders: array(orderFacts, MAX_ORDERS),
  missing: array(string()),
  truncated: optional(array(string(), MAX_TRUNCATED)),
});

function run<T>(check: Check, value: unknown): ReadingCheck<T> {
  const issues: ReadingIssue[] = [];
  const data = check(value, [], issues);
  return issues.length ? { success: false, issues } : { success: true, data: data as T };
}

/** One order's facts, as `OrderFactsSchema.safeParse` would take them. */
export const checkOrderFacts = (value: unknown): ReadingCheck<OrderFacts> => run(orderFacts, value);

/** A page's reading, as `PageReadingSchema.safeParse` would take it. */
export const checkPageReading = (value: unknown): ReadingCheck<PageReading> => run(pageReading, value);

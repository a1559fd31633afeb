// @vitest-environment happy-dom
// The content scripts check a reader's output with plain code (lib/common/reading-check.ts) instead of carrying
// zod; the zod schemas (lib/common/reading.ts) stay the one declaration of the shape. Over the fixtures' readings
// and thousands of broken copies of them, the two must agree: the same accept or reject, the same value kept, and
// for an order the same fields at fault (the Taobao reader drops just those, lib/readers/taobao/order.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COUNTDOWNS, MAX_ITEMS, MAX_TEXT, MAX_TRACKING, MAX_TRUNCATED, OrderFactsSchema, PageReadingSchema } from '@/lib/common/reading';
import { checkOrderFacts, checkPageReading } from '@/lib/common/reading-check';
import { readPage } from '@/lib/readers';
import { SAMPLES } from '../../../fixtures/samples.mjs';
import { FIXTURES_DIR, htmlDocument } from '../../support/fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');

const readings = SAMPLES.map((sample) => {
  const reading = readPage(htmlDocument(readFileSync(resolve(FIXTURES_DIR, sample.file), 'utf8')), sample.url, NOW);
  if (!reading) throw new Error(`${sample.name}: not read`);
  return { name: sample.name, reading };
});

/** A full order, every optional field set, so each one gets broken. */
const FULL_ORDER = {
  orderId: '8190123456789012',
  placedAt: '2026-11-03T14:42:51+08:00',
  status: 'Awaiting delivery',
  store: { name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1', id: '1' },
  items: [{ title: 'USB-C cable', sku: 'Black, 1 m', quantity: 2, price: { amount: 3.5, currency: 'USD' }, url: 'https://x/1', snapshotUrl: 'https://x/s' }],
  total: { amount: 7, currency: 'USD' },
  tracking: [{ number: 'LP00123456789', carrier: 'Cainiao' }],
  countdowns: [{ label: 'Confirm receipt', text: '9 days 10 h', endsAt: '2026-11-29T19:00:00Z', endsBefore: '2026-11-29T20:00:00Z' }],
  events: { placed: '2026-11-03T14:42:51+08:00', shipped: '2026-11-05', delivered: '2026-11-12' },
  dispute: { id: 'R123', type: 'RETURN', status: 'Open', openedAt: '2026-11-13', amount: { amount: 7, currency: 'USD' }, url: 'https://x/d' },
  sources: { orderId: 'url', placedAt: 'api-data', 'events.placed': 'api-data', store: 'selector' },
};
const FULL_READING = { platform: 'aliexpress', pageKind: 'order-detail', orders: [FULL_ORDER], missing: ['tracking'], truncated: ['orders[0].items[2].title'] };

type Path = (string | number)[];

/** Every place in a JSON value, the value's own root included. */
function paths(value: unknown, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...at, k]));
  return found;
}

const clone = <T>(value: T): T => structuredClone(value);

/** A copy of `root` with the value at `path` replaced (or removed, for REMOVE). */
const REMOVE = Symbol('remove');
function withValue(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

const long = (n: number) => 'x'.repeat(n);
/** What a drifted reader might put anywhere: wrong types, non-finite numbers, bad enums, bad dates and ids, overlong text. */
const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  REMOVE,
  0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  '',
  'taobao',
  'order-list',
  'api-data',
  'Api-Data',
  'usd',
  'USD',
  '2026-11-03',
  '2026-13-45',
  '2026-11-03T14:42:51',
  '2026-11-03 14:42:51',
  '2026-11-03T14:42:51.123+08:00',
  '2026-02-30T10:00Z',
  '12/11/2026',
  'abc def',
  'A'.repeat(64),
  'A'.repeat(65),
  long(MAX_TEXT),
  long(MAX_TEXT + 1),
  true,
  [],
  ['x'],
  {},
  { extra: 1 },
  new Date('2026-11-03'),
];

/** Lists grown past their caps (and to them), keys the shape does not name. */
function structural(root: unknown): unknown[] {
  const out: unknown[] = [];
  for (const path of paths(root)) {
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
    if (Array.isArray(value)) {
      if (!value.length) continue;
      const key = path[path.length - 1];
      const cap = key === 'items' ? MAX_ITEMS : key === 'tracking' ? MAX_TRACKING : key === 'countdowns' ? MAX_COUNTDOWNS : key === 'truncated' ? MAX_TRUNCATED : 3;
      for (const n of [cap, cap + 1]) out.push(withValue(root, path, Array.from({ length: n }, (_, i) => clone(value[i % value.length]))));
      out.push(withValue(root, path, [...value, undefined]));
      // A hole: what a reader's `list[5] = …` leaves before it.
      const holed = clone(value);
      holed.length += 1;
      holed.push(clone(value[0]));
      out.push(withValue(root, path, holed));
    } else if (value && typeof value === 'object') {
      out.push(withValue(root, path, { ...value, unexpected: 'kept?' }));
      out.push(withValue(root, path, { ...value, placed: '2026-11-03', paidAt: 'x' }));
      out.push(withValue(root, path, { ...value, shipped: 'soon' }));
      out.push(withValue(root, path, Object.assign(Object.create(null), value)));
      const json = JSON.stringify(value);
      out.push(withValue(root, path, JSON.parse(json === '{}' ? '{"__proto__": {"x": 1}}' : `{"__proto__": {"x": 1}, ${json.slice(1)}`)));
      out.push(withValue(root, path, Object.assign(new (class Box {})(), value)));
      out.push(withValue(root, path, { ...value, [Symbol('s')]: 'api-data' }));
    }
  }
  return out;
}

function samplesOf(root: unknown): unknown[] {
  const out: unknown[] = [root];
  for (const path of paths(root)) for (const replacement of REPLACEMENTS) out.push(withValue(root, path, replacement));
  return [...out, ...structural(root)];
}

/** The fields of an order at fault, as the Taobao reader reads them: the first key, and the event under `events`. */
const faultyFields = (issues: readonly { path: PropertyKey[] }[]) =>
  [...new Set(issues.map((i) => (i.path[0] === 'events' && i.path.length > 1 ? `events.${String(i.path[1])}` : String(i.path[0] ?? ''))))].sort();

describe('the plain check of a reading agrees with its zod schema', () => {
  it('on every fixture’s reading, as read', () => {
    expect(readings.length).toBeGreaterThanOrEqual(7);
    for (const { reading } of readings) {
      expect(checkPageReading(reading)).toEqual({ success: true, data: PageReadingSchema.parse(reading) });
    }
  });

  const cases: { name: string; root: unknown }[] = [
    { name: 'a full reading', root: FULL_READING },
    ...readings.map(({ name, reading }) => ({ name, root: reading })),
  ];

  it.each(cases)('$name: accept or reject, and the value kept, on every broken copy', ({ root }) => {
    const samples = samplesOf(root);
    expect(samples.length).toBeGreaterThan(500);
    let rejected = 0;
    for (const sample of samples) {
      const zod = PageReadingSchema.safeParse(sample);
      const plain = checkPageReading(sample);
      expect(plain.success, JSON.stringify(sample)?.slice(0, 300)).toBe(zod.success);
      if (plain.success && zod.success) expect(plain.data).toEqual(zod.data);
      if (!zod.success) rejected++;
    }
    // Most broken copies are refused; some are still valid (a missing optional field, a valid replacement).
    expect(rejected).toBeGreaterThan(samples.length / 2);
  });

  const orders = [FULL_ORDER, ...readings.flatMap(({ reading }) => reading.orders.slice(0, 2))];
  it.each(orders.map((order) => ({ name: order.orderId, order })))('order $name: the same fields at fault', ({ order }) => {
    for (const sample of samplesOf(order)) {
      const zod = OrderFactsSchema.safeParse(sample);
      const plain = checkOrderFacts(sample);
      expect(plain.success).toBe(zod.success);
      if (plain.success && zod.success) expect(plain.data).toEqual(zod.data);
      if (!plain.success && !zod.success) expect(faultyFields(plain.issues), JSON.stringify(sample)?.slice(0, 300)).toEqual(faultyFields(zod.error.issues));
    }
  });

  it('says where each fault is', () => {
    const broken = withValue(FULL_READING, ['orders', 0, 'items', 0, 'quantity'], 1.5);
    const result = checkPageReading(withValue(broken, ['orders', 0, 'total', 'amount'], NaN));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path)).toEqual([['orders', 0, 'items', 0, 'quantity'], ['orders', 0, 'total', 'amount']]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function extract(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/extract.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, json: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'extract-'));

// Each test starts the CLI through tsx (a cold TypeScript start): on a loaded CI machine that takes seconds, so
// the timeout is generous. This is a hang guard, not a speed check (speed lives in scripts/bench.mjs).
describe('npm run extract', { timeout: 60_000 }, () => {
  it('prints the documented JSON for an order page and exits 0', () => {
    const { code, json } = extract('tests/fixtures/aliexpress/order-detail.html', '--url', 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012');
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['platform', 'pageKind', 'orders', 'missing']);
    expect(json.orders[0]).not.toHaveProperty('sources');
    expect(json.orders[0]).toMatchObject({ orderId: '8190123456789012', placedAt: '2026-11-03', total: { amount: 36.8, currency: 'USD' } });
  });

  it('finds the URL in a page saved by the browser', () => {
    const saved = join(tmp, 'saved.html');
    writeFileSync(saved, '<!-- saved from url=(0066)https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012 -->\n<html><body>Order ID: 8190123456789012</body></html>');
    const { code, json } = extract(saved);
    expect(code).toBe(0);
    expect(json.orders[0].orderId).toBe('8190123456789012');
  });

  it('exits 3 with pageKind "unknown" for a page it does not recognise', () => {
    const { code, json } = extract('tests/fixtures/aliexpress/order-detail.html', '--url', 'https://www.aliexpress.com/item/1.html');
    expect(code).toBe(3);
    expect(json).toEqual({ platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] });
    expect(extract('tests/fixtures/aliexpress/order-detail.html', '--url', 'https://example.com/').code).toBe(3);
  });

  it('exits 2 for input it cannot read', () => {
    const empty = join(tmp, 'empty.html');
    writeFileSync(empty, '');
    expect(extract(empty, '--url', 'https://www.aliexpress.com/p/order/index.html')).toMatchObject({ code: 2, json: undefined });
    const missing = extract(join(tmp, 'nope.html'), '--url', 'https://www.aliexpress.com/p/order/index.html');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(extract().code).toBe(2);
  });
});

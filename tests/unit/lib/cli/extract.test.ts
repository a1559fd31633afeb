import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function extract(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/extract.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, json: run.stdout ? JSON.parse(run.stdout) : undefined, stdout: run.stdout, stderr: run.stderr };
}
function redactHar(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/redact-har.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'extract-'));
const HAR = 'tests/fixtures/har';
/** What a stack trace or an uncaught error looks like on stderr. */
const TRACE = /^\s+at |Error:|node:internal/m;

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

describe('npm run extract on a HAR', { timeout: 60_000 }, () => {
  it("prints the documented JSON of a single-page app's capture, with its dated steps, and exits 0", () => {
    const { code, json, stderr } = extract(`${HAR}/aliexpress-detail-spa.chrome.har`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(Object.keys(json)).toEqual(['platform', 'pageKind', 'orders', 'missing']);
    expect(json.orders[0]).not.toHaveProperty('sources');
    expect(json.orders[0]).toMatchObject({ orderId: '8190123456789012', total: { amount: 36.8, currency: 'USD' }, events: { delivered: '2026-11-15', completed: '2026-11-18' } });
  });

  it('says with --sources that the fields came from the API, events included; reads Firefox HARs; takes --url and --now', () => {
    const sources = extract(`${HAR}/aliexpress-disputes.chrome.har`, '--sources').json.orders[0].sources;
    expect(sources).toMatchObject({ orderId: 'api-data', 'events.disputeOpened': 'api-data', 'dispute.status': 'api-data' });
    const firefox = extract(`${HAR}/aliexpress-list.firefox.har`);
    expect(firefox.code).toBe(0);
    expect(firefox.json.orders).toHaveLength(5);
    const now = extract(`${HAR}/aliexpress-disputes.chrome.har`, '--now', '2026-11-22T00:00:00Z');
    expect(now.json.orders[0].countdowns[0].endsAt).toBe('2026-11-26T23:00:00.000Z');
    const other = extract(`${HAR}/aliexpress-detail-spa.chrome.har`, '--url', 'https://example.com/p/order/detail.html?orderId=8190123456789012');
    expect(other).toMatchObject({ code: 3, json: { platform: null, pageKind: 'unknown', orders: [] } });
  });

  it('exits 2 with a clear message, never a stack trace, for a file that is not JSON, a cut-off HAR and JSON that is no HAR', () => {
    const notJson = join(tmp, 'page.har');
    writeFileSync(notJson, '<html><body>saved the page, not the HAR</body></html>');
    const cut = join(tmp, 'cut.har');
    writeFileSync(cut, readFileSync(`${HAR}/taobao-list-pages.chrome.har`, 'utf8').slice(0, 4000));
    const other = join(tmp, 'other.json');
    writeFileSync(other, '{"name": "not a capture"}');
    for (const [file, message] of [
      [notJson, /not JSON/],
      [cut, /ends early/],
      [other, /not a HAR/],
    ] as const) {
      const run = extract(file);
      expect(run.code, file).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(TRACE);
    }
  });

  it('refuses a 200 MB HAR without reading it, naming the cap', () => {
    const big = join(tmp, 'big.har');
    // A sparse file: 200 MB on paper, nothing on disk.
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    const started = Date.now();
    const run = extract(big);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the file is 200 MB; DisputeKit reads HAR files and pages up to 100 MB/);
    expect(run.stderr).not.toMatch(TRACE);
    // A hang guard (speed lives in the bench): refusing it does not read 200 MB.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reads the HTML of a saved page at --now too (a date without its year)', () => {
    const page = 'tests/fixtures/yandex-market/order-detail.html';
    const url = 'https://market.yandex.ru/my/order/512034876';
    const endsAt = (now: string) => extract(page, '--url', url, '--now', now).json.orders[0].countdowns[0].endsAt;
    expect(endsAt('2026-11-20T09:00:00Z')).toBe('2026-11-27T20:59:59.000Z');
    expect(endsAt('2027-11-01T09:00:00Z')).toBe('2027-11-27T20:59:59.000Z');
  });
});

describe('npm run redact-har', { timeout: 60_000 }, () => {
  it('writes a copy that extract reads exactly as the original, and says what it removed', () => {
    const out = join(tmp, 'redacted.har');
    const run = redactHar(`${HAR}/aliexpress-detail-secrets.chrome.har`, out);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/removed 24 cookies, 51 headers, 1 request bodies, \d+ query values and 3 unrelated response bodies; kept 1 order API responses and 1 page HTML/);
    expect(run.stderr).toMatch(/look through/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/xm_sess_|Bearer|8f14e45fceea|csrf-7d1e|jane\.roe/);
    const original = extract(`${HAR}/aliexpress-detail-secrets.chrome.har`, '--sources');
    const redacted = extract(out, '--sources');
    expect(redacted.code).toBe(0);
    expect(redacted.stdout).toBe(original.stdout);
    // --no-html: no page HTML left (the copy above keeps it).
    expect(text).toContain('<div id=\\"root\\">');
    const bare = join(tmp, 'bare.har');
    expect(redactHar(`${HAR}/aliexpress-detail-secrets.chrome.har`, bare, '--no-html').code).toBe(0);
    expect(readFileSync(bare, 'utf8')).not.toContain('<div id=\\"root\\">');
  });

  it('exits 2, writing nothing, for bad input, missing files and an output that would overwrite the input', () => {
    const notJson = join(tmp, 'not-json.har');
    writeFileSync(notJson, 'GIF89a binary');
    const out = join(tmp, 'never.har');
    for (const args of [[notJson, out], [`${HAR}/nope.har`, out], [`${HAR}/aliexpress-detail-spa.chrome.har`], [`${HAR}/aliexpress-detail-spa.chrome.har`, `${HAR}/aliexpress-detail-spa.chrome.har`]]) {
      const run = redactHar(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^redact-har: /);
      expect(run.stderr).not.toMatch(TRACE);
    }
    expect(existsSync(out)).toBe(false);
    expect(statSync(`${HAR}/aliexpress-detail-spa.chrome.har`).size).toBeGreaterThan(1000);
    const big = join(tmp, 'big-in.har');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    expect(redactHar(big, out).stderr).toMatch(/up to 100 MB/);
    expect(existsSync(out)).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadlinesFromCaseJson } from '@/lib/cli/deadlines';

function deadlines(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/deadlines.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, json: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'deadlines-'));
function caseFile(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// Each case spawns tsx (about a second, much more on a busy machine): a generous limit, not a speed check.
describe('npm run deadlines', { timeout: 60_000 }, () => {
  it('prints the documented JSON, soonest first, with the page countdown marked', () => {
    const file = caseFile('yandex.json', {
      platform: 'yandex-market',
      events: { delivered: '2026-12-26T12:00:00+03:00', claimSent: '2026-12-22T10:00:00+03:00' },
      pageCountdowns: [{ kind: 'return-window', endsAt: '2027-01-09T20:59:59Z' }],
    });
    const { code, json, stdout } = deadlines(file, '--now', '2026-12-27T00:00:00Z');
    expect(code).toBe(0);
    expect(stdout).toContain('\n  "deadlines": [\n');
    expect(Object.keys(json)).toEqual(['deadlines']);
    expect(json.deadlines.map((d: { rule: string }) => d.rule)).toEqual(['YM-02', 'RU-18', 'RU-22', 'RU-23', 'RU-261a', 'RU-261b', 'RU-19']);
    // Issue 11 adds how exactly each due is known: `precision`, and for a day its `lastDay`.
    expect(json.deadlines[0]).toEqual({
      rule: 'YM-02',
      label: "Yandex Market's own return window",
      due: '2027-01-09T23:59:59+03:00',
      precision: 'minute',
      confidence: 'H',
      source: 'order page countdown; rule: Yandex Market help for sellers: yandex.com/support/marketplace/ru/start/refund.md',
      fromPage: true,
    });
    expect(json.deadlines[2]).toEqual({
      rule: 'RU-22',
      label: 'Seller must meet the written claim',
      due: '2027-01-12T00:00:00+03:00',
      precision: 'day',
      lastDay: '2027-01-11',
      confidence: 'H',
      source: 'Закон РФ 2300-1 «О защите прав потребителей», ст. 22',
    });
  });

  it('counts a Taobao timer in Shanghai time', () => {
    const { code, json } = deadlines(caseFile('taobao.json', { platform: 'taobao', events: { shipped: '2026-11-10T15:30:00Z' } }));
    expect(code).toBe(0);
    expect(json.deadlines.find((d: { rule: string }) => d.rule === 'TB-02')).toMatchObject({ due: '2026-11-20T23:30:00+08:00', confidence: 'L' });
  });

  it.each([
    ['a missing file', () => [join(tmp, 'nope.json')], /cannot read .*nope\.json: ENOENT/],
    ['a malformed date', () => [caseFile('date.json', { platform: 'taobao', events: { shipped: '10/11/2026' } })], /events\.shipped: not an ISO 8601 date-time/],
    ['a bad --now', () => [caseFile('ok.json', { platform: 'taobao', events: {} }), '--now', 'yesterday'], /--now: not a date/],
  ])('exits 2 with a clear message for %s', (_name, args, message) => {
    const { code, stdout, stderr } = deadlines(...args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('npm run extract | npm run deadlines', { timeout: 120_000 }, () => {
  const pipe = (page: string, url: string, now: string) => {
    const tsx = 'node_modules/.bin/tsx';
    const run = spawnSync('sh', ['-c', `${tsx} scripts/extract.ts "$1" --url "$2" --now "$3" | ${tsx} scripts/deadlines.ts - --now "$3"`, 'pipe', page, url, now], { encoding: 'utf8' });
    return { code: run.status, json: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
  };

  it('checks page → deadlines in one line: the page\'s dates as days, its countdowns as the page gave them', () => {
    const aliexpress = pipe('tests/fixtures/aliexpress/order-detail.html', 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', '2026-12-01T12:00:00Z');
    expect(aliexpress.code).toBe(0);
    // "Refund if no delivery before Dec 28, 2026": the end of 28 Dec, not 27 Dec 19:00 in New York.
    expect(aliexpress.json.deadlines.find((d: { rule: string }) => d.rule === 'AE-12')).toMatchObject({ due: '2026-12-29T00:00:00+00:00', precision: 'day', lastDay: '2026-12-28', fromPage: true });
    const yandex = pipe('tests/fixtures/yandex-market/order-detail.html', 'https://market.yandex.ru/my/order/512034876', '2026-12-01T12:00:00Z');
    expect(yandex.code).toBe(0);
    // "Можно вернуть до 27 ноября": until 24:00 of 27 Nov, Moscow time.
    expect(yandex.json.deadlines.find((d: { rule: string }) => d.rule === 'YM-02')).toMatchObject({ due: '2026-11-28T00:00:00+03:00', precision: 'day', lastDay: '2026-11-27' });
  });

  it('says so when the page before the pipe gave nothing', () => {
    const { code, stderr } = pipe('tests/fixtures/nope.html', 'https://www.aliexpress.com/p/order/index.html', '2026-12-01T12:00:00Z');
    expect(code).toBe(2);
    expect(stderr).toMatch(/standard input is empty/);
  });
});

describe('deadlinesFromCaseJson with the JSON extract prints', () => {
  const reading = (order: Record<string, unknown>, platform = 'yandex-market') => JSON.stringify({ platform, pageKind: 'order-detail', orders: [{ orderId: '512034876', items: [], ...order }], missing: [] });
  const NOW = new Date('2026-12-01T12:00:00Z');

  it('uses the first order\'s events and countdowns, as the extension does', () => {
    const run = deadlinesFromCaseJson(reading({ placedAt: '2026-11-03T14:42:00+03:00', events: { delivered: '2026-11-05' }, countdowns: [{ label: 'Можно вернуть', text: 'Можно вернуть: осталось 12 дней 5 часов', endsAt: '2026-12-13T17:00:00.000Z' }] }), NOW);
    expect(run.ok).toBe(true);
    const deadlines = run.ok ? run.output.deadlines : [];
    expect(deadlines.find((d) => d.rule === 'RU-261a')).toMatchObject({ due: '2026-11-13T00:00:00+03:00', precision: 'day', lastDay: '2026-11-12' });
    expect(deadlines.find((d) => d.rule === 'RU-19')?.lastDay).toBe('2028-11-06');
    // A countdown read to the hour keeps its hour: it ends before 13 Dec 18:00 UTC.
    expect(deadlines.find((d) => d.rule === 'YM-02')).toMatchObject({ precision: 'hour', due: '2026-12-13T20:00:00+03:00', endsBefore: '2026-12-13T21:00:00+03:00' });
  });

  it('accepts paymentDisputeOpened in CASE.json: it starts PP-2, 20 days to escalate', () => {
    const run = deadlinesFromCaseJson(JSON.stringify({ platform: 'aliexpress', region: 'RU', events: { paymentDisputeOpened: '2026-11-20' } }), NOW);
    expect(run.ok && run.output.deadlines).toEqual([expect.objectContaining({ rule: 'PP-2', due: '2026-12-11T00:00:00+03:00', lastDay: '2026-12-10', confidence: 'H' })]);
  });

  it.each([
    ['no order', JSON.stringify({ platform: 'aliexpress', pageKind: 'unknown', orders: [], missing: [] }), /holds no order \(pageKind "unknown"\)/],
    ['an unknown event', reading({ events: { arrived: '2026-11-05' } }), /orders\.0\.events\.arrived: unknown event/],
    ['a bad date', reading({ events: { delivered: 'вчера' } }), /orders\.0\.events\.delivered: not a day/],
    ['an unknown platform', reading({}, 'ebay'), /platform: unknown platform/],
  ])('refuses %s', (_name, text, message) => {
    const run = deadlinesFromCaseJson(text, NOW);
    expect(run.ok).toBe(false);
    expect(!run.ok && run.error).toMatch(message);
  });
});

// The rest of the input checks, in-process (the same function the script calls), to spawn less.
describe('deadlinesFromCaseJson', () => {
  it.each([
    ['invalid JSON', '{ "platform": ', /not valid JSON/],
    ['not an object', '[]', /must be a JSON object/],
    ['an unknown platform', JSON.stringify({ platform: 'ebay', events: {} }), /platform: unknown platform/],
    ['an unknown event', JSON.stringify({ platform: 'taobao', events: { arrived: '2026-11-10T15:30:00Z' } }), /events\.arrived: unknown event/],
    ['a date without an offset', JSON.stringify({ platform: 'taobao', events: { shipped: '2026-11-10T15:30:00' } }), /events\.shipped: not an ISO 8601 date-time/],
    ['an unknown countdown kind', JSON.stringify({ platform: 'taobao', events: {}, pageCountdowns: [{ kind: 'lunch', endsAt: '2026-11-21T10:00:00+08:00' }] }), /unknown countdown kind/],
    ['user dates', JSON.stringify({ platform: 'taobao', events: {}, userDue: {} }), /userDue: not accepted/],
  ])('refuses %s', (_name, text, message) => {
    const run = deadlinesFromCaseJson(text, new Date('2026-11-20T00:00:00Z'));
    expect(run.ok).toBe(false);
    expect(!run.ok && run.error).toMatch(message);
  });
});

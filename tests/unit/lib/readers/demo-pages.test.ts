// @vitest-environment happy-dom
// What `npm run demo` serves: the sample pages with their dates moved to today, and the Taobao and Tmall
// samples drawn on screen (the test fixtures hold only the page's data, which without the site's script
// shows a blank page), reading exactly as the fixtures they stand for.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/readers';
import { daysSince, withDatesFromToday } from '../../../fixtures/relative-dates.mjs';
import { SAMPLES } from '../../../fixtures/samples.mjs';
import { FIXTURES_DIR, htmlDocument } from '../../support/fixtures';

const read = (file: string) => readFileSync(resolve(FIXTURES_DIR, file), 'utf8');

describe('the demo’s dates, relative to today', () => {
  const NOW = new Date('2027-01-10T12:00:00Z');
  // 2026-11-20 → 2027-01-10: 51 days later.
  const shift = (html: string) => withDatesFromToday(html, '2026-11-20', NOW);

  it('moves every date format by the days from the sample’s day to today', () => {
    expect(daysSince('2026-11-20', NOW)).toBe(51);
    expect(shift('Placed on Nov 3, 2026 · Refund if no delivery before Dec 28, 2026 · November 3, 2026')).toBe('Placed on Dec 24, 2026 · Refund if no delivery before Feb 17, 2027 · December 24, 2026');
    expect(shift('"createTime":"2026-11-03 14:42:51","paid":"2026-11-03T14:42:00+03:00","day":"2026-11-03"')).toBe('"createTime":"2026-12-24 14:42:51","paid":"2026-12-24T14:42:00+03:00","day":"2026-12-24"');
    expect(shift('2026年11月3日 · 11月3日 · 11月25日')).toBe('2026年12月24日 · 2026年12月24日 · 1月15日');
    // A day the page writes without its year gets one when it is no longer this year's.
    expect(shift('Оформлен 3&nbsp;ноября 2026, 14:42 · Доставлен 5&nbsp;ноября · Можно вернуть до 27\u00a0ноября')).toBe(
      'Оформлен 24&nbsp;декабря 2026, 14:42 · Доставлен 26&nbsp;декабря 2026 · Можно вернуть до 17\u00a0января',
    );
    expect(shift('"creationDate":1793706120000,"serverTime":"1793706120000"')).toBe(`"creationDate":${1793706120000 + 51 * 86_400_000},"serverTime":"${1793706120000 + 51 * 86_400_000}"`);
  });

  it('leaves what is not a date alone: order ids, trade numbers, countdowns, times of day', () => {
    const text = 'Заказ № 512034876 · 1690000000000000001 · 2021031422001400000000000001 · 还剩9天10时 · 12 дней 5 часов · 14:42 · item 600000000001 · 9999999999999 · SF1000000000021 · 1000000000021';
    expect(shift(text)).toBe(text);
    expect(withDatesFromToday('Nov 3, 2026', '2027-01-10', NOW)).toBe('Nov 3, 2026');
  });

  it('keeps the time between two of the page’s moments (a countdown’s server and target time)', () => {
    const tmall = read('taobao/tmall-order-detail.html');
    const pair = (html: string) => [...html.matchAll(/"serverTime": "(\d+)",\s*"targetTime": "(\d+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(pair(withDatesFromToday(tmall, '2021-03-15', NOW))).toEqual(pair(tmall));
  });

  it('places each sample’s orders as many days before today as before the day it was written as of', () => {
    // Noon on both days: the samples' "сегодня" is the reading's own day either way.
    const now = new Date('2027-01-10T12:00:00Z');
    for (const sample of SAMPLES) {
      const page = htmlDocument(withDatesFromToday(read(sample.demoFile ?? sample.file), sample.asOf, now));
      const reading = readPage(page, sample.url, now)!;
      const asWritten = readPage(htmlDocument(read(sample.file)), sample.url, new Date(`${sample.asOf}T12:00:00Z`))!;
      const placed = (r: typeof reading) => r.orders.map((o) => o.placedAt && Date.parse(o.placedAt.length === 10 ? `${o.placedAt}T00:00:00Z` : o.placedAt));
      const days = daysSince(sample.asOf, now);
      expect(placed(reading), sample.name).toEqual(placed(asWritten).map((ms) => ms && ms + days * 86_400_000));
    }
  });
});

describe('the demo’s Taobao and Tmall pages', () => {
  const demo = SAMPLES.filter((s) => s.demoFile);
  const script = (html: string, start: string) => html.slice(html.indexOf(start), html.indexOf('</script>', html.indexOf(start)));
  const visibleText = (html: string) => {
    const doc = htmlDocument(html);
    for (const el of doc.querySelectorAll('script, style')) el.remove();
    return doc.body.textContent ?? '';
  };

  it('are drawn for the two samples whose fixtures hold only data', () => {
    expect(demo.map((s) => s.name)).toEqual(['taobao-orders', 'tmall-order']);
    for (const { file } of demo) expect(visibleText(read(file)).trim(), file).toBe('');
  });

  it('carry the test fixture’s page data byte for byte', () => {
    expect(script(read('taobao/demo-list.html'), '<script>\n var data')).toBe(script(read('taobao/list-2021.html'), '<script>\n var data'));
    expect(script(read('taobao/demo-tmall-order.html'), '<script>\nvar detailData')).toBe(script(read('taobao/tmall-order-detail.html'), '<script>\nvar detailData'));
    expect(script(read('taobao/demo-tmall-order.html'), '<script>\nvar detailData').length).toBeGreaterThan(1000);
  });

  it('show on screen what their data says, and read exactly as the fixtures do', () => {
    const now = new Date('2021-03-15T12:00:00+08:00');
    for (const { file, demoFile, url } of demo) {
      const fromFixture = readPage(htmlDocument(read(file)), url, now)!;
      const fromDemo = readPage(htmlDocument(read(demoFile!)), url, now)!;
      expect(fromDemo).toEqual(fromFixture);
      const shown = visibleText(read(demoFile!)).replace(/\s+/g, ' ');
      for (const order of fromFixture.orders) {
        expect(shown, `${demoFile}: ${order.orderId}`).toContain(order.orderId);
        if (order.store) expect(shown).toContain(order.store.name);
        if (order.status) expect(shown).toContain(order.status);
        if (order.total) expect(shown).toContain(order.total.amount.toLocaleString('en', { minimumFractionDigits: 2 }));
        for (const item of order.items) expect(shown).toContain(item.title.replace(/\s+/g, ' '));
      }
    }
  });
});

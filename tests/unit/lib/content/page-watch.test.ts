// How often a changing page is read again (lib/content/page-watch.ts), with a fake clock and timers: counted, not timed.
import { describe, expect, it, vi } from 'vitest';
import type { PageReading } from '@/lib/common/model';
import { MAX_WAIT_MS, PageWatch, READ_SHARE, SETTLE_MS } from '@/lib/content/page-watch';

const ORDER: PageReading = { platform: 'aliexpress', pageKind: 'order-detail', orders: [{ orderId: '8190123456789012', items: [], sources: { orderId: 'url' } }], missing: [] };
const LOADING: PageReading = { platform: 'aliexpress', pageKind: 'order-list', orders: [], missing: ['orders'] };

/** A page whose reading takes `costMs` of the fake clock, and the timers of that clock. */
function fakePage(reading: () => PageReading | null, costMs = 5) {
  let now = 0;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const read = vi.fn(() => {
    now += costMs;
    const r = reading();
    return { reading: r, signature: JSON.stringify(r) };
  });
  const deps = {
    read,
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  };
  /** Lets `ms` of time pass, running each timer that comes due. */
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      next.cancelled = true;
      now = Math.max(now, next.at);
      next.run();
    }
    now = until;
  };
  return { deps, read, advance, elapse: (ms: number) => void (now += ms) };
}

describe('reading a changing page again', () => {
  it('does not read an order page again for its DOM changes when no popup watches it', () => {
    const page = fakePage(() => ORDER);
    const watch = new PageWatch(page.deps, vi.fn());
    watch.start();
    for (let i = 0; i < 1000; i++) {
      watch.changed('dom');
      page.advance(10);
    }
    page.advance(60_000);
    expect(page.read).toHaveBeenCalledTimes(1);
  });

  it('reads a burst of changes once, after it settles, while a popup watches', () => {
    let reading = ORDER;
    const page = fakePage(() => reading);
    const onChange = vi.fn();
    const watch = new PageWatch(page.deps, onChange);
    watch.start();
    watch.watch();
    for (let i = 0; i < 100; i++) watch.changed('dom');
    reading = { ...ORDER, orders: [{ ...ORDER.orders[0], status: 'Completed' }] };
    page.advance(SETTLE_MS + 1);
    expect(page.read).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(1);
    // Nothing new: no second notice.
    watch.changed('dom');
    page.advance(SETTLE_MS + 1);
    expect(page.read).toHaveBeenCalledTimes(3);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('follows a page that never stops changing at most every MAX_WAIT_MS', () => {
    const page = fakePage(() => ORDER);
    const watch = new PageWatch(page.deps, vi.fn());
    watch.start();
    watch.watch();
    for (let t = 0; t < 10_000; t += 50) {
      watch.changed('dom');
      page.advance(50);
    }
    expect(page.read.mock.calls.length - 1).toBeLessThanOrEqual(Math.ceil(10_000 / MAX_WAIT_MS));
    expect(page.read.mock.calls.length - 1).toBeGreaterThanOrEqual(Math.floor(10_000 / MAX_WAIT_MS) - 1);
  });

  it('spaces out the readings of a page that is slow to read, so they take a bounded share of its time', () => {
    const page = fakePage(() => ORDER, 5000);
    const watch = new PageWatch(page.deps, vi.fn());
    watch.start();
    watch.watch();
    for (let t = 0; t < 120_000; t += 100) {
      watch.changed('dom');
      page.advance(100);
    }
    // Each 5 s reading is followed by (READ_SHARE − 1) × 5 s without one: over 120 s of changes, about 3
    // readings (without the spacing, one every MAX_WAIT_MS + 5 s: 17).
    const readings = page.read.mock.calls.length - 1;
    expect(readings).toBeGreaterThanOrEqual(2);
    expect(readings).toBeLessThanOrEqual(Math.ceil(120_000 / (5000 * READ_SHARE)) + 1);
  });

  it('keeps reading a page whose orders have not appeared yet, then stops once they have', () => {
    let reading: PageReading = LOADING;
    const page = fakePage(() => reading);
    const onChange = vi.fn();
    const watch = new PageWatch(page.deps, onChange);
    watch.start();
    watch.changed('dom');
    page.advance(SETTLE_MS + 1);
    expect(page.read).toHaveBeenCalledTimes(2);
    reading = { ...LOADING, orders: ORDER.orders, missing: [] };
    watch.changed('dom');
    page.advance(SETTLE_MS + 1);
    expect(onChange).toHaveBeenCalledWith(reading);
    for (let i = 0; i < 50; i++) watch.changed('dom');
    page.advance(10_000);
    expect(page.read).toHaveBeenCalledTimes(3);
  });

  it('always reads after a navigation or a new API response, and stops following when the popup goes', () => {
    const page = fakePage(() => ORDER);
    const watch = new PageWatch(page.deps, vi.fn());
    watch.start();
    watch.changed('navigation');
    page.advance(SETTLE_MS + 1);
    watch.changed('data');
    page.advance(SETTLE_MS + 1);
    expect(page.read).toHaveBeenCalledTimes(3);
    const unwatch = watch.watch();
    unwatch();
    unwatch();
    watch.changed('dom');
    page.advance(10_000);
    expect(page.read).toHaveBeenCalledTimes(3);
  });
});

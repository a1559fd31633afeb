import { describe, expect, it } from 'vitest';
import { CAPTURE_SPACING_MS, captureInTurn, CaptureRateLimiter, QUOTA_BACKOFF_MS, type Clock } from '@/lib/capture/rate';

/** A clock that moves only when slept on or told to: every wait is visible in `slept`. */
function fakeClock(): Clock & { advance(ms: number): void; slept: number[] } {
  let now = 1000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms) => (now += ms),
    slept,
  };
}

describe('the capture rate limiter', () => {
  it('lets the first call through at once and spaces the next ~500 ms from the previous call', async () => {
    const clock = fakeClock();
    const limiter = new CaptureRateLimiter(clock);
    await limiter.turn();
    expect(clock.slept).toEqual([]);
    await limiter.turn();
    expect(clock.slept).toEqual([CAPTURE_SPACING_MS]);
  });

  it('counts work done between calls (scrolling, settling) inside the gap, not on top of it', async () => {
    const clock = fakeClock();
    const limiter = new CaptureRateLimiter(clock);
    await limiter.turn();
    clock.advance(320); // the page scrolled and settled
    await limiter.turn();
    expect(clock.slept).toEqual([CAPTURE_SPACING_MS - 320]);
    clock.advance(700); // slower than the quota: no wait at all
    await limiter.turn();
    expect(clock.slept).toEqual([CAPTURE_SPACING_MS - 320]);
  });
});

describe('a capture in its turn', () => {
  it('retries a quota error after a back-off instead of failing', async () => {
    const clock = fakeClock();
    const limiter = new CaptureRateLimiter(clock);
    let calls = 0;
    const result = await captureInTurn(limiter, clock, async () => {
      if (calls++ < 2) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'data:image/png;base64,';
    });
    expect(result).toBe('data:image/png;base64,');
    expect(calls).toBe(3);
    // A refused call was only a little early: the retries come after short back-offs, not whole spacings.
    expect(clock.slept).toEqual([QUOTA_BACKOFF_MS, 2 * QUOTA_BACKOFF_MS]);
  });

  it('passes any other error straight on', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      captureInTurn(new CaptureRateLimiter(clock), clock, async () => {
        calls++;
        throw new Error('Tab is being dragged');
      }),
    ).rejects.toThrow('Tab is being dragged');
    expect(calls).toBe(1);
  });

  it('gives up after a few quota errors in a row', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      captureInTurn(new CaptureRateLimiter(clock), clock, async () => {
        calls++;
        throw new Error('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
      }),
    ).rejects.toThrow('MAX_CAPTURE');
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(10);
  });
});

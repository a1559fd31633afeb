/**
 * Chrome allows two captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). The
 * limiter spaces calls that far apart measured from the previous call's start, so whatever happens between
 * two calls (scrolling, the page settling, stitching) runs inside the gap instead of being added to it.
 */
import { describeError } from './errors';

export const CAPTURE_SPACING_MS = 500;
/** If Chrome still counts a call too early, wait this long (times the attempt) and try again. */
export const QUOTA_BACKOFF_MS = 150;
const QUOTA_RETRIES = 6;

export interface Clock {
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class CaptureRateLimiter {
  private lastCall = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly spacingMs = CAPTURE_SPACING_MS,
  ) {}

  /** Resolves when the next call may start, and counts it as started. */
  async turn(): Promise<void> {
    const wait = this.lastCall + this.spacingMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    this.lastCall = this.clock.now();
  }
}

export function isCaptureQuotaError(error: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(describeError(error));
}

/** One captureVisibleTab call in its turn; a quota error is retried after a back-off instead of failing. */
export async function captureInTurn<T>(limiter: CaptureRateLimiter, clock: Clock, capture: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await limiter.turn();
    try {
      return await capture();
    } catch (error) {
      if (attempt > QUOTA_RETRIES || !isCaptureQuotaError(error)) throw error;
      await clock.sleep(QUOTA_BACKOFF_MS * attempt);
    }
  }
}

/**
 * Chrome allows two captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). The
 * limiter spaces calls about that far apart measured from the previous call's start, so whatever happens between
 * two calls (scrolling, the page settling, stitching) runs inside the gap instead of being added to it.
 */
import { describeError } from '../common/errors';

/**
 * Chrome counts a call when its message reaches the browser process, a few milliseconds after the call:
 * exactly 500 ms apart here, the jitter makes about one call in four come too early, and a margin this
 * small costs less than those retries.
 */
export const CAPTURE_SPACING_MS = 510;
/**
 * A call Chrome still counts as too early is retried this much later (times the attempt), not a whole
 * spacing later: it was only a little early, and a refused call uses none of the quota.
 */
export const QUOTA_BACKOFF_MS = 60;
const QUOTA_RETRIES = 8;

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

  /** Counts a retried call as the latest call, without waiting for a turn. */
  restart(): void {
    this.lastCall = this.clock.now();
  }
}

export function isCaptureQuotaError(error: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(describeError(error));
}

/** One captureVisibleTab call in its turn; a quota error is retried after a back-off instead of failing. */
export async function captureInTurn<T>(limiter: CaptureRateLimiter, clock: Clock, capture: () => Promise<T>): Promise<T> {
  await limiter.turn();
  for (let attempt = 1; ; attempt++) {
    try {
      return await capture();
    } catch (error) {
      if (attempt > QUOTA_RETRIES || !isCaptureQuotaError(error)) throw error;
      await clock.sleep(QUOTA_BACKOFF_MS * attempt);
      limiter.restart();
    }
  }
}

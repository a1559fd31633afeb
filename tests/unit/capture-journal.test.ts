import { describe, expect, it } from 'vitest';
import { beginCapture, endCapture, recoverInterruptedCaptures, takeInterruptedFlag } from '@/lib/capture-journal';

const now = new Date('2026-11-20T12:00:00Z');

describe('a capture cut off by the service worker stopping', () => {
  it('is reported once after the next start', async () => {
    await beginCapture('c1', 7, now);
    // The worker dies here; the next start finds the note.
    await recoverInterruptedCaptures();
    expect(await takeInterruptedFlag()).toBe(true);
    expect(await takeInterruptedFlag()).toBe(false);
  });

  it('is not reported when the capture finished', async () => {
    await beginCapture('c1', 7, now);
    await beginCapture('c2', 8, now);
    await endCapture('c1');
    await endCapture('c2');
    await recoverInterruptedCaptures();
    expect(await takeInterruptedFlag()).toBe(false);
  });
});

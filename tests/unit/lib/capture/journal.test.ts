import { browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import { beginCapture, capturesInProgress, endCapture, recoverInterruptedCaptures, takeInterruptedFlag } from '@/lib/capture/journal';

const now = new Date('2026-11-20T12:00:00Z');

describe('a capture cut off by the service worker stopping', () => {
  it('is reported once after the next start', async () => {
    await beginCapture('c1', 7, now);
    // The worker dies here; the next start finds the note.
    await recoverInterruptedCaptures();
    expect(await takeInterruptedFlag()).toBe(true);
    expect(await takeInterruptedFlag()).toBe(false);
    expect(await capturesInProgress()).toEqual([]);
  });

  it('is not reported when the capture finished', async () => {
    await beginCapture('c1', 7, now);
    await beginCapture('c2', 8, now);
    await endCapture('c1');
    await endCapture('c2');
    await recoverInterruptedCaptures();
    expect(await takeInterruptedFlag()).toBe(false);
  });

  it('keeps one record per capture when two captures start and end at once', async () => {
    await Promise.all([beginCapture('c1', 7, now), beginCapture('c2', 8, now), beginCapture('c3', 9, now)]);
    expect((await capturesInProgress()).sort()).toEqual(['c1', 'c2', 'c3']);
    await Promise.all([endCapture('c1'), endCapture('c3')]);
    expect(await capturesInProgress()).toEqual(['c2']);
  });

  it('answers the popup only after the recovery at start has finished', async () => {
    await beginCapture('c1', 7, now);
    // The popup asks while the background is still recovering (storage is slow at start).
    const get = browser.storage.local.get.bind(browser.storage.local);
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(browser.storage.local, 'get').mockImplementation((async (keys: string | string[] | null) => {
      await slow;
      return get(keys);
    }) as never);
    const recovering = recoverInterruptedCaptures();
    const answer = takeInterruptedFlag();
    release();
    await recovering;
    expect(await answer).toBe(true);
  });
});

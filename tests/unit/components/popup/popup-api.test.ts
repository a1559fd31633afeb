import { describe, expect, it } from 'vitest';
import type { ReadPageResponse } from '@/lib/messaging/messages';
import { readingOnceLoaded } from '@/components/popup/popup-api';

const reading: ReadPageResponse = { reading: { platform: 'aliexpress', pageKind: 'order-detail', orders: [], missing: [] } };

/** A tab that loads for `loadingAsks` asks, and whose content script answers from ask number `answersFrom` on. */
function tab(loadingAsks: number, answersFrom: number | undefined) {
  let asks = 0;
  let waited = 0;
  return {
    ask: async () => (++asks >= (answersFrom ?? Infinity) ? reading : undefined),
    loading: async () => asks <= loadingAsks,
    wait: async (ms: number) => void (waited += ms),
    get asks() {
      return asks;
    },
    get waited() {
      return waited;
    },
  };
}

describe('reading a tab whose page may still be loading', () => {
  it('answers at once when the content script is there', async () => {
    const t = tab(0, 1);
    expect(await readingOnceLoaded(t)).toEqual(reading);
    expect(t.asks).toBe(1);
  });

  it('waits while the page loads instead of taking it for a page that needs a reload', async () => {
    const t = tab(10, 8);
    expect(await readingOnceLoaded(t)).toEqual(reading);
    expect(t.asks).toBe(8);
  });

  it('asks a few times more once the page has loaded: the content script starts just after', async () => {
    const t = tab(0, 3);
    expect(await readingOnceLoaded(t)).toEqual(reading);
  });

  it('gives up soon on a loaded page that has no content script (opened before the install)', async () => {
    const t = tab(0, undefined);
    expect(await readingOnceLoaded(t)).toBeUndefined();
    expect(t.asks).toBe(3);
    expect(t.waited).toBeLessThan(1000);
  });

  it('gives up after its patience on a page that never finishes loading', async () => {
    const t = tab(Infinity, undefined);
    expect(await readingOnceLoaded(t, 2000)).toBeUndefined();
    expect(t.waited).toBeGreaterThanOrEqual(2000);
  });
});

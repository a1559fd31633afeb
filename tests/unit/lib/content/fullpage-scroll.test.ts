// @vitest-environment happy-dom
// The page side of a full-page capture: what it changes it puts back. (Hiding pinned elements needs real
// layout and is proven in Chromium: tests/e2e/fullpage.test.mjs.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageCaptureSession, painted } from '@/lib/content/fullpage-scroll';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
});

describe('the page’s side of a full-page capture', () => {
  it('puts back every style it changed, and the scroll position, even styles the page had set itself', async () => {
    document.documentElement.setAttribute('style', 'scroll-behavior: smooth');
    document.body.innerHTML = '<header style="position: fixed; top: 0; visibility: visible">Shop</header><main style="height: 5000px"></main>';
    const scrollTo = vi.spyOn(window, 'scrollTo');
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 1234 });
    const session = new PageCaptureSession(document, window);
    await session.prepare(10);
    expect(document.documentElement.style.getPropertyValue('scroll-behavior')).toBe('auto');
    await session.showScreen(800, 1);
    session.restore();
    expect(document.documentElement.getAttribute('style')).toBe('scroll-behavior: smooth;');
    expect(document.querySelector('header')!.style.visibility).toBe('visible');
    expect(document.body.hasAttribute('style')).toBe(false);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1234);
  });

  it('puts the page back by itself when the background goes quiet (its worker was stopped)', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main></main>';
    const abandoned = vi.fn();
    new PageCaptureSession(document, window, abandoned);
    vi.advanceTimersByTime(60_000);
    expect(abandoned).toHaveBeenCalledOnce();
  });

  it('answers a screen only after a frame with the hidden elements has been painted (two animation frames)', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    let done = false;
    const waiting = painted(window).then(() => (done = true));
    const runFrame = async () => {
      frames.shift()?.(0);
      await Promise.resolve();
      await Promise.resolve();
    };
    await runFrame();
    expect(done).toBe(false);
    await runFrame();
    await waiting;
    expect(done).toBe(true);
  });
});

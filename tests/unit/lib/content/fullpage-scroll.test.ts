// @vitest-environment happy-dom
// The page side of a full-page capture: what it changes it puts back. (Hiding pinned elements needs real
// layout and is proven in Chromium: tests/e2e/fullpage.test.mjs.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeElement, PageCaptureSession, painted } from '@/lib/content/fullpage-scroll';

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

  it('answers each screen with the page’s size as it is then, so a page that grew is seen', async () => {
    document.body.innerHTML = '<main></main>';
    let height = 2400;
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => height });
    Object.defineProperty(document.documentElement, 'scrollWidth', { configurable: true, get: () => 1300 });
    Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, get: () => 800 });
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
    try {
      const session = new PageCaptureSession(document, window);
      const measure = await session.prepare(10);
      expect(measure).toMatchObject({ pageHeight: 2400, viewHeight: 800, windowWidth: 1280, pageWidth: 1300 });
      height = 3640; // more of the list came in
      const screen = await session.showScreen(1600, 2);
      expect(screen.page).toEqual({ height: 3640, width: 1300, viewHeight: 800, windowWidth: 1280 });
      expect(screen.hidden).toEqual([]);
      session.restore();
    } finally {
      for (const key of ['scrollHeight', 'scrollWidth', 'clientHeight']) delete (document.documentElement as unknown as Record<string, unknown>)[key];
    }
  });

  it('describes a hidden element by tag, id, class, position and size, with only a short cleaned label of its text', () => {
    document.body.innerHTML = `<header id="top\u202E" class="site-header  sticky" style="position: fixed">  Welcome back,\u200B dear customer Ivan Petrov — your cart has 3 items and more text  </header><div style="position: sticky" aria-label="Chat with seller"></div>`;
    const [header, chat] = Array.from(document.body.children) as HTMLElement[];
    vi.spyOn(header, 'getBoundingClientRect').mockReturnValue({ width: 1280.4, height: 59.6 } as DOMRect);
    const described = describeElement(header, window);
    expect(described).toEqual({ tag: 'header', id: 'top', className: 'site-header sticky', position: 'fixed', width: 1280, height: 60, label: 'Welcome back, dear customer Ivan Petrov ' });
    expect(described.label!.length).toBeLessThanOrEqual(40);
    expect(describeElement(chat, window)).toMatchObject({ tag: 'div', position: 'sticky', label: 'Chat with seller' });
  });
});

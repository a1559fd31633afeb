// @vitest-environment happy-dom
// The right-click's element kept for "Capture this chat" from the menu: the one just clicked, never a stale one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastContextTarget, rememberContextTargets } from '@/lib/content/context-target';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-20T04:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  delete (window as unknown as Record<string, unknown>).__disputekitContextTarget;
  delete (window as unknown as Record<string, unknown>).__disputekitContextTargetAt;
});

describe('the last right-click target', () => {
  it('is the element just right-clicked, for the menu’s capture that follows it, and nothing once it is old', () => {
    rememberContextTargets(window, (handler) => window.addEventListener('contextmenu', handler, { capture: true }));
    const bubble = document.createElement('p');
    document.body.append(bubble);
    expect(lastContextTarget(window)).toBeUndefined();
    bubble.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    vi.advanceTimersByTime(2_000);
    expect(lastContextTarget(window)).toBe(bubble);
    // A right-click long ago (another menu item, dismissed) is not the box meant by a capture now.
    vi.advanceTimersByTime(60_000);
    expect(lastContextTarget(window)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { captureScale, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planScreens, rowCopies, splitIntoParts, MAX_SCREENS, planSection, replanSection } from '@/lib/capture/fullpage-plan';

describe('planning the screens of a page', () => {
  it('covers a page of whole screens with no overlap', () => {
    expect(planScreens(8000, 800)).toEqual([0, 800, 1600, 2400, 3200, 4000, 4800, 5600, 6400, 7200]);
  });

  it('ends on the page’s bottom screen when the page is not a whole number of screens', () => {
    expect(planScreens(2000, 800)).toEqual([0, 800, 1200]);
    expect(planScreens(801, 800)).toEqual([0, 1]);
  });

  it('takes one screen of a page no taller than the window', () => {
    expect(planScreens(500, 800)).toEqual([0]);
    expect(planScreens(800, 800)).toEqual([0]);
  });

  it('refuses a window with no height instead of looping', () => {
    expect(() => planScreens(1000, 0)).toThrow(RangeError);
  });
});

describe('the image scale', () => {
  it('is image pixels per CSS pixel: device pixel ratio and zoom together', () => {
    expect(captureScale(2560, 1280)).toBe(2);
    expect(captureScale(1600, 1280)).toBe(1.25);
    expect(captureScale(1280, 1280)).toBe(1);
  });

  it('refuses an empty capture', () => {
    expect(() => captureScale(0, 1280)).toThrow(RangeError);
  });
});

describe('splitting a tall page image into parts', () => {
  it('keeps a page that fits in one part', () => {
    expect(splitIntoParts(1280, 8000)).toEqual([{ top: 0, height: 8000 }]);
  });

  it('splits at the 32,767-pixel side limit', () => {
    const parts = splitIntoParts(1280, 70_000);
    expect(parts).toEqual([
      { top: 0, height: MAX_CANVAS_SIDE },
      { top: MAX_CANVAS_SIDE, height: MAX_CANVAS_SIDE },
      { top: 2 * MAX_CANVAS_SIDE, height: 70_000 - 2 * MAX_CANVAS_SIDE },
    ]);
  });

  it('splits at the area limit for a wide image, every part within both limits', () => {
    const parts = splitIntoParts(10_000, 60_000);
    const height = Math.floor(MAX_CANVAS_AREA / 10_000);
    expect(parts[0]).toEqual({ top: 0, height });
    for (const part of parts) {
      expect(part.height * 10_000).toBeLessThanOrEqual(MAX_CANVAS_AREA);
      expect(part.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    }
    expect(parts.reduce((sum, p) => sum + p.height, 0)).toBe(60_000);
  });

  it('refuses an image wider than a canvas can be', () => {
    expect(() => splitIntoParts(40_000, 100)).toThrow(RangeError);
  });
});

describe('the rows each screen adds', () => {
  const onePart = [{ top: 0, height: 2000 }];

  it('takes a whole screen below what is covered', () => {
    expect(rowCopies(800, 800, 800, onePart)).toEqual([{ part: 0, sourceY: 0, targetY: 800, rows: 800 }]);
  });

  it('takes only the new rows of an overlapping last screen', () => {
    // The page is 2000 rows; the last screen starts at 1200 and 400 of its rows were given by the screen before.
    expect(rowCopies(1200, 800, 1600, onePart)).toEqual([{ part: 0, sourceY: 400, targetY: 1600, rows: 400 }]);
  });

  it('adds nothing when the screen holds no new rows', () => {
    expect(rowCopies(0, 800, 800, onePart)).toEqual([]);
  });

  it('cuts a run that crosses a part boundary in two', () => {
    const parts = [
      { top: 0, height: 1000 },
      { top: 1000, height: 1000 },
    ];
    expect(rowCopies(800, 800, 800, parts)).toEqual([
      { part: 0, sourceY: 0, targetY: 800, rows: 200 },
      { part: 1, sourceY: 200, targetY: 0, rows: 600 },
    ]);
  });

  it('never writes past the page’s last row', () => {
    expect(rowCopies(1600, 800, 1600, onePart)).toEqual([{ part: 0, sourceY: 0, targetY: 1600, rows: 400 }]);
  });

  it('plans sections of at most MAX_SCREENS screens for a very tall page', () => {
    expect(planSection(2000, 800)).toEqual({ positions: [0, 800, 1200], top: 0, bottom: 2000 });
    const tall = planSection(5_000_000, 800);
    expect(tall.positions).toHaveLength(MAX_SCREENS);
    expect(tall).toMatchObject({ top: 0, bottom: MAX_SCREENS * 800, section: { first: 1, last: MAX_SCREENS, of: 6250 } });
    expect(planSection(5_000_000, 800, 6249)).toMatchObject({ positions: [4_999_200], top: 4_999_200, bottom: 5_000_000, section: { first: 6250, last: 6250, of: 6250 } });
    // Past the end: the last screen, never nothing.
    expect(planSection(5_000_000, 800, 99_999).positions).toEqual([4_999_200]);
  });
});

describe('planning again for a page whose height changed', () => {
  it('a page that grew keeps the screens taken and adds the new ones; the bottom screen moves down', () => {
    // Planned for 2400 px: 0, 800, 1600. Screens 0 and 800 taken, then the page is 3640 px.
    expect(replanSection(3640, 800, 0, [0, 800])).toEqual({ positions: [0, 800, 1600, 2400, 2840], top: 0, bottom: 3640 });
  });

  it('a page that grew past MAX_SCREENS screens becomes a section of the screens taken and the next ones', () => {
    const taken = Array.from({ length: 10 }, (_, i) => i * 800);
    const plan = replanSection((MAX_SCREENS + 50) * 800, 800, 0, taken)!;
    expect(plan.positions).toHaveLength(MAX_SCREENS);
    expect(plan.section).toEqual({ first: 1, last: MAX_SCREENS, of: MAX_SCREENS + 50 });
  });

  it('a page that shrank is planned to its new bottom, unless a screen taken is no longer one of its screens', () => {
    expect(replanSection(3000, 800, 0, [0, 800])).toEqual({ positions: [0, 800, 1600, 2200], top: 0, bottom: 3000 });
    expect(replanSection(2000, 800, 0, [0, 800, 1600])).toBeUndefined();
  });
});

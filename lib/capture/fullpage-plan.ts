/**
 * The arithmetic of a full-page screenshot, kept pure so it is tested on its own: where to scroll for each
 * screen, how CSS pixels map to the captured image's pixels, which rows of each screen are new, and how a
 * page too tall for one canvas is split into numbered parts.
 */

/** Chrome's canvas limits: past them convertToBlob/toBlob gives a blank image or nothing, without an error. */
export const MAX_CANVAS_SIDE = 32_767;
export const MAX_CANVAS_AREA = 268_435_456;

/**
 * Scroll positions (CSS px) of the screens that cover a page, top first. Screens follow each other without
 * overlap; the last one is the page's bottom screen, which may overlap the one before (the stitcher then
 * takes only its new rows).
 */
export function planScreens(pageHeight: number, viewHeight: number): number[] {
  if (!(viewHeight > 0)) throw new RangeError('the viewport has no height');
  const bottom = Math.max(0, Math.ceil(pageHeight) - viewHeight);
  const positions: number[] = [];
  for (let y = 0; y < bottom; y += viewHeight) positions.push(y);
  positions.push(bottom);
  return positions;
}

/**
 * The most screens one full-page capture takes. Chrome allows two screenshots a second, so 200 screens take
 * about 100 s with the user keeping the tab in front; a page taller than that (an endless list, a 5,000,000 px
 * page would be 6,000+ screens and most of an hour) is taken in sections of this many screens, one capture
 * each, and the user is told which screens a capture holds and offered the next section.
 */
export const MAX_SCREENS = 200;

/** Which screens of a page one capture takes (1-based, inclusive), when the page has more than one section. */
export interface Section {
  first: number;
  last: number;
  of: number;
}

/**
 * The screens of the section starting at screen index `from` (0-based), at most `max`, and the rows of the
 * page (CSS px) the section covers: from its first screen's top to its last screen's bottom, or to the page's
 * bottom for the last section. `section` is undefined when the whole page fits in one capture.
 */
export function planSection(
  pageHeight: number,
  viewHeight: number,
  from = 0,
  max = MAX_SCREENS,
): { positions: number[]; top: number; bottom: number; section?: Section } {
  const all = planScreens(pageHeight, viewHeight);
  const start = Math.min(Math.max(0, Math.floor(from)), all.length - 1);
  const positions = all.slice(start, start + max);
  const isLast = start + positions.length >= all.length;
  const top = positions[0];
  const bottom = isLast ? Math.ceil(pageHeight) : positions[positions.length - 1] + viewHeight;
  const section = all.length > max ? { first: start + 1, last: start + positions.length, of: all.length } : undefined;
  return { positions, top, bottom, ...(section && { section }) };
}

/**
 * The page's height changed while it was captured (content loaded, a list grew, a block closed): the section
 * planned again for the new height, from the same first screen. Screens already taken stay as they were, so the
 * new plan must begin with the positions in `taken`; when it does not (the page shrank above a screen already
 * taken) there is no plan that keeps them and the answer is undefined: the capture is then marked.
 */
export function replanSection(pageHeight: number, viewHeight: number, from: number, taken: readonly number[], max = MAX_SCREENS): ReturnType<typeof planSection> | undefined {
  const plan = planSection(pageHeight, viewHeight, from, max);
  if (taken.length > plan.positions.length) return undefined;
  return taken.every((y, i) => plan.positions[i] === y) ? plan : undefined;
}

/** How many times one capture plans again for a page that keeps changing; past this it is marked instead. */
export const MAX_REPLANS = 20;

/**
 * Image pixels per CSS pixel: covers the device pixel ratio and the browser zoom together, since the
 * captured image is as wide as the window in device pixels.
 */
export function captureScale(imageWidth: number, windowWidth: number): number {
  if (!(imageWidth > 0) || !(windowWidth > 0)) throw new RangeError('nothing was captured');
  return imageWidth / windowWidth;
}

export interface Part {
  /** First row of the whole page image this part holds. */
  top: number;
  height: number;
}

/** Splits a page image of width × height pixels into parts that each fit a canvas. */
export function splitIntoParts(width: number, height: number): Part[] {
  if (width > MAX_CANVAS_SIDE) throw new RangeError(`the page is wider than ${MAX_CANVAS_SIDE} pixels`);
  const partHeight = Math.min(MAX_CANVAS_SIDE, Math.floor(MAX_CANVAS_AREA / width));
  const parts: Part[] = [];
  for (let top = 0; top < height; top += partHeight) parts.push({ top, height: Math.min(partHeight, height - top) });
  return parts;
}

/** A run of rows to copy from a screen image into a part's canvas. */
export interface RowCopy {
  part: number;
  /** First row in the screen image. */
  sourceY: number;
  /** First row in the part. */
  targetY: number;
  rows: number;
}

/**
 * The rows a screen adds to the page image. `screenTop` is where the screen's first row sits in the page
 * image, `screenRows` how many of its rows show page content, `covered` how many page rows earlier screens
 * already gave. Only rows below `covered` are taken, so an overlapping last screen adds no repeated rows;
 * a run crossing a part boundary is cut in two.
 */
export function rowCopies(screenTop: number, screenRows: number, covered: number, parts: Part[]): RowCopy[] {
  const pageRows = parts.length === 0 ? 0 : parts[parts.length - 1].top + parts[parts.length - 1].height;
  const from = Math.max(covered, screenTop);
  const to = Math.min(screenTop + screenRows, pageRows);
  const copies: RowCopy[] = [];
  parts.forEach((part, index) => {
    const start = Math.max(from, part.top);
    const end = Math.min(to, part.top + part.height);
    if (end > start) copies.push({ part: index, sourceY: start - screenTop, targetY: start - part.top, rows: end - start });
  });
  return copies;
}

/**
 * A full-page capture's own record (lib/common/model.ts CaptureRecord), kept while the capture runs: the
 * screens' scroll positions asked and got, the page's size before and after, the pinned elements hidden, and
 * what the page did meanwhile (grew, shrank, moved its own scroll position, the window resized). Pure, so the
 * rules of what counts as a change are tested on their own; `recordMarks` says what a reader must be told.
 */
import { MAX_RECORDED_CHANGES, MAX_RECORDED_SCREENS, type CaptureRecord, type HiddenElement, type PageChange } from '../common/model';

/** The page's size as a screen's answer gives it (CSS px). */
export interface PageSize {
  height: number;
  width: number;
  viewHeight: number;
  windowWidth: number;
}

/** Below a pixel, a difference is rounding (zoom, fractional heights), not a change. */
const SAME_WITHIN_PX = 1;
const MAX_HIDDEN = 100;

export class CaptureLog {
  private readonly screens: CaptureRecord['screens'] = [];
  private readonly hidden: HiddenElement[] = [];
  private readonly changes: PageChange[] = [];
  private replans = 0;
  private last: PageSize;

  constructor(private readonly before: PageSize) {
    this.last = before;
  }

  /** How many times the screens were planned again so far. */
  get replansSoFar(): number {
    return this.replans;
  }

  /** The page's size now (the last one a screen answered). */
  get size(): PageSize {
    return this.last;
  }

  /** A screen taken: where it asked the page to stand and where the page stood. */
  screen(asked: number, got: number): void {
    if (this.screens.length < MAX_RECORDED_SCREENS) this.screens.push({ asked, got });
  }

  hid(elements: readonly HiddenElement[]): void {
    for (const element of elements) if (this.hidden.length < MAX_HIDDEN) this.hidden.push(element);
  }

  replanned(): void {
    this.replans++;
  }

  /**
   * Compares a screen's answer with the size known so far and notes what changed. `resized`: the window
   * changed (the screens no longer join); `heightChanged`: the page is taller or shorter than planned.
   */
  measured(screen: number, page: PageSize): { resized: boolean; heightChanged: boolean } {
    const previous = this.last;
    this.last = page;
    const resized = differs(page.windowWidth, previous.windowWidth) || differs(page.viewHeight, previous.viewHeight);
    if (resized) this.note({ kind: 'resized', screen, from: { width: previous.windowWidth, height: previous.viewHeight }, to: { width: page.windowWidth, height: page.viewHeight } });
    const heightChanged = differs(page.height, previous.height);
    if (heightChanged) this.note({ kind: page.height > previous.height ? 'grew' : 'shrank', screen, from: previous.height, to: page.height });
    return { resized, heightChanged };
  }

  /**
   * Where the page stood against where it was asked to, within the page as it is: a page that cannot scroll
   * so far stands at its bottom, which is no change; standing elsewhere, something on the page moved it.
   */
  scrolled(screen: number, asked: number, got: number): boolean {
    const expected = Math.min(asked, Math.max(0, this.last.height - this.last.viewHeight));
    const moved = differs(got, expected);
    if (moved) this.note({ kind: 'scrollMoved', screen, asked, got });
    return moved;
  }

  /**
   * The record, once the image is made: it shows the page's rows `image.top`–`image.bottom` (CSS px);
   * `wantedBottom` is where it should end for the page as it stands at the end (its bottom, or its section's).
   */
  finish(image: { top: number; bottom: number }, wantedBottom: number): CaptureRecord {
    return {
      screens: this.screens,
      before: { width: this.before.width, height: this.before.height },
      after: { width: this.last.width, height: this.last.height },
      window: { width: this.before.windowWidth, viewHeight: this.before.viewHeight },
      hidden: this.hidden,
      changes: this.changes,
      replans: this.replans,
      image,
      ...(differs(image.bottom, wantedBottom) && { mismatch: { imageBottom: image.bottom, pageHeight: this.last.height } }),
    };
  }

  private note(change: PageChange): void {
    if (this.changes.length < MAX_RECORDED_CHANGES) this.changes.push(change);
  }
}

function differs(a: number, b: number): boolean {
  return Math.abs(a - b) >= SAME_WITHIN_PX;
}

/** What a reader of the evidence must be told of a record: each a plain fact with its numbers (CSS px). */
export type RecordMark =
  /** The page grew past the image: the part below `below` is not in it. */
  | { kind: 'notInImage'; below: number; by: number }
  /** The page shrank under the image: below `below` the image shows rows the page no longer had. */
  | { kind: 'noLongerOnPage'; below: number; by: number }
  /** At screen `screen` (1-based) the page stood `by` px from where it was asked: rows there may repeat or be missing. */
  | { kind: 'moved'; screen: number; at: number; by: number }
  /** The page changed and the screens were planned again: the image holds the page as it ended. */
  | { kind: 'replanned'; times: number; height: number };

export function recordMarks(record: CaptureRecord): RecordMark[] {
  const marks: RecordMark[] = [];
  const { mismatch } = record;
  if (mismatch && mismatch.pageHeight > mismatch.imageBottom) marks.push({ kind: 'notInImage', below: mismatch.imageBottom, by: mismatch.pageHeight - mismatch.imageBottom });
  if (mismatch && mismatch.pageHeight < mismatch.imageBottom) marks.push({ kind: 'noLongerOnPage', below: mismatch.pageHeight, by: mismatch.imageBottom - mismatch.pageHeight });
  for (const change of record.changes) {
    if (change.kind === 'scrollMoved') marks.push({ kind: 'moved', screen: change.screen + 1, at: change.asked, by: Math.abs(change.got - change.asked) });
  }
  if (!mismatch && record.replans > 0) marks.push({ kind: 'replanned', times: record.replans, height: record.after.height });
  return marks;
}

/** Whether the page changed while it was captured (any change noted), for a short mark in lists. */
export function pageChanged(record: CaptureRecord | undefined): boolean {
  return record !== undefined && record.changes.length > 0;
}

/** Whether the image may not show the page as it stood: the reader must look at the record. */
export function imageInDoubt(record: CaptureRecord | undefined): boolean {
  return record !== undefined && (record.mismatch !== undefined || record.changes.some((c) => c.kind === 'scrollMoved'));
}

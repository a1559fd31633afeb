// The record a full-page capture keeps of itself: what counts as a change, and what a reader must be told.
import { describe, expect, it } from 'vitest';
import { CaptureLog, imageInDoubt, pageChanged, recordMarks } from '@/lib/capture/capture-record';
import { CaptureRecordSchema } from '@/lib/common/model';

const page = (height: number, viewHeight = 800, windowWidth = 1280) => ({ height, width: windowWidth, viewHeight, windowWidth });

describe('a capture’s record', () => {
  it('notes growth, shrinking and a resized window, and ignores sub-pixel differences', () => {
    const log = new CaptureLog(page(2400));
    expect(log.measured(0, page(2400.4))).toEqual({ resized: false, heightChanged: false });
    expect(log.measured(1, page(3640))).toEqual({ resized: false, heightChanged: true });
    expect(log.measured(2, page(3000))).toEqual({ resized: false, heightChanged: true });
    expect(log.measured(3, page(3000, 700))).toEqual({ resized: true, heightChanged: false });
    const record = log.finish({ top: 0, bottom: 3000 }, 3000);
    expect(record.changes).toEqual([
      { kind: 'grew', screen: 1, from: 2400.4, to: 3640 },
      { kind: 'shrank', screen: 2, from: 3640, to: 3000 },
      { kind: 'resized', screen: 3, from: { width: 1280, height: 800 }, to: { width: 1280, height: 700 } },
    ]);
    expect(record.before).toEqual({ width: 1280, height: 2400 });
    expect(record.after).toEqual({ width: 1280, height: 3000 });
    expect(record.mismatch).toBeUndefined();
    expect(CaptureRecordSchema.safeParse(record).success).toBe(true);
  });

  it('a page at its bottom standing higher than asked is no change; standing elsewhere, something moved it', () => {
    const log = new CaptureLog(page(2000));
    expect(log.scrolled(2, 1600, 1200)).toBe(false);
    expect(log.scrolled(1, 800, 800)).toBe(false);
    expect(log.scrolled(1, 800, 1000)).toBe(true);
    expect(log.finish({ top: 0, bottom: 2000 }, 2000).changes).toEqual([{ kind: 'scrollMoved', screen: 1, asked: 800, got: 1000 }]);
  });

  it('tells the reader what is not in the image, what the page no longer had, where it moved, and a re-planned page', () => {
    const grew = new CaptureLog(page(8000));
    grew.measured(9, page(9240));
    const grewRecord = grew.finish({ top: 0, bottom: 8000 }, 9240);
    expect(grewRecord.mismatch).toEqual({ imageBottom: 8000, pageHeight: 9240 });
    expect(recordMarks(grewRecord)).toEqual([{ kind: 'notInImage', below: 8000, by: 1240 }]);
    expect(imageInDoubt(grewRecord)).toBe(true);

    const shrank = new CaptureLog(page(4000));
    shrank.measured(3, page(2000));
    expect(recordMarks(shrank.finish({ top: 0, bottom: 2400 }, 2000))).toEqual([{ kind: 'noLongerOnPage', below: 2000, by: 400 }]);

    const moved = new CaptureLog(page(4000));
    moved.scrolled(1, 800, 950);
    const movedRecord = moved.finish({ top: 0, bottom: 4000 }, 4000);
    expect(recordMarks(movedRecord)).toEqual([{ kind: 'moved', screen: 2, at: 800, by: 150 }]);
    expect(imageInDoubt(movedRecord)).toBe(true);

    const replanned = new CaptureLog(page(2400));
    replanned.measured(2, page(3640));
    replanned.replanned();
    const replannedRecord = replanned.finish({ top: 0, bottom: 3640 }, 3640);
    expect(recordMarks(replannedRecord)).toEqual([{ kind: 'replanned', times: 1, height: 3640 }]);
    expect(pageChanged(replannedRecord)).toBe(true);
    expect(imageInDoubt(replannedRecord)).toBe(false);

    const still = new CaptureLog(page(2400)).finish({ top: 0, bottom: 2400 }, 2400);
    expect(recordMarks(still)).toEqual([]);
    expect(pageChanged(still)).toBe(false);
  });

  it('keeps at most the bounds its schema allows, however much a page changes', () => {
    const log = new CaptureLog(page(1000));
    for (let i = 0; i < 500; i++) log.measured(i, page(1000 + (i % 2) * 100));
    for (let i = 0; i < 2000; i++) log.screen(i * 800, i * 800);
    const record = log.finish({ top: 0, bottom: 1000 }, 1000);
    expect(CaptureRecordSchema.safeParse(record).success).toBe(true);
  });
});

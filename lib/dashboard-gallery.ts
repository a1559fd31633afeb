/**
 * The evidence gallery's sequence: every image of a case, oldest capture first, with the parts of one
 * full-page screenshot kept together in part order, so the viewer pages through them as "part 2 of 3".
 */
import type { EvidenceRecord } from './model';

const IMAGE = /^image\/(png|jpeg|gif|webp|avif|bmp)$/;

export function isGalleryImage(item: EvidenceRecord): boolean {
  return IMAGE.test(item.mime);
}

export function gallerySequence(evidence: EvidenceRecord[]): EvidenceRecord[] {
  const images = evidence.filter(isGalleryImage);
  // A capture's position is its first item's; within a capture, parts by index, then everything else as saved.
  const firstAt = new Map<string, number>();
  images.forEach((item, i) => firstAt.has(item.captureId) || firstAt.set(item.captureId, i));
  return images
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const capture = firstAt.get(a.item.captureId)! - firstAt.get(b.item.captureId)!;
      if (capture) return capture;
      return (a.item.part?.index ?? 0) - (b.item.part?.index ?? 0) || a.i - b.i;
    })
    .map(({ item }) => item);
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;

/** The next zoom step in or out (×1.25), kept within MIN_ZOOM..MAX_ZOOM. */
export function zoomStep(zoom: number, direction: 1 | -1): number {
  const next = direction > 0 ? zoom * 1.25 : zoom / 1.25;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
}

/** The zoom that shows a whole image of `image` pixels inside `box` (never enlarging past 1:1). */
export function fitZoom(image: { width: number; height: number }, box: { width: number; height: number }): number {
  if (!image.width || !image.height) return 1;
  return Math.min(1, box.width / image.width, box.height / image.height);
}

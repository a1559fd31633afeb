/**
 * The evidence gallery's sequence: every image of a case, oldest capture first, with the parts of one
 * full-page screenshot kept together in part order, so the viewer pages through them as "part 2 of 3".
 */
import { inCaptureOrder } from './evidence-order';
import type { EvidenceRecord } from './model';

const IMAGE = /^image\/(png|jpeg|gif|webp|avif|bmp)$/;

export function isGalleryImage(item: EvidenceRecord): boolean {
  return IMAGE.test(item.mime);
}

export function gallerySequence(evidence: EvidenceRecord[]): EvidenceRecord[] {
  // The case's one evidence order (captures by time, a screenshot's parts by index), images only.
  return inCaptureOrder(evidence).filter(isGalleryImage);
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

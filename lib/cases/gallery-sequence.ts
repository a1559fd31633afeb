/**
 * The evidence gallery's sequence: every image of a case, oldest capture first, with the parts of one
 * full-page screenshot kept together in part order, so the viewer pages through them as "part 2 of 3".
 */
import { inCaptureOrder } from './evidence-order';
import type { EvidenceRecord } from '../common/model';

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

type Size = { width: number; height: number };
type Offset = { x: number; y: number };
/** What the gallery shows: the image scaled by `zoom` about its centre, then moved by `offset` (screen px) from the stage's centre. */
export interface GalleryView {
  zoom: number;
  offset: Offset;
}

/**
 * The view an image opens in: its whole width across the stage (never enlarged past 1:1, so a small photo is
 * not blurred), and, when it is then taller than the stage (a full-page screenshot), its top at the stage's
 * top, so the page reads from the start and the rest is a drag or a scroll away. Nothing is cut off sideways.
 */
export function fitToWidth(image: Size, stage: Size): GalleryView {
  if (!image.width || !image.height || !stage.width) return { zoom: 1, offset: { x: 0, y: 0 } };
  const zoom = Math.max(MIN_ZOOM, Math.min(1, stage.width / image.width));
  const overflow = image.height * zoom - stage.height;
  return { zoom, offset: { x: 0, y: overflow > 0 ? overflow / 2 : 0 } };
}

/** The view at another zoom, keeping the point at the stage's centre where it is. */
export function zoomAbout(view: GalleryView, zoom: number): GalleryView {
  const ratio = zoom / view.zoom;
  return { zoom, offset: { x: view.offset.x * ratio, y: view.offset.y * ratio } };
}

/** The view scrolled by (dx, dy) screen px (the mouse wheel), stopping where the image's edge meets the stage's. */
export function scrollView(view: GalleryView, image: Size, stage: Size, dx: number, dy: number): GalleryView {
  const limit = (imageSide: number, stageSide: number) => Math.max(0, (imageSide * view.zoom - stageSide) / 2);
  const clamp = (value: number, max: number) => (max === 0 ? 0 : Math.min(max, Math.max(-max, value)));
  return {
    zoom: view.zoom,
    offset: { x: clamp(view.offset.x - dx, limit(image.width, stage.width)), y: clamp(view.offset.y - dy, limit(image.height, stage.height)) },
  };
}

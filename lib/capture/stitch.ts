/**
 * Joins screen images into the page image, part by part, as the screens arrive (top first). Only the part
 * being filled is held as a canvas, so memory stays at one part plus one screen however tall the page is.
 * The MV3 service worker has no DOM Image: `offscreenImaging` uses createImageBitmap and OffscreenCanvas.
 */
import { rowCopies, splitIntoParts, type Part } from './fullpage-plan';

export interface Bitmap {
  width: number;
  height: number;
  close(): void;
}

export interface Canvas<B extends Bitmap> {
  /** Copies `rows` rows of `bitmap`, from its row `sourceY` (and column `sourceX`), to this canvas's row `targetY`. */
  copyRows(bitmap: B, sourceY: number, targetY: number, rows: number, sourceX?: number): void;
  toPng(): Promise<Blob>;
  /** A canvas `height` rows tall holding this one's rows (as many as fit): for a page that grew or shrank. */
  resized(height: number): Canvas<B>;
}

export interface Imaging<B extends Bitmap = Bitmap> {
  decode(image: Blob): Promise<B>;
  canvas(width: number, height: number): Canvas<B>;
}

export interface StitchedPart {
  blob: Blob;
  width: number;
  height: number;
  index: number;
  count: number;
}

export class Stitcher<B extends Bitmap> {
  private parts: Part[];
  private readonly done: StitchedPart[] = [];
  private current: { index: number; canvas: Canvas<B> } | undefined;
  private covered = 0;

  /**
   * `width` × `height`: the whole page image in image pixels. `origin`: where in each screen image the scrolled
   * content starts (a chat's box inside the window; the window's corner for a page).
   */
  constructor(
    private readonly imaging: Imaging<B>,
    readonly width: number,
    private rows: number,
    private readonly origin: { x: number; y: number } = { x: 0, y: 0 },
  ) {
    this.parts = splitIntoParts(width, rows);
  }

  get height(): number {
    return this.rows;
  }

  /** Rows of the page image the screens gave so far. */
  get coveredRows(): number {
    return this.covered;
  }

  /**
   * Makes the page image `height` rows tall, for a page that grew or shrank while it was captured. Rows
   * already joined stay; rows past the new height are dropped. False, and nothing changed, when a finished
   * part would have to change (it was already made into a PNG).
   */
  resize(height: number): boolean {
    if (height === this.rows) return true;
    const parts = splitIntoParts(this.width, height);
    const finished = this.done.length;
    if (this.current && this.current.index >= parts.length) return false;
    for (let i = 0; i < finished; i++) if (parts[i]?.top !== this.parts[i].top || parts[i].height !== this.parts[i].height) return false;
    if (this.current && parts[this.current.index].height !== this.parts[this.current.index].height) {
      this.current = { index: this.current.index, canvas: this.current.canvas.resized(parts[this.current.index].height) };
    }
    this.parts = parts;
    this.rows = height;
    this.covered = Math.min(this.covered, height);
    return true;
  }

  get partCount(): number {
    return this.parts.length;
  }

  /**
   * Adds one screen: `screenTop` is the page-image row of its first row, `contentRows` how many of its rows
   * are page (a horizontal scrollbar below them is not).
   */
  async add(bitmap: B, screenTop: number, contentRows: number): Promise<void> {
    const rows = Math.min(contentRows, bitmap.height - this.origin.y);
    for (const copy of rowCopies(screenTop, rows, this.covered, this.parts)) {
      await this.moveTo(copy.part);
      this.current!.canvas.copyRows(bitmap, copy.sourceY + this.origin.y, copy.targetY, copy.rows, this.origin.x);
      this.covered = this.parts[copy.part].top + copy.targetY + copy.rows;
    }
  }

  /** Rows of the page image no screen has given yet. */
  get missingRows(): number {
    return this.rows - this.covered;
  }

  async finish(): Promise<StitchedPart[]> {
    if (this.missingRows > 0) throw new Error(`the screens left ${this.missingRows} rows of the page uncaptured`);
    await this.moveTo(this.parts.length);
    return this.done;
  }

  private async moveTo(index: number): Promise<void> {
    if (this.current?.index === index) return;
    if (this.current) {
      const part = this.parts[this.current.index];
      const blob = await this.current.canvas.toPng();
      this.done.push({ blob, width: this.width, height: part.height, index: this.current.index, count: this.parts.length });
      this.current = undefined;
    }
    if (index < this.parts.length) this.current = { index, canvas: this.imaging.canvas(this.width, this.parts[index].height) };
  }
}

function offscreenCanvas(width: number, height: number, from?: OffscreenCanvas): Canvas<ImageBitmap> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas context');
  if (from) context.drawImage(from, 0, 0);
  return {
    copyRows(bitmap, sourceY, targetY, rows, sourceX = 0) {
      context.drawImage(bitmap, sourceX, sourceY, width, rows, 0, targetY, width, rows);
    },
    toPng: () => canvas.convertToBlob({ type: 'image/png' }),
    resized: (rows) => offscreenCanvas(width, rows, canvas),
  };
}

export const offscreenImaging: Imaging<ImageBitmap> = {
  decode: (image) => createImageBitmap(image),
  canvas: (width, height) => offscreenCanvas(width, height),
};

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
  /** Copies `rows` rows of `bitmap`, from its row `sourceY`, to this canvas's row `targetY`. */
  copyRows(bitmap: B, sourceY: number, targetY: number, rows: number): void;
  toPng(): Promise<Blob>;
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
  private readonly parts: Part[];
  private readonly done: StitchedPart[] = [];
  private current: { index: number; canvas: Canvas<B> } | undefined;
  private covered = 0;

  /** `width` × `height`: the whole page image in image pixels. */
  constructor(
    private readonly imaging: Imaging<B>,
    readonly width: number,
    readonly height: number,
  ) {
    this.parts = splitIntoParts(width, height);
  }

  get partCount(): number {
    return this.parts.length;
  }

  /**
   * Adds one screen: `screenTop` is the page-image row of its first row, `contentRows` how many of its rows
   * are page (a horizontal scrollbar below them is not).
   */
  async add(bitmap: B, screenTop: number, contentRows: number): Promise<void> {
    const rows = Math.min(contentRows, bitmap.height);
    for (const copy of rowCopies(screenTop, rows, this.covered, this.parts)) {
      await this.moveTo(copy.part);
      this.current!.canvas.copyRows(bitmap, copy.sourceY, copy.targetY, copy.rows);
      this.covered = this.parts[copy.part].top + copy.targetY + copy.rows;
    }
  }

  /** Rows of the page image no screen has given yet. */
  get missingRows(): number {
    return this.height - this.covered;
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

export const offscreenImaging: Imaging<ImageBitmap> = {
  decode: (image) => createImageBitmap(image),
  canvas(width, height) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    return {
      copyRows(bitmap, sourceY, targetY, rows) {
        context.drawImage(bitmap, 0, sourceY, width, rows, 0, targetY, width, rows);
      },
      toPng: () => canvas.convertToBlob({ type: 'image/png' }),
    };
  },
};

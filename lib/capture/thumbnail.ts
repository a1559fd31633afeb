/**
 * A small JPEG of a screenshot, made once at capture time so the popup and lists never decode full images.
 * Uses createImageBitmap and OffscreenCanvas because the MV3 service worker has no DOM Image.
 */
export const THUMBNAIL_WIDTH = 320;

export async function makeThumbnail(image: Blob): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return undefined;
  const bitmap = await createImageBitmap(image);
  try {
    const scale = Math.min(1, THUMBNAIL_WIDTH / bitmap.width);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
  } finally {
    bitmap.close();
  }
}

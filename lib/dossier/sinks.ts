/**
 * Where an exported dossier goes in the browser. A file the user picks (File System Access API, Chrome):
 * chunks are written straight to disk. Otherwise a download: chunks become Blob parts, folded into one Blob
 * every few MB (Chrome keeps large blobs on disk, not in the page's memory), handed to an <a download>.
 */
import type { ZipSink } from './zip-stream';

/** The part of the File System Access API the export uses (not in every browser, nor in TypeScript's DOM types). */
export interface SaveFilePicker {
  (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }): Promise<FileSystemFileHandle>;
}

export function saveFilePicker(scope: object = globalThis): SaveFilePicker | undefined {
  const picker = (scope as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(scope) : undefined;
}

/**
 * Writes into the picked file. Chrome writes to a temporary file and swaps it in on close, so an abort
 * leaves the picked file empty; it is then removed where the browser allows it.
 */
export async function fileHandleSink(handle: FileSystemFileHandle): Promise<ZipSink> {
  const writable = await handle.createWritable();
  return {
    write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
    close: () => writable.close(),
    async abort() {
      await writable.abort();
      await (handle as FileSystemFileHandle & { remove?: () => Promise<void> }).remove?.().catch(() => undefined);
    },
  };
}

/** Chunks held in the page before they are folded into the Blob. */
const FOLD_BYTES = 8 * 1024 * 1024;

export interface BlobSink extends ZipSink {
  /** The archive, once closed. */
  result(): Blob;
}

export function blobSink(type = 'application/zip'): BlobSink {
  let blob = new Blob([], { type });
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  let closed = false;
  const fold = () => {
    blob = new Blob([blob, ...pending], { type });
    pending = [];
    pendingBytes = 0;
  };
  return {
    async write(chunk) {
      pending.push(chunk as Uint8Array<ArrayBuffer>);
      pendingBytes += chunk.length;
      if (pendingBytes >= FOLD_BYTES) fold();
    },
    async close() {
      fold();
      closed = true;
    },
    async abort() {
      pending = [];
      blob = new Blob([], { type });
    },
    result() {
      if (!closed) throw new Error('the archive is not finished');
      return blob;
    },
  };
}

/** Hands a finished Blob to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the Blob by now; the URL is released once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

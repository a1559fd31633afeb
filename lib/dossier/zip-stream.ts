/**
 * Writes a dossier ZIP as a stream: each evidence Blob is read in chunks (blob.stream()) and every chunk the
 * ZIP encoder produces goes to the sink, awaited before the next is read, so memory holds a few chunks, never
 * the whole archive. Already-compressed media are stored (ZipPassThrough); text is deflated (ZipDeflate).
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { isCompressedMedia } from './manifest';

/** Where the archive's bytes go: a file on disk, or Blob parts for a download. */
export interface ZipSink {
  write(chunk: Uint8Array): Promise<void>;
  /** All written: finish the file. */
  close(): Promise<void>;
  /** Give up: nothing of the archive should remain where the sink controls it. */
  abort(): Promise<void>;
}

export type ZipEntry =
  | { path: string; text: string }
  | { path: string; blob: Blob; mime: string };

export interface ZipProgress {
  /** Bytes of entries read so far, of `total`. */
  done: number;
  total: number;
}

export interface ZipOptions {
  onProgress?(progress: ZipProgress): void;
  signal?: AbortSignal;
  /** Modification time stamped on every entry (the export time). */
  mtime?: Date;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/** The most bytes handed to the encoder (and so to the sink) at once. */
const MAX_CHUNK = 1024 * 1024;

const entrySize = (entry: ZipEntry) => ('text' in entry ? entry.text.length : entry.blob.size);

export async function writeZip(entries: ZipEntry[], sink: ZipSink, options: ZipOptions = {}): Promise<void> {
  const total = entries.reduce((sum, e) => sum + entrySize(e), 0);
  let done = 0;
  const pending: Uint8Array[] = [];
  let failure: Error | undefined;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else pending.push(chunk);
    if (final) finished = true;
  });
  // The encoder calls back synchronously; this hands what it produced to the sink before reading on.
  const drain = async () => {
    while (pending.length) await sink.write(pending.shift()!);
    if (failure) throw failure;
  };
  const checkCancel = () => {
    if (options.signal?.aborted) throw new ExportCancelled();
  };
  const mtime = options.mtime ?? new Date();
  try {
    for (const entry of entries) {
      checkCancel();
      if ('text' in entry) {
        const file = new ZipDeflate(entry.path, { level: 6 });
        stamp(file, mtime);
        zip.add(file);
        file.push(strToU8(entry.text), true);
        await drain();
        done += entry.text.length;
        options.onProgress?.({ done, total });
        continue;
      }
      const file = isCompressedMedia(entry.mime) ? new ZipPassThrough(entry.path) : new ZipDeflate(entry.path, { level: 6 });
      stamp(file, mtime);
      zip.add(file);
      for await (const value of blobChunks(entry.blob)) {
        // Some runtimes hand a whole in-memory Blob over as one chunk; the sink still gets bounded writes.
        for (let at = 0; at < value.length; at += MAX_CHUNK) {
          checkCancel();
          const piece = value.subarray(at, at + MAX_CHUNK);
          file.push(piece, false);
          await drain();
          done += piece.length;
          options.onProgress?.({ done, total });
        }
      }
      file.push(new Uint8Array(0), true);
      await drain();
    }
    zip.end();
    await drain();
    if (!finished) throw new Error('the ZIP encoder did not finish');
    await sink.close();
  } catch (error) {
    zip.terminate();
    await sink.abort().catch(() => undefined);
    throw error;
  }
}

/**
 * A Blob's bytes in chunks: its stream() where it has one (every browser), else slices read one at a time
 * (a Blob-like object from another realm or a test DOM).
 */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  if (typeof blob.stream === 'function') {
    const reader = blob.stream().getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for (let at = 0; at < blob.size; at += MAX_CHUNK) yield new Uint8Array(await blob.slice(at, at + MAX_CHUNK).arrayBuffer());
}

function stamp(file: ZipInputFile, mtime: Date): void {
  file.mtime = mtime;
}

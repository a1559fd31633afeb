/**
 * SHA-256, the one hashing module: evidence files, custody-log entries, metadata and dossier checks all hash
 * here, with @noble/hashes (audited, no dependencies, the same code in the service worker, extension pages
 * and Node). Results are lower-case hex: what a platform agent or a verifier recomputes with sha256sum.
 *
 * Why not WebCrypto: its digest takes the whole input at once, so a 2 GB video would be read into memory
 * whole, and it is asynchronous, which IndexedDB does not allow between reading a custody log's last entry
 * and writing the next in one transaction (the transaction commits as soon as it waits on anything else).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** How much of a file is read at once: memory holds one slice, whatever the file's size. */
export const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/** An incremental SHA-256: feed it chunks in order, then read the digest once. */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  hex(): string;
}

export function createSha256(): Sha256 {
  const state = sha256.create();
  return {
    update(chunk) {
      state.update(chunk);
    },
    hex: () => bytesToHex(state.digest()),
  };
}

/** SHA-256 of bytes already in memory (custody entries, metadata, a dossier's report). Synchronous. */
export function sha256HexSync(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}

/** SHA-256 of evidence bytes. A Blob is read in pieces of at most HASH_SLICE_BYTES, never whole. */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  // Tested by shape, not instanceof: bytes and Blobs can come from another realm (another window, a test DOM).
  if (ArrayBuffer.isView(data)) return sha256HexSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return sha256HexSync(new Uint8Array(data as ArrayBuffer));
  // Anything else must be a Blob: a silent hash of nothing would vouch for the wrong bytes.
  if (!isBlobLike(data)) throw new TypeError('sha256Hex: not a Blob, ArrayBuffer or Uint8Array');
  const hash = createSha256();
  const reader = byobReader(data);
  if (reader) {
    // One buffer, filled again and again: no slice left behind for the garbage collector to find later.
    let buffer = new ArrayBuffer(HASH_SLICE_BYTES);
    try {
      for (;;) {
        const { value, done } = await reader.read(new Uint8Array(buffer));
        if (done || !value) break;
        hash.update(value);
        buffer = value.buffer as ArrayBuffer;
      }
    } finally {
      reader.releaseLock();
    }
    return hash.hex();
  }
  for (let at = 0; at < data.size; at += HASH_SLICE_BYTES) {
    hash.update(new Uint8Array(await data.slice(at, Math.min(data.size, at + HASH_SLICE_BYTES)).arrayBuffer()));
  }
  return hash.hex();
}

/** A reader that fills a buffer of ours, where the Blob's stream is a byte stream (Chrome, Firefox, Node). */
function byobReader(blob: Blob): ReadableStreamBYOBReader | undefined {
  if (typeof blob.stream !== 'function') return undefined;
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}

function isBlobLike(data: Blob | ArrayBuffer | Uint8Array): data is Blob {
  return typeof (data as Blob).arrayBuffer === 'function' && typeof (data as Blob).slice === 'function' && typeof (data as Blob).size === 'number';
}

/** SHA-256 of evidence bytes, as lower-case hex: what a platform agent or a verifier recomputes. */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  // Duck-typed: a Blob read back from storage can come from another realm (another window, a test DOM).
  const bytes = isBlobLike(data) ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isBlobLike(data: Blob | ArrayBuffer | Uint8Array): data is Blob {
  return typeof (data as Blob).arrayBuffer === 'function' && typeof (data as Blob).size === 'number';
}

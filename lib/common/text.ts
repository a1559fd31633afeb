/** Page text as DisputeKit shows and stores it. Pure; used by the readers and wherever page metadata is made. */

/** Page text is untrusted: cap every string so a hostile page cannot bloat messages or the database. */
export const MAX_TEXT = 2000;

// Bidi controls and zero-width characters: page text may carry them to reorder what the user reads
// (U+202E turns "gpj.exe" round), or to hide text.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Visible-ish text: whitespace folded, invisible and direction-override characters removed, capped in length. */
export function cleanText(raw: string | null | undefined): string {
  return (raw ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

/** HTML text and attribute escaping: order facts, page titles, URLs and notes are untrusted text. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

// Bidi overrides and invisible characters (lib/common/text.ts cleanText removes them from what is stored now; records
// saved before that may still hold them).
const CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Page or user text for the report: escaped, and without characters that reorder or hide what is read. */
export function escapeText(value: unknown): string {
  return escapeHtml(String(value ?? '').replace(CONTROLS, ''));
}

/**
 * A captured page's HTML as DisputeKit stores it (kind 'page-html'): the page's DOM as serialized, with one
 * run of bytes inserted right after the doctype (or at the very start when there is none):
 *
 *   <meta http-equiv="Content-Security-Policy" content="…ARCHIVE_POLICY…"><meta charset="utf-8">
 *
 * Nothing else is changed. Opened from disk, the file then runs no script and loads nothing from the network:
 * - The policy forbids every script (inline ones, event handler attributes, javascript: URLs), plugins,
 *   frames, fetches, form submissions and <base>; it allows only inline styles and data: images and fonts.
 * - A policy in a <meta> only governs what the parser meets after it, so it comes before anything of the
 *   page. The HTML parser puts a <meta> met before <html> into an implied <head> as its first element, then
 *   merges the page's own <html> attributes and ignores its second <head> tag; a page without a <head>
 *   gets one all the same. A policy of the page's own can only add restrictions (all policies apply).
 * - The file's bytes are UTF-8 whatever the page declared (the DOM was serialized as text), so the charset
 *   declaration comes first too: a page that said `<meta charset="gbk">` still reads right.
 *
 * The page's HTML as it was serialized is kept recoverable exactly: `htmlArchive` (lib/common/model.ts) records
 * its SHA-256 and size and where the inserted bytes are; removing them gives it back. The stored file's own
 * SHA-256 is what the custody log and the dossier vouch for.
 */
import { sha256HexSync } from '../common/hash';
import type { EvidenceRecord } from '../common/model';

export const ARCHIVE_POLICY = "default-src 'none'; script-src 'none'; object-src 'none'; img-src data:; font-src data:; media-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";
/** The bytes inserted into every archived page (ASCII). */
export const ARCHIVE_HEAD = `<meta http-equiv="Content-Security-Policy" content="${ARCHIVE_POLICY}"><meta charset="utf-8">`;

export type HtmlArchive = NonNullable<EvidenceRecord['htmlArchive']>;

/** A doctype at the very start (after any byte-order mark or white space), which must stay first. */
const LEADING_DOCTYPE = /^\uFEFF?\s*<!doctype[^>]*>/i;

/** The stored bytes of a captured page and what to record about them. */
export function archivePageHtml(html: string): { bytes: Uint8Array; htmlArchive: HtmlArchive } {
  const encoder = new TextEncoder();
  const original = encoder.encode(html);
  const splitAt = LEADING_DOCTYPE.exec(html)?.[0].length ?? 0;
  const before = encoder.encode(html.slice(0, splitAt));
  const inserted = encoder.encode(ARCHIVE_HEAD);
  const bytes = new Uint8Array(original.length + inserted.length);
  bytes.set(before, 0);
  bytes.set(inserted, before.length);
  bytes.set(original.subarray(before.length), before.length + inserted.length);
  return { bytes, htmlArchive: { originalSha256: sha256HexSync(original), originalBytes: original.length, insertedAt: before.length, insertedBytes: inserted.length } };
}

/** The page's HTML as it was serialized, from the stored bytes: the inserted run taken out again. */
export function originalPageHtml(stored: Uint8Array, htmlArchive: HtmlArchive): Uint8Array {
  const { insertedAt, insertedBytes } = htmlArchive;
  const original = new Uint8Array(stored.length - insertedBytes);
  original.set(stored.subarray(0, insertedAt), 0);
  original.set(stored.subarray(insertedAt + insertedBytes), insertedAt);
  return original;
}

/** The Blob and fields of a 'page-html' evidence item for this HTML. */
export function pageHtmlEvidence(html: string): { blob: Blob; mime: string; bytes: number; sha256: string; htmlArchive: HtmlArchive } {
  const { bytes, htmlArchive } = archivePageHtml(html);
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/html;charset=utf-8' }), mime: 'text/html', bytes: bytes.length, sha256: sha256HexSync(bytes), htmlArchive };
}

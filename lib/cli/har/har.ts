/**
 * HAR 1.2 files as Chrome's and Firefox's DevTools save them ("Save all as HAR (with content)" / "Save All As
 * HAR"), read as untrusted input: a user's own capture, or a file someone forged. Only the parts DisputeKit
 * uses are parsed (zod drops everything else), each entry on its own, so one odd entry costs that entry only.
 *
 * What the two browsers do differently (checked against their exports):
 * - Chrome names each entry's kind in `_resourceType` ("document", "xhr", "fetch", "script", "image", …) and
 *   writes the page's URL as `pages[].title`; Firefox has no `_resourceType`, writes the document's title
 *   there, and leaves `pages` out of some exports altogether.
 * - A body is `response.content.text`, as text, or base64 with `content.encoding: "base64"` (Chrome for
 *   binary bodies, Firefox also for others); `content.text` is missing for a body DevTools did not keep.
 * - `startedDateTime` is ISO 8601: UTC with Z from Chrome, local time with its offset from Firefox.
 */
import { z } from 'zod';

/** The largest HAR read (bytes of the file, or characters of text in memory): see `parseHar`. */
export const MAX_HAR_BYTES = 100 * 1024 * 1024;

const HeaderSchema = z.object({ name: z.string(), value: z.string() });
const CookieSchema = z.object({ name: z.string(), value: z.string() });
const list = <T extends z.ZodType>(item: T) => z.array(z.unknown()).transform((items) => items.flatMap((i) => {
  const parsed = item.safeParse(i);
  return parsed.success ? [parsed.data as z.infer<T>] : [];
}));

export const HarContentSchema = z.object({
  size: z.number().optional(),
  mimeType: z.string().optional(),
  text: z.string().optional(),
  encoding: z.string().optional(),
});
export type HarContent = z.infer<typeof HarContentSchema>;

export const HarEntrySchema = z.object({
  pageref: z.string().optional(),
  startedDateTime: z.string().optional(),
  time: z.number().optional(),
  /** Chrome only: "document", "xhr", "fetch", "script", "image", … */
  _resourceType: z.string().optional(),
  request: z.object({
    method: z.string().optional(),
    url: z.string(),
    httpVersion: z.string().optional(),
    cookies: list(CookieSchema).optional(),
    headers: list(HeaderSchema).optional(),
    postData: z.object({ mimeType: z.string().optional(), text: z.string().optional(), params: list(z.object({ name: z.string(), value: z.string().optional() })).optional() }).optional(),
    bodySize: z.number().optional(),
  }),
  response: z
    .object({
      status: z.number().optional(),
      statusText: z.string().optional(),
      httpVersion: z.string().optional(),
      cookies: list(CookieSchema).optional(),
      headers: list(HeaderSchema).optional(),
      content: HarContentSchema.optional(),
      redirectURL: z.string().optional(),
      bodySize: z.number().optional(),
    })
    .optional(),
  timings: z.record(z.string(), z.unknown()).optional(),
});
export type HarEntry = z.infer<typeof HarEntrySchema>;

export const HarPageSchema = z.object({ id: z.string().optional(), title: z.string().optional(), startedDateTime: z.string().optional() });
export type HarPage = z.infer<typeof HarPageSchema>;

export interface Har {
  creator?: { name?: string; version?: string };
  browser?: { name?: string; version?: string };
  pages: HarPage[];
  entries: HarEntry[];
  /** Entries left out because they are not HAR entries (no request URL, wrong types). */
  skipped: number;
}

const NameVersion = z.object({ name: z.string().optional(), version: z.string().optional() }).optional().catch(undefined);
const HarLogSchema = z.object({
  log: z.object({
    version: z.unknown().optional(),
    creator: NameVersion,
    browser: NameVersion,
    pages: z.array(z.unknown()).optional().catch(undefined),
    entries: z.array(z.unknown()),
  }),
});

export type HarParse = { ok: true; har: Har } | { ok: false; error: string };

/**
 * A HAR from its text, or why it is not one, in words a user can act on. Text over MAX_HAR_BYTES is refused
 * before parsing: a HAR is read whole (JSON.parse, then the parsed copy), so a file several times the size
 * of an order page's capture would take memory in proportion and is refused instead.
 */
export function parseHar(text: string, maxChars = MAX_HAR_BYTES): HarParse {
  if (text.length > maxChars) return { ok: false, error: tooLarge(text.length, maxChars) };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, error: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, error: jsonError(trimmed, error) };
  }
  const parsed = HarLogSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'not a HAR file: it is JSON, but has no log.entries (save it again from DevTools: Network panel, "Save all as HAR")' };
  const { log } = parsed.data;
  const entries: HarEntry[] = [];
  let skipped = 0;
  for (const item of log.entries) {
    const entry = HarEntrySchema.safeParse(item);
    if (entry.success) entries.push(entry.data);
    else skipped++;
  }
  const pages = (log.pages ?? []).flatMap((p) => {
    const page = HarPageSchema.safeParse(p);
    return page.success ? [page.data] : [];
  });
  return { ok: true, har: { creator: log.creator, browser: log.browser, pages, entries, skipped } };
}

export function tooLarge(size: number, max = MAX_HAR_BYTES): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
  return (
    `the file is ${mb(size)} MB; DisputeKit reads HAR files and pages up to ${mb(max)} MB. Save a smaller HAR: in DevTools' ` +
    'Network panel clear the list, open only the order page, then save again'
  );
}

function jsonError(text: string, error: unknown): string {
  if (!text.startsWith('{')) return 'not JSON, so not a HAR file (a HAR is the JSON file DevTools saves: Network panel, "Save all as HAR")';
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  // Cut off: the parser ran out of text (V8 says "end of JSON input", or points at the very end).
  if (/end of (?:JSON )?input|unterminated/i.test(message) || (at && Number(at[1]) >= text.length - 1)) {
    return 'the HAR ends early (cut off while it was saved or copied): save it again from DevTools';
  }
  return `not valid JSON${at ? ` (at character ${at[1]})` : ''}: the HAR was changed or damaged; save it again from DevTools`;
}

/** The MIME type of a content, lower case, without parameters ("text/html; charset=gbk" → "text/html"). */
export function mimeOf(content: HarContent | undefined): string {
  return (content?.mimeType ?? '').split(';')[0].trim().toLowerCase();
}

/** The charset a MIME type names, if any ("application/json;charset=GBK" → "gbk"). */
function charsetOf(mimeType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(mimeType ?? '')?.[1]?.toLowerCase();
}

/**
 * A response body as text: `content.text` as it is, or decoded from base64 (as UTF-8, or in the charset its
 * MIME type names: Taobao answers in GBK). Undefined when DevTools did not keep the body, when the base64 is
 * damaged or when it is longer than `maxChars`.
 */
export function bodyText(content: HarContent | undefined, maxChars = Infinity): string | undefined {
  const text = content?.text;
  if (typeof text !== 'string' || !text) return undefined;
  const encoding = content?.encoding?.toLowerCase();
  if (!encoding) return text.length <= maxChars ? text : undefined;
  if (encoding !== 'base64') return undefined;
  // Decoded text has at most as many characters as bytes: 3 bytes per 4 base64 characters.
  if ((text.length / 4) * 3 > maxChars * 4) return undefined;
  let bytes: Uint8Array;
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return undefined;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(content?.mimeType) ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const decoded = decoder.decode(bytes);
  return decoded.length <= maxChars ? decoded : undefined;
}

/**
 * Whether an entry is a document (a page or a frame): Chrome says so in `_resourceType`; Firefox does not,
 * so there an HTML response is one. An XHR that answered HTML (a login page) is not a document in Chrome.
 */
export function isDocumentEntry(entry: HarEntry): boolean {
  if (entry._resourceType) return entry._resourceType.toLowerCase() === 'document';
  const mime = mimeOf(entry.response?.content);
  return mime === 'text/html' || mime === 'application/xhtml+xml';
}

/** An instant of a HAR (`startedDateTime`) in ms since the epoch, or undefined. */
export function harTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The command-line reader's logic: a saved page and its URL in, or a HAR capture of it, the reading as the
 * documented JSON out. Used by `npm run extract` (users reporting a broken page) and by the benchmark. Plain
 * and DOM-agnostic: the caller parses HTML (linkedom in Node, DOMParser in a browser), so the same function
 * runs in both.
 */
import { captureOfHar } from './har/capture';
import { parseHar } from './har/har';
import type { PageReading } from '../common/model';
import { readPage } from '../readers';

export const EXIT = { recognized: 0, unreadable: 2, unrecognized: 3 } as const;

type ExtractedOrder = Omit<PageReading['orders'][number], 'sources'> & Partial<Pick<PageReading['orders'][number], 'sources'>>;

export interface ExtractResult {
  output: { platform: PageReading['platform'] | null; pageKind: PageReading['pageKind']; orders: ExtractedOrder[]; missing: string[]; truncated?: string[] } | null;
  exitCode: number;
  error?: string;
  /** For the user, beside the output (stderr): what the reading left out of a HAR and why. */
  notes?: string[];
}

/**
 * The URL a browser wrote into a saved page: Chrome's "saved from url=(NNNN)…" comment, the canonical link
 * or og:url. Lets a user report a page without remembering its address.
 */
export function urlOfSavedPage(html: string, doc: Document): string | undefined {
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
  const candidates = [
    savedFrom,
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.find((u): u is string => Boolean(u && /^https?:\/\//.test(u))) ?? undefined;
}

/** `withSources` keeps each order's record of which strategy found each field (for bug reports). */
export function extract(html: string, doc: Document, url: string | undefined, now: Date, withSources = false): ExtractResult {
  if (!html.trim()) return { output: null, exitCode: EXIT.unreadable, error: 'the file is empty' };
  const href = url ?? urlOfSavedPage(html, doc);
  if (!href) return { output: null, exitCode: EXIT.unreadable, error: 'no --url given and none found in the page' };
  try {
    new URL(href);
  } catch {
    return { output: null, exitCode: EXIT.unreadable, error: `not a URL: ${href}` };
  }
  return resultOf(readPage(doc, href, now), withSources);
}

function resultOf(reading: PageReading | null, withSources: boolean): ExtractResult {
  if (!reading) return { output: { platform: null, pageKind: 'unknown', orders: [], missing: [] }, exitCode: EXIT.unrecognized };
  const orders = withSources ? reading.orders : reading.orders.map(({ sources: _sources, ...order }) => order);
  return { output: { ...reading, orders }, exitCode: reading.pageKind === 'unknown' ? EXIT.unrecognized : EXIT.recognized };
}

/** What a single-page app's HTML is when the HAR did not keep it: an empty page, so only its API data is read. */
const NO_HTML = '<!doctype html><html><head></head><body></body></html>';

export interface HarOptions {
  /** Parses the page's HTML (never an API body: those are data, read as JSON only). */
  parseHtml: (html: string) => Document;
  /** The page to read (`--url`); else the HAR's first page. */
  url?: string;
  /** When to read it (`--now`); else when the HAR's page was loaded, else the current time. */
  now?: Date;
  withSources?: boolean;
}

/**
 * The reading of the page a HAR file captured: its HTML and the responses of the known APIs it loaded, read
 * by the same readPage as in the browser. Bad input (not JSON, cut off, too large, not a HAR, nothing of
 * the page kept) is an `error` with exit code 2; nothing here throws.
 */
export function extractHar(text: string, options: HarOptions): ExtractResult {
  const parsed = parseHar(text);
  if (!parsed.ok) return { output: null, exitCode: EXIT.unreadable, error: parsed.error };
  const found = captureOfHar(parsed.har, { url: options.url });
  if (!found.ok) return { output: null, exitCode: EXIT.unreadable, error: found.error };
  const { capture } = found;
  try {
    new URL(capture.url);
  } catch {
    return { output: null, exitCode: EXIT.unreadable, error: `not a URL: ${capture.url}` };
  }
  let doc: Document;
  try {
    doc = options.parseHtml(capture.html ?? NO_HTML);
  } catch {
    return { output: null, exitCode: EXIT.unreadable, error: "the page's HTML in the HAR could not be parsed" };
  }
  const now = options.now ?? capture.loadedAt ?? new Date();
  const result = resultOf(readPage(doc, capture.url, now, capture.responses), options.withSources ?? false);
  return { ...result, notes: capture.notes };
}

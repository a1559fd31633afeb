/**
 * The command-line reader's logic: a saved page and its URL in, the reading as the documented JSON out.
 * Used by `npm run extract` (users reporting a broken page) and by the benchmark.
 */
import type { PageReading } from './model';
import { readPage } from './readers';

export const EXIT = { recognized: 0, unreadable: 2, unrecognized: 3 } as const;

type ExtractedOrder = Omit<PageReading['orders'][number], 'sources'> & Partial<Pick<PageReading['orders'][number], 'sources'>>;

export interface ExtractResult {
  output: { platform: PageReading['platform'] | null; pageKind: PageReading['pageKind']; orders: ExtractedOrder[]; missing: string[] } | null;
  exitCode: number;
  error?: string;
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
  const reading = readPage(doc, href, now);
  if (!reading) return { output: { platform: null, pageKind: 'unknown', orders: [], missing: [] }, exitCode: EXIT.unrecognized };
  const orders = withSources ? reading.orders : reading.orders.map(({ sources: _sources, ...order }) => order);
  return { output: { ...reading, orders }, exitCode: reading.pageKind === 'unknown' ? EXIT.unrecognized : EXIT.recognized };
}

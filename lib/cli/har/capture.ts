/**
 * What a HAR holds of one order page, as the readers take it: the page's URL, its HTML, and the responses of
 * the known order and dispute APIs it loaded (lib/readers/endpoints.ts), kept under the same rules as the
 * page-data recorder keeps them in the browser (https, the endpoint's own hosts, the same caps). Everything
 * else a HAR holds (scripts, images, other APIs, other hosts) is left alone, exactly as the extension ignores it.
 */
import { endpointOf, MAX_RESPONSE_CHARS, MAX_RESPONSES, type ApiEndpoint, type ApiResponse } from '../../readers/api';
import { API_ENDPOINTS } from '../../readers/endpoints';
import { MAX_RECORDED_CHARS, MAX_RESPONSE_URL_CHARS } from '../../content/page-data/protocol';
import { bodyText, harTime, isDocumentEntry, mimeOf, type Har, type HarEntry, type HarPage } from './har';

export interface HarCapture {
  /** The page's URL: as asked, the first page's title when it is a URL (Chrome), or its first document's URL. */
  url: string;
  /** The entry (index in `har.entries`) the HTML is from, if the HAR kept the page's document. */
  documentIndex?: number;
  html?: string;
  /** The known APIs' responses, oldest first, as the recorder would have kept them. */
  responses: ApiResponse[];
  /** When the page was loaded (its document's or its page's start), to read its countdowns at that time. */
  loadedAt?: Date;
  /** What a user reporting the page should know: bodies not kept, unusable answers, other pages. */
  notes: string[];
}

export type HarCaptureResult = { ok: true; capture: HarCapture } | { ok: false; error: string };

const isUrl = (text: string | undefined): text is string => Boolean(text && /^https?:\/\/\S+$/i.test(text.trim()));

/** A URL without its fragment, for comparing a page's address with a request's. */
function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The entries of one page of the HAR (those without a page belong to every page). */
const ofPage = (entries: readonly HarEntry[], pageId: string | undefined) => entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => !pageId || !entry.pageref || entry.pageref === pageId);

/**
 * The page a HAR shows, and what it loaded. `url` (the user's `--url`) picks the page; without it the first
 * page is read. Never throws.
 */
export function captureOfHar(har: Har, options: { url?: string; endpoints?: readonly ApiEndpoint[] } = {}): HarCaptureResult {
  const notes: string[] = [];
  const endpoints = options.endpoints ?? API_ENDPOINTS;
  if (har.skipped) notes.push(`${har.skipped} entr${har.skipped === 1 ? 'y is' : 'ies are'} not HAR entries and were left out`);

  // Which page: the one --url names (by its title or its document), else the first.
  let page: HarPage | undefined = har.pages[0];
  let url = options.url?.trim();
  if (url) {
    const wanted = withoutHash(url);
    page =
      har.pages.find((p) => isUrl(p.title) && withoutHash(p.title.trim()) === wanted) ??
      har.pages.find((p) => p.id && har.entries.some((e) => e.pageref === p.id && isDocumentEntry(e) && withoutHash(e.request.url) === wanted)) ??
      (har.pages.length === 1 ? har.pages[0] : undefined);
  }
  const scoped = ofPage(har.entries, page?.id);
  const documents = scoped.filter(({ entry }) => isDocumentEntry(entry));
  if (!url) url = isUrl(page?.title) ? page.title.trim() : documents[0]?.entry.request.url;
  if (!url) return { ok: false, error: 'no page address in the HAR (no page titled with a URL, no document entry): pass --url URL' };
  if (har.pages.length > 1) notes.push(`the HAR holds ${har.pages.length} pages; reading ${url} (pass --url to read another)`);

  // The page's HTML: its own document entry, else the first document of the page that kept a body.
  const wanted = withoutHash(url);
  const withHtml = documents.filter(({ entry }) => mimeOf(entry.response?.content).includes('html') || !entry.response?.content?.mimeType);
  const document =
    withHtml.find(({ entry }) => withoutHash(entry.request.url) === wanted && bodyText(entry.response?.content) !== undefined) ??
    withHtml.find(({ entry }) => bodyText(entry.response?.content) !== undefined && (entry.response?.status ?? 200) < 300);
  const html = document && bodyText(document.entry.response?.content);
  if (!document) {
    notes.push(documents.length ? "the page's HTML is not in the HAR (DevTools did not keep its body): read from its API responses only" : 'the HAR has no document entry: read from its API responses only');
  }

  // The known APIs' responses, as the recorder keeps them: https, the endpoint's hosts, bodies that fit.
  const found: (ApiResponse & { name: string })[] = [];
  let withoutBody = 0;
  for (const { entry } of scoped) {
    const requestUrl = entry.request.url;
    if (requestUrl.length > MAX_RESPONSE_URL_CHARS) continue;
    const endpoint = endpointOf(requestUrl, endpoints);
    if (!endpoint) continue;
    const content = entry.response?.content;
    if (!content?.text) {
      withoutBody++;
      continue;
    }
    const body = bodyText(content, MAX_RESPONSE_CHARS);
    if (body === undefined) {
      notes.push(`a response of ${endpoint.name} is ${content.encoding === 'base64' ? 'damaged base64 or ' : ''}larger than the ${MAX_RESPONSE_CHARS / (1024 * 1024)} MB the extension keeps: left out`);
      continue;
    }
    const unusable = unusableAnswer(body);
    if (unusable) notes.push(`a response of ${endpoint.name} ${unusable}`);
    const at = harTime(entry.startedDateTime);
    found.push({ url: requestUrl, body, ...(at !== undefined && { at }), name: endpoint.name });
  }
  if (withoutBody) notes.push(`${withoutBody} response${withoutBody === 1 ? '' : 's'} of the known APIs without a body (DevTools did not keep it; save "with content")`);

  // The most recent ones within the recorder's caps (its count, and its total of characters).
  found.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  let total = 0;
  let kept = 0;
  for (let i = found.length - 1; i >= 0 && kept < MAX_RESPONSES; i--) {
    if (total + found[i].body.length > MAX_RECORDED_CHARS) break;
    total += found[i].body.length;
    kept++;
  }
  if (kept < found.length) notes.push(`${found.length} responses of the known APIs; the extension keeps the ${kept} most recent, and so does this reading`);
  const responses = found.slice(found.length - kept).map(({ name: _name, ...response }) => response);
  if (html === undefined && !responses.length) {
    return { ok: false, error: `the HAR holds neither the page's HTML nor a response of a known order API (was it saved "with content"?)` };
  }

  // The page was loaded when its document was asked for (even one whose body DevTools did not keep).
  const pageDocument = document ?? documents.find(({ entry }) => withoutHash(entry.request.url) === wanted) ?? documents[0];
  const loaded = harTime(pageDocument?.entry.startedDateTime) ?? harTime(page?.startedDateTime);
  return {
    ok: true,
    capture: {
      url,
      ...(document && html !== undefined && { documentIndex: document.index, html }),
      responses,
      ...(loaded !== undefined && { loadedAt: new Date(loaded) }),
      notes,
    },
  };
}

/**
 * Why an answer of a known API holds no order data, in a few words for the user's report, or undefined
 * when it looks like data. Only a hint: the readers decide what they can read.
 */
function unusableAnswer(body: string): string | undefined {
  const start = body.trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<')) return 'is an HTML page, not data (signed out?)';
  const ret = /"ret"\s*:\s*\[\s*"([^"]{0,120})"/.exec(body.slice(0, 2048))?.[1];
  if (ret && !ret.startsWith('SUCCESS')) return `is an error: ${ret}`;
  const error = /"error"\s*:\s*\{[^}]{0,200}?"(?:message|code)"\s*:\s*"?([^",}]{1,80})/.exec(body.slice(0, 2048))?.[1];
  if (error) return `is an error: ${error}`;
  return undefined;
}

/**
 * A HAR a user can attach to a bug report: what `npm run extract` needs to read the page again, and nothing
 * of the session. The copy is built from a short list of fields (not by deleting from the original), so a
 * field this module does not know (Chrome's `_initiator` stacks, `_webSocketMessages`, a browser's next
 * addition) never reaches it. What it keeps and why:
 * - no cookies, no request or response headers at all (the readers need none: a body's type and charset are
 *   in `content.mimeType`), no request bodies (`postData`: the readers see responses only);
 * - every query value replaced by "redacted" except order and dispute ids (the reader reads the order a
 *   page or an API call names from them) and, on the known order APIs' calls only, the parameters that name
 *   the API and the answer's format (`api`, `v`, `type`, `dataType`, Yandex Market's resolver `r`); mtop's
 *   `data` parameter keeps only its ids and page numbers (a detail answer without an id is known by the
 *   order its request asked for), its other values redacted; fragments and user names in URLs dropped;
 * - the body of every response dropped (its size kept) except the marketplace's own pages' HTML (the reader
 *   needs it; `keepHtml: false` drops it too) and the known order APIs' responses;
 * - in what is kept, every cookie value, token header value and token-named query or form value of the
 *   original replaced by "redacted" wherever it appears (a page's HTML carries its CSRF token, for one).
 */
import { platformForUrl } from '../../common/marketplaces';
import { endpointOf } from '../../readers/api';
import { API_ENDPOINTS } from '../../readers/endpoints';
import { bodyText, isDocumentEntry, mimeOf, type Har, type HarEntry } from './har';

export const REDACTED = 'redacted';

/** Query parameters that hold the id of an order or dispute (orderId, bizOrderId, biz_order_id, issueId…). */
const ID_PARAM = /(?:order|dispute|issue|refund|reverse|return)_?id$/i;
/** On a known API's call: the parameters that name the API and the answer's format. */
const API_PARAMS = new Set(['api', 'v', 'type', 'dataType', 'r']);
/** Inside mtop's `data`: page numbers of a list. */
const PAGE_KEY = /^page(?:Index|Num|No|Size)?$/i;
/** Names of headers, cookies, query and form fields that hold credentials. */
const SECRET_NAME = /token|csrf|xsrf|secret|sess|^sid$|^sk$|sign|auth|ticket|passw|pwd|key|umid|_tk$|^tk$|^ua$|cookie|credential|nonce/i;

export interface RedactOptions {
  /** Keep the marketplace's pages' HTML (default true): extract needs it unless the page is a single-page app. */
  keepHtml?: boolean;
}

export interface RedactSummary {
  entries: number;
  /** Bodies kept: the pages' HTML, and the known APIs' responses. */
  keptHtml: number;
  keptResponses: number;
  removedBodies: number;
  removedCookies: number;
  removedHeaders: number;
  removedPostData: number;
  redactedValues: number;
}

export interface Redacted {
  har: { log: Record<string, unknown> };
  summary: RedactSummary;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/**
 * A URL with its query values redacted but for ids (and, on a known API's call, the API's own parameters),
 * without fragment or user name. Secrets it redacts are added to `secrets`. Never throws.
 */
export function redactUrl(url: string, options: { api?: boolean; secrets?: Set<string>; count?: { n: number } } = {}): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  if (!/^(?:https?|wss?):$/.test(parsed.protocol)) return `${parsed.protocol}${REDACTED}`;
  const pieces = parsed.search.slice(1).split('&').filter(Boolean);
  const kept = pieces.map((piece) => {
    const eq = piece.indexOf('=');
    if (eq < 0) return piece;
    const rawName = piece.slice(0, eq);
    const name = decode(rawName);
    const value = decode(piece.slice(eq + 1));
    if (ID_PARAM.test(name) || (options.api && API_PARAMS.has(name))) return piece;
    if (options.count) options.count.n++;
    if (SECRET_NAME.test(name)) options.secrets?.add(value);
    if (options.api && name === 'data') return `${rawName}=${encodeURIComponent(redactData(value, options))}`;
    return `${rawName}=${REDACTED}`;
  });
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/** mtop's `data` (JSON): ids and page numbers kept, every other value redacted. */
function redactData(value: string, options: { secrets?: Set<string> }): string {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return REDACTED;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return REDACTED;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(data)) {
    const keep = (ID_PARAM.test(key) || PAGE_KEY.test(key)) && (typeof v === 'string' || typeof v === 'number');
    if (!keep && typeof v === 'string' && SECRET_NAME.test(key)) options.secrets?.add(v);
    out[key] = keep ? v : REDACTED;
  }
  return JSON.stringify(out);
}

/** The value of each `name=value` in a Cookie header ("a=1; b=2"), or of a Set-Cookie header (its first pair). */
function cookieValues(header: string): string[] {
  return header.split(';').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [] : [pair.slice(eq + 1).trim()];
  });
}

/** Every credential the original entry carries: its cookies, token headers, token-named form fields. */
function collectSecrets(entry: HarEntry, secrets: Set<string>): void {
  for (const cookie of [...(entry.request.cookies ?? []), ...(entry.response?.cookies ?? [])]) secrets.add(cookie.value);
  for (const header of [...(entry.request.headers ?? []), ...(entry.response?.headers ?? [])]) {
    const name = header.name.toLowerCase();
    if (name === 'cookie') cookieValues(header.value).forEach((v) => secrets.add(v));
    else if (name === 'set-cookie') header.value.split('\n').forEach((line) => secrets.add(cookieValues(line.split(';')[0])[0] ?? ''));
    else if (SECRET_NAME.test(name)) {
      secrets.add(header.value);
      // "Bearer <token>": the token alone too.
      const token = /^\w+\s+(\S{8,})$/.exec(header.value)?.[1];
      if (token) secrets.add(token);
    }
  }
  const post = entry.request.postData;
  for (const param of post?.params ?? []) if (param.value && SECRET_NAME.test(param.name)) secrets.add(param.value);
  const text = post?.text ?? '';
  if (/^[\w.%-]+=/.test(text)) {
    for (const [name, value] of new URLSearchParams(text)) if (SECRET_NAME.test(name)) secrets.add(value);
  } else if (/^\s*[{[]/.test(text)) {
    try {
      collectSecretFields(JSON.parse(text), secrets, 0);
    } catch {
      // Not JSON after all: the body is dropped anyway.
    }
  }
}

function collectSecretFields(value: unknown, secrets: Set<string>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && SECRET_NAME.test(key)) secrets.add(v);
    else collectSecretFields(v, secrets, depth + 1);
  }
}

/**
 * A scrubber for the text that is kept: each secret (longest first) replaced wherever it appears, also
 * URL-encoded. Short or all-digit values are left: they are not credentials, and replacing "15" or an id
 * everywhere would change what the page says.
 */
function scrubberOf(secrets: Set<string>): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    const value = secret.trim();
    if (value.length < 8 || /^\d+$/.test(value) || value === REDACTED) continue;
    values.add(value);
    values.add(encodeURIComponent(value));
  }
  const ordered = [...values].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((t, value) => (t.includes(value) ? t.split(value).join(REDACTED) : t), text);
}

const TIMINGS = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive', 'ssl'] as const;
const isUrl = (text: string | undefined): text is string => Boolean(text && /^https?:\/\/\S+$/i.test(text.trim()));

/** The redacted copy of a parsed HAR, and what was removed. Never throws. */
export function redactHar(har: Har, options: RedactOptions = {}): Redacted {
  const keepHtml = options.keepHtml ?? true;
  const secrets = new Set<string>();
  for (const entry of har.entries) collectSecrets(entry, secrets);
  const count = { n: 0 };
  const summary: RedactSummary = { entries: har.entries.length, keptHtml: 0, keptResponses: 0, removedBodies: 0, removedCookies: 0, removedHeaders: 0, removedPostData: 0, redactedValues: 0 };

  // URLs first: the query values they redact are secrets to scrub from the kept bodies too.
  const urls = har.entries.map((entry) => {
    const api = endpointOf(entry.request.url, API_ENDPOINTS) !== undefined;
    return {
      api,
      url: redactUrl(entry.request.url, { api, secrets, count }),
      redirect: entry.response?.redirectURL ? redactUrl(entry.response.redirectURL, { secrets, count }) : '',
    };
  });
  const pageTitles = har.pages.map((page) => (isUrl(page.title) ? redactUrl(page.title.trim(), { secrets, count }) : page.title));
  const scrub = scrubberOf(secrets);

  const entries = har.entries.map((entry, i) => {
    const { request, response } = entry;
    summary.removedCookies += (request.cookies?.length ?? 0) + (response?.cookies?.length ?? 0);
    summary.removedHeaders += (request.headers?.length ?? 0) + (response?.headers?.length ?? 0);
    if (request.postData) summary.removedPostData++;
    const { api, url, redirect } = urls[i];
    const content = response?.content;
    // The body stays for the known APIs' answers and the marketplace's own pages' HTML; any other goes.
    const isPage = isDocumentEntry(entry) && platformForUrl(request.url) !== null && (!content?.mimeType || mimeOf(content).includes('html'));
    const keep = api || (keepHtml && isPage);
    const text = keep ? bodyText(content) : undefined;
    if (text !== undefined) {
      if (api) summary.keptResponses++;
      else summary.keptHtml++;
    } else if (content?.text) summary.removedBodies++;
    const timings: Record<string, number> = {};
    for (const key of TIMINGS) {
      const value = entry.timings?.[key];
      if (typeof value === 'number' && Number.isFinite(value)) timings[key] = value;
    }
    return {
      ...(entry.pageref !== undefined && { pageref: entry.pageref }),
      startedDateTime: entry.startedDateTime ?? '',
      time: entry.time ?? 0,
      ...(entry._resourceType !== undefined && { _resourceType: entry._resourceType }),
      request: {
        method: request.method ?? 'GET',
        url,
        httpVersion: request.httpVersion ?? '',
        cookies: [],
        headers: [],
        queryString: queryOf(url),
        headersSize: -1,
        bodySize: request.bodySize ?? -1,
      },
      response: {
        status: response?.status ?? 0,
        statusText: response?.statusText ?? '',
        httpVersion: response?.httpVersion ?? '',
        cookies: [],
        headers: [],
        content: {
          size: content?.size ?? 0,
          mimeType: content?.mimeType ?? '',
          ...(text !== undefined ? { text: scrub(text) } : content?.text ? { comment: 'body removed by DisputeKit redact-har' } : {}),
        },
        redirectURL: redirect,
        headersSize: -1,
        bodySize: response?.bodySize ?? -1,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0, ...timings },
    };
  });
  summary.redactedValues = count.n;

  const source = har.browser ?? har.creator;
  const log: Record<string, unknown> = {
    version: '1.2',
    creator: { name: 'DisputeKit redact-har', version: '1' },
    ...(source && { browser: { name: source.name ?? '', version: source.version ?? '' } }),
    ...(har.pages.length && {
      pages: har.pages.map((page, i) => ({
        startedDateTime: page.startedDateTime ?? '',
        id: page.id ?? '',
        title: scrub(pageTitles[i] ?? ''),
        pageTimings: {},
      })),
    }),
    entries,
    comment:
      'Redacted by DisputeKit redact-har: no cookies, headers or request bodies; query values "redacted" except order ids and the APIs\' own names; ' +
      "bodies kept only for the marketplace's pages' HTML and the order APIs' answers. Look through them before you share this file.",
  };
  return { har: { log }, summary };
}

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

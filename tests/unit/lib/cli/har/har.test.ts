// HAR captures read in process: lib/cli/har (the format, what a page loaded, redaction) and lib/cli/extract.ts's
// extractHar, on the HAR fixtures of tests/fixtures/har/ (written by make-hars.mjs from the API fixtures).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, extractHar, type ExtractResult } from '@/lib/cli/extract';
import { captureOfHar } from '@/lib/cli/har/capture';
import { bodyText, MAX_HAR_BYTES, parseHar, type Har } from '@/lib/cli/har/har';
import { redactHar, redactUrl, REDACTED } from '@/lib/cli/har/redact';
import { MAX_RESPONSES } from '@/lib/readers/api';

const DIR = resolve('tests/fixtures/har');
const harFile = (name: string) => readFileSync(resolve(DIR, name), 'utf8');
const apiFile = (path: string) => readFileSync(resolve('tests/fixtures', path), 'utf8');
// A HAR as JSON to change in a test (the fixtures are never written to).
type Json = any;
const harJson = (name: string): Json => JSON.parse(harFile(name));
const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
const read = (text: string, options: { url?: string; now?: Date; withSources?: boolean } = {}): ExtractResult => extractHar(text, { parseHtml, ...options });
const readJson = (har: Json, options: { url?: string; now?: Date; withSources?: boolean } = {}) => read(JSON.stringify(har), options);
const parsed = (text: string): Har => {
  const result = parseHar(text);
  if (!result.ok) throw new Error(result.error);
  return result.har;
};
const FIXTURES = ['aliexpress-detail-spa.chrome.har', 'taobao-list-pages.chrome.har', 'yandex-market-orders.chrome.har', 'aliexpress-list.firefox.har', 'aliexpress-disputes.chrome.har', 'aliexpress-detail-secrets.chrome.har'];
const DETAIL_API = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/?api=mtop.aliexpress.trade.buyer.order.detail&v=1.0&type=originaljson&dataType=json';

describe('extract on a HAR: the page DevTools captured', () => {
  it('reads a single-page app fully from its API response (the HTML is an empty mount point): every dated step, in sources as api-data', () => {
    const { output, exitCode, notes } = read(harFile('aliexpress-detail-spa.chrome.har'), { withSources: true });
    expect(exitCode).toBe(EXIT.recognized);
    expect(notes).toEqual([]);
    expect(output).toMatchObject({ platform: 'aliexpress', pageKind: 'order-detail', missing: [] });
    const [order] = output!.orders;
    expect(order).toMatchObject({
      orderId: '8190123456789012',
      placedAt: '2026-11-03',
      status: 'Completed',
      store: { name: 'Sunrise Gadgets Store', id: '1100223344' },
      items: [{ title: 'USB-C Fast Charger 65W GaN Wall Adapter', quantity: 2, price: { amount: 18.4, currency: 'USD' } }],
      total: { amount: 36.8, currency: 'USD' },
      events: { placed: '2026-11-03', paid: '2026-11-03', shipped: '2026-11-05', delivered: '2026-11-15', receiptConfirmed: '2026-11-17', completed: '2026-11-18', expectedDelivery: '2026-12-28' },
    });
    expect(order.sources).toMatchObject({ orderId: 'api-data', total: 'api-data', 'events.delivered': 'api-data', 'events.completed': 'api-data' });
    expect(Object.keys(order.sources!).filter((k) => k.startsWith('events.')).sort()).toEqual(Object.keys(order.events!).map((e) => `events.${e}`).sort());
    // Without --sources the orders carry none, like the HTML reading.
    expect(read(harFile('aliexpress-detail-spa.chrome.har')).output!.orders[0]).not.toHaveProperty('sources');
  });

  it('joins both pages of a Taobao list loaded by asyncBought.htm, in page order', () => {
    const { output, exitCode } = read(harFile('taobao-list-pages.chrome.har'));
    expect(exitCode).toBe(0);
    expect(output!.pageKind).toBe('order-list');
    expect(output!.orders.map((o) => o.orderId)).toEqual(['1690000000000000101', '1690000000000000102', '1690000000000000201', '1690000000000000202']);
    expect(output!.orders[0]).toMatchObject({ total: { amount: 129, currency: 'CNY' }, events: { placed: '2025-11-02T10:11:12+08:00' } });
  });

  it("reads Yandex Market's resolver answer and leaves its search resolver alone", () => {
    const { output } = read(harFile('yandex-market-orders.chrome.har'));
    expect(output!.orders.map((o) => [o.orderId, o.status, o.events])).toEqual([
      ['530112233', 'Доставлен', { placed: '2026-11-03T09:12:00+03:00', delivered: '2026-11-05' }],
      ['530200300', 'В пути', { placed: '2026-11-20T10:00:00+03:00', expectedDelivery: '2026-12-12' }],
    ]);
  });

  it('reads a HAR saved by Firefox: no pages (the URL from its first document), no _resourceType, base64 bodies, a JSONP second page', () => {
    const har = parsed(harFile('aliexpress-list.firefox.har'));
    const found = captureOfHar(har);
    expect(found.ok && found.capture.url).toBe('https://www.aliexpress.com/p/order/index.html');
    // Firefox's local time with its offset is the page's load time.
    expect(found.ok && found.capture.loadedAt?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    const { output, exitCode } = read(harFile('aliexpress-list.firefox.har'));
    expect(exitCode).toBe(0);
    expect(output!.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['8190123456789012', 'Completed'],
      ['8190222233334444', 'Completed'],
      ['8190555566667777', 'Refunded'],
      ['8190666677778888', 'Completed'],
      ['9912345678901235', 'Completed'],
    ]);
  });

  it('passes a dispute page through: the dispute, its opening date, and its timer read at the time the page was loaded', () => {
    const { output } = read(harFile('aliexpress-disputes.chrome.har'), { withSources: true });
    expect(output!.pageKind).toBe('dispute-list');
    const [first] = output!.orders;
    expect(first).toMatchObject({
      orderId: '8190123456789012',
      events: { disputeOpened: '2026-11-21' },
      dispute: { id: '70012345678', type: 'Return & refund', status: 'Awaiting seller response', amount: { amount: 18.4, currency: 'USD' } },
      sources: { 'dispute.id': 'api-data', 'events.disputeOpened': 'api-data' },
    });
    // "4 days 23 hours" from the document's start (2026-11-20T09:00:00.010Z), not from today.
    expect(first.countdowns).toEqual([{ label: 'Seller must respond within', text: 'Seller must respond within 4 days 23 hours', endsAt: '2026-11-25T08:00:00.010Z' }]);
    // --now fixes the reading time instead.
    const later = read(harFile('aliexpress-disputes.chrome.har'), { now: new Date('2026-11-22T00:00:00Z') });
    expect(later.output!.orders[0].countdowns![0].endsAt).toBe('2026-11-26T23:00:00.000Z');
  });

  it('takes the page to read from --url, and then only the responses that page loaded', () => {
    // Two pages in one HAR ("Preserve log"): a dispute list, then an order detail.
    const list = harJson('aliexpress-disputes.chrome.har');
    const detail = harJson('aliexpress-detail-spa.chrome.har');
    for (const entry of detail.log.entries) entry.pageref = 'page_2';
    const both = { log: { ...list.log, pages: [...list.log.pages, { ...detail.log.pages[0], id: 'page_2' }], entries: [...list.log.entries, ...detail.log.entries] } };
    const first = readJson(both);
    expect(first.output!.pageKind).toBe('dispute-list');
    expect(first.notes!.join('\n')).toMatch(/2 pages/);
    const second = readJson(both, { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012' });
    expect(second.output).toMatchObject({ pageKind: 'order-detail', orders: [{ orderId: '8190123456789012', total: { amount: 36.8 } }] });
    expect(second.output!.orders[0].dispute).toBeUndefined();
  });

  it('finds the page by its document when the first page is titled with words (Firefox) and when the first document is a redirect', () => {
    const har = harJson('aliexpress-detail-spa.chrome.har');
    har.log.pages[0].title = 'Order details';
    const doc = har.log.entries[0];
    const bounce = { ...structuredClone(doc), request: { ...doc.request, url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012&from=login' }, response: { ...doc.response, status: 302, content: { size: 0, mimeType: 'text/html' } } };
    har.log.entries.unshift(bounce);
    const found = captureOfHar(parsed(JSON.stringify(har)));
    expect(found.ok && found.capture.url).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012&from=login');
    expect(found.ok && found.capture.documentIndex).toBe(1);
    expect(readJson(har).output!.orders[0].total).toEqual({ amount: 36.8, currency: 'USD' });
  });

  it('decodes base64 bodies in the charset their type names (Taobao answers in GBK), and leaves damaged ones out', () => {
    expect(bodyText({ mimeType: 'application/json;charset=GBK', encoding: 'base64', text: btoa(String.fromCharCode(0x7b, 0x22, 0xb6, 0xa9, 0xb5, 0xa5, 0x22, 0x3a, 0x31, 0x7d)) })).toBe('{"订单":1}');
    expect(bodyText({ mimeType: 'application/json', encoding: 'base64', text: btoa(unescape(encodeURIComponent('{"a":"€"}'))) })).toBe('{"a":"€"}');
    expect(bodyText({ mimeType: 'application/json', encoding: 'base64', text: '%%%not base64' })).toBeUndefined();
    expect(bodyText({ mimeType: 'application/json', encoding: 'gzip', text: 'H4sI' })).toBeUndefined();
    expect(bodyText({ mimeType: 'application/json;charset=x-unknown', encoding: 'base64', text: btoa('{"a":1}') })).toBe('{"a":1}');
    expect(bodyText({ mimeType: 'text/html' })).toBeUndefined();
  });

  it('keeps the responses as the extension would: the most recent ones up to its count', () => {
    const har = harJson('aliexpress-detail-spa.chrome.har');
    const answer = har.log.entries[4];
    const older = harJson('aliexpress-detail-spa.chrome.har').log.entries[4];
    // 45 older answers about another order, then the page's own.
    older.response.content.text = JSON.stringify(JSON.parse(apiFile('aliexpress/api/order-detail-other.json')));
    const copies = Array.from({ length: 45 }, (_, i) => ({ ...structuredClone(older), startedDateTime: new Date(Date.parse('2026-11-20T08:00:00Z') + i * 1000).toISOString() }));
    har.log.entries = [...copies, ...har.log.entries.filter((e: Json) => e !== answer), answer];
    const found = captureOfHar(parsed(JSON.stringify(har)));
    expect(found.ok && found.capture.responses.length).toBe(MAX_RESPONSES);
    expect(found.ok && found.capture.notes.join('\n')).toMatch(/46 responses.*keeps the 40 most recent/);
    expect(found.ok && found.capture.responses.at(-1)!.body).toBe(answer.response.content.text);
  });
});

describe('extract on a HAR: bad input', () => {
  const spa = () => harJson('aliexpress-detail-spa.chrome.har');

  it('refuses what is not a HAR with a clear reason and exit code 2, never throwing', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['<!doctype html><html><body>not a har</body></html>', /not JSON/],
      ['PK\u0003\u0004\u0000\u0000binary', /not JSON/],
      [harFile('aliexpress-detail-spa.chrome.har').slice(0, 5000), /ends early/],
      ['{"log": {"entries": [}', /not valid JSON/],
      ['{"name": "a package.json"}', /not a HAR/],
      ['{"log": {"entries": "none"}}', /not a HAR/],
      ['[1, 2, 3]', /not JSON|not a HAR/],
    ];
    for (const [text, message] of cases) {
      const result = read(text);
      expect(result.exitCode, text.slice(0, 40)).toBe(EXIT.unreadable);
      expect(result.output).toBeNull();
      expect(result.error).toMatch(message);
    }
  });

  it('refuses a HAR over the cap before parsing it, saying the cap', () => {
    const result = parseHar(harFile('aliexpress-detail-spa.chrome.har'), 1000);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/DisputeKit reads HAR files and pages up to 0\.0 MB/) });
    expect(MAX_HAR_BYTES).toBe(100 * 1024 * 1024);
    const big = `{"log":{"entries":[]},"pad":"${'x'.repeat(MAX_HAR_BYTES)}"}`;
    expect(read(big)).toMatchObject({ exitCode: EXIT.unreadable, error: expect.stringMatching(/up to 100 MB/) });
  });

  it('leaves out entries that are not entries, and says how many', () => {
    const har = spa();
    har.log.entries.push(null, 7, { request: { url: 42 } }, { response: {} });
    const result = readJson(har);
    expect(result.exitCode).toBe(0);
    expect(result.output!.orders[0].total).toEqual({ amount: 36.8, currency: 'USD' });
    expect(result.notes).toContain('4 entries are not HAR entries and were left out');
  });

  it('ignores images and other binary bodies, responses from other hosts and plain http, as the extension does', () => {
    const har = spa();
    const other = JSON.stringify(JSON.parse(apiFile('aliexpress/api/order-detail-other.json')));
    const forged = (url: string, content: Json) => ({ ...structuredClone(har.log.entries[4]), request: { ...har.log.entries[4].request, url }, response: { ...har.log.entries[4].response, content }, startedDateTime: '2026-11-20T09:00:05.000Z' });
    har.log.entries.push(
      forged(DETAIL_API.replace('https:', 'http:'), { size: other.length, mimeType: 'application/json', text: other }),
      forged(DETAIL_API.replace('acs.aliexpress.com', 'acs.aliexpress.com.evil.example'), { size: other.length, mimeType: 'application/json', text: other }),
      forged('https://evil.example/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/', { size: other.length, mimeType: 'application/json', text: other }),
      // A binary answer at the API's own address: not data.
      forged(DETAIL_API, { size: 70, mimeType: 'image/png', encoding: 'base64', text: har.log.entries[2].response.content.text }),
    );
    const result = readJson(har);
    expect(result.exitCode).toBe(0);
    expect(result.output).toEqual(read(harFile('aliexpress-detail-spa.chrome.har')).output);
    expect(JSON.stringify(result.output)).not.toContain('8190999988887777');
  });

  it('reads a page whose API answered an error or a login page from what is left, and says why', () => {
    for (const [body, note] of [
      [apiFile('aliexpress/api/order-list-error.json'), /is an error: FAIL_SYS_TOKEN_EXOIRED/],
      [apiFile('aliexpress/api/order-list-login.html'), /is an HTML page, not data/],
    ] as const) {
      const har = spa();
      har.log.entries[4].response.content.text = body;
      const result = readJson(har);
      expect(result.exitCode).not.toBe(EXIT.unreadable);
      // Nothing but the order the address names: no order data read from the error or the login page.
      expect(result.output!.orders).toEqual([{ orderId: '8190123456789012', items: [] }]);
      expect(result.output!.missing).toEqual(expect.arrayContaining(['status', 'total']));
      expect(result.notes!.join('\n')).toMatch(note);
    }
  });

  it('never parses an API body as markup, and runs no script of the page', () => {
    const har = spa();
    har.log.entries[0].response.content.text = '<!doctype html><body><div id="root"></div><script>globalThis.__harPwned = 1</script></body>';
    // A login page where the API answer should be: read as data (it is none), never as HTML.
    har.log.entries[4].response.content.text = '<html><body><img src=x onerror="globalThis.__harPwned = 2"><script>globalThis.__harPwned = 3</script></body></html>';
    const spy = vi.fn(parseHtml);
    const result = extractHar(JSON.stringify(har), { parseHtml: spy });
    expect(result.exitCode).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toContain('__harPwned = 1');
    expect((globalThis as Record<string, unknown>).__harPwned).toBeUndefined();
  });

  it('keeps hostile text in an API answer as text', () => {
    const har = spa();
    const answer = JSON.parse(har.log.entries[4].response.content.text);
    const product = Object.values(answer.data.data as Record<string, Json>).find((c) => c.type === 'detail_product_block');
    product.fields.productVOList[0].itemTitle = '<img src=x onerror=alert(1)>Charger';
    har.log.entries[4].response.content.text = JSON.stringify(answer);
    const title = readJson(har).output!.orders[0].items[0].title;
    expect(title).toContain('Charger');
    expect((globalThis as Record<string, unknown>).alert).toBeUndefined();
  });

  it("reads from the API alone when DevTools kept no HTML, and refuses a HAR that kept nothing of the page", () => {
    const har = spa();
    delete har.log.entries[0].response.content.text;
    const apiOnly = readJson(har);
    expect(apiOnly.output!.orders[0].total).toEqual({ amount: 36.8, currency: 'USD' });
    expect(apiOnly.notes!.join('\n')).toMatch(/HTML is not in the HAR/);
    delete har.log.entries[4].response.content.text;
    expect(readJson(har)).toMatchObject({ exitCode: EXIT.unreadable, error: expect.stringMatching(/neither the page's HTML nor a response/) });
    const noPage = spa();
    noPage.log.pages = [];
    noPage.log.entries = noPage.log.entries.filter((e: Json) => e._resourceType !== 'document');
    noPage.log.entries.forEach((e: Json) => delete e.pageref);
    expect(readJson(noPage)).toMatchObject({ exitCode: EXIT.unreadable, error: expect.stringMatching(/no page address/) });
    expect(readJson(noPage, { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012' }).output!.orders[0].total).toEqual({ amount: 36.8, currency: 'USD' });
  });

  it('reports a page of another site, or over plain http, as unknown (exit 3)', () => {
    const har = spa();
    har.log.pages[0].title = 'http://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
    expect(readJson(har)).toMatchObject({ exitCode: EXIT.unrecognized, output: { platform: null, pageKind: 'unknown', orders: [] } });
    har.log.pages[0].title = 'https://shop.example/p/order/detail.html?orderId=8190123456789012';
    expect(readJson(har)).toMatchObject({ exitCode: EXIT.unrecognized, output: { platform: null, pageKind: 'unknown' } });
  });
});

describe('redact-har', () => {
  const secretsHar = () => harFile('aliexpress-detail-secrets.chrome.har');
  const redactedText = (text: string, keepHtml = true) => JSON.stringify(redactHar(parsed(text), { keepHtml }).har);

  it('gives the same reading as the original, for every capture', () => {
    for (const name of FIXTURES) {
      const original = read(harFile(name), { withSources: true });
      const redacted = read(redactedText(harFile(name)), { withSources: true });
      expect(redacted.exitCode, name).toBe(original.exitCode);
      expect(redacted.output, name).toEqual(original.output);
      // The single-page apps read the same without their HTML too.
      expect(read(redactedText(harFile(name), false), { withSources: true }).output, `${name} --no-html`).toEqual(original.output);
    }
  });

  it('leaves no cookie, header, request body, token or unrelated body of the original', () => {
    const original: Json = JSON.parse(secretsHar());
    const out = redactedText(secretsHar());
    const secrets = new Set<string>();
    for (const entry of original.log.entries) {
      for (const c of [...entry.request.cookies, ...entry.response.cookies]) secrets.add(c.value);
      for (const h of [...entry.request.headers, ...entry.response.headers]) if (/cookie|auth|token|csrf/i.test(h.name)) secrets.add(h.value);
      // Every query value but those kept on purpose (and the JSONP callback's name, which its kept answer starts with).
      for (const q of entry.request.queryString) if (!/^(?:orderId|api|v|type|dataType|data|callback)$/.test(q.name)) secrets.add(q.value);
      if (entry.request.postData) secrets.add(entry.request.postData.text);
      for (const m of entry._webSocketMessages ?? []) secrets.add(m.data);
      for (const f of entry._initiator?.stack?.callFrames ?? []) secrets.add(f.url);
      if (entry.response.redirectURL) secrets.add(entry.response.redirectURL);
    }
    // The bodies of requests that are neither the page nor an order API (the profile's answer, the image).
    for (const entry of original.log.entries) if (!/order\.detail|^https:\/\/www\.aliexpress\.com\/p\/order/.test(entry.request.url) && entry.response.content.text) secrets.add(entry.response.content.text);
    const searched = [...secrets].filter((s) => s && s.length >= 8 && !/^\d+$/.test(s));
    expect(searched.length).toBeGreaterThanOrEqual(15);
    for (const secret of searched) expect(out, secret).not.toContain(secret);
    expect(out).not.toContain('jane.roe.buyer@example.com');
    expect(out).not.toMatch(/"_(?!resourceType)\w+"\s*:/);

    const log = JSON.parse(out).log;
    for (const entry of log.entries) {
      expect(entry.request.cookies).toEqual([]);
      expect(entry.request.headers).toEqual([]);
      expect(entry.response.cookies).toEqual([]);
      expect(entry.response.headers).toEqual([]);
      expect(entry.request).not.toHaveProperty('postData');
    }
    // The page's own HTML is kept, its CSRF token scrubbed from it.
    const page = log.entries.find((e: Json) => e._resourceType === 'document');
    expect(page.response.content.text).toContain('<div id="root"></div>');
    expect(page.response.content.text).toContain(`content="${REDACTED}"`);
    // Unrelated bodies: text gone, size kept.
    const profile = log.entries.find((e: Json) => e.request.url.includes('/api/profile'));
    expect(profile.response.content).toEqual({ size: 66, mimeType: 'application/json', comment: 'body removed by DisputeKit redact-har' });
  });

  it('keeps what recognises the order API and the order: the API name, the format, the order ids in the address and in mtop data', () => {
    const log = JSON.parse(redactedText(secretsHar())).log;
    expect(log.pages[0].title).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=3078901234567890&spm=redacted&gatewayAdapt=redacted&_tk=redacted');
    const call = log.entries.find((e: Json) => e.request.url.includes('order.detail'));
    const url = new URL(call.request.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      jsv: REDACTED,
      appKey: REDACTED,
      t: REDACTED,
      sign: REDACTED,
      api: 'mtop.aliexpress.trade.buyer.order.detail',
      v: '1.0',
      type: 'jsonp',
      dataType: 'jsonp',
      callback: REDACTED,
      data: JSON.stringify({ tradeOrderId: '3078901234567890', _lang: REDACTED, umidToken: REDACTED }),
      _m_h5_tk: REDACTED,
    });
    expect(call.request.queryString).toContainEqual({ name: 'sign', value: REDACTED });
    // Only the API's own calls keep api/v/type/r: an unrelated address keeps its ids alone.
    expect(redactUrl('https://tracker.example/c?r=https%3A%2F%2Flogin%3Fticket%3DST-1&orderId=81901&type=x#token=abc')).toBe('https://tracker.example/c?r=redacted&orderId=81901&type=redacted');
    expect(redactUrl('https://user:pass@market.yandex.ru/api/resolve/?r=src/resolvers/orders/resolveOrders:resolveOrders&sk=y123', { api: true })).toBe(
      'https://market.yandex.ru/api/resolve/?r=src/resolvers/orders/resolveOrders:resolveOrders&sk=redacted',
    );
    expect(redactUrl('data:image/png;base64,AAAA')).toBe('data:redacted');
    expect(redactUrl('not a url')).toBe(REDACTED);
  });

  it('drops the HTML with --no-html, and the request bodies of the APIs too (the readers see answers only)', () => {
    const log = JSON.parse(redactedText(harFile('taobao-list-pages.chrome.har'), false)).log;
    const page = log.entries.find((e: Json) => e._resourceType === 'document');
    expect(page.response.content.text).toBeUndefined();
    const answers = log.entries.filter((e: Json) => e.request.url.includes('asyncBought'));
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer.request).not.toHaveProperty('postData');
      expect(answer.response.content.text).toContain('mainOrders');
    }
  });

  it('writes a HAR 1.2 log that is still what DevTools would read', () => {
    const { har, summary } = redactHar(parsed(harFile('aliexpress-list.firefox.har')));
    const log = har.log as Json;
    expect(log.version).toBe('1.2');
    expect(log.browser).toEqual({ name: 'Firefox', version: '153.0' });
    expect(log).not.toHaveProperty('pages');
    for (const entry of log.entries) {
      expect(entry).toMatchObject({ startedDateTime: expect.any(String), time: expect.any(Number), cache: {}, timings: { send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) } });
      expect(entry.request).toMatchObject({ method: expect.any(String), url: expect.any(String), httpVersion: expect.any(String), queryString: expect.any(Array), headersSize: -1, bodySize: expect.any(Number) });
      expect(entry.response).toMatchObject({ status: 200, content: { size: expect.any(Number), mimeType: expect.any(String) }, redirectURL: '', headersSize: -1 });
    }
    // The base64 answers are kept as text, decoded.
    expect(log.entries[2].response.content.encoding).toBeUndefined();
    expect(log.entries[3].response.content.text.startsWith('mtopjsonp7(')).toBe(true);
    expect(summary).toMatchObject({ entries: 4, keptHtml: 1, keptResponses: 2, removedBodies: 1 });
  });
});

describe('the HAR fixtures', () => {
  it('are what tests/fixtures/har/make-hars.mjs writes from the API fixtures', () => {
    const run = spawnSync(process.execPath, ['tests/fixtures/har/make-hars.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

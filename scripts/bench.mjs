// npm run bench: prints one JSON object of numeric figures with dotted names, measured in Chromium.
// Reading figures: `extract.<fixture>.median_ms` is the median time of the page reader over one parsed
// fixture (the time a content script spends when the popup asks), with the API responses the page loaded
// where the fixture has any (read by the same readPage, in the same Chromium page: `*_api_*` fixtures; the
// `extract.aliexpress_api_*` ones on the empty mount point a single-page app arrives as, see apiFigures;
// `extract.har_*` the same for DevTools HAR captures, see harFigures).
// Targets: < 5 ms per detail page, < 20 ms for a 50-order list page. Full-page capture figures (`capture.fullpage.*`, see fullPageFigures;
// `capture.chat.*`, scripts/bench-chat.mjs)
// need the test build (npm run build:test); bundle sizes (`bundle.*`, see bundleFigures) the production build (npm run build).
// Later issues add their own sections to the same object.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bundles, gzipBytes, hasBuild, PRODUCTION_BUILD } from './bundles.mjs';
import { chatFigures } from './bench-chat.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/fixtures/real');
const RUNS = 60;

const own = (path) => join(ROOT, 'tests/fixtures', path);
const TAOBAO_LIST = 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm';
const TAOBAO_EMPTY_LIST = '<html><body><div id="J_bought_main"></div></body></html>';
const ASYNC_BOUGHT = 'https://buyertrade.taobao.com/trade/itemlist/asyncBought.htm?action=itemlist/BoughtQueryAction&event_submit_do_query=1';
const MTOP_LIST = 'https://h5api.m.taobao.com/h5/mtop.taobao.order.queryboughtlistv2/2.0/?api=mtop.taobao.order.queryboughtlistV2&v=2.0&type=originaljson&dataType=json';
const YM_RESOLVER = 'https://market.yandex.ru/api/resolve/?r=src/resolvers/orders/resolveConsolidationOrders:resolveConsolidationOrders';
const YM_RETURNS = 'https://market.yandex.ru/api/resolve/?r=src/resolvers/returns/resolveReturns:resolveReturns';

/** Every 1690000000000000NNN id in a text moved on by `step` (a fresh order of the same shape). */
const shiftIds = (text, step) => text.replace(/1690000000000000(\d{3})/g, (_, n) => `16900000000${String(10000 + Number(n) + step * 1000).padStart(8, '0')}`);

/** The classic list's answer (asyncBought.htm) with `count` orders, from the fixture's orders repeated. */
function taobaoClassicAnswer(count) {
  const answer = JSON.parse(readFileSync(own('taobao/api/asyncBought-page1.json'), 'utf8'));
  const orders = answer.mainOrders;
  answer.mainOrders = Array.from({ length: count }, (_, i) => JSON.parse(shiftIds(JSON.stringify(orders[i % orders.length]), i)));
  return JSON.stringify(answer);
}

/** The newer list's mtop answer with `count` orders: the fixture's two order subtrees repeated with fresh ids. */
function taobaoMtopAnswer(count) {
  const text = readFileSync(own('taobao/api/queryboughtlistV2-page1.json'), 'utf8');
  const answer = JSON.parse(text);
  const { data, hierarchy } = answer.data;
  const list = hierarchy.structure.orderList_0;
  // Copies of the fixture's own two orders only (not of the growing answer).
  const base = JSON.stringify({ data, structure: hierarchy.structure });
  for (let i = 1; i < count / 2; i++) {
    const copy = JSON.parse(shiftIds(base, i));
    for (const [key, value] of Object.entries(copy.data)) if (!(key in data)) data[key] = value;
    for (const key of copy.structure.orderList_0) {
      list.push(key);
      hierarchy.structure[key] = copy.structure[key];
    }
  }
  return JSON.stringify(answer);
}

/** A Yandex Market resolver answer (DisputeKit's model of it) with `count` orders in its collections. */
function yandexAnswer(count) {
  const answer = JSON.parse(readFileSync(own('yandex-market/api/resolveConsolidationOrders.json'), 'utf8'));
  const { collections, result } = answer.results[0].data;
  const [order] = Object.values(collections.order);
  const [item] = Object.values(collections.orderItem);
  collections.order = {};
  collections.orderItem = {};
  result[0].orderGroupIds = [];
  for (let i = 0; i < count; i++) {
    const id = 540000000 + i;
    collections.order[id] = { ...order, id, itemIds: [90000 + i] };
    collections.orderItem[90000 + i] = { ...item, id: 90000 + i, orderId: id };
    result[0].orderGroupIds.push(id);
  }
  return JSON.stringify(answer);
}

const FIXTURES = [
  ['aliexpress_detail', own('aliexpress/order-detail.html'), 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012'],
  ['aliexpress_detail_drifted', own('aliexpress/order-detail-drifted.html'), 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012'],
  ['aliexpress_ru_detail', own('aliexpress/order-detail-ru.html'), 'https://aliexpress.ru/order-list/5012345678901234'],
  ['aliexpress_list_50', own('aliexpress/order-list.html'), 'https://www.aliexpress.com/p/order/index.html', () => aliexpressList(50, false)],
  ['aliexpress_list_50_drifted', own('aliexpress/order-list-drifted.html'), 'https://www.aliexpress.com/p/order/index.html', () => aliexpressList(50, true)],
  ['taobao_list_real_50', join(SHARED, 'taobao/list_bought_items_2025-11.html'), 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm'],
  ['taobao_detail_real', join(SHARED, 'taobao/trade_item_detail_2025-11.html'), 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=1'],
  ['taobao_detail_drifted', own('taobao/order-detail-drifted.html'), 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3690000000000000031'],
  ['tmall_detail', own('taobao/tmall-order-detail.html'), 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2690000000000000021'],
  ['yandex_market_detail', own('yandex-market/order-detail.html'), 'https://market.yandex.ru/my/order/512034876'],
  ['yandex_market_list', own('yandex-market/orders-list.html'), 'https://market.yandex.ru/my/orders'],
  ['yandex_market_list_drifted', own('yandex-market/orders-list-drifted.html'), 'https://market.yandex.ru/my/orders'],
  ['taobao_list_2021', own('taobao/list-2021.html'), 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm'],
  ['taobao_list_drifted', own('taobao/list-drifted.html'), 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm'],
  ['taobao_refund_list', own('taobao/refund-list.html'), 'https://refund2.taobao.com/dispute/buyerDisputeList.htm'],
  ['taobao_refund_detail', own('taobao/refund-detail.html'), 'https://refund2.tmall.com/dispute/detail.htm?disputeId=200000000000021&bizOrderId=2690000000000000021'],
  ['yandex_market_detail_events', own('yandex-market/order-detail-events.html'), 'https://market.yandex.ru/my/order/530112233'],
  ['yandex_market_list_events', own('yandex-market/orders-list-events.html'), 'https://market.yandex.ru/my/orders'],
  ['yandex_market_returns_list', own('yandex-market/returns-list.html'), 'https://market.yandex.ru/my/returns'],
  ['yandex_market_return_detail', own('yandex-market/return-detail.html'), 'https://market.yandex.ru/my/returns/7001001'],
  // The page's own API answers (an empty list page plus the responses it loaded), grown to 50 orders.
  ['taobao_list_api_50', own('taobao/api/asyncBought-page1.json'), TAOBAO_LIST, () => TAOBAO_EMPTY_LIST, () => [{ url: ASYNC_BOUGHT, body: taobaoClassicAnswer(50) }]],
  ['taobao_list_api_mtop_50', own('taobao/api/queryboughtlistV2-page1.json'), TAOBAO_LIST, () => TAOBAO_EMPTY_LIST, () => [{ url: MTOP_LIST, body: taobaoMtopAnswer(50) }]],
  ['yandex_market_list_api_50', own('yandex-market/api/resolveConsolidationOrders.json'), 'https://market.yandex.ru/my/orders', () => '<html><body><main></main></body></html>', () => [{ url: YM_RESOLVER, body: yandexAnswer(50) }]],
  ['yandex_market_returns_api', own('yandex-market/api/resolveReturns.json'), 'https://market.yandex.ru/my/returns', () => '<html><body><main></main></body></html>', () => [{ url: YM_RETURNS, body: readFileSync(own('yandex-market/api/resolveReturns.json'), 'utf8') }]],
];

/**
 * The AliExpress list fixture grown to `count` orders (cards repeated with fresh ids); `drifted` renames
 * every class as the drifted fixture does.
 */
function aliexpressList(count, drifted) {
  const html = readFileSync(own('aliexpress/order-list.html'), 'utf8');
  const marker = '\n  <div class="order-item">';
  const first = html.indexOf(marker);
  const end = html.indexOf('\n</div><div class="order-more">');
  const cards = html.slice(first, end).split(marker).filter(Boolean);
  let body = '';
  for (let i = 0; i < count; i++) {
    body += marker + cards[i % cards.length].replace(/\d{16}/g, (id) => String(BigInt(id) + BigInt(i)));
  }
  const grown = html.slice(0, first) + body + html.slice(end);
  return drifted ? grown.replace(/class="[^"]*"/g, 'class="q1-w8e"') : grown;
}

/**
 * AliExpress pages read from the API responses they loaded (tests/fixtures/aliexpress/api), in the same page
 * and the same way as the HTML fixtures: the document is the single-page app's empty mount point.
 */
const API_FIXTURES = [
  ['aliexpress_api_detail', 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', [['mtop.aliexpress.trade.buyer.order.detail', 'order-detail.json']]],
  ['aliexpress_api_list_50', 'https://www.aliexpress.com/p/order/index.html', [['mtop.aliexpress.trade.buyer.order.list', 'order-list-50.json']]],
  ['aliexpress_api_list_pages', 'https://www.aliexpress.com/p/order/index.html', [['mtop.aliexpress.trade.buyer.order.list', 'order-list-2026.json'], ['mtop.aliexpress.trade.buyer.order.list', 'order-list-2026-page2.jsonp']]],
  ['aliexpress_api_disputes', 'https://www.aliexpress.com/p/reverse-pages/list.html', [['mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer', 'reverse-list.json']]],
];
const SHELL = '<!doctype html><html><head><title>AliExpress</title></head><body><div id="root"></div></body></html>';

async function apiFigures(page) {
  const figures = {};
  for (const [name, url, recorded] of API_FIXTURES) {
    const responses = recorded.map(([api, file], i) => ({
      url: `https://acs.aliexpress.com/h5/${api}/1.0/?api=${api}&v=1.0&type=originaljson&dataType=json`,
      body: readFileSync(own(`aliexpress/api/${file}`), 'utf8'),
      at: i + 1,
    }));
    const result = await page.evaluate(
      ({ html, url, responses, runs }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const now = new Date('2026-11-20T09:00:00Z');
        const times = [];
        let orders = 0;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const reading = globalThis.DisputeKitReaders.readPage(doc, url, now, responses);
          times.push(performance.now() - start);
          orders = reading?.orders.length ?? 0;
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], orders };
      },
      { html: SHELL, url, responses, runs: RUNS },
    );
    figures[`extract.${name}.median_ms`] = Number(result.median.toFixed(3));
    figures[`extract.${name}.p95_ms`] = Number(result.p95.toFixed(3));
    figures[`extract.${name}.orders`] = result.orders;
  }
  return figures;
}

/**
 * HAR captures (tests/fixtures/har, and 50-order lists built here from the API fixtures, too big to commit):
 * `extract.<capture>.median_ms` is readPage on the HAR's document and API responses, in the same page and the
 * same way as the figures above (targets: < 5 ms per detail, < 20 ms per 50-order list); `.har_ms` is what
 * `npm run extract` adds before it: parsing the HAR and picking the page's document and responses (lib/cli/har).
 */
async function harFigures(page) {
  const { chromeEntry, chromeHar, minified } = await import('../tests/fixtures/har/make-hars.mjs');
  const list50 = (pageUrl, url, method, body) =>
    JSON.stringify(
      chromeHar(pageUrl, '2026-11-20T09:00:00.000Z', [
        chromeEntry({ url: pageUrl, type: 'document', mimeType: 'text/html', body: SHELL, started: '2026-11-20T09:00:00.010Z' }),
        chromeEntry({ url, method, type: 'fetch', mimeType: 'application/json', body, started: '2026-11-20T09:00:00.600Z' }),
      ]),
    );
  const AE_LIST_API = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?api=mtop.aliexpress.trade.buyer.order.list&v=1.0&type=originaljson&dataType=json';
  const captures = [
    ['har_aliexpress_detail', () => readFileSync(own('har/aliexpress-detail-spa.chrome.har'), 'utf8')],
    ['har_aliexpress_detail_jsonp', () => readFileSync(own('har/aliexpress-detail-secrets.chrome.har'), 'utf8')],
    ['har_aliexpress_disputes', () => readFileSync(own('har/aliexpress-disputes.chrome.har'), 'utf8')],
    ['har_aliexpress_list_firefox', () => readFileSync(own('har/aliexpress-list.firefox.har'), 'utf8')],
    ['har_taobao_list_pages', () => readFileSync(own('har/taobao-list-pages.chrome.har'), 'utf8')],
    ['har_yandex_market_orders', () => readFileSync(own('har/yandex-market-orders.chrome.har'), 'utf8')],
    ['har_aliexpress_list_50', () => list50('https://www.aliexpress.com/p/order/index.html', AE_LIST_API, 'GET', minified(readFileSync(own('aliexpress/api/order-list-50.json'), 'utf8')))],
    ['har_taobao_list_50', () => list50(TAOBAO_LIST, ASYNC_BOUGHT, 'POST', taobaoClassicAnswer(50))],
    ['har_yandex_market_list_50', () => list50('https://market.yandex.ru/my/orders', YM_RESOLVER, 'POST', yandexAnswer(50))],
  ];
  const figures = {};
  for (const [name, make] of captures) {
    const result = await page.evaluate(
      ({ text, runs }) => {
        const { parseHar, captureOfHar } = globalThis.DisputeKitHar;
        const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const harTimes = [];
        let capture;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const parsed = parseHar(text);
          const found = parsed.ok ? captureOfHar(parsed.har) : { ok: false };
          harTimes.push(performance.now() - start);
          if (!found.ok) return { error: parsed.ok ? found.error : parsed.error };
          capture = found.capture;
        }
        const doc = new DOMParser().parseFromString(capture.html ?? '<!doctype html><html><body></body></html>', 'text/html');
        const now = new Date('2026-11-20T09:00:00Z');
        const times = [];
        let orders = 0;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const reading = globalThis.DisputeKitReaders.readPage(doc, capture.url, now, capture.responses);
          times.push(performance.now() - start);
          orders = reading?.orders.length ?? 0;
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], orders, har: median(harTimes) };
      },
      { text: make(), runs: RUNS },
    );
    if (result.error) throw new Error(`${name}: ${result.error}`);
    figures[`extract.${name}.median_ms`] = Number(result.median.toFixed(3));
    figures[`extract.${name}.p95_ms`] = Number(result.p95.toFixed(3));
    figures[`extract.${name}.orders`] = result.orders;
    figures[`extract.${name}.har_ms`] = Number(result.har.toFixed(3));
  }
  return figures;
}

/** lib/cli/har's reading of a HAR, for harFigures (the HAR parsing and the page's parts, not the readers). */
async function harBundle() {
  const result = await build({
    stdin: { contents: "export { parseHar } from './lib/cli/har/har'; export { captureOfHar } from './lib/cli/har/capture';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'DisputeKitHar',
    write: false,
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function readerBundle() {
  const result = await build({
    entryPoints: [join(ROOT, 'lib/readers/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'DisputeKitReaders',
    write: false,
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// `BENCH_ONLY=dashboard npm run bench`: only the popup and dashboard figures with many cases (caseListFigures and
// dashboard.first_page_ms.cases_10000), without the rest.
if (process.env.BENCH_ONLY === 'dashboard') {
  console.log(JSON.stringify({ ...(await caseListFigures()), ...(await dashboardTenThousandFigures()) }, null, 2));
  process.exit(0);
}
// `BENCH_ONLY=firefox npm run bench`: only the full-page capture figures in Firefox ESR (firefoxFullPageFigures).
if (process.env.BENCH_ONLY === 'firefox') {
  console.log(JSON.stringify(await firefoxFullPageFigures(), null, 2));
  process.exit(0);
}

// `BENCH_ONLY=dossier,import npm run bench`: only those groups (the names of the list at the end).
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
const figures = {};
const browser = only ? undefined : await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
if (browser) try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: await readerBundle() });
  await page.addScriptTag({ content: await harBundle() });
  for (const [name, path, url, generate, answers] of FIXTURES) {
    if (!existsSync(path)) continue;
    const html = generate ? generate() : readFileSync(path, 'utf8');
    const responses = answers ? answers() : [];
    const result = await page.evaluate(
      ({ html, url, runs, responses }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const now = new Date('2026-11-20T09:00:00Z');
        const times = [];
        let orders = 0;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const reading = globalThis.DisputeKitReaders.readPage(doc, url, now, responses);
          times.push(performance.now() - start);
          orders = reading?.orders.length ?? 0;
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], orders };
      },
      { html, url, runs: RUNS, responses },
    );
    figures[`extract.${name}.median_ms`] = Number(result.median.toFixed(3));
    figures[`extract.${name}.p95_ms`] = Number(result.p95.toFixed(3));
    figures[`extract.${name}.orders`] = result.orders;
  }
  Object.assign(figures, await apiFigures(page));
  Object.assign(figures, await harFigures(page));
} finally {
  await browser.close();
}
// Each group on its own: one that fails is named on stderr and the others' figures are still printed.
const failed = [];
for (const [name, group] of [
  ['recorder', recorderFigures],
  ['large-page', largePageFigures],
  ['fullpage', fullPageFigures],
  ['fullpage-firefox', firefoxFullPageFigures],
  ['chat', chatFigures],
  ['dossier', dossierFigures],
  ['import', importFigures],
  ['case-list', caseListFigures],
  ['dashboard-10000', dashboardTenThousandFigures],
  ['timestamp', timestampFigures],
  ['stamped-print', stampedPrintFigures],
  ['bundle', async () => bundleFigures()],
]) {
  if (only && !only.includes(name)) continue;
  try {
    Object.assign(figures, await group());
  } catch (error) {
    failed.push(name);
    console.error(`bench: ${name} failed:`, error);
  }
}
console.log(JSON.stringify(figures, null, 2));
if (failed.length) {
  console.error(`bench: no figures from ${failed.join(', ')}`);
  process.exitCode = 1;
}

/** The renderer process of this extension's pages (Chromium marks it --extension-process), if /proc shows it. */
function extensionRendererPid() {
  try {
    const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    const candidates = pids.filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('--type=renderer') && cmdline.includes('--extension-process');
      } catch {
        return false;
      }
    });
    // The newest extension renderer hosts the case page opened last.
    return candidates.sort((a, b) => Number(b) - Number(a))[0];
  } catch {
    return undefined;
  }
}

/**
 * Samples a page's memory every 50 ms until stopped: the JS heap's highest JSHeapUsedSize (CDP), and the
 * growth of its renderer's resident memory (/proc), which also counts ArrayBuffers and Blob copies.
 */
async function sampleMemory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heapUsed = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const rendererPid = extensionRendererPid();
  const rss = () => (rendererPid ? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${rendererPid}/status`, 'utf8'))?.[1] ?? 0) * 1024 : 0);
  const rssBefore = rss();
  let heapPeak = await heapUsed();
  let rssPeak = rssBefore;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      heapPeak = Math.max(heapPeak, await heapUsed());
      rssPeak = Math.max(rssPeak, rss());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      return { heapPeak, rssGrowth: rendererPid ? rssPeak - rssBefore : undefined };
    },
  };
}

function mb(bytes) {
  return Number((bytes / (1024 * 1024)).toFixed(1));
}

/**
 * Full-page capture figures, measured in one run on a fixture ten screens tall (1280×800 window):
 * `capture.fullpage.ms` the extension's whole capture (scroll and stitch, MHTML, HTML, hashes, saving),
 * median of CAPTURE_RUNS, asked of the test build's background from its popup page;
 * `capture.fullpage.floor_ms` screens × 500 ms, what Chrome's two-captures-a-second quota allows at best
 * (target: ms within 1.2× of it); `capture.fullpage.cdp_ms` Chromium's own full-page screenshot of the same
 * page (Playwright, through the DevTools protocol), for comparison; `capture.fullpage.bytes` the bytes one
 * capture stores.
 */
async function fullPageFigures() {
  const { TEST_BUILD, launchExtension, openPopup, openTab, serve } = await import('../tests/e2e/harness.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`capture.fullpage.*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const CAPTURE_RUNS = 3;
  const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190246813579135';
  const photo = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect width="240" height="160" fill="#00a0ff"/></svg>';
  const ext = await launchExtension();
  try {
    await serve(ext.context, '**/p/order/detail.html?orderId=8190246813579135', readFileSync(own('aliexpress/order-detail-tall.html'), 'utf8'));
    await ext.context.route('https://ae01.alicdn.com/kf/**', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: photo }));
    const { page, tabId } = await openTab(ext, url);
    const { pageHeight, viewHeight } = await page.evaluate(() => ({ pageHeight: document.documentElement.scrollHeight, viewHeight: document.documentElement.clientHeight }));
    const screens = Math.max(1, Math.ceil(pageHeight / viewHeight));
    const popup = await openPopup(ext, tabId);
    const runs = [];
    for (let i = 0; i < CAPTURE_RUNS; i++) {
      runs.push(
        await popup.evaluate(async (tabId) => {
          const start = performance.now();
          const result = await chrome.runtime.sendMessage({ type: 'capture:tab', tabId, mode: 'fullpage' });
          const ms = performance.now() - start;
          if (!result?.ok) throw new Error(`capture failed: ${JSON.stringify(result)}`);
          const db = await new Promise((resolve, reject) => {
            const open = indexedDB.open('disputekit');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const store = db.transaction('evidence').objectStore('evidence');
          let bytes = 0;
          for (const id of result.evidenceIds) {
            const item = await new Promise((resolve) => (store.get(id).onsuccess = (e) => resolve(e.target.result)));
            bytes += item.blob.size;
          }
          db.close();
          return { ms, bytes };
        }, tabId),
      );
    }
    await popup.close();
    await page.bringToFront();
    const cdp = [];
    for (let i = 0; i < CAPTURE_RUNS; i++) {
      const start = performance.now();
      await page.screenshot({ fullPage: true });
      cdp.push(performance.now() - start);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      'capture.fullpage.screens': screens,
      'capture.fullpage.ms': Math.round(median(runs.map((r) => r.ms))),
      'capture.fullpage.floor_ms': screens * 500,
      'capture.fullpage.cdp_ms': Math.round(median(cdp)),
      'capture.fullpage.bytes': median(runs.map((r) => r.bytes)),
    };
  } finally {
    await ext.close();
  }
}

/**
 * The same full-page capture in Firefox ESR (tests/e2e-firefox/harness.mjs, the Firefox test build), on the same
 * fixture ten screens tall: `capture.fullpage.firefox.ms` the extension's whole capture (scroll and stitch, HTML,
 * hashes, saving; Firefox has no MHTML), median of CAPTURE_RUNS; `capture.fullpage.firefox.screens` the screens
 * taken; `capture.fullpage.firefox.bidi_ms` Firefox's own full-page screenshot of the page (WebDriver BiDi
 * browsingContext.captureScreenshot), for comparison; `capture.fullpage.firefox.bytes` the bytes one capture
 * stores. No floor: Firefox sets no limit on captureVisibleTab calls (its ext-tabs.js draws a snapshot per call,
 * with no quota, unlike Chrome's two a second), so the capture spaces its calls only in Chrome.
 */
async function firefoxFullPageFigures() {
  const { FIREFOX, FIREFOX_TEST_BUILD, launchFirefox } = await import('../tests/e2e-firefox/harness.mjs');
  if (!existsSync(join(FIREFOX_TEST_BUILD, 'manifest.json')) || !existsSync(FIREFOX)) {
    console.error(`capture.fullpage.firefox.*: skipped, no Firefox test build in ${FIREFOX_TEST_BUILD} (npx wxt build -b firefox --mode testing) or no ${FIREFOX}`);
    return {};
  }
  const CAPTURE_RUNS = 3;
  const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190246813579135';
  const photo = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect width="240" height="160" fill="#00a0ff"/></svg>';
  const ext = await launchFirefox();
  try {
    ext.serve(url, readFileSync(own('aliexpress/order-detail-tall.html'), 'utf8'));
    ext.serve(/^https:\/\/ae01\.alicdn\.com\/kf\//, photo, { contentType: 'image/svg+xml' });
    const { page, tabId } = await ext.openTab(url);
    const popup = await ext.openPopup(tabId);
    const runs = [];
    for (let i = 0; i < CAPTURE_RUNS; i++) {
      runs.push(
        await popup.evaluate(async (tabId) => {
          const start = performance.now();
          const result = await browser.runtime.sendMessage({ type: 'capture:tab', tabId, mode: 'fullpage' });
          const ms = performance.now() - start;
          if (!result?.ok) throw new Error(`capture failed: ${JSON.stringify(result)}`);
          const db = await new Promise((resolve, reject) => {
            const open = indexedDB.open('disputekit');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const store = db.transaction('evidence').objectStore('evidence');
          let bytes = 0;
          let screens = 0;
          for (const id of result.evidenceIds) {
            const item = await new Promise((resolve) => (store.get(id).onsuccess = (e) => resolve(e.target.result)));
            bytes += item.blob.size;
            screens = Math.max(screens, item.captureRecord?.screens?.length ?? 0);
          }
          db.close();
          return { ms, bytes, screens };
        }, tabId),
      );
    }
    await popup.close();
    await page.bringToFront();
    const bidi = [];
    for (let i = 0; i < CAPTURE_RUNS; i++) {
      const start = performance.now();
      await page.screenshot({ fullPage: true });
      bidi.push(performance.now() - start);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      'capture.fullpage.firefox.screens': median(runs.map((r) => r.screens)),
      'capture.fullpage.firefox.ms': Math.round(median(runs.map((r) => r.ms))),
      'capture.fullpage.firefox.bidi_ms': Math.round(median(bidi)),
      'capture.fullpage.firefox.bytes': median(runs.map((r) => r.bytes)),
    };
  } finally {
    await ext.close();
  }
}

/**
 * Dossier export figures for a case of about 200 MB (3 random-byte "video/mp4" files of 60 MiB and 4 noise
 * PNG screenshots drawn in the page, dropped on the case page so they go through the real import path, plus
 * a captured order page). `dossier.export_ms.200mb`: from the Export click to the browser's download event
 * (the download path: the ZIP streamed into Blob parts, then handed to <a download>).
 * `dossier.export_peak_mb.200mb`: the highest JSHeapUsedSize of the case page (CDP Performance.getMetrics,
 * sampled every 50 ms during the export). That is the JS heap only: the ArrayBuffers of chunks in flight
 * and the Blob's bytes live outside it, so `dossier.export_peak_rss_mb.200mb` adds the case page's renderer
 * process (resident memory read from /proc, highest sample minus the sample before the click), which does
 * count them. Chrome keeps the assembled Blob in the browser process (on disk past its memory limit).
 * `dossier.case_mb.200mb` the case's bytes, `dossier.zip_mb.200mb` the dossier's, and
 * `dossier.verify_ms.200mb` `npm run -s verify` on it (Node, reading the ZIP in ranges).
 */
async function dossierFigures() {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync: read, rmSync, statSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { TEST_BUILD, launchExtension, openPopup, openTab, serve } = await import('../tests/e2e/harness.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`dossier.*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const order = '8190123456789012';
  const url = `https://www.aliexpress.com/p/order/detail.html?orderId=${order}`;
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-bench-'));
  const ext = await launchExtension();
  try {
    await serve(ext.context, `**/p/order/detail.html?orderId=${order}`, read(own('aliexpress/order-detail.html'), 'utf8'));
    const { tabId } = await openTab(ext, url);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor();
    await popup.close();
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(`aliexpress:${order}`)}`);
    await page.getByTestId('case-title').waitFor();
    // Files are made in the page (no 200 MB through the DevTools pipe) and dropped on the drop zone.
    const imported = (n) => page.waitForFunction((count) => document.querySelectorAll('[data-testid="evidence-item"]').length >= count, n, { timeout: 300_000 });
    let items = await page.getByTestId('evidence-item').count();
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('drop-zone').evaluate((zone) => {
        const bytes = new Uint8Array(60 * 1024 * 1024);
        for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'unboxing.mp4', { type: 'video/mp4' }));
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await imported((items += 1));
    }
    await page.getByTestId('drop-zone').evaluate(async (zone) => {
      const transfer = new DataTransfer();
      for (let i = 0; i < 4; i++) {
        const canvas = new OffscreenCanvas(1600, 1200);
        const context = canvas.getContext('2d');
        const image = context.createImageData(1600, 1200);
        for (let at = 0; at < image.data.length; at += 65536) crypto.getRandomValues(image.data.subarray(at, Math.min(image.data.length, at + 65536)));
        for (let p = 3; p < image.data.length; p += 4) image.data[p] = 255;
        context.putImageData(image, 0, 0);
        transfer.items.add(new File([await canvas.convertToBlob({ type: 'image/png' })], `photo-${i}.png`, { type: 'image/png' }));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await imported((items += 4));
    const caseBytes = await page.evaluate(async () => {
      const db = await new Promise((resolve) => (indexedDB.open('disputekit').onsuccess = (e) => resolve(e.target.result)));
      const all = await new Promise((resolve) => (db.transaction('evidence').objectStore('evidence').getAll().onsuccess = (e) => resolve(e.target.result)));
      db.close();
      return all.reduce((sum, item) => sum + item.blob.size, 0);
    });

    const memory = await sampleMemory(ext.context, page);
    await page.evaluate(() => {
      window.showSaveFilePicker = undefined;
    });
    const start = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByTestId('export-dossier').click()]);
    const exportMs = performance.now() - start;
    const { heapPeak, rssGrowth } = await memory.stop();
    const zipPath = join(dir, 'dossier.zip');
    await download.saveAs(zipPath);
    const verifyStart = performance.now();
    const verify = spawnSync('npm', ['run', '-s', 'verify', '--', zipPath], { cwd: ROOT, encoding: 'utf8' });
    const verifyMs = performance.now() - verifyStart;
    if (verify.status !== 0) throw new Error(`the 200 MB dossier does not verify: ${verify.stdout}${verify.stderr}`);
    return {
      'dossier.case_mb.200mb': mb(caseBytes),
      'dossier.zip_mb.200mb': mb(statSync(zipPath).size),
      'dossier.export_ms.200mb': Math.round(exportMs),
      'dossier.export_peak_mb.200mb': mb(heapPeak),
      ...(rssGrowth !== undefined && { 'dossier.export_peak_rss_mb.200mb': mb(rssGrowth) }),
      'dossier.verify_ms.200mb': Math.round(verifyMs),
      ...(await verifyMemoryFigures(zipPath, dir)),
    };
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }

}

/**
 * Popup and dashboard figures with many cases (test build). `popup.ready_ms.empty` and
 * `popup.ready_ms.cases_1000`: opening popup.html for an AliExpress order tab until it is ready to use, with an
 * empty database and with 1,000 cases and 10,000 evidence items; "ready" means the capture button and the
 * deadline countdown are both rendered (the first things the user acts on), timed in the popup from its
 * navigation start, median of READY_RUNS. Target: cases_1000 within 1.5x of empty.
 * `dashboard.first_page_ms.cases_1000`: opening dashboard.html until its first page of rows (50) is rendered,
 * evidence counts included.
 */
async function caseListFigures() {
  const { TEST_BUILD, launchExtension, openTab, serve } = await import('../tests/e2e/harness.mjs');
  const { seedCases } = await import('../tests/e2e/seed.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`popup.ready_ms.*, dashboard.*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const READY_RUNS = 7;
  const CASES = 1000;
  const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ext = await launchExtension();
  try {
    await serve(ext.context, '**/p/order/detail.html?orderId=8190123456789012', readFileSync(own('aliexpress/order-detail.html'), 'utf8'));
    const { tabId } = await openTab(ext, url);
    const popupReady = async () => {
      const times = [];
      for (let i = 0; i < READY_RUNS; i++) {
        const popupUrl = `chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`;
        const [popup] = await Promise.all([
          ext.context.waitForEvent('page', (p) => p.url().startsWith(popupUrl)),
          ext.sw.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 400, height: 600 }), popupUrl),
        ]);
        await popup.waitForFunction(() => document.querySelector('[data-testid="capture"]') && document.querySelector('[data-testid="countdown"]'), null, { polling: 'raf' });
        times.push(await popup.evaluate(() => performance.now()));
        await popup.close();
      }
      return Math.round(median(times));
    };
    const empty = await popupReady();

    const dashboardUrl = `chrome-extension://${ext.extensionId}/dashboard.html`;
    const seeder = await ext.context.newPage();
    await seeder.goto(dashboardUrl);
    await seeder.getByTestId('dashboard-empty').waitFor();
    const platforms = ['aliexpress', 'taobao', 'tmall', 'yandex-market'];
    const seeded = await seedCases(seeder, [
      { platform: 'aliexpress', orderId: '8190123456789012', title: 'Lamp', protectionDays: 5, files: 10 },
      ...Array.from({ length: CASES - 1 }, (_, i) => ({
        platform: platforms[i % 4],
        orderId: String(7000000000000000 + i),
        store: `Store ${i % 37}`,
        title: `Item ${i}`,
        protectionDays: i % 3 === 0 ? 1 + (i % 30) : undefined,
        state: i % 10 === 9 ? 'closed' : 'open',
        files: 10,
      })),
    ]);
    await rankSeededCases(seeder);
    await seeder.close();
    if (seeded.cases !== CASES || seeded.evidence !== CASES * 10) throw new Error(`seeded ${JSON.stringify(seeded)}`);
    const many = await popupReady();

    return {
      'popup.ready_ms.empty': empty,
      'popup.ready_ms.cases_1000': many,
      'dashboard.first_page_ms.cases_1000': await dashboardFirstPageMs(ext),
    };
  } finally {
    await ext.close();
  }
}

/**
 * The seed writes IndexedDB directly, past the data module, so no deadline check follows it as one follows every
 * write of the extension's own: run it, as after a capture, so the cases have their stored ranks
 * (lib/cases/case-ranks.ts) as a user's would. The message answers once the check is done.
 */
async function rankSeededCases(page) {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'deadlines:refresh' }));
}

/**
 * Opening dashboard.html until its first page of rows (50) is rendered, evidence counts included, timed in the page
 * from its navigation start: the median of `runs` openings.
 */
async function dashboardFirstPageMs(ext, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    // Rendered: 50 rows, each with its evidence count (counted after the rows appear).
    // Timed in the frame it is first seen: the page goes on working out every case after its first page shows.
    await page.waitForFunction(() => {
      const counts = [...document.querySelectorAll('[data-testid="row-evidence"]')];
      const rendered = counts.length >= 50 && counts.every((cell) => cell.textContent !== '');
      if (rendered) window.firstPageAt ??= performance.now();
      return rendered;
    }, null, { polling: 'raf' });
    times.push(await page.evaluate(() => window.firstPageAt));
    await page.close();
  }
  return Math.round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]);
}

/**
 * `dashboard.first_page_ms.cases_10000`: as `dashboard.first_page_ms.cases_1000` (caseListFigures), with 10,000
 * cases and 100,000 evidence items (small page files, as there). Target: within 1.5x of cases_1000.
 */
async function dashboardTenThousandFigures() {
  const { TEST_BUILD, launchExtension } = await import('../tests/e2e/harness.mjs');
  const { seedCases } = await import('../tests/e2e/seed.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`dashboard.first_page_ms.cases_10000: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const CASES = 10_000;
  const platforms = ['aliexpress', 'taobao', 'tmall', 'yandex-market'];
  const ext = await launchExtension();
  try {
    const seeder = await ext.context.newPage();
    await seeder.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await seeder.getByTestId('dashboard-empty').waitFor();
    let seeded = { cases: 0, evidence: 0 };
    // In slices: one page.evaluate of 10,000 cases would hold all their blobs at once.
    for (let start = 0; start < CASES; start += 1000) {
      const slice = await seedCases(seeder, Array.from({ length: Math.min(1000, CASES - start) }, (_, j) => {
        const i = start + j;
        return {
          platform: platforms[i % 4],
          orderId: String(7000000000000000 + i),
          store: `Store ${i % 37}`,
          title: `Item ${i}`,
          protectionDays: i % 3 === 0 ? 1 + (i % 30) : undefined,
          state: i % 10 === 9 ? 'closed' : 'open',
          files: 10,
        };
      }));
      seeded = { cases: seeded.cases + slice.cases, evidence: seeded.evidence + slice.evidence };
    }
    await rankSeededCases(seeder);
    await seeder.close();
    if (seeded.cases !== CASES || seeded.evidence !== CASES * 10) throw new Error(`seeded ${JSON.stringify(seeded)}`);
    return { 'dashboard.first_page_ms.cases_10000': await dashboardFirstPageMs(ext) };
  } finally {
    await ext.close();
  }
}

/**
 * `recorder.overhead_ms`: what the page-data recorder (lib/content/page-data/recorder.ts) and the content script's
 * inbox of its responses (lib/content/page-data/inbox.ts) add to a page that makes 50 fetch calls, one after the
 * other, to a known API endpoint whose body it reads, against the same page without them: the difference of
 * the medians of RECORDER_RUNS alternating runs (target: within noise, under 2 ms). Both run in the page here
 * (no extension): the isolated world shares the page's main thread, so this is what the page pays. The page
 * and the API are served by a local HTTPS server (a throwaway self-signed certificate made with `openssl`;
 * Chromium maps the marketplace's hosts to it), since Playwright's request routing adds milliseconds of noise
 * to every call. `recorder.fetch_ms.with` / `.without`: the medians themselves; `recorder.fetch_ms.spread`:
 * the without-runs' interquartile range, i.e. the noise. Without the network (the endpoint answers at once,
 * which leaves only the recorder's and the inbox's own work): `recorder.overhead_ms.no_network.api`, the same
 * 50 calls to the known API, each response cloned, read and handed over; `.other`, 50 calls to a URL the
 * recorder does not keep, which is what every other call of the page pays.
 */
async function recorderFigures() {
  const RECORDER_RUNS = 21;
  const CALLS = 50;
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createServer } = await import('node:https');
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-bench-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  } catch {
    console.error('recorder.*: skipped, openssl is needed for the local HTTPS server');
    rmSync(dir, { recursive: true, force: true });
    return {};
  }
  const body = readFileSync(own('aliexpress/api/order-detail.json'), 'utf8');
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
    if (request.headers.host?.startsWith('acs.')) {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': 'https://www.aliexpress.com' });
      response.end(body);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Order</title><p>order</p>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const bundle = (
    await build({
      stdin: {
        contents: `import { installPageDataRecorder } from './lib/content/page-data/recorder'; import { PageDataInbox, receivePageData } from './lib/content/page-data/inbox'; import { API_ENDPOINTS } from './lib/readers/endpoints';
          window.__installRecorder = () => { installPageDataRecorder(window); window.__inbox = new PageDataInbox(() => location.href, API_ENDPOINTS); receivePageData(window, window.__inbox); };`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      alias: { '@': ROOT },
      logLevel: 'silent',
    })
  ).outputFiles[0].text;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--ignore-certificate-errors', `--host-resolver-rules=MAP www.aliexpress.com 127.0.0.1:${port}, MAP acs.aliexpress.com 127.0.0.1:${port}`],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.addInitScript({ content: bundle });
    const tab = await context.newPage();
    await tab.goto('https://www.aliexpress.com/p/order/detail.html?orderId=8190246813579246');
    // In one page, batches through the browser's own fetch and through the recorder's, alternating, so the
    // machine's load weighs on both alike; the overhead is the median of the pairs' differences.
    const result = await tab.evaluate(
      async ({ calls, runs }) => {
        const api = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/?api=mtop.aliexpress.trade.buyer.order.detail&type=originaljson&n=';
        const native = window.fetch;
        window.__installRecorder();
        const recorded = window.fetch;
        const batch = async (fetcher, tag) => {
          const start = performance.now();
          for (let i = 1; i <= calls; i++) await (await fetcher.call(window, `${api}${tag}-${i}`)).json();
          return performance.now() - start;
        };
        for (let i = 0; i < 2; i++) {
          await batch(native, `warm${i}`);
          await batch(recorded, `warm${i}`);
        }
        const pairs = [];
        for (let run = 0; run < runs; run++) {
          const without = await batch(native, `a${run}`);
          const withIt = await batch(recorded, `b${run}`);
          pairs.push({ without, withIt });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { pairs, kept: window.__inbox.count };
      },
      { calls: CALLS, runs: RECORDER_RUNS },
    );
    // The same without the network: an endpoint that answers at once (the page's fetch replaced before the
    // recorder wraps it), so only the recorder's and the inbox's own work remains in the difference.
    const quiet = await context.newPage();
    await quiet.goto('https://www.aliexpress.com/p/order/detail.html?orderId=8190246813579246');
    const alone = await quiet.evaluate(
      async ({ calls, runs, body }) => {
        const api = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.detail/1.0/?api=mtop.aliexpress.trade.buyer.order.detail&type=originaljson&n=';
        const other = 'https://www.aliexpress.com/p/api/recommend?n=';
        const instant = (url) => {
          const response = new Response(body, { headers: { 'content-type': 'application/json' } });
          Object.defineProperty(response, 'url', { value: String(url) });
          return Promise.resolve(response);
        };
        window.fetch = instant;
        window.__installRecorder();
        const recorded = window.fetch;
        const batch = async (fetcher, base, tag) => {
          const start = performance.now();
          for (let i = 1; i <= calls; i++) await (await fetcher.call(window, `${base}${tag}-${i}`)).json();
          // The recorder reads its clone after the page's own read: let that finish inside the measurement.
          await new Promise((resolve) => setTimeout(resolve, 0));
          return performance.now() - start;
        };
        const differences = { api: [], other: [] };
        for (let run = 0; run < runs; run++) {
          for (const [kind, base] of [['api', api], ['other', other]]) {
            const without = await batch(instant, base, `a${run}`);
            differences[kind].push((await batch(recorded, base, `b${run}`)) - without);
          }
        }
        return differences;
      },
      { calls: CALLS, runs: RECORDER_RUNS, body },
    );
    await context.close();
    if (result.kept < 40) throw new Error(`the recorder kept ${result.kept} responses`);
    const sorted = (values) => [...values].sort((a, b) => a - b);
    const median = (values) => sorted(values)[Math.floor(values.length / 2)];
    const quartile = (values, q) => sorted(values)[Math.floor((values.length - 1) * q)];
    const without = result.pairs.map((p) => p.without);
    return {
      'recorder.overhead_ms': Number(median(result.pairs.map((p) => p.withIt - p.without)).toFixed(2)),
      'recorder.fetch_ms.with': Number(median(result.pairs.map((p) => p.withIt)).toFixed(2)),
      'recorder.fetch_ms.without': Number(median(without).toFixed(2)),
      'recorder.fetch_ms.spread': Number((quartile(without, 0.75) - quartile(without, 0.25)).toFixed(2)),
      'recorder.overhead_ms.no_network.api': Number(median(alone.api).toFixed(2)),
      'recorder.overhead_ms.no_network.other': Number(median(alone.other).toFixed(2)),
      'recorder.calls': CALLS,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A page of 10,000 items (the AliExpress detail fixture's item repeated), issue 12:
 * `content.reading_ms.items_10000`: one reading of it (the reader, in Chromium), median of 3; what a change of
 * the page cost it each time before lib/content/page-watch.ts, when every change was read;
 * `content.change_ms.items_10000`: with the test build loaded and no popup open, the main thread's long
 * tasks (≥ 50 ms) after 20 DOM changes, per change (target: under 100 ms). (While a popup follows the page,
 * a burst of changes is read once, and after a reading of D ms the next waits 9 × D: lib/content/page-watch.ts.)
 * `content.reading_truncated.items_10000`: 1 when the reading kept the first 500 items instead of refusing the page.
 */
async function largePageFigures() {
  const html = readFileSync(own('aliexpress/order-detail.html'), 'utf8');
  const start = html.indexOf('<div class="order-detail-item-content">');
  // The item ends where its wrapper, then the items' block, close before the order info.
  const end = html.indexOf('</div>\n      </div>\n    </div>\n    <div class="order-detail-info') + '</div>'.length;
  const item = html.slice(start, end);
  const big = html.slice(0, start) + item.repeat(10_000) + html.slice(end);
  const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012';
  const figures = {};
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: await readerBundle() });
  await page.addScriptTag({ content: await harBundle() });
    const result = await page.evaluate(
      ({ html, url }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const times = [];
        let reading;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          reading = globalThis.DisputeKitReaders.readPage(doc, url, new Date('2026-11-20T09:00:00Z'));
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return { ms: times[1], items: reading?.orders[0]?.items.length ?? 0, truncated: Boolean(reading?.truncated?.length) };
      },
      { html: big, url },
    );
    figures['content.reading_ms.items_10000'] = Math.round(result.ms);
    figures['content.reading_items.items_10000'] = result.items;
    figures['content.reading_truncated.items_10000'] = result.truncated ? 1 : 0;
  } finally {
    await browser.close();
  }

  const { TEST_BUILD, launchExtension, openTab, serve } = await import('../tests/e2e/harness.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`content.change_ms.*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return figures;
  }
  const CHANGES = 20;
  const ext = await launchExtension();
  try {
    await serve(ext.context, '**/p/order/detail.html?orderId=8190123456789012', big);
    const { page } = await openTab(ext, url);
    // The content script has read the page once (its in-page button is there): from now on, changes only.
    await page.waitForSelector('disputekit-page-button', { state: 'attached', timeout: 120_000 });
    const perChange = await page.evaluate(async (changes) => {
      const tasks = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      for (let i = 0; i < changes; i++) {
        const note = document.createElement('p');
        note.textContent = `change ${i}`;
        document.body.append(note);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Long enough for any reading a change would have caused to have run.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return tasks.reduce((a, b) => a + b, 0) / changes;
    }, CHANGES);
    figures['content.change_ms.items_10000'] = Math.round(perChange);
  } finally {
    await ext.close();
  }
  return figures;
}

/**
 * The verifier's memory, measured as the peak resident memory of its Node process (VmHWM in /proc at exit;
 * the verifier bundled with esbuild so tsx's own loader is not counted). `verify.peak_mb.200mb`: on
 * the 200 MB dossier. `verify.bomb_peak_mb`: the higher of two ZIP bombs made from it, each about 2 MB (the
 * report, the manifest and the small files, the videos and photos left out) with its first video replaced by
 * DEFLATE data that inflates to 2 GiB of zeros: one declaring its true size (refused before inflating, it is
 * more than the log's), one declaring the video's size and CRC (inflated in slices and stopped as soon as it
 * passes that size). Target under 300 MB. `verify.bomb_ms`: the slower of the two, whose exit code must be 1.
 */
async function verifyMemoryFigures(zipPath, dir) {
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const { createDeflateRaw, crc32 } = await import('node:zlib');
  const { strFromU8, unzipSync } = await import('fflate');
  const bundle = join(dir, 'verify.mjs');
  await build({ entryPoints: [join(ROOT, 'scripts/verify.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, alias: { '@': ROOT }, logLevel: 'silent' });
  // VmHWM: the peak resident memory of the verifier's own address space. (process.resourceUsage().maxRSS
  // would also count what the child inherited at fork from this bench process, which holds the dossier.)
  const peakPreload = `data:text/javascript,${encodeURIComponent(
    'import { readFileSync } from "node:fs"; process.on("exit", () => process.stderr.write(`\\nPEAK_RSS_KB ${/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]}\\n`));',
  )}`;
  const run = (path) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', peakPreload, bundle, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const peakKb = Number(/PEAK_RSS_KB (\d+)/.exec(result.stderr)?.[1] ?? NaN);
    return { code: result.status, ms: performance.now() - start, peakMb: Number((peakKb / 1024).toFixed(1)), out: result.stdout + result.stderr };
  };
  const whole = run(zipPath);
  if (whole.code !== 0) throw new Error(`the bundled verifier does not pass the 200 MB dossier: ${whole.out}`);

  // The bomb's DEFLATE stream and CRC, made in 64 MiB pieces (2 GiB is never in memory here either).
  const zeros = new Uint8Array(64 * 1024 * 1024);
  const deflater = createDeflateRaw({ level: 9 });
  const deflated = [];
  deflater.on('data', (chunk) => deflated.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let bombCrc = 0;
  for (let i = 0; i < 32; i++) {
    bombCrc = crc32(zeros, bombCrc);
    if (!deflater.write(zeros)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  const bombData = new Uint8Array(Buffer.concat(deflated));
  const BOMB_SIZE = 32 * zeros.length;

  const zip = readFileSync(zipPath);
  const small = unzipSync(zip, { filter: (file) => file.originalSize < 4 * 1024 * 1024 });
  const manifest = JSON.parse(strFromU8(small['manifest.json']));
  const video = manifest.files.find((f) => f.mime === 'video/mp4');
  const directoryCrc = (() => {
    // The central directory's record of the video: its CRC, for the bomb that pretends to be it.
    const name = Buffer.from(video.path);
    for (let at = zip.length - 22; at >= 0; at--) {
      if (zip.readUInt32LE(at) === 0x02014b50 && zip.readUInt16LE(at + 28) === name.length && zip.subarray(at + 46, at + 46 + name.length).equals(name)) return zip.readUInt32LE(at + 16);
    }
    throw new Error('the video is not in the dossier');
  })();
  const entries = [
    ...Object.entries(small).map(([name, data]) => ({ name, method: 0, data, crc: crc32(data), size: data.length })),
    { name: video.path, method: 8, data: bombData, crc: bombCrc, size: BOMB_SIZE },
  ];
  const bombs = {
    declared: writeRawZip(entries),
    pretending: writeRawZip(entries.map((e) => (e.name === video.path ? { ...e, crc: directoryCrc, size: video.bytes } : e))),
  };
  const results = Object.entries(bombs).map(([name, bytes]) => {
    const path = join(dir, `bomb-${name}.zip`);
    writeFileSync(path, bytes);
    const result = run(path);
    if (result.code !== 1 || !/^(SIZE|DAMAGED) "evidence\/\d+-file-[a-z0-9]+\.mp4"/m.test(result.out)) throw new Error(`the ${name} bomb was not refused as it should be: ${result.out}`);
    return { name, ...result, zipMb: mb(bytes.length) };
  });
  return {
    'verify.peak_mb.200mb': whole.peakMb,
    'verify.bomb_zip_mb': Math.max(...results.map((r) => r.zipMb)),
    'verify.bomb_peak_mb': Math.max(...results.map((r) => r.peakMb)),
    ...Object.fromEntries(results.map((r) => [`verify.bomb_peak_mb.${r.name}`, r.peakMb])),
    'verify.bomb_ms': Math.round(Math.max(...results.map((r) => r.ms))),
  };

  /** A ZIP of the given entries, written by hand: no ZIP library writes a size that is not the data's. */
  function writeRawZip(list) {
    const parts = [];
    const central = [];
    let offset = 0;
    for (const e of list) {
      const name = Buffer.from(e.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(0x21, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.data.length, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(name.length, 26);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(e.method, 10);
      record.writeUInt16LE(0x21, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.data.length, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(offset, 42);
      parts.push(local, name, e.data);
      central.push(record, name);
      offset += 30 + name.length + e.data.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(list.length, 8);
    end.writeUInt16LE(list.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, directory, end]);
  }
}

/**
 * Importing a 1 GiB video (test build): a random-byte file written to disk and picked on the case page
 * through its file input, so the browser reads it from disk as a user's pick would; until its item shows.
 * `evidence.import_peak_mb.1gb`: the growth of the case page's renderer resident memory (peak minus before;
 * it counts the slices being hashed, which live outside the JS heap); target under 100 MB.
 * `evidence.import_heap_peak_mb.1gb`: the page's JS heap peak. `evidence.import_ms.1gb`: pick to item shown.
 */
async function importFigures() {
  const { mkdtempSync, openSync, writeSync, closeSync, rmSync } = await import('node:fs');
  const { randomFillSync } = await import('node:crypto');
  const { tmpdir } = await import('node:os');
  const { TEST_BUILD, launchExtension, openPopup, openTab, serve } = await import('../tests/e2e/harness.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`evidence.import_*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const order = '8190123456789012';
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-bench-import-'));
  const video = join(dir, 'unboxing.mp4');
  const chunk = new Uint8Array(16 * 1024 * 1024);
  const fd = openSync(video, 'w');
  for (let i = 0; i < 64; i++) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  const ext = await launchExtension();
  try {
    await serve(ext.context, `**/p/order/detail.html?orderId=${order}`, readFileSync(own('aliexpress/order-detail.html'), 'utf8'));
    const { tabId } = await openTab(ext, `https://www.aliexpress.com/p/order/detail.html?orderId=${order}`);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('capture').click();
    await popup.getByTestId('notice').waitFor();
    await popup.close();
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/case.html?id=${encodeURIComponent(`aliexpress:${order}`)}`);
    await page.getByTestId('case-title').waitFor();
    const before = await page.getByTestId('evidence-item').count();
    const memory = await sampleMemory(ext.context, page);
    const start = performance.now();
    await page.getByTestId('file-picker').setInputFiles(video);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="evidence-item"]').length > n, before, { timeout: 600_000 });
    const importMs = performance.now() - start;
    const { heapPeak, rssGrowth } = await memory.stop();
    return {
      ...(rssGrowth !== undefined && { 'evidence.import_peak_mb.1gb': mb(rssGrowth) }),
      'evidence.import_heap_peak_mb.1gb': mb(heapPeak),
      'evidence.import_ms.1gb': Math.round(importMs),
    };
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `timestamp.request_ms`: the median of 20 RFC 3161 requests (after one to warm up) against the tests' own
 * authority on this machine (tests/support/tsa.mjs, openssl ts -reply behind a local HTTP server): building
 * the request, the round trip with openssl's signing, and checking the token (lib/timestamp, bundled as the
 * extension bundles it). The authority's own share is in it, so it is an upper bound of DisputeKit's part; a
 * public authority adds its network round trip. `timestamp.verify_ms`: the median of checking a kept token
 * again offline, what `npm run verify` does per token.
 */
async function timestampFigures() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const { startTestTsa } = await import('../tests/support/tsa.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-bench-tsa-'));
  const bundle = join(dir, 'timestamp.mjs');
  await build({ entryPoints: [join(ROOT, 'lib/timestamp/index.ts')], bundle: true, platform: 'neutral', format: 'esm', outfile: bundle, alias: { '@': ROOT }, logLevel: 'silent' });
  const { requestTimestamp, verifyTimestampRecord } = await import(pathToFileURL(bundle).href);
  const tsa = await startTestTsa();
  const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  try {
    const digest = 'a'.repeat(64);
    const record = await requestTimestamp(tsa.url, digest, { fetch: globalThis.fetch });
    const requests = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await requestTimestamp(tsa.url, digest, { fetch: globalThis.fetch });
      requests.push(performance.now() - start);
    }
    const checks = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await verifyTimestampRecord(record, digest);
      checks.push(performance.now() - start);
    }
    return { 'timestamp.request_ms': Number(median(requests).toFixed(1)), 'timestamp.verify_ms': Number(median(checks).toFixed(2)) };
  } finally {
    await tsa.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `capture.stamped_print_ms`: the stamped print of a full-page screenshot ten screens tall (1280×8000 device
 * pixels, a 1280×800 window), as the export draws it (lib/dossier/stamped-print.ts makeStampedPrint with
 * offscreenPrintImaging, bundled as the extension bundles it): decoding the PNG, drawing it and its band, encoding
 * the print as PNG. Median of 5 runs after one to warm up, in Chromium (OffscreenCanvas, the machine's fonts).
 * The screenshot is noise-filled so its PNG is as hard to decode and encode as a real page's.
 */
async function stampedPrintFigures() {
  const bundle = (
    await build({
      stdin: {
        contents: `import { makeStampedPrint, offscreenPrintImaging, printLines } from './lib/dossier/stamped-print'; import { translator } from './lib/i18n';
          window.__print = (blob) => makeStampedPrint(offscreenPrintImaging, blob, printLines(translator('en'), 'en', { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190246813579135', capturedAt: '2026-12-02T03:00:00.000Z', timeZone: 'Asia/Shanghai', sha256: 'a'.repeat(64), extensionVersion: '0.1.0' }));`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      alias: { '@': ROOT },
      logLevel: 'silent',
    })
  ).outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>print</title>');
    await page.addScriptTag({ content: bundle });
    const ms = await page.evaluate(async () => {
      const width = 1280;
      const height = 8000;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(width, 800);
      let seed = 1;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        pixels.data[i] = seed & 255;
        pixels.data[i + 1] = (seed >> 8) & 255;
        pixels.data[i + 2] = (seed >> 16) & 255;
        pixels.data[i + 3] = 255;
      }
      for (let y = 0; y < height; y += 800) context.putImageData(pixels, 0, y);
      const screenshot = await canvas.convertToBlob({ type: 'image/png' });
      await window.__print(screenshot);
      const times = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const print = await window.__print(screenshot);
        times.push(performance.now() - start);
        if (print.height <= height) throw new Error('the print has no band');
      }
      return times.sort((a, b) => a - b)[2];
    });
    return { 'capture.stamped_print_ms': Math.round(ms) };
  } finally {
    await browser.close();
  }
}

/**
 * `bundle.<entry>.gzip_kb`: the gzipped size (kB, 1000 bytes) of every content script, the background and each
 * page of the production build, as `npm run size` budgets them (scripts/bundles.mjs: a page counts its module
 * script and every chunk it preloads). Target (issue 13): a marketplace's script plus `page-data` at most 30 kB.
 */
function bundleFigures() {
  if (!hasBuild()) {
    console.error(`bundle.*: skipped, no production build in ${PRODUCTION_BUILD} (npm run build)`);
    return {};
  }
  const figures = {};
  for (const [entry, files] of Object.entries(bundles())) figures[`bundle.${entry}.gzip_kb`] = Number((gzipBytes(files) / 1000).toFixed(1));
  return figures;
}

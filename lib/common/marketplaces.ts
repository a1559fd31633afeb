/**
 * The marketplaces DisputeKit reads, and the hosts it needs access to. One list, used by the manifest and the
 * content scripts. https only: every marketplace serves its order pages over https, and a plain-http page
 * (anyone on the network can write it) must never be read, get the in-page button or be captured into a case.
 */
export const PLATFORMS = ['aliexpress', 'taobao', 'tmall', 'yandex-market'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ALIEXPRESS_MATCHES = ['https://*.aliexpress.com/*', 'https://*.aliexpress.us/*', 'https://*.aliexpress.ru/*'];
export const TAOBAO_MATCHES = ['https://*.taobao.com/*', 'https://*.tmall.com/*'];
export const YANDEX_MARKET_MATCHES = ['https://market.yandex.ru/*'];

export const MARKETPLACE_HOST_PATTERNS = [...ALIEXPRESS_MATCHES, ...TAOBAO_MATCHES, ...YANDEX_MARKET_MATCHES];

/**
 * Where the page-data recorder (entrypoints/page-data.content.ts, in the page's own world) runs: the hosts
 * whose order, dispute and refund pages load their data from the APIs in lib/readers/endpoints.ts. Narrower
 * than the hosts above on purpose: it wraps the page's fetch and XMLHttpRequest, so it stays off the
 * shops' product, search and home pages.
 */
export const PAGE_DATA_MATCHES = [
  // AliExpress: order list and detail (www, .us, .ru), the old list and disputes (trade.), mobile refund pages (m.).
  'https://www.aliexpress.com/*',
  'https://trade.aliexpress.com/*',
  'https://m.aliexpress.com/*',
  'https://aliexpress.us/*',
  'https://www.aliexpress.us/*',
  'https://trade.aliexpress.us/*',
  'https://m.aliexpress.us/*',
  'https://aliexpress.ru/*',
  'https://www.aliexpress.ru/*',
  'https://trade.aliexpress.ru/*',
  'https://m.aliexpress.ru/*',
  // Taobao/Tmall: order lists and details, refunds and disputes.
  'https://buyertrade.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
  'https://refund2.taobao.com/*',
  'https://refund2.tmall.com/*',
  // Yandex Market: orders and returns live under /my/ on the one host.
  'https://market.yandex.ru/*',
];

/** The marketplace an https URL belongs to, by host, or null (also for http). Taobao and Tmall share a reader and a content script. */
export function platformForUrl(href: string): Platform | null {
  let host: string;
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:') return null;
    host = url.hostname;
  } catch {
    return null;
  }
  if (/(^|\.)aliexpress\.(com|us|ru)$/.test(host)) return 'aliexpress';
  if (/(^|\.)tmall\.com$/.test(host)) return 'tmall';
  if (/(^|\.)taobao\.com$/.test(host)) return 'taobao';
  if (host === 'market.yandex.ru') return 'yandex-market';
  return null;
}

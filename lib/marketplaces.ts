/** The marketplaces DisputeKit reads, and the hosts it needs access to. One list, used by the manifest and the content scripts. */
export const PLATFORMS = ['aliexpress', 'taobao', 'tmall', 'yandex-market'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ALIEXPRESS_MATCHES = ['*://*.aliexpress.com/*', '*://*.aliexpress.us/*', '*://*.aliexpress.ru/*'];
export const TAOBAO_MATCHES = ['*://*.taobao.com/*', '*://*.tmall.com/*'];
export const YANDEX_MARKET_MATCHES = ['*://market.yandex.ru/*'];

export const MARKETPLACE_HOST_PATTERNS = [...ALIEXPRESS_MATCHES, ...TAOBAO_MATCHES, ...YANDEX_MARKET_MATCHES];

/** The marketplace a URL belongs to, by host, or null. Taobao and Tmall share a reader and a content script. */
export function platformForUrl(href: string): Platform | null {
  let host: string;
  try {
    host = new URL(href).hostname;
  } catch {
    return null;
  }
  if (/(^|\.)aliexpress\.(com|us|ru)$/.test(host)) return 'aliexpress';
  if (/(^|\.)tmall\.com$/.test(host)) return 'tmall';
  if (/(^|\.)taobao\.com$/.test(host)) return 'taobao';
  if (host === 'market.yandex.ru') return 'yandex-market';
  return null;
}

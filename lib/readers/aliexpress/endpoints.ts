/**
 * The AliExpress APIs its order pages are built from (../shared/docs/marketplace-pages.md, "The data the
 * pages are built from"), each dated with where it was seen. The mtop gateway names the API in the path
 * (`/h5/<api>/1.0/`) and again in the query (`api=<api>`).
 */
import type { ApiEndpoint } from '../api';

const MTOP_HOSTS = /^acs\.aliexpress\.(?:com|us)$/;
const mtop = (api: string): RegExp => new RegExp(`^/h5/${api.replaceAll('.', '\\.')}/\\d+\\.\\d+/`, 'i');
const PUBLISHED = 'real responses published as test fixtures of open-source tools (2025, 2026)';

export const ALIEXPRESS_ENDPOINTS: readonly ApiEndpoint[] = [
  { platform: 'aliexpress', name: 'mtop.aliexpress.trade.buyer.order.list', hosts: MTOP_HOSTS, path: mtop('mtop.aliexpress.trade.buyer.order.list'), seen: '2026-03', source: PUBLISHED },
  { platform: 'aliexpress', name: 'mtop.aliexpress.trade.buyer.order.detail', hosts: MTOP_HOSTS, path: mtop('mtop.aliexpress.trade.buyer.order.detail'), seen: '2026-03', source: PUBLISHED },
  {
    platform: 'aliexpress',
    name: 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
    hosts: MTOP_HOSTS,
    path: mtop('mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer'),
    seen: '2025-10',
    source: PUBLISHED,
  },
  // aliexpress.ru's own API (tabs active / archive / dispute); no response published.
  { platform: 'aliexpress', name: 'aer-jsonapi web-order-list', hosts: /^(?:www\.)?aliexpress\.ru$/, path: /^\/aer-jsonapi\/bx\/orders\/v\d+\/web-order-list/, seen: '2024-05', source: 'one open-source exporter' },
];

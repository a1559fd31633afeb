/**
 * The Yandex Market data resolvers its order and return pages are built from (../shared/docs/marketplace-pages.md):
 * `POST /api/resolve/?r=src/resolvers/orders/<name>:<name>` (e.g. resolveConsolidationOrders). No answer has been
 * published; the returns pages' resolvers are assumed to follow the same scheme (their names are not known, so
 * any resolver under `returns/`, or an orders resolver whose name speaks of returns, is kept).
 */
import type { ApiEndpoint } from '../api';

const HOSTS = /^market\.yandex\.ru$/;
const RESOLVE = String.raw`^\/api\/resolve\/?\?(?:.*&)?r=src(?:\/|%2F)resolvers(?:\/|%2F)`;

export const YANDEX_MARKET_ENDPOINTS: readonly ApiEndpoint[] = [
  { platform: 'yandex-market', name: 'returns resolvers', hosts: HOSTS, path: new RegExp(`${RESOLVE}(?:returns(?:\\/|%2F)|orders(?:\\/|%2F)[^&]*return)`, 'i'), seen: '2025-09', source: 'assumed from the orders resolvers (one open-source extension); unverified' },
  { platform: 'yandex-market', name: 'orders resolvers', hosts: HOSTS, path: new RegExp(`${RESOLVE}orders(?:\\/|%2F)`, 'i'), seen: '2025-09', source: 'one open-source extension' },
];

/**
 * The Yandex Market data resolvers its order pages are built from (../shared/docs/marketplace-pages.md):
 * `POST /api/resolve/?r=src/resolvers/orders/<name>:<name>`. No response has been published.
 */
import type { ApiEndpoint } from '../api';

export const YANDEX_MARKET_ENDPOINTS: readonly ApiEndpoint[] = [
  { platform: 'yandex-market', name: 'orders resolvers', hosts: /^market\.yandex\.ru$/, path: /^\/api\/resolve\/?\?(?:.*&)?r=src(?:\/|%2F)resolvers(?:\/|%2F)(?:orders|returns)/i, seen: '2025-09', source: 'one open-source extension' },
];

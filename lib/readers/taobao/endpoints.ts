/**
 * The Taobao/Tmall APIs their order pages are built from (../shared/docs/marketplace-pages.md), each dated
 * with where it was seen.
 */
import type { ApiEndpoint } from '../api';

export const TAOBAO_ENDPOINTS: readonly ApiEndpoint[] = [
  // The classic list's data object, also inline in the page as `var data = JSON.parse('…')`.
  { platform: 'taobao', name: 'asyncBought', hosts: /^buyertrade\.taobao\.com$/, path: /^\/trade\/itemlist\/asyncBought\.htm/i, seen: '2025-11', source: 'real saved page, fixtures/real/taobao/list_bought_items_2025-11.html' },
  // The newer list (2025+), through Taobao's mtop gateway; one source, built from made-up data.
  { platform: 'taobao', name: 'mtop.taobao.order.queryboughtlistV2', hosts: /^h5api\.m\.(?:taobao|tmall)\.com$/, path: /^\/h5\/mtop\.taobao\.order\.queryboughtlistv2\//i, seen: '2025-06', source: 'one open-source exporter' },
];

/**
 * The Taobao/Tmall APIs their order pages are built from (../shared/docs/marketplace-pages.md), each dated
 * with where it was seen. The refund pages (refund2.taobao.com) carry their data inline (`var disputeData`),
 * so no refund API is listed: none has been seen.
 */
import type { ApiEndpoint } from '../api';

export const TAOBAO_ENDPOINTS: readonly ApiEndpoint[] = [
  // The classic list's data object, also inline in the page as `var data = JSON.parse('…')`: the list POSTs
  // `?action=itemlist/BoughtQueryAction&event_submit_do_query=1` for every other page of results.
  { platform: 'taobao', name: 'asyncBought', hosts: /^buyertrade\.taobao\.com$/, path: /^\/trade\/itemlist\/asyncBought\.htm/i, seen: '2025-11', source: 'real saved list page (the same object inline), fixtures/real/taobao/list_bought_items_2025-11.html; exporters' },
  // The newer list (2025+), through Taobao's mtop gateway (JSON, or JSONP `mtopjsonpN(…)`); one source, an
  // exporter's test built from made-up data (./api.ts says how sure the reading is).
  { platform: 'taobao', name: 'mtop.taobao.order.queryboughtlistV2', hosts: /^h5api\.m\.(?:taobao|tmall)\.com$/, path: /^\/h5\/mtop\.taobao\.order\.queryboughtlistv2\//i, seen: '2025-06', source: 'one open-source exporter (made-up data)' },
];

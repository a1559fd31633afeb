/**
 * The answers of Yandex Market's own resolvers (`POST /api/resolve/?r=src/resolvers/orders/<name>:<name>`,
 * e.g. resolveConsolidationOrders), as the page-data recorder keeps them (../api.ts). UNVERIFIED: no answer
 * has been published. They are read by the same shape-checked code as the embedded state (./embedded.ts):
 * normalised `collections` of orders, items, shops and returns keyed by id wherever they sit in the answer,
 * and records recognised by the fields an order or a return must carry, never by a fixed path. An answer
 * that holds none (an error, HTML, a truncated body) adds nothing.
 */
import type { ApiResponse } from '../api';
import { bodiesFrom } from '../api';
import { emptyState, stateFromBodies, type EmbeddedState } from './embedded';
import { YANDEX_MARKET_ENDPOINTS } from './endpoints';

/** The state the recorded answers describe; later answers win over earlier ones about the same record. */
export function apiState(responses: readonly ApiResponse[] | undefined): EmbeddedState {
  const bodies = bodiesFrom(responses, YANDEX_MARKET_ENDPOINTS);
  if (!bodies.length) return emptyState();
  // bodiesFrom gives the most recent first; merging oldest first lets the most recent overwrite.
  return stateFromBodies(bodies.map((b) => b.data).reverse());
}

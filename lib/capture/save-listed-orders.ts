/** "Save all orders on this page": every order a list page shows becomes (or refreshes) a case. */
import { saveOrders } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import type { SaveOrdersResponse } from '../messaging/messages';
import { askTab, type TabTransport } from '../messaging/protocol';

export interface SaveOrdersDeps {
  sendToTab: TabTransport;
  database: DisputeKitDB;
  now(): Date;
}

export async function saveListedOrders(deps: SaveOrdersDeps, tabId: number): Promise<SaveOrdersResponse> {
  const answer = await askTab(deps.sendToTab, tabId, 'page:read').catch(() => undefined);
  const reading = answer?.reading ?? null;
  if (!reading || reading.pageKind !== 'order-list' || reading.orders.length === 0) return { ok: false, error: 'notOrderPage' };
  try {
    return { ok: true, ...(await saveOrders(deps.database, reading.platform, reading.orders, deps.now())) };
  } catch (error) {
    return isQuotaError(error) ? { ok: false, error: 'storageFull' } : { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/** "Save all orders on this page": every order a list page shows becomes (or refreshes) a case. */
import { saveOrders } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { describeError, isQuotaError } from '../common/errors';
import { ReadPageResponse, type SaveOrdersResponse } from '../messaging/messages';

export interface SaveOrdersDeps {
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  database: DisputeKitDB;
  now(): Date;
}

export async function saveListedOrders(deps: SaveOrdersDeps, tabId: number): Promise<SaveOrdersResponse> {
  const answer = await deps.sendToTab(tabId, { type: 'page:read' }).catch(() => undefined);
  const parsed = ReadPageResponse.safeParse(answer);
  const reading = parsed.success ? parsed.data.reading : null;
  if (!reading || reading.pageKind !== 'order-list' || reading.orders.length === 0) return { ok: false, error: 'notOrderPage' };
  try {
    return { ok: true, ...(await saveOrders(deps.database, reading.platform, reading.orders, deps.now())) };
  } catch (error) {
    return isQuotaError(error) ? { ok: false, error: 'storageFull' } : { ok: false, error: 'internal', detail: describeError(error) };
  }
}

/**
 * The last "Capture the listing as bought" result of an order tab, kept in storage.local. The toolbar popup
 * closes when a snapshot tab comes to the front, so its request's answer is usually lost: the popup opened
 * again on that tab takes this instead, once, while it is recent.
 */
import { z } from 'zod';
import { ListingCaptureResponse } from '../messaging/messages';

export const LISTING_RESULT_KEY = 'listing.lastResult';
/** A result older than this is not shown: the user has moved on. */
const FRESH_MS = 15 * 60_000;

const Stored = z.object({ tabId: z.number().int(), at: z.string(), result: ListingCaptureResponse });

export interface ResultArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function keepListingResult(area: ResultArea, tabId: number, result: ListingCaptureResponse, now: Date): Promise<void> {
  await area.set({ [LISTING_RESULT_KEY]: { tabId, at: now.toISOString(), result } });
}

/** The kept result for this tab, if recent; taking it removes it, so it is shown once. */
export async function takeListingResult(area: ResultArea, tabId: number, now: Date): Promise<ListingCaptureResponse | undefined> {
  const stored = Stored.safeParse((await area.get(LISTING_RESULT_KEY))[LISTING_RESULT_KEY]);
  if (!stored.success || stored.data.tabId !== tabId) return undefined;
  await area.remove(LISTING_RESULT_KEY);
  const age = now.getTime() - Date.parse(stored.data.at);
  return age >= 0 && age <= FRESH_MS ? stored.data.result : undefined;
}

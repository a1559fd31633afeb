/**
 * Live reads for the extension's pages: Dexie's liveQuery runs a read of this module's functions now and again
 * after every committed write to the rows it read, whether the write was made in this page, another page or the
 * background (Dexie tells the extension's other contexts over a BroadcastChannel). A view built on it shows a
 * capture made from the popup while it is open, with no reload.
 */
import { liveQuery } from 'dexie';

/**
 * Calls `onValue` with the query's result, then with each new one; returns the function that stops watching.
 * The query must read through Dexie only (the data module's functions do): another await inside it would let
 * liveQuery lose track of what it read.
 */
export function watchQuery<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void = () => undefined): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * When the content script reads a changing page again, bounded so the page pays little for it. A reading
 * walks the whole page (a page of 10,000 items took seconds), so it is never done for each DOM change:
 * - DOM changes are read only while someone needs them: an open popup watching this tab, or a page whose
 *   orders have not appeared yet (the in-page button waits for them); otherwise a change costs a flag check;
 * - a burst of changes is read once, SETTLE_MS after the last (and at most MAX_WAIT_MS after the first, so a
 *   page that never stops changing is still followed);
 * - after a reading that took D ms the next waits (READ_SHARE − 1) × D, so reading takes at most
 *   1 / READ_SHARE of the page's time however slow the page is to read;
 * - a navigation and a newly recorded API response are always read (bounded the same way).
 * Pure: the clock, the timer and the reading come in through `WatchDeps`.
 */
import type { PageReading } from '../common/model';

export const SETTLE_MS = 400;
export const MAX_WAIT_MS = 2000;
export const READ_SHARE = 10;

export interface WatchDeps {
  /** Reads the page now; `signature` changes when anything the popup shows changes. */
  read(): { reading: PageReading | null; signature: string };
  /** Milliseconds, monotonic (performance.now). */
  now(): number;
  /** Runs `run` after `ms`; returns the cancel. */
  setTimer(run: () => void, ms: number): () => void;
}

export type ChangeReason = 'dom' | 'navigation' | 'data';

export class PageWatch {
  private reading: PageReading | null = null;
  private signature = '';
  private cancel?: () => void;
  private firstAsked?: number;
  private lastEnd = -Infinity;
  private lastCost = 0;
  private watchers = 0;

  constructor(
    private readonly deps: WatchDeps,
    /** Called with each reading that differs from the one before (not with the first: see `start`). */
    private readonly onChange: (reading: PageReading | null) => void,
  ) {}

  /** The first reading, at once. */
  start(): PageReading | null {
    this.readNow();
    return this.reading;
  }

  /** Something in the page changed. Cheap unless a reading is needed (see the header). */
  changed(reason: ChangeReason): void {
    if (reason === 'dom' && this.watchers === 0 && this.settled()) return;
    const now = this.deps.now();
    this.firstAsked ??= now;
    const debounced = Math.min(now + SETTLE_MS, this.firstAsked + MAX_WAIT_MS);
    const due = Math.max(debounced, this.lastEnd + (READ_SHARE - 1) * this.lastCost);
    this.cancel?.();
    this.cancel = this.deps.setTimer(() => this.check(), Math.max(0, due - now));
  }

  /** An open popup follows this page from now on; call the returned function when it goes. */
  watch(): () => void {
    this.watchers++;
    let gone = false;
    return () => {
      if (!gone) this.watchers--;
      gone = true;
    };
  }

  /** Nothing the page button waits for can appear by itself: no reader, not an order page, or its orders are there. */
  private settled(): boolean {
    const r = this.reading;
    return r === null || r.orders.length > 0 || (r.pageKind === 'unknown' && r.missing.length === 0);
  }

  private readNow(): boolean {
    const start = this.deps.now();
    const { reading, signature } = this.deps.read();
    this.lastEnd = this.deps.now();
    this.lastCost = this.lastEnd - start;
    this.reading = reading;
    const changed = signature !== this.signature;
    this.signature = signature;
    return changed;
  }

  private check(): void {
    this.cancel = undefined;
    this.firstAsked = undefined;
    if (this.readNow()) this.onChange(this.reading);
  }
}

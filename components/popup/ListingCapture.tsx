import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { OrderFacts } from '@/lib/common/model';
import { MAX_SNAPSHOTS } from '@/lib/capture/listing-snapshots';
import type { ListingCaptureResponse, ListingFailure, ListingProgress } from '@/lib/messaging/messages';
import type { PopupApi } from './popup-api';

/** The per-snapshot reasons the popup words itself; any other capture error reads as "the capture failed". */
const REASONS: Partial<Record<ListingFailure, MessageKey>> = {
  offSite: 'listing.why.offSite',
  timeout: 'listing.why.timeout',
  notLoaded: 'listing.why.notLoaded',
  login: 'listing.why.login',
  redirected: 'listing.why.redirected',
  tabClosed: 'listing.why.tabClosed',
  tabNotVisible: 'listing.why.tabNotVisible',
  storageFull: 'listing.why.storageFull',
};

/** What the popup says of a listing capture: how many were saved, then each one not saved and why. */
export function listingNotice(t: Translate, result: ListingCaptureResponse): { tone: 'ok' | 'error'; text: string; lines?: string[]; detail?: string } {
  if (!result.ok) return { tone: 'error', text: t(`error.${result.error}` as MessageKey), detail: result.detail };
  const n = result.captured.length;
  const lines = result.failed.map((f) => t('listing.failed', { title: f.title, why: t(REASONS[f.reason] ?? 'listing.why.other') }));
  if (result.skipped > 0) lines.push(t('listing.skipped', { n: result.skipped, max: MAX_SNAPSHOTS }));
  return { tone: n > 0 ? 'ok' : 'error', text: n > 0 ? t('listing.captured', { n }) : t('listing.noneCaptured'), ...(lines.length && { lines }) };
}

/** How many distinct snapshot links the order's reading has (the background checks them again on its own reading). */
export function snapshotCount(order: OrderFacts): number {
  return new Set(order.items.flatMap((item) => (item.snapshotUrl ? [item.snapshotUrl] : []))).size;
}

/**
 * "Capture the listing as bought": one button for all of the order's snapshot links, shown only when the reading
 * has some. The popup usually closes when the first snapshot's tab comes to the front; the background keeps the
 * result for its next opening.
 */
export function ListingCapture({ t, api, tabId, order, busy, onRun }: {
  t: Translate;
  api: PopupApi;
  tabId: number;
  order: OrderFacts;
  busy: boolean;
  onRun(run: () => Promise<ListingCaptureResponse>): void;
}) {
  const [progress, setProgress] = useState<ListingProgress | undefined>();
  const count = snapshotCount(order);
  if (count === 0) return null;
  const step = (p: ListingProgress) =>
    p.phase === 'screens' ? t('fullpage.screen', { n: p.done ?? 0, total: p.total ?? 0 }) : p.phase ? t(`fullpage.${p.phase}`) : t('listing.opening');
  const run = async () => {
    setProgress(undefined);
    const unsubscribe = api.onListingProgress(tabId, setProgress);
    try {
      return await api.captureListings(tabId);
    } finally {
      unsubscribe();
      setProgress(undefined);
    }
  };
  return (
    <div class="listing-capture">
      <button data-testid="capture-listing" disabled={busy} onClick={() => onRun(run)}>
        {t('listing.button')}
      </button>
      {busy && progress && (
        <span role="status" class="capture-progress" data-testid="listing-progress">
          {t('listing.progress', { n: progress.n, total: progress.of, step: step(progress) })}
        </span>
      )}
      <p class="hint">{count === 1 ? t('listing.hintOne') : t('listing.hintMany', { n: count })}</p>
    </div>
  );
}

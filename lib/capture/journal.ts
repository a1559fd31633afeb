/**
 * A note in extension storage that a capture is under way. The MV3 service worker can be stopped at any
 * moment; the capture's database write is one transaction, so nothing half-saved remains, but the user
 * deserves to hear that the capture did not happen. On the next start, a leftover note becomes an
 * "interrupted" flag the popup shows once.
 *
 * One storage key per capture: two captures at once (two tabs) each write and remove their own key, so
 * neither can overwrite the other's note, as a shared read-modify-write record could.
 */
import { browser } from 'wxt/browser';

const IN_PROGRESS_PREFIX = 'capture.inProgress.';
const INTERRUPTED = 'capture.interrupted';

export async function beginCapture(captureId: string, tabId: number, now: Date): Promise<void> {
  await browser.storage.local.set({ [IN_PROGRESS_PREFIX + captureId]: { tabId, startedAt: now.toISOString() } });
}

export async function endCapture(captureId: string): Promise<void> {
  await browser.storage.local.remove(IN_PROGRESS_PREFIX + captureId);
}

/** The captures noted as under way, by id. */
export async function capturesInProgress(): Promise<string[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith(IN_PROGRESS_PREFIX))
    .map((key) => key.slice(IN_PROGRESS_PREFIX.length));
}

let recovery: Promise<void> = Promise.resolve();

/**
 * Called when the background starts, before it answers anything: no capture can be running yet, so any
 * note left is from a killed worker. The popup's question ("was a capture interrupted?") waits for it.
 */
export function recoverInterruptedCaptures(): Promise<void> {
  recovery = (async () => {
    const left = await capturesInProgress();
    if (left.length === 0) return;
    await browser.storage.local.set({ [INTERRUPTED]: true });
    await browser.storage.local.remove(left.map((id) => IN_PROGRESS_PREFIX + id));
  })().catch(() => {
    // Storage unreadable: nothing to report, and nothing to lose.
  });
  return recovery;
}

/** Whether a capture was interrupted since the user last heard of it; reading it clears it. */
export async function takeInterruptedFlag(): Promise<boolean> {
  await recovery;
  const stored = await browser.storage.local.get(INTERRUPTED);
  if (!stored[INTERRUPTED]) return false;
  await browser.storage.local.remove(INTERRUPTED);
  return true;
}

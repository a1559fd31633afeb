/**
 * A note in extension storage that a capture is under way. The MV3 service worker can be stopped at any
 * moment; the capture's database write is one transaction, so nothing half-saved remains, but the user
 * deserves to hear that the capture did not happen. On the next start, a leftover note becomes an
 * "interrupted" flag the popup shows once.
 */
import { browser } from 'wxt/browser';

const IN_PROGRESS = 'capture.inProgress';
const INTERRUPTED = 'capture.interrupted';

type InProgress = Record<string, { tabId: number; startedAt: string }>;

async function inProgress(): Promise<InProgress> {
  const stored = await browser.storage.local.get(IN_PROGRESS);
  return (stored[IN_PROGRESS] as InProgress | undefined) ?? {};
}

export async function beginCapture(captureId: string, tabId: number, now: Date): Promise<void> {
  const current = await inProgress();
  current[captureId] = { tabId, startedAt: now.toISOString() };
  await browser.storage.local.set({ [IN_PROGRESS]: current });
}

export async function endCapture(captureId: string): Promise<void> {
  const current = await inProgress();
  delete current[captureId];
  await browser.storage.local.set({ [IN_PROGRESS]: current });
}

/** Called when the background starts: no capture can be running yet, so any note left is from a killed worker. */
export async function recoverInterruptedCaptures(): Promise<void> {
  if (Object.keys(await inProgress()).length === 0) return;
  await browser.storage.local.set({ [INTERRUPTED]: true, [IN_PROGRESS]: {} });
}

/** Whether a capture was interrupted since the user last heard of it; reading it clears it. */
export async function takeInterruptedFlag(): Promise<boolean> {
  const stored = await browser.storage.local.get(INTERRUPTED);
  if (!stored[INTERRUPTED]) return false;
  await browser.storage.local.remove(INTERRUPTED);
  return true;
}

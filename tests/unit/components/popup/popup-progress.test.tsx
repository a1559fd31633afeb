// @vitest-environment happy-dom
// The popup during a full-page capture: "screen 3 of 10", and Cancel.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { CaptureProgress, CaptureResponse } from '@/lib/messaging/messages';
import type { PageState } from '@/lib/readers/page-state';
import type { PopupApi } from '@/components/popup/popup-api';

const order: PageState = {
  kind: 'order',
  tabId: 3,
  platform: 'aliexpress',
  order: { orderId: '8190123456789012', status: 'Awaiting delivery', items: [], sources: {} },
  missing: [],
};

/** A popup API whose capture runs until the test finishes it, reporting progress as told. */
function pendingCapture(locale: PopupApi['locale'] = 'en') {
  let report: (p: CaptureProgress) => void = () => {};
  let finish: (r: CaptureResponse) => void = () => {};
  const cancelCapture = vi.fn(async () => {});
  const api: PopupApi = {
    locale,
    readPage: async () => order,
    loadCase: async () => null,
    capture: () => new Promise<CaptureResponse>((resolve) => (finish = resolve)),
    cancelCapture,
    onCaptureProgress: (_tabId, callback) => ((report = callback), () => (report = () => {})),
    saveAllOrders: async () => ({ ok: true, created: 0, updated: 0, createdClosed: 0, updatedClosed: 0, keptOpen: 0 }),
    captureListings: async () => ({ ok: false, error: 'noSnapshots' }),
    onListingProgress: () => () => {},
    takeListingResult: async () => undefined,
    takeInterrupted: async () => false,
    openCases: async () => ({ cases: [] }),
    addPageToCase: async () => ({ ok: false, error: 'internal' }),
    captureChat: async () => ({ ok: false, error: 'internal' }),
    onPageChanged: () => () => {},
  };
  return { api, cancelCapture, report: (p: CaptureProgress) => report(p), finish: (r: CaptureResponse) => finish(r) };
}

let root: HTMLElement;
async function show(api: PopupApi) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Popup api={api} />, root));
  await act(async () => {});
}
const q = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup during a full-page capture', () => {
  it('shows which screen is being taken, in the user’s language', async () => {
    const capture = pendingCapture('ru');
    await show(capture.api);
    await act(async () => q('capture')!.click());
    await act(async () => capture.report({ phase: 'screens', done: 3, total: 10 }));
    expect(q('capture-progress')?.textContent).toBe('Снимок экрана 3 из 10…');
    await act(async () => capture.report({ phase: 'archiving', done: 0, total: 1 }));
    expect(q('capture-progress')?.textContent).toBe('Архивирование страницы…');
  });

  it('Cancel asks the background to stop that tab’s capture and then says nothing was saved', async () => {
    const capture = pendingCapture();
    await show(capture.api);
    await act(async () => q('capture')!.click());
    await act(async () => capture.report({ phase: 'screens', done: 2, total: 10 }));
    await act(async () => q('capture-cancel')!.click());
    expect(capture.cancelCapture).toHaveBeenCalledWith(3);
    expect(q('capture-progress')?.textContent).toBe('Cancelling…');
    await act(async () => capture.finish({ ok: false, error: 'cancelled' }));
    expect(q('capture-progress')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/Capture cancelled\. Nothing was saved/);
  });
});

/**
 * The messages a marketplace page's content script receives and the answer it reads, as `zod/mini` schemas:
 * they are parsed in every marketplace page, where full zod would be most of the script (the size budget,
 * .size-limit.cjs). Declared once here; ./messages.ts re-exports them beside the rest of the protocol, and
 * the receivers of what the content script sends (background, popup) parse it with full schemas there.
 */
import * as z from 'zod/mini';

// Popup → content script.
export const ReadPageRequest = z.object({ type: z.literal('page:read') });
// Background → content script: the reading plus what an archive of the page needs.
export const SnapshotRequest = z.object({ type: z.literal('page:snapshot') });
// Background → content script: the user's selection as the page has it. The context menu's selectionText
// loses line breaks, which a saved chat needs.
export const SelectionRequest = z.object({ type: z.literal('page:selection') });
export const ContentRequest = z.discriminatedUnion('type', [ReadPageRequest, SnapshotRequest]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const CAPTURE_ERRORS = [
  'tabClosed',
  'notOrderPage',
  'tabNotVisible',
  'permission',
  'captureFailed',
  'pageChanged',
  'storageFull',
  'internal',
  // Full-page capture (lib/capture/capture-tab.ts captureTab).
  'cancelled',
  'busy',
  'caseNotFound',
  // The page names another order than its address (lib/capture/page-order.ts); the page's own button also needs
  // an address that names one.
  'orderMismatch',
  'noOrderInUrl',
] as const;
export type CaptureError = (typeof CAPTURE_ERRORS)[number];

/**
 * Content script → the popup, on the port the popup opens to its tab's content script (PAGE_WATCH_PORT) while
 * it is open: what the page shows changed (single-page navigation, more orders, a new API response). A port,
 * not a broadcast: nothing wakes the background, and a page nobody watches is not read for it.
 */
export const PAGE_WATCH_PORT = 'disputekit:page-watch';
export const PageChangedNotice = z.object({ type: z.literal('page:changed') });

/** 'rateLimited': this tab's button saved too often in the last minute (lib/capture/page-button-save.ts). */
export const SAVE_FROM_PAGE_ERRORS = [...CAPTURE_ERRORS, 'rateLimited'] as const;
export const SaveOrderFromPageResponse = z.discriminatedUnion('ok', [
  /** `shortcut`: the keyboard command's current keys, for the "how to add the screenshot" hint; empty if unset. */
  z.object({ ok: z.literal(true), caseId: z.string(), evidenceIds: z.array(z.string()), shortcut: z.string() }),
  z.object({ ok: z.literal(false), error: z.enum(SAVE_FROM_PAGE_ERRORS), detail: z.optional(z.string()) }),
]);
export type SaveOrderFromPageResponse = z.infer<typeof SaveOrderFromPageResponse>;

// Background → content script: the page's side of a full-page capture (lib/content/fullpage-scroll.ts).
export const FullpagePrepareRequest = z.object({ type: z.literal('fullpage:prepare') });
export const FullpageScreenRequest = z.object({
  type: z.literal('fullpage:screen'),
  // z.number() refuses Infinity and NaN.
  y: z.number().check(z.nonnegative()),
  index: z.int().check(z.nonnegative()),
});
export const FullpageRestoreRequest = z.object({ type: z.literal('fullpage:restore') });
export const FullpageRequest = z.discriminatedUnion('type', [FullpagePrepareRequest, FullpageScreenRequest, FullpageRestoreRequest]);
export type FullpageRequest = z.infer<typeof FullpageRequest>;

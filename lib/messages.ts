/**
 * Every message that crosses a context boundary (popup ⇄ background ⇄ content script), as zod schemas.
 * Receivers parse what arrives and refuse anything that is not from this extension's own contexts.
 */
import { z } from 'zod';
import { PageMetadataSchema, PageReadingSchema } from './model';

// Popup → content script.
export const ReadPageRequest = z.object({ type: z.literal('page:read') });
// Background → content script: the reading plus what an archive of the page needs.
export const SnapshotRequest = z.object({ type: z.literal('page:snapshot') });
export const ContentRequest = z.discriminatedUnion('type', [ReadPageRequest, SnapshotRequest]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const ReadPageResponse = z.object({ reading: PageReadingSchema.nullable() });
export type ReadPageResponse = z.infer<typeof ReadPageResponse>;

/** Pages over this size are refused rather than archived half: a clear error beats a truncated copy. */
export const MAX_SNAPSHOT_CHARS = 64 * 1024 * 1024;
export const SnapshotResponse = z.object({
  reading: PageReadingSchema.nullable(),
  html: z.string().max(MAX_SNAPSHOT_CHARS),
  page: PageMetadataSchema,
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

// Extension pages → background.
export const CaptureRequest = z.object({ type: z.literal('capture:visible'), tabId: z.number().int().nonnegative() });
export const InterruptedCaptureRequest = z.object({ type: z.literal('capture:takeInterrupted') });
export const SaveOrdersRequest = z.object({ type: z.literal('orders:saveAll'), tabId: z.number().int().nonnegative() });
/** A case, its dates, contacts or checklist changed: recompute the badge, notifications and alarm. */
export const DeadlinesRefreshRequest = z.object({ type: z.literal('deadlines:refresh') });
export const DeadlinesRefreshResponse = z.object({ badge: z.string() });
export const BackgroundRequest = z.discriminatedUnion('type', [CaptureRequest, InterruptedCaptureRequest, SaveOrdersRequest, DeadlinesRefreshRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

export const CAPTURE_ERRORS = [
  'tabClosed',
  'notOrderPage',
  'tabNotVisible',
  'permission',
  'captureFailed',
  'pageChanged',
  'storageFull',
  'internal',
] as const;
export type CaptureError = (typeof CAPTURE_ERRORS)[number];

export const CaptureResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), caseId: z.string(), evidenceIds: z.array(z.string()) }),
  z.object({ ok: z.literal(false), error: z.enum(CAPTURE_ERRORS), detail: z.string().optional() }),
]);
export type CaptureResponse = z.infer<typeof CaptureResponse>;

export const SaveOrdersResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), created: z.number().int(), updated: z.number().int() }),
  z.object({ ok: z.literal(false), error: z.enum(['notOrderPage', 'storageFull', 'internal']), detail: z.string().optional() }),
]);
export type SaveOrdersResponse = z.infer<typeof SaveOrdersResponse>;

/** Content script → extension pages: what the page shows changed (single-page navigation, more orders). */
export const PageChangedNotice = z.object({ type: z.literal('page:changed') });

export const InterruptedCaptureResponse = z.object({ interrupted: z.boolean() });

/** The sender fields a receiver checks; the same shape in Chrome and Firefox. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** True for this extension's own pages (popup, dashboard), not content scripts and not other extensions. */
export function isOwnExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

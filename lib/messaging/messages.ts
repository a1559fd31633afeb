/**
 * The zod schemas of every message that crosses a context boundary (popup ⇄ background ⇄ content script).
 * Which schema is whose request or reply is declared once, in lib/messaging/protocol.ts; the background and
 * the extension pages parse what arrives with these. Content scripts do not carry this module (nor zod):
 * they use lib/messaging/content-protocol.ts.
 */
import { z } from 'zod';
import { EVIDENCE_LABELS, HiddenElementSchema, PageMetadataSchema, PageReadingSchema } from '../common/model';
import { MAX_TEXT } from '../common/text';
import { CAPTURE_ERRORS, SAVE_FROM_PAGE_ERRORS } from './content-protocol';
import { PAGE_BUTTON_KEYS } from '../i18n/areas/page-button-keys';
import { LOCALE_NAMES } from '../i18n/translate';

// Extension (popup, background) → content script.
export const ReadPageRequest = z.object({ type: z.literal('page:read') });
// Background → content script: the reading plus what an archive of the page needs.
export const SnapshotRequest = z.object({ type: z.literal('page:snapshot') });
// Background → content script: the user's selection as the page has it. The context menu's selectionText
// loses line breaks, which a saved chat needs.
export const SelectionRequest = z.object({ type: z.literal('page:selection') });
export const SelectionResponse = z.object({ text: z.string().max(1_000_000) });
export type SelectionResponse = z.infer<typeof SelectionResponse>;
// The reading's schema is zod/mini (lib/common/reading.ts, shared with the readers): wrapped, not chained.
export const ReadPageResponse = z.object({ reading: z.nullable(PageReadingSchema) });
export type ReadPageResponse = z.infer<typeof ReadPageResponse>;

/** Pages over this size are refused rather than archived half: a clear error beats a truncated copy. */
export const MAX_SNAPSHOT_CHARS = 64 * 1024 * 1024;
export const SnapshotResponse = z.object({
  reading: z.nullable(PageReadingSchema),
  html: z.string().max(MAX_SNAPSHOT_CHARS),
  page: PageMetadataSchema,
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

// Extension pages → background.
export const InterruptedCaptureRequest = z.object({ type: z.literal('capture:takeInterrupted') });
export const SaveOrdersRequest = z.object({ type: z.literal('orders:saveAll'), tabId: z.number().int().nonnegative() });
// Extension pages → background: capture a tab (full page or visible area), into its order's case or a given
// case; cancel a running capture of a tab.
/** 'chat': the scrollable box of a conversation, scrolled through and stitched, with its transcript (lib/content/chat-box.ts). */
export const CAPTURE_MODES = ['fullpage', 'visible', 'chat'] as const;
export const CaptureTabRequest = z.object({
  type: z.literal('capture:tab'),
  tabId: z.number().int().nonnegative(),
  mode: z.enum(CAPTURE_MODES),
  caseId: z.string().min(1).max(200).optional(),
  label: z.enum(EVIDENCE_LABELS).optional(),
  /** A page taller than one capture takes: the screen (0-based) the section to take starts at. */
  fromScreen: z.number().int().nonnegative().max(1_000_000).optional(),
});
export type CaptureTabRequest = z.infer<typeof CaptureTabRequest>;
export const CancelCaptureRequest = z.object({ type: z.literal('capture:cancel'), tabId: z.number().int().nonnegative() });
export const CancelCaptureResponse = z.object({ cancelled: z.boolean() });

/** A case, its dates, contacts or checklist changed: recompute the badge, notifications and alarm. */
export const DeadlinesRefreshRequest = z.object({ type: z.literal('deadlines:refresh') });
/** The badge's text after the check ('' for none). */
export const DeadlinesRefreshResponse = z.object({ badge: z.string() });

/**
 * Ask for the trusted timestamps that are due (lib/capture/timestamp-evidence.ts): of items a page just saved
 * (`evidenceIds`), or, with `caseId` ("Retry timestamps"), of that case's items: those still waiting asked afresh, and
 * those queued. `optionOff` says the option was off (nothing asked), unlike a run that found none of them due.
 * `evidenceIds` has no cap: an import of thousands of files names them all, and the background asks MAX_PER_RUN
 * of them per run anyway (the rest on the next); a cap would fail the whole request.
 */
export const TimestampsRunRequest = z.object({
  type: z.literal('timestamps:run'),
  caseId: z.string().min(1).max(200).optional(),
  evidenceIds: z.array(z.string().min(1).max(200)).optional(),
});
export const TimestampsRunResponse = z.object({ stamped: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), off: z.number().int().nonnegative(), optionOff: z.boolean() });

export type { CaptureError } from './content-protocol';

export const CaptureResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    caseId: z.string(),
    evidenceIds: z.array(z.string()),
    /** The page was taller than one capture takes: the screens this one holds (lib/capture/fullpage-plan.ts). */
    section: z.object({ first: z.number().int().positive(), last: z.number().int().positive(), of: z.number().int().positive() }).optional(),
    /** A chat capture: its transcript's lines, the contacts it added, and whether its older messages hit the cap. */
    chat: z.object({ messages: z.number().int().nonnegative(), contactsAdded: z.number().int().nonnegative(), olderCapped: z.boolean() }).optional(),
  }),
  z.object({ ok: z.literal(false), error: z.enum(CAPTURE_ERRORS), detail: z.string().optional() }),
]);
export type CaptureResponse = z.infer<typeof CaptureResponse>;

export const SaveOrdersResponse = z.discriminatedUnion('ok', [
  // lib/cases/cases.ts SavedOrders: how many new and updated cases, and how many of them closed (or kept open).
  z.object({
    ok: z.literal(true),
    created: z.number().int(),
    updated: z.number().int(),
    createdClosed: z.number().int(),
    updatedClosed: z.number().int(),
    keptOpen: z.number().int(),
  }),
  z.object({ ok: z.literal(false), error: z.enum(['notOrderPage', 'storageFull', 'internal']), detail: z.string().optional() }),
]);
export type SaveOrdersResponse = z.infer<typeof SaveOrdersResponse>;

/**
 * Content script → the popup, on the port the popup opens to its tab's content script (PAGE_WATCH_PORT) while
 * it is open: what the page shows changed (single-page navigation, more orders, a new API response). A port,
 * not a broadcast: nothing wakes the background, and a page nobody watches is not read for it.
 */
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

// Content script → background: the in-page "Save order to DisputeKit" button. The message carries no page
// data on purpose (strict: anything extra is refused); the background re-reads the tab through its snapshot.
export const SaveOrderFromPageRequest = z.strictObject({ type: z.literal('order:saveFromPage') });
export const SaveOrderFromPageResponse = z.discriminatedUnion('ok', [
  /** `shortcut`: the keyboard command's current keys, for the "how to add the screenshot" hint; empty if unset. */
  z.object({ ok: z.literal(true), caseId: z.string(), evidenceIds: z.array(z.string()), shortcut: z.string() }),
  z.object({ ok: z.literal(false), error: z.enum(SAVE_FROM_PAGE_ERRORS), detail: z.string().optional() }),
]);
export type SaveOrderFromPageResponse = z.infer<typeof SaveOrderFromPageResponse>;

// Content script → background: the in-page button's strings, in the user's language only (the content script
// carries no language's table; lib/i18n/areas/page-button.ts). `locale`: for the translator's plural rules.
export const PageButtonStringsRequest = z.strictObject({ type: z.literal('strings:pageButton') });
export const PageButtonStringsResponse = z.object({
  locale: z.enum(LOCALE_NAMES),
  strings: z.object(Object.fromEntries(PAGE_BUTTON_KEYS.map((key) => [key, z.string()])) as Record<(typeof PAGE_BUTTON_KEYS)[number], z.ZodString>),
});

/** The sender fields that tell a content script's message apart; the same shape in Chrome and Firefox. */
export interface ContentSenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * True for this extension's content script in the top frame of a marketplace tab: not an extension page,
 * not another extension, not an iframe or a tab on another site (where our content scripts never run).
 */
export function isMarketplaceContentScript(
  sender: ContentSenderLike,
  extensionId: string,
  isMarketplaceUrl: (url: string) => boolean,
): sender is ContentSenderLike & { tab: { id: number; url: string } } {
  const tab = sender.tab;
  return (
    sender.id === extensionId &&
    sender.frameId === 0 &&
    typeof tab?.id === 'number' &&
    typeof tab.url === 'string' &&
    isMarketplaceUrl(tab.url) &&
    typeof sender.url === 'string' &&
    isMarketplaceUrl(sender.url)
  );
}

// Background → content script: the page's side of a full-page capture (lib/content/fullpage-scroll.ts).
export const FullpagePrepareRequest = z.object({ type: z.literal('fullpage:prepare') });
export const FullpageScreenRequest = z.object({
  type: z.literal('fullpage:screen'),
  y: z.number().nonnegative().finite(),
  index: z.number().int().nonnegative(),
});
export const FullpageRestoreRequest = z.object({ type: z.literal('fullpage:restore') });

export const PageMeasureResponse = z.object({
  pageHeight: z.number().positive().finite(),
  viewHeight: z.number().positive().finite(),
  windowWidth: z.number().positive().finite(),
  devicePixelRatio: z.number().positive().finite(),
  pageWidth: z.number().positive().finite().optional(),
});
/**
 * A screen shown: where the page stood, and (lib/content/fullpage-scroll.ts) its size then and the pinned
 * elements hidden for it for the first time. A page that does not measure answers `scrollY` only; the capture
 * then checks only that the screens covered the rows planned.
 */
export const ScreenResponse = z.object({
  scrollY: z.number().nonnegative().finite(),
  page: z
    .object({
      height: z.number().positive().finite(),
      width: z.number().nonnegative().finite(),
      viewHeight: z.number().positive().finite(),
      windowWidth: z.number().positive().finite(),
    })
    .optional(),
  hidden: z.array(HiddenElementSchema).max(100).optional(),
});
export type ScreenResponse = z.infer<typeof ScreenResponse>;
export const RestoreResponse = z.object({ restored: z.literal(true) });

// Background → the chat script injected for "Capture this chat" (lib/content/chat-box.ts): the box under the
// right-click (`pointer`) or the largest, scrolled screen by screen like a page; its rows; put back.
export const ChatPrepareRequest = z.object({ type: z.literal('chat:prepare'), pointer: z.boolean() });
const cssPx = z.number().finite();
export const ChatMeasureResponse = z.union([
  z.object({ found: z.literal('none') }),
  PageMeasureResponse.extend({
    pageWidth: z.number().positive().finite(),
    box: z.object({ left: cssPx, top: cssPx, width: z.number().positive().finite(), height: z.number().positive().finite() }),
    found: z.enum(['pointer', 'largest']),
    older: z.object({ loads: z.number().int().nonnegative(), stoppedBy: z.enum(['settled', 'cap']), heightBefore: z.number().nonnegative().finite() }),
  }),
]);
export type ChatMeasureResponse = z.infer<typeof ChatMeasureResponse>;
export const ChatScreenRequest = z.object({ type: z.literal('chat:screen'), y: z.number().nonnegative().finite(), index: z.number().int().nonnegative() });
export const ChatTranscriptRequest = z.object({ type: z.literal('chat:transcript') });
/** The rows the screens showed (lib/readers/chat/rows.ts ChatEntry), page text: capped like any. */
const pageText = z.string().max(MAX_TEXT * 4);
export const ChatTranscriptResponse = z.object({
  entries: z
    .array(
      z.object({
        top: z.number().finite(),
        text: pageText,
        who: pageText.optional(),
        side: z.enum(['me', 'them']).optional(),
        when: pageText.optional(),
        datetime: pageText.optional(),
      }),
    )
    .max(20_000),
});
export type ChatTranscriptResponse = z.infer<typeof ChatTranscriptResponse>;
export const ChatRestoreRequest = z.object({ type: z.literal('chat:restore') });

/** Background → extension pages while a capture runs: which step it is at ("screen 3 of 10"). */
export const CAPTURE_PHASES = ['preparing', 'screens', 'archiving', 'saving'] as const;
export const CaptureProgressNotice = z.object({
  type: z.literal('capture:progress'),
  tabId: z.number().int().nonnegative(),
  phase: z.enum(CAPTURE_PHASES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type CaptureProgressNotice = z.infer<typeof CaptureProgressNotice>;
export type CaptureProgress = Omit<CaptureProgressNotice, 'type' | 'tabId'>;

/**
 * Extension pages → background: "Capture the listing as bought" for an order tab. The request names the tab only:
 * the snapshot links are taken from the background's own reading of that tab (lib/capture/listing-snapshots.ts).
 */
export const ListingCaptureRequest = z.object({ type: z.literal('listing:capture'), tabId: z.number().int().nonnegative() });
/**
 * Why one snapshot was not captured: a capture's own errors, or 'offSite' (not https on the order's marketplace),
 * 'timeout' (not loaded in time), 'notLoaded' (no DisputeKit on the page once loaded), 'login' (the marketplace
 * asked to sign in), 'redirected' (it ended on another site).
 */
export const LISTING_FAILURES = [...CAPTURE_ERRORS, 'offSite', 'timeout', 'notLoaded', 'login', 'redirected'] as const;
export type ListingFailure = (typeof LISTING_FAILURES)[number];
const snapshotLine = { title: z.string().max(2000), url: z.string().max(8192) };
export const ListingCaptureResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    caseId: z.string(),
    captured: z.array(z.object({ ...snapshotLine, evidenceIds: z.array(z.string()) })),
    failed: z.array(z.object({ ...snapshotLine, reason: z.enum(LISTING_FAILURES), detail: z.string().optional() })),
    /** Snapshot links beyond the most one click takes (MAX_SNAPSHOTS), not opened. */
    skipped: z.number().int().nonnegative(),
  }),
  z.object({ ok: z.literal(false), error: z.enum(['notOrderPage', 'orderMismatch', 'noSnapshots', 'busy', 'storageFull', 'internal']), detail: z.string().optional() }),
]);
export type ListingCaptureResponse = z.infer<typeof ListingCaptureResponse>;
/** Background → extension pages while the snapshots of an order tab are captured: which one, and its capture's step. */
export const ListingProgressNotice = z.object({
  type: z.literal('listing:progress'),
  tabId: z.number().int().nonnegative(),
  n: z.number().int().positive(),
  of: z.number().int().positive(),
  phase: z.enum(CAPTURE_PHASES).optional(),
  done: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});
export type ListingProgress = Omit<z.infer<typeof ListingProgressNotice>, 'type' | 'tabId'>;

/**
 * What DisputeKit knows and stores, as zod schemas. Everything read off a page or out of the database is
 * parsed with these, so a drifted page or an old row fails loudly in one place instead of deep in the UI.
 * A page's reading and its order facts are defined in ./reading.ts (zod/mini, small enough for the content
 * scripts) and re-exported here; the stored records below build on them.
 */
import { z } from 'zod';
import { MAX_TEXT } from './text';
import { OrderFactsSchema, PlatformSchema } from './reading';
import { TIMESTAMP_ERROR_CODES } from '../timestamp/errors';
import { timestampRecordSchema } from '../timestamp/record-schema';

export * from './reading';

const text = z.string().max(MAX_TEXT);

/**
 * Where a reading of an order came from. 'page-button': the page's own "Save order to DisputeKit" button;
 * 'capture': Capture evidence (popup, context menu, keyboard command); 'selection': a selection saved on the
 * order's page; 'list': "Save all orders" on a list page; 'popup': the popup opened the case from its reading
 * (a date, step or contact set before any capture); 'backup': a restored backup's copy of the case's facts;
 * 'before-readings': the facts a case held when readings were first kept (database version 5).
 */
export const READING_SOURCES = ['capture', 'selection', 'list', 'popup', 'page-button', 'backup', 'before-readings'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** One record of what a page said about an order and when: kept for every save, never edited. */
export const ReadingSchema = z.object({
  id: z.number().int().optional(),
  caseId: z.string(),
  /** UTC, ISO 8601 with Z. */
  at: z.string(),
  source: z.enum(READING_SOURCES),
  /** The page's address, when the reading came from a page. */
  url: z.string().max(8192).optional(),
  order: OrderFactsSchema,
});
export type Reading = z.infer<typeof ReadingSchema>;

/** The case is the user's dispute about one order. */
export const CASE_STATES = ['open', 'resolved', 'closed'] as const;
export const CaseSchema = z.object({
  /** `${platform}:${orderId}`: one case per order, so capturing the same order again finds it. */
  id: z.string(),
  platform: PlatformSchema,
  orderId: z.string(),
  /**
   * The order's facts. Refreshed by a capture the user starts (toolbar, menu, shortcut, list save); never
   * replaced by the page's own button or a restore, which add a reading instead (lib/cases/readings.ts).
   */
  order: OrderFactsSchema,
  state: z.enum(CASE_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Event dates the user set by hand (case event name → ISO date-time), which win over what the page shows.
   * Dates read from the page are not copied here: they come from `order`, which every capture refreshes.
   */
  dates: z.record(z.string(), z.object({ at: z.string(), setBy: z.literal('user') })).optional(),
  /** Deadlines the user set by hand (rule id → ISO date-time); they win over the page and the rules. */
  userDue: z.record(z.string(), z.string()).optional(),
});
export type CaseRecord = z.infer<typeof CaseSchema>;

/**
 * 'selection': text the user selected on a page (a seller's chat message, a quote), saved as text/plain.
 * 'file': a photo, video or document the user added from disk. 'note': text the user wrote.
 * 'letter': a letter the user composed and saved (lib/letters), as text/plain; it goes into the dossier.
 * 'chat-transcript': a captured chat's messages as text/plain, one line each (who, when, what as the page shows
 * them), saved beside the chat's image (lib/readers/chat/transcript.ts).
 */
export const EVIDENCE_KINDS = ['visible-screenshot', 'fullpage-screenshot', 'page-html', 'page-mhtml', 'selection', 'file', 'note', 'letter', 'chat-transcript'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** Kinds that come from the user's disk or keyboard, not from a page: they have no page metadata. */
export const PAGELESS_KINDS: readonly EvidenceKind[] = ['file', 'note', 'letter'];

/** What an item shows, as the user says. */
export const EVIDENCE_LABELS = ['order', 'listing', 'tracking', 'chat', 'unboxing', 'product', 'other'] as const;
export type EvidenceLabel = (typeof EVIDENCE_LABELS)[number];

export const PageMetadataSchema = z.object({
  url: z.string().max(8192),
  title: text,
  viewport: z.object({ width: z.number().nonnegative(), height: z.number().nonnegative() }),
  devicePixelRatio: z.number().positive(),
});
export type PageMetadata = z.infer<typeof PageMetadataSchema>;

const px = z.number().finite().nonnegative();
const screenIndex = z.number().int().nonnegative();
const size = z.object({ width: px, height: px });

/** A fixed or sticky element hidden from the second screen on, described without its content (lib/content/fullpage-scroll.ts). */
export const HiddenElementSchema = z.object({
  tag: z.string().max(40),
  id: z.string().max(80).optional(),
  className: z.string().max(80).optional(),
  position: z.enum(['fixed', 'sticky']),
  width: px,
  height: px,
  /** Its aria-label, title or the start of its text, cleaned and capped: enough to tell a header from a chat button. */
  label: z.string().max(40).optional(),
});
export type HiddenElement = z.infer<typeof HiddenElementSchema>;

/**
 * Something the page did while it was captured, at screen `screen` (0-based). 'grew'/'shrank': its height
 * went `from` → `to` (CSS px); 'scrollMoved': asked to scroll to `asked`, the page stood at `got` (an element
 * moved it, e.g. content inserted above); 'resized': the window went `from` → `to` (width × rows shown).
 */
export const PageChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grew'), screen: screenIndex, from: px, to: px }),
  z.object({ kind: z.literal('shrank'), screen: screenIndex, from: px, to: px }),
  z.object({ kind: z.literal('scrollMoved'), screen: screenIndex, asked: px, got: px }),
  z.object({ kind: z.literal('resized'), screen: screenIndex, from: size, to: size }),
]);
export type PageChange = z.infer<typeof PageChangeSchema>;

/** Bounds of a record, so a hostile page cannot bloat it: screens one capture can take, changes kept. */
export const MAX_RECORDED_SCREENS = 1000;
export const MAX_RECORDED_CHANGES = 50;

/**
 * How a full-page screenshot was taken (lib/capture/capture-record.ts): every screen's scroll position asked
 * and got, the page's size before and after, the pinned elements hidden, what the page did meanwhile, and
 * how many times the screens were planned again for it. `image` is the rows of the page (CSS px) the image
 * shows. `mismatch`: the image and the page at the end disagree: the page was `pageHeight` tall, the image
 * ends at `imageBottom` (the part below is not in it; or, for a page that shrank, the image's bottom shows
 * rows the page no longer has). A record with no mismatch and no 'scrollMoved' shows the page as it stood.
 */
export const CaptureRecordSchema = z.object({
  screens: z.array(z.object({ asked: px, got: px })).max(MAX_RECORDED_SCREENS),
  before: size,
  after: size,
  window: z.object({ width: px, viewHeight: px }),
  hidden: z.array(HiddenElementSchema).max(100),
  changes: z.array(PageChangeSchema).max(MAX_RECORDED_CHANGES),
  replans: z.number().int().nonnegative(),
  image: z.object({ top: px, bottom: px }),
  mismatch: z.object({ imageBottom: px, pageHeight: px }).optional(),
  /**
   * A chat's box rather than the page ("Capture this chat", lib/content/chat-box.ts): how the box was found (under
   * the right-click, or the largest on the page), its size as shown, and its older messages: the box was scrolled
   * to its top `loads` times, growing from `heightBefore` to `before.height`, and stopped because it stopped
   * growing ('settled') or hit the cap ('cap': there may be older messages than the image shows). `messages`:
   * the transcript's lines.
   */
  chat: z
    .object({
      found: z.enum(['pointer', 'largest']),
      box: size,
      older: z.object({ loads: z.number().int().nonnegative(), stoppedBy: z.enum(['settled', 'cap']), heightBefore: px }),
      messages: z.number().int().nonnegative(),
    })
    .optional(),
});
export type CaptureRecord = z.infer<typeof CaptureRecordSchema>;

/**
 * Why a file has no trusted timestamp (yet): the option's state when it was to be asked ('off', 'no-authority',
 * 'no-permission': its host not granted) or the authority's failure (a TimestampErrorCode of lib/timestamp/errors.ts).
 */
export const TIMESTAMP_FAILURES = ['off', 'no-authority', 'no-permission', ...TIMESTAMP_ERROR_CODES] as const;
export type TimestampFailure = (typeof TIMESTAMP_FAILURES)[number];

/**
 * An item's own trusted timestamp (RFC 3161) of its SHA-256, asked after it is saved (lib/capture/timestamp-evidence.ts),
 * never before: the save never waits on an authority.
 * - 'queued': saved, not asked yet (the option is read when it is asked, moments later);
 * - 'waiting': asked `attempts` times; `failure` why the last one gave none (none: asked, no answer yet), `next`
 *   when it is asked again (none: given up after the last attempt; "Retry timestamps" on the case page asks again);
 * - 'stamped': the token (`record`, checked when it came and whenever it is read back), kept at `at`; its custody
 *   entry ('timestamped') records the token's hash, the authority and the time;
 * - 'off': trusted timestamps were off when it was saved: nothing was sent.
 * Not part of the item's metadata its custody entry covers (lib/cases/custody.ts evidenceMetadata): it comes later.
 */
export const EvidenceTimestampSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('queued') }),
  z.object({
    state: z.literal('waiting'),
    attempts: z.number().int().positive().max(100),
    triedAt: z.string(),
    next: z.string().optional(),
    failure: z.object({ reason: z.enum(TIMESTAMP_FAILURES), detail: z.string().max(2000).optional() }).optional(),
  }),
  z.object({ state: z.literal('stamped'), record: timestampRecordSchema, at: z.string() }),
  z.object({ state: z.literal('off') }),
]);
export type EvidenceTimestamp = z.infer<typeof EvidenceTimestampSchema>;

/**
 * When an item's timestamp is due to be asked (the evidence row's indexed `timestampDue`): a queued one since it
 * was saved (its capturedAt: the save's time), a waiting one at its `next`; undefined for the others (stamped,
 * off, or given up): the index then leaves them out.
 */
export function timestampDueOf(row: { capturedAt: string; timestamp?: EvidenceTimestamp }): string | undefined {
  if (row.timestamp?.state === 'queued') return row.capturedAt;
  if (row.timestamp?.state === 'waiting') return row.timestamp.next;
  return undefined;
}

export const EvidenceSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  /** Items saved by one click share a capture id. */
  captureId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  blob: z.instanceof(Blob),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Lower-case hex SHA-256 of the blob's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** UTC, ISO 8601 with Z. */
  capturedAt: z.string(),
  /** The same instant in the user's zone, ISO 8601 with offset, and that zone's IANA name. */
  capturedAtLocal: z.string(),
  timeZone: z.string(),
  /** The page the item was taken from; absent only for PAGELESS_KINDS. */
  page: PageMetadataSchema.optional(),
  extensionVersion: z.string(),
  browser: z.string(),
  /** A small JPEG of an image, made once at capture so lists never decode the full picture. */
  thumbnail: z.instanceof(Blob).optional(),
  /** An image's size in pixels (device pixels: CSS px × device pixel ratio × zoom). */
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  /** One of the numbered parts of a page image too tall for one canvas (index from 1). */
  part: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  /**
   * A page taller than one capture takes (lib/capture/fullpage-plan.ts MAX_SCREENS): the screens this capture holds,
   * from `first` to `last` of `of` (1-based).
   */
  section: z.object({ first: z.number().int().positive(), last: z.number().int().positive(), of: z.number().int().positive() }).optional(),
  /** A full-page screenshot's own record of how it was taken; every part of one capture holds the same. */
  captureRecord: CaptureRecordSchema.optional(),
  /** What the user says this item is ("chat" for a saved conversation). */
  label: z.enum(EVIDENCE_LABELS).optional(),
  /**
   * A 'listing' captured from the order's own snapshot link (lib/capture/listing-snapshots.ts): the title of the
   * order's item it is the listing as bought of, as the order page named it. Covered by the custody digest.
   */
  snapshotOf: text.optional(),
  /** For a file from disk: its name and its last-modified time (UTC ISO) as the file system gave them. */
  fileName: text.optional(),
  fileLastModified: z.string().optional(),
  /**
   * A captured page ('page-html') saved with scripts disabled: the stored file is the page's HTML as
   * serialized with DisputeKit's policy inserted (lib/capture/page-archive.ts). That HTML had this SHA-256 and size;
   * the inserted bytes start at byte `insertedAt` and are `insertedBytes` long. Pages saved before this have none.
   */
  htmlArchive: z
    .object({
      originalSha256: z.string().regex(/^[0-9a-f]{64}$/),
      originalBytes: z.number().int().nonnegative(),
      insertedAt: z.number().int().nonnegative(),
      insertedBytes: z.number().int().positive(),
    })
    .optional(),
  /** Its trusted timestamp, when one was asked for (EvidenceTimestampSchema). */
  timestamp: EvidenceTimestampSchema.optional(),
  /**
   * When its timestamp is due to be asked (timestampDueOf), for the evidence table's index of due items; absent
   * when none is. Derived from `timestamp`: every write of it writes this too, and a restore works it out again.
   */
  timestampDue: z.string().optional(),
}).refine((e) => e.page !== undefined || PAGELESS_KINDS.includes(e.kind), { message: 'page metadata is required for this kind', path: ['page'] });
export type EvidenceRecord = z.infer<typeof EvidenceSchema>;

/** The case timeline: what happened and when. Later: contacts, checklist steps, custody log. */
export const TIMELINE_EVENT_TYPES = ['case-opened', 'evidence-captured', 'evidence-deleted'] as const;
export const TimelineEventSchema = z.object({
  id: z.number().int().optional(),
  caseId: z.string(),
  at: z.string(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  /** Evidence ids this event is about. */
  evidenceIds: z.array(z.string()).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** The user's progress through a platform's escalation ladder. */
export const ChecklistStepStateSchema = z.object({
  caseId: z.string(),
  stepId: z.string(),
  state: z.enum(['done', 'skipped']),
  at: z.string(),
});
export type ChecklistStepState = z.infer<typeof ChecklistStepStateSchema>;

/** One attempt to reach someone about a case: the ladders ask the user to log every one (date, channel, reference). */
export const CONTACT_CHANNELS = ['seller-chat', 'platform-support', 'bank', 'agency', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const ContactSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  /** When the message was sent, ISO 8601. */
  at: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  /** A ticket, claim or message number the other side gave. */
  reference: z.string().max(200).optional(),
  summary: z.string().max(MAX_TEXT),
  /**
   * A message read from a captured chat (lib/cases/chat-contacts.ts): the user's own ('sent') or the other side's
   * ('received', which answers the user's before it). A contact the user logged has none: it is one they made.
   */
  direction: z.enum(['sent', 'received']).optional(),
});
export type ContactRecord = z.infer<typeof ContactSchema>;

/** A deadline notification already sent, so each case + rule + threshold is announced once only. */
export const SentNotificationSchema = z.object({
  caseId: z.string(),
  rule: z.string(),
  thresholdHours: z.number(),
  /** The deadline it announced and when it was sent, ISO 8601. */
  due: z.string(),
  at: z.string(),
});
export type SentNotification = z.infer<typeof SentNotificationSchema>;

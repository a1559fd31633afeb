/**
 * The message protocol: every message that crosses a context boundary, declared once with where it goes,
 * who may send it and the zod schemas of its request and reply (messages.ts). Senders (sendToBackground,
 * askTab, sendNotice; content scripts: content-protocol.ts sendFromContent) and handlers (the background's
 * table in background-router.ts, the content script's TabHandlers) are typed from this table, so a request
 * cannot be paired with another message's reply, and a reply that fails its schema is an error at the sender.
 * On the wire a message is `{ type: name, ...fields }`, as before.
 *
 * Our own module rather than @webext-core/messaging: that library validates nothing (every message here is
 * parsed with zod and its sender checked), has a wire format of its own, and would be a dependency for what
 * is about a hundred lines. Content scripts take this module's types only (`import type`), never its code:
 * it carries zod.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import * as m from './messages';

/** Who may send a message to the background; the router checks it before it parses anything. */
export type BackgroundSender = 'extension-page' | 'marketplace-content-script';

type Declaration =
  /** To the background, answered by its router (background-router.ts). */
  | { to: 'background'; from: BackgroundSender; request: z.ZodType<{ type: string }>; reply: z.ZodType }
  /** To a tab's content script, from the background or an extension page. */
  | { to: 'tab'; request: z.ZodType<{ type: string }>; reply: z.ZodType }
  /** To the chat script the background injects into a tab for "Capture this chat" (entrypoints/chat-box.ts). */
  | { to: 'chat-box'; request: z.ZodType<{ type: string }>; reply: z.ZodType }
  /** Notices, answered by nobody: background → extension pages, content script → popup (its port). */
  | { to: 'pages' | 'popup-port'; request: z.ZodType<{ type: string }> };

export const PROTOCOL = {
  'capture:tab': { to: 'background', from: 'extension-page', request: m.CaptureTabRequest, reply: m.CaptureResponse },
  'capture:cancel': { to: 'background', from: 'extension-page', request: m.CancelCaptureRequest, reply: m.CancelCaptureResponse },
  'capture:takeInterrupted': { to: 'background', from: 'extension-page', request: m.InterruptedCaptureRequest, reply: m.InterruptedCaptureResponse },
  'orders:saveAll': { to: 'background', from: 'extension-page', request: m.SaveOrdersRequest, reply: m.SaveOrdersResponse },
  'listing:capture': { to: 'background', from: 'extension-page', request: m.ListingCaptureRequest, reply: m.ListingCaptureResponse },
  'deadlines:refresh': { to: 'background', from: 'extension-page', request: m.DeadlinesRefreshRequest, reply: m.DeadlinesRefreshResponse },
  'timestamps:run': { to: 'background', from: 'extension-page', request: m.TimestampsRunRequest, reply: m.TimestampsRunResponse },
  'order:saveFromPage': { to: 'background', from: 'marketplace-content-script', request: m.SaveOrderFromPageRequest, reply: m.SaveOrderFromPageResponse },
  'strings:pageButton': { to: 'background', from: 'marketplace-content-script', request: m.PageButtonStringsRequest, reply: m.PageButtonStringsResponse },
  'page:read': { to: 'tab', request: m.ReadPageRequest, reply: m.ReadPageResponse },
  'page:snapshot': { to: 'tab', request: m.SnapshotRequest, reply: m.SnapshotResponse },
  'page:selection': { to: 'tab', request: m.SelectionRequest, reply: m.SelectionResponse },
  'fullpage:prepare': { to: 'tab', request: m.FullpagePrepareRequest, reply: m.PageMeasureResponse },
  'fullpage:screen': { to: 'tab', request: m.FullpageScreenRequest, reply: m.ScreenResponse },
  'fullpage:restore': { to: 'tab', request: m.FullpageRestoreRequest, reply: m.RestoreResponse },
  'chat:prepare': { to: 'chat-box', request: m.ChatPrepareRequest, reply: m.ChatMeasureResponse },
  'chat:screen': { to: 'chat-box', request: m.ChatScreenRequest, reply: m.ScreenResponse },
  'chat:transcript': { to: 'chat-box', request: m.ChatTranscriptRequest, reply: m.ChatTranscriptResponse },
  'chat:restore': { to: 'chat-box', request: m.ChatRestoreRequest, reply: m.RestoreResponse },
  'capture:progress': { to: 'pages', request: m.CaptureProgressNotice },
  'listing:progress': { to: 'pages', request: m.ListingProgressNotice },
  'page:changed': { to: 'popup-port', request: m.PageChangedNotice },
} as const satisfies Record<string, Declaration>;

type Protocol = typeof PROTOCOL;
export type MessageName = keyof Protocol;
type NamesWhere<Shape> = { [N in MessageName]: Protocol[N] extends Shape ? N : never }[MessageName];
export type BackgroundMessage = NamesWhere<{ to: 'background' }>;
export type PageToBackground = NamesWhere<{ to: 'background'; from: 'extension-page' }>;
export type ContentToBackground = NamesWhere<{ to: 'background'; from: 'marketplace-content-script' }>;
export type TabMessage = NamesWhere<{ to: 'tab' }>;
export type ChatBoxMessage = NamesWhere<{ to: 'chat-box' }>;
type AskedOfTab = TabMessage | ChatBoxMessage;
export type PageNotice = NamesWhere<{ to: 'pages' }>;
export type NoticeName = NamesWhere<{ to: 'pages' | 'popup-port' }>;
export type RequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ReplyOf<N extends BackgroundMessage | AskedOfTab> = z.output<Protocol[N]['reply']>;
/** What a sender passes beside the name: the request's fields, optional when it has none. */
export type FieldsArgs<N extends MessageName> = {} extends Omit<RequestOf<N>, 'type'> ? [fields?: Omit<RequestOf<N>, 'type'>] : [fields: Omit<RequestOf<N>, 'type'>];

/** A message that got no answer, or an answer that is not its declared reply. */
export class MessageError extends Error {
  constructor(
    readonly messageName: MessageName,
    readonly reason: 'noAnswer' | 'badReply',
    detail: string,
  ) {
    super(`DisputeKit: ${messageName}: ${detail}`);
    this.name = 'MessageError';
  }
}

function message<N extends MessageName>(name: N, fields: object | undefined): RequestOf<N> {
  return { ...fields, type: name } as RequestOf<N>;
}

function parseReply<N extends BackgroundMessage | AskedOfTab>(name: N, answer: unknown): ReplyOf<N> {
  const parsed = PROTOCOL[name].reply.safeParse(answer);
  if (!parsed.success) {
    if (answer === undefined) throw new MessageError(name, 'noAnswer', 'no answer');
    throw new MessageError(name, 'badReply', `the reply is not the declared one: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data as ReplyOf<N>;
}

/** An extension page asks the background: the parsed reply, or a rejection (MessageError, or the browser's). */
export async function sendToBackground<N extends PageToBackground>(name: N, ...[fields]: FieldsArgs<N>): Promise<ReplyOf<N>> {
  return parseReply(name, await browser.runtime.sendMessage(message(name, fields)));
}

/** How a message reaches a tab: browser.tabs.sendMessage in the extension, a fake in tests. */
export type TabTransport = (tabId: number, message: unknown) => Promise<unknown>;

/** The background or an extension page asks a tab's content script (or its injected chat script): the parsed reply, or a rejection. */
export async function askTab<N extends AskedOfTab>(send: TabTransport, tabId: number, name: N, ...[fields]: FieldsArgs<N>): Promise<ReplyOf<N>> {
  return parseReply(name, await send(tabId, message(name, fields)));
}

/** The background tells the extension's open pages; nobody listening is no error. */
export function sendNotice<N extends PageNotice>(name: N, ...[fields]: FieldsArgs<N>): void {
  browser.runtime.sendMessage(message(name, fields)).catch(() => {
    // No extension page open to hear it.
  });
}

/** A notice as its receiver takes it: parsed, or undefined for anything else. */
export function readNotice<N extends NoticeName>(name: N, received: unknown): RequestOf<N> | undefined {
  const parsed = PROTOCOL[name].request.safeParse(received);
  return parsed.success ? (parsed.data as RequestOf<N>) : undefined;
}

/** The sender fields the router checks; the same shape in Chrome and Firefox. */
export type Sender = m.ContentSenderLike;
/** A content script's sender once checked: its tab has an id and an address. */
export type ContentSender = Sender & { tab: { id: number; url: string } };

/** The background's answer to each message, given only its parsed request and its checked sender. */
export type BackgroundRoutes = {
  [N in BackgroundMessage]: (request: RequestOf<N>, sender: Protocol[N]['from'] extends 'marketplace-content-script' ? ContentSender : Sender) => Promise<ReplyOf<N>>;
};
export type SenderChecks = { [S in BackgroundSender]: (sender: Sender) => boolean };

/**
 * Routes a message to its handler when its name is declared for the background, its sender is the one the
 * declaration allows and it parses. Anything else gets undefined: the message stays unanswered.
 */
export function routeMessage(routes: BackgroundRoutes, checks: SenderChecks, received: unknown, sender: Sender): Promise<unknown> | undefined {
  const name = typeof received === 'object' && received !== null ? (received as { type?: unknown }).type : undefined;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(routes, name)) return undefined;
  const declared = PROTOCOL[name as BackgroundMessage];
  if (declared.to !== 'background' || !checks[declared.from](sender)) return undefined;
  const request = declared.request.safeParse(received);
  if (!request.success) return undefined;
  const handle = routes[name as BackgroundMessage] as (request: unknown, sender: Sender) => Promise<unknown>;
  return handle(request.data, sender);
}

/**
 * The content scripts' side of the message protocol (lib/messaging/protocol.ts), without zod: content scripts
 * run on every marketplace page the user opens and must stay small, so they take the protocol's types only
 * (`import type`, erased from the bundle) and check with plain code what reaches them. That is enough here:
 * only this extension's background and pages can send to them (checked on `sender.id`), and the background
 * parses with the zod schemas everything a content script sends it. The checks below guard against a bug or a
 * version mismatch, not against the page. tests/unit/lib/messaging/content-protocol.test.ts holds them to the
 * schemas.
 */
import { browser } from 'wxt/browser';
import type { ChatBoxMessage, ContentToBackground, FieldsArgs, ReplyOf, RequestOf, TabMessage } from './protocol';
import { PAGE_BUTTON_KEYS } from '../i18n/areas/page-button-keys';
import { LOCALE_NAMES } from '../i18n/translate';

/** The port an open popup keeps to its tab's content script, to hear 'page:changed'. */
export const PAGE_WATCH_PORT = 'disputekit:page-watch';

// The error codes of a capture and of the in-page button's save. They live here, not beside their schemas in
// messages.ts, because the in-page button checks them (and shows their text) without zod.
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
  // The page names another order than its address (lib/readers/page-order.ts); the page's own button also needs
  // an address that names one.
  'orderMismatch',
  'noOrderInUrl',
  // "Capture this chat": no box on the page scrolls (lib/content/chat-box.ts).
  'noChatBox',
] as const;
export type CaptureError = (typeof CAPTURE_ERRORS)[number];
/** 'rateLimited': this tab's button saved too often in the last minute (lib/capture/page-button-save.ts). */
export const SAVE_FROM_PAGE_ERRORS = [...CAPTURE_ERRORS, 'rateLimited'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The background's answer to the in-page button, checked field by field (the schema: SaveOrderFromPageResponse). */
export function isSaveFromPageReply(value: unknown): value is ReplyOf<'order:saveFromPage'> {
  if (!isObject(value)) return false;
  if (value.ok === true) {
    return (
      typeof value.caseId === 'string' &&
      Array.isArray(value.evidenceIds) &&
      value.evidenceIds.every((id) => typeof id === 'string') &&
      typeof value.shortcut === 'string'
    );
  }
  return (
    value.ok === false &&
    (SAVE_FROM_PAGE_ERRORS as readonly unknown[]).includes(value.error) &&
    (value.detail === undefined || typeof value.detail === 'string')
  );
}

/** The in-page button's strings in one language, checked key by key (the schema: PageButtonStringsResponse). */
export function isPageButtonStringsReply(value: unknown): value is ReplyOf<'strings:pageButton'> {
  if (!isObject(value) || !(LOCALE_NAMES as readonly unknown[]).includes(value.locale)) return false;
  const { strings } = value;
  return isObject(strings) && PAGE_BUTTON_KEYS.every((key) => typeof strings[key] === 'string');
}

/** Every message a content script may send, with the check of its reply. */
const REPLY_CHECKS: { [N in ContentToBackground]: (reply: unknown) => reply is ReplyOf<N> } = {
  'order:saveFromPage': isSaveFromPageReply,
  'strings:pageButton': isPageButtonStringsReply,
};

/** A content script asks the background; resolves with the checked reply, rejects when there is none. */
export async function sendFromContent<N extends ContentToBackground>(name: N, ...[fields]: FieldsArgs<N>): Promise<ReplyOf<N>> {
  const reply: unknown = await browser.runtime.sendMessage({ ...fields, type: name });
  if (!REPLY_CHECKS[name](reply)) throw new Error(`DisputeKit: the background's reply to ${name} is not the declared one`);
  return reply;
}

/** What a content script answers, one handler per message (checked complete by the type). */
export type TabHandlers = { [N in TabMessage]: (request: RequestOf<N>) => ReplyOf<N> | Promise<ReplyOf<N>> };

/** A request for a content script, checked (the schemas: messages.ts); undefined for anything else. */
export function tabRequest(message: unknown): RequestOf<TabMessage> | undefined {
  if (!isObject(message)) return undefined;
  const { type } = message;
  switch (type) {
    case 'page:read':
    case 'page:snapshot':
    case 'page:selection':
    case 'fullpage:prepare':
    case 'fullpage:restore':
      return { type };
    case 'fullpage:screen': {
      const { y, index } = message;
      return typeof y === 'number' && Number.isFinite(y) && y >= 0 && isCount(index) ? { type, y, index } : undefined;
    }
  }
  return undefined;
}

/** What the injected chat script answers (lib/content/chat-box.ts). */
export type ChatBoxHandlers = { [N in ChatBoxMessage]: (request: RequestOf<N>) => ReplyOf<N> | Promise<ReplyOf<N>> };

/** A request for the chat script, checked (the schemas: messages.ts Chat…Request); undefined for anything else. */
export function chatBoxRequest(message: unknown): RequestOf<ChatBoxMessage> | undefined {
  if (!isObject(message)) return undefined;
  const { type } = message;
  switch (type) {
    case 'chat:prepare':
      return typeof message.pointer === 'boolean' ? { type, pointer: message.pointer } : undefined;
    case 'chat:screen': {
      const { y, index } = message;
      return typeof y === 'number' && Number.isFinite(y) && y >= 0 && isCount(index) ? { type, y, index } : undefined;
    }
    case 'chat:transcript':
    case 'chat:restore':
      return { type };
  }
  return undefined;
}

/** Answers a request from this extension with its handler; undefined (no answer) for anything else. */
export function answerTabRequest(handlers: TabHandlers, message: unknown): Promise<unknown> | undefined {
  const request = tabRequest(message);
  if (!request) return undefined;
  const handle = handlers[request.type] as (request: RequestOf<TabMessage>) => unknown;
  return Promise.resolve().then(() => handle(request));
}

/** The notice a content script posts to an open popup on PAGE_WATCH_PORT. */
export function pageChangedNotice(): RequestOf<'page:changed'> {
  return { type: 'page:changed' };
}

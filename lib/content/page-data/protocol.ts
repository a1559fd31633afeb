/**
 * How the page-data recorder (in the page's own world, ./recorder.ts) hands what it recorded to the
 * isolated content script (./inbox.ts). Both sides share one document, and nothing else: DOM events carry
 * strings across the two worlds in Chrome and Firefox alike, so every payload is a JSON string and never
 * an object. The page sees these events and can send them too; the inbox treats them as untrusted input.
 */
import { MAX_RESPONSE_CHARS } from '../../readers/api';

/** Recorder → inbox: `detail` is the JSON of one recorded response, `{ url, body, at }`. */
export const PAGE_DATA_EVENT = 'disputekit:page-data';
/** Inbox → recorder: send every response kept so far (the inbox starts after the page has loaded). */
export const PAGE_DATA_REQUEST_EVENT = 'disputekit:page-data-request';

/** The most the recorder and the inbox keep over all responses together (characters of bodies). */
export const MAX_RECORDED_CHARS = 16 * 1024 * 1024;
/** The longest response URL kept (mtop URLs carry a signed query of a few hundred characters). */
export const MAX_RESPONSE_URL_CHARS = 8192;
/** The longest event payload read: a body at its cap, every character escaped in JSON, plus its URL. */
export const MAX_PAYLOAD_CHARS = 2 * MAX_RESPONSE_CHARS + MAX_RESPONSE_URL_CHARS + 64;

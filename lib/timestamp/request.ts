/**
 * Asking a time-stamping authority (RFC 3161 over HTTP, RFC 3161 §3.4) to stamp one SHA-256 digest.
 * All that leaves the machine is the request: the 32-byte digest, the name of its algorithm, a random
 * nonce and "send your certificate" (certReq). The answer is checked at once (token.ts) and kept as the
 * token's DER with its summary (record.ts).
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, ContentInfo, MessageImprint, PKIStatus, TimeStampReq, TimeStampResp } from 'pkijs';
import { cryptoEngine } from './engine';
import { TimestampError } from './errors';
import { OID } from './oids';
import { recordOf } from './record';
import type { TimestampRecord } from './record-schema';
import { parseDer, verifyTimestampToken } from './token';

const TIMESTAMP_QUERY_TYPE = 'application/timestamp-query';
/** Long enough for a far authority on a slow line; short enough that a capture's note comes soon. */
const DEFAULT_TIMEOUT_MS = 15_000;
/** A token with its certificate chain is a few kilobytes; nothing honest comes near this. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export interface TimestampRequest {
  /** The DER of the TimeStampReq, as sent. */
  der: Uint8Array<ArrayBuffer>;
  /** Its nonce, lower-case hex. */
  nonce: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A TimeStampReq for one SHA-256 digest (hex), with a fresh random 62-bit nonce and certReq true. */
export function buildTimestampRequest(digest: string): TimestampRequest {
  const hex = digest.toLowerCase();
  if (!SHA256_HEX.test(hex)) throw new TypeError(`not a SHA-256 digest in hex: ${digest}`);
  const nonce = new Uint8Array(8);
  cryptoEngine().getRandomValues(nonce);
  // Positive and minimally encoded: top bit clear (not negative), second bit set (no leading zero byte).
  nonce[0] = (nonce[0] & 0x7f) | 0x40;
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: hexToBytes(hex) }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), nonce: bytesToHex(nonce) };
}

export interface RequestOptions {
  /** The fetch to use: the background's own, or a test's. */
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** For a caller that stops (the user closes the case, the worker is going away). */
  signal?: AbortSignal;
}

/**
 * Ask `url` to stamp `digest` (SHA-256, hex); resolve to the checked token, or reject with a TimestampError
 * saying which of unreachable / timeout / http / too-large / garbage / rejected / wrong-imprint /
 * nonce-mismatch / bad-signature / not-tsa-certificate it was.
 */
export async function requestTimestamp(url: string, digest: string, options: RequestOptions): Promise<TimestampRecord> {
  const request = buildTimestampRequest(digest);
  const body = await post(url, request.der, options);
  const token = parseTimestampResponse(body);
  const summary = await verifyTimestampToken(token, { digest, nonce: request.nonce });
  return recordOf(url, token, summary);
}

async function post(url: string, der: Uint8Array<ArrayBuffer>, options: RequestOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': TIMESTAMP_QUERY_TYPE, Accept: 'application/timestamp-reply' },
        body: der,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
      });
    } catch (error) {
      throw failure(error, timedOut, timeoutMs, url);
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new TimestampError('http', `${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new TimestampError('too-large', `${url} sent ${declared} bytes, more than the ${maxBytes} a token may take`);
    }
    try {
      return await readCapped(response, maxBytes, url);
    } catch (error) {
      if (error instanceof TimestampError) throw error;
      throw failure(error, timedOut, timeoutMs, url);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

function failure(error: unknown, timedOut: boolean, timeoutMs: number, url: string): TimestampError {
  if (timedOut) return new TimestampError('timeout', `${url} did not answer within ${timeoutMs} ms`, { cause: error });
  const reason = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
  return new TimestampError('unreachable', `${url} could not be reached: ${reason}`, { cause: error });
}

/** The body, read piece by piece and given up as soon as it passes maxBytes (a length header can lie). */
async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TimestampError('too-large', `${url} sent more than the ${maxBytes} bytes a token may take`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The token (DER of its ContentInfo) out of a TimeStampResp, once its status says granted. */
export function parseTimestampResponse(body: Uint8Array): Uint8Array {
  let response: TimeStampResp;
  let schema: asn1js.AsnType;
  try {
    schema = parseDer(body, 'the answer');
    response = new TimeStampResp({ schema });
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError('garbage', `the answer is not a time-stamp response (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const { status, statusStrings, failInfo } = response.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = statusStrings?.map((s) => s.valueBlock.value).join('; ');
    const failures = failInfo ? failureNames(failInfo) : [];
    throw new TimestampError('rejected', `the authority refused (status ${PKIStatus[status] ?? status}${failures.length ? `, ${failures.join(', ')}` : ''}${text ? `: ${text}` : ''})`);
  }
  if (!(response.timeStampToken instanceof ContentInfo)) throw new TimestampError('garbage', 'the answer says granted but holds no token');
  // The token's own bytes as the authority sent them (not encoded again), so what is kept is what was signed.
  const tokenSchema = (schema as asn1js.Sequence).valueBlock.value[1];
  return tokenSchema.valueBeforeDecodeView.slice();
}

/** RFC 3161 PKIFailureInfo bit names, for the report. */
const FAILURE_BITS: Record<number, string> = { 0: 'badAlg', 2: 'badRequest', 5: 'badDataFormat', 14: 'timeNotAvailable', 15: 'unacceptedPolicy', 16: 'unacceptedExtension', 17: 'addInfoNotAvailable', 25: 'systemFailure' };

function failureNames(bits: asn1js.BitString): string[] {
  const bytes = bits.valueBlock.valueHexView;
  const names: string[] = [];
  for (let bit = 0; bit < bytes.length * 8; bit++) {
    if (bytes[bit >> 3] & (0x80 >> (bit & 7))) names.push(FAILURE_BITS[bit] ?? `bit ${bit}`);
  }
  return names;
}

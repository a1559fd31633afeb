/**
 * Why a timestamp could not be had, or a token does not hold. Each code is one thing the user (or the
 * verifier's report) is told in its own words: phase 2 maps the code to a string of lib/i18n/areas/timestamp.ts
 * (`timestamp.error.<code>`), and a capture whose request failed is saved untimestamped with that note.
 */
export const TIMESTAMP_ERROR_CODES = [
  /** No answer at all: no network, the host unknown, the connection refused or reset. */
  'unreachable',
  /** The authority did not answer within the time allowed. */
  'timeout',
  /** An HTTP status other than 200. */
  'http',
  /** The answer was larger than any token needs to be. */
  'too-large',
  /** The bytes are not a time-stamp response or token (HTML, cut short, another format). */
  'garbage',
  /** The authority answered with a status other than granted (RFC 3161 PKIStatus). */
  'rejected',
  /** The token stamps another hash, or the same hash with another algorithm. */
  'wrong-imprint',
  /** The token does not answer this request: its nonce is another (a replayed or mixed-up answer). */
  'nonce-mismatch',
  /** The signature does not hold: the token was changed, or was not signed by the certificate it carries. */
  'bad-signature',
  /** The signing certificate is not a time-stamping one (no critical extended key usage id-kp-timeStamping). */
  'not-tsa-certificate',
] as const;

export type TimestampErrorCode = (typeof TIMESTAMP_ERROR_CODES)[number];

export class TimestampError extends Error {
  override readonly name = 'TimestampError';
  constructor(
    readonly code: TimestampErrorCode,
    /** What exactly was wrong, in English, for logs and the verifier's report (not translated). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }
}

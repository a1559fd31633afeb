/**
 * Trusted timestamps (RFC 3161): ask an authority to stamp a SHA-256 digest, check the token it sends, keep
 * it, and check a kept one again offline. Runs in the background, the extension's pages and Node alike.
 */
export { TIMESTAMP_AUTHORITIES, type TimestampAuthority, authorityById, customAuthority } from './authorities';
export type { CertificateSummary } from './certificate';
export { TIMESTAMP_ERROR_CODES, TimestampError, type TimestampErrorCode, isTimestampError } from './errors';
export { type TimestampRecord, timestampRecordSchema, tokenBytes, verifyTimestampRecord } from './record';
export { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type RequestOptions, type TimestampRequest, buildTimestampRequest, parseTimestampResponse, requestTimestamp } from './request';
export { type TimestampSummary, type TokenExpectation, verifyTimestampToken } from './token';

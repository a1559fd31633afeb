/**
 * Trusted timestamps (RFC 3161): ask an authority to stamp a SHA-256 digest, check the token it sends, keep
 * it, and check a kept one again offline. Runs in the background, the extension's pages and Node alike.
 * (Types such as TimestampSummary, TimestampAuthority and RequestOptions are exported by their own modules.)
 */
export { TIMESTAMP_AUTHORITIES, authorityById, chosenAuthority, customAuthority } from './authorities';
export { TIMESTAMP_ERROR_CODES, TimestampError, type TimestampErrorCode } from './errors';
export { type TimestampRecord, timestampRecordSchema, tokenBytes } from './record-schema';
export { verifyTimestampRecord } from './record';
export { buildTimestampRequest, requestTimestamp } from './request';
export { verifyTimestampToken } from './token';

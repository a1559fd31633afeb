/** A kept timestamp record made from a checked token, and checked again offline (the shape: record-schema.ts). */
import { fromBase64, toBase64, type TimestampRecord } from './record-schema';
import { type TimestampSummary, verifyTimestampToken } from './token';

export function recordOf(url: string, token: Uint8Array, summary: TimestampSummary): TimestampRecord {
  return { format: 'rfc3161', url, token: toBase64(token), summary };
}

/**
 * Check a kept token again, offline, against the digest it must stamp (the file's or the custody head's):
 * resolves to what the token says now, or rejects with a TimestampError (wrong-imprint, bad-signature,
 * not-tsa-certificate, garbage).
 */
export async function verifyTimestampRecord(record: TimestampRecord, digest: string): Promise<TimestampSummary> {
  return verifyTimestampToken(fromBase64(record.token), { digest });
}

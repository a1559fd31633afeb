import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestTsa, startTestTsa } from '../../../support/tsa.mjs';
import { type TimestampRecord, TimestampError, requestTimestamp, timestampRecordSchema, tokenBytes, verifyTimestampRecord, verifyTimestampToken } from '@/lib/timestamp';

const digest = bytesToHex(sha256(new TextEncoder().encode('custody log head')));
let tsa: TestTsa;
let record: TimestampRecord;

beforeAll(async () => {
  tsa = await startTestTsa();
  record = await requestTimestamp(tsa.url, digest, { fetch: globalThis.fetch });
  // Everything below is offline: the authority is gone before any stored token is checked.
  await tsa.close();
}, 60_000);
afterAll(() => tsa?.close().catch(() => undefined));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TimestampError);
  return (error as TimestampError).code;
}

/** The kept token with `change` made to a copy of its bytes. */
function altered(change: (bytes: Uint8Array) => Uint8Array | void): TimestampRecord {
  const bytes = tokenBytes(record).slice();
  const result = change(bytes) ?? bytes;
  let binary = '';
  for (const b of result) binary += String.fromCharCode(b);
  return { ...record, token: btoa(binary) };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('a kept token, checked again offline', () => {
  it('holds for the digest it stamps, and says the same as when it was received', async () => {
    const summary = await verifyTimestampRecord(record, digest);
    expect(summary).toEqual({ ...record.summary });
    expect(summary.signer.sha256).toBe(tsa.tsaFingerprint);
  });

  it('survives the JSON it is stored in, and the stored shape is checked', async () => {
    const stored = timestampRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    await expect(verifyTimestampRecord(stored as TimestampRecord, digest)).resolves.toMatchObject({ genTime: record.summary.genTime });
    expect(timestampRecordSchema.safeParse({ ...record, token: 'not base64!' }).success).toBe(false);
    expect(timestampRecordSchema.safeParse({ ...record, format: 'pdf' }).success).toBe(false);
    expect(timestampRecordSchema.safeParse({ ...record, summary: { ...record.summary, digest: 'x' } }).success).toBe(false);
  });

  it('does not hold for another file’s digest', async () => {
    const other = bytesToHex(sha256(new TextEncoder().encode('another file')));
    expect(await codeOf(verifyTimestampRecord(record, other))).toBe('wrong-imprint');
  });

  it('a token whose time was changed after it was kept fails its signature', async () => {
    const compact = record.summary.genTime.replace(/[-:T]/g, '').slice(0, 14);
    const tampered = altered((bytes) => {
      const at = indexOf(bytes, new TextEncoder().encode(compact));
      expect(at).toBeGreaterThan(0);
      bytes[at + 3] = bytes[at + 3] === 0x39 ? 0x38 : bytes[at + 3] + 1; // another year
    });
    expect(await codeOf(verifyTimestampRecord(tampered, digest))).toBe('bad-signature');
  });

  it('a token whose signing certificate was swapped for another fails', async () => {
    // The subject's CN inside the embedded certificate, changed: the certificate no longer matches the key
    // hash the signed attributes name, nor its issuer's signature.
    const tampered = altered((bytes) => {
      const name = new TextEncoder().encode('DisputeKit Test TSA');
      let at = indexOf(bytes, name);
      // The first occurrence is the TSTInfo's tsa name; the certificate's subject comes later.
      at = indexOf(bytes.subarray(at + 1), name) + at + 1;
      bytes[at] = 'X'.charCodeAt(0);
    });
    expect(await codeOf(verifyTimestampRecord(tampered, digest))).toBe('bad-signature');
  });

  it('cut short, padded, or not base64: garbage', async () => {
    expect(await codeOf(verifyTimestampRecord(altered((b) => b.subarray(0, b.length - 10)), digest))).toBe('garbage');
    expect(await codeOf(verifyTimestampRecord(altered((b) => new Uint8Array([...b, 0, 0])), digest))).toBe('garbage');
    expect(await codeOf(verifyTimestampRecord({ ...record, token: '%%%' }, digest))).toBe('garbage');
    expect(await codeOf(verifyTimestampToken(new TextEncoder().encode('<html></html>'), { digest }))).toBe('garbage');
  });
});

/**
 * A timestamp as DisputeKit keeps it, beside the evidence, in the custody log and in a dossier's JSON: the
 * token's DER (base64) is the proof; the summary is what it said when it was checked, for showing without
 * parsing again. Whoever reads a record back (a restore, `npm run verify`) checks the DER again and trusts
 * the summary for nothing.
 *
 * This module holds no ASN.1 or CMS code (no pkijs), so the screens that only show or carry a record (the
 * manifest's schema, the settings page) stay small; checking a token is record.ts.
 */
import { z } from 'zod';
import { TimestampError } from './errors';
import type { TimestampSummary } from './token';

export interface TimestampRecord {
  format: 'rfc3161';
  /** The authority asked, as the user chose it. */
  url: string;
  /** The TimeStampToken (CMS ContentInfo), DER, base64. */
  token: string;
  summary: TimestampSummary;
}

const hex = z.string().regex(/^[0-9a-f]*$/);
const certificateSummarySchema = z.object({
  commonName: z.string().optional(),
  organization: z.string().optional(),
  subject: z.string(),
  issuer: z.string(),
  serial: hex,
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The stored shape, for reading records from untrusted places (backups, dossiers). */
export const timestampRecordSchema = z.object({
  format: z.literal('rfc3161'),
  url: z.string().max(2048),
  // A token is a few kilobytes; a record claiming megabytes is not one.
  token: z.string().max(Math.ceil((256 * 1024 * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  summary: z.object({
    genTime: z.string(),
    serial: hex,
    policy: z.string(),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    nonce: hex.optional(),
    accuracySeconds: z.number().optional(),
    tsaName: z.string().optional(),
    signer: certificateSummarySchema,
  }),
});

/** The signer as a person names it: its certificate's common name and organisation, else its whole subject. */
export function authorityName(record: TimestampRecord): string {
  const { commonName, organization, subject } = record.summary.signer;
  return [commonName, organization].filter(Boolean).join(', ') || subject;
}

export function tokenBytes(record: TimestampRecord): Uint8Array {
  return fromBase64(record.token);
}

// btoa/atob exist in the service worker, the pages and Node 20 alike.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch (error) {
    throw new TimestampError('garbage', 'the kept token is not base64', { cause: error });
  }
}

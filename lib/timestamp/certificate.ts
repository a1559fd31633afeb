/**
 * What a token's signing certificate says about the authority, and whether it may sign timestamps.
 *
 * There is deliberately no chain validation to a trusted root: the user picks the authority (from
 * authorities.ts or by URL), and browsers ship no time-stamping roots to validate against. Instead the
 * report names the certificate (subject, issuer, SHA-256 fingerprint), so a court or platform can check it
 * against what the authority publishes, with `openssl ts -verify` and the authority's own chain.
 */
import type { Certificate, RelativeDistinguishedNames } from 'pkijs';
import { ExtKeyUsage } from 'pkijs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256HexSync } from '../common/hash';
import { TimestampError } from './errors';
import { OID } from './oids';

export interface CertificateSummary {
  /** The subject's common name (CN), if it has one. */
  commonName?: string;
  /** The subject's organisation (O), if it has one. */
  organization?: string;
  /** The whole subject, `CN=…, O=…, C=…`. */
  subject: string;
  issuer: string;
  /** Serial number, lower-case hex. */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the certificate's DER, lower-case hex: what `openssl x509 -fingerprint -sha256` prints. */
  sha256: string;
}

const SHORT_NAMES: Record<string, string> = { [OID.commonName]: 'CN', [OID.organization]: 'O', [OID.country]: 'C', '2.5.4.11': 'OU', '2.5.4.7': 'L', '2.5.4.8': 'ST', '1.2.840.113549.1.9.1': 'E' };

function attributeText(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown } })?.valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
}

/** `CN=…, O=…` of a distinguished name, in its own order; unknown attribute types by their OID. */
export function distinguishedName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${attributeText(tv.value)}`).join(', ');
}

function firstOf(name: RelativeDistinguishedNames, type: string): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === type);
  const text = found ? attributeText(found.value) : '';
  return text || undefined;
}

export function certificateDer(certificate: Certificate): Uint8Array<ArrayBuffer> {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

export function summarizeCertificate(certificate: Certificate): CertificateSummary {
  return {
    commonName: firstOf(certificate.subject, OID.commonName),
    organization: firstOf(certificate.subject, OID.organization),
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serial: bytesToHex(certificate.serialNumber.valueBlock.valueHexView),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
    sha256: sha256HexSync(certificateDer(certificate)),
  };
}

/**
 * RFC 3161 §2.3: the TSA's certificate carries the extended key usage id-kp-timeStamping, and that extension
 * is critical. A certificate without it (a web server's, a code-signing one) signs nothing about time.
 */
export function assertTimeStampingCertificate(certificate: Certificate): void {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (!extension) throw new TimestampError('not-tsa-certificate', `the signing certificate (${distinguishedName(certificate.subject)}) has no extended key usage`);
  const usage = extension.parsedValue instanceof ExtKeyUsage ? extension.parsedValue : undefined;
  if (!usage?.keyPurposes.includes(OID.timeStamping)) {
    throw new TimestampError('not-tsa-certificate', `the signing certificate (${distinguishedName(certificate.subject)}) is not for time-stamping (extended key usage ${usage?.keyPurposes.join(', ') || 'unreadable'})`);
  }
  if (!extension.critical) throw new TimestampError('not-tsa-certificate', `the signing certificate's time-stamping key usage is not marked critical, as RFC 3161 requires`);
}

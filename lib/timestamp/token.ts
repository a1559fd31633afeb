/**
 * Checking an RFC 3161 time-stamp token (a CMS SignedData whose content is a TSTInfo), offline: in the
 * background right after a request, on an extension page and in `npm run verify`. A token holds when
 * - it stamps the expected SHA-256 digest (the imprint's algorithm and hash),
 * - it answers the request it was asked for (the nonce), where the nonce is known,
 * - its signature over the signed attributes is valid, made with the certificate the token carries (and the
 *   certificate the signed attributes name, where they name one: ESS signing-certificate),
 * - that certificate is a time-stamping one (critical extended key usage id-kp-timeStamping).
 * It then says who signed (the certificate's subject and fingerprint, the TSTInfo's own TSA name) and when.
 * No chain to a trusted root is validated: see certificate.ts for why.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import * as asn1js from 'asn1js';
import type { Certificate, SignerInfo } from 'pkijs';
import { AlgorithmIdentifier, ContentInfo, GeneralName, RelativeDistinguishedNames, SignedData, SignedDataVerifyError, TSTInfo } from 'pkijs';
import { type CertificateSummary, assertTimeStampingCertificate, certificateDer, distinguishedName, summarizeCertificate } from './certificate';
import { cryptoEngine } from './engine';
import { TimestampError } from './errors';
import { OID } from './oids';

/** What a valid token says, read from the token itself (a stored copy is never trusted over the DER). */
export interface TimestampSummary {
  /** When the authority stamped, ISO 8601 in UTC (TSTInfo genTime). */
  genTime: string;
  /** The token's serial number, lower-case hex (unique per authority). */
  serial: string;
  /** The authority's policy under which it stamped (an OID). */
  policy: string;
  /** The SHA-256 digest stamped, lower-case hex. */
  digest: string;
  /** The request's nonce echoed, lower-case hex, when the token has one. */
  nonce?: string;
  /** The authority's stated accuracy of genTime, in seconds, when it states one. */
  accuracySeconds?: number;
  /** The TSTInfo's own name of the authority (its `tsa` field), when present. */
  tsaName?: string;
  /** The certificate that signed: who the authority is, and its fingerprint for anyone to check. */
  signer: CertificateSummary;
}

export interface TokenExpectation {
  /** The SHA-256 digest the token must stamp, hex. */
  digest: string;
  /** The nonce of the request, hex: only right after asking (a stored token is checked without it). */
  nonce?: string;
}

/** Parse one whole DER value, nothing before or after it; anything else is not a token. */
export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const buffer = bytes.slice().buffer;
  const parsed = asn1js.fromBER(buffer);
  if (parsed.offset === -1) throw new TimestampError('garbage', `${what} is not ASN.1 (${parsed.result.error || 'unreadable'})`);
  if (parsed.offset !== buffer.byteLength) throw new TimestampError('garbage', `${what} has ${buffer.byteLength - parsed.offset} bytes after its end`);
  return parsed.result;
}

function readStructure<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError('garbage', `${what} is not as RFC 3161 describes it (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

const sameInteger = (a: string, b: string) => BigInt(`0x${a || '0'}`) === BigInt(`0x${b || '0'}`);

function generalNameText(name: GeneralName): string | undefined {
  if (name.type === 4 && name.value instanceof RelativeDistinguishedNames) return distinguishedName(name.value);
  if (typeof name.value === 'string') return name.value;
  return undefined;
}

export async function verifyTimestampToken(token: Uint8Array, expected: TokenExpectation): Promise<TimestampSummary> {
  const engine = cryptoEngine();
  const { signed, tst } = readStructure('the token', () => {
    const contentInfo = new ContentInfo({ schema: parseDer(token, 'the token') });
    if (contentInfo.contentType !== OID.signedData) throw new TimestampError('garbage', `the token is not CMS signed data (content type ${contentInfo.contentType})`);
    const signed = new SignedData({ schema: contentInfo.content });
    if (signed.encapContentInfo.eContentType !== OID.tstInfo || !signed.encapContentInfo.eContent) {
      throw new TimestampError('garbage', `the token's content is not a TSTInfo (${signed.encapContentInfo.eContentType})`);
    }
    const tst = TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
    return { signed, tst };
  });

  const algorithm = tst.messageImprint.hashAlgorithm.algorithmId;
  const digest = bytesToHex(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (algorithm !== OID.sha256) throw new TimestampError('wrong-imprint', `the token stamps a hash made with another algorithm (${algorithm}), not SHA-256`);
  if (digest !== expected.digest.toLowerCase()) throw new TimestampError('wrong-imprint', `the token stamps ${digest}, not ${expected.digest.toLowerCase()}`);
  const nonce = tst.nonce ? bytesToHex(tst.nonce.valueBlock.valueHexView) : undefined;
  if (expected.nonce !== undefined && (nonce === undefined || !sameInteger(nonce, expected.nonce))) {
    throw new TimestampError('nonce-mismatch', nonce === undefined ? 'the answer has no nonce, so it may not answer this request' : `the answer's nonce ${nonce} is not the request's ${expected.nonce}`);
  }

  if (signed.signerInfos.length !== 1) throw new TimestampError('bad-signature', `the token has ${signed.signerInfos.length} signers, not exactly one`);
  const [signerInfo] = signed.signerInfos;
  assertContentTypeAttribute(signerInfo);
  // pkijs's verify, on seeing TSTInfo content, wants the stamped file itself to hash again. Only its digest
  // is at hand, and it was compared with the imprint above; labelled as plain data, the same call checks
  // all the rest: the message-digest attribute against the TSTInfo's bytes, then the signature over the
  // signed attributes with the certificate the token carries. (The signed bytes are unchanged by this.)
  signed.encapContentInfo.eContentType = OID.data;
  let certificate: Certificate;
  try {
    const result = await signed.verify({ signer: 0, extendedMode: true, checkChain: false }, engine);
    if (!result.signatureVerified || !result.signerCertificate) throw new TimestampError('bad-signature', 'the signature over the token does not match its signing certificate');
    certificate = result.signerCertificate;
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    const detail = error instanceof SignedDataVerifyError || error instanceof Error ? error.message : String(error);
    throw new TimestampError('bad-signature', `the token's signature does not hold: ${detail}`, { cause: error });
  }
  await assertSigningCertificateNamed(signerInfo, certificate);
  assertTimeStampingCertificate(certificate);

  const accuracy = tst.accuracy;
  const tsaName = tst.tsa ? generalNameText(tst.tsa) : undefined;
  return {
    genTime: tst.genTime.toISOString(),
    serial: bytesToHex(tst.serialNumber.valueBlock.valueHexView),
    policy: tst.policy,
    digest,
    ...(nonce !== undefined && { nonce }),
    ...(accuracy && { accuracySeconds: (accuracy.seconds ?? 0) + (accuracy.millis ?? 0) / 1e3 + (accuracy.micros ?? 0) / 1e6 }),
    ...(tsaName && { tsaName }),
    signer: summarizeCertificate(certificate),
  };
}

function signedAttribute(signerInfo: SignerInfo, type: string) {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type);
}

/** RFC 5652 §11.1: the signed content-type attribute says what was signed; it must say TSTInfo. */
function assertContentTypeAttribute(signerInfo: SignerInfo): void {
  if (!signerInfo.signedAttrs) throw new TimestampError('bad-signature', 'the token has no signed attributes, which RFC 3161 requires');
  const value = signedAttribute(signerInfo, OID.contentTypeAttribute)?.values[0];
  const signedType = value instanceof asn1js.ObjectIdentifier ? value.valueBlock.toString() : undefined;
  if (signedType !== OID.tstInfo) throw new TimestampError('bad-signature', `the signature is over content of type ${signedType ?? 'unknown'}, not TSTInfo`);
}

/**
 * RFC 3161 §2.4.1 / RFC 5035: the signed attributes name the signing certificate by its hash, so a token
 * cannot be passed off with another certificate around the same key. Checked when the attribute is present
 * (some authorities' tokens lack it; the signature check above still binds the key).
 */
async function assertSigningCertificateNamed(signerInfo: SignerInfo, certificate: Certificate): Promise<void> {
  const v2 = signedAttribute(signerInfo, OID.signingCertificateV2);
  const v1 = signedAttribute(signerInfo, OID.signingCertificate);
  const attribute = v2 ?? v1;
  if (!attribute) return;
  const { hashOid, certHash } = readStructure('the signing-certificate attribute', () => {
    // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies … OPTIONAL }; the first
    // ESSCertID is the signer's. ESSCertIDv2 starts with an optional hash algorithm (default SHA-256);
    // ESSCertID's hash is always SHA-1.
    const certs = (attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const parts = (certs.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    const explicitAlgorithm = v2 && parts[0] instanceof asn1js.Sequence ? new AlgorithmIdentifier({ schema: parts[0] }).algorithmId : undefined;
    const hash = parts[explicitAlgorithm ? 1 : 0];
    if (!(hash instanceof asn1js.OctetString)) throw new Error('no certificate hash');
    return { hashOid: explicitAlgorithm ?? (v2 ? OID.sha256 : '1.3.14.3.2.26'), certHash: bytesToHex(hash.valueBlock.valueHexView) };
  });
  const engine = cryptoEngine();
  const algorithm = engine.getAlgorithmByOID(hashOid, true, 'ESSCertID hash');
  const actual = bytesToHex(new Uint8Array(await engine.digest(algorithm, certificateDer(certificate))));
  if (actual !== certHash) throw new TimestampError('bad-signature', 'the signed attributes name another signing certificate than the one the token carries');
}

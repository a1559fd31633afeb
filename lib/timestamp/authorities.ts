/**
 * Public time-stamping authorities the user can pick in Settings (or enter another URL). Each is asked over
 * its own host only, through an optional host permission requested when the user picks it.
 *
 * What an authority sees, whichever it is: the request's 32-byte SHA-256 digest, the algorithm's name, a
 * random nonce, and the connection itself (the user's IP address, the time). Never a file, a page address,
 * an order number or a name: a digest cannot be turned back into what was hashed.
 *
 * Plain http is what most of them serve, and it is enough: the answer is signed, and checked before it is
 * kept, so a changed answer fails like any other bad token. All answer RFC 3161 over HTTP with RSA
 * signatures and SHA-256 imprints, which WebCrypto verifies. (Authorities signing with GOST or SM2 keys,
 * common in Russia and China, cannot be checked with WebCrypto and are not listed.)
 *
 * Where each URL comes from (looked up 2026-12, not requested from here: the network is not reachable
 * from this project's machines, and tests use tests/support/tsa.mjs): Sectigo's own "Time Stamp Server"
 * page (sectigo.com/resource-library/time-stamping-server); FreeTSA's endpoint as its users document it;
 * DigiCert, GlobalSign (the SHA-256 "r6advanced1" service) and Entrust as the widely shared lists of public
 * RFC 3161 servers give them. Phase 2 should try each once by hand before the list ships.
 */
export interface TimestampAuthority {
  id: string;
  /** The RFC 3161 endpoint, POSTed to with Content-Type application/timestamp-query. */
  url: string;
  /** The optional host permission the extension asks for before the first request (a match pattern). */
  permission: string;
  /** Who runs it, as its certificates name it (not translated: a name). */
  operator: string;
  /** Key of the description shown in Settings (lib/i18n/areas/timestamp.ts). */
  descriptionKey: `timestamp.authority.${string}`;
}

function authority(id: string, url: string, operator: string): TimestampAuthority {
  // Match patterns carry no port: the host's pattern covers whichever port the URL uses.
  const { protocol, hostname } = new URL(url);
  return { id, url, permission: `${protocol}//${hostname}/*`, operator, descriptionKey: `timestamp.authority.${id}` };
}

export const TIMESTAMP_AUTHORITIES: readonly TimestampAuthority[] = [
  authority('freetsa', 'https://freetsa.org/tsr', 'FreeTSA.org'),
  authority('digicert', 'http://timestamp.digicert.com', 'DigiCert, Inc.'),
  authority('sectigo', 'http://timestamp.sectigo.com', 'Sectigo Limited'),
  authority('globalsign', 'http://timestamp.globalsign.com/tsa/r6advanced1', 'GlobalSign nv-sa'),
  authority('entrust', 'http://timestamp.entrust.net/TSS/RFC3161sha2TS', 'Entrust, Inc.'),
];

export function authorityById(id: string): TimestampAuthority | undefined {
  return TIMESTAMP_AUTHORITIES.find((a) => a.id === id);
}

/**
 * A URL the user typed, as an authority of its own: http or https only, no credentials in it. Undefined
 * for anything else (the settings screen says why).
 */
export function customAuthority(text: string): TimestampAuthority | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) return undefined;
  url.hash = '';
  return { id: 'custom', url: url.href, permission: `${url.protocol}//${url.hostname}/*`, operator: url.hostname, descriptionKey: 'timestamp.authority.custom' };
}

/** The authority a settings choice names (`{ authority: id | 'custom', customUrl }`); undefined when it names none. */
export function chosenAuthority(choice: { authority: string; customUrl?: string | undefined }): TimestampAuthority | undefined {
  if (choice.authority === 'custom') return choice.customUrl === undefined ? undefined : customAuthority(choice.customUrl);
  return authorityById(choice.authority);
}

/**
 * A dossier's trusted timestamp (RFC 3161) of its custody head: at export, after the export entry is appended,
 * the entry's hash (the new head) is sent to the authority the user chose in Settings, and the token it sends
 * back goes into manifest.json (`custody.headTimestamp`) and, as DER, into the ZIP (timestamps/custody-head.tsr,
 * which `openssl ts -verify` reads). The export entry vouches for the report and the rest of the manifest, so a
 * token over it makes any later truncation or rewrite of the log, or an edited manifest or report, visible.
 *
 * Any failure (no network, time-out, garbage, a bad token) leaves the export as it is, untimestamped, with the
 * reason kept in `custody.notTimestamped`; the option off (or its host not granted) sends nothing at all.
 */
import { z } from 'zod';
import type { Settings } from '../settings/settings';
// No ASN.1 or CMS code here (pkijs is large): the request module is loaded only when a timestamp is asked for.
import { chosenAuthority } from '../timestamp/authorities';
import { TimestampError } from '../timestamp/errors';
import { TIMESTAMP_FAILURES } from '../common/model';
import type { TimestampRecord } from '../timestamp/record-schema';
import type { Translate } from '../i18n';

export const HEAD_TOKEN_PATH = 'timestamps/custody-head.tsr';
/** What the token says, in the user's language, for a person opening the unzipped folder (not the proof). */
export const HEAD_PAGE_PATH = 'timestamps/custody-head.html';
/** Long enough for a far authority on a slow line, short enough that the user is not left waiting long. */
export const HEAD_TIMESTAMP_TIMEOUT_MS = 15_000;

/** How an export timestamps its head: asked of `url`, or not, and why not. */
export type HeadTimestamping =
  | { mode: 'on'; url: string; fetch: typeof fetch; timeoutMs?: number }
  | { mode: 'off'; why: 'off' | 'no-authority' }
  | { mode: 'off'; why: 'no-permission'; host: string };

/** Why a dossier has no head timestamp: the option's state, or the TimestampError's code; `detail` as said then. */
export const NotTimestampedSchema = z.object({
  reason: z.enum(TIMESTAMP_FAILURES),
  detail: z.string().max(2000).optional(),
});
export type NotTimestamped = z.infer<typeof NotTimestampedSchema>;

export type HeadTimestampOutcome = { record: TimestampRecord } | { notTimestamped: NotTimestamped };

/**
 * The export's timestamping from the settings: on only when the user switched it on, the authority is one,
 * and the browser holds its host (asked for in Settings; `holds` is browser.permissions.contains).
 */
export async function headTimestamping(choice: Settings['timestamps'], holds: (origin: string) => Promise<boolean>, fetchImpl: typeof fetch): Promise<HeadTimestamping> {
  if (!choice.enabled) return { mode: 'off', why: 'off' };
  const authority = chosenAuthority(choice);
  if (!authority) return { mode: 'off', why: 'no-authority' };
  if (!(await holds(authority.permission).catch(() => false))) return { mode: 'off', why: 'no-permission', host: new URL(authority.url).hostname };
  return { mode: 'on', url: authority.url, fetch: fetchImpl };
}

/**
 * Ask for a token of one SHA-256 digest (the custody head at export; a file's hash after its capture,
 * lib/capture/timestamp-evidence.ts); never rejects for the authority's sake: a failure is an outcome with its reason.
 */
export async function timestampDigest(timestamping: HeadTimestamping | undefined, digest: string): Promise<HeadTimestampOutcome> {
  if (!timestamping || timestamping.mode === 'off') {
    const why = timestamping?.why ?? 'off';
    return { notTimestamped: { reason: why, ...(timestamping?.why === 'no-permission' && { detail: timestamping.host }) } };
  }
  try {
    const { requestTimestamp } = await import('../timestamp/request');
    return { record: await requestTimestamp(timestamping.url, digest, { fetch: timestamping.fetch, timeoutMs: timestamping.timeoutMs ?? HEAD_TIMESTAMP_TIMEOUT_MS }) };
  } catch (error) {
    if (error instanceof TimestampError) return { notTimestamped: { reason: error.code, detail: error.detail.slice(0, 2000) } };
    // Anything else (WebCrypto missing, a bug) is not the authority's doing, but still no reason to lose the export.
    return { notTimestamped: { reason: 'garbage', detail: (error instanceof Error ? error.message : String(error)).slice(0, 2000) } };
  }
}

/** Why a dossier is not timestamped, as one sentence in the user's language. */
export function notTimestampedText(t: Translate, not: NotTimestamped): string {
  switch (not.reason) {
    case 'off':
      return t('timestamp.report.off');
    case 'no-authority':
      return t('timestamp.report.noAuthority');
    case 'no-permission':
      return t('timestamp.report.noPermission', { host: not.detail ?? '' });
    default:
      return t('timestamp.export.notStamped', { reason: t(`timestamp.error.${not.reason}`) });
  }
}

/**
 * Each file's own trusted timestamp in a dossier: manifest.json `timestamps` lists, for every file in evidence/,
 * its token (the record, and the token's DER as timestamps/<file name>.tsr, which `openssl ts -verify -data`
 * reads beside the file) or why it has none. Vouched for by the export entry's manifest digest like the rest of
 * the manifest, and self-verifying besides: `npm run verify` checks each token against its file's hash and
 * against the custody log's 'timestamped' entry of it. Also what the case page and the report say of a file.
 */
import { z } from 'zod';
import { TIMESTAMP_FAILURES, type EvidenceTimestamp, type TimestampFailure } from '../common/model';
import type { Translate } from '../i18n';
import { authorityName, timestampRecordSchema, type TimestampRecord } from '../timestamp/record-schema';

export const TIMESTAMPS_DIR = 'timestamps/';

/**
 * Why a file has no token: a TimestampFailure, 'pending' (asked, no answer yet when it was exported) or
 * 'not-asked' (saved before DisputeKit timestamped each file, or restored without one).
 */
export const FILE_NOT_TIMESTAMPED = [...TIMESTAMP_FAILURES, 'pending', 'not-asked'] as const;
export type FileNotTimestampedReason = (typeof FILE_NOT_TIMESTAMPED)[number];

export const ManifestTimestampSchema = z.union([
  z.strictObject({ of: z.string(), evidenceId: z.string(), path: z.string(), record: timestampRecordSchema }),
  z.strictObject({ of: z.string(), evidenceId: z.string(), notTimestamped: z.object({ reason: z.enum(FILE_NOT_TIMESTAMPED), detail: z.string().max(2000).optional() }) }),
]);
export type ManifestTimestamp = z.infer<typeof ManifestTimestampSchema>;

/** timestamps/<the file's name without its extension>.tsr: beside nothing else (the head's is custody-head.tsr; files are numbered). */
export function tokenPath(evidenceFilePath: string): string {
  return TIMESTAMPS_DIR + evidenceFilePath.replace(/^.*\//, '').replace(/\.[a-z0-9]+$/, '') + '.tsr';
}

/** Why an item has no token, from its stored state; undefined when it has one. */
export function notTimestampedOf(timestamp: EvidenceTimestamp | undefined): { reason: FileNotTimestampedReason; detail?: string } | undefined {
  switch (timestamp?.state) {
    case undefined:
      return { reason: 'not-asked' };
    case 'stamped':
      return undefined;
    case 'off':
      return { reason: 'off' };
    case 'queued':
      return { reason: 'pending' };
    case 'waiting':
      return timestamp.failure ? { reason: timestamp.failure.reason, ...(timestamp.failure.detail && { detail: timestamp.failure.detail }) } : { reason: 'pending' };
  }
}

/** The manifest's line of one file: its token, or why it has none. */
export function manifestTimestamp(path: string, evidenceId: string, timestamp: EvidenceTimestamp | undefined): ManifestTimestamp {
  if (timestamp?.state === 'stamped') return { of: path, evidenceId, path: tokenPath(path), record: timestamp.record };
  return { of: path, evidenceId, notTimestamped: notTimestampedOf(timestamp)! };
}

/** Why a file is not timestamped, as one sentence in the user's language ("Not timestamped: …"). */
export function fileNotTimestampedText(t: Translate, reason: FileNotTimestampedReason | TimestampFailure, detail?: string): string {
  switch (reason) {
    case 'off':
      return t('timestamp.file.off');
    case 'no-authority':
      return t('timestamp.report.noAuthority');
    case 'no-permission':
      return t('timestamp.report.noPermission', { host: detail ?? '' });
    case 'pending':
      return t('timestamp.file.pending');
    case 'not-asked':
      return t('timestamp.file.notAsked');
    default:
      return t('timestamp.file.failed', { reason: t(`timestamp.error.${reason}`) });
  }
}

/** "Timestamped by … at …" of a kept token, its time in the user's language and zone. */
export function fileTimestampedText(t: Translate, lang: string, record: TimestampRecord, timeZone?: string): string {
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long', ...(timeZone && { timeZone }) }).format(new Date(record.summary.genTime));
  return t('timestamp.export.stamped', { authority: authorityName(record), time });
}

/**
 * The backup file: one ZIP holding `backup.json` (every record, with each Blob replaced by a reference) and
 * `blobs/<id>` (the files themselves, stored as they are). This module names the format and parses its
 * outer shape; each record inside is checked against lib/common/model.ts by lib/backup/read.ts.
 */
import { z } from 'zod';
import { TABLE_NAMES } from '../cases/schema';

export const BACKUP_FORMAT = 'disputekit-backup';
/** Raised only when a change makes older readers misread a file; a reader refuses versions above its own. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'backup.json';
export const BLOB_DIR = 'blobs/';

/** A backup carries every table, in the order they are restored. */
export const BACKUP_TABLES = TABLE_NAMES;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/** Tables added after the first backups were made: a backup without one has none of its records. */
const LATER_TABLES: readonly BackupTable[] = ['readings'];

/**
 * Size caps, checked before anything is read or inflated (the file's size, then each entry's size as the
 * ZIP's central directory declares it): a restore holds the backup in memory, so a file that claims more
 * is refused with a clear message rather than taking the browser's memory. Inflating stops at the declared
 * size, so an entry that lies about its size comes out short and fails its SHA-256.
 */
export const MAX_BACKUP_FILE_BYTES = 2 * 1024 ** 3;
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
export const MAX_ENTRY_BYTES = 1024 ** 3;
export const MAX_MANIFEST_BYTES = 256 * 1024 ** 2;
export const MAX_ENTRIES = 200_000;

/** Blob ids become file names: no slashes, no dots at the start, nothing a ZIP tool could misread as a path. */
export const BlobIdSchema = z.string().regex(/^[0-9A-Za-z_-][0-9A-Za-z._-]{0,199}$/);
/** Where a record held a Blob, the backup holds this. */
export const BlobRefSchema = z.object({ blob: BlobIdSchema });

export const BlobEntrySchema = z.object({
  id: BlobIdSchema,
  /** Lower-case hex SHA-256 of the file's bytes, as written. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** The Blob's MIME type, so a restored Blob is the same as the saved one. */
  type: z.string().max(200),
});
export type BlobEntry = z.infer<typeof BlobEntrySchema>;

/** Only the header is checked first, so a wrong format or a future version gets its own clear message. */
export const ManifestHeaderSchema = z.object({
  format: z.string(),
  version: z.number().int(),
});

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive().max(BACKUP_FORMAT_VERSION),
  /** UTC, ISO 8601 with Z. */
  exportedAt: z.string(),
  extensionVersion: z.string(),
  /** The database version (lib/cases/db.ts SCHEMA_HISTORY) the records were read from. */
  dbVersion: z.number().int().positive(),
  /** Checked against SettingsSchema on restore. */
  settings: z.unknown(),
  currentCase: z.object({ caseId: z.string().min(1), at: z.string() }).nullable(),
  blobs: z.array(BlobEntrySchema),
  /** Records are checked one by one (lib/common/model.ts), so the report can name each bad one. */
  tables: z.object(
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, LATER_TABLES.includes(t) ? z.array(z.unknown()).default([]) : z.array(z.unknown())])) as unknown as Record<
      BackupTable,
      z.ZodDefault<z.ZodArray<z.ZodUnknown>>
    >,
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

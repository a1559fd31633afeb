/**
 * Making the backup: every table, the settings and the current case in `backup.json`, and every evidence
 * file and thumbnail as `blobs/<id>`, each streamed from its Blob into the ZIP one after another, so the
 * files are never joined in memory; the ZIP comes out as a list of chunks that become one Blob.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { KeyValueArea } from '../cases/current-case';
import { CURRENT_CASE_KEY } from '../cases/current-case';
import type { DisputeKitDB } from '../cases/db';
import { SCHEMA_HISTORY } from '../cases/schema';
import { readEveryTable } from '../cases/whole-database';
import { sha256Hex } from '../common/hash';
import { loadSettings } from '../settings/settings';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BLOB_DIR, MANIFEST_PATH, type BlobEntry, type Manifest } from './format';

export interface BackupDeps {
  database: DisputeKitDB;
  storage: KeyValueArea;
  extensionVersion: string;
  now(): Date;
}

/** The latest database version this build declares: the shape of the records it writes. */
export const DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1].version;

/** `disputekit-backup-2026-11-21.zip` */
export function backupFileName(at: Date): string {
  return `disputekit-backup-${at.toISOString().slice(0, 10)}.zip`;
}

/** Streams one Blob into the archive; resolves when its last chunk is in. */
async function addBlob(zip: Zip, path: string, blob: Blob): Promise<void> {
  // Images are already compressed; pages and archives (HTML, MHTML, text) shrink a lot.
  const entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = blob.type.startsWith('image/') || blob.type.startsWith('video/')
    ? new ZipPassThrough(path)
    : new ZipDeflate(path, { level: 6 });
  zip.add(entry);
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    entry.push(value);
  }
  entry.push(new Uint8Array(0), true);
}

/** The backup as one ZIP Blob. */
export async function buildBackup(deps: BackupDeps): Promise<Blob> {
  const tables = await readEveryTable(deps.database);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else chunks.push(data);
    if (final) ended = true;
  });

  const blobs: BlobEntry[] = [];
  let counter = 0;
  /** Writes the file and returns the reference that replaces it in the record. */
  async function stored(blob: Blob): Promise<{ blob: string }> {
    const id = `b${String(++counter).padStart(6, '0')}`;
    // Hashed before it is streamed: the manifest records what the file held when it was written.
    blobs.push({ id, sha256: await sha256Hex(blob), bytes: blob.size, type: blob.type });
    await addBlob(zip, `${BLOB_DIR}${id}`, blob);
    return { blob: id };
  }

  const evidence: unknown[] = [];
  for (const row of tables.evidence as Array<Record<string, unknown>>) {
    const { blob, thumbnail, ...rest } = row;
    evidence.push({
      ...rest,
      blob: await stored(blob as Blob),
      ...(thumbnail ? { thumbnail: await stored(thumbnail as Blob) } : {}),
    });
  }

  const current = (await deps.storage.get(CURRENT_CASE_KEY))[CURRENT_CASE_KEY] as Manifest['currentCase'] | undefined;
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    exportedAt: deps.now().toISOString(),
    extensionVersion: deps.extensionVersion,
    dbVersion: DB_VERSION,
    settings: await loadSettings(deps.storage),
    currentCase: current && typeof current.caseId === 'string' && typeof current.at === 'string' ? { caseId: current.caseId, at: current.at } : null,
    blobs,
    tables: { ...tables, evidence },
  };
  const json = new ZipDeflate(MANIFEST_PATH, { level: 6 });
  zip.add(json);
  json.push(strToU8(JSON.stringify(manifest, null, 1)), true);
  zip.end();
  if (failure) throw failure;
  if (!ended) throw new Error('the ZIP did not finish');
  return new Blob(chunks as BlobPart[], { type: 'application/zip' });
}

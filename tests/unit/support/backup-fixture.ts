/** Helpers shared by the backup tests: a database snapshot to prove "nothing was written", and backups edited after they were made. */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { RestoreOutcome } from '@/lib/backup/restore';
import type { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';

/** Every table, blobs as their SHA-256 and size, in a stable order. */
export async function snapshot(database: DisputeKitDB) {
  const evidence = [];
  for (const e of await database.evidence.orderBy('id').toArray()) {
    const { blob, thumbnail, ...rest } = e;
    evidence.push({ ...rest, blob: [await sha256Hex(blob), blob.size, blob.type], thumbnail: thumbnail && [await sha256Hex(thumbnail), thumbnail.size, thumbnail.type] });
  }
  return {
    cases: await database.cases.orderBy('id').toArray(),
    evidence,
    events: await database.events.orderBy('id').toArray(),
    checklist: await database.checklist.toArray(),
    custody: await database.custody.toArray(),
    contacts: await database.contacts.orderBy('id').toArray(),
    sentNotifications: await database.sentNotifications.toArray(),
    readings: await database.readings.orderBy('id').toArray(),
  };
}

export async function files(zip: Blob): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await zip.arrayBuffer()));
}

/** The backup with its backup.json (and files) changed. */
export async function altered(zip: Blob, change: (manifest: any, entries: Record<string, Uint8Array>) => void): Promise<Blob> {
  const entries = await files(zip);
  const manifest = JSON.parse(new TextDecoder().decode(entries['backup.json']));
  change(manifest, entries);
  entries['backup.json'] = strToU8(JSON.stringify(manifest));
  return new Blob([zipSync(entries as Zippable) as BlobPart]);
}

/** The rejections (record, field, reason), without what the report names them by (`about`: tested on its own). */
export function rejected(outcome: RestoreOutcome) {
  if (outcome.ok || !('rejected' in outcome)) throw new Error(`expected rejections, got ${JSON.stringify(outcome)}`);
  return outcome.rejected.map(({ about: _about, ...rejection }) => rejection);
}

/**
 * How much room evidence takes: this case's files (summed from the evidence rows' `bytes`, never reading the
 * blobs) and what the browser says the extension uses of its quota.
 */
import type { DisputeKitDB } from './db';
import type { Translate } from '../i18n';
import type { CaseRecord } from '../common/model';

export interface StorageUse {
  /** Bytes of this case's files and thumbnails. */
  caseBytes: number;
  /** Bytes of every case's files and thumbnails. */
  allCasesBytes: number;
  /** What the browser counts for this extension (database overhead included), when it says. */
  used?: number;
  quota?: number;
}

export type Estimate = () => Promise<{ usage?: number; quota?: number }>;

export async function storageUse(database: DisputeKitDB, caseId: string, estimate: Estimate | undefined): Promise<StorageUse> {
  let caseBytes = 0;
  let allCasesBytes = 0;
  // Rows hold their blobs as references: iterating them does not load file contents.
  await database.evidence.each((e) => {
    const size = e.bytes + (e.thumbnail?.size ?? 0);
    allCasesBytes += size;
    if (e.caseId === caseId) caseBytes += size;
  });
  const browserSays = await estimate?.().catch(() => undefined);
  return {
    caseBytes,
    allCasesBytes,
    ...(typeof browserSays?.usage === 'number' && { used: browserSays.usage }),
    ...(typeof browserSays?.quota === 'number' && { quota: browserSays.quota }),
  };
}

const UNITS = ['size.kB', 'size.MB', 'size.GB', 'size.TB'] as const;

/**
 * "1.4 MB", "820 kB", "512 bytes" in the user's language (decimal units, as disks and browsers count them).
 * The unit names are the catalogue's: Intl's own are English abbreviations in some languages ("kB" in Chinese).
 */
export function formatBytes(bytes: number, t: Translate, lang: string): string {
  if (bytes < 1000) return t('size.bytes', { n: bytes });
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return t(UNITS[unit], { n: new Intl.NumberFormat(lang, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value) });
}

export interface CaseStorageRow {
  caseId: string;
  platform: CaseRecord['platform'];
  orderId: string;
  files: number;
  /** Files and thumbnails. */
  bytes: number;
}

/** Room taken by each case (largest first) and in all, from the rows' sizes, never reading the blobs. */
export async function storageByCase(database: DisputeKitDB): Promise<{ rows: CaseStorageRow[]; files: number; bytes: number }> {
  const rows = new Map<string, CaseStorageRow>();
  await database.cases.each((c) => rows.set(c.id, { caseId: c.id, platform: c.platform, orderId: c.orderId, files: 0, bytes: 0 }));
  let files = 0;
  let bytes = 0;
  await database.evidence.each((e) => {
    const size = e.bytes + (e.thumbnail?.size ?? 0);
    files++;
    bytes += size;
    const row = rows.get(e.caseId);
    if (row) {
      row.files++;
      row.bytes += size;
    }
  });
  return { rows: [...rows.values()].sort((a, b) => b.bytes - a.bytes || (a.caseId < b.caseId ? -1 : 1)), files, bytes };
}

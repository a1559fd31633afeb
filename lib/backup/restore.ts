/**
 * Restoring a backup file: read and check everything (lib/backup/read.ts), then, in ONE transaction over
 * every table, read what is here, plan the merge (lib/backup/merge.ts) and write it. Any rejection writes
 * nothing; a failure while writing aborts the transaction, so the database stays as it was.
 */
import { getCurrentCaseId, setCurrentCase, type KeyValueArea } from '../cases/current-case';
import { getCase } from '../cases/cases';
import type { DisputeKitDB } from '../cases/db';
import { mergeInOneTransaction } from '../cases/whole-database';
import { saveSettings, type SettingsStorage } from '../settings/settings';
import { MAX_BACKUP_FILE_BYTES } from './format';
import { planRestore, type RestorePlan } from './merge';
import { describeRejected, openBackup, validateBackup, type FileProblem, type Rejection } from './read';

export interface RestoreReport {
  cases: RestorePlan['cases'];
  added: { evidence: number; events: number; checklist: number; custody: number; contacts: number; sentNotifications: number; readings: number };
  skippedIdentical: number;
  skippedDeleted: number;
  settingsRestored: boolean;
  currentCaseRestored: boolean;
  exportedAt: string;
}

export type RestoreOutcome =
  | { ok: true; report: RestoreReport }
  /** The file is not a backup this version can read; nothing was written. */
  | { ok: false; problem: FileProblem }
  /** Some records did not pass; nothing was written. */
  | { ok: false; rejected: Rejection[] };

export interface RestoreDeps {
  database: DisputeKitDB;
  storage: KeyValueArea & SettingsStorage;
  /** This computer's clock: no time in the backup may be later (lib/backup/checks.ts). */
  now?(): Date;
}

/**
 * Reads, checks and merges the backup into the database: all of it or, if anything is rejected or
 * fails, none of it. Settings and the current case are written after the records are in.
 */
export async function restoreBackup(deps: RestoreDeps, file: Blob): Promise<RestoreOutcome> {
  // Refused before it is read: the restore holds the whole file in memory.
  if (file.size > MAX_BACKUP_FILE_BYTES) return { ok: false, problem: { kind: 'file-too-large', bytes: file.size, max: MAX_BACKUP_FILE_BYTES } };
  const opened = openBackup(new Uint8Array(await file.arrayBuffer()));
  if (!opened.ok) return { ok: false, problem: opened.problem };
  // Files are hashed here, before the transaction: IndexedDB would commit it while WebCrypto works.
  const { backup, rejected } = await validateBackup(opened.manifest, opened.files, deps.now?.() ?? new Date());

  const { database } = deps;
  const plan = await mergeInOneTransaction(database, backup, (local) => {
    const planned = planRestore(backup, local);
    return { planned, writes: rejected.length === 0 && planned.rejected.length === 0 ? planned.writes : undefined };
  });
  const allRejected = [...rejected, ...plan.rejected];
  if (allRejected.length > 0) return { ok: false, rejected: describeRejected(opened.manifest, allRejected) };

  let settingsRestored = false;
  if (backup.settings) {
    await saveSettings(deps.storage, backup.settings);
    settingsRestored = true;
  }
  // The backup's current case only when there is none here: the user's own choice is newer.
  let currentCaseRestored = false;
  if (backup.currentCase && !(await getCurrentCaseId(deps.storage)) && (await getCase(database, backup.currentCase.caseId))) {
    await setCurrentCase(deps.storage, backup.currentCase.caseId, new Date(backup.currentCase.at));
    currentCaseRestored = true;
  }
  const w = plan.writes;
  return {
    ok: true,
    report: {
      cases: plan.cases,
      added: {
        evidence: w.evidence.length,
        events: w.events.length,
        checklist: w.checklist.length,
        custody: w.custody.length,
        contacts: w.contacts.length,
        sentNotifications: w.sentNotifications.length,
        readings: w.readings.length,
      },
      skippedIdentical: plan.skippedIdentical,
      skippedDeleted: plan.skippedDeleted,
      settingsRestored,
      currentCaseRestored,
      exportedAt: backup.exportedAt,
    },
  };
}

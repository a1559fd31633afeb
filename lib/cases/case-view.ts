/** What the case page shows of one case, read in one go so a live read (lib/cases/live.ts) follows all of it. */
import { getCase, getCaseEvidence } from './cases';
import type { DisputeKitDB } from './db';
import { getReadings } from './readings';
import { storageUse, type Estimate, type StorageUse } from './storage-meter';
import type { CaseRecord, EvidenceRecord, Reading } from '../common/model';

export interface CaseView {
  record: CaseRecord;
  /** Oldest capture first, each capture as screenshot → archive → HTML. */
  evidence: EvidenceRecord[];
  readings: Reading[];
  storage: StorageUse;
}

/** The case, its evidence, its readings and the room it takes; null when there is no such case. */
export async function readCaseView(database: DisputeKitDB, caseId: string, estimate: Estimate | undefined): Promise<CaseView | null> {
  const record = await getCase(database, caseId);
  if (!record) return null;
  const evidence = await getCaseEvidence(database, caseId);
  const readings = await getReadings(database, caseId);
  // Last: the browser's estimate is not a database read, and a live read tracks only what came before it.
  const storage = await storageUse(database, caseId, estimate);
  return { record, evidence, readings, storage };
}

/** Everything a dossier holds about one case, from one read of its rows, so all of it is the same moment's. */
import { caseDeadlines } from '../deadlines/case-input';
import { readCaseRows, type CaseRows } from '../cases/cases';
import type { CustodyEntry } from '../cases/custody';
import type { DisputeKitDB } from '../cases/db';
import { inCaptureOrder } from '../cases/evidence-order';
import type { Deadline } from '../deadlines';
import type { CaseRecord, ChecklistStepState, ContactRecord, EvidenceRecord, Reading, TimelineEvent } from '../common/model';

export interface DossierCase {
  record: CaseRecord;
  evidence: EvidenceRecord[];
  custody: CustodyEntry[];
  contacts: ContactRecord[];
  checklist: ChecklistStepState[];
  events: TimelineEvent[];
  /** Every reading of the order's page (what it said, when, how it was read), oldest first. */
  readings: Reading[];
  deadlines: Deadline[];
}

/** The dossier's view of a case's rows (read with readCaseRows), with its deadlines as of `now`. */
export function dossierCase(rows: CaseRows, now: Date): DossierCase {
  const { case: record, evidence, custody, contacts, checklist, events, readings } = rows;
  // The dossier numbers its files in this order: each capture as screenshot → archive → HTML.
  return { record, evidence: inCaptureOrder(evidence), custody, contacts, checklist, events, readings, deadlines: caseDeadlines(record, contacts, now) };
}

export async function gatherCase(database: DisputeKitDB, caseId: string, now: Date): Promise<DossierCase | null> {
  const rows = await readCaseRows(database, caseId);
  return rows && dossierCase(rows, now);
}

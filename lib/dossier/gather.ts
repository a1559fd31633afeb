/** Everything a dossier holds about one case, read in one transaction so all of it is the same moment's. */
import { caseDeadlines } from '../case-deadlines';
import { getCaseEvidence, getCustodyLog } from '../cases';
import { listContacts } from '../contacts';
import type { CustodyEntry } from '../custody';
import type { DisputeKitDB } from '../db';
import type { Deadline } from '../deadlines';
import type { CaseRecord, ChecklistStepState, ContactRecord, EvidenceRecord, TimelineEvent } from '../model';

export interface DossierCase {
  record: CaseRecord;
  evidence: EvidenceRecord[];
  custody: CustodyEntry[];
  contacts: ContactRecord[];
  checklist: ChecklistStepState[];
  events: TimelineEvent[];
  deadlines: Deadline[];
}

export async function gatherCase(database: DisputeKitDB, caseId: string, now: Date): Promise<DossierCase | null> {
  const tables = [database.cases, database.evidence, database.custody, database.contacts, database.checklist, database.events];
  return database.transaction('r', tables, async () => {
    const record = await database.cases.get(caseId);
    if (!record) return null;
    const [evidence, custody, contacts, checklist, events] = await Promise.all([
      getCaseEvidence(database, caseId),
      getCustodyLog(database, caseId),
      listContacts(database, caseId),
      database.checklist.where('caseId').equals(caseId).toArray(),
      database.events.where('caseId').equals(caseId).toArray(),
    ]);
    return { record, evidence, custody, contacts, checklist, events, deadlines: caseDeadlines(record, contacts, now) };
  });
}

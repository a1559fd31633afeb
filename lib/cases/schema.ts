/**
 * The database's shape: its tables, their rows and every schema version with its upgrade. Pure data, with
 * no Dexie object: backup and restore read it to know what a whole database holds (lib/cases/db.ts opens it).
 */
import type { Transaction } from 'dexie';
import { chainEntries, type CustodyEntry } from './custody';
import { timestampDueOf, type CaseRecord, type ChecklistStepState, type ContactRecord, type EvidenceRecord, type Reading, type SentNotification, type TimelineEvent } from '../common/model';

export const DB_NAME = 'disputekit';

/** The rows of every table, by table name: what a backup carries and a restore writes. */
export interface TableRows {
  cases: CaseRecord[];
  evidence: EvidenceRecord[];
  events: TimelineEvent[];
  checklist: ChecklistStepState[];
  custody: CustodyEntry[];
  contacts: ContactRecord[];
  sentNotifications: SentNotification[];
  readings: Reading[];
}
/** Every table, cases first (a transaction over a case's rows names them in this order). */
export const TABLE_NAMES = ['cases', 'evidence', 'events', 'checklist', 'custody', 'contacts', 'sentNotifications', 'readings'] as const satisfies readonly (keyof TableRows)[];
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Tables of what is worked out from the others, which a backup does not carry and a restore does not write:
 * the dashboard's stored order (lib/cases/case-ranks.ts), which the deadline check writes again.
 */
export const DERIVED_TABLES = ['caseRanks'] as const;

/**
 * The tables the deadlines are computed from (lib/deadlines/check): a case's dates, state and order facts, its
 * contact log and its checklist ticks (a capture's "document" tick included). A committed write to any of them
 * may move a deadline, so it runs the deadline check (DisputeKitDB's `onDeadlineInputsChanged`).
 */
export const DEADLINE_INPUT_TABLES: ReadonlySet<TableName> = new Set<TableName>(['cases', 'contacts', 'checklist']);

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_HISTORY: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, &[platform+orderId], updatedAt',
      evidence: 'id, caseId, [caseId+capturedAt], sha256',
    },
  },
  {
    // 0.1: room for the timeline (contacts, custody log) and checklist progress. Existing cases get their
    // "case opened" and "evidence captured" events so their timeline starts complete.
    version: 2,
    stores: {
      events: '++id, caseId, [caseId+at], type',
      checklist: '[caseId+stepId], caseId',
    },
    async upgrade(tx) {
      const cases = await tx.table<CaseRecord>('cases').toArray();
      const events: TimelineEvent[] = cases.map((c) => ({ caseId: c.id, at: c.createdAt, type: 'case-opened' }));
      await tx.table<EvidenceRecord>('evidence').each((e) => {
        events.push({ caseId: e.caseId, at: e.capturedAt, type: 'evidence-captured', evidenceIds: [e.id] });
      });
      await tx.table('events').bulkAdd(events);
    },
  },
  {
    // 0.2: the chain of custody (lib/cases/custody.ts). Evidence saved before it gets 'recorded' entries in
    // capture order, so every case's log starts complete; the log vouches for those items from now on.
    version: 3,
    stores: {
      custody: '[caseId+seq], caseId',
    },
    async upgrade(tx) {
      const byCase = new Map<string, EvidenceRecord[]>();
      await tx.table<EvidenceRecord>('evidence').each((e) => {
        byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
      });
      const entries: CustodyEntry[] = [];
      for (const [caseId, items] of byCase) {
        items.sort((a, b) => (a.capturedAt === b.capturedAt ? (a.id < b.id ? -1 : 1) : a.capturedAt < b.capturedAt ? -1 : 1));
        entries.push(...chainEntries(caseId, undefined, items.map((e) => ({ at: e.capturedAt, action: 'recorded' as const, evidenceId: e.id, sha256: e.sha256 }))));
      }
      await tx.table('custody').bulkAdd(entries);
    },
  },
  {
    // Deadlines: the contact log, and the deadline notifications already sent (one per case + rule + threshold).
    version: 4,
    stores: {
      contacts: 'id, caseId, [caseId+at]',
      sentNotifications: '[caseId+rule+thresholdHours], caseId',
    },
  },
  {
    // Readings (lib/cases/readings.ts): every save keeps what the page said and when, so a page can no longer
    // replace a case's facts unseen. Each existing case gets one reading of the facts it holds, so its
    // history starts complete.
    version: 5,
    stores: {
      readings: '++id, caseId, [caseId+at]',
    },
    async upgrade(tx) {
      const readings: Reading[] = [];
      await tx.table<CaseRecord>('cases').each((c) => {
        readings.push({ caseId: c.id, at: c.updatedAt, source: 'before-readings', order: c.order });
      });
      await tx.table('readings').bulkAdd(readings);
    },
  },
  {
    // The dashboard's stored order (lib/cases/case-ranks.ts): one rank per case, written by the deadline
    // check, so the first page of 10,000 cases is 50 index reads, not 10,000 deadline computations. Derived
    // data, not a table of TableRows: backups do not carry it; the check writes it again after a restore.
    // Empty at first: until the first check the dashboard works every case out, as before.
    // Evidence: an index of the items whose trusted timestamp is due (`timestampDue`, timestampDueOf), so a
    // worker's start asks the index for them instead of reading every item; existing items get theirs.
    version: 6,
    stores: {
      caseRanks: 'caseId, order, changesAt',
      evidence: 'id, caseId, [caseId+capturedAt], sha256, timestampDue',
    },
    async upgrade(tx) {
      await tx
        .table<EvidenceRecord>('evidence')
        .toCollection()
        .modify((row) => {
          const due = timestampDueOf(row);
          if (due === undefined) delete row.timestampDue;
          else row.timestampDue = due;
        });
    },
  },
];

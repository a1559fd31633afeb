/**
 * The one database: cases and their evidence in IndexedDB, owned by the extension's own origin (content
 * scripts cannot open it). Versions are declared in order and never edited once shipped: a schema change
 * is a new entry in SCHEMA_HISTORY, with an upgrade where data must move.
 */
import Dexie, { type DBCore, type DBCoreTransaction, type EntityTable, type Transaction } from 'dexie';
import { chainEntries, type CustodyEntry } from './custody';
import type { CaseRecord, ChecklistStepState, ContactRecord, EvidenceRecord, Reading, SentNotification, TimelineEvent } from '../common/model';

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
 * The tables the deadlines are computed from (lib/deadlines/check): a case's dates, state and order facts, its
 * contact log and its checklist ticks (a capture's "document" tick included). A committed write to any of them
 * may move a deadline, so it runs the deadline check (DisputeKitDB's `onDeadlineInputsChanged`).
 */
export const DEADLINE_INPUT_TABLES: ReadonlySet<TableName> = new Set<TableName>(['cases', 'contacts', 'checklist']);

interface SchemaVersion {
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
];

export interface DatabaseOptions {
  /**
   * Called once after each committed transaction that wrote to a deadline input (DEADLINE_INPUT_TABLES):
   * the background runs the deadline check there, an extension page asks the background to. Writers never
   * call anything themselves, so no write can forget it.
   */
  onDeadlineInputsChanged?: () => void;
}

/**
 * A DBCore middleware (https://dexie.org/docs/Dexie/Dexie.use()): marks a read-write transaction that mutated a
 * deadline input and, when that transaction completes (committed, not aborted), calls `changed`.
 */
function deadlineInputsMiddleware(changed: () => void) {
  return {
    stack: 'dbcore' as const,
    name: 'DeadlineInputs',
    create(down: DBCore): DBCore {
      const mutated = new WeakSet<DBCoreTransaction>();
      return {
        ...down,
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.some((name) => DEADLINE_INPUT_TABLES.has(name as TableName))) {
            // Dexie's default DBCore hands out the IDBTransaction itself (its cache middleware listens the same way).
            (trans as unknown as IDBTransaction).addEventListener('complete', () => {
              if (mutated.has(trans)) changed();
            });
          }
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!DEADLINE_INPUT_TABLES.has(name as TableName)) return table;
          return {
            ...table,
            mutate(request) {
              mutated.add(request.trans);
              return table.mutate(request);
            },
          };
        },
      };
    },
  };
}

export class DisputeKitDB extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
  checklist!: Dexie.Table<ChecklistStepState, [string, string]>;
  custody!: Dexie.Table<CustodyEntry, [string, number]>;
  contacts!: EntityTable<ContactRecord, 'id'>;
  sentNotifications!: Dexie.Table<SentNotification, [string, string, number]>;
  readings!: EntityTable<Reading, 'id'>;

  /** See DatabaseOptions; may be set after opening (each context wires its own, see connectDeadlineCheck). */
  onDeadlineInputsChanged: (() => void) | undefined;

  /** `upToVersion` exists for upgrade tests: it opens the database as an older release declared it. */
  constructor(name = DB_NAME, upToVersion = Infinity, options: DatabaseOptions = {}) {
    super(name);
    this.onDeadlineInputsChanged = options.onDeadlineInputsChanged;
    this.use(deadlineInputsMiddleware(() => this.onDeadlineInputsChanged?.()));
    for (const v of SCHEMA_HISTORY) {
      if (v.version > upToVersion) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: DisputeKitDB | undefined;
/** The database of this extension context, opened on first use. */
export function db(): DisputeKitDB {
  shared ??= new DisputeKitDB();
  return shared;
}

/**
 * Wires this context's database to the deadline check, once at its start: the background to the check itself,
 * an extension page to a message asking the background (a page cannot show notifications or set alarms for
 * the worker). From then on every committed write to a deadline input runs it.
 */
export function connectDeadlineCheck(run: () => void): DisputeKitDB {
  const database = db();
  database.onDeadlineInputsChanged = run;
  return database;
}

/**
 * The one database: cases and their evidence in IndexedDB, owned by the extension's own origin (content
 * scripts cannot open it). Versions are declared in order and never edited once shipped: a schema change
 * is a new entry in SCHEMA_HISTORY, with an upgrade where data must move.
 */
import Dexie, { type DBCore, type DBCoreTransaction, type EntityTable } from 'dexie';
import type { CustodyEntry } from './custody';
import type { CaseRank } from './case-ranks';
import { DB_NAME, DEADLINE_INPUT_TABLES, SCHEMA_HISTORY, type TableName } from './schema';
import type { CaseRecord, ChecklistStepState, ContactRecord, EvidenceRecord, Reading, SentNotification, TimelineEvent } from '../common/model';

export interface DatabaseOptions {
  /**
   * Called once after each committed transaction that wrote to a deadline input (DEADLINE_INPUT_TABLES):
   * the background runs the deadline check there, an extension page asks the background to. Writers never
   * call anything themselves, so no write can forget it.
   */
  onDeadlineInputsChanged?: () => void;
  /**
   * Called after a capture or an import has committed new evidence (lib/cases/cases.ts saveCapture,
   * addEvidenceToCase): the background asks for their trusted timestamps, a page asks the background to.
   * Not called for a restore or an Undo: those items keep the timestamps they came with.
   */
  onEvidenceSaved?: (evidenceIds: string[]) => void;
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
  caseRanks!: EntityTable<CaseRank, 'caseId'>;

  /** See DatabaseOptions; may be set after opening (each context wires its own, see connectDeadlineCheck). */
  onDeadlineInputsChanged: (() => void) | undefined;
  /** See DatabaseOptions; set by each context (the background: lib/capture/timestamp-evidence.ts). */
  onEvidenceSaved: ((evidenceIds: string[]) => void) | undefined;

  /** `upToVersion` exists for upgrade tests: it opens the database as an older release declared it. */
  constructor(name = DB_NAME, upToVersion = Infinity, options: DatabaseOptions = {}) {
    super(name);
    this.onDeadlineInputsChanged = options.onDeadlineInputsChanged;
    this.onEvidenceSaved = options.onEvidenceSaved;
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

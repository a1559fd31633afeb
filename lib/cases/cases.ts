/**
 * Cases and their evidence: the one place that reads and writes them. Background and extension pages call
 * these functions; nothing else touches the tables.
 */
import Dexie from 'dexie';
import { chainEntries, evidenceMetadata, metadataDigest, type CustodyEntry, type CustodyEvent } from './custody';
import { type DisputeKitDB } from './db';
import { TABLE_NAMES, type TableRows } from './schema';
import { inCaptureOrder } from './evidence-order';
import type { Platform } from '../common/marketplaces';
import type { CaseRecord, EvidenceRecord, OrderFacts, Reading, ReadingSource, TimelineEvent } from '../common/model';
import { CaseSchema, EvidenceSchema, ReadingSchema } from '../common/model';
import { isClosingStatus, userWorkedOn } from './order-state';
import { mergeCountdowns } from '../readers/steady-countdowns';
import { replacesFacts } from './readings';
import { ladderOf } from '../deadlines/rules';

export function caseIdFor(platform: Platform, orderId: string): string {
  return `${platform}:${orderId}`;
}

export interface NewCapture {
  platform: Platform;
  order: OrderFacts;
  evidence: Omit<EvidenceRecord, 'caseId'>[];
  now: Date;
  /** Who read the facts (default 'capture'): the page's own button never replaces a case's facts (lib/cases/readings.ts). */
  source?: ReadingSource;
  /** The page read; by default the first item's page. */
  url?: string;
}

/** The reading a save keeps of the facts it read. */
function readingOf(caseId: string, at: string, source: ReadingSource, order: OrderFacts, url: string | undefined): Reading {
  return ReadingSchema.parse({ caseId, at, source, order, ...(url !== undefined && { url }) });
}

/**
 * Saves one capture: creates the order's case or (when the user started the save) refreshes its order facts,
 * keeps what the page said as a reading, and adds the evidence and a timeline event, all in one transaction,
 * so a failure (a full disk, a closed worker) saves nothing of it.
 */
export async function saveCapture(database: DisputeKitDB, capture: NewCapture): Promise<{ caseId: string; evidenceIds: string[] }> {
  const caseId = caseIdFor(capture.platform, capture.order.orderId);
  const at = capture.now.toISOString();
  const source = capture.source ?? 'capture';
  const evidence = capture.evidence.map((e) => newEvidence(e, caseId));
  const reading = readingOf(caseId, at, source, capture.order, capture.url ?? evidence.find((e) => e.page)?.page?.url);
  await database.transaction('rw', [database.cases, database.evidence, database.events, database.custody, database.readings, database.checklist], async () => {
    const existing = await database.cases.get(caseId);
    await tickDocumented(database, caseId, capture.platform, evidence, at);
    const record: CaseRecord = existing
      ? {
          ...existing,
          ...(replacesFacts(source) && { order: mergeOrder(existing.order, capture.order) }),
          // Evidence the user captures for a case a list save filed as closed (a cancelled order) means they are
          // working on it again: it is open, with its badge and reminders. A resolved case stays resolved.
          ...(replacesFacts(source) && existing.state === 'closed' && { state: 'open' as const }),
          updatedAt: at,
        }
      : { id: caseId, platform: capture.platform, orderId: capture.order.orderId, order: capture.order, state: 'open', createdAt: at, updatedAt: at };
    await database.cases.put(CaseSchema.parse(record));
    await database.readings.add(reading);
    const events: TimelineEvent[] = [];
    if (!existing) events.push({ caseId, at, type: 'case-opened' });
    events.push({ caseId, at, type: 'evidence-captured', evidenceIds: evidence.map((e) => e.id) });
    await database.evidence.bulkAdd(evidence);
    await database.events.bulkAdd(events);
    await appendCustody(database, caseId, addedEvents(evidence, at));
  });
  return evidenceSaved(database, caseId, evidence);
}

/** A new item as it is stored: in its case, its trusted timestamp still to be asked (after the save, never before). */
function newEvidence(item: Omit<EvidenceRecord, 'caseId'>, caseId: string): EvidenceRecord {
  return EvidenceSchema.parse({ ...item, caseId, timestamp: { state: 'queued' }, timestampDue: item.capturedAt });
}

/** After the save has committed: this context asks for the new items' timestamps (DisputeKitDB.onEvidenceSaved), without waiting. */
function evidenceSaved(database: DisputeKitDB, caseId: string, evidence: EvidenceRecord[]): { caseId: string; evidenceIds: string[] } {
  const evidenceIds = evidence.map((e) => e.id);
  tellEvidenceSaved(database, evidenceIds);
  return { caseId, evidenceIds };
}

/**
 * Tells DisputeKitDB.onEvidenceSaved of saved items, once they are committed. Inside a caller's transaction (a save
 * run as part of a larger one, lib/cases/chat-contacts.ts) nothing is committed yet: it does nothing, and the caller
 * tells once its own transaction has resolved. The callback runs outside any transaction's zone, so the work it
 * starts (the background's timestamps) opens transactions of its own rather than joining a finished one.
 */
export function tellEvidenceSaved(database: DisputeKitDB, evidenceIds: string[]): void {
  if (Dexie.currentTransaction) return;
  Dexie.ignoreTransaction(() => database.onEvidenceSaved?.(evidenceIds));
}

/** The escalation ladders' first step, "document the order", which a capture of a page does. */
export const DOCUMENT_STEP = 'document';

/**
 * A capture documents the order: the first item captured from a page (a screenshot, the page's archive, a
 * quoted selection; not a file, note or letter) ticks the ladder's "document" step done, unless the user ticked
 * or skipped it already. Only the first: once the user has undone the tick, later captures leave it undone.
 * Runs inside the caller's transaction, before the new evidence is added.
 */
async function tickDocumented(database: DisputeKitDB, caseId: string, platform: Platform, evidence: EvidenceRecord[], at: string): Promise<void> {
  if (!evidence.some((e) => e.page) || !ladderOf(platform).steps.some((s) => s.id === DOCUMENT_STEP)) return;
  if (await database.checklist.get([caseId, DOCUMENT_STEP])) return;
  const captured = await database.evidence.where('caseId').equals(caseId).filter((e) => e.page !== undefined).first();
  if (!captured) await database.checklist.put({ caseId, stepId: DOCUMENT_STEP, state: 'done', at });
}

/** Each entry covers the item's bytes (sha256) and its metadata as stored (meta), so neither can be swapped. */
function addedEvents(evidence: EvidenceRecord[], at: string): CustodyEvent[] {
  return evidence.map((e) => ({ at, action: 'added', evidenceId: e.id, sha256: e.sha256, meta: metadataDigest(evidenceMetadata(e)) }));
}

/**
 * Appends to the case's custody log. Call it only inside a transaction that includes `custody` and that
 * writes the evidence it records: reading the last entry and adding the next is then one atomic step, and
 * the evidence and its log entries are saved together or not at all.
 */
export async function appendCustody(database: DisputeKitDB, caseId: string, events: CustodyEvent[]): Promise<CustodyEntry[]> {
  if (!Dexie.currentTransaction) throw new Error('appendCustody must run inside a transaction');
  const last = await database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
  const entries = chainEntries(caseId, last, events);
  await database.custody.bulkAdd(entries);
  return entries;
}

/** The case's custody log, oldest first. */
export async function getCustodyLog(database: DisputeKitDB, caseId: string): Promise<CustodyEntry[]> {
  return database.custody.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

export async function getCase(database: DisputeKitDB, caseId: string): Promise<CaseRecord | undefined> {
  return database.cases.get(caseId);
}

/** The case's evidence, oldest capture first, each capture as screenshot → archive → HTML (lib/cases/evidence-order.ts). */
export async function getCaseEvidence(database: DisputeKitDB, caseId: string): Promise<EvidenceRecord[]> {
  return inCaptureOrder(await database.evidence.where('[caseId+capturedAt]').between([caseId, ''], [caseId, '\uffff']).toArray());
}

/**
 * Deletes one item of a case through the app: the row goes, and the custody log says so ('deleted', with the
 * file's SHA-256), so the deletion is visible instead of a gap. Returns false when there was no such item.
 */
export async function deleteEvidence(database: DisputeKitDB, caseId: string, evidenceId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return database.transaction('rw', database.evidence, database.events, database.custody, async () => {
    const item = await database.evidence.get(evidenceId);
    if (!item || item.caseId !== caseId) return false;
    await database.evidence.delete(evidenceId);
    await database.events.add({ caseId, at, type: 'evidence-deleted', evidenceIds: [evidenceId] });
    await appendCustody(database, caseId, [{ at, action: 'deleted', evidenceId, sha256: item.sha256, meta: metadataDigest(evidenceMetadata(item)) }]);
    return true;
  });
}

/**
 * Adds evidence to a case that already exists (a listing, a tracking page or a chat saved into the user's
 * current case), with its timeline event, in one transaction. Refuses a case that is gone.
 */
export async function addEvidenceToCase(
  database: DisputeKitDB,
  caseId: string,
  items: Omit<EvidenceRecord, 'caseId'>[],
  now: Date,
): Promise<{ caseId: string; evidenceIds: string[] }> {
  const at = now.toISOString();
  const evidence = items.map((e) => newEvidence(e, caseId));
  await database.transaction('rw', [database.cases, database.evidence, database.events, database.custody, database.checklist], async () => {
    const existing = await database.cases.get(caseId);
    if (!existing) throw new CaseNotFound(caseId);
    await tickDocumented(database, caseId, existing.platform, evidence, at);
    await database.cases.put({ ...existing, updatedAt: at });
    await database.evidence.bulkAdd(evidence);
    await database.events.add({ caseId, at, type: 'evidence-captured', evidenceIds: evidence.map((e) => e.id) });
    await appendCustody(database, caseId, addedEvents(evidence, at));
  });
  return evidenceSaved(database, caseId, evidence);
}

export class CaseNotFound extends Error {
  constructor(readonly caseId: string) {
    super(`no case ${caseId}`);
  }
}

/**
 * The facts of a new reading over an older one: a list page shows less than a detail page, so keep the rest.
 * Events and the dispute merge one by one (the newer reading's date of an event wins; an event only the older
 * one had stays: a list's order date must not drop the paid and shipped dates the detail gave, and a dispute
 * page, which says when the dispute opened, must not wipe them out); countdowns merge by
 * lib/deadlines/page-countdowns.ts mergeCountdowns, so a countdown read again minutes later keeps the stored end
 * instead of moving with each reading.
 */
export function mergeOrder(older: OrderFacts, newer: OrderFacts): OrderFacts {
  const merged = { ...older } as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0 && key !== 'sources')) continue;
    merged[key] = value;
  }
  merged.sources = { ...older.sources, ...newer.sources };
  if (older.events || newer.events) merged.events = { ...older.events, ...newer.events };
  const countdowns = mergeCountdowns(older.countdowns, newer.countdowns);
  if (countdowns) merged.countdowns = countdowns;
  if (older.dispute || newer.dispute) merged.dispute = { ...older.dispute, ...newer.dispute };
  return merged as OrderFacts;
}

/** What "Save all orders on this page" did: new cases (of which filed closed), cases refreshed (of which closed now). */
export interface SavedOrders {
  created: number;
  updated: number;
  /** New cases filed closed, their order being cancelled or closed (lib/cases/order-state.ts). */
  createdClosed: number;
  /** Existing cases nobody had worked on, closed because their order now is. */
  updatedClosed: number;
  /** Cases the user works on whose order the page says is closed: left as the user left them. */
  keptOpen: number;
}

/**
 * "Save all orders on this page": a case for every order of a list page, or fresher facts for the cases
 * that exist, each order's facts also kept as a reading. One transaction: all saved, or none. `source`:
 * 'popup' when the popup opens a case from its reading (lib/cases/plan.ts).
 *
 * From a list ('list'), an order the page calls cancelled or closed becomes a closed case, and an open case
 * of such an order is closed too, unless the user has worked on it (evidence, a step, a contact, a date or
 * deadline of their own): that case stays as the user left it, and is counted in `keptOpen`. A list save
 * never reopens a case, nor touches a resolved one. The popup's first edit ('popup') always opens the case:
 * the user is starting work on it.
 */
export async function saveOrders(
  database: DisputeKitDB,
  platform: Platform,
  orders: OrderFacts[],
  now: Date,
  source: Extract<ReadingSource, 'list' | 'popup'> = 'list',
  url?: string,
): Promise<SavedOrders> {
  const at = now.toISOString();
  const saved: SavedOrders = { created: 0, updated: 0, createdClosed: 0, updatedClosed: 0, keptOpen: 0 };
  const closes = (order: OrderFacts) => source === 'list' && isClosingStatus(platform, order.status);
  // Only a list save reads what the user did on a case; the popup's save runs inside the popup's own transaction, which holds only these three tables.
  const tables = [database.cases, database.events, database.readings, ...(source === 'list' ? [database.evidence, database.checklist, database.contacts] : [])];
  await database.transaction('rw', tables, async () => {
    const ids = orders.map((o) => caseIdFor(platform, o.orderId));
    const existing = await database.cases.bulkGet(ids);
    const records: CaseRecord[] = [];
    for (const [i, order] of orders.entries()) {
      const old = existing[i];
      if (!old) {
        saved.created++;
        const state = closes(order) ? 'closed' : 'open';
        if (state === 'closed') saved.createdClosed++;
        records.push(CaseSchema.parse({ id: ids[i], platform, orderId: order.orderId, order, state, createdAt: at, updatedAt: at }));
        continue;
      }
      saved.updated++;
      let state = old.state;
      if (old.state === 'open' && closes(order)) {
        if (await workedOn(database, old)) saved.keptOpen++;
        else {
          state = 'closed';
          saved.updatedClosed++;
        }
      }
      records.push(CaseSchema.parse({ ...old, order: mergeOrder(old.order, order), state, updatedAt: at }));
    }
    await database.cases.bulkPut(records);
    await database.readings.bulkAdd(orders.map((order, i) => readingOf(ids[i], at, source, order, url)));
    await database.events.bulkAdd(ids.filter((_, i) => !existing[i]).map((caseId) => ({ caseId, at, type: 'case-opened' as const })));
  });
  return saved;
}

/** Whether the user has worked on the case (lib/cases/order-state.ts userWorkedOn), read inside the caller's transaction. */
async function workedOn(database: DisputeKitDB, record: CaseRecord): Promise<boolean> {
  const [evidence, checklist, contacts] = await Promise.all([
    database.evidence.where('caseId').equals(record.id).count(),
    database.checklist.where('caseId').equals(record.id).count(),
    database.contacts.where('caseId').equals(record.id).count(),
  ]);
  return userWorkedOn(record, { evidence, checklist, contacts });
}

export interface CaseOverview {
  case: CaseRecord;
  evidenceCount: number;
  lastCapturedAt?: string;
  /** The newest screenshot's thumbnail, for the popup. */
  latestThumbnail?: Blob;
}

export async function getCaseOverview(database: DisputeKitDB, caseId: string): Promise<CaseOverview | null> {
  return database.transaction('r', database.cases, database.evidence, async () => {
    const record = await database.cases.get(caseId);
    if (!record) return null;
    const inCase = database.evidence.where('[caseId+capturedAt]').between([caseId, ''], [caseId, '\uffff']);
    const evidenceCount = await inCase.count();
    const newest = await inCase.clone().reverse().first();
    const latestShot = await inCase.clone().reverse().filter((e) => e.thumbnail !== undefined).first();
    return { case: record, evidenceCount, lastCapturedAt: newest?.capturedAt, latestThumbnail: latestShot?.thumbnail };
  });
}

/**
 * Every row that belongs to one case, table by table (evidence and contacts oldest first, custody in log
 * order): what the dossier exports, the timeline shows and Undo restores.
 */
export type CaseRows = { case: CaseRecord } & Omit<TableRows, 'cases'>;

/** The tables that hold a case's rows, for a transaction that must see (or change) all of them at once. */
export function caseTables(database: DisputeKitDB) {
  return TABLE_NAMES.map((name) => database[name]);
}

/** Reads every row of a case in one transaction, so all of it is the same moment's; null when there is no such case. */
export async function readCaseRows(database: DisputeKitDB, caseId: string): Promise<CaseRows | null> {
  return database.transaction('r', caseTables(database), async () => {
    const record = await database.cases.get(caseId);
    if (!record) return null;
    const [evidence, events, checklist, custody, contacts, sentNotifications, readings] = await Promise.all([
      getCaseEvidence(database, caseId),
      database.events.where('caseId').equals(caseId).toArray(),
      database.checklist.where('caseId').equals(caseId).toArray(),
      getCustodyLog(database, caseId),
      database.contacts.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      database.sentNotifications.where('caseId').equals(caseId).toArray(),
      database.readings.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray(),
    ]);
    return { case: record, evidence, events, checklist, custody, contacts, sentNotifications, readings };
  });
}

/**
 * Reads a case's rows and appends the one custody entry `seal` makes of them, in one read-write transaction, so
 * nothing can be saved between the rows read and the entry that vouches for them (a dossier's export). `seal` runs
 * inside the transaction and must not wait on anything but it. Null when there is no such case.
 */
export async function sealCaseRows<T>(
  database: DisputeKitDB,
  caseId: string,
  seal: (rows: CaseRows) => { event: CustodyEvent; sealed: (entry: CustodyEntry) => T },
): Promise<T | null> {
  return database.transaction('rw', caseTables(database), async () => {
    const rows = await readCaseRows(database, caseId);
    if (!rows) return null;
    const { event, sealed } = seal(rows);
    const [entry] = await appendCustody(database, caseId, [event]);
    return sealed(entry);
  });
}

/**
 * Deletes a case and every row that belongs to it, in one transaction, and returns what it removed.
 * Undo works from that returned copy (the dashboard keeps it in memory while its Undo toast shows) rather than
 * a soft-delete flag: the case is really gone at once, so no reader (badge, notifications, popup, search) has
 * to learn to skip flagged rows, and nothing is left to purge later. The cost: closing the page during the
 * toast forfeits Undo, after the user had already confirmed the deletion.
 */
export async function deleteCase(database: DisputeKitDB, caseId: string): Promise<CaseRows | null> {
  return database.transaction('rw', [...caseTables(database), database.caseRanks], async () => {
    const removed = await readCaseRows(database, caseId);
    if (!removed) return null;
    await database.cases.delete(caseId);
    // Its place in the dashboard's order (lib/cases/case-ranks.ts) goes with it; the check stores it again
    // after an Undo.
    await database.caseRanks.delete(caseId);
    for (const table of caseTables(database).slice(1)) await table.where('caseId').equals(caseId).delete();
    return removed;
  });
}

/**
 * Undo of deleteCase: puts every removed row back with its own keys, in one transaction. Refuses (false) when
 * a case with that id exists again (the order was captured anew meanwhile), rather than mixing the two.
 */
export async function restoreCase(database: DisputeKitDB, removed: CaseRows): Promise<boolean> {
  return database.transaction('rw', caseTables(database), async () => {
    if (await database.cases.get(removed.case.id)) return false;
    await database.cases.add(removed.case);
    for (const name of TABLE_NAMES.slice(1)) await (database[name] as Dexie.Table).bulkAdd(removed[name as Exclude<typeof name, 'cases'>]);
    return true;
  });
}

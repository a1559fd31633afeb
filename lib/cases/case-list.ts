/**
 * The cases dashboard's list: one row per case with its nearest deadline, sorted, filtered and searched by pure
 * functions, and loaded by one data-access function from the case rows and contacts only. Evidence is never
 * read for the list: the count of each row on screen is an index count (countEvidence), asked only for the
 * rows shown (walking the whole caseId index for 10,000 items took ~100 ms; 50 counts take a few).
 */
import { caseStatus, compareByUrgency, type CaseActivity, type Headline } from '../deadlines/case-status';
import type { DisputeKitDB } from './db';
import { firstPageCandidates } from './case-ranks';
import type { Deadline } from '../deadlines';
import type { Platform } from '../common/marketplaces';
import type { CaseRecord, ChecklistStepState, ContactRecord } from '../common/model';

export type CaseState = CaseRecord['state'];

export interface DashboardRow {
  id: string;
  platform: Platform;
  orderId: string;
  store?: string;
  firstItem?: string;
  state: CaseState;
  updatedAt: string;
  /** The nearest deadline still open; only open cases have one (closed and resolved cases have nothing due). */
  nearest?: Deadline;
  /** What matters now for the case (lib/deadlines/case-status.ts): missed, open, the date to enter, or closed. */
  headline: Headline;
  /** Order id, store and every item title, folded once for searching. */
  haystack: string;
}

/** Case-insensitive, width-insensitive text for matching ("ＡＢＣ" and "abc", "Ё" and "ё" alike). */
export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und');
}

export function dashboardRow(record: CaseRecord, contacts: ContactRecord[], now: Date, steps: CaseActivity['steps'] = []): DashboardRow {
  const { headline } = caseStatus(record, contacts, steps, now);
  const nearest = headline.kind === 'open' ? headline.deadline : headline.kind === 'missed' ? headline.stillOpen : undefined;
  const titles = record.order.items.map((i) => i.title);
  return {
    id: record.id,
    platform: record.platform,
    orderId: record.orderId,
    ...(record.order.store?.name && { store: record.order.store.name }),
    ...(titles[0] !== undefined && { firstItem: titles[0] }),
    state: record.state,
    updatedAt: record.updatedAt,
    ...(nearest && { nearest }),
    headline,
    haystack: fold([record.orderId, record.order.store?.name ?? '', ...titles].join('\n')),
  };
}

/**
 * Open cases with a buyer's deadline missed and nothing done first (the most recent miss first), then open
 * cases by their nearest open deadline, then every other case, last updated first (compareByUrgency).
 */
export function compareRows(a: DashboardRow, b: DashboardRow): number {
  return compareByUrgency(a, b);
}

export interface DashboardFilter {
  platform?: Platform;
  state?: CaseState;
  /** Matched against the order id, the store and the item titles, ignoring case. */
  search?: string;
}

export function matchesFilter(row: DashboardRow, filter: DashboardFilter): boolean {
  if (filter.platform && row.platform !== filter.platform) return false;
  if (filter.state && row.state !== filter.state) return false;
  const query = fold(filter.search ?? '').trim();
  return query === '' || query.split(/\s+/).every((word) => row.haystack.includes(word));
}

/** The rows to show, in order. */
export function selectRows(rows: DashboardRow[], filter: DashboardFilter): DashboardRow[] {
  return rows.filter((row) => matchesFilter(row, filter)).sort(compareRows);
}

/** How many evidence items each of these cases has: one index count per case, no evidence value (no blob) read. */
export async function countEvidence(database: DisputeKitDB, caseIds: string[]): Promise<Map<string, number>> {
  const counts = await database.transaction('r', database.evidence, () => Promise.all(caseIds.map((id) => database.evidence.where('caseId').equals(id).count())));
  return new Map(caseIds.map((id, i) => [id, counts[i]]));
}

/**
 * Every case with its contact log and checklist ticks, read in one transaction: what the deadlines of all
 * cases, and whether each was met, are computed from (the badge and notifications, the dashboard). Contacts and
 * ticks are grouped in one pass each, not looked up per case.
 */
export async function loadCasesWithContacts(database: DisputeKitDB): Promise<{ record: CaseRecord; contacts: ContactRecord[]; steps: ChecklistStepState[] }[]> {
  const [cases, contacts, ticks] = await database.transaction('r', database.cases, database.contacts, database.checklist, () =>
    Promise.all([database.cases.toArray(), database.contacts.toArray(), database.checklist.toArray()]),
  );
  const group = <T extends { caseId: string }>(rows: T[]) => {
    const byCase = new Map<string, T[]>();
    for (const row of rows) {
      const list = byCase.get(row.caseId);
      if (list) list.push(row);
      else byCase.set(row.caseId, [row]);
    }
    return byCase;
  };
  const contactsByCase = group(contacts);
  const ticksByCase = group(ticks);
  return cases.map((record) => ({ record, contacts: contactsByCase.get(record.id) ?? [], steps: ticksByCase.get(record.id) ?? [] }));
}

/** Every case as a dashboard row, unsorted (selectRows sorts), read in one transaction. */
export async function loadDashboardRows(database: DisputeKitDB, now: Date): Promise<DashboardRow[]> {
  return (await loadCasesWithContacts(database)).map(({ record, contacts, steps }) => dashboardRow(record, contacts, now, steps));
}

export type CaseInputs = Awaited<ReturnType<typeof loadCasesWithContacts>>;

/**
 * The rows of every case, worked out `slice` cases at a time with a pause for the page between slices, so a
 * list of 10,000 (half a second of deadline computing) never holds the page still; unsorted. Undefined when
 * `signal` is aborted first (newer inputs arrived).
 */
export async function rowsInSlices(inputs: CaseInputs, now: Date, signal: AbortSignal, slice = 500): Promise<DashboardRow[] | undefined> {
  const rows: DashboardRow[] = [];
  for (let start = 0; start < inputs.length; start += slice) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return undefined;
    for (const { record, contacts, steps } of inputs.slice(start, start + slice)) rows.push(dashboardRow(record, contacts, now, steps));
  }
  return rows;
}

/**
 * The dashboard's first `size` rows, in order, from the stored ranks (lib/cases/case-ranks.ts): only the cases
 * the ranks put first, and those whose rank is due, are read and worked out. Undefined when the ranks cannot
 * say (the caller waits for every row). `total` is how many cases there are.
 */
export async function loadFirstPage(database: DisputeKitDB, now: Date, size: number): Promise<{ rows: DashboardRow[]; total: number } | undefined> {
  return database.transaction('r', [database.cases, database.caseRanks, database.contacts, database.checklist], async () => {
    const candidates = await firstPageCandidates(database, now, size);
    if (!candidates) return undefined;
    const { ids, total } = candidates;
    const [records, contacts, ticks] = await Promise.all([
      database.cases.bulkGet(ids),
      database.contacts.where('caseId').anyOf(ids).toArray(),
      database.checklist.where('caseId').anyOf(ids).toArray(),
    ]);
    const rows = records
      .filter((r): r is CaseRecord => r !== undefined)
      .map((record) => dashboardRow(record, contacts.filter((c) => c.caseId === record.id), now, ticks.filter((t) => t.caseId === record.id)));
    return { rows: rows.sort(compareRows).slice(0, size), total };
  });
}

/** The dashboard's address of a case, and back: `dashboard.html#case=<id>`, `…&deadline=<rule>` at one deadline. */
export function dashboardCaseHash(caseId: string, rule?: string): string {
  return `#case=${encodeURIComponent(caseId)}${rule ? `&deadline=${encodeURIComponent(rule)}` : ''}`;
}

export function caseIdFromHash(hash: string): string | undefined {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('case');
  return id ? id : undefined;
}

/** The deadline a dashboard address names (`#case=<id>&deadline=<rule>`), if any. */
export function deadlineRuleFromHash(hash: string): string | undefined {
  const rule = new URLSearchParams(hash.replace(/^#/, '')).get('deadline');
  return rule ? rule : undefined;
}

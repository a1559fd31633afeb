/**
 * The dashboard's stored order: each case's place in it (lib/deadlines/case-status.ts urgencyKey), kept in the
 * `caseRanks` table by the deadline check, which works out every case's deadlines anyway. With them the
 * dashboard's first page is the first 50 ranks of an index, and only those 50 cases are worked out before it
 * shows; the whole list follows, worked out case by case, and takes over (lib/cases/case-list.ts).
 *
 * A rank can be behind: a write the check has not yet seen, or a deadline that passed since (each rank says
 * when its case's headline next changes by time alone, `changesAt`). The first page therefore works out afresh
 * every case whose rank is due, and is skipped when ranks and cases do not match one for one; each row shown is
 * always the case's own, computed now. What a late rank can change is only which rows the first page picks,
 * until the whole list replaces it a moment later.
 */
import { urgencyKey, type Headline } from '../deadlines/case-status';
import type { Deadline } from '../deadlines';
import type { DisputeKitDB } from './db';

export interface CaseRank {
  caseId: string;
  /** [group, key within it, case id]: ascending is the dashboard's order (urgencyKey). */
  order: [number, number, string];
  /** When the case's headline next changes with time alone (its next deadline passes); Infinity for never. */
  changesAt: number;
}

/** A case's rank from its headline and deadlines as computed at `now`. */
export function caseRank(row: { id: string; updatedAt: string; headline: Headline; deadlines: readonly Deadline[] }, now: Date): CaseRank {
  const ahead = row.deadlines.map((d) => d.dueMs).filter((due) => due > now.getTime());
  return { caseId: row.id, order: urgencyKey(row), changesAt: ahead.length ? Math.min(...ahead) : Infinity };
}

const sameRank = (a: CaseRank, b: CaseRank) =>
  a.changesAt === b.changesAt && a.order[0] === b.order[0] && a.order[1] === b.order[1] && a.order[2] === b.order[2];

/**
 * Stores the ranks of every case (the deadline check's whole list): writes only those that changed and removes
 * those of cases that are gone, in one transaction. Not a deadline input, so it runs no check itself.
 */
export async function storeCaseRanks(database: DisputeKitDB, ranks: readonly CaseRank[]): Promise<void> {
  await database.transaction('rw', database.caseRanks, async () => {
    const stored = new Map((await database.caseRanks.toArray()).map((r) => [r.caseId, r]));
    const changed = ranks.filter((r) => {
      const before = stored.get(r.caseId);
      stored.delete(r.caseId);
      return !before || !sameRank(before, r);
    });
    if (changed.length) await database.caseRanks.bulkPut(changed);
    if (stored.size) await database.caseRanks.bulkDelete([...stored.keys()]);
  });
}

/** The most cases whose ranks may be due that the first page works out afresh; more, and it waits for the whole list. */
const MOST_DUE = 500;

/**
 * The ids of the cases the first page of `size` rows can hold, read from the ranks: the first `size` by order
 * and every case whose rank is due at `now`; and how many cases there are. Undefined when the ranks cannot be trusted for that (they do not
 * cover the cases one for one, e.g. before the first check, or too many are due): the caller then works every
 * case out. Must run inside a read transaction over cases and caseRanks.
 */
export async function firstPageCandidates(database: DisputeKitDB, now: Date, size: number): Promise<{ ids: string[]; total: number } | undefined> {
  const [cases, ranks] = await Promise.all([database.cases.count(), database.caseRanks.count()]);
  if (cases === 0 || cases !== ranks) return undefined;
  const due = await database.caseRanks.where('changesAt').belowOrEqual(now.getTime()).limit(MOST_DUE + 1).primaryKeys();
  if (due.length > MOST_DUE) return undefined;
  // Every rank that is not due is exact, so the first `size` rows are among the first `size` ranks that are
  // not due and the due ones worked out afresh: reading `size + due` ranks holds at least `size` not due.
  const first = await database.caseRanks.orderBy('order').limit(size + due.length).primaryKeys();
  return { ids: [...new Set([...first, ...due])], total: cases };
}

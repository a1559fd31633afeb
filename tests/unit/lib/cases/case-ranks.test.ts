import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteCase, restoreCase, saveOrders } from '@/lib/cases/cases';
import { loadDashboardRows, loadFirstPage, rowsInSlices, loadCasesWithContacts, selectRows, type DashboardRow } from '@/lib/cases/case-list';
import { storeCaseRanks, caseRank } from '@/lib/cases/case-ranks';
import { compareByUrgency, urgencyKey, type Headline } from '@/lib/deadlines/case-status';
import { checkDeadlines, type DeadlineCheckDeps } from '@/lib/deadlines/check/deadline-check';
import { DisputeKitDB } from '@/lib/cases/db';
import { deadlineCheckDeps } from '../../support/deadline-check-deps';
import type { Platform } from '@/lib/common/marketplaces';
import type { OrderFacts } from '@/lib/common/model';

const NAME = 'case-ranks-test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-20T12:00:00.000Z');

let database: DisputeKitDB;
let clock: number;
beforeEach(() => {
  database = new DisputeKitDB(NAME);
  clock = START;
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

function deps(): DeadlineCheckDeps {
  return deadlineCheckDeps(database, () => new Date(clock));
}

/** An order whose page says buyer protection ends `hours` after the start (none when undefined). */
function order(orderId: string, hours?: number, extra: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderId,
    items: [{ title: `Item ${orderId}` }],
    sources: {},
    ...(hours !== undefined && { countdowns: [{ label: 'Buyer protection', text: '…', endsAt: new Date(START + hours * HOUR).toISOString() }] }),
    ...extra,
  };
}

/** Forty cases of every kind: deadlines hours or days ahead, none, a Taobao return counted from signing, closed ones. */
async function manyCases(): Promise<void> {
  const platforms: Platform[] = ['aliexpress', 'taobao', 'tmall', 'yandex-market'];
  for (let i = 0; i < 40; i++) {
    const platform = platforms[i % 4];
    const hours = i % 3 === 0 ? undefined : 1 + ((i * 37) % 300);
    const extra: Partial<OrderFacts> = i % 5 === 0 ? { dates: [{ kind: 'delivered', text: '…', iso: new Date(START - ((i % 9) + 1) * DAY).toISOString() }] } as Partial<OrderFacts> : {};
    await saveOrders(database, platform, [order(String(9000 + i), platform === 'aliexpress' ? hours : undefined, extra)], new Date(START - (40 - i) * HOUR));
    if (i % 7 === 6) await database.cases.update(`${platform}:${9000 + i}`, { state: 'closed' });
  }
}

const ids = (rows: readonly DashboardRow[]) => rows.map((r) => r.id);
const exactOrder = async (now: Date) => ids(selectRows(await loadDashboardRows(database, now), {}));

describe("the dashboard's stored order", () => {
  it('urgencyKey sorts exactly as compareByUrgency', () => {
    const dl = (dueMs: number) => ({ dueMs }) as never;
    const headlines: Headline[] = [
      { kind: 'missed', deadline: dl(START - DAY) },
      { kind: 'missed', deadline: dl(START - 2 * DAY) },
      { kind: 'open', deadline: dl(START + HOUR) },
      { kind: 'open', deadline: dl(START + HOUR) },
      { kind: 'open', deadline: dl(START + DAY) },
      { kind: 'nothing' },
      { kind: 'closed', state: 'closed' },
      { kind: 'enterDate', event: 'delivered', rules: [] },
    ];
    const rows = headlines.flatMap((headline, i) => [
      { id: `aliexpress:${100 + i}`, updatedAt: new Date(START - i * HOUR).toISOString(), headline },
      { id: `taobao:${200 + i}`, updatedAt: new Date(START - (i % 3) * HOUR).toISOString(), headline },
    ]);
    const byCompare = [...rows].sort(compareByUrgency).map((r) => r.id);
    const byKey = [...rows]
      .map((r) => ({ id: r.id, key: urgencyKey(r) }))
      .sort((a, b) => indexedDB.cmp(a.key, b.key))
      .map((r) => r.id);
    expect(byKey).toEqual(byCompare);
  });

  it('has no first page before the deadline check has ranked the cases, then the exact first rows', async () => {
    await manyCases();
    const now = new Date(clock);
    expect(await loadFirstPage(database, now, 10)).toBeUndefined();
    await checkDeadlines(deps());
    expect(await database.caseRanks.count()).toBe(40);
    const first = await loadFirstPage(database, now, 10);
    expect(first?.total).toBe(40);
    expect(ids(first!.rows)).toEqual((await exactOrder(now)).slice(0, 10));
    // Each row is the case's own, worked out now, as the whole list has it.
    const whole = new Map((await loadDashboardRows(database, now)).map((r) => [r.id, r]));
    for (const row of first!.rows) expect(row).toEqual(whole.get(row.id));
  });

  it('works out afresh every case whose rank is due: a deadline that passed since the check moves its case first', async () => {
    await saveOrders(database, 'aliexpress', [order('1', 5), order('2', 48), order('3', 72)], new Date(START));
    await checkDeadlines(deps());
    // Six hours later, no check has run: order 1's protection (AE-8 and its reminders) has passed.
    clock = START + 6 * HOUR;
    const now = new Date(clock);
    const first = await loadFirstPage(database, now, 2);
    const exact = await exactOrder(now);
    expect(ids(first!.rows)).toEqual(exact.slice(0, 2));
    // Order 1 ranked first at the check; now its protection is over and it is not among the first two.
    expect(exact.slice(0, 2)).not.toContain('aliexpress:1');
  });

  it('is skipped while a new case has no rank yet, and follows a deletion at once', async () => {
    await manyCases();
    await checkDeadlines(deps());
    await saveOrders(database, 'aliexpress', [order('1', 2)], new Date(START));
    expect(await loadFirstPage(database, new Date(clock), 10)).toBeUndefined();
    await checkDeadlines(deps());
    expect(ids((await loadFirstPage(database, new Date(clock), 1))!.rows)).toEqual(['aliexpress:1']);

    const removed = await deleteCase(database, 'aliexpress:1');
    expect(await database.caseRanks.get('aliexpress:1')).toBeUndefined();
    expect(ids((await loadFirstPage(database, new Date(clock), 10))!.rows)).toEqual((await exactOrder(new Date(clock))).slice(0, 10));
    await restoreCase(database, removed!);
    await checkDeadlines(deps());
    expect(await database.caseRanks.get('aliexpress:1')).toBeDefined();
  });

  it('stores only the ranks that changed, and drops those of cases that are gone', async () => {
    await manyCases();
    await checkDeadlines(deps());
    let writes = 0;
    database.caseRanks.hook('creating', () => void writes++);
    database.caseRanks.hook('updating', () => void writes++);
    await checkDeadlines(deps());
    expect(writes).toBe(0);
    // Closing a case with a deadline ahead moves it from the open cases to the rest: one rank rewritten.
    const before = await database.caseRanks.get('aliexpress:9004');
    expect(before?.order[0]).toBe(1);
    await database.cases.update('aliexpress:9004', { state: 'closed' });
    await database.caseRanks.put(caseRank({ id: 'aliexpress:gone', updatedAt: new Date(START).toISOString(), headline: { kind: 'nothing' }, deadlines: [] }, new Date(START)));
    writes = 0;
    await checkDeadlines(deps());
    expect(writes).toBe(1);
    expect((await database.caseRanks.get('aliexpress:9004'))?.order[0]).toBe(2);
    expect(await database.caseRanks.get('aliexpress:gone')).toBeUndefined();
    expect(await database.caseRanks.count()).toBe(40);
    await storeCaseRanks(database, []);
    expect(await database.caseRanks.count()).toBe(0);
  });

  it('a rank that cannot be stored does not stop the badge, the notifications or the alarm', async () => {
    await manyCases();
    database.caseRanks.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    const result = await checkDeadlines(deps());
    expect(result.badge).toBeDefined();
    expect(result.nextCheckAt).toBeDefined();
    expect(await loadFirstPage(database, new Date(clock), 10)).toBeUndefined();
  });

  it('works every row out in slices, the same rows as at once, and stops when told', async () => {
    await manyCases();
    const now = new Date(clock);
    const inputs = await loadCasesWithContacts(database);
    const sliced = await rowsInSlices(inputs, now, new AbortController().signal, 7);
    expect(sliced).toEqual(await loadDashboardRows(database, now));
    const abort = new AbortController();
    const pending = rowsInSlices(inputs, now, abort.signal, 7);
    abort.abort();
    expect(await pending).toBeUndefined();
  });
});

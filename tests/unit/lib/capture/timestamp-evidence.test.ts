// Issue 14: each saved item's own trusted timestamp, asked of the tests' own authority (tests/support/tsa.mjs)
// after the save has committed; every way the authority can fail leaves the item saved, with its reason, to be
// asked again on a bounded schedule that a stopped worker does not lose.
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PER_RUN, stampEvidence, type StampDeps } from '@/lib/capture/timestamp-evidence';
import { deleteEvidence, getCustodyLog } from '@/lib/cases/cases';
import { checkChain, loggedTimestamps } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { beginTimestampAttempt, MAX_ATTEMPTS, retryCaseTimestamps, RETRY_DELAYS_MS } from '@/lib/cases/evidence-timestamps';
import { verifyCase } from '@/lib/cases/verify-case';
import { sha256HexSync } from '@/lib/common/hash';
import type { EvidenceRecord } from '@/lib/common/model';
import type { Settings } from '@/lib/settings/settings';
import { tokenBytes } from '@/lib/timestamp/record-schema';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';
import { type TestTsa, type TestTsaMode, startTestTsa } from '../../../support/tsa.mjs';

const NAME = 'timestamp-evidence-test';
let tsa: TestTsa;
let database: DisputeKitDB;
let clock: Date;
let alarms: (Date | undefined)[];
let choice: Settings['timestamps'];

beforeAll(async () => {
  tsa = await startTestTsa();
}, 60_000);
afterAll(async () => {
  await tsa?.close();
});
beforeEach(() => {
  tsa.mode = 'good';
  tsa.requests.length = 0;
  database = new DisputeKitDB(NAME);
  clock = new Date('2026-11-20T10:00:00.000Z');
  alarms = [];
  choice = { enabled: true, authority: 'custom', customUrl: tsa.url };
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

function deps(overrides: Partial<StampDeps> = {}): StampDeps {
  return {
    database,
    choice: async () => choice,
    holds: async () => true,
    fetch: globalThis.fetch,
    now: () => clock,
    scheduleRetry: async (when) => void alarms.push(when),
    timeoutMs: 2000,
    ...overrides,
  };
}

const row = async (id: string): Promise<EvidenceRecord> => (await database.evidence.get(id))!;
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('a capture, then its timestamps', () => {
  it('is saved first, queued, with nothing sent; the database says when the save has committed', async () => {
    const saved: { ids: string[]; stored: (EvidenceRecord | undefined)[] }[] = [];
    database.onEvidenceSaved = (ids) => void database.evidence.bulkGet(ids).then((stored) => saved.push({ ids, stored }));
    const ids = await caseWithCapture(database);
    expect(tsa.requests).toHaveLength(0);
    expect((await row(ids[0])).timestamp).toEqual({ state: 'queued' });
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved).toHaveLength(1);
    expect(saved[0].ids).toEqual(ids);
    // The callback runs after the commit: the rows are there to read.
    expect(saved[0].stored[0]?.id).toBe(ids[0]);
  });

  it('sends each file’s SHA-256, one request per file, keeps the token with the file and a custody entry of it', async () => {
    const [id] = await caseWithCapture(database);
    const item = await row(id);
    const run = await stampEvidence(deps(), [id]);
    expect(run).toEqual({ stamped: 1, failed: 0, off: 0, optionOff: false });
    expect(tsa.requests).toHaveLength(1);
    // Only the digest leaves the machine: the request holds the file's SHA-256, not its bytes.
    const body = Buffer.from(tsa.requests[0].body);
    expect(body.toString('hex')).toContain(item.sha256);
    expect(body.length).toBeLessThan(200);

    const stamped = (await row(id)).timestamp;
    if (stamped?.state !== 'stamped') throw new Error(`not stamped: ${JSON.stringify(stamped)}`);
    expect(stamped.record.summary.digest).toBe(item.sha256);
    expect(stamped.record.summary.signer.sha256).toBe(tsa.tsaFingerprint);
    expect(stamped.record.url).toBe(tsa.url);

    const log = await getCustodyLog(database, CASE_ID);
    expect(checkChain(CASE_ID, log)).toEqual([]);
    const entry = loggedTimestamps(log).get(id)!;
    expect(entry).toMatchObject({ action: 'timestamped', evidenceId: id, sha256: item.sha256, token: sha256HexSync(tokenBytes(stamped.record)), authority: 'DisputeKit Test TSA, DisputeKit Tests', genTime: stamped.record.summary.genTime });
    // The item's metadata digest is unchanged by its timestamp: Verify still holds.
    const report = await verifyCase(database, CASE_ID, clock);
    expect(report.ok).toBe(true);
    expect(report.items[0]).toMatchObject({ status: 'ok', timestamp: { status: 'ok', genTime: stamped.record.summary.genTime } });
    // Nothing is left to retry: no alarm.
    expect(alarms.at(-1)).toBeUndefined();
  });

  it('with the option off sends nothing and marks the items so', async () => {
    choice = { enabled: false, authority: 'freetsa' };
    const [id] = await caseWithCapture(database);
    expect(await stampEvidence(deps(), [id])).toEqual({ stamped: 0, failed: 0, off: 1, optionOff: true });
    expect(tsa.requests).toHaveLength(0);
    expect((await row(id)).timestamp).toEqual({ state: 'off' });
    // An item marked off is never asked, even once the option is on.
    choice = { enabled: true, authority: 'custom', customUrl: tsa.url };
    await stampEvidence(deps());
    expect(tsa.requests).toHaveLength(0);
  });

  it('with the option off marks every due item off, more than one run asks, and sets no alarm', async () => {
    choice = { enabled: false, authority: 'freetsa' };
    const [id] = await caseWithCapture(database);
    const first = await row(id);
    const more = Array.from({ length: MAX_PER_RUN + 10 }, (_, i) => ({ ...first, id: `more-${i}`, timestamp: { state: 'queued' as const } }));
    await database.evidence.bulkAdd(more);
    expect(await stampEvidence(deps())).toEqual({ stamped: 0, failed: 0, off: MAX_PER_RUN + 11, optionOff: true });
    expect(await database.evidence.filter((r) => r.timestamp?.state === 'queued').count()).toBe(0);
    expect(alarms).toEqual([undefined]);
  });

  it('without the host granted sends nothing and says so', async () => {
    const [id] = await caseWithCapture(database);
    await stampEvidence(deps({ holds: async () => false }), [id]);
    expect(tsa.requests).toHaveLength(0);
    expect((await row(id)).timestamp).toMatchObject({ state: 'waiting', attempts: 1, failure: { reason: 'no-permission', detail: '127.0.0.1' } });
  });
});

describe('an authority that fails', () => {
  const failures: [TestTsaMode, string][] = [
    ['down', 'unreachable'],
    ['slow', 'timeout'],
    ['garbage', 'garbage'],
    ['http-error', 'http'],
    ['wrong-imprint', 'wrong-imprint'],
    ['not-tsa', 'not-tsa-certificate'],
    ['bad-signature', 'bad-signature'],
  ];
  it.each(failures)('(%s) leaves the item saved, untimestamped with the reason %s, asked again later; it is stamped once the authority answers', async (mode, reason) => {
    tsa.mode = mode;
    tsa.slowMs = 5000;
    const [id] = await caseWithCapture(database);
    const before = await row(id);
    const run = await stampEvidence(deps({ timeoutMs: 500 }), [id]);
    expect(run).toEqual({ stamped: 0, failed: 1, off: 0, optionOff: false });
    const waiting = (await row(id)).timestamp;
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1, failure: { reason } });
    expect(waiting?.state === 'waiting' && waiting.next).toBe(new Date(clock.getTime() + RETRY_DELAYS_MS[0]).toISOString());
    // The item itself is as it was saved, and its log has no timestamp entry.
    const { timestamp: _t, timestampDue: _td, ...savedItem } = before;
    const { timestamp: _u, timestampDue: _ud, ...nowItem } = await row(id);
    expect(nowItem).toEqual(savedItem);
    expect(loggedTimestamps(await getCustodyLog(database, CASE_ID)).size).toBe(0);
    // The retry alarm is set for then.
    expect(alarms.at(-1)?.toISOString()).toBe(waiting?.state === 'waiting' ? waiting.next : '');

    // Not due yet: not asked.
    tsa.mode = 'good';
    const asked = tsa.requests.length;
    await stampEvidence(deps());
    expect(tsa.requests.length).toBe(asked);
    later(RETRY_DELAYS_MS[0]);
    expect(await stampEvidence(deps())).toMatchObject({ stamped: 1 });
    expect((await row(id)).timestamp?.state).toBe('stamped');
  });

  it('is asked a bounded number of times, then no more until "Retry timestamps"', async () => {
    tsa.mode = 'down';
    const [id] = await caseWithCapture(database);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      await stampEvidence(deps());
      later(25 * 3_600_000);
    }
    expect(tsa.requests).toHaveLength(MAX_ATTEMPTS);
    const gaveUp = (await row(id)).timestamp;
    expect(gaveUp).toMatchObject({ state: 'waiting', attempts: MAX_ATTEMPTS, failure: { reason: 'unreachable' } });
    expect(gaveUp?.state === 'waiting' && gaveUp.next).toBeUndefined();
    expect(alarms.at(-1)).toBeUndefined();

    tsa.mode = 'good';
    expect(await retryCaseTimestamps(database, CASE_ID, clock)).toEqual([id]);
    expect(await stampEvidence(deps())).toMatchObject({ stamped: 1 });
  });

  it('"Retry timestamps" asks for its own case’s items, however many older ones other cases have due', async () => {
    tsa.mode = 'down';
    const [id] = await caseWithCapture(database);
    await stampEvidence(deps(), [id]);
    // Another case's items, older, more than one run asks for, all due.
    const first = await row(id);
    const older = Array.from({ length: MAX_PER_RUN + 5 }, (_, i) => ({ ...first, id: `other-${i}`, caseId: 'aliexpress:1', capturedAt: '2026-01-01T00:00:00.000Z', timestamp: { state: 'queued' as const } }));
    await database.evidence.bulkAdd(older);
    tsa.mode = 'good';
    const ids = await retryCaseTimestamps(database, CASE_ID, clock);
    expect(ids).toEqual([id]);
    expect(await stampEvidence(deps(), ids)).toEqual({ stamped: 1, failed: 0, off: 0, optionOff: false });
    expect((await row(id)).timestamp?.state).toBe('stamped');
  });

  it('survives a worker stopped mid-request: the attempt noted before it was made is asked again at its time', async () => {
    const [id] = await caseWithCapture(database);
    // The worker noted the attempt, then stopped before any answer.
    expect(await beginTimestampAttempt(database, id, clock)).toBe(true);
    const left = (await row(id)).timestamp;
    expect(left).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(left?.state === 'waiting' && left.failure).toBeUndefined();
    // The next start: not due yet, so the retry alarm is set for it.
    await stampEvidence(deps());
    expect(tsa.requests).toHaveLength(0);
    expect(alarms.at(-1)?.getTime()).toBe(clock.getTime() + RETRY_DELAYS_MS[0]);
    later(RETRY_DELAYS_MS[0]);
    expect(await stampEvidence(deps())).toMatchObject({ stamped: 1 });
  });

  it('a write that fails (a full disk) still sets the retry alarm, and the run says it failed', async () => {
    const [id] = await caseWithCapture(database);
    database.custody.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(stampEvidence(deps(), [id])).rejects.toThrow('QuotaExceededError');
    // The attempt noted before the request is asked again at its time: the alarm is set for it.
    const left = (await row(id)).timestamp;
    expect(left).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(alarms.at(-1)?.toISOString()).toBe(left?.state === 'waiting' ? left.next : '');
  });

  it('an item deleted while its token was on the way keeps nothing, and the log records no timestamp of it', async () => {
    const [id] = await caseWithCapture(database);
    const deletingFetch: typeof fetch = async (input, init) => {
      await deleteEvidence(database, CASE_ID, id, clock);
      return globalThis.fetch(input, init);
    };
    expect(await stampEvidence(deps({ fetch: deletingFetch }), [id])).toEqual({ stamped: 0, failed: 0, off: 0, optionOff: false });
    expect(await database.evidence.get(id)).toBeUndefined();
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.at(-1)?.action).toBe('deleted');
    expect(loggedTimestamps(log).size).toBe(0);
    expect(checkChain(CASE_ID, log)).toEqual([]);
  });

  it('two runs at once keep one token and log it once', async () => {
    const [id] = await caseWithCapture(database);
    await Promise.all([stampEvidence(deps(), [id]), stampEvidence(deps(), [id])]);
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.filter((e) => e.action === 'timestamped')).toHaveLength(1);
    expect((await row(id)).timestamp?.state).toBe('stamped');
  });
});

// Issue 14: a case's Verify checks each kept token again, and names the file whose token was changed, replaced
// or removed outside DisputeKit.
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stampEvidence } from '@/lib/capture/timestamp-evidence';
import { DisputeKitDB } from '@/lib/cases/db';
import { beginTimestampAttempt, dueTimestamps, failTimestampAttempt, keepTimestampToken, markTimestampsOff, nextTimestampAttempt, retryCaseTimestamps, RETRY_DELAYS_MS } from '@/lib/cases/evidence-timestamps';
import { verifyCase } from '@/lib/cases/verify-case';
import type { EvidenceTimestamp } from '@/lib/common/model';
import { requestTimestamp } from '@/lib/timestamp';
import { importFiles } from '@/lib/cases/evidence-import';
import { CASE_ID, caseWithCapture, importDeps } from '../../support/case-fixture';
import { type TestTsa, startTestTsa } from '../../../support/tsa.mjs';

const NAME = 'evidence-timestamps-test';
let tsa: TestTsa;
let database: DisputeKitDB;
let id: string;

beforeAll(async () => {
  tsa = await startTestTsa();
}, 60_000);
afterAll(async () => {
  await tsa?.close();
});
beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  [id] = await caseWithCapture(database);
  await stampEvidence({
    database,
    choice: async () => ({ enabled: true, authority: 'custom', customUrl: tsa.url }),
    holds: async () => true,
    fetch: globalThis.fetch,
    now: () => new Date('2026-11-21T09:00:00.000Z'),
    scheduleRetry: async () => undefined,
  });
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

const stamped = async () => {
  const timestamp = (await database.evidence.get(id))!.timestamp;
  if (timestamp?.state !== 'stamped') throw new Error('not stamped');
  return timestamp;
};
const setTimestamp = (timestamp: EvidenceTimestamp | undefined) => database.evidence.update(id, { timestamp });

describe('Verify of a timestamped case', () => {
  it('holds, and says who stamped each file and when', async () => {
    const report = await verifyCase(database, CASE_ID, new Date());
    expect(report.ok).toBe(true);
    expect(report.items).toEqual([expect.objectContaining({ status: 'ok', timestamp: { status: 'ok', genTime: (await stamped()).record.summary.genTime, authority: 'DisputeKit Test TSA, DisputeKit Tests' } })]);
  });

  it('names the file whose token was changed', async () => {
    const kept = await stamped();
    const der = Buffer.from(kept.record.token, 'base64');
    der[der.length - 2] ^= 0xff;
    await setTimestamp({ ...kept, record: { ...kept.record, token: der.toString('base64') } });
    const report = await verifyCase(database, CASE_ID, new Date());
    expect(report.ok).toBe(false);
    expect(report.items[0]).toMatchObject({ status: 'timestamp', evidenceId: id, problem: 'invalid' });
  });

  it('names the file whose token was replaced by another valid one the log never recorded', async () => {
    const kept = await stamped();
    const sha256 = (await database.evidence.get(id))!.sha256;
    await setTimestamp({ ...kept, record: await requestTimestamp(tsa.url, sha256, { fetch: globalThis.fetch, timeoutMs: 10_000 }) });
    const report = await verifyCase(database, CASE_ID, new Date());
    expect(report.items[0]).toMatchObject({ status: 'timestamp', problem: 'unlogged' });
  });

  it('names the file whose token is gone while its log entry stays', async () => {
    await setTimestamp(undefined);
    const report = await verifyCase(database, CASE_ID, new Date());
    expect(report.items[0]).toMatchObject({ status: 'timestamp', problem: 'missing' });
  });
});

describe('the index of items due to be asked (timestampDue)', () => {
  const UPGRADE = 'evidence-timestamps-upgrade-test';
  afterEach(async () => {
    await Dexie.delete(UPGRADE);
  });
  const dueIndex = async (db: DisputeKitDB, at: string) => (await db.evidence.where('timestampDue').belowOrEqual(at).primaryKeys()).sort();

  it('follows every change of an item’s timestamp: queued, asked, failed, retried, stamped, off', async () => {
    // A file imported, as a capture saves it (lib/cases/cases.ts).
    await importFiles(importDeps(database), CASE_ID, [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2])], 'box.png', { type: 'image/png' })]);
    const queued = (await database.evidence.filter((r) => r.timestamp?.state === 'queued').primaryKeys())[0];
    const savedAt = (await database.evidence.get(queued))!.capturedAt;
    expect((await database.evidence.get(queued))?.timestampDue).toBe(savedAt);
    // Saved: due since it was saved. The stamped item of beforeEach is not in the index.
    expect((await database.evidence.get(id))?.timestampDue).toBeUndefined();
    expect(await dueIndex(database, savedAt)).toEqual([queued]);
    const now = new Date(new Date(savedAt).getTime() + 3_600_000);
    expect(await beginTimestampAttempt(database, queued, now)).toBe(true);
    const next = new Date(now.getTime() + RETRY_DELAYS_MS[0]).toISOString();
    expect((await database.evidence.get(queued))?.timestampDue).toBe(next);
    expect(await dueIndex(database, now.toISOString())).toEqual([]);
    expect((await dueTimestamps(database, new Date(next))).map((d) => d.evidenceId)).toEqual([queued]);
    expect(await nextTimestampAttempt(database)).toEqual(new Date(next));
    await failTimestampAttempt(database, queued, { reason: 'unreachable' });
    expect((await database.evidence.get(queued))?.timestampDue).toBe(next);
    // "Retry timestamps": due now.
    await retryCaseTimestamps(database, CASE_ID, now);
    expect((await database.evidence.get(queued))?.timestampDue).toBe(now.toISOString());
    // Stamped: out of the index.
    expect(await beginTimestampAttempt(database, queued, now)).toBe(true);
    const kept = (await database.evidence.get(id))!.timestamp;
    if (kept?.state !== 'stamped') throw new Error('expected a token');
    const row = (await database.evidence.get(queued))!;
    await database.evidence.update(queued, { sha256: kept.record.summary.digest });
    expect(await keepTimestampToken(database, queued, kept.record.summary.digest, kept.record, now)).toBe(true);
    expect(Object.keys((await database.evidence.get(queued))!)).not.toContain('timestampDue');
    expect(await nextTimestampAttempt(database)).toBeUndefined();
    // Off: out of the index too.
    await database.evidence.put({ ...row, id: 'other', timestamp: { state: 'queued' }, timestampDue: row.capturedAt });
    expect(await markTimestampsOff(database, ['other'])).toBe(1);
    expect(Object.keys((await database.evidence.get('other'))!)).not.toContain('timestampDue');
    expect(await dueTimestamps(database, new Date('2030-01-01T00:00:00.000Z'))).toEqual([]);
  });

  it('is built by version 6 for the items a version-5 database holds', async () => {
    const row = (await database.evidence.get(id))!;
    const { timestampDue: _due, ...plain } = row;
    const v5 = new DisputeKitDB(UPGRADE, 5);
    await v5.evidence.bulkAdd([
      { ...plain, id: 'queued', timestamp: { state: 'queued' } },
      { ...plain, id: 'waiting', timestamp: { state: 'waiting', attempts: 1, triedAt: '2026-11-21T09:00:00.000Z', next: '2026-11-21T09:01:00.000Z' } },
      { ...plain, id: 'gave-up', timestamp: { state: 'waiting', attempts: 7, triedAt: '2026-11-21T09:00:00.000Z' } },
      { ...plain, id: 'off', timestamp: { state: 'off' } },
      plain,
    ]);
    v5.close();
    const current = new DisputeKitDB(UPGRADE);
    expect(await dueIndex(current, '2026-11-21T09:01:00.000Z')).toEqual(['queued', 'waiting']);
    expect((await current.evidence.get('queued'))?.timestampDue).toBe(plain.capturedAt);
    expect((await dueTimestamps(current, new Date('2026-11-21T09:01:00.000Z'))).map((d) => d.evidenceId)).toEqual(['queued', 'waiting']);
    current.close();
  });
});

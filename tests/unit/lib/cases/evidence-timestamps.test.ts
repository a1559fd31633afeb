// Issue 14: a case's Verify checks each kept token again, and names the file whose token was changed, replaced
// or removed outside DisputeKit.
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stampEvidence } from '@/lib/capture/timestamp-evidence';
import { DisputeKitDB } from '@/lib/cases/db';
import { verifyCase } from '@/lib/cases/verify-case';
import type { EvidenceTimestamp } from '@/lib/common/model';
import { requestTimestamp } from '@/lib/timestamp';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';
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

// Issue 14: each file's trusted timestamp goes into the backup and comes back on restore, checked again: a forged
// token (another file's, another of the same hash the log never recorded, a changed one) is refused, and a malformed
// one is named; either way nothing is written.
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBackup } from '@/lib/backup/build';
import { rejectionText } from '@/lib/backup/report';
import { restoreBackup } from '@/lib/backup/restore';
import { stampEvidence } from '@/lib/capture/timestamp-evidence';
import { entryHash, GENESIS_HASH, type CustodyEntry } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { importFiles } from '@/lib/cases/evidence-import';
import { verifyCase } from '@/lib/cases/verify-case';
import { translator } from '@/lib/i18n';
import { requestTimestamp } from '@/lib/timestamp';
import { altered, rejected, snapshot } from '../../support/backup-fixture';
import { CASE_ID, caseWithCapture, importDeps } from '../../support/case-fixture';
import { type TestTsa, startTestTsa } from '../../../support/tsa.mjs';

let tsa: TestTsa;
let dbCount = 0;
const freshDb = () => new DisputeKitDB(`backup-timestamps-${++dbCount}`);
const storage = () => fakeBrowser.storage.local;
const t = translator('en');

beforeAll(async () => {
  tsa = await startTestTsa();
}, 60_000);
afterAll(async () => {
  await tsa?.close();
});
beforeEach(() => {
  tsa.mode = 'good';
  fakeBrowser.reset();
});

/** A case of two files (a captured page and a photo), both timestamped by the test authority. */
async function stampedDatabase(): Promise<DisputeKitDB> {
  const database = freshDb();
  await caseWithCapture(database);
  await importFiles(importDeps(database), CASE_ID, [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2])], 'box.png', { type: 'image/png' })]);
  const run = await stampEvidence({
    database,
    choice: async () => ({ enabled: true, authority: 'custom', customUrl: tsa.url }),
    holds: async () => true,
    fetch: globalThis.fetch,
    now: () => new Date('2026-11-21T09:00:00.000Z'),
    scheduleRetry: async () => undefined,
  });
  expect(run.stamped).toBe(2);
  return database;
}

const backupOf = (database: DisputeKitDB) => buildBackup({ database, storage: storage(), extensionVersion: '0.1.0', now: () => new Date('2026-11-22T12:00:00.000Z') });
const restoreInto = (database: DisputeKitDB, zip: Blob) => restoreBackup({ database, storage: storage(), now: () => new Date('2026-11-22T13:00:00.000Z') }, zip);
const pageRow = (manifest: any) => manifest.tables.evidence.find((e: any) => e.id === 'page-1'); // eslint-disable-line @typescript-eslint/no-explicit-any
const photoRow = (manifest: any) => manifest.tables.evidence.find((e: any) => e.id !== 'page-1'); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a backup of timestamped files', () => {
  it('restores each token with its file, and Verify checks them again', async () => {
    const source = await stampedDatabase();
    const zip = await backupOf(source);
    const expected = await snapshot(source);
    const target = freshDb();
    const outcome = await restoreInto(target, zip);
    expect(outcome.ok).toBe(true);
    expect(await snapshot(target)).toEqual(expected);
    const report = await verifyCase(target, CASE_ID, new Date());
    expect(report.ok).toBe(true);
    expect(report.items.map((i) => i.status === 'ok' && i.timestamp?.authority)).toEqual(['DisputeKit Test TSA, DisputeKit Tests', 'DisputeKit Test TSA, DisputeKit Tests']);
    target.close();
    await Dexie.delete(target.name);
  });

  it('refuses a forged token and writes nothing: another file’s, one the custody log never recorded, a changed one', async () => {
    const source = await stampedDatabase();
    const zip = await backupOf(source);
    const page = (await source.evidence.get('page-1'))!;
    const again = await requestTimestamp(tsa.url, page.sha256, { fetch: globalThis.fetch, timeoutMs: 10_000 });
    const forgeries: [string, (manifest: any) => void, string][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['another file’s token', (m) => void (pageRow(m).timestamp = photoRow(m).timestamp), 'timestamp-invalid'],
      ['a valid token of the same hash, not the logged one', (m) => void (pageRow(m).timestamp.record = again), 'timestamp-unlogged'],
      [
        'a token with a changed byte',
        (m) => {
          const der = Buffer.from(pageRow(m).timestamp.record.token, 'base64');
          der[der.length - 2] ^= 0xff;
          pageRow(m).timestamp.record.token = der.toString('base64');
        },
        'timestamp-invalid',
      ],
    ];
    for (const [what, forge, reason] of forgeries) {
      const target = freshDb();
      const before = await snapshot(target);
      const outcome = await restoreInto(target, await altered(zip, forge));
      expect(rejected(outcome), what).toEqual([expect.objectContaining({ table: 'evidence', id: 'page-1', field: 'timestamp', reason })]);
      expect(await snapshot(target), what).toEqual(before);
      if (outcome.ok || !('rejected' in outcome)) throw new Error('expected a rejection');
      expect(rejectionText(t, outcome.rejected[0])).toMatch(/^Page copy \(HTML\) · .* · AliExpress order 8190123456789012: its trusted timestamp (does not hold|is not the one its case’s custody log recorded)/);
      target.close();
      await Dexie.delete(target.name);
    }
  });

  it('shows what the token says, not a summary the backup altered: its time, signer and digest are taken from the token', async () => {
    const source = await stampedDatabase();
    const zip = await backupOf(source);
    const kept = (await source.evidence.get('page-1'))!.timestamp;
    if (kept?.state !== 'stamped') throw new Error('expected a token');
    const target = freshDb();
    const outcome = await restoreInto(
      target,
      await altered(zip, (m) => {
        const summary = pageRow(m).timestamp.record.summary;
        summary.genTime = '2020-01-01T00:00:00Z';
        summary.signer = { ...summary.signer, commonName: 'Forged TSA', organization: 'Nobody', subject: 'CN=Forged TSA' };
        summary.digest = 'f'.repeat(64);
      }),
    );
    expect(outcome.ok).toBe(true);
    const restored = (await target.evidence.get('page-1'))!.timestamp;
    expect(restored?.state === 'stamped' && restored.record.summary).toEqual(kept.record.summary);
    const report = await verifyCase(target, CASE_ID, new Date());
    expect(report.items.find((i) => i.evidenceId === 'page-1')).toMatchObject({ status: 'ok', timestamp: { genTime: kept.record.summary.genTime, authority: 'DisputeKit Test TSA, DisputeKit Tests' } });
    target.close();
    await Dexie.delete(target.name);
  });

  it('refuses a custody entry whose time or authority is not the token’s, even with its chain rebuilt, and writes nothing', async () => {
    const source = await stampedDatabase();
    const zip = await backupOf(source);
    for (const [what, change] of [
      ['another time', (e: any) => void (e.genTime = '2020-01-01T00:00:00Z')], // eslint-disable-line @typescript-eslint/no-explicit-any
      ['another authority', (e: any) => void (e.authority = 'Forged TSA')], // eslint-disable-line @typescript-eslint/no-explicit-any
    ] as const) {
      const target = freshDb();
      const outcome = await restoreInto(
        target,
        await altered(zip, (m) => {
          const log = m.tables.custody.filter((e: CustodyEntry) => e.caseId === CASE_ID).sort((a: CustodyEntry, b: CustodyEntry) => a.seq - b.seq);
          let prevHash = GENESIS_HASH;
          for (const entry of log) {
            if (entry.action === 'timestamped' && entry.evidenceId === 'page-1') change(entry);
            entry.prevHash = prevHash;
            const { hash: _hash, ...body } = entry;
            entry.hash = entryHash(body);
            prevHash = entry.hash;
          }
        }),
      );
      expect(rejected(outcome), what).toEqual([expect.objectContaining({ table: 'evidence', id: 'page-1', field: 'timestamp', reason: 'timestamp-unlogged' })]);
      expect(await target.evidence.count(), what).toBe(0);
      target.close();
      await Dexie.delete(target.name);
    }
  });

  it('works out each item’s place in the index of due timestamps again, whatever the backup says of it', async () => {
    const source = await stampedDatabase();
    await source.evidence.update('page-1', { timestamp: { state: 'waiting', attempts: 1, triedAt: '2026-11-21T09:00:00.000Z', next: '2026-11-21T09:01:00.000Z' }, timestampDue: '2026-11-21T09:01:00.000Z' });
    const zip = await backupOf(source);
    const target = freshDb();
    const outcome = await restoreInto(
      target,
      await altered(zip, (m) => {
        pageRow(m).timestampDue = '2099-01-01T00:00:00.000Z';
        photoRow(m).timestampDue = '2000-01-01T00:00:00.000Z';
      }),
    );
    expect(outcome.ok).toBe(true);
    expect((await target.evidence.get('page-1'))?.timestampDue).toBe('2026-11-21T09:01:00.000Z');
    expect(Object.keys((await target.evidence.filter((e) => e.id !== 'page-1').first())!)).not.toContain('timestampDue');
    target.close();
    await Dexie.delete(target.name);
  });

  it('names a malformed token, and writes nothing', async () => {
    const source = await stampedDatabase();
    const zip = await backupOf(source);
    const target = freshDb();
    const outcome = await restoreInto(
      target,
      await altered(zip, (m) => {
        pageRow(m).timestamp.record.token = 42;
      }),
    );
    expect(rejected(outcome)).toEqual([expect.objectContaining({ table: 'evidence', id: 'page-1', reason: 'invalid', field: 'timestamp.record.token' })]);
    expect(await target.evidence.count()).toBe(0);
    target.close();
    await Dexie.delete(target.name);
  });
});

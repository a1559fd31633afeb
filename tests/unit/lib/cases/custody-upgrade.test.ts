import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { getCustodyLog } from '@/lib/cases/cases';
import { checkChain, GENESIS_HASH } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import type { EvidenceRecord } from '@/lib/common/model';
import { verifyCase } from '@/lib/cases/verify-case';
import { sha256Hex } from '@/lib/common/hash';
import { addNote } from '@/lib/cases/evidence-import';
import { importDeps } from '../../support/case-fixture';

const NAME = 'custody-upgrade-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

const order = (orderId: string) => ({ orderId, items: [], sources: { orderId: 'url' as const } });
async function item(id: string, caseId: string, capturedAt: string): Promise<EvidenceRecord> {
  const blob = new Blob([`<html>${id}</html>`], { type: 'text/html' });
  return {
    id, caseId, captureId: id, kind: 'page-html', blob, mime: 'text/html', bytes: blob.size, sha256: await sha256Hex(blob),
    capturedAt, capturedAtLocal: capturedAt, timeZone: 'UTC',
    page: { url: 'https://www.aliexpress.com/p/order/detail.html', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    extensionVersion: '0.1.0', browser: 'test',
  };
}

describe('database version 3', () => {
  it('starts a custody log for the evidence already saved, per case in capture order', async () => {
    const v2 = new DisputeKitDB(NAME, 2);
    for (const id of ['aliexpress:1', 'aliexpress:2']) {
      await v2.cases.add({ id, platform: 'aliexpress', orderId: id.split(':')[1], order: order(id.split(':')[1]), state: 'open', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    }
    // Added out of order: the log must follow capture time, not insertion.
    await v2.evidence.bulkAdd([
      await item('late', 'aliexpress:1', '2026-11-03T00:00:00.000Z'),
      await item('early', 'aliexpress:1', '2026-11-02T00:00:00.000Z'),
      await item('other', 'aliexpress:2', '2026-11-02T12:00:00.000Z'),
    ]);
    v2.close();

    const current = new DisputeKitDB(NAME);
    const log = await getCustodyLog(current, 'aliexpress:1');
    expect(log.map((e) => [e.seq, e.action, e.evidenceId, e.at])).toEqual([
      [1, 'recorded', 'early', '2026-11-02T00:00:00.000Z'],
      [2, 'recorded', 'late', '2026-11-03T00:00:00.000Z'],
    ]);
    expect(log[0].prevHash).toBe(GENESIS_HASH);
    expect(checkChain('aliexpress:1', log)).toEqual([]);
    expect((await getCustodyLog(current, 'aliexpress:2')).map((e) => e.evidenceId)).toEqual(['other']);
    expect((await verifyCase(current, 'aliexpress:1', new Date())).ok).toBe(true);
    current.close();
  });
});

describe('custody entries written by DisputeKit 0.1 (version 1, no metadata)', () => {
  it('verify as they are, and new entries (version 2) continue their chain', async () => {
    const caseId = 'aliexpress:1';
    const database = new DisputeKitDB(NAME);
    await database.cases.add({ id: caseId, platform: 'aliexpress', orderId: '1', order: order('1'), state: 'open', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    const saved = await item('old', caseId, '2026-11-02T00:00:00.000Z');
    await database.evidence.add(saved);
    // The entry exactly as 0.1 wrote it: the SHA-256 of this canonical JSON, computed here independently.
    const body = { action: 'added', at: '2026-11-02T00:00:00.000Z', caseId, evidenceId: 'old', prevHash: GENESIS_HASH, seq: 1, sha256: saved.sha256 };
    const json = `{"action":"added","at":"2026-11-02T00:00:00.000Z","caseId":"${caseId}","evidenceId":"old","prevHash":"${GENESIS_HASH}","seq":1,"sha256":"${saved.sha256}"}`;
    await database.custody.add({ ...body, action: 'added', hash: createHash('sha256').update(json).digest('hex') });
    database.close();

    const current = new DisputeKitDB(NAME);
    expect((await verifyCase(current, caseId, new Date())).ok).toBe(true);
    // Its metadata is not covered (the old entry holds no digest), so a changed title does not show here…
    await current.evidence.update('old', { page: { ...saved.page!, title: 'Edited' } });
    expect((await verifyCase(current, caseId, new Date())).ok).toBe(true);
    // …but what is saved now is, and its entry links to the old one.
    const note = await addNote(importDeps(current), caseId, 'A note');
    if (!note.ok) throw new Error('note failed');
    const log = await getCustodyLog(current, caseId);
    expect(log.map((e) => [e.seq, 'v' in e ? e.v : 1])).toEqual([[1, 1], [2, 2]]);
    expect(log[1].prevHash).toBe(log[0].hash);
    expect(checkChain(caseId, log)).toEqual([]);
    expect((await verifyCase(current, caseId, new Date())).ok).toBe(true);
    await current.evidence.update(note.evidenceIds[0], { label: 'chat' });
    expect((await verifyCase(current, caseId, new Date())).items.map((i) => i.status)).toEqual(['ok', 'metadata']);
    current.close();
  });
});

import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import { SCHEMA_HISTORY } from '@/lib/cases/schema';

const NAME = 'disputekit-upgrade-test';

afterEach(async () => {
  await Dexie.delete(NAME);
});

const order = { orderId: '8190123456789012', items: [], sources: { orderId: 'url' as const } };

describe('database versions', () => {
  it('are declared in increasing order', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('upgrading from version 1 keeps every case and evidence row, and starts their timeline', async () => {
    const v1 = new DisputeKitDB(NAME, 1);
    await v1.cases.add({ id: 'aliexpress:8190123456789012', platform: 'aliexpress', orderId: '8190123456789012', order, state: 'open', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z' });
    const blob = new Blob(['<html></html>'], { type: 'text/html' });
    await v1.evidence.add({
      id: 'e1', caseId: 'aliexpress:8190123456789012', captureId: 'c1', kind: 'page-html', blob, mime: 'text/html', bytes: blob.size,
      sha256: 'a'.repeat(64), capturedAt: '2026-11-02T10:00:00.000Z', capturedAtLocal: '2026-11-02T18:00:00.000+08:00', timeZone: 'Asia/Shanghai',
      page: { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
      extensionVersion: '0.1.0', browser: 'test',
    });
    v1.close();

    const current = new DisputeKitDB(NAME);
    expect(await current.cases.count()).toBe(1);
    const evidence = await current.evidence.get('e1');
    expect(evidence?.sha256).toBe('a'.repeat(64));
    expect(await evidence!.blob.text()).toBe('<html></html>');
    const events = await current.events.where('caseId').equals('aliexpress:8190123456789012').toArray();
    expect(events.map((e) => e.type).sort()).toEqual(['case-opened', 'evidence-captured']);
    expect(current.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    current.close();
  });
});

describe('database version 5: readings', () => {
  it('upgrading from version 4 gives every case one reading of the facts it holds, and changes nothing else', async () => {
    const v4 = new DisputeKitDB(NAME, 4);
    const facts = { ...order, status: 'Awaiting delivery', store: { name: 'Sunrise' } };
    const record = { id: 'aliexpress:8190123456789012', platform: 'aliexpress' as const, orderId: '8190123456789012', order: facts, state: 'open' as const, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', userDue: { 'AE-02': '2026-12-01T00:00:00.000Z' } };
    await v4.cases.add(record);
    await v4.cases.add({ ...record, id: 'taobao:3344556677', platform: 'taobao', orderId: '3344556677', order: { orderId: '3344556677', items: [], sources: {} } });
    v4.close();

    const current = new DisputeKitDB(NAME);
    expect(await current.cases.get(record.id)).toEqual(record);
    const readings = await current.readings.orderBy('caseId').toArray();
    expect(readings.map(({ id: _id, ...r }) => r)).toEqual([
      { caseId: record.id, at: '2026-11-02T10:00:00.000Z', source: 'before-readings', order: facts },
      { caseId: 'taobao:3344556677', at: '2026-11-02T10:00:00.000Z', source: 'before-readings', order: { orderId: '3344556677', items: [], sources: {} } },
    ]);
    current.close();
  });
});

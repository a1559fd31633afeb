import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntries, checkChain, checkHoldings, entryHash, evidenceMetadata, expectedEvidence, GENESIS_HASH, metadataDigest, type EvidenceAction, type EvidenceEvent } from '@/lib/cases/custody';
import { sha256Hex, sha256HexSync } from '@/lib/common/hash';

const CASE = 'aliexpress:8190123456789012';
const event = (n: number, action: EvidenceAction = 'added'): EvidenceEvent => ({
  at: `2026-11-0${n}T10:00:00.000Z`,
  action,
  evidenceId: `e${n}`,
  sha256: String(n).repeat(64),
});

describe('synchronous SHA-256', () => {
  it('matches a reference implementation across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255);
      expect(sha256HexSync(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
    expect(sha256HexSync(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('FIPS 180-4 vectors: empty, "abc", the 448-bit message', () => {
    const text = (s: string) => sha256HexSync(new TextEncoder().encode(s));
    expect(text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
});

describe('SHA-256 of a file', () => {
  const bytes = Uint8Array.from({ length: 9 * 1024 * 1024 + 17 }, (_, i) => (i * 7919) >>> 3);
  const expected = createHash('sha256').update(bytes).digest('hex');

  it('a Blob is read from its stream into one buffer of ours, never whole', async () => {
    const blob = new Blob([bytes]);
    blob.arrayBuffer = () => Promise.reject(new Error('read whole'));
    blob.slice = () => {
      throw new Error('sliced');
    };
    expect(await sha256Hex(blob)).toBe(expected);
  });

  it('a Blob without a byte stream is read slice by slice', async () => {
    const blob = new Blob([bytes]);
    const sliced: number[] = [];
    const like = { size: blob.size, arrayBuffer: () => Promise.reject(new Error('read whole')), slice: (start: number, end: number) => (sliced.push(end - start), blob.slice(start, end)) };
    expect(await sha256Hex(like as unknown as Blob)).toBe(expected);
    expect(sliced).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024 + 17]);
  });

  it('bytes and an empty Blob; anything else is refused, not hashed as nothing', async () => {
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(bytes.buffer)).toBe(expected);
    expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await expect(sha256Hex({} as Blob)).rejects.toThrow(TypeError);
  });
});

describe('custody entries', () => {
  it('hash the canonical JSON of every field but the hash, including the previous hash', () => {
    const [first] = chainEntries(CASE, undefined, [event(1)]);
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    const { hash, ...body } = first;
    const json = canonicalJson(body);
    expect(json).toBe(
      `{"action":"added","at":"2026-11-01T10:00:00.000Z","caseId":"${CASE}","evidenceId":"e1","prevHash":"${GENESIS_HASH}","seq":1,"sha256":"${'1'.repeat(64)}"}`,
    );
    expect(hash).toBe(createHash('sha256').update(json).digest('hex'));
    expect(entryHash({ ...body, prevHash: 'f'.repeat(64) })).not.toBe(hash);
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, { x: 0, y: 1 }] }, b: 1 }));
  });

  it('continue a chain from its last entry', () => {
    const start = chainEntries(CASE, undefined, [event(1), event(2)]);
    const more = chainEntries(CASE, start[1], [event(3)]);
    expect(more[0].seq).toBe(3);
    expect(more[0].prevHash).toBe(start[1].hash);
    expect(checkChain(CASE, [...start, ...more])).toEqual([]);
  });
});

describe('checking a chain', () => {
  const log = () => chainEntries(CASE, undefined, [event(1), event(2), event(3), event(4)]);

  it('an untouched log has no breaks', () => {
    expect(checkChain(CASE, log())).toEqual([]);
  });

  it('a removed entry breaks the sequence and the link after it', () => {
    const entries = log();
    entries.splice(1, 1);
    const breaks = checkChain(CASE, entries);
    expect(breaks).toContainEqual({ kind: 'sequence', seq: 3, expectedSeq: 2 });
    expect(breaks).toContainEqual({ kind: 'link', seq: 3, expected: entries[0].hash, actual: log()[2].prevHash });
  });

  it('reordered entries are reported', () => {
    const entries = log();
    [entries[1], entries[2]] = [entries[2], entries[1]];
    const kinds = checkChain(CASE, entries).map((b) => `${b.kind}@${b.seq}`);
    expect(kinds).toEqual(expect.arrayContaining(['sequence@3', 'link@3', 'sequence@2', 'link@2']));
  });

  it('an edited entry no longer matches its hash, even when its seq stays', () => {
    const entries = log();
    entries[2] = { ...entries[2], sha256: 'a'.repeat(64) };
    expect(checkChain(CASE, entries)).toEqual([{ kind: 'edited', seq: 3, expected: entries[2].hash, actual: entryHash(entries[2]) }]);
  });

  it('an edited entry whose hash was recomputed breaks the link of the next one', () => {
    const entries = log();
    const body = { ...entries[1], at: '2026-12-31T00:00:00.000Z' };
    entries[1] = { ...body, hash: entryHash(body) };
    expect(checkChain(CASE, entries)).toEqual([{ kind: 'link', seq: 3, expected: entries[1].hash, actual: entries[2].prevHash }]);
  });

  it('an entry of another case or of the wrong shape is malformed', () => {
    const other = chainEntries('taobao:1', undefined, [event(1)]);
    expect(checkChain(CASE, other)).toEqual([{ kind: 'malformed', seq: 1 }]);
    expect(checkChain(CASE, [{ seq: 1, junk: true }])).toEqual([{ kind: 'malformed', seq: 1 }]);
  });
});

describe('what the log expects a case to hold', () => {
  it('is every item added and not deleted since', () => {
    const entries = chainEntries(CASE, undefined, [event(1), event(2), { ...event(1), action: 'deleted' }, event(3, 'recorded')]);
    expect([...expectedEvidence(entries).keys()]).toEqual(['e2', 'e3']);
  });
});

describe('version-2 entries: metadata and exports', () => {
  const meta = 'c'.repeat(64);
  it('an evidence entry hashes its metadata digest and its version with the rest', () => {
    const [entry] = chainEntries(CASE, undefined, [{ ...event(1), meta }]);
    expect(entry).toMatchObject({ v: 2, meta, seq: 1 });
    const json = `{"action":"added","at":"2026-11-01T10:00:00.000Z","caseId":"${CASE}","evidenceId":"e1","meta":"${meta}","prevHash":"${GENESIS_HASH}","seq":1,"sha256":"${'1'.repeat(64)}","v":2}`;
    expect(entry.hash).toBe(createHash('sha256').update(json).digest('hex'));
    expect(checkChain(CASE, [{ ...entry, meta: 'd'.repeat(64) }])).toEqual([{ kind: 'edited', seq: 1, expected: entry.hash, actual: expect.any(String) }]);
  });

  it('an export entry covers the report and the manifest, holds no item, and chains after old and new entries', () => {
    const old = chainEntries(CASE, undefined, [event(1)]);
    const next = chainEntries(CASE, old[0], [{ ...event(2), meta }]);
    const [exported] = chainEntries(CASE, next[0], [{ at: '2026-11-05T00:00:00.000Z', action: 'exported', report: 'a'.repeat(64), manifest: 'b'.repeat(64) }]);
    expect(exported).toMatchObject({ v: 2, seq: 3, action: 'exported', evidenceId: '', sha256: 'a'.repeat(64), manifest: 'b'.repeat(64), prevHash: next[0].hash });
    const log = [...old, ...next, exported];
    expect(checkChain(CASE, log)).toEqual([]);
    expect([...expectedEvidence(log).keys()]).toEqual(['e1', 'e2']);
    expect(expectedEvidence(log).get('e1')).not.toHaveProperty('meta');
    expect(expectedEvidence(log).get('e2')?.meta).toBe(meta);
    expect(checkChain(CASE, [...old, ...next, { ...exported, manifest: 'f'.repeat(64) }]).map((b) => b.kind)).toEqual(['edited']);
  });

  it('a field no version has, or a version-2 entry without its metadata digest, is malformed', () => {
    const [v1] = chainEntries(CASE, undefined, [event(1)]);
    expect(checkChain(CASE, [{ ...v1, note: 'slipped in' }])).toEqual([{ kind: 'malformed', seq: 1 }]);
    expect(checkChain(CASE, [{ ...v1, v: 2 }])).toEqual([{ kind: 'malformed', seq: 1 }]);
    const [exported] = chainEntries(CASE, undefined, [{ at: '2026-11-05T00:00:00.000Z', action: 'exported', report: 'a'.repeat(64), manifest: 'b'.repeat(64) }]);
    expect(checkChain(CASE, [{ ...exported, evidenceId: 'e1' }])).toEqual([{ kind: 'malformed', seq: 1 }]);
  });
});

describe('the metadata an entry covers', () => {
  const item = {
    id: 'e1', caseId: CASE, captureId: 'c1', kind: 'fullpage-screenshot' as const, blob: new Blob(['x']), thumbnail: new Blob(['t']), mime: 'image/png', bytes: 1, sha256: '1'.repeat(64),
    capturedAt: '2026-11-01T10:00:00.000Z', capturedAtLocal: '2026-11-01T13:00:00.000+03:00', timeZone: 'Europe/Moscow',
    page: { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2 },
    extensionVersion: '0.1.0', browser: 'Chrome 140', part: { index: 1, count: 2 }, label: 'order' as const,
  };
  it('is every stored field but the bytes, ids and hash, with the page flattened', () => {
    expect(evidenceMetadata(item)).toEqual({
      captureId: 'c1', kind: 'fullpage-screenshot', mime: 'image/png', bytes: 1, capturedAt: item.capturedAt, capturedAtLocal: item.capturedAtLocal, timeZone: 'Europe/Moscow',
      url: item.page.url, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 2, extensionVersion: '0.1.0', browser: 'Chrome 140', part: { index: 1, count: 2 }, label: 'order',
    });
  });
  it('changes with any of URL, title, kind, capture times, part, label or file name, not with the thumbnail', () => {
    const digest = (changed: object) => metadataDigest(evidenceMetadata({ ...item, ...changed }));
    const base = digest({});
    for (const changed of [{ page: { ...item.page, url: `${item.page.url}0` } }, { page: { ...item.page, title: 'Other' } }, { kind: 'visible-screenshot' }, { capturedAt: '2026-11-02T10:00:00.000Z' }, { capturedAtLocal: '2026-11-01T14:00:00.000+04:00' }, { part: { index: 2, count: 2 } }, { label: 'listing' }, { fileName: 'a.png' }]) {
      expect(digest(changed)).not.toBe(base);
    }
    expect(digest({ thumbnail: new Blob(['other']) })).toBe(base);
  });
});

describe('what a case or a dossier holds, against the log', () => {
  it('each held item once, logged, with the metadata it was logged with; each logged item held', () => {
    const metadata = { kind: 'note', capturedAt: '2026-11-01T10:00:00.000Z' };
    const log = chainEntries(CASE, undefined, [{ ...event(1), meta: metadataDigest(metadata) }, event(2), { ...event(3), meta: metadataDigest(metadata) }]);
    const { items, missing } = checkHoldings(log, [
      { evidenceId: 'e1', metadata },
      { evidenceId: 'e2', metadata: { anything: 'old entries cover no metadata' } },
      { evidenceId: 'e1', metadata },
      { evidenceId: 'x', metadata },
    ]);
    expect(items.map((i) => (i.status === 'logged' ? `logged${i.metadataChanged ? ' changed' : ''}` : i.status))).toEqual(['logged', 'logged', 'duplicate', 'unlogged']);
    expect(missing.map(([id]) => id)).toEqual(['e3']);
    expect(checkHoldings(log, [{ evidenceId: 'e3', metadata: { ...metadata, kind: 'file' } }]).items[0]).toMatchObject({ status: 'logged', metadataChanged: true });
  });
});

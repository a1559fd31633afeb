// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseEvidenceList } from '@/components/case/CaseEvidenceList';
import { getCase, getCaseEvidence, saveCapture } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { gatherCase } from '@/lib/dossier/gather';
import { buildManifest } from '@/lib/dossier/manifest';
import { renderReport } from '@/lib/dossier/report';
import { inCaptureOrder, newestCaptureFirst } from '@/lib/cases/evidence-order';
import { sha256Hex } from '@/lib/common/hash';
import { translator } from '@/lib/i18n';
import { composeLetter } from '@/lib/letters';
import { letterFacts } from '@/lib/letters/facts';
import type { EvidenceKind, EvidenceRecord } from '@/lib/common/model';

const CASE_ID = 'aliexpress:8190123456789012';
const NAME = 'evidence-order-test';
let database: DisputeKitDB;

type Item = Pick<EvidenceRecord, 'id' | 'captureId' | 'kind' | 'capturedAt'> & { part?: { index: number; count: number } };
const item = (id: string, captureId: string, kind: EvidenceKind, capturedAt: string, part?: number): Item => ({
  id, captureId, kind, capturedAt, ...(part && { part: { index: part, count: 3 } }),
});

describe('inCaptureOrder / newestCaptureFirst', () => {
  const T1 = '2026-11-20T10:00:00.000Z';
  const T2 = '2026-11-21T10:00:00.000Z';
  // As the database's index returns them: by time, then by (random) id.
  const stored = [
    item('a', 'c1', 'page-html', T1),
    item('b', 'c1', 'fullpage-screenshot', T1, 2),
    item('c', 'c1', 'page-mhtml', T1),
    item('d', 'c1', 'fullpage-screenshot', T1, 1),
    item('e', 'c1', 'fullpage-screenshot', T1, 3),
    item('f', 'c2', 'page-html', T2),
    item('g', 'c3', 'file', T2),
    item('h', 'c2', 'visible-screenshot', T2),
  ];

  it('puts each capture as screenshot (parts in order) → archive → HTML, captures oldest first', () => {
    expect(inCaptureOrder(stored).map((e) => e.id)).toEqual(['d', 'b', 'e', 'c', 'a', 'h', 'f', 'g']);
  });

  it('lists the newest capture first without turning a capture’s own order round', () => {
    expect(newestCaptureFirst(stored).map((e) => e.id)).toEqual(['g', 'h', 'f', 'd', 'b', 'e', 'c', 'a']);
  });

  it('dates a capture by its earliest item, whatever order it is given in', () => {
    const shuffled = [item('x', 'late', 'page-html', T2), item('y', 'early', 'page-html', T1), item('z', 'late', 'page-mhtml', T2)];
    expect(inCaptureOrder(shuffled).map((e) => e.id)).toEqual(['y', 'z', 'x']);
  });
});

describe('one order on every surface', () => {
  const AT = new Date('2026-11-20T10:00:00.000Z');
  // Ids chosen so the database's own order (by id within one capture time) is HTML, archive, screenshot parts backwards.
  const KINDS: [string, EvidenceKind, string, number?][] = [
    ['a-html', 'page-html', 'text/html'],
    ['b-mhtml', 'page-mhtml', 'multipart/related'],
    ['c-shot', 'fullpage-screenshot', 'image/png', 2],
    ['d-shot', 'fullpage-screenshot', 'image/png', 1],
  ];

  beforeEach(async () => {
    database = new DisputeKitDB(NAME);
    const evidence = await Promise.all(
      KINDS.map(async ([id, kind, mime, part]) => {
        const blob = new Blob([`bytes of ${id}`], { type: mime });
        return {
          id, captureId: 'cap-1', kind, blob, mime, bytes: blob.size, sha256: await sha256Hex(blob),
          capturedAt: AT.toISOString(), capturedAtLocal: '2026-11-20T13:00:00.000+03:00', timeZone: 'Europe/Moscow',
          page: { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
          extensionVersion: '0.1.0', browser: 'test', ...(part && { part: { index: part, count: 2 } }),
        };
      }),
    );
    await saveCapture(database, { platform: 'aliexpress', order: { orderId: '8190123456789012', items: [], sources: {} }, evidence, now: AT });
  });
  afterEach(async () => {
    database.close();
    await Dexie.delete(NAME);
  });

  const EXPECTED = ['d-shot', 'c-shot', 'b-mhtml', 'a-html'];

  it('getCaseEvidence (the case page’s and the letter editor’s data)', async () => {
    expect((await getCaseEvidence(database, CASE_ID)).map((e) => e.id)).toEqual(EXPECTED);
  });

  it('the case page’s list', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const captured = await getCaseEvidence(database, CASE_ID);
    // A note written a day later: the newest capture comes first, the capture before keeps its own order.
    const note = { ...captured[0], id: 'note', captureId: 'cap-2', kind: 'note' as const, mime: 'text/plain', blob: new Blob(['later']), capturedAt: '2026-11-21T10:00:00.000Z', page: undefined, part: undefined };
    await act(() => render(<CaseEvidenceList t={translator('en')} lang="en" evidence={[...captured, note]} onDelete={() => undefined} />, root));
    expect([...root.querySelectorAll('[data-testid="evidence-item"]')].map((li) => li.getAttribute('data-kind'))).toEqual(['note', 'fullpage-screenshot', 'fullpage-screenshot', 'page-mhtml', 'page-html']);
    render(null, root);
    root.remove();
  });

  it('the letter’s evidence list', async () => {
    const record = (await getCase(database, CASE_ID))!;
    // Given in the database's raw order, the letter still lists screenshot → archive → HTML.
    const raw = await database.evidence.where('caseId').equals(CASE_ID).toArray();
    const facts = letterFacts(record, raw, []);
    const { body } = composeLetter('seller', 'en', facts, { problem: 'damaged', demand: 'refund', date: AT, timeZone: 'UTC' });
    const t = translator('en');
    const positions = ['evidenceKind.fullpage-screenshot', 'evidenceKind.page-mhtml', 'evidenceKind.page-html'].map((key) => body.indexOf(t(key as never)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('the dossier’s numbering and its report', async () => {
    const dossier = (await gatherCase(database, CASE_ID, AT))!;
    const manifest = buildManifest({ ...dossier, exportedAt: AT, extensionVersion: '0.1.0' });
    expect(manifest.files.map((f) => f.path)).toEqual([
      'evidence/01-fullpage-screenshot-dshot.png',
      'evidence/02-fullpage-screenshot-cshot.png',
      'evidence/03-page-mhtml-bmhtml.mhtml',
      // This fixture's HTML has no htmlArchive (stored as before archives were sealed), so it goes out as .txt.
      'evidence/04-page-html-ahtml.txt',
    ]);
    const html = renderReport({ dossier, manifest, locale: 'en', timeZone: 'UTC', thumbnails: new Map() });
    expect([...html.matchAll(/data-evidence-id="([^"]+)"/g)].map((m) => m[1])).toEqual(EXPECTED);
  });
});

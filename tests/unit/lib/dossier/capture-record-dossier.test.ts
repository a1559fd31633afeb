// A full-page screenshot's record in a dossier: listed in the manifest, covered by its custody entry (an
// edited record fails verification), and shown in the report's evidence card.
import Dexie from 'dexie';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidenceToCase } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import type { CaptureRecord } from '@/lib/common/model';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';
import { dossierZip } from '../../support/dossier-fixture';
import { dossierParts, rawZip, type DossierParts } from '../../support/dossier-forgery';

const NAME = 'capture-record-dossier-test';
const RECORD: CaptureRecord = {
  screens: [
    { asked: 0, got: 0 },
    { asked: 800, got: 800 },
    { asked: 1600, got: 1600 },
    { asked: 2400, got: 2400 },
    { asked: 3200, got: 3200 },
    { asked: 4000, got: 4000 },
    { asked: 4800, got: 4800 },
    { asked: 5600, got: 5600 },
    { asked: 6400, got: 6400 },
    { asked: 7200, got: 7200 },
  ],
  before: { width: 1280, height: 8000 },
  after: { width: 1280, height: 9240 },
  window: { width: 1280, viewHeight: 800 },
  hidden: [{ tag: 'header', id: 'top', className: 'site-header', position: 'fixed', width: 1280, height: 60, label: '<b>Shop</b>' }],
  changes: [{ kind: 'grew', screen: 9, from: 8000, to: 9240 }],
  replans: 20,
  image: { top: 0, bottom: 8000 },
  mismatch: { imageBottom: 8000, pageHeight: 9240 },
};

let parts: DossierParts;
let report: string;

beforeAll(async () => {
  const database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
  const blob = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
  await addEvidenceToCase(database, CASE_ID, [{
    id: 'shot-1', captureId: 'c2', kind: 'fullpage-screenshot', blob, mime: 'image/png', bytes: blob.size, sha256: await sha256Hex(blob),
    capturedAt: '2026-11-20T10:05:00.000Z', capturedAtLocal: '2026-11-20T13:05:00.000+03:00', timeZone: 'Europe/Moscow',
    page: { url: 'https://www.aliexpress.com/item/1.html', title: 'Lamp', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    extensionVersion: '0.1.0', browser: 'test', image: { width: 1280, height: 8000 }, captureRecord: RECORD,
  }], new Date('2026-11-20T10:05:00.000Z'));
  const { zip } = await dossierZip(database);
  parts = dossierParts(zip);
  report = new TextDecoder().decode(parts.entries.find((e) => e.name === 'report.html')!.data);
  database.close();
  await Dexie.delete(NAME);
});
afterAll(() => Dexie.delete(NAME));

const verdict = async (zip: Uint8Array) => {
  const { lines, exitCode } = describeVerdict(await verifyDossier(bufferSource(zip)));
  return { code: exitCode, text: lines.join('\n') };
};
const shotLine = () => parts.manifest.files.find((f: { kind: string }) => f.kind === 'fullpage-screenshot');

describe('a capture’s record in a dossier', () => {
  it('is in the manifest as stored, and the dossier verifies', async () => {
    expect(shotLine().captureRecord).toEqual(RECORD);
    const { code, text } = await verdict(rawZip(parts.entries));
    expect(text).not.toMatch(/^METADATA/m);
    expect(code).toBe(0);
  });

  it('an edited record fails: the part that was not in the image cannot be made to disappear', async () => {
    for (const edit of [
      (r: CaptureRecord) => delete r.mismatch,
      (r: CaptureRecord) => (r.after.height = 8000),
      (r: CaptureRecord) => (r.changes = []),
    ]) {
      const manifest = structuredClone(parts.manifest);
      const line = manifest.files.find((f: { kind: string }) => f.kind === 'fullpage-screenshot');
      edit(line.captureRecord);
      const entries = parts.entries.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: strToU8(JSON.stringify(manifest, null, 2)) } : e));
      const { code, text } = await verdict(rawZip(entries));
      expect(code).toBe(1);
      expect(text).toMatch(new RegExp(`^METADATA "${line.path}": its details in manifest\\.json are not those custody entry \\d+ recorded$`, 'm'));
    }
  });

  it('the report’s evidence card says the page grew and what is not in the image, with the hidden header escaped', () => {
    expect(report).toContain('The page grew by 1,240 px while it was captured: the part below 8,000 px is not in this image.');
    expect(report).toContain('data-record-mark="notInImage"');
    expect(report).toContain('The page was 8,000 px tall when the capture began and 9,240 px when it ended');
    expect(report).toMatch(/header#top\.site-header<\/span> \(fixed, 1,280×60\) “<span class="data">&lt;b&gt;Shop&lt;\/b&gt;<\/span>”/);
    expect(report).not.toContain('<b>Shop</b>');
  });
});

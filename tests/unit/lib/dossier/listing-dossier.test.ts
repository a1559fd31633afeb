// A listing as bought in a dossier: its item named in the manifest, covered by its custody entry (an edited name
// fails verification), and said in the report's evidence card, the page's words escaped.
import Dexie from 'dexie';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidenceToCase } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { CASE_ID, caseWithCapture } from '../../support/case-fixture';
import { dossierZip } from '../../support/dossier-fixture';
import { dossierParts, rawZip, type DossierParts } from '../../support/dossier-forgery';

const NAME = 'listing-dossier-test';
const TITLE = '对讲机 <b>A3</b>';
let parts: DossierParts;
let report: string;

beforeAll(async () => {
  const database = new DisputeKitDB(NAME);
  await caseWithCapture(database);
  const blob = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 4, 5, 6])], { type: 'image/png' });
  await addEvidenceToCase(database, CASE_ID, [{
    id: 'listing-1', captureId: 'c3', kind: 'fullpage-screenshot', blob, mime: 'image/png', bytes: blob.size, sha256: await sha256Hex(blob),
    capturedAt: '2026-11-20T10:06:00.000Z', capturedAtLocal: '2026-11-20T18:06:00.000+08:00', timeZone: 'Asia/Shanghai',
    page: { url: 'https://www.aliexpress.com/snapshot/0.html?orderId=8190123456789012&productId=1', title: 'Snapshot', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
    extensionVersion: '0.1.0', browser: 'test', label: 'listing', snapshotOf: TITLE,
  }], new Date('2026-11-20T10:06:00.000Z'));
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
const listingLine = (manifest = parts.manifest) => manifest.files.find((f: { evidenceId: string }) => f.evidenceId === 'listing-1');

describe('a listing as bought in a dossier', () => {
  it('names its item in the manifest, and the dossier verifies', async () => {
    expect(listingLine()).toMatchObject({ label: 'listing', snapshotOf: TITLE });
    const { code, text } = await verdict(rawZip(parts.entries));
    expect(text).not.toMatch(/^METADATA/m);
    expect(code).toBe(0);
  });

  it('an edited item name fails verification', async () => {
    const manifest = structuredClone(parts.manifest);
    listingLine(manifest).snapshotOf = 'another item';
    const entries = parts.entries.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: strToU8(JSON.stringify(manifest, null, 2)) } : e));
    const { code, text } = await verdict(rawZip(entries));
    expect(code).toBe(1);
    expect(text).toMatch(/^METADATA /m);
  });

  it('the report says which item it is the listing as bought of, the title escaped', () => {
    expect(report).toContain('<span data-listing-of>Listing as bought: <span class="data">对讲机 &lt;b&gt;A3&lt;/b&gt;</span></span>');
    expect(report).not.toContain('<b>A3</b>');
  });
});

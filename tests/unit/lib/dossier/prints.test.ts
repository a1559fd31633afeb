import Dexie from 'dexie';
import { unzipSync, zipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '@/lib/cases/cases';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { exportDossier, sealDossier } from '@/lib/dossier/export';
import type { PrintImaging } from '@/lib/dossier/stamped-print';
import { ExportCancelled, writeZip } from '@/lib/dossier/zip-stream';
import { memorySink } from '../../support/dossier-fixture';

const NAME = 'dossier-prints-test';
const ORDER = '8190123456789012';
const CASE_ID = `aliexpress:${ORDER}`;
const AT = new Date('2026-11-20T10:00:00.000Z');
const EXPORTED_AT = new Date('2026-11-25T12:00:00.000Z');
let database: DisputeKitDB;

type FakeBitmap = { width: number; height: number; close(): void; source: string };
/** Draws nothing real: the "PNG" is the list of what was drawn, so the test reads the band's text back. */
function recordingImaging(fail: (source: string) => boolean = () => false): PrintImaging<FakeBitmap> {
  return {
    decode: async (blob) => {
      const source = await blob.text();
      if (fail(source)) throw new Error('cannot decode');
      return { width: 1280, height: 800, close: () => undefined, source };
    },
    measure: (text, px) => [...text].length * px * 0.5,
    canvas: () => {
      const drawn: string[] = [];
      return {
        drawImage: (bitmap) => drawn.push(`image:${bitmap.source}`),
        fillRect: () => undefined,
        fillText: (text) => drawn.push(text),
        toPng: async () => new Blob([drawn.join('\n')], { type: 'image/png' }),
      };
    },
  };
}

async function seed(): Promise<void> {
  const shot = async (id: string, bytes: string, part?: { index: number; count: number }) => {
    const blob = new Blob([bytes], { type: 'image/png' });
    return {
      id, captureId: 'cap-1', kind: 'fullpage-screenshot' as const, blob, mime: 'image/png', bytes: blob.size, sha256: await sha256Hex(blob),
      capturedAt: AT.toISOString(), capturedAtLocal: '2026-11-20T13:00:00.000+03:00', timeZone: 'Europe/Moscow',
      page: { url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`, title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
      extensionVersion: '0.1.0', browser: 'test', image: { width: 1280, height: 800 }, ...(part && { part }),
    };
  };
  const note = new Blob(['a note'], { type: 'text/plain' });
  await saveCapture(database, {
    platform: 'aliexpress',
    order: { orderId: ORDER, items: [], sources: {} },
    now: AT,
    evidence: [
      await shot('shot-a', 'first part', { index: 1, count: 2 }),
      await shot('shot-b', 'second part', { index: 2, count: 2 }),
      { id: 'note-1', captureId: 'cap-1', kind: 'note', blob: note, mime: 'text/plain', bytes: note.size, sha256: await sha256Hex(note), capturedAt: AT.toISOString(), capturedAtLocal: '2026-11-20T13:00:00.000+03:00', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0', browser: 'test' },
    ],
  });
}

async function exported(imaging?: PrintImaging<FakeBitmap>) {
  const sealed = (await sealDossier({ database, locale: 'ru', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0', ...(imaging && { printImaging: imaging }) }, CASE_ID, EXPORTED_AT))!;
  const sink = memorySink();
  await writeZip(sealed.entries, sink, { mtime: EXPORTED_AT });
  return { manifest: sealed.manifest, zip: sink.bytes() };
}

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await seed();
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

describe('stamped prints in the dossier', () => {
  it('a print of each screenshot beside the untouched original, listed in the manifest, shown in the report, and verified', async () => {
    const { manifest, zip } = await exported(recordingImaging());
    const files = unzipSync(zip);
    const shots = manifest.files.filter((f) => f.kind === 'fullpage-screenshot');
    expect(manifest.prints?.map((p) => [p.path, p.of])).toEqual(shots.map((s) => [s.path.replace('evidence/', 'prints/').replace('.png', '-print.png'), s.path]));
    // The original is byte for byte what was captured; the print names it by its SHA-256, in the UI language.
    expect(strFromU8(files[shots[0].path])).toBe('first part');
    const print = strFromU8(files[manifest.prints![0].path]);
    expect(print.split('\n')[0]).toBe('image:first part');
    expect(print).toContain(`SHA-256 исходного снимка: ${shots[0].sha256}`);
    expect(print).toContain('Адрес страницы: https://www.aliexpress.com/p/order/detail.html?orderId=');
    expect(print).toContain('Часть страницы: 1 из 2.');
    expect(manifest.prints![0].sha256).toBe(await sha256Hex(new Blob([files[manifest.prints![0].path]])));
    // No print of a note.
    expect(manifest.prints).toHaveLength(2);
    const report = strFromU8(files['report.html']);
    expect(report).toContain(`<img src="${manifest.prints![0].path}"`);
    expect(report).toContain("img-src data: 'self'");

    const { lines, exitCode } = describeVerdict(await verifyDossier(bufferSource(zip)));
    expect(exitCode, lines.join('\n')).toBe(0);
    expect(lines.filter((l) => l.startsWith('OK prints/'))).toHaveLength(2);
  });

  it('a changed, removed or swapped print fails verification, naming it', async () => {
    const { manifest, zip } = await exported(recordingImaging());
    const [first, second] = manifest.prints!;
    const files = unzipSync(zip);

    const changed = { ...files, [first.path]: new TextEncoder().encode('a print drawn over') };
    let verdict = describeVerdict(await verifyDossier(bufferSource(zipSync(changed))));
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines.join('\n')).toMatch(new RegExp(`^MISMATCH ${first.path} `, 'm'));

    const { [second.path]: _gone, ...removed } = files;
    verdict = describeVerdict(await verifyDossier(bufferSource(zipSync(removed))));
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines.join('\n')).toContain(second.path);

    // The manifest edited to call one screenshot's print the other's: the export entry no longer vouches for it.
    const json = JSON.parse(strFromU8(files['manifest.json']));
    [json.prints[0].of, json.prints[1].of] = [json.prints[1].of, json.prints[0].of];
    const swapped = { ...files, 'manifest.json': new TextEncoder().encode(JSON.stringify(json)) };
    verdict = describeVerdict(await verifyDossier(bufferSource(zipSync(swapped))));
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines.join('\n')).toMatch(/MANIFEST EDITED/);
  });

  it('a screenshot the browser cannot draw gets no print, and the export goes on', async () => {
    const { manifest, zip } = await exported(recordingImaging((source) => source === 'second part'));
    expect(manifest.prints?.map((p) => p.evidenceId)).toEqual(['shot-a']);
    expect(describeVerdict(await verifyDossier(bufferSource(zip))).exitCode).toBe(0);
  });

  it('without drawing (Node) a dossier has no prints and verifies as before', async () => {
    const { manifest, zip } = await exported();
    expect(manifest.prints).toBeUndefined();
    expect(Object.keys(unzipSync(zip)).some((name) => name.startsWith('prints/'))).toBe(false);
    expect(describeVerdict(await verifyDossier(bufferSource(zip))).exitCode).toBe(0);
  });
});

describe('the export while its prints are drawn', () => {
  it('says how far the prints are before any byte is written, then writes the ZIP', async () => {
    const sink = memorySink();
    const seen: string[] = [];
    await exportDossier(
      { database, now: () => EXPORTED_AT, locale: 'en', timeZone: 'UTC', extensionVersion: '0.1.0', printImaging: recordingImaging() },
      CASE_ID,
      sink,
      { onPrint: (done, total) => void seen.push(`${done}/${total} written:${sink.chunks}`) },
    );
    expect(seen).toEqual(['0/2 written:0', '1/2 written:0', '2/2 written:0']);
    expect(sink.chunks).toBeGreaterThan(0);
  });

  it('a Cancel while the prints are drawn stops it: nothing written, no export in the custody log', async () => {
    const sink = memorySink();
    const abort = new AbortController();
    const before = await database.custody.where('caseId').equals(CASE_ID).count();
    const run = exportDossier(
      { database, now: () => EXPORTED_AT, locale: 'en', timeZone: 'UTC', extensionVersion: '0.1.0', printImaging: recordingImaging() },
      CASE_ID,
      sink,
      { signal: abort.signal, onPrint: (done) => done === 1 && abort.abort() },
    );
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(sink.aborted).toBe(true);
    expect(sink.chunks).toBe(0);
    expect(await database.custody.where('caseId').equals(CASE_ID).count()).toBe(before);
  });
});

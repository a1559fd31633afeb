import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEvidenceToCase, getCustodyLog } from '@/lib/cases/cases';
import { canonicalJson, checkChain } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { sha256Hex } from '@/lib/common/hash';
import { pageHtmlEvidence } from '@/lib/capture/page-archive';
import { verifyCase } from '@/lib/cases/verify-case';
import { exportDossier } from '@/lib/dossier/export';
import { buildManifest, evidencePath, extensionFor, manifestDigest } from '@/lib/dossier/manifest';
import { blobSink, fileHandleSink } from '@/lib/dossier/sinks';
import { bufferSource, describeVerdict, readZipDirectory, verifyDossier } from '@/lib/cli/verify-dossier';
import { ExportCancelled, writeZip } from '@/lib/dossier/zip-stream';
import { CASE_ID } from '../../support/case-fixture';
import { dossierZip, EXPORTED_AT, memorySink, seedDossierCase, VIDEO_BYTES } from '../../support/dossier-fixture';

const NAME = 'dossier-test';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let database: DisputeKitDB;

beforeEach(async () => {
  database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

async function verifyBytes(zip: Uint8Array) {
  return describeVerdict(await verifyDossier(bufferSource(zip)));
}

describe('the manifest', () => {
  it('lists every file with its path, SHA-256, size, type and capture metadata, the custody log and deadlines', async () => {
    const { manifest, dossier } = await dossierZip(database);
    expect(manifest.format).toBe('disputekit-dossier');
    // Issue 12: format 2 (metadata in the log, the export entry).
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.exportedAt).toBe(EXPORTED_AT.toISOString());
    expect(manifest.case).toMatchObject({ id: CASE_ID, platform: 'aliexpress', orderId: '8190123456789012', state: 'open' });
    expect(manifest.files.map((f) => f.path)).toEqual([
      'evidence/01-page-html-page1.html',
      'evidence/02-file-imp2.jpg',
      'evidence/03-file-imp3.mp4',
      'evidence/04-note-imp5.txt',
    ]);
    for (const file of manifest.files) {
      const item = dossier.evidence.find((e) => e.id === file.evidenceId)!;
      expect(file.sha256).toBe(sha(new Uint8Array(await item.blob.arrayBuffer())));
      expect(file.bytes).toBe(item.blob.size);
      expect(file.mime).toBe(item.mime);
      expect(file.capturedAt).toBe(item.capturedAt);
      expect(file.capturedAtLocal).toBe(item.capturedAtLocal);
      expect(file.timeZone).toBe(item.timeZone);
    }
    expect(manifest.files[0]).toMatchObject({ url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1, browser: 'test', extensionVersion: '0.1.0' });
    expect(manifest.files[1]).toMatchObject({ label: 'unboxing', fileName: 'box "crushed".jpg' });
    // Issue 12: the export appends an entry, which ends the manifest's log.
    expect(manifest.custody.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(manifest.custody.entries.slice(0, 4)).toEqual(dossier.custody);
    expect(manifest.custody.entries[4]).toMatchObject({ action: 'exported', prevHash: dossier.custody[3].hash });
    expect(manifest.custody.headHash).toBe(manifest.custody.entries[4].hash);
    expect(manifest.deadlines.length).toBeGreaterThan(0);
    expect(manifest.deadlines.some((d) => d.passed)).toBe(true);
  });

  it('takes each file’s SHA-256 from the custody log, so a row edited outside the app does not vouch for itself', async () => {
    const { dossier } = await dossierZip(database);
    const forged = dossier.evidence.map((e, i) => (i === 1 ? { ...e, sha256: 'f'.repeat(64) } : e));
    const manifest = buildManifest({ ...dossier, evidence: forged, exportedAt: EXPORTED_AT, extensionVersion: '0.1.0' });
    expect(manifest.files[1].sha256).toBe(dossier.evidence[1].sha256);
  });

  it('names files from the app’s values only: number, kind, short id and an extension from the type', () => {
    expect(evidencePath(3, 120, { id: '../../etc/passwd', kind: 'file', mime: 'application/x-unknown', fileName: 'evil.sh' })).toBe('evidence/003-file-etcpassw.sh');
    expect(extensionFor({ mime: 'multipart/related' })).toBe('mhtml');
    expect(extensionFor({ mime: 'text/html;charset=utf-8' })).toBe('html');
    expect(extensionFor({ mime: 'application/octet-stream', fileName: 'no extension' })).toBe('bin');
  });
});

describe('the ZIP stream', () => {
  it('holds the report, the manifest and every evidence file byte for byte; media stored, text deflated', async () => {
    const { zip, manifest, dossier } = await dossierZip(database);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'report.html', ...manifest.files.map((f) => f.path)].sort());
    expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual(JSON.parse(JSON.stringify(manifest)));
    for (const file of manifest.files) expect(sha(files[file.path])).toBe(file.sha256);
    expect(sha(files['evidence/03-file-imp3.mp4'])).toBe(sha(VIDEO_BYTES));
    const methods = Object.fromEntries((await readZipDirectory(bufferSource(zip))).map((e) => [e.name, e.method]));
    expect(methods['evidence/03-file-imp3.mp4']).toBe(0);
    expect(methods['evidence/02-file-imp2.jpg']).toBe(0);
    expect(methods['evidence/01-page-html-page1.html']).toBe(8);
    expect(methods['report.html']).toBe(8);
    expect(dossier.evidence).toHaveLength(4);
  });

  it('streams: a large file reaches the sink in many chunks, never as one archive-sized buffer', async () => {
    const big = new Blob([new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 31) & 255)], { type: 'video/mp4' });
    const sink = memorySink();
    let largest = 0;
    const write = sink.write;
    sink.write = async (chunk) => {
      largest = Math.max(largest, chunk.length);
      return write(chunk);
    };
    const progress: number[] = [];
    await writeZip([{ path: 'evidence/01-file-big.mp4', blob: big, mime: 'video/mp4' }], sink, { onProgress: (p) => progress.push(p.done) });
    expect(sink.chunks).toBeGreaterThan(6);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
    expect(progress.at(-1)).toBe(big.size);
    expect(sha(unzipSync(sink.bytes())['evidence/01-file-big.mp4'])).toBe(sha(new Uint8Array(await big.arrayBuffer())));
  });

  it('cancelling stops the export and aborts the sink, so nothing half-written is kept', async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const big = new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'video/mp4' });
    const run = writeZip([{ path: 'evidence/01-file-a.mp4', blob: big, mime: 'video/mp4' }], sink, {
      signal: controller.signal,
      onProgress: (p) => p.done > 100_000 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(sink.aborted).toBe(true);
    expect(sink.bytes()).toHaveLength(0);
  });

  it('exportDossier into a Blob sink gives a dossier that verifies', async () => {
    const sink = blobSink();
    await exportDossier({ database, now: () => EXPORTED_AT, locale: 'ru', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0' }, CASE_ID, sink);
    const zip = new Uint8Array(await sink.result().arrayBuffer());
    expect((await verifyBytes(zip)).exitCode).toBe(0);
  });
});

describe('a page taken in sections', () => {
  it('a screenshot that holds screens 201–400 of a very tall page: the manifest and report say so, and it verifies', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
    const at = '2026-11-21T09:00:00.000Z';
    await addEvidenceToCase(
      database,
      CASE_ID,
      [
        {
          id: 'section-shot', captureId: 'c-section', kind: 'fullpage-screenshot', blob: png, mime: 'image/png', bytes: png.size, sha256: await sha256Hex(png),
          capturedAt: at, capturedAtLocal: '2026-11-21T12:00:00.000+03:00', timeZone: 'Europe/Moscow',
          page: { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012', title: 'Order', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 },
          extensionVersion: '0.1.0', browser: 'test', section: { first: 201, last: 400, of: 6250 },
        },
      ],
      new Date(at),
    );
    const sink = blobSink();
    await exportDossier({ database, now: () => EXPORTED_AT, locale: 'en', timeZone: 'Europe/Moscow', extensionVersion: '0.1.0' }, CASE_ID, sink);
    const zip = new Uint8Array(await sink.result().arrayBuffer());
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.files.find((f: { evidenceId: string }) => f.evidenceId === 'section-shot').section).toEqual({ first: 201, last: 400, of: 6250 });
    expect(strFromU8(files['report.html'])).toContain('201–400 of 6250 (the page was taken in sections)');
    expect((await verifyBytes(zip)).exitCode).toBe(0);
  });
});

describe('verifying a dossier ZIP', () => {
  it('an untouched dossier: one OK line per file, the chain holds, exit 0', async () => {
    const { zip, manifest } = await dossierZip(database);
    const { lines, exitCode } = await verifyBytes(zip);
    expect(exitCode).toBe(0);
    expect(lines.filter((l) => l.startsWith('OK '))).toEqual(manifest.files.map((f) => `OK ${f.path} ${f.sha256}`));
    expect(lines).toContain(`CHAIN OK 5 entries, head ${manifest.custody.headHash}`);
  });

  it('one flipped byte in one file: MISMATCH naming that file with expected and actual hashes, exit 1', async () => {
    const { zip, manifest } = await dossierZip(database);
    const files = unzipSync(zip);
    const path = 'evidence/03-file-imp3.mp4';
    files[path] = files[path].slice();
    files[path][5000] ^= 0x01;
    const { lines, exitCode } = await verifyBytes(zipSync(files));
    expect(exitCode).toBe(1);
    const expected = manifest.files.find((f) => f.path === path)!.sha256;
    expect(lines).toContain(`MISMATCH ${path} expected ${expected} actual ${sha(files[path])}`);
    expect(lines.filter((l) => l.startsWith('MISMATCH'))).toHaveLength(1);
  });

  it('a file removed from the ZIP is MISSING; a file slipped into evidence/ is UNEXPECTED', async () => {
    const { zip } = await dossierZip(database);
    const files = unzipSync(zip);
    delete files['evidence/04-note-imp5.txt'];
    files['evidence/05-file-extra.jpg'] = strToU8('not from the case');
    const { lines, exitCode } = await verifyBytes(zipSync(files));
    expect(exitCode).toBe(1);
    expect(lines).toContain('MISSING evidence/04-note-imp5.txt (evidence imp-5)');
    expect(lines).toContain('UNEXPECTED evidence/05-file-extra.jpg');
  });

  it('a logged file dropped from the manifest as well is still MISSING: the custody log says it belongs', async () => {
    const { zip } = await dossierZip(database);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    manifest.files = manifest.files.filter((f: { evidenceId: string }) => f.evidenceId !== 'imp-5');
    delete files['evidence/04-note-imp5.txt'];
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const { lines, exitCode } = await verifyBytes(zipSync(files));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith('MISSING') && l.includes('imp-5'))).toBe(true);
  });

  it('an edited custody entry breaks the chain: CHAIN BROKEN, exit 1', async () => {
    const { zip } = await dossierZip(database);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    manifest.custody.entries[1].at = '2020-01-01T00:00:00.000Z';
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const { lines, exitCode } = await verifyBytes(zipSync(files));
    expect(exitCode).toBe(1);
    expect(lines).toContain('CHAIN BROKEN entry 2: edited');
  });

  it('a file replaced together with its manifest hash is still a mismatch: the custody log keeps the original', async () => {
    const { zip } = await dossierZip(database);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    files['evidence/02-file-imp2.jpg'] = strToU8('forged');
    manifest.files[1].sha256 = sha(files['evidence/02-file-imp2.jpg']);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const { lines, exitCode } = await verifyBytes(zipSync(files));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith('MISMATCH evidence/02-file-imp2.jpg'))).toBe(true);
  });

  it('not a ZIP, a truncated ZIP, or a ZIP without a manifest: NOT A DOSSIER, exit 2', async () => {
    const { zip } = await dossierZip(database);
    for (const bytes of [strToU8('hello, I am a text file, not a zip archive at all'), zip.subarray(0, zip.length - 40), zip.subarray(0, Math.floor(zip.length / 2)), zipSync({ 'a.txt': strToU8('a') }), new Uint8Array(0)]) {
      const { lines, exitCode } = await verifyBytes(bytes);
      expect(exitCode).toBe(2);
      expect(lines[0]).toMatch(/^NOT A DOSSIER: /);
    }
  });
});

describe('the export entry', () => {
  const deps = () => ({ database, now: () => EXPORTED_AT, locale: 'en' as const, timeZone: 'Europe/Moscow', extensionVersion: '0.1.0' });

  it('is appended to the case’s log by the export and holds the SHA-256 of report.html and the manifest digest', async () => {
    const before = await getCustodyLog(database, CASE_ID);
    const sink = memorySink();
    const manifest = await exportDossier(deps(), CASE_ID, sink);
    const log = await getCustodyLog(database, CASE_ID);
    expect(log).toHaveLength(before.length + 1);
    const entry = log.at(-1)!;
    expect(entry).toMatchObject({ v: 2, seq: before.length + 1, action: 'exported', at: EXPORTED_AT.toISOString(), evidenceId: '', prevHash: before.at(-1)!.hash });
    const files = unzipSync(sink.bytes());
    expect(entry.sha256).toBe(sha(files['report.html']));
    const written = JSON.parse(strFromU8(files['manifest.json']));
    expect(entry).toHaveProperty('manifest', manifestDigest(written));
    // The digest is of the manifest without its custody member, as canonical JSON.
    const { custody, ...rest } = written;
    expect(custody.entries.at(-1)).toEqual(entry);
    expect(manifestDigest(written)).toBe(sha(new TextEncoder().encode(canonicalJson(rest))));
    expect(manifest.custody.headHash).toBe(entry.hash);
    expect(checkChain(CASE_ID, log)).toEqual([]);
    expect((await verifyCase(database, CASE_ID, EXPORTED_AT)).ok).toBe(true);
  });

  it('the report names the head before the export and the entry the export adds, not its own hash', async () => {
    const before = await getCustodyLog(database, CASE_ID);
    const sink = memorySink();
    const manifest = await exportDossier(deps(), CASE_ID, sink);
    const report = strFromU8(unzipSync(sink.bytes())['report.html']);
    expect(report).toContain(before.at(-1)!.hash);
    expect(report).not.toContain(manifest.custody.headHash!);
    expect(report).toContain(`Entry ${before.length + 1}, added to the log when this dossier was made`);
  });

  it('a second export chains after the first, and both dossiers verify', async () => {
    const first = memorySink();
    await exportDossier(deps(), CASE_ID, first);
    const second = memorySink();
    await exportDossier({ ...deps(), now: () => new Date(EXPORTED_AT.getTime() + 60_000) }, CASE_ID, second);
    const log = await getCustodyLog(database, CASE_ID);
    expect(log.filter((e) => e.action === 'exported').map((e) => e.seq)).toEqual([5, 6]);
    expect((await verifyBytes(first.bytes())).exitCode).toBe(0);
    expect((await verifyBytes(second.bytes())).exitCode).toBe(0);
  });

  it('a page saved before pages had their scripts disabled is exported as .txt, its bytes unchanged', async () => {
    const legacy = new Blob(['<html><script>alert(1)</script></html>'], { type: 'text/html' });
    await addEvidenceToCase(database, CASE_ID, [{ id: 'legacy-page', captureId: 'l1', kind: 'page-html', blob: legacy, mime: 'text/html', bytes: legacy.size, sha256: await sha256Hex(legacy), capturedAt: '2026-11-24T00:00:00.000Z', capturedAtLocal: '2026-11-24T03:00:00.000+03:00', timeZone: 'Europe/Moscow', page: { url: 'https://www.aliexpress.com/item/1.html', title: 'Lamp', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 }, extensionVersion: '0.1.0', browser: 'test' }], EXPORTED_AT);
    const sink = memorySink();
    const manifest = await exportDossier(deps(), CASE_ID, sink);
    const line = manifest.files.find((f) => f.evidenceId === 'legacy-page')!;
    expect(line.path).toBe('evidence/05-page-html-legacypa.txt');
    expect(manifest.files.find((f) => f.evidenceId === 'page-1')!.path).toBe('evidence/01-page-html-page1.html');
    expect(sha(unzipSync(sink.bytes())[line.path])).toBe(await sha256Hex(legacy));
    expect((await verifyBytes(sink.bytes())).exitCode).toBe(0);
  });
});

describe('verifying an archived page', () => {
  it('checks that the page without the inserted policy is the page its metadata names', async () => {
    const honest = pageHtmlEvidence('<!DOCTYPE html><html><body>Total: US $25.80</body></html>');
    const lying = { ...honest, htmlArchive: { ...honest.htmlArchive, originalSha256: 'e'.repeat(64) } };
    const common = { captureId: 'c9', kind: 'page-html' as const, capturedAt: '2026-11-24T00:00:00.000Z', capturedAtLocal: '2026-11-24T03:00:00.000+03:00', timeZone: 'Europe/Moscow', page: { url: 'https://www.aliexpress.com/item/1.html', title: 'Lamp', viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 }, extensionVersion: '0.1.0', browser: 'test' };
    await addEvidenceToCase(database, CASE_ID, [{ ...common, id: 'honest', ...honest }, { ...common, id: 'lying', ...lying }], EXPORTED_AT);
    const sink = memorySink();
    await exportDossier({ database, now: () => EXPORTED_AT, locale: 'en', timeZone: 'UTC', extensionVersion: '0.1.0' }, CASE_ID, sink);
    const { lines, exitCode } = await verifyBytes(sink.bytes());
    expect(exitCode).toBe(1);
    expect(lines.filter((l) => l.startsWith('ARCHIVE'))).toEqual([expect.stringMatching(/^ARCHIVE "evidence\/06-page-html-lying\.html": without its inserted policy it hashes to [0-9a-f]{64}, not the page's e{64}$/)]);
    expect(lines).toContain(`OK evidence/05-page-html-honest.html ${honest.sha256}`);
  });
});

describe('where the ZIP goes', () => {
  it('a Blob sink folds chunks into one Blob holding every byte in order', async () => {
    const sink = blobSink();
    const chunks = Array.from({ length: 40 }, (_, i) => new Uint8Array(300_000).fill(i));
    for (const chunk of chunks) await sink.write(chunk);
    expect(() => sink.result()).toThrow();
    await sink.close();
    const bytes = new Uint8Array(await sink.result().arrayBuffer());
    expect(bytes.length).toBe(40 * 300_000);
    expect(sha(bytes)).toBe(sha(new Uint8Array(Buffer.concat(chunks))));
    expect(sink.result().type).toBe('application/zip');
  });

  it('a picked file is written chunk by chunk; an abort discards it and removes the file', async () => {
    const calls: string[] = [];
    const handle = {
      name: 'case.zip',
      async createWritable() {
        return {
          async write(chunk: Uint8Array) {
            calls.push(`write ${chunk.length}`);
          },
          async close() {
            calls.push('close');
          },
          async abort() {
            calls.push('abort');
          },
        };
      },
      async remove() {
        calls.push('remove');
      },
    } as unknown as FileSystemFileHandle;
    const sink = await fileHandleSink(handle);
    const controller = new AbortController();
    const big = new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'video/mp4' });
    const run = writeZip([{ path: 'evidence/01-file-a.mp4', blob: big, mime: 'video/mp4' }], sink, { signal: controller.signal, onProgress: (p) => p.done >= 1024 * 1024 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(calls.filter((c) => c.startsWith('write')).length).toBeGreaterThan(0);
    expect(calls.slice(-2)).toEqual(['abort', 'remove']);
    expect(calls).not.toContain('close');
  });
});

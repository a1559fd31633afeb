// Issue 14: each file's own trusted timestamp in a dossier: listed in manifest.json with its token, the token as
// timestamps/<file>.tsr, shown per file in the report, and checked by `verify` offline, which names the authority
// and the time per file and fails, naming the file, when a file, a token or its record is changed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stampEvidence } from '@/lib/capture/timestamp-evidence';
import { DisputeKitDB } from '@/lib/cases/db';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { sealDossier } from '@/lib/dossier/export';
import { tokenPath } from '@/lib/dossier/file-timestamps';
import { writeZip } from '@/lib/dossier/zip-stream';
import { requestTimestamp } from '@/lib/timestamp';
import type { Settings } from '@/lib/settings/settings';
import { CASE_ID } from '../../support/case-fixture';
import { EXPORTED_AT, memorySink, seedDossierCase } from '../../support/dossier-fixture';
import { type TestTsa, startTestTsa } from '../../../support/tsa.mjs';

const NAME = 'file-timestamps-test';
const OPENSSL = process.env.OPENSSL ?? '/usr/bin/openssl';
let tsa: TestTsa;
let database: DisputeKitDB;
let dir: string;

beforeAll(async () => {
  tsa = await startTestTsa();
  dir = mkdtempSync(join(tmpdir(), 'file-timestamps-'));
}, 60_000);
afterAll(async () => {
  await tsa?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  tsa.mode = 'good';
  tsa.requests.length = 0;
  database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
});
afterEach(async () => {
  database.close();
  await Dexie.delete(NAME);
});

async function stampAll(choice: Settings['timestamps'] = { enabled: true, authority: 'custom', customUrl: tsa.url }) {
  return stampEvidence({ database, choice: async () => choice, holds: async () => true, fetch: globalThis.fetch, now: () => new Date('2026-11-24T10:00:00.000Z'), scheduleRetry: async () => undefined });
}

async function exported() {
  const sealed = (await sealDossier({ database, locale: 'en', timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0' }, CASE_ID, EXPORTED_AT))!;
  const sink = memorySink();
  await writeZip(sealed.entries, sink, { mtime: EXPORTED_AT });
  const zip = sink.bytes();
  return { manifest: sealed.manifest, zip, files: unzipSync(zip), report: strFromU8(unzipSync(zip)['report.html']) };
}

const verify = async (zip: Uint8Array) => describeVerdict(await verifyDossier(bufferSource(zip)));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const manifestOf = (files: Record<string, Uint8Array>): Json => JSON.parse(strFromU8(files['manifest.json']));
const rezip = (files: Record<string, Uint8Array>, changes: Record<string, Uint8Array>) => zipSync({ ...files, ...changes });
const withManifest = (files: Record<string, Uint8Array>, manifest: Json) => rezip(files, { 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) });

describe('a dossier of timestamped files', () => {
  it('lists each file’s token, holds it as timestamps/<file>.tsr, and verify names the authority and time of each', async () => {
    const run = await stampAll();
    const { manifest, files, zip, report } = await exported();
    expect(run.stamped).toBe(manifest.files.length);
    expect(manifest.timestamps).toHaveLength(manifest.files.length);
    const { lines, exitCode } = await verify(zip);
    expect(exitCode, lines.join('\n')).toBe(0);
    for (const [i, file] of manifest.files.entries()) {
      const line = manifest.timestamps![i];
      if (!('record' in line)) throw new Error(`${file.path} has no token`);
      expect(line).toMatchObject({ of: file.path, evidenceId: file.evidenceId, path: tokenPath(file.path) });
      expect(line.record.summary.digest).toBe(file.sha256);
      expect(Buffer.from(files[line.path]).toString('base64')).toBe(line.record.token);
      const { genTime } = line.record.summary;
      expect(lines).toContain(
        `TIMESTAMP OK ${file.path} stamped at ${genTime} by DisputeKit Test TSA, DisputeKit Tests (TSA name C=CN, O=DisputeKit Tests, CN=DisputeKit Test TSA), certificate SHA-256 ${tsa.tsaFingerprint}, serial ${line.record.summary.serial}, token ${line.path}`,
      );
      // The report says it per file.
      expect(report).toContain(line.path);
    }
    expect(report.match(/data-timestamp="stamped"/g)).toHaveLength(manifest.files.length);
    expect(lines.at(-1)).toBe('DOSSIER OK');
  });

  it('a third party checks a file and its token with openssl alone', async () => {
    await stampAll();
    const { manifest, files } = await exported();
    const file = manifest.files[0];
    const token = tokenPath(file.path);
    writeFileSync(join(dir, 'file'), files[file.path]);
    writeFileSync(join(dir, 'file.tsr'), files[token]);
    const out = execFileSync(OPENSSL, ['ts', '-verify', '-token_in', '-in', join(dir, 'file.tsr'), '-data', join(dir, 'file'), '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem], { encoding: 'utf8' });
    expect(out).toMatch(/Verification: OK/);
  });

  it('fails, naming the file, when a token file is changed', async () => {
    await stampAll();
    const { manifest, files } = await exported();
    const token = tokenPath(manifest.files[1].path);
    const changed = files[token].slice();
    changed[changed.length - 5] ^= 0x01;
    const { lines, exitCode } = await verify(rezip(files, { [token]: changed }));
    expect(exitCode).toBe(1);
    expect(lines).toContain(`TIMESTAMP FILE "${token}": its bytes are not the token manifest.json holds for ${manifest.files[1].path}`);
    expect(lines.at(-1)).toBe('DOSSIER FAILED');
  });

  it('fails, naming the file, when its token in manifest.json is changed: another file’s, another valid one of the same hash, or a damaged one', async () => {
    await stampAll();
    const { manifest, files } = await exported();
    const [first, second] = manifest.files;
    const original = manifestOf(files);

    // Another file's token (valid, for another hash), in the record and the .tsr alike.
    const swapped = structuredClone(original);
    swapped.timestamps[0].record = original.timestamps[1].record;
    let { lines } = await verify(rezip(files, { 'manifest.json': strToU8(JSON.stringify(swapped)), [tokenPath(first.path)]: files[tokenPath(second.path)] }));
    expect(lines.some((l) => l.startsWith(`TIMESTAMP MISMATCH "${first.path}": its token does not stamp the file's SHA-256 ${first.sha256}`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`TIMESTAMP UNLOGGED "${first.path}"`))).toBe(true);

    // A token of the same hash asked again: valid, but not the one the custody log recorded.
    const again = await requestTimestamp(tsa.url, first.sha256, { fetch: globalThis.fetch, timeoutMs: 10_000 });
    const replaced = structuredClone(original);
    replaced.timestamps[0].record = again;
    ({ lines } = await verify(rezip(files, { 'manifest.json': strToU8(JSON.stringify(replaced)), [tokenPath(first.path)]: Buffer.from(again.token, 'base64') })));
    expect(lines.some((l) => l.startsWith(`TIMESTAMP UNLOGGED "${first.path}": its token (SHA-256 `) && l.includes('is not the one the custody log recorded (entry'))).toBe(true);
    expect(lines.at(-1)).toBe('DOSSIER FAILED');

    // A damaged token: a byte of its signature flipped.
    const damaged = structuredClone(original);
    const der = Buffer.from(damaged.timestamps[0].record.token, 'base64');
    der[der.length - 3] ^= 0xff;
    damaged.timestamps[0].record.token = der.toString('base64');
    ({ lines } = await verify(withManifest(files, damaged)));
    expect(lines.some((l) => /^TIMESTAMP (BAD-SIGNATURE|GARBAGE) "/.test(l) && l.includes(first.path))).toBe(true);

    // A malformed line is named, the rest of the dossier still read.
    const malformed = structuredClone(original);
    malformed.timestamps[1] = { of: second.path, evidenceId: second.evidenceId, path: tokenPath(second.path), record: { format: 'rfc3161', token: 42 } };
    ({ lines } = await verify(withManifest(files, malformed)));
    expect(lines.some((l) => l.startsWith(`TIMESTAMP UNREADABLE "${second.path}"`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`TIMESTAMP MISSING "${second.path}": custody entry`))).toBe(true);
  });

  it('fails when a file is changed, and when a token the log records is left out', async () => {
    await stampAll();
    const { manifest, files } = await exported();
    const file = manifest.files[0];
    const bytes = files[file.path].slice();
    bytes[0] ^= 0x01;
    let { lines, exitCode } = await verify(rezip(files, { [file.path]: bytes }));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith(`MISMATCH ${file.path}`))).toBe(true);

    const dropped = manifestOf(files);
    dropped.timestamps.splice(0, 1);
    const { [tokenPath(file.path)]: _gone, ...rest } = files;
    ({ lines, exitCode } = await verify(withManifest(rest, dropped)));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith(`TIMESTAMP MISSING "${file.path}": custody entry`))).toBe(true);
  });
});

describe('a dossier of files not timestamped', () => {
  it('with the option off: nothing was sent, verify passes and says each file is not timestamped, and so does the report', async () => {
    await stampAll({ enabled: false, authority: 'freetsa' });
    expect(tsa.requests).toHaveLength(0);
    const { manifest, zip, report } = await exported();
    const { lines, exitCode } = await verify(zip);
    expect(exitCode, lines.join('\n')).toBe(0);
    for (const file of manifest.files) expect(lines).toContain(`NOT TIMESTAMPED ${file.path}: trusted timestamps were off when it was saved`);
    expect(report.match(/data-timestamp="none" data-reason="off"/g)).toHaveLength(manifest.files.length);
    expect(report).toContain('Not timestamped: trusted timestamps were off when it was saved.');
  });

  it('with the authority down: the dossier says why, and still verifies', async () => {
    tsa.mode = 'down';
    await stampAll();
    const { manifest, zip, report } = await exported();
    const { lines, exitCode } = await verify(zip);
    expect(exitCode, lines.join('\n')).toBe(0);
    expect(lines.some((l) => l.startsWith(`NOT TIMESTAMPED ${manifest.files[0].path}: the authority failed (unreachable`))).toBe(true);
    expect(report).toContain('Not timestamped: The timestamp authority could not be reached');
  });
});

// Issue 14, phase 2: the custody head of an exported dossier timestamped by the tests' own authority
// (tests/support/tsa.mjs, openssl behind a local server), checked by `verify` offline; and every way it can
// fail leaves an export that completes and says why it is not timestamped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, type CustodyEntry } from '@/lib/cases/custody';
import { DisputeKitDB } from '@/lib/cases/db';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { sealDossier } from '@/lib/dossier/export';
import { HEAD_PAGE_PATH, HEAD_TOKEN_PATH, headTimestamping, type HeadTimestamping } from '@/lib/dossier/head-timestamp';
import { manifestDigest } from '@/lib/dossier/manifest';
import { writeZip } from '@/lib/dossier/zip-stream';
import type { Locale } from '@/lib/i18n';
import { CASE_ID } from '../../support/case-fixture';
import { EXPORTED_AT, memorySink, seedDossierCase } from '../../support/dossier-fixture';
import { type TestTsa, startTestTsa } from '../../../support/tsa.mjs';
import { buildTimestampRequest } from '@/lib/timestamp';
import { parseTimestampResponse } from '@/lib/timestamp/request';

const NAME = 'head-timestamp-test';
// The same openssl as the test authority's (tests/support/tsa.mjs).
const OPENSSL = process.env.OPENSSL ?? '/usr/bin/openssl';
let tsa: TestTsa;
let database: DisputeKitDB;
let dir: string;

beforeAll(async () => {
  tsa = await startTestTsa();
  dir = mkdtempSync(join(tmpdir(), 'head-timestamp-'));
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

const on = (timeoutMs?: number): HeadTimestamping => ({ mode: 'on', url: tsa.url, fetch: globalThis.fetch, ...(timeoutMs && { timeoutMs }) });

async function exportWith(timestamp: HeadTimestamping | undefined, locale: Locale = 'en') {
  const sealed = (await sealDossier({ database, locale, timeZone: 'Asia/Shanghai', extensionVersion: '0.1.0', ...(timestamp && { timestamp }) }, CASE_ID, EXPORTED_AT))!;
  const sink = memorySink();
  await writeZip(sealed.entries, sink, { mtime: EXPORTED_AT });
  const zip = sink.bytes();
  return { manifest: sealed.manifest, zip, files: unzipSync(zip) };
}

async function verify(zip: Uint8Array) {
  return describeVerdict(await verifyDossier(bufferSource(zip)));
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const manifestOf = (files: Record<string, Uint8Array>): Json => JSON.parse(strFromU8(files['manifest.json']));
const withManifest = (files: Record<string, Uint8Array>, manifest: Json) => zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) });

describe('export with trusted timestamps on', () => {
  it('puts a token for the new head (the export entry’s hash) in the manifest and, as DER, in timestamps/custody-head.tsr', async () => {
    const { manifest, files } = await exportWith(on());
    const { headTimestamp, headHash, entries } = manifest.custody;
    expect(entries.at(-1)?.action).toBe('exported');
    expect(headTimestamp?.summary.digest).toBe(headHash);
    expect(headTimestamp?.summary.signer.commonName).toBe('DisputeKit Test TSA');
    expect(headTimestamp?.summary.signer.sha256).toBe(tsa.tsaFingerprint);
    expect(manifest.custody.notTimestamped).toBeUndefined();
    // Only the head was sent: one request, whose body holds that digest.
    expect(tsa.requests).toHaveLength(1);
    expect(Buffer.from(tsa.requests[0].body).toString('hex')).toContain(headHash);
    expect(Buffer.from(files[HEAD_TOKEN_PATH]).toString('base64')).toBe(headTimestamp?.token);
    // An independent implementation accepts the file: openssl, against the test CA, for the head's digest.
    const tsr = join(dir, 'custody-head.tsr');
    writeFileSync(tsr, files[HEAD_TOKEN_PATH]);
    const out = execFileSync(OPENSSL, ['ts', '-verify', '-token_in', '-in', tsr, '-digest', headHash!, '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem], { encoding: 'utf8' });
    expect(out).toContain('Verification: OK');
  });

  it('the report says the entry is sent to that authority and where the result is; the page beside the token says who and when', async () => {
    const { manifest, files } = await exportWith(on(), 'ru');
    const report = strFromU8(files['report.html']);
    expect(report).toContain('отправлена на <code class="term">' + tsa.url);
    expect(report).toContain(HEAD_PAGE_PATH);
    const page = strFromU8(files[HEAD_PAGE_PATH]);
    const summary = manifest.custody.headTimestamp!.summary;
    expect(page).toContain('Последняя запись журнала цепочки хранения этого досье (запись о выгрузке) заверена штампом времени');
    expect(page).toContain('DisputeKit Test TSA, DisputeKit Tests');
    expect(page).toContain(summary.genTime);
    expect(page).toContain(summary.serial);
    expect(page).toContain(tsa.tsaFingerprint);
    expect(page).toContain('Asia/Shanghai');
    expect(page).toContain(new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Asia/Shanghai' }).format(new Date(summary.genTime)));
  });

  it('verify passes and prints the authority, the time and the certificate’s fingerprint', async () => {
    const { manifest, zip } = await exportWith(on());
    const { lines, exitCode } = await verify(zip);
    expect(exitCode).toBe(0);
    const line = lines.find((l) => l.startsWith('TIMESTAMP OK'));
    expect(line).toBe(
      `TIMESTAMP OK custody head ${manifest.custody.headHash} stamped at ${manifest.custody.headTimestamp!.summary.genTime} by DisputeKit Test TSA, DisputeKit Tests (TSA name ${manifest.custody.headTimestamp!.summary.tsaName}), certificate SHA-256 ${tsa.tsaFingerprint}, serial ${manifest.custody.headTimestamp!.summary.serial}, asked of ${tsa.url}`,
    );
    expect(lines.some((l) => l.startsWith('UNEXPECTED'))).toBe(false);
    expect(lines.at(-1)).toBe('DOSSIER OK');
  });

  it('verify fails when a file is changed, as before', async () => {
    const { files } = await exportWith(on());
    const path = 'evidence/02-file-imp2.jpg';
    files[path] = files[path].slice();
    files[path][2] ^= 1;
    const { lines, exitCode } = await verify(zipSync(files));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith(`MISMATCH ${path}`))).toBe(true);
  });

  it('verify fails when the log is truncated after export with a consistent manifest: the head is no longer the one stamped', async () => {
    const { files } = await exportWith(on());
    const manifest = manifestOf(files);
    // The attacker drops the newest item (the note) with its file and entry, writes a new export entry over
    // the shorter log and a manifest that matches it: everything checks out but the token.
    const note = manifest.files.pop();
    delete files[note.path];
    const entries: CustodyEntry[] = manifest.custody.entries;
    const exported = entries.pop()!;
    const last = entries.at(-1)!;
    const body = { ...exported, seq: last.seq + 1, prevHash: last.hash, manifest: manifestDigest(manifest) } as Json;
    delete body.hash;
    const rewritten = { ...body, hash: entryHash(body as CustodyEntry) } as CustodyEntry;
    manifest.custody = { ...manifest.custody, entries: [...entries, rewritten], headHash: rewritten.hash };
    const { lines, exitCode } = await verify(withManifest(files, manifest));
    expect(exitCode).toBe(1);
    expect(lines).toContain(`CHAIN OK ${entries.length + 1} entries, head ${rewritten.hash}`);
    expect(lines.find((l) => l.startsWith('TIMESTAMP MISMATCH:'))).toMatch(new RegExp(`^TIMESTAMP MISMATCH: the token in custody.headTimestamp does not stamp the custody log's head ${rewritten.hash} .*: the log was truncated or rewritten after it was timestamped$`));
    expect(lines.at(-1)).toBe('DOSSIER FAILED');
  });

  it('verify fails when an earlier entry is rewritten and the chain re-hashed consistently', async () => {
    const { files } = await exportWith(on());
    const manifest = manifestOf(files);
    const entries: Json[] = manifest.custody.entries;
    // Entry 4 (the note) moved one minute earlier, and every hash after it recomputed.
    let previous: string | undefined;
    const rehashed = entries.map((entry, i) => {
      const body: Json = { ...entry, ...(i === 3 && { at: '2026-11-22T09:59:00.000Z' }), ...(previous && { prevHash: previous }) };
      delete body.hash;
      const hash = entryHash(body as CustodyEntry);
      previous = hash;
      return { ...body, hash };
    });
    manifest.custody = { ...manifest.custody, entries: rehashed, headHash: previous };
    const { lines, exitCode } = await verify(withManifest(files, manifest));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith('TIMESTAMP MISMATCH'))).toBe(true);
  });

  it('verify fails when the token is changed, in the manifest or in its file', async () => {
    const { files, manifest } = await exportWith(on());
    const token = Buffer.from(manifest.custody.headTimestamp!.token, 'base64');
    token[token.length - 5] ^= 0x01;
    const edited = manifestOf(files);
    edited.custody.headTimestamp.token = token.toString('base64');
    let run = await verify(withManifest({ ...files, [HEAD_TOKEN_PATH]: new Uint8Array(token) }, edited));
    expect(run.exitCode).toBe(1);
    expect(run.lines.find((l) => l.startsWith('TIMESTAMP'))).toMatch(/^TIMESTAMP BAD-SIGNATURE: the token in custody\.headTimestamp does not hold: /);

    run = await verify(zipSync({ ...files, [HEAD_TOKEN_PATH]: new Uint8Array(token) }));
    expect(run.exitCode).toBe(1);
    expect(run.lines).toContain(`TIMESTAMP FILE "${HEAD_TOKEN_PATH}": its bytes are not the token in manifest.json's custody.headTimestamp`);
    expect(run.lines.some((l) => l.startsWith('TIMESTAMP OK'))).toBe(true);

    const { [HEAD_TOKEN_PATH]: _dropped, ...withoutToken } = files;
    run = await verify(zipSync(withoutToken));
    expect(run.exitCode).toBe(1);
    expect(run.lines).toContain(`MISSING ${HEAD_TOKEN_PATH}: manifest.json holds a head timestamp, the ZIP has no copy of its token`);
  });

  it('verify fails for a token signed with a certificate that is not a time-stamping one', async () => {
    const { files, manifest } = await exportWith(on());
    // The export refuses such a token at once; a forger puts one in by hand, for the right head.
    tsa.mode = 'not-tsa';
    const request = buildTimestampRequest(manifest.custody.headHash!);
    const answer = await fetch(tsa.url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: request.der });
    const token = parseTimestampResponse(new Uint8Array(await answer.arrayBuffer()));
    const forged = manifestOf(files);
    forged.custody.headTimestamp.token = Buffer.from(token).toString('base64');
    const { lines, exitCode } = await verify(withManifest({ ...files, [HEAD_TOKEN_PATH]: token }, forged));
    expect(exitCode).toBe(1);
    expect(lines.find((l) => l.startsWith('TIMESTAMP'))).toMatch(/^TIMESTAMP NOT-TSA-CERTIFICATE: the token in custody\.headTimestamp does not hold: /);
  });

  it('a token for another dossier’s head, put into this one, fails as a mismatch', async () => {
    const first = await exportWith(on());
    const second = await exportWith(on());
    const manifest = manifestOf(second.files);
    manifest.custody.headTimestamp = first.manifest.custody.headTimestamp;
    const { lines, exitCode } = await verify(withManifest({ ...second.files, [HEAD_TOKEN_PATH]: first.files[HEAD_TOKEN_PATH] }, manifest));
    expect(exitCode).toBe(1);
    expect(lines.some((l) => l.startsWith('TIMESTAMP MISMATCH'))).toBe(true);
  });
});

describe('when the authority fails, the export completes untimestamped and says why', () => {
  for (const [mode, code, sentence] of [
    ['down', 'unreachable', 'The timestamp authority could not be reached (no connection, or the server is down).'],
    ['slow', 'timeout', 'The timestamp authority did not answer in time.'],
    ['garbage', 'garbage', 'The answer is not a timestamp.'],
    ['wrong-imprint', 'wrong-imprint', 'The timestamp is for a different file or record.'],
    ['not-tsa', 'not-tsa-certificate', 'The timestamp was signed with a certificate that is not meant for timestamping.'],
  ] as const) {
    it(`${mode}: no token, the reason in the manifest and beside it, and verify passes saying NOT TIMESTAMPED`, async () => {
      tsa.mode = mode;
      tsa.slowMs = 3_000;
      const { manifest, files, zip } = await exportWith(on(mode === 'slow' ? 300 : undefined));
      expect(manifest.custody.headTimestamp).toBeUndefined();
      expect(manifest.custody.notTimestamped?.reason).toBe(code);
      expect(files[HEAD_TOKEN_PATH]).toBeUndefined();
      const page = strFromU8(files[HEAD_PAGE_PATH]);
      expect(page).toContain('This dossier is not timestamped.');
      expect(page).toContain(`The dossier is not timestamped: ${sentence}`);
      // The export itself is whole: the log ends with its entry and every file is there.
      expect(manifest.custody.entries.at(-1)?.action).toBe('exported');
      const { lines, exitCode } = await verify(zip);
      expect(exitCode).toBe(0);
      expect(lines.find((l) => l.startsWith('NOT TIMESTAMPED:'))).toMatch(new RegExp(`^NOT TIMESTAMPED: the authority failed \\(${code}: `));
    }, 20_000);
  }
});

describe('with trusted timestamps off', () => {
  it('nothing is sent, the report says not timestamped by choice, and verify says NOT TIMESTAMPED without failing', async () => {
    const { manifest, files, zip } = await exportWith(undefined, 'zh_CN');
    expect(tsa.requests).toEqual([]);
    expect(manifest.custody.notTimestamped).toEqual({ reason: 'off' });
    expect(Object.keys(files).filter((f) => f.startsWith('timestamps/'))).toEqual([]);
    expect(strFromU8(files['report.html'])).toContain('未加盖时间戳：设置中已关闭可信时间戳。');
    const { lines, exitCode } = await verify(zip);
    expect(exitCode).toBe(0);
    expect(lines).toContain('NOT TIMESTAMPED: trusted timestamps were off when it was exported');
  });

  it('the settings decide: off, or on without the host granted, sends nothing; on with it granted asks that authority', async () => {
    const asked: string[] = [];
    const holds = (grant: boolean) => async (origin: string) => (asked.push(origin), grant);
    expect(await headTimestamping({ enabled: false, authority: 'digicert' }, holds(true), globalThis.fetch)).toEqual({ mode: 'off', why: 'off' });
    expect(asked).toEqual([]);
    const denied = await headTimestamping({ enabled: true, authority: 'custom', customUrl: tsa.url }, holds(false), globalThis.fetch);
    expect(denied).toEqual({ mode: 'off', why: 'no-permission', host: '127.0.0.1' });
    const { manifest, files } = await exportWith(denied);
    expect(tsa.requests).toEqual([]);
    expect(manifest.custody.notTimestamped).toEqual({ reason: 'no-permission', detail: '127.0.0.1' });
    expect(strFromU8(files['report.html'])).toContain('Not timestamped: DisputeKit is not allowed to contact 127.0.0.1 (Settings).');
    expect(await headTimestamping({ enabled: true, authority: 'custom', customUrl: 'file:///etc/passwd' }, holds(true), globalThis.fetch)).toEqual({ mode: 'off', why: 'no-authority' });
    const granted = await headTimestamping({ enabled: true, authority: 'custom', customUrl: tsa.url }, holds(true), globalThis.fetch);
    expect(granted).toMatchObject({ mode: 'on', url: tsa.url });
    expect(asked).toEqual(['http://127.0.0.1/*', 'http://127.0.0.1/*']);
  });
});

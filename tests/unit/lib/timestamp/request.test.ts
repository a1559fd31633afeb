import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { TimeStampReq } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestTsa, TEST_POLICY, startTestTsa } from '../../../support/tsa.mjs';
import { TimestampError, type TimestampErrorCode, buildTimestampRequest, requestTimestamp, tokenBytes } from '@/lib/timestamp';

const digest = bytesToHex(sha256(new TextEncoder().encode('screenshot bytes of order 8190123456789012')));
let tsa: TestTsa;

beforeAll(async () => {
  tsa = await startTestTsa();
}, 60_000);
afterAll(() => tsa?.close());

const ask = (options: { timeoutMs?: number; maxBytes?: number; fetch?: typeof fetch } = {}) => requestTimestamp(tsa.url, digest, { fetch: globalThis.fetch, ...options });

async function failure(promise: Promise<unknown>): Promise<TimestampError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TimestampError);
  return error as TimestampError;
}

describe('requestTimestamp against the test authority', () => {
  it('sends only the digest, a nonce and certReq, as application/timestamp-query', async () => {
    tsa.mode = 'good';
    tsa.requests.length = 0;
    await ask();
    const [received] = tsa.requests;
    expect(received.method).toBe('POST');
    expect(received.contentType).toBe('application/timestamp-query');
    const request = TimeStampReq.fromBER(new Uint8Array(received.body).buffer);
    expect(bytesToHex(request.messageImprint.hashedMessage.valueBlock.valueHexView)).toBe(digest);
    expect(request.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(request.certReq).toBe(true);
    expect(request.nonce).toBeDefined();
    expect(request.reqPolicy).toBeUndefined();
    // 32 bytes of digest, 8 of nonce and the DER around them: nothing else fits.
    expect(received.body.byteLength).toBeLessThan(80);
  });

  it('returns the checked token with the authority, time, serial and policy it states', async () => {
    tsa.mode = 'good';
    const before = Date.now();
    const record = await ask();
    expect(record.format).toBe('rfc3161');
    expect(record.url).toBe(tsa.url);
    const { summary } = record;
    expect(summary.digest).toBe(digest);
    expect(summary.policy).toBe(TEST_POLICY);
    expect(summary.serial).toMatch(/^[0-9a-f]+$/);
    expect(Math.abs(Date.parse(summary.genTime) - before)).toBeLessThan(60_000);
    expect(summary.accuracySeconds).toBe(1.5);
    expect(summary.signer.commonName).toBe('DisputeKit Test TSA');
    expect(summary.signer.organization).toBe('DisputeKit Tests');
    expect(summary.signer.issuer).toContain('CN=DisputeKit Test Root CA');
    expect(summary.signer.sha256).toBe(tsa.tsaFingerprint);
    expect(summary.tsaName).toContain('CN=DisputeKit Test TSA');
    // The nonce echoed is the one the request carried.
    const sent = TimeStampReq.fromBER(new Uint8Array(tsa.requests.at(-1)!.body).buffer);
    expect(summary.nonce).toBe(bytesToHex(sent.nonce!.valueBlock.valueHexView));
  });

  it('keeps the token exactly as signed: openssl ts -verify accepts the kept bytes', async () => {
    tsa.mode = 'good';
    const record = await ask();
    const file = join(tsa.dir, 'kept-token.der');
    writeFileSync(file, tokenBytes(record));
    const out = execFileSync('/usr/bin/openssl', ['ts', '-verify', '-token_in', '-in', file, '-digest', digest, '-CAfile', tsa.caPem], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('Verification: OK');
  });

  it('checks ECDSA tokens and ESS signing-certificate v2 too', async () => {
    tsa.mode = 'good-ec';
    const record = await ask();
    expect(record.summary.signer.commonName).toBe('DisputeKit Test TSA (EC)');
    expect(record.summary.signer.sha256).toBe(tsa.tsaEcFingerprint);
  });

  const cases: [TestTsa['mode'], TimestampErrorCode, RegExp][] = [
    ['down', 'unreachable', /could not be reached/],
    ['http-error', 'http', /HTTP 503/],
    ['garbage', 'garbage', /not ASN\.1|not a time-stamp response|bytes after its end/],
    ['too-large', 'too-large', /more than the/],
    ['rejection', 'rejected', /rejection.*unacceptedPolicy/],
    ['wrong-imprint', 'wrong-imprint', /stamps abab/],
    ['wrong-nonce', 'nonce-mismatch', /nonce 3039 is not/],
    ['not-tsa', 'not-tsa-certificate', /CN=shop\.example\) has no extended key usage/],
    ['eku-not-critical', 'not-tsa-certificate', /not marked critical/],
    ['bad-signature', 'bad-signature', /signature/],
  ];
  for (const [mode, code, detail] of cases) {
    it(`an authority answering "${mode}" gives ${code}`, async () => {
      tsa.mode = mode;
      const error = await failure(ask());
      expect(error.code).toBe(code);
      expect(error.detail).toMatch(detail);
    });
  }

  it('gives up on a slow authority after the time allowed: timeout', async () => {
    tsa.mode = 'slow';
    const start = performance.now();
    const error = await failure(ask({ timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('a host where nothing listens is unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const error = await failure(requestTimestamp(`http://127.0.0.1:${port}/tsr`, digest, { fetch: globalThis.fetch }));
    expect(error.code).toBe('unreachable');
  });

  it('stops reading an answer without a length as soon as it passes the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const fetchStub = (async () => new Response(endless, { status: 200 })) as typeof fetch;
    const error = await failure(ask({ fetch: fetchStub, maxBytes: 64 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(pulled).toBeLessThan(10);
  });
});

describe('buildTimestampRequest', () => {
  it('draws a fresh positive nonce each time and refuses what is not a SHA-256 digest', () => {
    const a = buildTimestampRequest(digest);
    const b = buildTimestampRequest(digest.toUpperCase());
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.nonce).toMatch(/^[4-7][0-9a-f]{15}$/);
    expect(() => buildTimestampRequest('abc')).toThrow(TypeError);
    expect(() => buildTimestampRequest(`${digest}00`)).toThrow(TypeError);
  });
});

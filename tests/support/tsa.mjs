// A time-stamping authority of the tests' own: a local HTTP server that answers RFC 3161 requests with tokens
// signed by `openssl ts -reply` (an implementation independent of the pkijs code under test), from a
// throwaway CA and TSA certificates made at start in a temporary directory (removed by close(); no key is
// ever committed). `tsa.mode` makes it misbehave, one way per mode:
//   'good'          a proper token (RSA key, ESS signing-certificate v1 with SHA-1)
//   'good-ec'       a proper token from a second TSA with an ECDSA P-256 key (ESS v2 with SHA-256)
//   'down'          the connection is dropped without an answer
//   'slow'          answers only after `tsa.slowMs` (default 10 s)
//   'http-error'    HTTP 503
//   'garbage'       HTTP 200 with an HTML page
//   'too-large'     HTTP 200 with 1 MB of bytes
//   'rejection'     openssl's own rejection (the request is passed on asking for a policy it does not accept)
//   'wrong-imprint' a proper token for another digest (openssl signs the request with its hash changed)
//   'wrong-nonce'   a proper token for another nonce
//   'not-tsa'       the proper TSTInfo signed (openssl cms) with a certificate without extended key usage
//   'eku-not-critical' the same with a certificate whose timeStamping key usage is not critical
//   'bad-signature' a proper token with one byte of its signature flipped
// Requests are handled one at a time (openssl's serial file). `tsa.requests` keeps what was received.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const run = promisify(execFile);
const OPENSSL = process.env.OPENSSL ?? '/usr/bin/openssl';
export const TEST_POLICY = '1.3.6.1.4.1.99999.1.1';
const UNACCEPTED_POLICY = '1.3.6.1.4.1.99999.9.9';

async function openssl(dir, ...args) {
  await run(OPENSSL, args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
}

/** A certificate signed by the test CA: `ext` is its extension lines (openssl x509 -extfile). */
async function issue(dir, name, subject, keyArgs, ext) {
  await openssl(dir, 'req', '-new', '-newkey', ...keyArgs, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
  writeFileSync(join(dir, `${name}.ext`), ext);
  await openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(Date.now() % 1e9), '-days', '30', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
}

const TSA_EXT = 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n';

async function makeAuthority(dir) {
  await openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-sha256', '-subj', '/C=CN/O=DisputeKit Tests/CN=DisputeKit Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  await issue(dir, 'tsa', '/C=CN/O=DisputeKit Tests/CN=DisputeKit Test TSA', ['rsa:2048'], TSA_EXT);
  await issue(dir, 'tsa-ec', '/C=RU/O=DisputeKit Tests/CN=DisputeKit Test TSA (EC)', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], TSA_EXT);
  await issue(dir, 'web', '/C=CN/O=DisputeKit Tests/CN=shop.example', ['rsa:2048'], 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n');
  await issue(dir, 'soft', '/C=CN/O=DisputeKit Tests/CN=DisputeKit Test TSA (soft EKU)', ['rsa:2048'], 'basicConstraints=CA:FALSE\nextendedKeyUsage=timeStamping\n');
  writeFileSync(join(dir, 'serial'), '01\n');
  const section = (name, cert, key, essAlg) => `[ ${name} ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/${cert}
certs = $dir/ca.pem
signer_key = $dir/${key}
signer_digest = sha256
default_policy = ${TEST_POLICY}
other_policies = 1.3.6.1.4.1.99999.1.2
digests = sha256, sha384, sha512
accuracy = secs:1, millisecs:500
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = ${essAlg}
`;
  writeFileSync(join(dir, 'tsa.cnf'), `[ tsa ]\ndefault_tsa = tsa_rsa\n${section('tsa_rsa', 'tsa.pem', 'tsa.key', 'sha1')}${section('tsa_ec', 'tsa-ec.pem', 'tsa-ec.key', 'sha256')}`);
}

const bufferOf = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

/** SHA-256 fingerprint (lower-case hex) of a PEM certificate, as openssl prints it. */
async function fingerprint(dir, pem) {
  const { stdout } = await run(OPENSSL, ['x509', '-in', pem, '-noout', '-fingerprint', '-sha256'], { cwd: dir });
  return stdout.trim().split('=')[1].replaceAll(':', '').toLowerCase();
}

export async function startTestTsa() {
  const dir = mkdtempSync(join(tmpdir(), 'disputekit-tsa-'));
  await makeAuthority(dir);
  let counter = 0;
  let queue = Promise.resolve();

  /** openssl ts -reply for a query (DER), in the given config section. */
  async function reply(query, section = 'tsa_rsa') {
    const n = ++counter;
    writeFileSync(join(dir, `q${n}.der`), query);
    await openssl(dir, 'ts', '-reply', '-config', 'tsa.cnf', '-section', section, '-queryfile', `q${n}.der`, '-out', `r${n}.der`);
    const answer = readFileSync(join(dir, `r${n}.der`));
    rmSync(join(dir, `q${n}.der`));
    rmSync(join(dir, `r${n}.der`));
    return answer;
  }

  /** The query, parsed, changed by `change`, encoded again. */
  function changed(query, change) {
    const request = pkijs.TimeStampReq.fromBER(bufferOf(query));
    change(request);
    return Buffer.from(request.toSchema().toBER(false));
  }

  /** The TSTInfo of a proper answer, signed instead by `name`'s certificate with openssl cms, as a TimeStampResp. */
  async function resignedBy(query, name) {
    const good = pkijs.TimeStampResp.fromBER(bufferOf(await reply(query)));
    const signed = new pkijs.SignedData({ schema: good.timeStampToken.content });
    const n = ++counter;
    writeFileSync(join(dir, `tst${n}.der`), Buffer.from(signed.encapContentInfo.eContent.getValue()));
    await openssl(dir, 'cms', '-sign', '-binary', '-nodetach', '-nosmimecap', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-md', 'sha256', '-signer', `${name}.pem`, '-inkey', `${name}.key`, '-in', `tst${n}.der`, '-outform', 'DER', '-out', `cms${n}.der`);
    const cms = readFileSync(join(dir, `cms${n}.der`));
    rmSync(join(dir, `tst${n}.der`));
    rmSync(join(dir, `cms${n}.der`));
    const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: pkijs.ContentInfo.fromBER(bufferOf(cms)) });
    return Buffer.from(response.toSchema().toBER(false));
  }

  /** A proper answer with the last byte of its signature flipped. */
  async function badlySigned(query) {
    const answer = await reply(query);
    const signature = new pkijs.SignedData({ schema: pkijs.TimeStampResp.fromBER(bufferOf(answer)).timeStampToken.content }).signerInfos[0].signature.valueBlock.valueHexView;
    const at = answer.indexOf(Buffer.from(signature));
    answer[at + signature.length - 1] ^= 0xff;
    return answer;
  }

  async function answer(mode, query) {
    switch (mode) {
      case 'good':
        return reply(query);
      case 'good-ec':
        return reply(query, 'tsa_ec');
      case 'rejection':
        return reply(changed(query, (r) => { r.reqPolicy = UNACCEPTED_POLICY; }));
      case 'wrong-imprint':
        return reply(changed(query, (r) => { r.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(0xab) }); }));
      case 'wrong-nonce':
        return reply(changed(query, (r) => { r.nonce = new asn1js.Integer({ value: 12345 }); }));
      case 'not-tsa':
        return resignedBy(query, 'web');
      case 'eku-not-critical':
        return resignedBy(query, 'soft');
      case 'bad-signature':
        return badlySigned(query);
      default:
        throw new Error(`test TSA: no such mode ${mode}`);
    }
  }

  const tsa = {
    mode: 'good',
    slowMs: 10_000,
    /** Each request received: its Content-Type and body. */
    requests: [],
    dir,
    caPem: join(dir, 'ca.pem'),
    tsaPem: join(dir, 'tsa.pem'),
    tsaFingerprint: await fingerprint(dir, 'tsa.pem'),
    tsaEcFingerprint: await fingerprint(dir, 'tsa-ec.pem'),
    url: '',
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const query = Buffer.concat(chunks);
      const mode = tsa.mode;
      tsa.requests.push({ method: req.method, contentType: req.headers['content-type'], body: query });
      if (mode === 'down') return req.socket.destroy();
      if (mode === 'http-error') return res.writeHead(503, { 'Content-Type': 'text/plain' }).end('Service Unavailable');
      if (mode === 'garbage') return res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end('<html><body>Welcome to our portal</body></html>');
      if (mode === 'too-large') return res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(Buffer.alloc(1024 * 1024, 0x30));
      if (mode === 'slow') {
        const timer = setTimeout(() => res.writeHead(503).end(), tsa.slowMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      const job = queue.then(() => answer(mode, query));
      queue = job.catch(() => undefined);
      job.then(
        (body) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body),
        (error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error?.stderr ?? error)),
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsa.url = `http://127.0.0.1:${server.address().port}/tsr`;
  return tsa;
}

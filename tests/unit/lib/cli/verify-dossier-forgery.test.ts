// Issue 12: each forged dossier below exited 0 with the verifier before it (checked against that code: all
// but the absolute name, which it already refused as UNEXPECTED). Each must now exit 1 or 2, with a line
// that names the reason.
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import { bufferSource, describeVerdict, verifyDossier } from '@/lib/cli/verify-dossier';
import { dossierZip, seedDossierCase } from '../../support/dossier-fixture';
import { dossierParts, FORGERIES, rawZip, type DossierParts } from '../../support/dossier-forgery';

const NAME = 'dossier-forgery-test';
let parts: DossierParts;

beforeAll(async () => {
  const database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
  parts = dossierParts((await dossierZip(database)).zip);
  database.close();
  await Dexie.delete(NAME);
});
afterAll(() => Dexie.delete(NAME));

async function verify(zip: Uint8Array) {
  return describeVerdict(await verifyDossier(bufferSource(zip)));
}

const page = () => parts.manifest.files[0].path as string;
const photo = () => parts.manifest.files[1].path as string;
const q = (name: string) => JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line each forgery must produce (a RegExp over the output), and its exit code. */
const EXPECTED: Record<string, () => [RegExp, 1 | 2]> = {
  'added file with a manifest line the custody log never had': () => [/^UNLOGGED evidence\/05-file-forged1\.jpg \(evidence forged1\): the custody log does not hold it/m, 1],
  'a second manifest.json': () => [/^DUPLICATE "manifest\.json": the ZIP holds 2 entries with this name$/m, 1],
  'a second report.html': () => [/^DUPLICATE "report\.html": the ZIP holds 2 entries with this name$/m, 1],
  'a duplicated evidence name, the forged copy first': () => [new RegExp(`^DUPLICATE ${q(page())}: the ZIP holds 2 entries`, 'm'), 1],
  'a listed name with ..': () => [/^UNSAFE NAME "evidence\/x\/\.\.\/01-page-html-page1\.html": it holds a \.\. or \. folder/m, 1],
  'a listed name with a backslash': () => [/^UNSAFE NAME "evidence\/\.\.\\\\01-page-html-page1\.html": it holds a backslash/m, 1],
  'a listed name with //': () => [/^UNSAFE NAME "evidence\/\/01-page-html-page1\.html": it holds an empty folder name/m, 1],
  'an absolute listed name': () => [/^UNSAFE NAME "\/evidence\/01-page-html-page1\.html": it is an absolute path/m, 1],
  'a listed name with NUL': () => [/^UNSAFE NAME "evidence\/01-page-html-page1\\u0000\.html": it holds a control character/m, 1],
  'a listed name the exporter does not make': () => [/^PATH "evidence\/invoice\.html": DisputeKit names file 1 of manifest\.json \(evidence page-1\) evidence\/01-page-html-page1\.html$/m, 1],
  'a wrong CRC': () => [new RegExp(`^DAMAGED ${q(photo())}: its CRC-32 is [0-9a-f]{8}, not the 12345678 its headers state$`, 'm'), 1],
  'an entry only in the local headers': () => [/^ZIP LOCAL ONLY "evidence\/99-file-hidden\.jpg" at byte \d+: an entry in the local headers that the central directory does not list$/m, 1],
  'local and central names that differ': () => [new RegExp(`^ZIP ${q(page())}: its local header disagrees with the central directory: name "evidence/01-page-html-page1\\.exe!"$`, 'm'), 1],
  'a false bytes': () => [new RegExp(`^SIZE ${q(photo())}: manifest\\.json says \\d+ bytes, the ZIP entry holds 7$`, 'm'), 1],
  'formatVersion 99': () => [/^NOT A DOSSIER: manifest\.json has formatVersion 99; this verifier reads format 2 only$/m, 2],
  'swapped file paths': () => [new RegExp(`^PATH ${q(photo())}: DisputeKit names file 1 of manifest\\.json \\(evidence page-1\\) ${page().replace(/\./g, '\\.')}$`, 'm'), 1],
  'swapped URL and title': () => [new RegExp(`^METADATA ${q(page())}: its details in manifest\\.json are not those custody entry 1 recorded$`, 'm'), 1],
  'a changed kind': () => [new RegExp(`^METADATA ${q(photo())}: its details in manifest\\.json are not those custody entry 2 recorded$`, 'm'), 1],
  'swapped capture times': () => [new RegExp(`^METADATA ${q(page())}: .*\\n(.*\\n)*METADATA ${q(photo())}: `, 'm'), 1],
  'an added part': () => [new RegExp(`^METADATA ${q(photo())}: `, 'm'), 1],
  'edited order facts': () => [/^MANIFEST EDITED: manifest\.json \(apart from its custody log\) hashes to [0-9a-f]{64}, the export entry \(entry 5\) holds [0-9a-f]{64}$/m, 1],
  'an edited deadline': () => [/^MANIFEST EDITED: /m, 1],
  'an edited report.html': () => [/^REPORT EDITED: report\.html hashes to [0-9a-f]{64}, the export entry \(entry 5\) holds [0-9a-f]{64}$/m, 1],
};

describe('a forged dossier never verifies', () => {
  it('every forgery of the list has its expected reason', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FORGERIES).sort());
  });

  it('the dossier they are made from verifies, also when rewritten by the forgery tool unchanged', async () => {
    expect((await verify(rawZip(parts.entries))).exitCode).toBe(0);
  });

  for (const name of Object.keys(FORGERIES)) {
    it(name, async () => {
      const [line, exitCode] = EXPECTED[name]();
      const { lines, exitCode: actual } = await verify(FORGERIES[name](parts));
      const out = lines.join('\n');
      expect(actual, out).toBe(exitCode);
      expect(out).toMatch(line);
      if (exitCode === 1) expect(lines.at(-1)).toBe('DOSSIER FAILED');
    });
  }
});

describe('a ZIP bomb', () => {
  /** The video's entry replaced by 64 MiB of zeros, deflated to about 64 KB. */
  const bomb = (declaredSize?: number) => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const video = parts.manifest.files[2].path as string;
    return rawZip(parts.entries.map((e) => (e.name === video ? { name: video, data: zeros, deflate: true, declaredSize } : e)));
  };
  /** The source, counting the bytes streamed from it. */
  const counted = (zip: Uint8Array) => {
    const source = bufferSource(zip);
    const seen = { streamed: 0 };
    return { seen, source: { ...source, async *stream(offset: number, length: number) { for await (const c of source.stream(offset, length)) { seen.streamed += c.length; yield c; } } } };
  };

  it('an entry declaring its true inflated size, more than the log’s, is refused without inflating it', async () => {
    const zip = bomb();
    const { seen, source } = counted(zip);
    const { lines, exitCode } = describeVerdict(await verifyDossier(source));
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/^SIZE "evidence\/03-file-imp3\.mp4": manifest\.json says 300012 bytes, the ZIP entry holds 67108864$/m);
    // Only the manifest, the other files and the report were read: not the bomb's ~64 KB.
    expect(seen.streamed).toBeLessThan(zip.length - 60_000);
  });

  it('an entry declaring the log’s size but inflating past it stops there', async () => {
    const { lines, exitCode } = describeVerdict(await verifyDossier(bufferSource(bomb(300_012))));
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/^DAMAGED "evidence\/03-file-imp3\.mp4": it inflates past its declared 300012 bytes$/m);
  });

  it('a manifest.json declaring more than any dossier’s is not read: exit 2', async () => {
    const zip = rawZip(parts.entries.map((e) => (e.name === 'manifest.json' ? { ...e, deflate: true, declaredSize: 64 * 1024 * 1024 } : e)));
    const { lines, exitCode } = describeVerdict(await verifyDossier(bufferSource(zip)));
    expect(exitCode).toBe(2);
    expect(lines[0]).toMatch(/^NOT A DOSSIER: manifest\.json declares 67108864 bytes, more than any dossier's/);
  });
});

describe('what is not a dossier this verifier can vouch for', () => {
  const withManifest = (change: (m: Record<string, unknown>) => void) => {
    const manifest = structuredClone(parts.manifest);
    change(manifest);
    return rawZip(parts.entries.map((e) => (e.name === 'manifest.json' ? { ...e, data: new TextEncoder().encode(JSON.stringify(manifest)) } : e)));
  };

  it('a format-1 dossier (DisputeKit 0.1) is refused with the reason: exit 2', async () => {
    const { lines, exitCode } = await verify(withManifest((m) => (m.formatVersion = 1)));
    expect(exitCode).toBe(2);
    expect(lines[0]).toMatch(/^NOT A DOSSIER: manifest\.json has formatVersion 1 \(DisputeKit 0\.1\): its report, order facts and file details are not covered/);
  });

  it('a log that does not end with the export entry (the export entry removed): exit 1', async () => {
    const { lines, exitCode } = await verify(
      withManifest((m) => {
        const custody = m.custody as { entries: { hash: string }[]; headHash: string };
        custody.entries.pop();
        custody.headHash = custody.entries.at(-1)!.hash;
      }),
    );
    expect(exitCode).toBe(1);
    expect(lines).toContain('NO EXPORT ENTRY: the custody log does not end with the entry the export writes, which vouches for manifest.json and report.html');
  });

  it('bytes before the first entry, or after the end record, are not a dossier’s', async () => {
    const zip = rawZip(parts.entries);
    const prefixed = new Uint8Array([...new TextEncoder().encode('MZ self-extractor '), ...zip]);
    // Every offset of the directory now points 18 bytes short: it cannot be read where it says it is.
    expect((await verify(prefixed)).lines[0]).toBe('NOT A DOSSIER: the ZIP central directory is damaged');
    const trailing = new Uint8Array([...zip, 1, 2, 3]);
    expect((await verify(trailing)).lines[0]).toMatch(/^NOT A DOSSIER: no ZIP end record/);
  });
});

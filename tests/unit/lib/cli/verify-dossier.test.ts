import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeKitDB } from '@/lib/cases/db';
import { dossierZip } from '../../support/dossier-fixture';
import { seedDossierCase } from '../../support/dossier-fixture';

const NAME = 'dossier-cli-test';
let dir: string;
let zip: Uint8Array;

function verify(path: string) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/verify.ts', '--', path], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  const database = new DisputeKitDB(NAME);
  await seedDossierCase(database);
  zip = (await dossierZip(database)).zip;
  database.close();
  await Dexie.delete(NAME);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns tsx (about a second, more on a busy machine): a generous limit, not a speed check.
describe('npm run verify (a dossier on disk, read in ranges)', { timeout: 60_000 }, () => {
  it('exit 0 and OK lines for an untouched dossier', () => {
    const path = join(dir, 'good.zip');
    writeFileSync(path, zip);
    const { code, out } = verify(path);
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('OK evidence/'))).toHaveLength(4);
    // Issue 12: four files' entries and the export entry.
    expect(out).toMatch(/^CHAIN OK 5 entries, head [0-9a-f]{64}$/m);
  });

  it('exit 1 naming the file with a flipped byte', () => {
    const files = unzipSync(zip);
    const path = 'evidence/01-page-html-page1.html';
    files[path] = files[path].slice();
    files[path][3] ^= 0x20;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, zipSync(files));
    const { code, out } = verify(tampered);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^MISMATCH ${path} expected [0-9a-f]{64} actual [0-9a-f]{64}$`, 'm'));
  });

  it('exit 2 with a clear message for a file that is not a dossier, or is not there', () => {
    const text = join(dir, 'notes.zip');
    writeFileSync(text, 'just some text, long enough to be taken for an archive if it were one');
    let run = verify(text);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/NOT A DOSSIER: .*not a ZIP archive/);
    run = verify(join(dir, 'absent.zip'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/NOT A DOSSIER: cannot read/);
  });
});

// `npm test`: unit tests (Vitest), then the end-to-end tests (node:test driving Chromium, then Firefox ESR, with
// the built test extension), and one closing line "N passed, N failed" over both. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const results = '.test-results';
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', shell: false });
}

// 1. Unit tests.
const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`]);
try {
  const report = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A test file that fails to load fails no test but fails the run: count it.
  if (unit.status !== 0 && report.numFailedTests === 0) failed += 1;
} catch {
  failed += 1; // no report at all: Vitest itself failed
}

/** Runs one node:test end-to-end suite (a directory) and adds its TAP counts to the totals. */
function runSuite(name, dir) {
  const tapFile = `${results}/${name}.tap`;
  const e2e = spawnSync('node', ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${tapFile}`, dir], { stdio: 'inherit' });
  const tap = (() => {
    try {
      return readFileSync(tapFile, 'utf8');
    } catch {
      return '';
    }
  })();
  const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  if (e2e.status !== 0 && count('fail') + count('cancelled') === 0) failed += 1;
  if (count('pass') + count('fail') === 0) failed += 1; // a suite must run, never silently vanish
}

// 2. End-to-end tests on the test build (<all_urls> added, since automation cannot grant activeTab): Chromium,
// then Firefox ESR (tests/e2e-firefox, the Firefox MV2 test build).
const build = run('npx', ['wxt', 'build', '--mode', 'testing']);
if (build.status !== 0) failed += 1;
else runSuite('e2e', 'tests/e2e/');

const firefoxBuild = run('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'testing']);
if (firefoxBuild.status !== 0) failed += 1;
else runSuite('e2e-firefox', 'tests/e2e-firefox/');

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);

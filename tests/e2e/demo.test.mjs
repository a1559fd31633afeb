// `npm run demo -- --screenshot DIR` shows every marketplace's sample page with the popup beside it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { ROOT } from './harness.mjs';

it('npm run demo writes a screenshot of each sample page with its popup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-'));
  try {
    const run = spawnSync('node', ['scripts/demo.mjs', '--screenshot', dir], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    assert.equal(run.status, 0, run.stderr);
    const files = readdirSync(dir).sort();
    assert.deepEqual(files, [
      'aliexpress-order.png', 'aliexpress-orders.png', 'aliexpress-ru-order.png', 'taobao-orders.png',
      'tmall-order.png', 'yandex-market-order.png', 'yandex-market-orders.png',
    ]);
    for (const file of files) {
      const png = readFileSync(join(dir, file));
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], `${file} is a PNG`);
      assert.ok(png.readUInt32BE(16) >= 1600, `${file} holds the page and the popup side by side`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

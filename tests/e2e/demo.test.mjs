// `npm run demo -- --screenshot DIR` shows every marketplace's sample page with the popup beside it: the pages
// drawn on screen (Taobao and Tmall included, which the bare fixtures leave blank) and their dates moved to
// today, so the popup's countdowns run whenever the demo is run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { ROOT } from './harness.mjs';

const NAMES = ['aliexpress-order', 'aliexpress-orders', 'aliexpress-ru-order', 'taobao-orders', 'tmall-order', 'yandex-market-order', 'yandex-market-orders'];
/** The day `days` before today (the demo's today, in this machine's zone), as the Taobao pages write it. */
const daysAgo = (days) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

it('npm run demo writes a screenshot of each sample page with its popup, the pages drawn and dated from today', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-'));
  try {
    const run = spawnSync('node', ['scripts/demo.mjs', '--screenshot', dir], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    assert.equal(run.status, 0, run.stderr);
    const files = readdirSync(dir).sort();
    assert.deepEqual(files, NAMES.flatMap((name) => [`${name}.png`, `${name}.txt`]).sort());
    for (const file of files.filter((f) => f.endsWith('.png'))) {
      const png = readFileSync(join(dir, file));
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], `${file} is a PNG`);
      assert.ok(png.readUInt32BE(16) >= 1600, `${file} holds the page and the popup side by side`);
    }
    const text = (name) => {
      const [page, popup] = readFileSync(join(dir, `${name}.txt`), 'utf8').split('\npopup:\n');
      return { page, popup };
    };
    // The Taobao and Tmall pages show their orders on screen, not a blank page.
    const taobao = text('taobao-orders');
    for (const id of ['1690000000000000001', '1690000000000000002', '1690000000000000003']) assert.ok(taobao.page.includes(id), `the Taobao list shows order ${id}`);
    assert.match(taobao.page, /晨光文具小铺[\s\S]*卖家已发货/);
    assert.match(taobao.popup, /3 orders on this page/);
    const tmall = text('tmall-order');
    assert.match(tmall.page, /订单编号\s+2690000000000000021/);
    assert.match(tmall.page, /实付款：￥358\.00/);
    // Dated from today: the sample was written as of the day after its order (2021-03-14 → yesterday).
    assert.ok(tmall.page.includes(`成交时间\n${daysAgo(1)} 20:15:07`), tmall.page);
    assert.ok(taobao.page.includes(`${daysAgo(1)} 09:26:53`), taobao.page);
    // A live countdown in the popup: the order's deadlines are ahead, whatever day the demo runs.
    for (const name of ['tmall-order', 'yandex-market-order', 'aliexpress-order']) assert.match(text(name).popup, /\b\d+ days?\b/, `${name}: a countdown in the popup`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

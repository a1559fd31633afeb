// `npm run bench`'s chat capture figures (scripts/bench.mjs), in a module of their own so they can be measured alone:
// node -e "import('./scripts/bench-chat.mjs').then((m) => m.chatFigures()).then(console.log)"
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'tests/fixtures/aliexpress/message-centre-chat.html');

/**
 * "Capture this chat" on the 200-message chat fixture (its conversation scrolls in a box 600 px tall inside a
 * 1280×800 window), into an open case, asked of the test build's background from its popup page, median of
 * CAPTURE_RUNS: `capture.chat.ms` the whole capture (the chat script injected, the box scrolled and stitched, its
 * rows read, MHTML, HTML, transcript, hashes, saving with its contacts; it includes the 1 s the box is watched for
 * older messages loading, lib/content/chat-box.ts OLDER_QUIET_MS); `capture.chat.floor_ms` screens × 500 ms, what
 * Chrome's two-captures-a-second quota allows at best (target: ms within 1.2× of it); `capture.chat.screens` the
 * box's height in screens of itself; `capture.chat.messages` the transcript's lines.
 */
export async function chatFigures() {
  const { TEST_BUILD, launchExtension, openPopup, openTab, serve } = await import('../tests/e2e/harness.mjs');
  const { seedCases } = await import('../tests/e2e/seed.mjs');
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`capture.chat.*: skipped, no test build in ${TEST_BUILD} (npm run build:test)`);
    return {};
  }
  const CAPTURE_RUNS = 3;
  const url = 'https://msg.aliexpress.com/buyerMsgListNew.htm?sellerId=912345';
  const caseId = 'aliexpress:8190246813579135';
  const ext = await launchExtension();
  try {
    await serve(ext.context, `${url}*`, readFileSync(FIXTURE, 'utf8'));
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    await dashboard.locator('[data-testid="dashboard-empty"], [data-testid="dashboard-table"]').first().waitFor();
    await seedCases(dashboard, [{ platform: 'aliexpress', orderId: '8190246813579135', state: 'open' }]);
    await dashboard.close();
    const { page, tabId } = await openTab(ext, url);
    const { height, view } = await page.evaluate(() => {
      const box = document.getElementById('messages');
      return { height: box.scrollHeight, view: box.clientHeight };
    });
    const screens = Math.max(1, Math.ceil(height / view));
    const popup = await openPopup(ext, tabId);
    const runs = [];
    for (let i = 0; i < CAPTURE_RUNS; i++) {
      runs.push(
        await popup.evaluate(
          async ({ tabId, caseId }) => {
            const start = performance.now();
            const result = await chrome.runtime.sendMessage({ type: 'capture:tab', tabId, mode: 'chat', caseId });
            const ms = performance.now() - start;
            if (!result?.ok) throw new Error(`chat capture failed: ${JSON.stringify(result)}`);
            return { ms, messages: result.chat.messages };
          },
          { tabId, caseId },
        ),
      );
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      'capture.chat.screens': screens,
      'capture.chat.ms': Math.round(median(runs.map((r) => r.ms))),
      'capture.chat.floor_ms': screens * 500,
      'capture.chat.messages': runs[0].messages,
    };
  } finally {
    await ext.close();
  }
}

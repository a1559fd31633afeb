// Drives a build of the extension in Debian's Chromium (used by the e2e tests and `npm run demo`) with playwright-core (../shared/docs/capture-notes.md).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = resolve(ROOT, process.env.DISPUTEKIT_OUT ?? '.output');
export const TEST_BUILD = join(OUTPUT, 'chrome-mv3-testing');
export const PRODUCTION_BUILD = join(OUTPUT, 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function fixture(relativePath) {
  return readFileSync(join(ROOT, 'tests/fixtures', relativePath), 'utf8');
}

/** Launches Chromium with the test build loaded; returns the context, the service worker and the extension id. */
export async function launchExtension({ locale = 'en', build = TEST_BUILD, headless = true, deviceScaleFactor = 1 } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No build in ${build}: run \`npm run build:test\` (tests) or \`npm run build\` first`);
  const profile = mkdtempSync(join(tmpdir(), 'disputekit-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    locale,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor,
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      `--lang=${locale}`,
      // 2 stands for a high-density screen, for the page (Playwright's emulation above) and for what
      // captureVisibleTab takes (the compositor, which ignores emulation).
      `--force-device-scale-factor=${deviceScaleFactor}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Nothing leaves the machine: every request not answered from a fixture is refused.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort('blockedbyclient'));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Answers requests to `url` (a glob) with the given HTML, as the marketplace would. */
export async function serve(context, url, html) {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** Opens a page at a marketplace URL and returns it with the browser's id for its tab. */
export async function openTab(ext, url) {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await ext.sw.evaluate(async (href) => {
    // The page just brought to front is the active tab with this URL; the newest, should there be more.
    const tabs = await chrome.tabs.query({ url: href.split('#')[0], active: true });
    return tabs.map((t) => t.id).sort((a, b) => b - a)[0];
  }, url);
  if (tabId === undefined) throw new Error(`no tab found for ${url}`);
  return { page, tabId };
}

/**
 * Opens the popup for a tab in a window of its own, so the order's tab stays the visible one in its window
 * (captureVisibleTab captures what a window shows), as with the real toolbar popup.
 */
export async function openPopup(ext, tabId) {
  const url = `chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`;
  const [popup] = await Promise.all([
    ext.context.waitForEvent('page', (p) => p.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html`)),
    ext.sw.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 400, height: 600 }), url),
  ]);
  await popup.waitForLoadState();
  await popup.waitForFunction(() => !document.querySelector('[data-testid="reading"]') && document.querySelector('main'));
  return popup;
}

/** Everything in the extension's IndexedDB, read raw from an extension page, with each blob re-hashed. */
export async function readDatabase(extensionPage) {
  return extensionPage.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const open = indexedDB.open('disputekit');
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const all = (store) =>
      new Promise((res, rej) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => res(request.result);
        request.onerror = () => rej(request.error);
      });
    const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    const cases = await all('cases');
    const evidence = [];
    for (const item of await all('evidence')) {
      const bytes = await item.blob.arrayBuffer();
      const { blob, thumbnail, ...rest } = item;
      evidence.push({
        ...rest,
        blobSize: blob.size,
        blobType: blob.type,
        actualSha256: hex(await crypto.subtle.digest('SHA-256', bytes)),
        head: Array.from(new Uint8Array(bytes.slice(0, 8))),
        hasThumbnail: thumbnail instanceof Blob && thumbnail.size > 0,
        ...(thumbnail instanceof Blob && { thumbnailSha256: hex(await crypto.subtle.digest('SHA-256', await thumbnail.arrayBuffer())), thumbnailType: thumbnail.type }),
      });
    }
    const events = await all('events');
    // The custody log exists from database version 3 on.
    const custody = db.objectStoreNames.contains('custody') ? await all('custody') : [];
    const checklist = db.objectStoreNames.contains('checklist') ? await all('checklist') : [];
    // Contacts and sent notifications exist from database version 4 on.
    const contacts = db.objectStoreNames.contains('contacts') ? await all('contacts') : [];
    const sentNotifications = db.objectStoreNames.contains('sentNotifications') ? await all('sentNotifications') : [];
    db.close();
    return { cases, evidence, events, custody, checklist, contacts, sentNotifications };
  });
}

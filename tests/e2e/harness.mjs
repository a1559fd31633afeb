// Drives a build of the extension in Debian's Chromium (used by the e2e tests and `npm run demo`) with playwright-core (../shared/docs/capture-notes.md).
import assert from 'node:assert/strict';
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

/**
 * Launches Chromium with the test build loaded; returns the context, the service worker and the extension id.
 * `timeZone`: an IANA zone the whole browser (pages, popup, service worker) runs in, as a user's would (TZ).
 */
export async function launchExtension({ locale = 'en', build = TEST_BUILD, headless = true, deviceScaleFactor = 1, timeZone } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No build in ${build}: run \`npm run build:test\` (tests) or \`npm run build\` first`);
  const profile = mkdtempSync(join(tmpdir(), 'disputekit-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    // The browser itself runs in the language, as a user's would: Chromium on Linux takes its UI language
    // from LANGUAGE (and needs its translations, Debian's chromium-l10n), and --lang elsewhere. Playwright's
    // own `locale` option is not used: it is an emulation applied to each new page a moment after it starts,
    // so now and then a page's first i18n.getUILanguage() answered "en".
    env: { ...process.env, LANGUAGE: locale, ...(timeZone && { TZ: timeZone }) },
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor,
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      `--lang=${locale.replace('_', '-')}`,
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
  // What the user sees: the popup has read the page. (Not the page's load event, which Playwright can miss for
  // a window it attaches to late; and the popup is ready when it shows something, not when it has loaded.)
  await popup.waitForFunction(() => !document.querySelector('[data-testid="reading"]') && document.querySelector('main'), undefined, { timeout: WAIT_MS });
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
    // Readings of the order's page exist from database version 5 on.
    const readings = db.objectStoreNames.contains('readings') ? await all('readings') : [];
    db.close();
    return { cases, evidence, events, custody, checklist, contacts, sentNotifications, readings };
  });
}

// ---- Waiting for what the user would see ----
// Every wait is on a state the user would see (an element with its expected text or count, the badge, a row
// in the database), polled until it holds or the time is up; never a fixed delay, never a neighbouring
// message. On a loaded machine a view may take a while to follow, and that is fine; showing the wrong thing
// for good is not, and that is what fails.

/** Generous: CI machines have two cores and run the browser, the extension and the test at once. */
export const WAIT_MS = 20_000;
const POLL_MS = 50;

function matches(actual, expected) {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected === 'function') return Boolean(expected(actual));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * Reads `read()` until its value matches `expected` (a value compared as JSON, a RegExp for text, or a
 * predicate) and returns it; fails with `what` and the last value seen. A read that throws counts as not yet.
 */
export async function waitUntil(read, expected, { what = 'the expected state', timeout = WAIT_MS } = {}) {
  const until = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (matches(last, expected)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) {
      const seen = lastError ? `it failed: ${lastError.message}` : `it was ${JSON.stringify(last)}`;
      throw new assert.AssertionError({ message: `timed out waiting for ${what} to be ${expected instanceof RegExp ? expected : typeof expected === 'function' ? 'as expected' : JSON.stringify(expected)}; ${seen}`, actual: last, expected, operator: 'waitUntil' });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Waits until the element shows this text (a string: exactly; a RegExp: matching) and returns the text. */
export function expectText(locator, expected, options = {}) {
  return waitUntil(() => locator.first().textContent({ timeout: POLL_MS * 4 }), expected, { what: `the text of ${locator}`, ...options });
}

/** Waits until a form field holds this value. */
export function expectValue(locator, expected, options = {}) {
  return waitUntil(() => locator.inputValue({ timeout: POLL_MS * 4 }), expected, { what: `the value of ${locator}`, ...options });
}

/** Waits until exactly `n` elements match the locator. */
export function expectCount(locator, n, options = {}) {
  return waitUntil(() => locator.count(), n, { what: `the number of ${locator}`, ...options });
}

/** Waits until the toolbar badge shows this text ('' for none). */
export function expectBadge(ext, expected, options = {}) {
  return waitUntil(() => ext.sw.evaluate(() => chrome.action.getBadgeText({})), expected, { what: 'the toolbar badge', ...options });
}

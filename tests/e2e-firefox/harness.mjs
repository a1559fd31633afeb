// Drives the Firefox test build in Debian's Firefox ESR over WebDriver BiDi with puppeteer-core: the add-on is
// installed as a temporary add-on, marketplace pages are answered from the project's fixtures, and nothing
// leaves the machine. The Chromium harness's waits and readers are reused (tests/e2e/harness.mjs).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, WAIT_MS, waitUntil } from '../e2e/harness.mjs';

export { fixture, readDatabase, ROOT, WAIT_MS, waitUntil } from '../e2e/harness.mjs';

const OUTPUT = resolve(ROOT, process.env.DISPUTEKIT_OUT ?? '.output');
export const FIREFOX_TEST_BUILD = join(OUTPUT, 'firefox-mv2-testing');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host the tests give the add-on (its id is the build's, wxt.config.ts). */
const ADDON_UUID = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/**
 * A proxy that answers nobody: Firefox sends every request it makes itself (not answered from a fixture in a
 * page, below) here, where it is refused and noted, so nothing reaches the network.
 */
async function refusingProxy() {
  const refused = [];
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      refused.push(chunk.toString('latin1').split('\r\n')[0]);
      socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  return { refused, port: server.address().port, close: () => new Promise((res) => server.close(res)) };
}

const matchesRoute = (match, url) => {
  if (match instanceof RegExp) return match.test(url);
  if (typeof match === 'function') return match(url);
  return url.split('#')[0] === match;
};

/**
 * Starts Firefox ESR with the test build installed as a temporary add-on. Returns the browser, a "control"
 * extension page (options.html) from which the tests call the WebExtension API as the add-on (a tab's id,
 * opening the popup, the badge), and helpers. `deviceScaleFactor` 2 stands for a high-density screen.
 * `downloads`: a folder where Firefox saves downloads without asking.
 */
export async function launchFirefox({ build = FIREFOX_TEST_BUILD, deviceScaleFactor = 1, downloads } = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No build in ${build}: run \`npx wxt build -b firefox --mode testing\` first`);
  const addonId = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  const proxy = await refusingProxy();
  const profile = mkdtempSync(join(tmpdir(), 'disputekit-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: null,
    // Firefox's own guard as well: no connection to anything but this machine (the proxy below is on it).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    // Navigating a tab to a moz-extension:// page over WebDriver BiDi needs system access.
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own services, which would only knock on the proxy again and again.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'app.update.disabledForTesting': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'layout.css.devPixelsPerPx': String(deviceScaleFactor),
      ...(downloads && {
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.start_downloads_in_tmp_dir': false,
      }),
    },
  });
  const routes = [];
  let control;
  const ext = {
    browser,
    origin: EXTENSION_ORIGIN,
    /** Requests Firefox tried to send to the network (all refused). */
    refused: proxy.refused,
    /** Answers requests from pages opened with openTab whose URL is `match` (a URL, a RegExp, a predicate); `delayMs` may be a function of the URL. */
    serve(match, body, { contentType = 'text/html; charset=utf-8', delayMs = 0, headers = {} } = {}) {
      routes.unshift({ match, body, contentType, delayMs, headers });
    },
    /** Runs `fn(arg)` in an extension page, with the WebExtension API (`browser`) of the add-on. */
    api(fn, arg) {
      return control.evaluate(fn, arg);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, path);
      return page;
    },
    /** Opens a marketplace URL in a new tab, brought to front; returns the page and the add-on's id for its tab. */
    async openTab(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request));
      await page.goto(url);
      await page.bringToFront();
      const tabId = await waitUntil(
        () => ext.api(async (href) => (await browser.tabs.query({ active: true })).filter((t) => t.url === href).map((t) => t.id).sort((a, b) => b - a)[0], url),
        (id) => typeof id === 'number',
        { what: `the tab of ${url}` },
      );
      return { page, tabId };
    },
    /** Opens the popup for a tab in a window of its own (the order's tab stays the one shown in its window). */
    async openPopup(tabId) {
      const url = `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`;
      const known = await ext.pagesNow();
      await ext.api((u) => browser.windows.create({ url: u, type: 'popup', width: 400, height: 600 }).then(() => undefined), url);
      const popup = await ext.newPageAt(known, url);
      // What the user sees: the popup has read the page.
      await waitUntil(() => popup.evaluate(() => Boolean(document.querySelector('main') && !document.querySelector('[data-testid="reading"]'))), true, { what: 'the popup to have read the page' });
      return popup;
    },
    /**
     * Waits until a tab shows `url`, as the add-on sees its tabs. A tab that an extension page opens by a link
     * is not reported over WebDriver BiDi (Firefox 153), so a test checks here that the link opened it and
     * drives the page in a tab of its own (openExtensionPage).
     */
    tabAt(url) {
      return waitUntil(() => ext.api(async (u) => (await browser.tabs.query({})).some((t) => t.url === u), url), true, { what: `a tab at ${url}` });
    },
    /** The toolbar button's badge (browserAction in the MV2 build). */
    badge() {
      return ext.api(() => browser.browserAction.getBadgeText({}));
    },
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };

  /** The pages open now, to tell a page opened after this from them (newPageAt). */
  ext.pagesNow = async () => new Set(await browser.pages());
  /** The page, not among `known`, that shows `url` (puppeteer keeps about:blank as a moz-extension page's URL). */
  ext.newPageAt = (known, url) =>
    waitUntil(
      async () => {
        for (const page of await browser.pages()) {
          if (known.has(page)) continue;
          if ((await page.evaluate(() => location.href).catch(() => '')) === url) return page;
        }
        return undefined;
      },
      (page) => page !== undefined,
      { what: `a new page at ${url}` },
    );

  async function answer(request) {
    const url = request.url();
    const route = routes.find((r) => matchesRoute(r.match, url));
    if (!route) return request.abort('blockedbyclient').catch(() => undefined);
    const delay = typeof route.delayMs === 'function' ? route.delayMs(url) : route.delayMs;
    if (delay) await new Promise((res) => setTimeout(res, delay));
    const body = typeof route.body === 'function' ? route.body(url) : route.body;
    await request.respond({ status: 200, contentType: route.contentType, headers: route.headers, body }).catch(() => undefined);
  }

  await browser.installExtension(build);
  control = (await browser.pages())[0] ?? (await browser.newPage());
  await gotoExtensionPage(control, 'options.html');
  return ext;
}

/**
 * Navigates a tab to one of the add-on's pages. The page loads in the extension's process, and puppeteer does
 * not see that navigation end, so this waits for the document itself to be complete.
 */
export async function gotoExtensionPage(page, path) {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  page.goto(url, { timeout: WAIT_MS }).catch(() => undefined);
  await waitUntil(() => page.evaluate(() => `${location.href} ${document.readyState}`), `${url} complete`, { what: `${path} to load` });
}

/** Reloads one of the add-on's pages (puppeteer does not see the reload end either: see gotoExtensionPage). */
export async function reloadExtensionPage(page) {
  await page.evaluate(() => {
    window.disputekitBeforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitUntil(() => page.evaluate(() => !window.disputekitBeforeReload && document.readyState === 'complete'), true, { what: 'the page to reload' });
}

// ---- What the user sees, read by CSS selector (puppeteer has no Playwright locators) ----

export const testId = (id) => `[data-testid="${id}"]`;

/** Waits until the first element matching `selector` shows this text (a string: exactly; a RegExp: matching). */
export function expectText(page, selector, expected, options = {}) {
  return waitUntil(() => page.$eval(selector, (el) => el.textContent), expected, { what: `the text of ${selector}`, ...options });
}

/** Waits until exactly `n` elements match. */
export function expectCount(page, selector, n, options = {}) {
  return waitUntil(() => page.$$eval(selector, (els) => els.length), n, { what: `the number of ${selector}`, ...options });
}

/** Waits until a form field holds this value. */
export function expectValue(page, selector, expected, options = {}) {
  return waitUntil(() => page.$eval(selector, (el) => el.value), expected, { what: `the value of ${selector}`, ...options });
}

/** Waits until an element matches, and returns it. */
export async function waitFor(page, selector, { timeout = WAIT_MS } = {}) {
  return page.waitForSelector(selector, { timeout });
}

/** Clicks an element once it is visible, enabled and still, as a user would. */
export async function click(page, selector) {
  await page.locator(selector).setTimeout(WAIT_MS).click();
}

/** Types into a field as a user would (the field is cleared first). */
export async function fill(page, selector, value) {
  await page.locator(selector).setTimeout(WAIT_MS).fill(value);
}

/** Waits until Firefox has finished saving a download in `dir` whose name matches, and returns its name. */
export function expectDownload(dir, name, options = {}) {
  return waitUntil(
    () => {
      const files = readdirSync(dir);
      if (files.some((f) => f.endsWith('.part'))) return undefined;
      return files.find((f) => name.test(f));
    },
    (found) => typeof found === 'string',
    { what: `a download named ${name} in ${dir}`, ...options },
  );
}

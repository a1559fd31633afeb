import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MARKETPLACE_HOST_PATTERNS } from './lib/common/marketplaces';

const TIMESTAMP_OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
/**
 * When and where each selector and API endpoint was seen (lib/readers/<marketplace>/selectors.ts `{ css, seen,
 * page }`, endpoints.ts `{ …, seen, source }`) is for the people who keep the catalogues; nothing reads it at run
 * time. It stays in the source beside each entry and is left out of the content scripts' build (issue 13's
 * 30 kB: a few hundred bytes gzipped in each). An entry written another way keeps its dating: only size is lost.
 */
const CATALOGUE_DATING = /,\s*seen: '[^']*',\s*(?:page|source): (?:[A-Z_]+|'[^'\\]*')(?=\s*\})/g;
const CATALOGUE_FILE = /[\\/]lib[\\/]readers[\\/][\w-]+[\\/](?:selectors|endpoints)\.ts$/;
const stripCatalogueDating = {
  name: 'disputekit:strip-catalogue-dating',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    return CATALOGUE_FILE.test(id) ? { code: code.replace(CATALOGUE_DATING, ''), map: null } : undefined;
  },
};

// The test build ("--mode testing") also asks for <all_urls>: automation cannot click the toolbar icon,
// so it can never be granted activeTab (../shared/docs/capture-notes.md). The production build never does.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // DISPUTEKIT_OUT lets several checkouts or runs build side by side without replacing each other's output.
  outDir: process.env.DISPUTEKIT_OUT ?? '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ mode, browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus and the command are user actions that grant activeTab; notifications report their result and
    // warn before deadlines; alarms wake the worker for deadline reminders across worker and browser restarts.
    // pageCapture: Chrome's MHTML archive of the captured page; Firefox has no such API. scripting: "Capture this
    // chat" puts its script into the tab when asked (MV3; Firefox's MV2 uses tabs.executeScript with the same hosts).
    permissions: ['activeTab', 'storage', 'unlimitedStorage', 'contextMenus', 'notifications', 'alarms', ...(browser === 'firefox' ? [] : ['pageCapture']), ...(manifestVersion === 3 ? ['scripting'] : [])],
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+E', mac: 'MacCtrl+Shift+E' },
        description: '__MSG_commandCapturePage__',
      },
    },
    host_permissions: mode === 'testing' ? [...MARKETPLACE_HOST_PATTERNS, '<all_urls>'] : [...MARKETPLACE_HOST_PATTERNS],
    // Trusted timestamps (opt-in): Settings asks for the one host of the authority the user picks, at the click
    // that turns them on (lib/timestamp/authorities.ts). Any http(s) host can be asked, as the user may enter
    // an authority of their own; none is held until asked. MV2 (Firefox) has only optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: [...TIMESTAMP_OPTIONAL_HOSTS] } : { optional_host_permissions: [...TIMESTAMP_OPTIONAL_HOSTS] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Nothing leaves the machine unless the user exports it.
        gecko: { id: '{5b0f6f4e-2c1d-4a8e-9a55-3d8e1c7b6a21}', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    // The marketplaces' content scripts run on every marketplace page the user opens, so they are kept small
    // (issue 13, .size-limit.mjs): they take the browser's own promise-based API (Chrome MV3, Firefox) instead of
    // webextension-polyfill (~3 kB gzipped). What they use of it needs none: sendMessage and storage return
    // promises natively, and their message listener answers through sendResponse (lib/content/content-script.ts).
    // The background and the pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), stripCatalogueDating];
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
    },
    // WXT takes the toolbar tooltip from the popup's <title>; the tooltip is translated, the title is not.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
});

// What each marketplace's content script carries (issue 13): its own reader and nothing of the other
// marketplaces' readers, no screen's strings (the in-page button's come from the background, in one language),
// no database code and no zod.
// Read from the built scripts (the test build, like every e2e test: `DISPUTEKIT_OUT=… npx wxt build --mode testing`);
// the sizes themselves are budgeted by `npm run size` (.size-limit.mjs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, TEST_BUILD } from './harness.mjs';

const MARKETPLACES = ['aliexpress', 'taobao', 'yandex-market'];
const ZOD_AND_DEXIE = ['IDBKeyRange', 'superRefine', '_zod', 'invalid_type', 'too_big'];
// The polyfill's table of API arities; wxt/storage's migration log.
const POLYFILL_AND_STORAGE = ['fallbackToNoCallback', 'Storage migration'];
const script = (name) => readFileSync(join(TEST_BUILD, 'content-scripts', `${name}.js`), 'utf8');
const source = (path) => readFileSync(join(ROOT, path), 'utf8');

/** The names of a marketplace's API endpoints (its reader's catalogue): strings only its reader holds. */
function endpointNames(marketplace) {
  return [...source(`lib/readers/${marketplace}/endpoints.ts`).matchAll(/\bname: '([^']+)'/g)].map((m) => m[1]);
}

/** The English strings of an area (lib/i18n/areas/<file>.ts), plain ones only, long enough not to occur by chance. */
function englishStrings(file) {
  const text = source(`lib/i18n/areas/${file}`);
  const english = text.slice(0, text.indexOf('zh_CN: {'));
  return [...english.matchAll(/^\s*'[\w.-]+':\s*'((?:[^'\\]|\\.)*)',?\s*$/gm)].map((m) => m[1]).filter((s) => s.length >= 24);
}

describe('what a marketplace content script carries', () => {
  for (const marketplace of MARKETPLACES) {
    const code = script(marketplace);

    it(`${marketplace}: its own reader, and no other marketplace's`, () => {
      const own = endpointNames(marketplace);
      assert.ok(own.length > 0, `no endpoint names found for ${marketplace}`);
      for (const name of own) assert.ok(code.includes(name), `${marketplace}.js lacks its own endpoint ${name}`);
      for (const other of MARKETPLACES.filter((m) => m !== marketplace)) {
        for (const name of endpointNames(other)) assert.ok(!code.includes(name), `${marketplace}.js carries ${other}'s reader (${name})`);
      }
    });

    it(`${marketplace}: the in-page button's string keys, and no language's text of it or of any screen`, () => {
      // The keys it checks the background's strings against (lib/i18n/areas/page-button-keys.ts).
      for (const key of ['actions.pageButtonSaved', 'error.orderMismatch', 'error.internal']) assert.ok(code.includes(key), `${marketplace}.js lacks the key ${key}`);
      const button = englishStrings('page-button.ts');
      assert.ok(button.length > 5);
      for (const text of [...button, '保存订单到 DisputeKit', 'Сохранить заказ в DisputeKit']) assert.ok(!code.includes(text), `${marketplace}.js carries the button's "${text}"`);
      const screens = readdirSync(join(ROOT, 'lib/i18n/areas')).filter((f) => f.endsWith('.ts') && !['index.ts', 'page-button-keys.ts'].includes(f));
      for (const file of screens) {
        for (const text of englishStrings(file)) assert.ok(!code.includes(text), `${marketplace}.js carries ${file}'s "${text}"`);
      }
    });

    it(`${marketplace}: no database code and no zod`, () => {
      // Dexie's IndexedDB key ranges; full zod's chained methods; zod's core (zod/mini's too): its schemas'
      // internals and its issue codes.
      for (const marker of ZOD_AND_DEXIE) assert.ok(!code.includes(marker), `${marketplace}.js carries ${marker}`);
    });

    it(`${marketplace}: neither webextension-polyfill nor wxt/storage (wxt.config.ts)`, () => {
      for (const marker of POLYFILL_AND_STORAGE) assert.ok(!code.includes(marker), `${marketplace}.js carries ${marker}`);
    });
  }

  it('the markers are real: the background carries the database, full zod and every reader’s addresses', () => {
    const background = readFileSync(join(TEST_BUILD, 'background.js'), 'utf8');
    for (const marker of [...ZOD_AND_DEXIE, ...POLYFILL_AND_STORAGE]) assert.ok(background.includes(marker), `background.js lacks ${marker}`);
    // The recorder, shared by all marketplaces' pages, knows every endpoint.
    const recorder = script('page-data');
    for (const marketplace of MARKETPLACES) for (const name of endpointNames(marketplace)) assert.ok(recorder.includes(name), `page-data.js lacks ${name}`);
  });
});

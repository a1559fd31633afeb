// The built extension's bundles, as `npm run size` (.size-limit.mjs) and `npm run bench` (bundle.<entry>.gzip_kb)
// measure them. A content script or the background is one file; a page is its module script and every chunk its
// HTML preloads (the shared ones counted in each page that loads them). Sizes are gzip level 9, as size-limit's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
/** The production build (npm run build), under DISPUTEKIT_OUT when set, as wxt.config.ts puts it. */
export const PRODUCTION_BUILD = join(resolve(ROOT, process.env.DISPUTEKIT_OUT ?? '.output'), 'chrome-mv3');
/** The marketplaces' isolated content scripts; each page of theirs also gets the page-data recorder. */
export const MARKETPLACE_SCRIPTS = ['aliexpress', 'taobao', 'yandex-market'];
export const RECORDER_SCRIPT = 'page-data';

export function hasBuild(build = PRODUCTION_BUILD) {
  return existsSync(join(build, 'manifest.json'));
}

/** Entry name → its files (paths relative to the repository root), for every content script, the background and each page. */
export function bundles(build = PRODUCTION_BUILD) {
  if (!hasBuild(build)) throw new Error(`no production build in ${build}: run npm run build (with the same DISPUTEKIT_OUT)`);
  const entries = {};
  const at = (...parts) => relative(ROOT, join(build, ...parts));
  for (const file of readdirSync(join(build, 'content-scripts')).filter((f) => f.endsWith('.js')).sort()) {
    entries[file.slice(0, -'.js'.length)] = [at('content-scripts', file)];
  }
  entries.background = [at('background.js')];
  for (const html of readdirSync(build).filter((f) => f.endsWith('.html')).sort()) {
    const text = readFileSync(join(build, html), 'utf8');
    const scripts = [...text.matchAll(/<(?:script\b[^>]*\ssrc|link\b[^>]*\brel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => at(m[1]));
    if (!scripts.length) throw new Error(`${html}: no script found in it (has the page's HTML changed shape?)`);
    entries[html.slice(0, -'.html'.length)] = scripts;
  }
  return entries;
}

/** The files' gzipped sizes together, in bytes. */
export function gzipBytes(files) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(ROOT, file)), { level: 9 }).length, 0);
}

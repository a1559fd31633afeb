// `npm run size`: the size budget of every bundle of the production build (gzip, kB = 1000 bytes), read from the
// build's own files (scripts/bundles.mjs). A marketplace page loads its isolated content script and the page-data
// recorder, so they are budgeted together. Budgets are the sizes measured on 2026-12-02 plus ~5% (content scripts) or ~10% (the rest) headroom;
// issue 13's target for a marketplace's content scripts is 30 kB, and no content budget is above it. With no zod
// in them (plain checks, lib/common/reading-check.ts), the button's strings sent by the background in one
// language, the browser's own API instead of webextension-polyfill, no wxt/storage and no catalogue dating
// (wxt.config.ts), they measure AliExpress 27.7, Taobao 29.8, Yandex Market 25.7 (with the recorder's 2.0); the
// reader is 17-21 kB of that. Tighten these as the scripts shrink, never loosen them quietly.
import { bundles, MARKETPLACE_SCRIPTS, RECORDER_SCRIPT } from './scripts/bundles.mjs';

const LIMITS = {
  aliexpress: '29 kB',
  // Held to the target itself, in KiB as the target is counted (1,024 bytes: 30.72 kB here); +5% would be 31.4.
  taobao: '30 KiB',
  'yandex-market': '27 kB',
  // The background asks for each saved file's trusted timestamp and checks the token it gets (issue 14): the RFC 3161
  // and CMS code (pkijs + asn1js, ~88 kB of it) is in it since; a service worker's bundle inlines what pages load on
  // demand. Measured 260.4 kB (2026-12-02) + ~3%; then "Capture this chat" +3.7 kB (its transcript reader, the
  // chat:* schemas, the contact log's save, its strings in three languages); the page side is in chat-box.js,
  // injected only for a chat capture, unbudgeted.
  background: '272 kB',
  // +0.5 kB (2026-12-02): the evidence row's timestamp state and the token record's schema; then "Capture this
  // chat" (its button, its result and the chat:* schemas), measured 185.3.
  popup: '188 kB',
  // The pages share one chunk that holds every screen's strings in three languages and full zod; it grew with
  // this round's screens (the timestamps section, the listing capture, prints and capture records: +8 to 11 kB).
  // Splitting that chunk per page is what would shrink them; until then these are measured (2026-12-02) + ~3%.
  // +0.1 kB at the end of 2026-12-02 (the review's fixes: the retry's own result, the next attempt's wording).
  case: '224 kB',
  dashboard: '226 kB',
  options: '183 kB',
};

const built = bundles();
const check = (name, path, limit) => ({ name, path, limit, gzip: true });

export default [
  ...MARKETPLACE_SCRIPTS.map((m) => check(`${m} content scripts (${m}.js + ${RECORDER_SCRIPT}.js)`, [...built[m], ...built[RECORDER_SCRIPT]], LIMITS[m])),
  ...['background', 'popup', 'case', 'dashboard', 'options'].map((entry) => check(entry, built[entry], LIMITS[entry])),
];

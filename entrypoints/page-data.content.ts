import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_DATA_MATCHES } from '@/lib/common/marketplaces';
import { installPageDataRecorder, runsInPageWorld } from '@/lib/content/page-data/recorder';

// In the page's own world, before the page's scripts: keeps a copy of the order APIs' responses (lib/content/page-data).
export default defineContentScript({
  matches: PAGE_DATA_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  // An anonymous IIFE: nothing of ours appears among the page's globals (WXT would add `var pageData`).
  globalName: false,
  main() {
    if (runsInPageWorld(window)) installPageDataRecorder(window);
  },
});

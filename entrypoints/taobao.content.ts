import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/content-script';
import { TAOBAO_READER } from '@/lib/readers/taobao';
import { TAOBAO_MATCHES } from '@/lib/common/marketplaces';

export default defineContentScript({
  matches: TAOBAO_MATCHES,
  runAt: 'document_idle',
  // WXT would also announce the script's start with window.postMessage, whose type names the extension id:
  // the page must not learn it (issue 12). WXT itself listens only for its DOM event.
  noScriptStartedPostMessage: true,
  // Its own reader only: a content script carries no other marketplace's (lib/readers/marketplace-reader.ts).
  main: (ctx) => startContentScript(ctx, TAOBAO_READER),
});

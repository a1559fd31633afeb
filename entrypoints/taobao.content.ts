import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForPageRequests, watchForChanges } from '@/lib/content';
import { TAOBAO_MATCHES } from '@/lib/marketplaces';

export default defineContentScript({
  matches: TAOBAO_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    listenForPageRequests();
    watchForChanges(ctx);
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForPageRequests, watchForChanges } from '@/lib/content';
import { pageButtonController } from '@/lib/page-button';
import { TAOBAO_MATCHES } from '@/lib/marketplaces';

export default defineContentScript({
  matches: TAOBAO_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    listenForPageRequests();
    watchForChanges(ctx, pageButtonController(ctx));
  },
});

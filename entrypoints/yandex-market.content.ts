import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenForPageRequests, watchForChanges } from '@/lib/content';
import { pageButtonController } from '@/lib/page-button';
import { YANDEX_MARKET_MATCHES } from '@/lib/marketplaces';

export default defineContentScript({
  matches: YANDEX_MARKET_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    listenForPageRequests();
    watchForChanges(ctx, pageButtonController(ctx));
  },
});

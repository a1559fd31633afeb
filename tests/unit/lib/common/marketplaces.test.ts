import { describe, expect, it } from 'vitest';
import { ALIEXPRESS_MATCHES, MARKETPLACE_HOST_PATTERNS, platformForUrl, TAOBAO_MATCHES, YANDEX_MARKET_MATCHES } from '@/lib/common/marketplaces';
import config from '../../../../wxt.config';

type ManifestFn = (env: { mode: string; browser: string; manifestVersion: number; command: string }) => Record<string, unknown>;

describe('marketplace hosts are https only', () => {
  it('every content-script and host pattern starts with https://', () => {
    for (const pattern of [...MARKETPLACE_HOST_PATTERNS, ...ALIEXPRESS_MATCHES, ...TAOBAO_MATCHES, ...YANDEX_MARKET_MATCHES]) {
      expect(pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
    }
  });

  it('a plain-http marketplace address is not a marketplace page', () => {
    expect(platformForUrl('https://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012')).toBe('aliexpress');
    expect(platformForUrl('http://www.aliexpress.com/p/order/detail.html?orderId=8190123456789012')).toBeNull();
    expect(platformForUrl('http://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=1')).toBeNull();
    expect(platformForUrl('http://market.yandex.ru/my/order/1')).toBeNull();
    expect(platformForUrl('https://market.yandex.ru/my/order/1')).toBe('yandex-market');
  });

  it('the production manifest asks for https hosts only; the test build adds only <all_urls>', () => {
    const manifest = config.manifest as unknown as ManifestFn;
    for (const browser of ['chrome', 'firefox']) {
      const production = manifest({ mode: 'production', browser, manifestVersion: 3, command: 'build' });
      expect(production.host_permissions).toEqual(MARKETPLACE_HOST_PATTERNS);
      const testing = manifest({ mode: 'testing', browser, manifestVersion: 3, command: 'build' });
      // <all_urls> only because automation cannot grant activeTab (see wxt.config.ts); never in the real build.
      expect(testing.host_permissions).toEqual([...MARKETPLACE_HOST_PATTERNS, '<all_urls>']);
    }
  });
});

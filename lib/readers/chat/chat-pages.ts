/**
 * Which marketplace's chat a page is, by its address: on these pages "Capture this chat" also puts the messages in
 * the case's contact log, so the "no reply in 48 h" reminder follows the conversation. Each marketplace's addresses
 * are dated in its selectors.ts. https only, as everywhere (lib/common/marketplaces.ts).
 */
import { platformForUrl, type Platform } from '../../common/marketplaces';
import type { DatedAddress } from '../dom';
import { ALIEXPRESS_CHAT_PAGES } from '../aliexpress/selectors';
import { TAOBAO_CHAT_PAGES } from '../taobao/selectors';
import { YANDEX_MARKET_CHAT_PAGES } from '../yandex-market/selectors';

const CHAT_PAGES: Record<'aliexpress' | 'taobao' | 'yandex-market', readonly DatedAddress[]> = {
  aliexpress: ALIEXPRESS_CHAT_PAGES,
  taobao: TAOBAO_CHAT_PAGES,
  'yandex-market': YANDEX_MARKET_CHAT_PAGES,
};

/** The marketplace whose chat with a shop this address is, or null. */
export function chatPlatformOf(href: string): Platform | null {
  const platform = platformForUrl(href);
  if (!platform) return null;
  const url = new URL(href);
  const pages = CHAT_PAGES[platform === 'tmall' ? 'taobao' : platform];
  return pages.some((p) => p.host.test(url.hostname) && url.pathname.startsWith(p.path)) ? platform : null;
}

/**
 * Which Yandex Market page a URL is, and the order (or return) it names: the URL alone, with none of the
 * reader, so the background and the extension's pages can tell an order's page without carrying the readers.
 */
import type { PageReading } from '../../common/model';
import type { MarketplaceAddresses } from '../marketplace-reader';

type Kind = PageReading['pageKind'];

/** What kind of Yandex Market page a URL is, and the order (or return) it names, if any. */
export function classifyYandexMarketUrl(url: URL): { kind: Kind; orderId?: string; returnId?: string } {
  if (url.hostname !== 'market.yandex.ru') return { kind: 'unknown' };
  const path = url.pathname.replace(/\/+$/, '');
  const detail = /^\/my\/order(?:\/([^/]+))?$/.exec(path);
  if (detail) return detail[1] && /^\d{1,20}$/.test(detail[1]) ? { kind: 'order-detail', orderId: detail[1] } : { kind: 'order-detail' };
  if (path === '/my/orders') return { kind: 'order-list' };
  // Return requests: the list, and a return's own page (/my/returns/N; other paths are not known).
  if (path === '/my/returns') return { kind: 'dispute-list' };
  const ret = /^\/my\/returns?\/(\d{1,20})$/.exec(path);
  if (ret) {
    const orderId = url.searchParams.get('orderId');
    return { kind: 'dispute-detail', returnId: ret[1], ...(orderId && /^\d{1,20}$/.test(orderId) && { orderId }) };
  }
  return { kind: 'unknown' };
}

export const YANDEX_MARKET_ADDRESSES: MarketplaceAddresses = { platforms: ['yandex-market'], classifyUrl: classifyYandexMarketUrl };

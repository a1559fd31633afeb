/**
 * What a countdown read off an order page counts down to. The readers keep the page's own words as the
 * countdown's label (lib/readers/*: AliExpress "Buyer protection" / "Защита покупателя", Taobao
 * "自动确认收货", Yandex Market "Можно вернуть до" / "осталось"); the engine needs a kind tied to rules.
 */
import type { Platform } from '../common/marketplaces';
import type { CountdownKind } from './rules/vocabulary';

type Pattern = [RegExp, CountdownKind];

// Order matters: "Возврат средств, если заказ не доставлен до" is the delivery guarantee, not a return window,
// and "на подтверждение получения" is the buyer's confirmation, not the seller's.
const COMMON: Pattern[] = [
  [/refund if (?:no|not) deliver|delivery guarantee|не доставлен до|гаранти[яи] доставки/i, 'delivery-guarantee'],
  [/buyer protection|purchase protection|защита покупател/i, 'buyer-protection'],
  [/confirm(?:s|ation of)? receipt|auto[- ]?confirm|确认收货|подтвер\S* получени/i, 'auto-confirm'],
  [/seller.{0,40}(?:respond|reply|answer|process)|продав.{0,40}(?:ответ|рассмотр|подтвержд)|на подтверждение|卖家.{0,10}(?:处理|响应|回复|同意)/i, 'seller-response'],
  [/return|вернуть|возврат|退货|无理由/i, 'return-window'],
];

// Taobao/Tmall refunds: "卖家确认收货并退款 剩余…" is the seller's time to take the return back and refund,
// not the buyer's automatic receipt; "等待买家退货 剩余…" is the buyer's time to ship the return.
const TAOBAO_REFUND: Pattern[] = [
  [/(?:卖家|商家).{0,6}(?:确认收货|收货|退款)/, 'seller-response'],
  [/(?:买家|请).{0,4}退货|寄回/, 'return-window'],
];

const PLATFORM: Partial<Record<Platform, Pattern[]>> = {
  // AliExpress: "Confirm receipt within …" is the buyer-protection clock (the order completes at its end).
  aliexpress: [[/confirm receipt within|подтвердите получение/i, 'buyer-protection']],
  taobao: TAOBAO_REFUND,
  tmall: TAOBAO_REFUND,
  // Yandex Market returns: the seller's decision on a return request (YM-03), "Продавец примет решение до …".
  'yandex-market': [[/решени|рассмотр/i, 'seller-response']],
};

/** The countdown kind a page label names, or undefined when it is not a deadline the engine knows (e.g. "付款"). */
export function countdownKind(platform: Platform, label: string): CountdownKind | undefined {
  const text = label.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  for (const [pattern, kind] of [...(PLATFORM[platform] ?? []), ...COMMON]) if (pattern.test(text)) return kind;
  return undefined;
}

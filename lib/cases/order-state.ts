/**
 * Which order statuses mean the order is over without a dispute to follow (cancelled, or closed by the
 * platform), per platform, as data: "Save all orders on this page" files such orders as closed cases, so
 * they neither count down on the badge nor wait on the dashboard as open disputes.
 *
 * A status is read as the page writes it (any language the marketplace's site is shown in) or as the code the
 * page's own data carries where a reader keeps it ("CANCELLED", "TRADE_CLOSED"). Only the whole order's
 * status counts: "退款关闭" (a refund request closed), "Dispute closed", "Возврат отменён" (a return request
 * withdrawn) leave the order itself open. "Completed" / "交易成功" is not closed: defect claims stay open for
 * months or years after it (the rules doc: RU-19, CN-24).
 */
import type { Platform } from '../common/marketplaces';
import type { CaseRecord } from '../common/model';

interface ClosingStatuses {
  /** Tested against the status as written (spaces squeezed); anchored, so a word elsewhere in a sentence does not count. */
  words: readonly RegExp[];
  /** Codes as the platform's own data names them, matched whole (upper case). */
  codes: readonly string[];
}

// The site's own words, by the languages each marketplace shows its order pages in.
const ENGLISH = [/^(?:(?:order|trade)\s+)?(?:closed|cancell?ed)\b/i];
// Not followed by more words: "交易关闭" and "交易关闭（买家取消）" close, "关闭订单的原因" is no status.
const CHINESE = [/^(?:交易|订单)?已?被?(?:关闭|取消)(?![\u4e00-\u9fff])/];
const RUSSIAN = [/^(?:заказ\s+)?(?:отмен[её]н|отменен[ао]?|закрыт|аннулирован)/i];
// AliExpress's other large markets: Spain and Latin America, Brazil, France.
const OTHER_ALIEXPRESS = [/^(?:pedido\s+)?(?:cancelado|cerrado|fechado)\b/i, /^(?:commande\s+)?(?:annulée?|fermée?)(?![\p{L}])/iu];

export const CLOSING_STATUSES: Record<Platform, ClosingStatuses> = {
  // statusText "Closed" / "Cancelled" (the order list API and the markup); aliexpress.ru "Отменён", "Закрыт".
  aliexpress: { words: [...ENGLISH, ...RUSSIAN, ...CHINESE, ...OTHER_ALIEXPRESS], codes: ['CLOSED', 'CANCELLED', 'CANCELED', 'ORDER_CLOSED'] },
  // 交易关闭 (closed unpaid, cancelled or fully refunded), 已取消; the trade status codes of Taobao's data.
  taobao: { words: [...CHINESE, ...ENGLISH], codes: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'TRADE_CANCELED', 'TRADE_CANCELLED'] },
  tmall: { words: [...CHINESE, ...ENGLISH], codes: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'TRADE_CANCELED', 'TRADE_CANCELLED'] },
  // "Отменён" (also what the reader writes for the code CANCELLED), "Заказ отменён", "Отменён продавцом".
  'yandex-market': { words: RUSSIAN, codes: ['CANCELLED'] },
};

/** A status about a refund, a return or a dispute, not the order: never closes the case. */
const NOT_THE_ORDER = /退款|售后|纠纷|退货|refund|dispute|return|возврат|спор|претенз/i;

/** Whether the order's status says it is cancelled or closed, on that platform. */
export function isClosingStatus(platform: Platform, status: string | undefined): boolean {
  const text = (status ?? '').replace(/\s+/g, ' ').trim();
  if (!text || NOT_THE_ORDER.test(text)) return false;
  const { words, codes } = CLOSING_STATUSES[platform];
  return codes.includes(text.toUpperCase()) || words.some((word) => word.test(text));
}

/** What the user has done on a case: a case with any of it stays as the user left it. */
export interface CaseWork {
  evidence: number;
  checklist: number;
  contacts: number;
}

/** Whether the user has worked on the case: evidence captured or added, a step answered, a contact logged, a date or deadline set by hand. */
export function userWorkedOn(record: Pick<CaseRecord, 'dates' | 'userDue'>, work: CaseWork): boolean {
  return work.evidence > 0 || work.checklist > 0 || work.contacts > 0 || Object.keys(record.dates ?? {}).length > 0 || Object.keys(record.userDue ?? {}).length > 0;
}

/**
 * Labelled text on Taobao and Tmall pages: the value written next to "订单编号", "创建时间", "实付款" …
 * Used when the embedded data and the catalogued markup are gone. The shared FIELD_LABELS are extended
 * with the labels these pages write (and English/Russian equivalents for translated pages).
 *
 * Chinese has no spaces between words, so a label counts only when a separator or the end of its text
 * follows it: "卖家：小店" is the seller, "卖家已发货" is a status, not a seller called "已发货".
 */
import { cleanText, followingText, SKIPPED_TAGS } from '../dom';
import { FIELD_LABELS } from '../labels';

/** Groups of labels, the most specific first: a field takes the value of the first group found. */
export const TAOBAO_LABELS = {
  orderId: [[...FIELD_LABELS.orderId, '订单号码', 'Order no.', 'Номер заказа']],
  placedAt: [
    ['创建时间', '下单时间', '拍下时间', ...FIELD_LABELS.placedAt, 'Created', 'Время заказа', 'Дата оформления'],
    // Tmall writes the order time as 成交时间; on Taobao detail pages it is the later completion time.
    ['成交时间', 'Transaction time'],
  ],
  status: [['当前订单状态', '交易状态', '订单状态', ...FIELD_LABELS.status, 'Trade status']],
  store: [['店铺名称', '店铺', '商家', '卖家昵称', '卖家', '掌柜', 'Store name', 'Shop name', 'Shop', ...FIELD_LABELS.store]],
  total: [['实付款', '实付金额', '实付', 'Actual payment', 'Amount paid', 'Total paid', 'Order total', 'Итого', 'Оплачено', 'Сумма заказа']],
  trackingNumber: [['运单号码', '运单号', '快递单号', '物流单号', 'Tracking number', 'Tracking No', 'Трек-номер', 'Номер отслеживания']],
  carrier: [['物流公司', '快递公司', '承运公司', 'Carrier', 'Logistics company', 'Служба доставки', 'Перевозчик']],
  // Dated steps (./events.ts LINE_EVENTS names the event of each): read by the scan so drifted pages keep them.
  paidAt: [['付款时间', '支付时间', 'Payment time']],
  shippedAt: [['发货时间', '卖家发货时间', 'Shipping time']],
  receivedAt: [['确认收货时间', '收货时间', '签收时间']],
  completedAt: [['完成时间', '交易成功时间', '交易完成时间']],
  refundRequestedAt: [['退款申请时间', '申请退款时间', '申请时间']],
  // A refund's own page (refund2.taobao.com detail.htm).
  disputeId: [['退款编号', '退款单号', '售后单号', '退款编码', 'Refund ID', 'Refund No.']],
  refundType: [['退款类型', '售后类型', '服务类型', '申请类型', 'Refund type']],
  refundStatus: [['退款状态', '售后状态', '处理状态', 'Refund status']],
  refundAmount: [['退款金额', '申请退款金额', '申请金额', 'Refund amount']],
} as const satisfies Record<string, readonly (readonly string[])[]>;

export type LabelledField = keyof typeof TAOBAO_LABELS;

/**
 * Order statuses as the lists and detail pages show them, longest first (a card's status is the first of
 * these its text holds when the catalogued status cell is gone).
 */
export const TAOBAO_STATUSES = [
  '商家已发货，等待买家确认',
  '卖家已发货，等待买家确认',
  '等待买家付款',
  '等待卖家发货',
  '买家已付款',
  '卖家已发货',
  '商家已发货',
  '交易成功',
  '交易关闭',
  '交易完成',
  '退款成功',
  '退款中',
  '已取消',
] as const;

/** A countdown written in the page text: "还剩9天10时", "您还有 7天18时11分 来确认收货", "осталось 3 дня". */
export const COUNTDOWN_TEXT =
  /(?:还剩|剩余|您还有|还有|осталось|Осталось|remaining:?|left:?)\s*\d+\s*(?:天|日|小时|时|分钟|分|days?|дн\S*|час\S*)(?:\s*\d+\s*(?:天|日|小时|时|分钟|分|秒|hours?|minutes?|час\S*|мин\S*))*[^\n]{0,40}/;

const SEPARATOR = /^\s*[:：]?\s*/;
/** A hostile page may be huge: the scan stops after this many text nodes. */
const MAX_TEXT_NODES = 20_000;

export interface LabelScan {
  /** The value found next to each label, by label. */
  values: Map<string, string>;
  /** The first countdown text seen, and the text around it (what it is about). */
  countdown?: { text: string; context: string };
}

interface Entry {
  label: string;
  lower: string;
}

const ALL_LABELS: Entry[] = Array.from(new Set(Object.values(TAOBAO_LABELS).flat(2) as string[]))
  .sort((a, b) => b.length - a.length) // longest first: "卖家昵称" before "卖家"
  .map((label) => ({ label, lower: label.toLowerCase() }));

/** One pass over the text under `root`: every label's first value, and the first countdown. */
export function scanLabels(root: Node): LabelScan {
  const values = new Map<string, string>();
  const scan: LabelScan = { values };
  let seen = 0;
  const stack: Node[] = [root];
  // Iterative walk in document order (children pushed in reverse): no recursion depth for a hostile page.
  while (stack.length && seen < MAX_TEXT_NODES) {
    const node = stack.pop()!;
    if (node.nodeType === 1) {
      if (SKIPPED_TAGS.has((node as Element).tagName.toUpperCase())) continue;
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
      continue;
    }
    if (node.nodeType !== 3) continue;
    seen++;
    const own = cleanText(node.textContent);
    if (!own) continue;
    const lower = own.toLowerCase();
    for (const { label, lower: l } of ALL_LABELS) {
      if (values.has(label) || !lower.startsWith(l)) continue;
      const after = own.slice(label.length);
      // The label must end here or be followed by a separator ("卖家：", "Seller: ", "Заказ № 5").
      // An id may follow a Latin or Cyrillic label after a space alone ("Order ID 123", "Заказ № 5").
      if (after && !/^\s*[:：#№]/.test(after) && !(/[A-Za-zА-я№.]$/.test(label) && /^\s+\d/.test(after))) continue;
      const rest = after.replace(SEPARATOR, '').replace(/^[#№]\s*/, '').trim();
      const value = rest || followingText(node);
      if (value) values.set(label, value);
      break;
    }
    if (!scan.countdown) {
      const match = COUNTDOWN_TEXT.exec(own);
      if (match) scan.countdown = { text: cleanText(match[0]), context: cleanText(node.parentNode?.parentNode?.textContent ?? own) };
    }
  }
  return scan;
}

/** The value of the first label group that has one, for a field. */
export function labelled(scan: LabelScan, field: LabelledField): string | undefined {
  for (const group of TAOBAO_LABELS[field]) {
    for (const label of group) {
      const value = scan.values.get(label);
      if (value) return value;
    }
  }
  return undefined;
}

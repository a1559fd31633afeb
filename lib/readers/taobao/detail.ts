/**
 * One order's detail page: Taobao (trade_item_detail.htm / trade_order_detail.htm, `var data =
 * JSON.parse('…')`) and Tmall (orderDetail.htm, `var detailData = {…}`). Both data forms are tried on
 * either site; then the few catalogued markers, the labelled text, and the order id in the URL.
 */
import type { OrderFacts } from '../../common/model';
import { parseMoney } from '../parse/money';
import { cleanText, firstElement } from '../dom';
import {
  at,
  attempt,
  cleanStatus,
  countdownLabel,
  CURRENCY,
  epochOf,
  formatDuration,
  htmlAttribute,
  htmlText,
  idOf,
  itemLinks,
  joinSku,
  list,
  moneyOf,
  orderIdIn,
  quantityOf,
  shanghaiDate,
  skuPart,
  urlOf,
} from './data';
import { countdownEndsAt, MAX_COUNTDOWN_MS } from '../parse/countdown';
import { str } from '../json';
import { jsonParseArgument, objectLiteral } from './embedded';
import { eventsFromRows, eventsFromSteps, expectedDeliveryIn, mergeEvents, statedDate, tradeSucceeded } from './events';
import { labelled, scanLabels } from './labels';
import { itemsFromLinks } from './markup';
import type { Findings, Step } from './order';
import { combine } from './order';
import { TAOBAO_DETAIL, TAOBAO_EMBEDDED } from './selectors';

type Item = OrderFacts['items'][number];
type Tracking = NonNullable<OrderFacts['tracking']>[number];
type Countdown = NonNullable<OrderFacts['countdowns']>[number];

export function readDetail(doc: Document, href: string, idFromUrl: string | undefined, now: Date): { orders: OrderFacts[]; missing: string[] } {
  const steps: Step[] = [
    ...TAOBAO_EMBEDDED.detail.map((s): Step => ['embedded-data', () => fromTaobaoData(jsonParseArgument(doc, s.variable), href, now)]),
    ...TAOBAO_EMBEDDED.tmall.map((s): Step => ['embedded-data', () => fromTmallData(objectLiteral(doc, s.variable), href, now)]),
    ['selector', () => fromMarkup(doc, href)],
    ['label', () => fromLabels(doc, now)],
    ['url', () => ({ orderId: idFromUrl })],
  ];
  const { order, missing } = combine(steps);
  return { orders: order ? [order] : [], missing };
}

// ---------------------------------------------------------------- Taobao: `var data = JSON.parse('…')`

function fromTaobaoData(data: unknown, href: string, now: Date): Findings | undefined {
  const main = at(data, 'mainOrder');
  if (!main || typeof main !== 'object') return undefined;
  const lines = attempt(() => nameValues(at(main, 'orderInfo', 'lines'))) ?? new Map<string, string>();
  const status = attempt(() => cleanStatus(str(at(main, 'statusInfo', 'text'))));
  return {
    orderId: idOf(at(main, 'id')) ?? orderIdIn(lines.get('订单编号') ?? lines.get('订单号')),
    placedAt: attempt(() => {
      const firstStep = list(at(data, 'orderBar', 'nodes')).find((n) => str(at(n, 'date')));
      return shanghaiDate(lines.get('创建时间') ?? lines.get('下单时间') ?? str(at(firstStep, 'date')), now);
    }),
    status,
    store: attempt(() => {
      const seller = at(main, 'seller');
      const name = str(at(seller, 'shopName')) ?? str(at(seller, 'nick')) ?? str(at(data, 'deliveryInfo', 'sellerNick'));
      const url = urlOf(at(seller, 'shopUrl'), href);
      const id = idOf(at(seller, 'id'));
      return name ? { name, ...(url && { url }), ...(id && { id }) } : undefined;
    }),
    items: attempt(() =>
      list(at(main, 'subOrders'))
        .map((sub) => attempt(() => itemFromData(sub, href)))
        .filter((item): item is Item => !!item),
    ),
    total: attempt(() => moneyOf(at(main, 'payInfo', 'actualFee', 'value')) ?? moneyOf(at(main, 'payInfo', 'actualFee'))),
    tracking: attempt(() => {
      const number = str(at(data, 'deliveryInfo', 'logisticsNum'));
      const carrier = str(at(data, 'deliveryInfo', 'logisticsName'));
      return number && /^[A-Za-z0-9-]{4,40}$/.test(number) ? [{ number, ...(carrier && { carrier }) }] : undefined;
    }),
    countdowns: attempt(() => guideCountdowns(at(data, 'operationsGuide'), now)),
    events: attempt(() => {
      // orderInfo.lines (创建时间, 付款时间, 发货时间 …) first, then the progress bar's steps with their times.
      const events = mergeEvents(eventsFromRows(lines, now), eventsFromSteps(at(data, 'orderBar', 'nodes'), now));
      // On Taobao's detail 成交时间 is when the trade succeeded; a trade succeeds when receipt is confirmed,
      // so without 成交时间 the confirmation's time is the completion's.
      const completed = tradeSucceeded(status) ? (statedDate(lines.get('成交时间'), now) ?? events.receiptConfirmed) : undefined;
      const expectedDelivery = expectedDeliveryIn(textsIn([at(data, 'deliveryInfo'), at(data, 'operationsGuide')]), now);
      return mergeEvents(events, { ...(completed && { completed }), ...(expectedDelivery && { expectedDelivery }) });
    }),
  };
}

/** The strings inside some data (bounded walk), joined: where sentences such as "预计11月08日送达" are looked for. */
function textsIn(roots: unknown[]): string {
  const found: string[] = [];
  const stack: [unknown, number][] = roots.map((r) => [r, 0]);
  for (let seen = 0; stack.length && seen < 5000; seen++) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') found.push(node);
    else if (node && typeof node === 'object' && depth < 12) for (const child of Object.values(node).slice(0, 200)) stack.push([child, depth + 1]);
  }
  return found.join('；');
}

/** The labelled rows of orderInfo.lines: {name: "创建时间:", value: "2025-…" | [{value: "…"}]}. */
function nameValues(lines: unknown): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of list(lines)) {
    for (const cell of list(at(line, 'content'))) {
      const name = str(at(cell, 'value', 'name'))?.replace(/[\s:：]+$/, '');
      const raw = at(cell, 'value', 'value');
      const value = str(raw) ?? list(raw).map((v) => str(at(v, 'value')) ?? str(at(v, 'text')) ?? '').join('');
      if (name && value && !rows.has(name)) rows.set(name, value);
    }
  }
  return rows;
}

/** A unit price as either page writes it: "￥9.90", {realTotal: "9.90"}, or [{text: "￥149.80"}, …]. */
function priceOf(value: unknown): Item['price'] {
  if (Array.isArray(value)) {
    // Several prices: the original (struck through) first, what was paid last.
    return value.map((v) => moneyOf(at(v, 'text') ?? at(v, 'value'))).filter(Boolean).pop();
  }
  if (value && typeof value === 'object') return moneyOf(at(value, 'realTotal') ?? at(value, 'price') ?? at(value, 'text'));
  return moneyOf(value);
}

/** SKU as either page writes it: [{name, value}], [{key, content: [{text}]}], or lines of namevalue cells. */
function skuOf(value: unknown): string | undefined {
  const parts: (string | undefined)[] = [];
  for (const entry of list(value)) {
    const cells = list(at(entry, 'content'));
    if (at(entry, 'key') !== undefined) {
      parts.push(skuPart(at(entry, 'key'), cells.map((c) => str(at(c, 'text')) ?? '').join('')));
    } else if (cells.length) {
      for (const cell of cells) parts.push(skuPart(at(cell, 'value', 'name'), at(cell, 'value', 'value')));
    } else {
      parts.push(skuPart(at(entry, 'name'), at(entry, 'value')));
    }
  }
  return joinSku(parts);
}

function itemFromData(sub: unknown, href: string): Item | undefined {
  const info = at(sub, 'itemInfo');
  const title = str(at(info, 'title'));
  if (!title) return undefined;
  const sku = skuOf(at(info, 'skuText'));
  const quantity = quantityOf(at(sub, 'quantity'));
  const price = priceOf(at(sub, 'priceInfo'));
  // Tmall's auctionUrl is the product page and itemUrl the snapshot; Taobao's detail has only the snapshot.
  const links = [at(info, 'itemUrl'), at(info, 'auctionUrl'), at(info, 'snapUrl')].map((u) => urlOf(u, href));
  const found = itemLinks(links);
  return {
    title,
    ...(sku && { sku }),
    ...(quantity !== undefined && { quantity }),
    ...(price && { price }),
    ...found,
  };
}

/**
 * operationsGuide: "您还有 [countdown] 来完成宝贝 … 的"确认收货"操作". The countdown is the time left when the
 * page was made ({countDown: seconds} or day/hour/minute/second), so its end is reckoned from `now`.
 */
function guideCountdowns(guide: unknown, now: Date): Countdown[] {
  const found: Countdown[] = [];
  for (const group of list(guide)) {
    for (const line of list(at(group, 'lines'))) {
      const cells = list(at(line, 'content'));
      const index = cells.findIndex((c) => at(c, 'type') === 'countdown');
      if (index < 0) continue;
      const value = at(cells[index], 'value');
      const seconds = Number(str(at(value, 'countDown')));
      const parts = ['day', 'hour', 'minute', 'second'].map((k) => Number(str(at(value, k)) ?? 0));
      const ms = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : ((parts[0] * 24 + parts[1]) * 60 + parts[2]) * 60_000 + parts[3] * 1000;
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_COUNTDOWN_MS) continue;
      const before = cells.slice(0, index).map((c) => str(at(c, 'value')) ?? '').join('');
      const after = str(at(cells[index + 1], 'value')) ?? '';
      const lineText = cells.map((c) => str(at(c, 'value')) ?? str(at(c, 'value', 'text')) ?? '').join('');
      found.push({
        label: countdownLabel(lineText),
        // As the page shows it: "您还有 7天18时11分57秒 来完成宝贝".
        text: cleanText(`${before} ${formatDuration(ms)} ${after}`),
        endsAt: new Date(now.getTime() + ms).toISOString(),
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------- Tmall: `var detailData = {…}`

/** basic.lists rows by key ("订单编号", "商家" …), including the rows folded under "更多". */
function basicRows(data: unknown): Map<string, unknown[]> {
  const rows = new Map<string, unknown[]>();
  const add = (row: unknown) => {
    const key = str(at(row, 'key'));
    if (key && !rows.has(key)) rows.set(key, list(at(row, 'content')));
  };
  for (const row of list(at(data, 'basic', 'lists'))) {
    add(row);
    for (const cell of list(at(row, 'content'))) for (const more of list(at(cell, 'moreList'))) add(more);
  }
  return rows;
}

/** The text of a row's cells: labels as they are, HTML as its visible text (the seller's name in data-nick). */
function cellText(cells: unknown[] | undefined): string | undefined {
  for (const cell of cells ?? []) {
    const text = at(cell, 'text');
    if (typeof text !== 'string') continue;
    if (at(cell, 'type') === 'html') return htmlAttribute(text, 'data-nick') ?? (htmlText(text) || undefined);
    if (at(cell, 'type') !== 'more') return str(text);
  }
  return undefined;
}

function fromTmallData(data: unknown, href: string, now: Date): Findings | undefined {
  if (!data || (at(data, 'basic') === undefined && at(data, 'orders') === undefined)) return undefined;
  const rows = basicRows(data);
  const row = (...keys: string[]) => keys.map((k) => cellText(rows.get(k))).find(Boolean);

  const subOrders = list(at(data, 'orders', 'list')).flatMap((o) => list(at(o, 'status')).flatMap((s) => list(at(s, 'subOrders'))));
  const statusHtml = list(at(data, 'overStatus', 'status', 'content')).map((c) => str(at(c, 'text'))).find(Boolean);
  const statusLabel = list(at(data, 'orders', 'list'))
    .flatMap((o) => list(at(o, 'status')).flatMap((s) => list(at(s, 'statusInfo'))))
    .filter((i) => at(i, 'type') === 'label')
    .map((i) => str(at(i, 'text')))
    .find(Boolean);
  const storeName = row('商家', '店铺', '卖家', '店铺名称');
  const status = attempt(() => cleanStatus(statusHtml ? htmlText(statusHtml) : statusLabel));
  const steps = attempt(() => eventsFromSteps(at(data, 'stepbar', 'options'), now)) ?? {};
  // Tmall writes the order time as 成交时间 (on the saved page it is the stepbar's 拍下商品 time to the second).
  // Should it ever differ from the stepbar's order step, it is not the order time: the stepbar's is.
  const dealTime = row('成交时间');
  const deal = attempt(() => statedDate(dealTime, now));
  const dealIsPlaced = !!deal && (!steps.placed || deal === steps.placed);

  return {
    orderId: orderIdIn(row('订单编号', '订单号')),
    placedAt: attempt(() =>
      shanghaiDate(row('创建时间', '下单时间') ?? (dealIsPlaced ? dealTime : undefined), now) ?? steps.placed ?? shanghaiDate(str(at(data, 'stepbar', 'options', 0, 'time')), now),
    ),
    status,
    store: storeName ? { name: storeName } : undefined,
    items: attempt(() => subOrders.map((sub) => attempt(() => itemFromData(sub, href))).filter((item): item is Item => !!item)),
    total: attempt(() => paidAmount(at(data, 'amount'))),
    tracking: attempt(() => tmallTracking(data)),
    countdowns: attempt(() => tmallCountdowns(data, statusLabel, now)),
    events: attempt(() => {
      const labelled = [...rows.keys()].filter((key) => key !== '成交时间').map((key) => [key, cellText(rows.get(key)) ?? ''] as const);
      const events = mergeEvents(eventsFromRows(labelled, now), steps);
      // A trade succeeds when receipt is confirmed: 成交时间 when it is not the order time, else the confirmation's.
      const completed = tradeSucceeded(status) ? ((deal && !dealIsPlaced ? deal : undefined) ?? events.receiptConfirmed) : undefined;
      const prompt = tmallCells(data, 'label').map((c) => str(at(c, 'text')) ?? '').join('；');
      const expectedDelivery = expectedDeliveryIn(prompt, now);
      return mergeEvents(events, { ...(completed && { completed }), ...(expectedDelivery && { expectedDelivery }) });
    }),
  };
}

/** amount.count: nested rows of {data: {titleLink: {text: "实付款"}, money: {text: "￥126.80"}}}. */
function paidAmount(amount: unknown): Item['price'] {
  const stack: [unknown, number][] = [[at(amount, 'count'), 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > 6) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    const title = str(at(node, 'data', 'titleLink', 'text'));
    if (title && /实付款|实付/.test(title)) return moneyOf(at(node, 'data', 'money', 'text'));
    const content = at(node, 'content');
    if (Array.isArray(content)) stack.push([content, depth + 1]);
  }
  return undefined;
}

/** Every cell of a type in orders.list[] and overStatus.prompt[], the prompt first. */
function tmallCells(data: unknown, type: string): unknown[] {
  const prompt = list(at(data, 'overStatus', 'prompt')).flatMap((p) => list(at(p, 'content')));
  const orders = list(at(data, 'orders', 'list')).flatMap((o) => [
    ...list(at(o, 'logistic', 'content')),
    ...list(at(o, 'status')).flatMap((s) => list(at(s, 'statusInfo'))),
  ]);
  return [...prompt, ...orders].filter((c) => at(c, 'type') === type);
}

function tmallTracking(data: unknown): Tracking[] {
  const byNumber = new Map<string, Tracking>();
  for (const cell of tmallCells(data, 'logistic')) {
    const number = str(at(cell, 'mailNo'));
    if (!number || !/^[A-Za-z0-9-]{4,40}$/.test(number) || byNumber.has(number)) continue;
    const carrier = str(at(cell, 'companyName'));
    byNumber.set(number, { number, ...(carrier && { carrier }) });
  }
  return [...byNumber.values()];
}

/** {type: "countdown", serverTime, targetTime}: the deadline itself, exact, in epoch milliseconds. */
function tmallCountdowns(data: unknown, status: string | undefined, now: Date): Countdown[] {
  const byTarget = new Map<string, Countdown>();
  for (const cell of tmallCells(data, 'countdown')) {
    const target = epochOf(at(cell, 'targetTime'));
    if (!target) continue;
    const endsAt = target.toISOString();
    if (byTarget.has(endsAt)) continue;
    const from = epochOf(at(cell, 'serverTime')) ?? now;
    const pre = str(at(cell, 'preText')) ?? '';
    const post = str(at(cell, 'afterText')) ?? '';
    byTarget.set(endsAt, {
      label: countdownLabel(`${pre}${post} ${status ?? ''}`),
      text: cleanText(`${pre}${formatDuration(target.getTime() - from.getTime())}${post}`),
      endsAt,
    });
  }
  return [...byTarget.values()];
}

// ---------------------------------------------------------------- rendered markup and labelled text

function detailRoot(doc: Document): ParentNode & Node {
  const panel = firstElement(doc, TAOBAO_DETAIL.root);
  return panel && panel.firstElementChild ? panel : (doc.body ?? doc);
}

function fromMarkup(doc: Document, href: string): Findings {
  const root = detailRoot(doc);
  const nick = firstElement(root, TAOBAO_DETAIL.sellerNick)?.getAttribute('data-nick');
  const link = firstElement(root, TAOBAO_DETAIL.storeLink);
  const name = cleanText(nick) || cleanText(link?.textContent);
  const url = urlOf(link?.getAttribute('href'), href);
  const id = url ? /user_number_id=(\d+)/.exec(url)?.[1] : undefined;
  return {
    store: name ? { name, ...(url && { url }), ...(id && { id }) } : undefined,
    items: itemsFromLinks(root, TAOBAO_DETAIL.itemLink, [], href),
  };
}

function fromLabels(doc: Document, now: Date): Findings {
  const scan = scanLabels(detailRoot(doc));
  const store = labelled(scan, 'store');
  const number = labelled(scan, 'trackingNumber')?.match(/[A-Za-z0-9]{6,40}/)?.[0];
  const carrier = labelled(scan, 'carrier');
  const countdown = scan.countdown;
  const status = cleanStatus(labelled(scan, 'status'));
  return {
    orderId: orderIdIn(labelled(scan, 'orderId')),
    placedAt: attempt(() => shanghaiDate(labelled(scan, 'placedAt'), now)),
    status,
    store: store ? { name: store } : undefined,
    total: parseMoney(labelled(scan, 'total'), CURRENCY),
    tracking: number ? [{ number, ...(carrier && { carrier }) }] : undefined,
    countdowns: attempt(() => {
      if (!countdown) return undefined;
      const endsAt = countdownEndsAt(countdown.text, now);
      return [{ label: countdownLabel(countdown.context), text: countdown.text, ...(endsAt && { endsAt }) }];
    }),
    events: attempt(() => eventsFromRows([...scan.values].filter(([label]) => !/^成交时间|^Transaction time/i.test(label)), now)),
  };
}

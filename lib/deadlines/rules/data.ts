/**
 * Every rule of ../shared/docs/dispute-rules.md, one entry per table row with the same id. Validated with
 * zod in lib/deadlines/rules/index.ts. Where the doc gives a range or says "not verified", `value` is the conservative
 * end (the earlier date for a deadline, the later one for "not before") and the confidence is L, which the
 * UI shows as "typical". Labels and what-to-do texts are in lib/i18n/areas/rules.ts ("rule.<id>").
 */
import type { z } from 'zod';
import type { RuleSchema } from './schema';

type RuleData = z.input<typeof RuleSchema>;

const SOURCE = {
  aeProtection: 'AliExpress buyer protection: aliexpress.com/p/buyerprotection/index.html',
  aeDisputeOld: 'AliExpress, how do I open a dispute (older): aliexpress.com/buyerprotection/how_do_i_open_a_dispute.html',
  aeEu: 'AliExpress EU buyer terms: sale.aliexpress.com/__pc/esiTMXJb3L.htm',
  aeRu: 'AliExpress Russia dispute policy: business.ru.laliexpress.com/legal-docs/article/aer-dispute-policy',
  taobaoGuides: 'Taobao rules as summarised in guides (no official page among the sources; not verified)',
  cnConsumer: '消费者权益保护法 (2013)',
  cnCivil: '民法典 总则',
  cnEcommerce: '电子商务法 (2018)',
  cnComplaints: '市场监督管理投诉举报处理暂行办法 (2022)',
  cnThreeGuarantees: '部分商品修理更换退货责任规定 (三包)',
  ruConsumer: (articles: string) => `Закон РФ 2300-1 «О защите прав потребителей», ст. ${articles}`,
  ruCivilCode: 'ГК РФ ст. 191–194',
  ruCivilProcedure: 'ГПК РФ ст. 23',
  ruAppeals: '59-ФЗ ст. 12',
  yandexHelp: 'Yandex Market help for sellers: yandex.com/support/marketplace/ru/start/refund.md',
  yandexApi: 'Yandex Market partner API return status model',
  cards: 'Visa / Mastercard dispute rule summaries',
  paypal: 'PayPal help articles faq1062, faq1583',
  euDirective: 'Directive 2011/83/EU art. 9',
  ukCra: 'UK Consumer Rights Act 2015 s.22',
} as const;

const AE = ['aliexpress'] as const;
const TAOBAO_TMALL = ['taobao', 'tmall'] as const;
const YM = ['yandex-market'] as const;
const ALL = ['aliexpress', 'taobao', 'tmall', 'yandex-market'] as const;

/** AliExpress timers are the platform's own clocks: exact hours, shown in the buyer's zone. */
const aeTimer = { counting: 'exact', zone: 'region' } as const;
const taobaoTimer = { counting: 'exact', zone: 'Asia/Shanghai' } as const;
const chinaLaw = { counting: 'civil-cn', zone: 'Asia/Shanghai' } as const;
const russiaLaw = { counting: 'civil-ru', zone: 'Europe/Moscow' } as const;
// EU consumers span several zones; Brussels time (CET/CEST) is the zone of most of them.
const euLaw = { counting: 'calendar', zone: 'Europe/Brussels' } as const;
const ukLaw = { counting: 'calendar', zone: 'Europe/London' } as const;
const cardScheme = { counting: 'calendar', zone: 'region' } as const;
/**
 * The card/PayPal clock starts at processing/settlement; the payment itself when that is not recorded. The
 * rules doc gives no time for the bank's (or PayPal's) answer once a chargeback or dispute is opened, so none
 * is counted: only PP-2 starts from paymentDisputeOpened.
 */
const PAYMENT = ['paymentDate', 'paid'] as const;

export const RULE_DATA: RuleData[] = [
  // AliExpress
  { id: 'AE-01', platforms: [...AE], valueText: '0', value: 0, unit: 'CD', startText: 'seller ships', effect: 'protection countdown runs', source: SOURCE.aeProtection, confidence: 'H', role: 'opens', computable: false, notComputable: 'marks the start of AE-02, not a deadline' },
  { id: 'AE-02', platforms: [...AE], valueText: "seller's promised delivery time (old caps 60 CD; 90 for Russia; 120 for Brazil)", value: 60, valueByRegion: { RU: 90 }, unit: 'CD', startText: 'shipped', effect: 'order completes automatically at the end; seller is paid', source: SOURCE.aeProtection, confidence: 'L', role: 'other', computable: true, start: { events: ['shipped'] }, ...aeTimer, countdowns: ['buyer-protection', 'auto-confirm'] },
  { id: 'AE-03', platforms: [...AE], valueText: '15 CD', value: 15, unit: 'CD', startText: 'buyer confirms receipt', effect: 'refund/return requests still allowed', source: SOURCE.aeProtection, confidence: 'H', role: 'buyer', metBy: ['disputeOpened', 'refundRequested', 'returnShipped'], computable: true, start: { events: ['receiptConfirmed'] }, ...aeTimer },
  { id: 'AE-04', platforms: [...AE], valueText: 'protection end + 15 CD', value: 15, unit: 'CD', startText: 'protection end', effect: 'after it: no dispute', source: SOURCE.aeDisputeOld, confidence: 'M', role: 'buyer', metBy: ['disputeOpened', 'refundRequested'], computable: true, start: { rule: 'AE-02' }, ...aeTimer, when: { absent: ['receiptConfirmed'] } },
  { id: 'AE-05', platforms: [...AE], valueText: '5 CD left', value: 5, unit: 'CD', startText: 'tracking "delivered"', effect: 'buyer protection ends early', source: SOURCE.aeProtection, confidence: 'M', role: 'other', computable: true, start: { events: ['delivered'] }, ...aeTimer, when: { absent: ['receiptConfirmed'] } },
  { id: 'AE-06', platforms: [...AE], valueText: '5–10 CD (varies by year)', value: 10, unit: 'CD', startText: 'shipped', effect: 'a dispute can be opened from then', source: SOURCE.aeDisputeOld, confidence: 'L', role: 'opens', computable: true, start: { events: ['shipped'] }, ...aeTimer },
  { id: 'AE-07', platforms: [...AE], valueText: '5 CD', value: 5, unit: 'CD', startText: 'dispute opened', effect: 'silence = automatic refund', source: SOURCE.aeDisputeOld, confidence: 'M', role: 'other', computable: true, start: { events: ['disputeOpened'] }, ...aeTimer, countdowns: ['seller-response'] },
  { id: 'AE-08', platforms: [...AE], valueText: 'after seller refuses; automatic within about 7 CD (older rules: buyer escalates day 4–15)', value: 7, unit: 'CD', startText: 'dispute opened', effect: 'platform decides', source: SOURCE.aeDisputeOld, confidence: 'L', role: 'other', computable: true, start: { events: ['disputeOpened'] }, ...aeTimer },
  { id: 'AE-09', platforms: [...AE], valueText: '10 CD', value: 10, unit: 'CD', startText: 'return agreed', effect: 'missed = money goes to seller', source: SOURCE.aeProtection, confidence: 'M', role: 'buyer', metBy: ['returnShipped'], computable: false, notComputable: 'a case does not record when a return was agreed; set the date by hand' },
  { id: 'AE-10', platforms: [...AE], valueText: '15 CD', value: 15, unit: 'CD', startText: 'goods received', effect: 'one free local return', source: SOURCE.aeProtection, confidence: 'M', role: 'buyer', metBy: ['returnShipped', 'refundRequested', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...aeTimer, countdowns: ['return-window'] },
  { id: 'AE-11', platforms: [...AE], regions: ['EU'], valueText: '14 CD; 2-year conformity guarantee', value: 14, unit: 'CD', startText: 'delivery', effect: 'withdrawal without reason ends', source: SOURCE.aeEu, confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...euLaw },
  { id: 'AE-12', platforms: [...AE], valueText: 'refund if not delivered by the promised date', value: null, unit: null, startText: 'promised date', effect: 'claim on the order page', source: SOURCE.aeProtection, confidence: 'L', role: 'opens', computable: false, notComputable: 'the promised date is shown only on the order page', countdowns: ['delivery-guarantee'] },
  { id: 'AE-13', platforms: [...AE], valueText: 'seller must grant; ask 5–7 days before the end', value: 7, unit: 'CD', startText: '—', effect: 'ask the seller to extend protection', source: SOURCE.aeProtection, confidence: 'L', role: 'opens', computable: true, start: { rule: 'AE-02', before: true }, ...aeTimer, when: { absent: ['receiptConfirmed'] } },
  { id: 'AE-14', platforms: [...AE], valueText: 'review takes 2–5 WD', value: 5, unit: 'WD', startText: 'appeal submitted', effect: 'AliExpress answers the appeal', source: SOURCE.aeProtection, confidence: 'L', role: 'other', computable: false, notComputable: 'a case does not record when an appeal was submitted' },
  { id: 'AE-16', platforms: [...AE], valueText: 'deadlines not extracted', value: null, unit: null, startText: '—', effect: 'treat .ru as its own rule set, defaults from AE-* marked L', source: SOURCE.aeRu, confidence: 'H', role: 'fact', computable: false, notComputable: 'no deadlines extracted from the aliexpress.ru agreement' },

  // Taobao / Tmall
  { id: 'TB-01', platforms: [...TAOBAO_TMALL], valueText: '168 h', value: 168, unit: 'h', startText: '00:00 of the day after tracking shows signed for', effect: 'request allowed if goods intact', source: `${SOURCE.taobaoGuides}; ${SOURCE.cnConsumer} art. 25`, confidence: 'M', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, counting: 'exact-from-next-midnight', zone: 'Asia/Shanghai', countdowns: ['return-window'] },
  { id: 'TB-02', platforms: [...TAOBAO_TMALL], valueText: '10 CD (category dependent)', value: 10, unit: 'CD', startText: 'seller marks shipped', effect: 'money released to seller', source: SOURCE.taobaoGuides, confidence: 'L', role: 'other', computable: true, start: { events: ['shipped'] }, ...taobaoTimer, when: { absent: ['receiptConfirmed', 'completed'] }, countdowns: ['auto-confirm'] },
  { id: 'TB-03', platforms: [...TAOBAO_TMALL], valueText: '+3 CD once, when ≤3 days remain', value: 3, unit: 'CD', startText: '—', effect: 'from then the buyer can extend confirmation by 3 days, once', source: SOURCE.taobaoGuides, confidence: 'L', role: 'opens', computable: true, start: { rule: 'TB-02', before: true }, ...taobaoTimer, when: { absent: ['receiptConfirmed', 'completed'] } },
  { id: 'TB-04', platforms: [...TAOBAO_TMALL], valueText: '48 h', value: 48, unit: 'h', startText: 'refund requested', effect: 'silence = refund', source: SOURCE.taobaoGuides, confidence: 'L', role: 'other', computable: true, start: { events: ['refundRequested'] }, ...taobaoTimer, when: { absent: ['shipped'] }, countdowns: ['seller-response'] },
  { id: 'TB-05', platforms: [...TAOBAO_TMALL], valueText: '5 CD (virtual goods 3)', value: 5, unit: 'CD', startText: 'refund requested', effect: 'silence = refund', source: SOURCE.taobaoGuides, confidence: 'L', role: 'other', computable: true, start: { events: ['refundRequested'] }, ...taobaoTimer, when: { present: ['shipped'] }, countdowns: ['seller-response'] },
  { id: 'TB-06', platforms: [...TAOBAO_TMALL], valueText: 'window not verified (15 CD often quoted)', value: 15, unit: 'CD', startText: 'completed', effect: 'use after-sales / complain', source: SOURCE.taobaoGuides, confidence: 'L', role: 'buyer', metBy: ['refundRequested', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['completed', 'receiptConfirmed'] }, ...taobaoTimer },
  { id: 'TB-07', platforms: [...TAOBAO_TMALL], valueText: 'exists; timing not verified', value: null, unit: null, startText: 'seller refuses', effect: 'Taobao staff rule', source: SOURCE.taobaoGuides, confidence: 'L', role: 'opens', computable: false, notComputable: 'the timing of platform intervention is not published' },
  { id: 'TB-08', platforms: ['tmall'], valueText: '90 CD', value: 90, unit: 'CD', startText: 'completed', effect: 'counterfeit claim', source: SOURCE.taobaoGuides, confidence: 'L', role: 'buyer', metBy: ['refundRequested', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['completed', 'receiptConfirmed'] }, ...taobaoTimer },
  { id: 'CN-25', platforms: [...TAOBAO_TMALL], valueText: '7 CD; seller refunds within 7 CD of getting goods back', value: 7, unit: 'CD', startText: 'receipt', effect: 'statutory floor; exceptions: custom, perishable, opened digital, newspapers', source: `${SOURCE.cnConsumer} art. 25`, confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...chinaLaw },
  { id: 'CN-24', platforms: [...TAOBAO_TMALL], valueText: '7 CD return; then repair or replacement', value: 7, unit: 'CD', startText: 'receipt', effect: 'seller pays transport', source: `${SOURCE.cnConsumer} art. 24`, confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...chinaLaw },
  { id: 'CN-55', platforms: [...TAOBAO_TMALL], valueText: '3× price, at least ¥500', value: null, unit: null, startText: '—', effect: 'court leverage', source: `${SOURCE.cnConsumer} art. 55`, confidence: 'H', role: 'fact', computable: false, notComputable: 'damages, not a deadline' },
  { id: 'CN-44', platforms: [...TAOBAO_TMALL], valueText: 'platform pays if it cannot identify the seller', value: null, unit: null, startText: '—', effect: '—', source: `${SOURCE.cnConsumer} art. 44`, confidence: 'H', role: 'fact', computable: false, notComputable: 'liability, not a deadline' },
  { id: 'CN-12315a', platforms: [...TAOBAO_TMALL], valueText: '7 WD', value: 7, unit: 'WD', startText: 'complaint received', effect: 'the regulator says whether it accepts the complaint', source: SOURCE.cnComplaints, confidence: 'H', role: 'other', computable: true, start: { events: ['claimSent'] }, ...chinaLaw },
  { id: 'CN-12315b', platforms: [...TAOBAO_TMALL], valueText: '3 years', value: 3, unit: 'years', startText: 'knew or should have known', effect: 'complaints and lawsuits are time-barred', source: `${SOURCE.cnComplaints}; ${SOURCE.cnCivil} art. 188`, confidence: 'H', role: 'buyer', metBy: ['claimSent'], computable: true, start: { events: ['delivered', 'receiptConfirmed', 'completed', 'paid'] }, ...chinaLaw },
  { id: 'CN-12315c', platforms: [...TAOBAO_TMALL], valueText: '45 WD', value: 45, unit: 'WD', startText: 'accepted', effect: 'mediation ends', source: SOURCE.cnComplaints, confidence: 'H', role: 'other', computable: true, start: { rule: 'CN-12315a' }, ...chinaLaw },
  { id: 'CN-3B', platforms: [...TAOBAO_TMALL], valueText: '7 CD return/exchange/repair; 15 CD exchange/repair', value: 7, unit: 'CD', startText: 'sale/invoice', effect: 'return under the three guarantees ends (exchange/repair until day 15); listed categories only', source: SOURCE.cnThreeGuarantees, confidence: 'M', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['paid', 'placed'] }, ...chinaLaw },

  // Yandex Market and Russian consumer law
  { id: 'RU-261a', platforms: [...YM], valueText: 'any time before delivery; 7 CD after', value: 7, unit: 'CD', startText: 'handover', effect: 'goods keep appearance and properties', source: SOURCE.ruConsumer('26.1'), confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'claimSent', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...russiaLaw },
  { id: 'RU-261b', platforms: [...YM], valueText: '3 months', value: 3, unit: 'months', startText: 'handover', effect: 'window extends if written return terms were not given at delivery', source: SOURCE.ruConsumer('26.1'), confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'claimSent', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...russiaLaw },
  { id: 'RU-261c', platforms: [...YM], valueText: '≤10 CD', value: 10, unit: 'CD', startText: "buyer's demand", effect: 'seller must refund', source: SOURCE.ruConsumer('26.1'), confidence: 'H', role: 'other', computable: true, start: { events: ['refundRequested'] }, ...russiaLaw },
  { id: 'RU-19', platforms: [...YM], valueText: 'within warranty/shelf life; otherwise reasonable time, ≤2 years', value: 2, unit: 'years', startText: 'handover', effect: 'court limitation 3 years', source: SOURCE.ruConsumer('19'), confidence: 'H', role: 'buyer', metBy: ['claimSent', 'refundRequested', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...russiaLaw },
  { id: 'RU-18', platforms: [...YM], valueText: 'refund/replacement within 15 CD of handover', value: 15, unit: 'CD', startText: 'handover', effect: 'later only for significant defects', source: SOURCE.ruConsumer('18'), confidence: 'M', role: 'buyer', metBy: ['claimSent', 'refundRequested', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...russiaLaw },
  { id: 'RU-20', platforms: [...YM], valueText: '≤45 CD if agreed in writing', value: 45, unit: 'CD', startText: 'demand', effect: 'repair must be done', source: SOURCE.ruConsumer('20'), confidence: 'M', role: 'other', computable: false, notComputable: 'depends on the remedy demanded, which a case does not record; set the date by hand' },
  { id: 'RU-21', platforms: [...YM], valueText: '7 CD; 20 CD if a quality check is needed; 1 month if out of stock', value: 7, unit: 'CD', startText: 'demand', effect: 'replacement must be made', source: SOURCE.ruConsumer('21'), confidence: 'H', role: 'other', computable: false, notComputable: 'depends on the remedy demanded, which a case does not record; set the date by hand' },
  { id: 'RU-22', platforms: [...YM], valueText: '10 CD', value: 10, unit: 'CD', startText: 'written claim (претензия)', effect: 'starts the penalty clock', source: SOURCE.ruConsumer('22'), confidence: 'H', role: 'other', computable: true, start: { events: ['claimSent'] }, ...russiaLaw },
  { id: 'RU-23', platforms: [...YM], valueText: '1% of the price per day', value: 0, unit: 'CD', startText: 'day after RU-22 ends', effect: 'penalty of 1% of the price per day runs', source: SOURCE.ruConsumer('23'), confidence: 'M', role: 'opens', computable: true, start: { rule: 'RU-22' }, ...russiaLaw },
  { id: 'RU-13', platforms: [...YM], valueText: '50% of the award', value: null, unit: null, startText: 'seller did not pay voluntarily', effect: 'court fine', source: SOURCE.ruConsumer('13'), confidence: 'H', role: 'fact', computable: false, notComputable: 'a fine, not a deadline' },
  { id: 'RU-17', platforms: [...YM], valueText: 'none up to 1,000,000 RUB; sue where you live', value: null, unit: null, startText: '—', effect: 'no court fee', source: SOURCE.ruConsumer('17'), confidence: 'H', role: 'fact', computable: false, notComputable: 'a fee rule, not a deadline' },
  { id: 'RU-MS', platforms: [...YM], valueText: 'consumer property claims up to 100,000 RUB', value: null, unit: null, startText: '—', effect: 'above: district court', source: SOURCE.ruCivilProcedure, confidence: 'M', role: 'fact', computable: false, notComputable: 'a court choice, not a deadline' },
  { id: 'RU-RPN', platforms: [...YM], valueText: '30 CD (+30 extension)', value: 30, unit: 'CD', startText: 'appeal registered', effect: 'Роспотребнадзор answers', source: SOURCE.ruAppeals, confidence: 'M', role: 'other', computable: false, notComputable: 'a case does not record when the appeal was registered; set the date by hand' },
  { id: 'YM-01', platforms: [...YM], valueText: 'subscriptions, payment cards, activation codes, food, custom-made items', value: null, unit: null, startText: '—', effect: 'not taken back', source: SOURCE.yandexHelp, confidence: 'H', role: 'fact', computable: false, notComputable: 'a list of goods, not a deadline' },
  { id: 'YM-02', platforms: [...YM], valueText: 'not verified (sources say 7, 14 or 30 days): use RU-261a/b and let the user override', value: 7, unit: 'CD', startText: 'handover', effect: "Yandex Market's own return window ends", source: SOURCE.yandexHelp, confidence: 'L', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...russiaLaw, countdowns: ['return-window'] },
  { id: 'YM-03', platforms: [...YM], valueText: "auto-approved when the seller's timer runs out (length not published)", value: null, unit: null, startText: 'return created', effect: 'return approved automatically', source: SOURCE.yandexApi, confidence: 'H', role: 'other', computable: false, notComputable: 'the length is not published; the page countdown gives it', countdowns: ['seller-response'] },
  { id: 'YM-04', platforms: [...YM], valueText: 'not published ("up to 5 WD" in one guide)', value: 5, unit: 'WD', startText: '—', effect: 'support answers', source: SOURCE.yandexHelp, confidence: 'L', role: 'other', computable: false, notComputable: 'not published, and a case does not record when support was asked' },

  // Payment providers (any platform)
  { id: 'CB-V131', platforms: [...ALL], valueText: 'wait 15 CD if no delivery date; file ≤120 CD from processing or last expected delivery date; cap 540 CD', value: 120, unit: 'CD', startText: 'processing / expected delivery', effect: 'Visa "not received" chargeback can no longer be filed', source: SOURCE.cards, confidence: 'M', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: true, start: { events: [...PAYMENT] }, ...cardScheme },
  { id: 'CB-V133', platforms: [...ALL], valueText: 'wait 15 CD after returning; ≤120 CD from processing or receipt', value: 120, unit: 'CD', startText: 'return / receipt', effect: 'Visa "not as described" chargeback can no longer be filed', source: SOURCE.cards, confidence: 'M', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: true, start: { events: [...PAYMENT] }, ...cardScheme },
  { id: 'CB-MC', platforms: [...ALL], valueText: 'no date given: wait 30 CD; ≤120 CD from settlement or latest promised date; cap 540 CD', value: 120, unit: 'CD', startText: 'settlement / promised', effect: 'Mastercard 4853 chargeback can no longer be filed', source: SOURCE.cards, confidence: 'M', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: true, start: { events: [...PAYMENT] }, ...cardScheme },
  { id: 'PP-1', platforms: [...ALL], valueText: '180 CD', value: 180, unit: 'CD', startText: 'payment', effect: 'a PayPal dispute can no longer be opened', source: SOURCE.paypal, confidence: 'H', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: true, start: { events: [...PAYMENT] }, ...cardScheme },
  { id: 'PP-2', platforms: [...ALL], valueText: '20 CD, else closes for good', value: 20, unit: 'CD', startText: 'dispute opened', effect: 'the PayPal dispute closes for good unless escalated to a claim', source: SOURCE.paypal, confidence: 'H', role: 'buyer', metBy: ['paymentClaimEscalated'], computable: true, start: { events: ['paymentDisputeOpened'] }, ...cardScheme },
  { id: 'CB-UP', platforms: [...ALL], valueText: 'not found: ask the bank', value: null, unit: null, startText: '—', effect: '—', source: SOURCE.cards, confidence: 'L', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: false, notComputable: 'UnionPay deadlines not found' },
  { id: 'CB-MIR', platforms: [...ALL], valueText: 'not found: ask the bank', value: null, unit: null, startText: '—', effect: '—', source: SOURCE.cards, confidence: 'L', role: 'buyer', metBy: ['paymentDisputeOpened'], computable: false, notComputable: 'Мир deadlines not found' },

  // EU / UK baseline (AliExpress is where EU and UK buyers shop among the supported platforms)
  { id: 'EU-9', platforms: [...AE], regions: ['EU'], valueText: '14 CD', value: 14, unit: 'CD', startText: 'physical possession (last item)', effect: 'the right of withdrawal ends', source: SOURCE.euDirective, confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...euLaw },
  { id: 'EU-10', platforms: [...AE], regions: ['EU'], valueText: '+12 months', value: 12, unit: 'months', startText: '—', effect: 'withdrawal extended when the buyer was not informed of the right', source: SOURCE.euDirective, confidence: 'M', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: false, notComputable: 'applies only if the buyer was not informed, which a case does not record' },
  { id: 'EU-13', platforms: [...AE], regions: ['EU'], valueText: '≤14 CD', value: 14, unit: 'CD', startText: 'told of withdrawal', effect: 'the trader must refund', source: SOURCE.euDirective, confidence: 'M', role: 'other', computable: true, start: { events: ['refundRequested'] }, ...euLaw },
  { id: 'UK-22', platforms: [...AE], regions: ['UK'], valueText: '30 days', value: 30, unit: 'CD', startText: 'first day after delivery', effect: 'the short-term right to reject ends', source: SOURCE.ukCra, confidence: 'H', role: 'buyer', metBy: ['refundRequested', 'returnShipped', 'disputeOpened', 'claimSent'], computable: true, start: { events: ['delivered'] }, ...ukLaw },
  { id: 'UK-6M', platforms: [...AE], regions: ['UK'], valueText: '6 months', value: 6, unit: 'months', startText: 'delivery', effect: 'faults are no longer presumed present at delivery', source: SOURCE.ukCra, confidence: 'M', role: 'buyer', metBy: ['claimSent', 'refundRequested', 'disputeOpened'], computable: true, start: { events: ['delivered'] }, ...ukLaw },
];

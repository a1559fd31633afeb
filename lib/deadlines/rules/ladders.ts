/**
 * The escalation ladders of ../shared/docs/dispute-rules.md as data: ordered steps, the evidence each needs,
 * the rules it relates to. Titles, what-to-do texts, the condition to move on and the messages are in
 * lib/i18n/areas/rules.ts under "ladder.<ladder>.<step>.*". Taobao and Tmall share one ladder; rules that
 * do not apply to a platform (TB-08 is Tmall only) are dropped by ladderFor().
 */
import type { z } from 'zod';
import type { LadderSchema } from './schema';

type LadderData = z.input<typeof LadderSchema>;

const CARDS = ['CB-V131', 'CB-V133', 'CB-MC', 'PP-1', 'PP-2', 'CB-UP', 'CB-MIR'];

export const LADDER_DATA: LadderData[] = [
  {
    id: 'aliexpress',
    platforms: ['aliexpress'],
    steps: [
      { id: 'document', evidence: ['order-page', 'listing', 'tracking', 'unboxing-video'], rules: ['AE-01', 'AE-05'], message: false },
      { id: 'contact-seller', evidence: ['chat'], rules: ['AE-02', 'AE-13'], doneWhen: ['sellerLastReply', 'disputeOpened'], message: true },
      { id: 'open-dispute', evidence: ['order-page', 'photos', 'unboxing-video', 'chat', 'tracking'], rules: ['AE-06', 'AE-04', 'AE-03', 'AE-12', 'AE-11', 'EU-9', 'UK-22'], doneWhen: ['disputeOpened'], message: true },
      { id: 'seller-timeout', evidence: ['chat'], rules: ['AE-07'], message: false },
      { id: 'platform-decides', evidence: ['photos', 'unboxing-video', 'chat', 'tracking'], rules: ['AE-08', 'AE-09', 'AE-10', 'AE-16'], doneWhen: ['returnShipped'], message: true },
      { id: 'appeal', evidence: ['decision', 'photos', 'chat'], rules: ['AE-14'], message: true },
      { id: 'payment-provider', evidence: ['payment-record', 'order-page', 'chat', 'decision'], rules: CARDS, doneWhen: ['paymentDisputeOpened'], message: true },
      { id: 'agency-court', evidence: ['order-page', 'chat', 'decision', 'payment-record'], rules: ['EU-10', 'EU-13', 'UK-6M'], message: true },
    ],
  },
  {
    id: 'taobao',
    platforms: ['taobao', 'tmall'],
    steps: [
      { id: 'document', evidence: ['order-page', 'chat', 'tracking', 'unboxing-video'], rules: ['TB-02', 'TB-03'], message: false },
      { id: 'contact-seller', evidence: ['chat'], rules: [], doneWhen: ['sellerLastReply', 'refundRequested'], message: true },
      { id: 'request-refund', evidence: ['order-page', 'photos', 'unboxing-video'], rules: ['TB-01', 'TB-06', 'CN-25', 'CN-24', 'CN-3B'], doneWhen: ['refundRequested'], message: true },
      { id: 'seller-timeout', evidence: ['chat'], rules: ['TB-04', 'TB-05'], message: false },
      { id: 'platform-intervenes', evidence: ['photos', 'unboxing-video', 'chat', 'tracking'], rules: ['TB-07'], message: true },
      { id: 'authenticate', evidence: ['expert-report', 'listing', 'photos'], rules: ['TB-08'], message: false },
      { id: 'chargeback', evidence: ['payment-record', 'order-page', 'chat'], rules: CARDS, doneWhen: ['paymentDisputeOpened'], message: true },
      { id: 'complaint-12315', evidence: ['order-page', 'chat', 'photos', 'decision'], rules: ['CN-12315a', 'CN-12315b', 'CN-12315c', 'CN-44'], doneWhen: ['claimSent'], message: true },
      { id: 'court', evidence: ['order-page', 'chat', 'photos', 'decision', 'expert-report'], rules: ['CN-24', 'CN-25', 'CN-55'], message: false },
    ],
  },
  {
    id: 'yandex-market',
    platforms: ['yandex-market'],
    steps: [
      { id: 'document', evidence: ['contact-log', 'order-page', 'unboxing-video'], rules: ['YM-01'], message: false },
      { id: 'contact-seller', evidence: ['chat', 'contact-log'], rules: ['YM-04'], doneWhen: ['sellerLastReply', 'refundRequested'], message: true },
      { id: 'return-request', evidence: ['order-page', 'photos'], rules: ['RU-261a', 'RU-261b', 'YM-02', 'RU-19', 'RU-18', 'YM-03', 'RU-261c'], doneWhen: ['refundRequested'], message: true },
      { id: 'claim', evidence: ['claim-letter', 'order-page', 'photos', 'contact-log'], rules: ['RU-22', 'RU-23', 'RU-20', 'RU-21'], doneWhen: ['claimSent'], message: true },
      { id: 'escalate', evidence: ['contact-log', 'claim-letter', 'chat'], rules: ['YM-04'], message: true },
      { id: 'expert-check', evidence: ['expert-report', 'photos'], rules: ['RU-18'], message: false },
      { id: 'bank-dispute', evidence: ['payment-record', 'claim-letter', 'order-page'], rules: CARDS, doneWhen: ['paymentDisputeOpened'], message: true },
      { id: 'rospotrebnadzor', evidence: ['claim-letter', 'contact-log', 'order-page'], rules: ['RU-RPN'], message: true },
      { id: 'court', evidence: ['claim-letter', 'order-page', 'contact-log', 'expert-report'], rules: ['RU-17', 'RU-MS', 'RU-13', 'RU-23'], message: false },
    ],
  },
];

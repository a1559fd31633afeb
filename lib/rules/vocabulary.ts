/**
 * The fixed words the rules, ladders and the deadline engine share: case events, regions, evidence kinds,
 * units. Kept apart from the rule data so the engine's public API can name them without loading the rules.
 */
import type { Platform } from '../marketplaces';

/** What can happen to an order; each is recorded on a case as an ISO 8601 instant. */
export const CASE_EVENTS = [
  'placed',
  'paid',
  'shipped',
  'delivered',
  'receiptConfirmed',
  'completed',
  /** The date the platform promised delivery by ("Refund if no delivery before …", an ETA). */
  'expectedDelivery',
  'disputeOpened',
  'refundRequested',
  'sellerLastReply',
  'claimSent',
  'returnShipped',
  'paymentDate',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** Where the buyer is: decides which statutes apply and the zone AliExpress timers are shown in. */
export const REGIONS = ['RU', 'CN', 'EU', 'UK', 'US'] as const;
export type Region = (typeof REGIONS)[number];

export type { Platform };

/** What a ladder step can ask the user to keep. */
export const EVIDENCE_KINDS = [
  'order-page',
  'listing',
  'tracking',
  'chat',
  'unboxing-video',
  'photos',
  'claim-letter',
  'payment-record',
  'contact-log',
  'expert-report',
  'decision',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const UNITS = ['CD', 'WD', 'h', 'months', 'years'] as const;
export type Unit = (typeof UNITS)[number];

export const CONFIDENCES = ['H', 'M', 'L'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What a countdown shown on an order page counts down to; each kind belongs to one or more rules. */
export const COUNTDOWN_KINDS = ['buyer-protection', 'auto-confirm', 'seller-response', 'return-window', 'delivery-guarantee'] as const;
export type CountdownKind = (typeof COUNTDOWN_KINDS)[number];

/**
 * The fixed words the rules, ladders and the deadline engine share: case events, regions, evidence kinds,
 * units. Kept apart from the rule data so the engine's public API can name them without loading the rules.
 */
import type { Platform } from '../../common/marketplaces';

/**
 * What can happen to an order; each is recorded on a case as a calendar day (YYYY-MM-DD, when only the day is
 * known: a day of the platform's zone) or an ISO 8601 instant with its offset.
 */
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
  /** The day a PayPal dispute or a card chargeback was opened (PP-2 counts from it). */
  'paymentDisputeOpened',
  /** The day that PayPal dispute was escalated to a claim (what meets PP-2) or the bank took the chargeback up. */
  'paymentClaimEscalated',
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

/**
 * Whose deadline a rule is, which decides what its passing means:
 * - buyer: a window for the buyer to act (return, dispute, claim, chargeback, complaint); passing it with
 *   nothing recorded in time is "missed", an action recorded before it is "met";
 * - other: another party's timer (the seller's answer, the platform's review, a regulator's reply, automatic
 *   confirmation); its passing is "ended", and may make the next step due;
 * - opens: the moment something becomes possible (earliest day for a dispute, the extension of confirmation);
 * - fact: not a deadline (damages, fees, lists of goods); the ladder cites it, it has no date of its own.
 */
export const RULE_ROLES = ['buyer', 'other', 'opens', 'fact'] as const;
export type RuleRole = (typeof RULE_ROLES)[number];
export type Confidence = (typeof CONFIDENCES)[number];

/** What a countdown shown on an order page counts down to; each kind belongs to one or more rules. */
export const COUNTDOWN_KINDS = ['buyer-protection', 'auto-confirm', 'seller-response', 'return-window', 'delivery-guarantee'] as const;
export type CountdownKind = (typeof COUNTDOWN_KINDS)[number];

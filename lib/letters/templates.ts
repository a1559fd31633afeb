/**
 * The letters' words, as data: for each language, every route's subject and body with {placeholders}, and
 * the phrases composeLetter puts into them. One file per language (templates-en/ru/zh.ts); adding a route
 * or a problem without its words in every language does not compile.
 *
 * Placeholders in a route's subject and body:
 *   {orderId} {platform} {store} {amount} {today} {due} — single facts;
 *   {items} {dates} {evidence} — one line each;
 *   {promised} {happened} {details} {demand} {legal} — the user's choices, as sentences ({details} and
 *   {legal} may be empty, and the line then disappears);
 *   {name} {contact} {address} — what the user fills in (marked in brackets).
 */
import type { Locale } from '../i18n';
import type { LetterDemand, LetterProblem, LetterRoute } from './routes';
import { en } from './templates-en';
import { ru } from './templates-ru';
import { zh } from './templates-zh';

/** The events a letter lists with their dates, in this order. */
export const LETTER_EVENTS = [
  'placed',
  'paid',
  'shipped',
  'expectedDelivery',
  'delivered',
  'receiptConfirmed',
  'refundRequested',
  'disputeOpened',
  'returnShipped',
  'claimSent',
  'paymentDisputeOpened',
] as const;
export type LetterEvent = (typeof LETTER_EVENTS)[number];

export interface LetterTemplate {
  subject: string;
  body: string;
}

export interface LetterLanguage {
  /** What stands for a fact the case does not know. */
  blank: string;
  /** What the user fills in, marked so it cannot be missed. */
  you: { name: string; contact: string; address: string };
  /** "{label}: {date}" */
  dateLine: string;
  dateLabels: Record<LetterEvent, string>;
  /** "— {title}{quantity}{price}"; quantity and price are left out when unknown. */
  itemLine: string;
  quantity: string;
  price: string;
  /** What was promised and what happened instead, as whole sentences. */
  problems: Record<LetterProblem, { promised: string; happened: string }>;
  /** What the buyer asks for; may use {amount}. */
  demands: Record<LetterDemand, string>;
  /** The user's own words, introduced: "{text}". */
  details: string;
  /** The legal basis, for the routes that cite the law. */
  legal: Partial<Record<LetterRoute, Record<LetterProblem, string>>>;
  /** "{n}. {kind}{name}, SHA-256 {hash}, {time}" */
  evidenceLine: string;
  evidenceName: string;
  noEvidence: string;
  routes: Record<LetterRoute, LetterTemplate>;
}

export const TEMPLATES: Record<Locale, LetterLanguage> = { en, ru, zh_CN: zh };

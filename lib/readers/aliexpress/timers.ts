/**
 * Timers AliExpress states in words: "Buyer protection: 12 days 5 hours", "Refund if no delivery before
 * Dec 28, 2026", "The seller needs to respond within 4 days 23 hours". The phrase that introduces one is kept
 * as the countdown's label, in the page's own words, so the deadline engine can tell what it counts down to
 * (lib/deadlines/countdowns.ts). Used on API text and on markup alike.
 */
import { countdownEndsAt } from '../parse/countdown';
import { cleanText } from '../dom';
import type { ReadContext } from './context';
import type { Countdown } from './order';
import { leadingPhrase } from './phrases';
import { DEADLINE_PHRASES, DELIVERY_GUARANTEE_PHRASES, DISPUTE_TIMER_PHRASES } from './wording';

/** Every phrase that introduces a timer. */
export const TIMER_PHRASES = [...DEADLINE_PHRASES, ...DISPUTE_TIMER_PHRASES];

const MAX_TIMER_TEXT = 200;

/** The countdown a text states when it starts with one of `phrases`, or undefined. */
export function timerFromText(raw: string | undefined, c: ReadContext, phrases: readonly string[] = TIMER_PHRASES): Countdown | undefined {
  if (!raw || !leadingPhrase(raw, phrases)) return undefined;
  const text = cleanText(raw);
  if (!text || text.length > MAX_TIMER_TEXT) return undefined;
  const phrase = leadingPhrase(text, phrases);
  if (!phrase) return undefined;
  const rest = text.slice(phrase.length).replace(/^[\s:：,，]+/, '');
  const endsAt = countdownEndsAt(rest, c.now) ?? c.date(rest, 'future');
  if (!endsAt && !/\d/.test(rest)) return undefined;
  return { label: phrase, text, ...(endsAt && { endsAt }) };
}

/** The timers stated in these text nodes (a page's or a card's, in order), each once. */
export function timersIn(nodes: readonly Node[], c: ReadContext, phrases: readonly string[] = TIMER_PHRASES): Countdown[] {
  const found: Countdown[] = [];
  for (const node of nodes) {
    const own = node.textContent ?? '';
    if (!leadingPhrase(own, phrases)) continue;
    // The phrase and its value may sit in sibling elements ("<span>Seller must respond by</span> <span>Nov 25</span>"):
    // read the phrase's own text, then its element, then the elements around it, while they still start with it.
    let timer = timerFromText(own, c, phrases);
    for (let el = node.parentElement, depth = 0; !timer && el && depth < 3; el = el.parentElement, depth++) {
      const text = el.textContent ?? '';
      if (!leadingPhrase(text, phrases)) break;
      timer = timerFromText(text, c, phrases);
    }
    if (timer && !found.some((f) => f.text === timer.text)) found.push(timer);
  }
  return found;
}

/** The day a delivery-guarantee timer ends ("Refund if no delivery before Sep 4, 2026"): the promised delivery date. */
export function guaranteedDelivery(countdowns: readonly Countdown[] | undefined): string | undefined {
  const phrases = DELIVERY_GUARANTEE_PHRASES.map((p) => p.toLowerCase());
  return countdowns?.find((c) => c.endsAt && phrases.some((p) => c.label.toLowerCase().startsWith(p)))?.endsAt;
}

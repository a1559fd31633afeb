/**
 * A chat's messages as its box shows them, read by structure, for any chat (no marketplace's chat markup is
 * documented: ../shared/docs/marketplace-pages.md names none). Pure: it takes the box and its rows and uses only
 * DOM reading (text, classes, attributes and, where the page has layout, where a row sits), so it runs on a
 * parsed fixture in Vitest as in the page. What it gives is raw page text; lib/readers/chat/transcript.ts makes
 * it lines with times.
 *
 * The rows: going down from the box through wrappers (an element with one child, or one child holding most of the
 * text, with more children than its level, beside a header), the first element with several children is the list, and its children are the rows.
 * In a row: `when` is a short leaf that holds a clock time ("14:42", "2026-11-03 14:42:51", "昨天 09:10") or a
 * `<time datetime>`; `who` a leaf under an element whose class or attribute names a sender ("name", "nick",
 * "author", "sender"); `side` "me" or "them" from the classes of the row or of its message's bubble ("self", "mine",
 * "right", "send" / "other", "left", "receive"; deeper in the row only words that name a side, not layout's
 * "right" or "send"), or else from which half of the box the message sits in; the rest is `text`.
 */
import { cleanText, textNodes } from '../dom';

export interface ChatEntry {
  /** Where the row starts in the box's content (CSS px from its top), or its index without layout: the order. */
  top: number;
  text: string;
  who?: string;
  side?: 'me' | 'them';
  /** The time as the page shows it. */
  when?: string;
  /** A machine-readable time the page gave (`<time datetime>`, `data-time`). */
  datetime?: string;
}

const MAX_DEPTH = 12;
/** A leaf this short holding a clock time is the row's time, not its message. */
const MAX_TIME_LEAF = 40;
const CLOCK = /(?:^|\D)([01]?\d|2[0-3])[:：][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?!\d)/i;
const NAME_HINT = /(?:^|[-_\s])(?:name|nick|nickname|author|sender|user|username|from)(?:$|[-_\s])/i;
const ME_HINT = /(?:^|[-_\s])(?:self|mine|me|my|own|right|send|sent|out|outgoing|outbound|buyer|customer)(?:$|[-_\s])/i;
const THEM_HINT = /(?:^|[-_\s])(?:other|others|left|receive|received|incoming|inbound|seller|shop|store|service|support|agent)(?:$|[-_\s])/i;
/**
 * Deeper in a row, layout words ("float-right" on a time label, "btn-send", "out" of a fade) are on both sides'
 * rows: there only the words that name a side count.
 */
const ME_INNER = /(?:^|[-_\s])(?:self|mine|me|my|own|sent|outgoing|outbound|buyer|customer)(?:$|[-_\s])/i;
const THEM_INNER = /(?:^|[-_\s])(?:other|others|receive|received|incoming|inbound|seller|shop|store|service|support|agent)(?:$|[-_\s])/i;

/** The list inside a chat box: its rows, top first. */
export function chatRows(box: Element): Element[] {
  let list = box;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const kids = Array.from(list.children).filter(hasContent);
    if (kids.length === 1) {
      list = kids[0];
      continue;
    }
    const total = textLength(list);
    const biggest = kids.reduce<Element | undefined>((a, k) => (!a || textLength(k) > textLength(a) ? k : a), undefined);
    if (biggest && total > 0 && textLength(biggest) >= 0.6 * total && biggest.children.length > kids.length) {
      list = biggest;
      continue;
    }
    return kids;
  }
  return Array.from(list.children).filter(hasContent);
}

/** One row read: undefined for a row with no text. `top`: its place in the box's content. */
export function readChatRow(row: Element, top: number, boxCentre?: number): ChatEntry | undefined {
  const leaves: { text: string; element: Element }[] = [];
  for (const node of textNodes(row)) {
    const text = cleanText(node.textContent);
    if (text && node.parentElement) leaves.push({ text, element: node.parentElement });
  }
  if (leaves.length === 0) return undefined;
  const stamp = row.querySelector('time[datetime], [data-time], [data-timestamp]');
  const datetime = cleanText(stamp?.getAttribute('datetime') ?? stamp?.getAttribute('data-time') ?? stamp?.getAttribute('data-timestamp')) || undefined;

  const timeLeaf = leaves.find((l) => l.text.length <= MAX_TIME_LEAF && CLOCK.test(l.text) && (leaves.length > 1 || !!datetime));
  const whoLeaf = leaves.find((l) => l !== timeLeaf && hasHint(l.element, row, NAME_HINT));
  const rest = leaves.filter((l) => l !== timeLeaf && l !== whoLeaf).map((l) => l.text);
  const text = cleanText(rest.join(' '));
  const when = timeLeaf?.text ?? (stamp ? cleanText(stamp.textContent) || undefined : undefined);
  // A row that is only a time ("14:42" between messages) is a separator, read as text.
  if (!text && !whoLeaf) return { top, text: when ?? '', ...(datetime && { datetime }) };
  const side = sideOf(row, leaves, timeLeaf?.element, boxCentre);
  return { top, text, ...(whoLeaf && { who: whoLeaf.text }), ...(side && { side }), ...(when && { when }), ...(datetime && { datetime }) };
}

function sideOf(row: Element, leaves: { element: Element }[], timeElement: Element | undefined, boxCentre: number | undefined): ChatEntry['side'] {
  const message = leaves.find((l) => l.element !== timeElement)?.element;
  // The row itself and its message's bubble (the elements from the row down to the message) with every hint; then
  // the rest of the row with the words that name a side only.
  const bubble: Element[] = [];
  for (let e = message ?? null; e && e !== row; e = e.parentElement) bubble.unshift(e);
  for (const element of [row, ...bubble]) {
    const side = hintedSide(element, ME_HINT, THEM_HINT);
    if (side) return side;
  }
  for (const element of Array.from(row.querySelectorAll('[class]')).slice(0, 20)) {
    const side = hintedSide(element, ME_INNER, THEM_INNER);
    if (side) return side;
  }
  // By layout: the message's own text sits right of the box's middle for the user's messages.
  if (boxCentre === undefined || !message) return undefined;
  const rect = message.getBoundingClientRect();
  if (!(rect.width > 0)) return undefined;
  const middle = rect.left + rect.width / 2;
  if (Math.abs(middle - boxCentre) < 8) return undefined;
  return middle > boxCentre ? 'me' : 'them';
}

function hintedSide(element: Element, me: RegExp, them: RegExp): ChatEntry['side'] {
  const names = `${classOf(element)} ${element.getAttribute('data-role') ?? ''} ${element.getAttribute('data-side') ?? ''}`;
  return me.test(names) ? 'me' : them.test(names) ? 'them' : undefined;
}

function hasHint(element: Element, row: Element, hint: RegExp): boolean {
  for (let e: Element | null = element; e && e !== row; e = e.parentElement) {
    if (hint.test(classOf(e)) || hint.test(e.getAttribute('data-role') ?? '') || hint.test(e.getAttribute('itemprop') ?? '')) return true;
  }
  return false;
}

function classOf(element: Element): string {
  return element.getAttribute('class') ?? '';
}

function hasContent(element: Element): boolean {
  return !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(element.tagName.toUpperCase()) && (textLength(element) > 0 || element.querySelector('img') !== null);
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}

/**
 * Small, pure helpers the page readers share. They take a root node and never touch browser APIs, so
 * readers run the same in a content script, in Vitest on a fixture and in the command-line reader.
 */
import { cleanText } from '../common/text';

export { cleanText };

/** A selector as a catalogue records it: when and on which page it was last seen to work. */
export interface DatedSelector {
  css: string;
  /** Year-month it was seen on a live or saved page. */
  seen: string;
  /** The page it was seen on. */
  page: string;
}

/**
 * A page by its address, as a catalogue records it: a host (matched whole) and a path prefix, with when it was
 * written down and where it comes from. Used for the marketplaces' chat pages (lib/readers/chat/chat-pages.ts).
 */
export interface DatedAddress {
  host: RegExp;
  path: string;
  seen: string;
  page: string;
}

/** The first selector (newest first) that matches an element with text; which one matched is returned too. */
export function firstText(root: ParentNode, selectors: readonly DatedSelector[]): { text: string; selector: DatedSelector } | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector.css))) {
      const text = cleanText(el.textContent);
      if (text) return { text, selector };
    }
  }
  return undefined;
}

/** The first match of `pattern` in the text of any element the selectors find, newest selector first. */
export function firstMatch(root: ParentNode, selectors: readonly DatedSelector[], pattern: RegExp): string | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector.css))) {
      const match = cleanText(el.textContent).match(pattern);
      if (match) return match[0];
    }
  }
  return undefined;
}

export function firstElement(root: ParentNode, selectors: readonly DatedSelector[]): Element | undefined {
  for (const selector of selectors) {
    const el = root.querySelector(selector.css);
    if (el) return el;
  }
  return undefined;
}

export const LABEL_SEPARATORS = /^[\s:：№#.\-–—]*/;
/** Elements whose text the user does not read. */
export const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NOFRAMES']);

function isSkipped(node: Node): boolean {
  return node.nodeType === 1 && SKIPPED_TAGS.has((node as Element).tagName.toUpperCase());
}

/** Text nodes under `root` in document order, skipping scripts and styles. */
export function* textNodes(root: Node): Generator<Node> {
  // childNodes rather than nextSibling: linkedom (the command-line reader's DOM) loses siblings after a doctype.
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 3) yield child;
    else if (child.nodeType === 1 && !isSkipped(child)) yield* textNodes(child);
  }
}

/**
 * Labelled text: the value written next to a label such as "Order ID:", "订单编号" or "Заказ №".
 * A text node that starts with a label gives the rest of its text, or else the text that follows it
 * (the next sibling, then the next sibling of its parent), so both "Order ID: 123" and
 * "<span>Order ID:</span><span>123</span>" read as "123".
 */
export function textAfterLabel(root: ParentNode & Node, labels: readonly string[]): string | undefined {
  // Longest first, so "Store name: X" is not read as the label "Store" with the value "name: X".
  const lowered = labels.map((l) => l.toLowerCase()).sort((a, b) => b.length - a.length);
  for (const node of textNodes(root)) {
    const own = cleanText(node.textContent);
    const label = lowered.find((l) => own.toLowerCase().startsWith(l));
    if (!label) continue;
    const rest = own.slice(label.length).replace(LABEL_SEPARATORS, '').trim();
    if (rest) return rest;
    const next = followingText(node);
    if (next) return next;
  }
  return undefined;
}

/**
 * The value after a label node: the first text that follows it (its next siblings, then its parent's, up to
 * three levels and never past `root`), so "<dt>Store</dt><dd>Name</dd><dd>Follow</dd>" reads "Name".
 * A value split one character per element, as AliExpress splits prices into digit spans, is joined whole.
 */
export function followingText(node: Node, root?: Node): string | undefined {
  for (let n: Node | null = node, depth = 0; n && n !== root && depth < 3; n = n.parentNode, depth++) {
    let split = '';
    for (let sibling = n.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (isSkipped(sibling)) continue;
      const raw = sibling.textContent ?? '';
      const text = cleanText(raw);
      if (text.length <= 1) {
        split += raw;
        continue;
      }
      const joined = cleanText(split).replace(LABEL_SEPARATORS, '');
      return joined || text.replace(LABEL_SEPARATORS, '') || undefined;
    }
    const joined = cleanText(split).replace(LABEL_SEPARATORS, '');
    if (joined) return joined;
  }
  return undefined;
}

/** An absolute URL for an href as written on the page (often protocol-relative "//..."), or undefined. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

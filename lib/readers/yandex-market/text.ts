/**
 * Labelled text inside one root (a detail page's main column, or one order card on the list). The text nodes
 * are collected once per root, so every label lookup is a scan of that root only, never of the whole page.
 */
import type { Money } from '../../common/model';
import { parseMoney } from '../parse/money';
import { parseDate } from '../parse/dates';
import { cleanText, followingText, LABEL_SEPARATORS, SKIPPED_TAGS } from '../dom';
import { TIME_ZONE } from './embedded';

const MAX_TEXT_NODES = 20_000;
/** A value read next to a label longer than this is a whole block, not a value. */
const MAX_VALUE = 300;
const NOT_BLANK = /\S/;

const prefixCache = new WeakMap<readonly string[], RegExp>();

/** One regular expression for a list of labels: any of them at the start of a lower-cased text, as whole words. */
function prefixPattern(labels: readonly string[]): RegExp {
  let pattern = prefixCache.get(labels);
  if (!pattern) {
    const alternatives = labels.map((l) => l.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`^(?:${alternatives})(?![a-zа-яё])`);
    prefixCache.set(labels, pattern);
  }
  return pattern;
}

export class RootText {
  readonly nodes: Node[] = [];
  readonly texts: string[] = [];
  private readonly lower: string[] = [];

  constructor(readonly root: Node | null) {
    if (!root) return;
    // Adjacent text nodes are one text, as a browser shows them: some DOMs (linkedom, the command-line
    // reader's) split "5&nbsp;ноября" into three nodes at the entity.
    type Run = { first: Node; raw: string };
    const stack: (Node | Run)[] = [root.nodeType === 3 ? { first: root, raw: root.nodeValue ?? '' } : root];
    while (stack.length && this.nodes.length < MAX_TEXT_NODES) {
      const item = stack.pop()!;
      if ('first' in item) {
        if (!NOT_BLANK.test(item.raw)) continue; // indentation between tags: most text nodes of a page
        const text = cleanText(item.raw);
        if (text) {
          this.nodes.push(item.first);
          this.texts.push(text);
          this.lower.push(text.toLowerCase());
        }
        continue;
      }
      const node = item;
      if (node.nodeType === 1 && SKIPPED_TAGS.has((node as Element).tagName.toUpperCase())) continue;
      if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
      // childNodes, not lastChild/previousSibling: some DOM implementations find a sibling by searching the parent.
      const children = node.childNodes;
      const items: (Node | Run)[] = [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        const last = items[items.length - 1];
        if (child.nodeType !== 3) items.push(child);
        else if (last && 'first' in last) last.raw += child.nodeValue ?? '';
        else items.push({ first: child, raw: child.nodeValue ?? '' });
      }
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }

  /**
   * Values written next to any of `labels`, in page order: the rest of the label's own text
   * ("Итого: 5 468 ₽") or else the text that follows it ("<dt>Итого</dt><dd>5 468 ₽</dd>").
   */
  *labelled(labels: readonly string[]): Generator<string> {
    const pattern = prefixPattern(labels);
    for (let i = 0; i < this.texts.length; i++) {
      const label = pattern.exec(this.lower[i])?.[0];
      if (!label) continue;
      const rest = this.texts[i].slice(label.length).replace(LABEL_SEPARATORS, '').trim();
      const value = rest || followingText(this.nodes[i], this.root ?? undefined);
      if (value && value.length <= MAX_VALUE) yield value;
    }
  }

  /** The first text node that starts with one of `phrases` (whole words), as the phrase itself. */
  startingPhrase(phrases: readonly string[]): string | undefined {
    const pattern = prefixPattern(phrases);
    for (let i = 0; i < this.texts.length; i++) {
      const phrase = pattern.exec(this.lower[i])?.[0];
      if (phrase) return this.texts[i].slice(0, phrase.length);
    }
    return undefined;
  }

  /** Each text that starts with one of `phrases` (whole words), with the text after it. */
  *phraseTexts(phrases: readonly string[]): Generator<[string, string | undefined]> {
    const pattern = prefixPattern(phrases);
    for (let i = 0; i < this.texts.length; i++) if (pattern.test(this.lower[i])) yield [this.texts[i], this.texts[i + 1]];
  }

  /** Each text node's text, joined with the next one when a pattern may span two nodes ("до" | "27 ноября"). */
  *withNext(): Generator<[string, string | undefined]> {
    for (let i = 0; i < this.texts.length; i++) yield [this.texts[i], this.texts[i + 1]];
  }
}

/** Order numbers on Yandex Market are long digit runs; the first one in a text such as "Заказ № 512034876 от…". */
export function orderIdIn(text: string | undefined): string | undefined {
  return text?.match(/\d{5,20}/)?.[0];
}

/**
 * Roubles in a text: the number written next to "₽" ("Итого за 2 товара 5 468 ₽" is 5468, not 2). A text
 * without a currency mark counts only when it is a number alone ("5 468"), so "2 шт." is never a price.
 */
export function rublesIn(text: string | undefined): Money | undefined {
  if (!text) return undefined;
  return parseMoney(text) ?? (/^[\d\s\u00A0\u202F.,]+$/.test(text) ? parseMoney(text, 'RUB') : undefined);
}

/** A count of items: "2 шт.", "× 2". */
export function quantityIn(text: string | undefined): number | undefined {
  const match = text?.match(/(\d{1,5})\s*шт/) ?? text?.match(/[×✕]\s*(\d{1,5})(?!\d)/);
  return match ? Number(match[1]) : undefined;
}

/**
 * The first date in a text, in Moscow time: "3 ноября 2026, 14:42", "3 ноября", "сегодня в 10:15",
 * "03.11.2026". `past`: the date is when something happened, so "3 ноября" read in January is last year's;
 * otherwise it is a deadline, so "5 января" read in December is next year's.
 */
export function dateIn(text: string | undefined, now: Date, past = true): string | undefined {
  return parseDate(text, { timeZone: TIME_ZONE, now, yearless: past ? 'past' : 'future' });
}

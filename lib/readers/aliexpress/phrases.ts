/**
 * Matching a text against a list of labels or phrases at its start, case-insensitively. Readers test every
 * text node of a page against dozens of labels: each list becomes one pattern, built once.
 */
const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const patterns = new WeakMap<readonly string[], RegExp>();

// Invisible controls a forged text may open with (cleanText removes them everywhere).
const INVISIBLE_START = /^[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+/;

/** `^\s*(phrase|…)`, the longest phrase first (so of two phrases sharing a start, the longer is matched). */
function patternOf(phrases: readonly string[]): RegExp {
  let pattern = patterns.get(phrases);
  if (!pattern) {
    const sorted = [...phrases].sort((a, b) => b.length - a.length);
    pattern = new RegExp(`^\\s*(${sorted.map(escape).join('|')})`, 'i');
    patterns.set(phrases, pattern);
  }
  return pattern;
}

/** The phrase of `phrases` the text starts with, as the text writes it, or undefined. */
export function leadingPhrase(raw: string, phrases: readonly string[]): string | undefined {
  return patternOf(phrases).exec(raw.replace(INVISIBLE_START, ''))?.[1];
}

/**
 * The page data Taobao and Tmall write into inline scripts, read without running any of the page's code:
 * - `var data = JSON.parse('{\"mainOrders\":…}')`: JSON escaped inside a JavaScript string literal
 *   (order list and Taobao order detail). The literal is decoded here by its own rules, then JSON.parse.
 * - `var detailData = {…}`: a plain object literal (Tmall order detail). Read when it is strict JSON;
 *   anything else (unquoted keys, functions) is left to the other strategies, never evaluated.
 * A truncated page (the literal or object cut off) gives undefined.
 */
import { isObject } from '../json';

const CLOSERS: Record<string, string> = { '{': '}', '[': ']' };

/** The texts of the inline scripts that mention `marker`, in document order. */
function inlineScripts(doc: Document, marker: string): string[] {
  const texts: string[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.hasAttribute('src')) continue;
    const text = script.textContent ?? '';
    if (text.includes(marker)) texts.push(text);
  }
  return texts;
}

function assignment(variable: string, rest: string): RegExp {
  const name = variable.replace(/[$]/g, '\\$');
  return new RegExp(`(?:^|[^\\w$.]|\\bwindow\\.)${name}\\s*=\\s*${rest}`, 'g');
}

/** The object in `<variable> = JSON.parse('…')`, or undefined when there is none or it does not parse. */
export function jsonParseArgument(doc: Document, variable: string): Record<string, unknown> | undefined {
  for (const text of inlineScripts(doc, 'JSON.parse')) {
    const pattern = assignment(variable, `JSON\\.parse\\(\\s*(['"])`);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const literal = readStringLiteral(text, match.index + match[0].length - 1);
      if (literal === undefined) continue;
      try {
        const value: unknown = JSON.parse(literal);
        if (isObject(value)) return value;
      } catch {
        // not JSON: try the next assignment
      }
    }
  }
  return undefined;
}

/** The object in `<variable> = {…}` when it is strict JSON, or undefined. */
export function objectLiteral(doc: Document, variable: string): Record<string, unknown> | undefined {
  for (const text of inlineScripts(doc, variable)) {
    const pattern = assignment(variable, `(?=\\{)`);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const source = balancedSlice(text, match.index + match[0].length);
      if (source === undefined) continue;
      try {
        const value: unknown = JSON.parse(source);
        if (isObject(value)) return value;
      } catch {
        // a JavaScript object literal that is not JSON: left to the other strategies
      }
    }
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\s\S]))/g;

/** How many backslashes run back from just before `index`. */
function backslashesBefore(src: string, index: number): number {
  let count = 0;
  for (let k = index - 1; k >= 0 && src.charCodeAt(k) === 92; k--) count++;
  return count;
}

/**
 * The value of the JavaScript string literal whose opening quote is at `start`, decoded by the language's
 * escape rules (\uXXXX, \u{…}, \xHH, \n, line continuations, any other escaped character as itself), or
 * undefined when it is not closed (a truncated page), breaks a line, or holds a malformed escape.
 * Native code does the work (indexOf, JSON.parse or one replace): the list page's literal is ~270 kB.
 */
export function readStringLiteral(src: string, start: number): string | undefined {
  const quote = src[start];
  if (quote !== "'" && quote !== '"') return undefined;
  let end = start;
  do {
    end = src.indexOf(quote, end + 1);
    if (end < 0) return undefined;
  } while (backslashesBefore(src, end) % 2 === 1);
  const body = src.slice(start + 1, end);
  // A raw line break ends a literal unless escaped (a line continuation).
  const breaks = /\r\n|[\n\r]/g;
  for (let m = breaks.exec(body); m; m = breaks.exec(body)) if (backslashesBefore(body, m.index) % 2 === 0) return undefined;
  if (!body.includes('\\')) return body;
  // Fast path, by the native parser: JSON strings share JavaScript's escapes but for \' (every ' in the
  // body is escaped, so dropping one backslash before each is exact). A body with any JavaScript-only
  // escape (\x, \v, \u{…}, a continuation) or a raw " makes this throw, and takes the general decoder.
  try {
    return JSON.parse(`"${body.replace(/\\'/g, "'")}"`) as string;
  } catch {
    // decoded below
  }
  let malformed = false;
  const value = body.replace(ESCAPE, (_, point: string, u4: string, x2: string, other: string) => {
    if (point !== undefined) {
      const code = parseInt(point, 16);
      if (code > 0x10ffff) malformed = true;
      return malformed ? '' : String.fromCodePoint(code);
    }
    if (u4 !== undefined) return String.fromCharCode(parseInt(u4, 16));
    if (x2 !== undefined) return String.fromCharCode(parseInt(x2, 16));
    if (other === 'u' || other === 'x') malformed = true;
    if (other === '\r\n' || other === '\n' || other === '\r' || other === '\u2028' || other === '\u2029') return ''; // line continuation
    return SIMPLE_ESCAPES[other] ?? other;
  });
  return malformed ? undefined : value;
}

/**
 * The source of the object or array that opens at `start`, up to its matching close, skipping brackets
 * inside strings; undefined when it is never closed.
 */
export function balancedSlice(src: string, start: number): string | undefined {
  const stack: string[] = [];
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      // skip the string: to its unescaped closing quote
      for (i++; i < src.length && src[i] !== ch; i++) if (src[i] === '\\') i++;
      if (i >= src.length) return undefined;
    } else if (ch === '{' || ch === '[') stack.push(CLOSERS[ch]);
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return undefined;
      if (stack.length === 0) return src.slice(start, i + 1);
    }
  }
  return undefined;
}

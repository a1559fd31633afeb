/**
 * The envelope of AliExpress's "mtop" gateway answers (../shared/docs/marketplace-pages.md, "The data the
 * pages are built from"): `{ api, v, ret: ["SUCCESS::…"], data: { data: { <key>: { id, tag, type, position,
 * fields } }, hierarchy, linkage } }`. Components are recognised by their `type`/`tag`, never by their key:
 * keys differ between captures (`order_<id>` in 2025, `pc_om_list_order_<id>` in 2026). Everything here is
 * untrusted data: shapes are checked at every step and a body that is not a successful answer gives nothing.
 */
import { isObject, str } from '../json';

export interface MtopComponent {
  /** The key it sat under, e.g. "order_3012345678901234". */
  key: string;
  type?: string;
  tag?: string;
  id?: string;
  fields: Record<string, unknown>;
}

// Bounds on walking a body: a forged answer cannot make a reader spend long.
const MAX_DEPTH = 8;
const MAX_NODES = 50_000;
// Parts of the envelope that hold layout and wiring, not components.
const SKIPPED_KEYS = new Set(['hierarchy', 'linkage', 'global', 'endpoint', 'reload']);

/**
 * Whether an answer says it succeeded. `ret` is a list like ["SUCCESS::调用成功"]; an error answer
 * (["FAIL_SYS_TOKEN_EXOIRED::令牌过期"], ["FAIL_SYS_USER_VALIDATE", …]) is not data. An answer with no `ret`
 * is judged by its content.
 */
export function mtopSucceeded(body: unknown): boolean {
  if (!isObject(body)) return false;
  const ret = body.ret;
  if (ret === undefined) return true;
  const codes = Array.isArray(ret) ? ret : [ret];
  return codes.some((code) => typeof code === 'string' && /^SUCCESS(?:::|$)/i.test(code.trim()));
}

/** The components of a successful answer, in the order they appear; empty for anything else. */
export function mtopComponents(body: unknown): MtopComponent[] {
  if (!mtopSucceeded(body)) return [];
  const found: MtopComponent[] = [];
  let nodes = 0;
  const walk = (value: unknown, key: string, depth: number) => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${key}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const component = asComponent(value, key);
    if (component) {
      found.push(component);
      return; // components do not nest; their fields are read by whoever wants them
    }
    for (const [childKey, child] of Object.entries(value)) if (!SKIPPED_KEYS.has(childKey)) walk(child, childKey, depth + 1);
  };
  walk((body as Record<string, unknown>).data, 'data', 0);
  return found;
}

function asComponent(value: Record<string, unknown>, key: string): MtopComponent | undefined {
  if (!isObject(value.fields)) return undefined;
  const type = str(value.type);
  const tag = str(value.tag);
  if (!type && !tag) return undefined;
  return { key, type, tag, id: str(value.id), fields: value.fields };
}

/**
 * The components of one kind. The name may be the whole `type`/`tag` or one of its parts, as some renderers
 * prefix it ("dinamicx$pc_om_list_order$1").
 */
export function componentsOfType(components: readonly MtopComponent[], name: string): MtopComponent[] {
  const is = (value: string | undefined) => value !== undefined && (value === name || value.split(/[$:|/#]/).includes(name));
  return components.filter((c) => is(c.type) || is(c.tag));
}

/** An order id: 6 to 30 digits, as a string (a JSON number beyond 2^53 has lost its digits: not an id). */
export function orderIdOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 100_000 ? String(value) : undefined;
  const text = str(value);
  return text && /^\d{6,30}$/.test(text) ? text : undefined;
}

/** A count: a number, or digits in text ("2", "x2"). */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 1e6 ? value : undefined;
  const digits = /\d{1,6}/.exec(str(value) ?? '')?.[0];
  return digits === undefined ? undefined : Number(digits);
}

/** `fields[name]` when it is an object. */
export function objectAt(fields: Record<string, unknown> | undefined, name: string): Record<string, unknown> | undefined {
  const value = fields?.[name];
  return isObject(value) ? value : undefined;
}

/** `fields[name]` as a list of objects (other entries dropped), at most `max`. */
export function objectsAt(fields: Record<string, unknown> | undefined, name: string, max = 500): Record<string, unknown>[] {
  const value = fields?.[name];
  return Array.isArray(value) ? value.filter(isObject).slice(0, max) : [];
}

/** "Color: White, Plug: EU" from `skuAttrs: [{name, text}]` (or a text as it is). */
export function skuText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return str(value);
  const parts = value.flatMap((attr) => {
    if (!isObject(attr)) return [];
    const name = str(attr.name) ?? str(attr.attrName);
    const text = str(attr.text) ?? str(attr.value) ?? str(attr.attrValue);
    return text ? [name ? `${name}: ${text}` : text] : [];
  });
  return str(parts.join(', '));
}

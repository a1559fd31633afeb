/**
 * Taobao's "ultron" page data: `{ data: { <key>: { id, tag, type, fields } }, hierarchy: { root, structure:
 * { <key>: [child keys] } }, linkage }`, the shape of the mtop gateway's answers (the newer order list,
 * `mtop.taobao.order.queryboughtlistV2`, wraps it in `{ ret, data }`) and of the refund pages' inline
 * `var disputeData = {…}` (seen on a real, empty 2021 refund list; ../shared/docs/marketplace-pages.md).
 *
 * Components are recognised by what they are (their `tag`/`type`, or the fields they carry), never by their
 * keys: the keys change between captures (`order_<id>` in 2025, `pc_om_list_order_<id>` in 2026 on AliExpress,
 * which uses the same framework). The keys only serve as the hierarchy's references, and an id written in
 * a key is the last way to tell which order a component belongs to.
 *
 * Everything here is untrusted page data: counts and depths are bounded, odd values are skipped.
 */
import { isObject } from '../json';
import { at, idOf } from './data';

export interface Component {
  key: string;
  tag: string;
  type: string;
  fields: Record<string, unknown>;
}

export interface UltronData {
  /** Components in hierarchy order (those the hierarchy does not reach come after, in data order). */
  components: Component[];
  /** Each component key's parent key in the hierarchy. */
  parent: Map<string, string>;
  children: Map<string, string[]>;
}

const MAX_COMPONENTS = 5000;
const MAX_DEPTH = 30;

function componentOf(key: string, value: unknown): Component | undefined {
  if (!isObject(value)) return undefined;
  const fields = isObject(value.fields) ? value.fields : isObject(value.data) ? value.data : undefined;
  const tag = typeof value.tag === 'string' ? value.tag.slice(0, 200) : '';
  const type = typeof value.type === 'string' ? value.type.slice(0, 200) : '';
  if (!fields && !tag) return undefined;
  return { key, tag, type, fields: fields ?? {} };
}

/** The object holding `data` (components by key) and `hierarchy`, at the top or under `data` (mtop's envelope). */
function container(body: unknown): Record<string, unknown> | undefined {
  for (const candidate of [body, at(body, 'data'), at(body, 'data', 'data'), at(body, 'data', 'result')]) {
    if (!isObject(candidate) || !isObject(candidate.data)) continue;
    if (isObject(candidate.hierarchy) || Object.entries(candidate.data).slice(0, 50).some(([k, v]) => componentOf(k, v))) return candidate;
  }
  return undefined;
}

/** The components of an ultron body, or undefined when it is not one. Never throws. */
export function ultronData(body: unknown): UltronData | undefined {
  const root = container(body);
  if (!root) return undefined;
  const byKey = new Map<string, Component>();
  for (const [key, value] of Object.entries(root.data as Record<string, unknown>).slice(0, MAX_COMPONENTS)) {
    const component = componentOf(key, value);
    if (component) byKey.set(key, component);
  }
  if (!byKey.size) return undefined;

  const structure = at(root, 'hierarchy', 'structure');
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  if (isObject(structure)) {
    for (const [key, value] of Object.entries(structure).slice(0, MAX_COMPONENTS)) {
      if (!Array.isArray(value)) continue;
      const kids = value.filter((k): k is string => typeof k === 'string' && k !== key).slice(0, MAX_COMPONENTS);
      children.set(key, kids);
      for (const kid of kids) if (!parent.has(kid)) parent.set(kid, key);
    }
  }

  // Hierarchy order: depth first from the root (or from every key no one holds), then the rest.
  const ordered: Component[] = [];
  const seen = new Set<string>();
  const rootKey = typeof at(root, 'hierarchy', 'root') === 'string' ? (at(root, 'hierarchy', 'root') as string) : undefined;
  const starts = rootKey ? [rootKey] : [...children.keys()].filter((k) => !parent.has(k));
  const stack: [string, number][] = starts.reverse().map((k) => [k, 0]);
  while (stack.length && ordered.length < MAX_COMPONENTS) {
    const [key, depth] = stack.pop()!;
    if (seen.has(key) || depth > MAX_DEPTH) continue;
    seen.add(key);
    const component = byKey.get(key);
    if (component) ordered.push(component);
    const kids = children.get(key) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  for (const [key, component] of byKey) if (!seen.has(key)) ordered.push(component);
  return { components: ordered, parent, children };
}

/** The first of `names` that is a field of the component (text or number), as text. */
export function field(component: Component | undefined, names: readonly string[]): unknown {
  if (!component) return undefined;
  for (const name of names) {
    const value = component.fields[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** An id written in a component's key ("shopInfo_4574438817212023118"): the last way to place a component. */
export function keyId(component: Component): string | undefined {
  return /(?:^|[^\d])(\d{10,30})(?!\d)/.exec(component.key)?.[1];
}

/** A component's id by the first of `names` among its fields, or the id in its key. */
export function ownId(component: Component, names: readonly string[]): string | undefined {
  for (const name of names) {
    const id = idOf(component.fields[name]);
    if (id && id.length >= 6) return id;
  }
  return keyId(component);
}

/**
 * The components grouped by what they are about (an order, a refund), in page order. A component names its
 * group by `idOf`; one that does not belongs to the group of its nearest ancestor in the hierarchy whose
 * subtree holds exactly one id (the order's container). Components that belong to no group (the pagination,
 * a list's header) are left out.
 */
export function groups(data: UltronData, idOf: (c: Component) => string | undefined): Map<string, Component[]> {
  const own = new Map<string, string>();
  for (const c of data.components) {
    const id = idOf(c);
    if (id) own.set(c.key, id);
  }
  // The ids each hierarchy node holds in its subtree (memoised; at most two kept: one or "several").
  const held = new Map<string, Set<string>>();
  const holds = (key: string, depth = 0): Set<string> => {
    const known = held.get(key);
    if (known) return known;
    const ids = new Set<string>();
    held.set(key, ids); // guards against cycles
    const id = own.get(key);
    if (id) ids.add(id);
    if (depth < MAX_DEPTH) {
      for (const kid of data.children.get(key) ?? []) {
        for (const k of holds(kid, depth + 1)) if (ids.size < 2) ids.add(k);
        if (ids.size >= 2) break;
      }
    }
    return ids;
  };

  const result = new Map<string, Component[]>();
  for (const c of data.components) {
    let id = own.get(c.key);
    if (!id) {
      for (let key = data.parent.get(c.key), depth = 0; key !== undefined && depth < MAX_DEPTH; key = data.parent.get(key), depth++) {
        const ids = holds(key);
        if (ids.size === 0) continue;
        if (ids.size === 1) id = [...ids][0];
        break;
      }
    }
    if (!id) continue;
    const list = result.get(id);
    if (list) list.push(c);
    else result.set(id, [c]);
  }
  return result;
}

/** The words a component says it is: its tag and type. */
export function nameOf(component: Component): string {
  return `${component.tag} ${component.type}`;
}

/**
 * mtop's verdict: `ret: ["SUCCESS::调用成功"]`. An answer whose `ret` holds no SUCCESS ("FAIL_SYS_TOKEN_EXOIRED",
 * "FAIL_SYS_USER_VALIDATE", "RGV587_ERROR") carries no orders. Bodies without `ret` (asyncBought) pass.
 */
export function failedMtop(body: unknown): boolean {
  const ret = at(body, 'ret');
  if (ret === undefined) return false;
  const codes = Array.isArray(ret) ? ret : [ret];
  return !codes.some((code) => typeof code === 'string' && /^SUCCESS/i.test(code));
}

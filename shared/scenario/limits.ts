/**
 * Bounds on a scenario's size and nesting, checked by one cheap walk over the raw JSON before the schema runs.
 * Zod recurses once per level of nesting and gathers problems into arrays it spreads into calls, so a `not`
 * nested a thousand deep, or a list of 120,000 wrong items, ends in a RangeError rather than a message.
 * Each bound sits far above what a real conference needs (the largest shipped scenario is in brackets), and
 * low enough that the schema never runs out of stack on anything under it, even when every value is wrong.
 * docs/scenarios.md lists them for authors.
 */
export const LIMITS = {
  /** Characters in a scenario file (busan-2014.json: 96,111). */
  fileCharacters: 10_000_000,
  /** Lists and objects inside one another, the file's outer object counted as 1 (8). */
  depth: 32,
  /** Items in one list (193: the ITU's Member States). */
  listItems: 1_000,
  /** Keys in one object (15). */
  objectKeys: 1_000,
  /** Characters in one key (19). */
  keyCharacters: 200,
  /** Characters in one string (1,101: a briefing). */
  stringCharacters: 100_000,
  /**
   * Values in the whole scenario: strings, numbers, booleans, nulls, lists and objects (8,247: Busan with its
   * templates applied, as a log embeds it). Zod's cost, and the size of one list of its problems, grows
   * with this number; at 50,000 wrong values it still answers in a second or two.
   */
  values: 50_000,
} as const;

export type RawPath = (string | number)[];

export interface RawIssue {
  path: RawPath;
  message: string;
}

export interface RawScan {
  /** Bounds passed, each at the path where it was passed. The schema must not run when there is one. */
  limits: RawIssue[];
  /** Every "__proto__" key, by its path: zod drops such a key from a record without a word. */
  protoKeys: RawPath[];
}

interface Node {
  value: unknown;
  /** Containers from the root down to this value, this one included if it is a container. */
  depth: number;
  key: string | number;
  parent: Node | null;
}

function pathOf(node: Node): RawPath {
  const out: RawPath = [];
  for (let n: Node | null = node; n?.parent; n = n.parent) out.push(n.key);
  return out.reverse();
}

/** 1234567 → "1,234,567", the same everywhere (toLocaleString depends on the machine's locale). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Walks the raw JSON once, without recursion (its own depth is what is in question), in document order.
 * It does not look inside a list, object or text that passes a bound, and it stops at the value that passes
 * the bound on the whole.
 */
export function scanRaw(json: unknown): RawScan {
  const limits: RawIssue[] = [];
  const protoKeys: RawPath[] = [];
  const stack: Node[] = [{ value: json, depth: 0, key: "", parent: null }];
  let values = 0;
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    values += 1;
    if (values > LIMITS.values) {
      limits.push({ path: pathOf(node), message: `one value too many: a scenario holds at most ${grouped(LIMITS.values)} values (texts, numbers, lists and objects), and this one is past that` });
      break;
    }
    const value = node.value;
    if (typeof value === "string") {
      if (value.length > LIMITS.stringCharacters) {
        limits.push({ path: pathOf(node), message: `this text has ${grouped(value.length)} characters; a text in a scenario has at most ${grouped(LIMITS.stringCharacters)}` });
      }
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    const depth = node.depth + 1;
    if (depth > LIMITS.depth) {
      limits.push({ path: pathOf(node), message: `nested too deeply: a scenario nests lists, objects and predicates ("not", "all", "any") at most ${LIMITS.depth} levels deep` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > LIMITS.listItems) {
        limits.push({ path: pathOf(node), message: `this list has ${grouped(value.length)} items; a list in a scenario has at most ${grouped(LIMITS.listItems)}` });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth, key: i, parent: node });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > LIMITS.objectKeys) {
      limits.push({ path: pathOf(node), message: `this object has ${grouped(keys.length)} keys; an object in a scenario has at most ${grouped(LIMITS.objectKeys)}` });
      continue;
    }
    const record = value as Record<string, unknown>;
    const children: Node[] = [];
    for (const key of keys) {
      if (key.length > LIMITS.keyCharacters) {
        limits.push({ path: pathOf(node), message: `a key here has ${grouped(key.length)} characters ("${key.slice(0, 40)}…"); a key in a scenario has at most ${LIMITS.keyCharacters}` });
        continue;
      }
      const child: Node = { value: record[key], depth, key, parent: node };
      if (key === "__proto__") protoKeys.push(pathOf(child));
      children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return { limits, protoKeys };
}

// @uniqueItems: Smithy value equality (strings, numbers, booleans, blobs, timestamps, lists,
// maps, structures, unions) through one key per item.

import { MAX_VALUE_DEPTH } from "./limits.js";

/** Whether no two items are equal Smithy values. */
export function uniqueItems(items: readonly unknown[]): boolean {
  const seen = new Set<unknown>();
  const keys: Keys = { path: [], refs: new Map(), ids: new Map(), cycles: 0 };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = typeof item === "object" && item !== null ? "\u0000" + valueKey(item, keys) : item;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * Keys of one uniqueItems call. A list's or record's key names each nested list or record by a
 * short id standing for that one's key, and an object met again reuses its id, so an object
 * shared many times (a DAG) costs its key once and keys stay short.
 */
interface Keys {
  /** The objects on the current path: meeting one again is a cycle. */
  readonly path: unknown[];
  /** Each object's id; "" for one holding a cycle, which equals nothing, not even itself. */
  readonly refs: Map<object, string>;
  /** The id of each distinct key. */
  readonly ids: Map<string, string>;
  /** Cycles met so far: each gets a key of its own. */
  cycles: number;
}

function valueKey(v: unknown, keys: Keys): string {
  switch (typeof v) {
    case "string": return JSON.stringify(v);
    case "number": return `n${v}`;
    case "bigint": return `i${v}`;
    case "boolean": return v ? "t" : "f";
    case "object": break;
    default: return "_";
  }
  if (v === null) return "_";
  const known = keys.refs.get(v);
  if (known !== undefined) return known === "" ? `c${++keys.cycles}` : known;
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof Uint8Array) {
    let bytes = "b";
    for (let i = 0; i < v.length; i += 4096) bytes += String.fromCharCode(...v.subarray(i, i + 4096));
    return JSON.stringify(bytes);
  }
  // A value on its own path (a cycle) equals nothing else.
  const path = keys.path;
  if (path.includes(v) || path.length >= MAX_VALUE_DEPTH) return `c${++keys.cycles}`;
  const cycles = keys.cycles;
  path.push(v);
  let key: string;
  if (Array.isArray(v)) {
    key = "[";
    for (let i = 0; i < v.length; i++) key += valueKey(v[i], keys) + ",";
    key += "]";
  } else {
    const record = v as Record<string, unknown>;
    // Absent (undefined or null) members do not take part; member order does not matter.
    const names = Object.keys(record).filter((k) => record[k] != null).sort();
    key = "{";
    for (const name of names) key += JSON.stringify(name) + ":" + valueKey(record[name], keys) + ",";
    key += "}";
  }
  path.pop();
  let id = keys.ids.get(key);
  if (id === undefined) {
    id = `#${keys.ids.size}`;
    keys.ids.set(key, id);
  }
  keys.refs.set(v, keys.cycles === cycles ? id : "");
  return id;
}

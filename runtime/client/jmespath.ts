// The helpers JMESPath expressions compiled at generation time call (generator/client/jmespath.ts):
// JMESPath's data model over output values — a missing value is null, a projection drops nulls,
// truthiness as JMESPath defines it.

type Value = unknown;

const isObject = (v: Value): v is Record<string, Value> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

export const $field = (v: Value, name: string): Value => (isObject(v) ? v[name] ?? null : null);

export const $index = (v: Value, i: number): Value => (Array.isArray(v) ? v[i < 0 ? v.length + i : i] ?? null : null);

export function $project(v: Value, f: (element: Value) => Value): Value {
  if (!Array.isArray(v)) return null;
  const out: Value[] = [];
  for (const element of v) {
    const r = f(element);
    if (r !== null && r !== undefined) out.push(r);
  }
  return out;
}

export const $values = (v: Value): Value => (isObject(v) ? Object.values(v) : null);

export const $flatten = (v: Value): Value => (Array.isArray(v) ? v.flatMap((e: Value) => (Array.isArray(e) ? e : [e])) : null);

/** False for null, false, "", [] and {}; true otherwise. */
export function $truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

export function $equal(a: Value, b: Value): boolean {
  if (a === b || (a == null && b == null)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((e, i) => $equal(e, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a).filter((k) => a[k] != null);
    return keys.length === Object.keys(b).filter((k) => b[k] != null).length && keys.every((k) => $equal(a[k], b[k]));
  }
  return false;
}

/** An ordering comparison: null unless both sides are numbers. */
export function $order(a: Value, b: Value, op: "<" | "<=" | ">" | ">="): Value {
  if (typeof a !== "number" || typeof b !== "number") return null;
  return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
}

/** length(): code points of a string, elements of a list, keys of an object; null otherwise. */
export function $length(v: Value): Value {
  if (typeof v === "string") return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  return null;
}

export function $contains(subject: Value, search: Value): Value {
  if (typeof subject === "string") return typeof search === "string" && subject.includes(search);
  if (Array.isArray(subject)) return subject.some((e) => $equal(e, search));
  return null;
}

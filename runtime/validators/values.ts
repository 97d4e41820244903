// Checks of values the generated validators call for the constraints that need more than a
// comparison: string length in code points, @uniqueItems, documents, big decimal ranges.

import { MAX_VALUE_DEPTH } from "./limits.js";

/** -1 when the string's length in code points is within [min, max], else that length. */
export function stringLengthFailure(s: string, min: number, max: number): number {
  const units = s.length;
  // n UTF-16 units hold between ceil(n / 2) and n code points: most strings need no counting.
  if (units <= max && units >= 2 * min - 1) return -1;
  let points = 0;
  for (let i = 0; i < units; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < units) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points >= min && points <= max ? -1 : points;
}

/**
 * A JSON value: null, boolean, number, string, or arrays and objects of them (no cycles).
 * `valid` holds the objects already found to be documents: a shared one is checked once.
 */
export function isDocument(v: unknown, path: unknown[], valid: Set<unknown>): boolean {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return true;
  if (typeof v !== "object") return false;
  if (valid.has(v)) return true;
  if (path.length >= MAX_VALUE_DEPTH || path.includes(v)) return false;
  path.push(v);
  let ok = true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && ok; i++) ok = isDocument(v[i], path, valid);
  } else {
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!(ok = isDocument(record[key], path, valid))) break;
  }
  path.pop();
  if (ok) valid.add(v);
  return ok;
}

/** A decimal as sign, significant digits (no leading or trailing zeros) and the power of ten of the point: ±0.digits × 10^point. */
function decimalParts(s: string): [sign: number, digits: string, point: number] | undefined {
  let i = 0;
  let sign = 1;
  if (s[i] === "+" || s[i] === "-") sign = s[i++] === "-" ? -1 : 1;
  const intStart = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const intPart = s.slice(intStart, i);
  let fraction = "";
  if (s[i] === ".") {
    const start = ++i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    fraction = s.slice(start, i);
  }
  if (intPart === "" && fraction === "") return undefined;
  let exponent = 0;
  if (s[i] === "e" || s[i] === "E") {
    const start = ++i;
    if (s[i] === "+" || s[i] === "-") i++;
    const digitsStart = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === digitsStart) return undefined;
    exponent = Number(s.slice(start, i));
  }
  if (i !== s.length) return undefined;
  const all = intPart + fraction;
  let lead = 0;
  while (lead < all.length && all[lead] === "0") lead++;
  let end = all.length;
  while (end > lead && all[end - 1] === "0") end--;
  if (lead === end) return [0, "", 0];
  return [sign, all.slice(lead, end), intPart.length - lead + exponent];
}

export function isDecimal(s: string): boolean {
  return decimalParts(s) !== undefined;
}

/** Compares two decimal strings by value: negative, zero or positive. */
export function compareDecimal(a: string, b: string): number {
  const [sa, da, pa] = decimalParts(a)!;
  const [sb, db, pb] = decimalParts(b)!;
  if (sa !== sb) return sa - sb;
  if (sa === 0) return 0;
  const magnitude = pa !== pb ? pa - pb : da < db ? -1 : da > db ? 1 : 0;
  return sa * magnitude;
}

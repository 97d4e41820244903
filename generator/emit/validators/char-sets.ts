// Character sets of the compiled @pattern matchers: sorted, disjoint, inclusive [lo, hi, …]
// code point ranges, shared by the ECMAScript and the Java dialect readers.

export const MAX_UNIT = 0xffff;
export const MAX_CODE_POINT = 0x10ffff;

export function normalize(ranges: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complement(ranges: readonly number[], max: number): number[] {
  const sorted = normalize(ranges);
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < sorted.length; i += 2) {
    if (sorted[i]! > next) out.push(next, sorted[i]! - 1);
    next = sorted[i + 1]! + 1;
  }
  if (next <= max) out.push(next, max);
  return out;
}

export function intersect(a: readonly number[], b: readonly number[], max: number): number[] {
  return complement([...complement(a, max), ...complement(b, max)], max);
}

export function contains(ranges: readonly number[], c: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < ranges[2 * mid]!) hi = mid - 1;
    else if (c > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

export const DIGIT = [0x30, 0x39];
export const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// WhiteSpace and LineTerminator code points of ECMA-262 (what \s matches).
export const SPACE = normalize([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f,
  0x3000, 0x3000, 0xfeff, 0xfeff,
]);
export const LINE_TERMINATORS = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

const propertyCache = new Map<string, number[] | undefined>();

/**
 * The code points of `\p{body}` as the host's engine defines them (asked about every code point
 * once), or undefined when the engine knows no such property.
 */
export function unicodeProperty(body: string): number[] | undefined {
  if (propertyCache.has(body)) return propertyCache.get(body);
  let re: RegExp;
  try {
    re = new RegExp(`^\\p{${body}}$`, "u");
  } catch {
    propertyCache.set(body, undefined);
    return undefined;
  }
  const out: number[] = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_CODE_POINT + 1; cp++) {
    const inSet = cp <= MAX_CODE_POINT && re.test(String.fromCodePoint(cp));
    if (inSet && start < 0) start = cp;
    else if (!inSet && start >= 0) {
      out.push(start, cp - 1);
      start = -1;
    }
  }
  propertyCache.set(body, out);
  return out;
}

let unicodeCasePairs: Array<[number, number]> | undefined;

/** Pairs of distinct code points that are each other's simple upper or lower case (both ways listed). */
function casePairs(): Array<[number, number]> {
  if (unicodeCasePairs !== undefined) return unicodeCasePairs;
  const pairs: Array<[number, number]> = [];
  // Every cased letter of Unicode lies below U+20000 (the last, Adlam, ends at U+1E943).
  for (let cp = 0; cp < 0x20000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const other of [s.toUpperCase(), s.toLowerCase()]) {
      const o = other.codePointAt(0)!;
      if (o !== cp && other.length === String.fromCodePoint(o).length) pairs.push([cp, o], [o, cp]);
    }
  }
  unicodeCasePairs = pairs;
  return pairs;
}

/**
 * The set with every member's other cases added: ASCII letters only (Java's `(?i)`), or every
 * simple case mapping (Java's `(?iu)`).
 */
export function caseFold(ranges: readonly number[], unicodeCase: boolean): number[] {
  const added: number[] = [];
  if (unicodeCase) {
    for (const [from, to] of casePairs()) if (contains(ranges, from)) added.push(to, to);
  } else {
    for (let c = 0x41; c <= 0x5a; c++) {
      if (contains(ranges, c)) added.push(c + 32, c + 32);
      if (contains(ranges, c + 32)) added.push(c, c);
    }
  }
  return added.length === 0 ? [...ranges] : normalize([...ranges, ...added]);
}

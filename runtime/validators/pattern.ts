// @pattern at run time: a pattern the generator compiled (validators/regex.ts in the generator)
// to a Pike VM program, searched in time linear in the input whatever the pattern (no ReDoS).

/**
 * A compiled @pattern: flat (opcode, a, b) triples for a Pike VM. Opcodes: 0 read a character of
 * set a; 1 fork to a and b; 2 jump to a; 3 assertion a (0 start, 1 end, 2 word boundary,
 * 3 not a word boundary, 4 Java's `$`: the end or before a line break ending the input, 5 and 6
 * Java's `^` and `$` under MULTILINE); 4 match. Sets are sorted [lo, hi, …] ranges.
 */
export interface PatternProgram {
  readonly code: readonly number[];
  readonly sets: ReadonlyArray<readonly number[]>;
  readonly unicode: boolean;
  readonly anchored: boolean;
}

/**
 * Whether the pattern matches somewhere in `s` (Smithy patterns are unanchored searches). Runs
 * every thread in lockstep, so time is linear in the length of `s` whatever the pattern.
 */
export function searchPattern(r: PatternProgram, s: string): boolean {
  const code = r.code;
  const size = code.length / 3;
  let threads = new Int32Array(size);
  let nextThreads = new Int32Array(size);
  const marks = new Int32Array(size);
  const stack = new Int32Array(2 * size + 1);
  let generation = 1;
  let count = addThread(code, threads, 0, 0, s, 0, marks, generation, stack);
  if (count < 0) return true;
  for (let at = 0; at < s.length; ) {
    const c = r.unicode ? s.codePointAt(at)! : s.charCodeAt(at);
    const after = at + (c > 0xffff ? 2 : 1);
    generation++;
    let nextCount = 0;
    for (let t = 0; t < count; t++) {
      const pc = threads[t]!;
      if (inSet(r.sets[code[pc * 3 + 1]!]!, c)) {
        nextCount = addThread(code, nextThreads, nextCount, pc + 1, s, after, marks, generation, stack);
        if (nextCount < 0) return true;
      }
    }
    if (!r.anchored) {
      nextCount = addThread(code, nextThreads, nextCount, 0, s, after, marks, generation, stack);
      if (nextCount < 0) return true;
    } else if (nextCount === 0) return false;
    const swap = threads;
    threads = nextThreads;
    nextThreads = swap;
    count = nextCount;
    at = after;
  }
  return false;
}

/** Adds `pc` and what it reaches without reading (at position `at`) to the list; -1 when that reaches a match. */
function addThread(code: readonly number[], list: Int32Array, count: number, pc: number, s: string, at: number, marks: Int32Array, generation: number, stack: Int32Array): number {
  let top = 0;
  stack[top++] = pc;
  while (top > 0) {
    const p = stack[--top]!;
    if (marks[p] === generation) continue;
    marks[p] = generation;
    switch (code[p * 3]) {
      case 0: list[count++] = p; break;
      case 1: stack[top++] = code[p * 3 + 2]!; stack[top++] = code[p * 3 + 1]!; break;
      case 2: stack[top++] = code[p * 3 + 1]!; break;
      case 3: if (assertion(code[p * 3 + 1]!, s, at)) stack[top++] = p + 1; break;
      default: return -1;
    }
  }
  return count;
}

function assertion(kind: number, s: string, at: number): boolean {
  if (kind === 0) return at === 0;
  if (kind === 1) return at === s.length;
  if (kind === 4) return beforeFinalLineBreak(s, at);
  if (kind === 5) return javaLineStart(s, at);
  if (kind === 6) return javaLineEnd(s, at);
  const before = at > 0 && isWordUnit(s.charCodeAt(at - 1));
  const after = at < s.length && isWordUnit(s.charCodeAt(at));
  return kind === 2 ? before !== after : before === after;
}

/** The end, or a line break (`\r\n` or one of \n \r \u0085 \u2028 \u2029) that ends the input, as Java's `$` reads it. */
function beforeFinalLineBreak(s: string, at: number): boolean {
  const rest = s.length - at;
  if (rest === 0) return true;
  const c = s.charCodeAt(at);
  if (rest === 2) return c === 13 && s.charCodeAt(at + 1) === 10;
  if (rest !== 1) return false;
  if (c === 10) return at === 0 || s.charCodeAt(at - 1) !== 13;
  return c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** After a line break (never inside `\r\n`) or at the start, but never at the end: Java's `^` under (?m). */
function javaLineStart(s: string, at: number): boolean {
  if (at === s.length) return false;
  if (at === 0) return true;
  const c = s.charCodeAt(at - 1);
  if (c === 13) return s.charCodeAt(at) !== 10;
  return c === 10 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Before a line break (never inside `\r\n`) or at the end: Java's `$` under (?m). */
function javaLineEnd(s: string, at: number): boolean {
  if (at === s.length) return true;
  const c = s.charCodeAt(at);
  if (c === 10) return at === 0 || s.charCodeAt(at - 1) !== 13;
  return c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function inSet(ranges: readonly number[], c: number): boolean {
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

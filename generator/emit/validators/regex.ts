// @pattern values compiled at generation time into a program for a Pike VM (Thompson NFA
// simulation) that the generated code runs: matching is linear in the input, so an evil pattern
// such as `^([0-9]+)+$` cannot hang a server the way a backtracking engine (V8's) does.
// Backreferences and lookaround have no linear-time form; such patterns (which Smithy tells
// authors to avoid) keep the native RegExp. Java-dialect patterns are read by java-regex.ts.

import { complement, DIGIT, LINE_TERMINATORS, MAX_CODE_POINT, MAX_UNIT, normalize, SPACE, unicodeProperty, WORD } from "./char-sets.js";
import { javaOnlySyntax, parseJavaPattern, Untranslatable } from "./java-regex.js";
import { PatternReader } from "./pattern-reader.js";
import { ASSERT, needsBacktracking, OP, toEcmaSource, type Node } from "./regex-tree.js";

export { ASSERT, OP } from "./regex-tree.js";

export interface CompiledPattern {
  /** Flat triples: opcode, a, b. */
  readonly code: number[];
  /** Character sets as sorted, disjoint, inclusive [lo, hi, lo, hi, …] ranges. */
  readonly sets: number[][];
  /** Iterate the input by code point (the pattern compiles with the `u` flag) or by UTF-16 unit. */
  readonly unicode: boolean;
  /** Every alternative starts with `^`: no thread needs to start after position 0. */
  readonly anchored: boolean;
}

export type PatternPlan =
  | { readonly kind: "vm"; readonly program: CompiledPattern }
  | { readonly kind: "native"; readonly source: string; readonly flags: string; readonly reason: string }
  /** A Java-dialect construct with no translation: the check is left out (and the user warned). */
  | { readonly kind: "skip"; readonly reason: string };

class Unsupported extends Error {}

/** Programs larger than this (huge counted repetitions) keep the native RegExp. */
const MAX_PROGRAM = 20_000;

/**
 * Plans how the generated code tests a pattern. Smithy specifies ECMAScript regular expressions,
 * but models checked by Smithy's Java tooling carry Java's dialect: a pattern is read as
 * ECMAScript when it is one (in `u` mode, or outside it without Java-only syntax that Annex B
 * would misread), else as Java. Throws a plain Error when it is neither.
 */
export function planPattern(pattern: string): PatternPlan {
  if (compiles(pattern, "u")) return planEcma(pattern, true);
  const javaOnly = javaOnlySyntax(pattern);
  if (javaOnly === undefined && compiles(pattern, "")) return planEcma(pattern, false);
  let node: Node;
  try {
    node = parseJavaPattern(pattern);
  } catch (e) {
    if (e instanceof Untranslatable) return { kind: "skip", reason: e.message };
    const ecma = javaOnly !== undefined ? `it uses Java's ${javaOnly}` : ecmaError(pattern);
    throw new Error(`@pattern is not a regular expression: as ECMAScript ${ecma}; as Java: ${(e as Error).message}`);
  }
  const backtracking = needsBacktracking(node);
  const program = backtracking ? undefined : compile(node, true);
  if (program !== undefined && program.code.length / 3 <= MAX_PROGRAM) return { kind: "vm", program };
  const reason = backtracking ? "it uses lookaround, a backreference or an atomic group" : "its counted repetitions are too large to expand";
  return { kind: "native", source: toEcmaSource(node), flags: "u", reason: `${reason}; translated from Java's dialect` };
}

function ecmaError(pattern: string): string {
  try {
    new RegExp(pattern);
    return "it is valid";
  } catch (e) {
    return (e as Error).message;
  }
}

function planEcma(pattern: string, unicode: boolean): PatternPlan {
  const flags = unicode ? "u" : "";
  try {
    const node = new Parser(pattern, unicode).parse();
    const program = compile(node, unicode);
    if (program.code.length / 3 > MAX_PROGRAM) return { kind: "native", source: pattern, flags, reason: "its counted repetitions are too large to expand" };
    return { kind: "vm", program };
  } catch (e) {
    if (e instanceof Unsupported) return { kind: "native", source: pattern, flags, reason: e.message };
    throw e;
  }
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- parser

class Parser extends PatternReader {
  private readonly max: number;

  constructor(
    src: string,
    private readonly unicode: boolean,
  ) {
    super(src);
    this.max = unicode ? MAX_CODE_POINT : MAX_UNIT;
  }

  parse(): Node {
    const node = this.disjunction();
    if (this.pos < this.src.length) throw new Error(`unexpected ${this.src[this.pos]} at ${this.pos}`);
    return node;
  }

  protected term(): Node {
    const c = this.peek()!;
    switch (c) {
      case "^": this.pos++; return { t: "assert", kind: ASSERT.start };
      case "$": this.pos++; return { t: "assert", kind: ASSERT.end };
      case ".": this.pos++; return { t: "set", ranges: complement(LINE_TERMINATORS, this.max) };
      case "[": return { t: "set", ranges: this.characterClass() };
      case "(": return this.group();
      case "\\": return this.atomEscape();
      default: return { t: "set", ranges: this.literal(this.readChar()) };
    }
  }

  private group(): Node {
    this.pos++;
    if (this.peek() === "?") {
      const kind = this.peek(1);
      if (kind === ":") this.pos += 2;
      else if (kind === "<" && this.peek(2) !== "=" && this.peek(2) !== "!") {
        const close = this.src.indexOf(">", this.pos);
        this.pos = close + 1;
      } else throw new Unsupported("it uses lookaround");
    }
    const node = this.disjunction();
    if (this.peek() !== ")") throw new Error(`unclosed group at ${this.pos}`);
    this.pos++;
    return node;
  }

  protected quantified(atom: Node): Node {
    const bounds = this.quantifierBounds();
    if (bounds === "none" || bounds === "malformed") return atom; // Annex B: a literal brace (the native engine accepted the pattern)
    if (this.peek() === "?") this.pos++; // laziness does not change whether a match exists
    if (atom.t === "assert") return bounds.max === 0 || bounds.min === 0 ? { t: "seq", items: [] } : atom;
    return { t: "rep", node: atom, ...bounds };
  }

  /** One pattern character: a code point in unicode mode, a UTF-16 unit otherwise. */
  private readChar(): number {
    const cp = this.unicode ? this.src.codePointAt(this.pos)! : this.src.charCodeAt(this.pos);
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private literal(cp: number): number[] {
    return [cp, cp];
  }

  private atomEscape(): Node {
    const c = this.peek(1);
    if (c === "b" || c === "B") {
      this.pos += 2;
      return { t: "assert", kind: c === "b" ? ASSERT.wordBoundary : ASSERT.notWordBoundary };
    }
    if (c !== undefined && /[1-9]/.test(c)) throw new Unsupported("it uses a backreference");
    if (c === "k" && (this.unicode || this.src.includes("(?<"))) throw new Unsupported("it uses a backreference");
    return { t: "set", ranges: this.characterEscape(false) };
  }

  /** An escape after `\` (at this.pos) as a set; `inClass` makes `\b` a backspace and `\-` a dash. */
  private characterEscape(inClass: boolean): number[] {
    this.pos++; // the backslash
    const c = this.src[this.pos]!;
    this.pos++;
    switch (c) {
      case "d": return DIGIT;
      case "D": return complement(DIGIT, this.max);
      case "w": return WORD;
      case "W": return complement(WORD, this.max);
      case "s": return SPACE;
      case "S": return complement(SPACE, this.max);
      case "t": return this.literal(0x09);
      case "n": return this.literal(0x0a);
      case "v": return this.literal(0x0b);
      case "f": return this.literal(0x0c);
      case "r": return this.literal(0x0d);
      case "b": if (inClass) return this.literal(0x08); break;
      case "0": if (!/[0-9]/.test(this.peek() ?? "")) return this.literal(0); break;
      case "c": {
        const letter = this.peek();
        if (letter !== undefined && /[A-Za-z]/.test(letter)) {
          this.pos++;
          return this.literal(letter.charCodeAt(0) % 32);
        }
        this.pos--; // Annex B: `\c` not followed by a letter is a backslash then `c`
        return this.literal(0x5c);
      }
      case "x": {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (hex !== null) {
          this.pos += 2;
          return this.literal(parseInt(hex[0], 16));
        }
        break;
      }
      case "u": return this.literal(this.unicodeEscape());
      case "p": case "P": {
        if (!this.unicode) break;
        const close = this.src.indexOf("}", this.pos);
        const body = this.src.slice(this.pos + 1, close);
        this.pos = close + 1;
        const set = unicodeProperty(body)!; // the native engine accepted it
        return c === "p" ? set : complement(set, this.max);
      }
    }
    if (/[0-9]/.test(c) && !this.unicode) {
      // Annex B legacy octal escape (only reached in classes: outside, \1-\9 are backreferences).
      const oct = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))![0];
      this.pos += oct.length;
      return this.literal(parseInt(c + oct, 8) & 0xff);
    }
    // Identity escape: the character itself (the native engine already vetted it).
    this.pos--;
    return this.literal(this.readChar());
  }

  /** `\uXXXX`, `\u{…}` (unicode), or a surrogate pair of two `\uXXXX` (unicode); pos is after `u`. */
  private unicodeEscape(): number {
    const rest = this.src.slice(this.pos);
    const braced = this.unicode ? /^\{([0-9A-Fa-f]+)\}/.exec(rest) : null;
    if (braced !== null) {
      this.pos += braced[0].length;
      return parseInt(braced[1]!, 16);
    }
    const four = /^[0-9A-Fa-f]{4}/.exec(rest);
    if (four === null) return 0x75; // Annex B: `\u` alone is `u`
    this.pos += 4;
    const unit = parseInt(four[0], 16);
    const low = this.unicode && unit >= 0xd800 && unit <= 0xdbff ? /^\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})/.exec(this.src.slice(this.pos)) : null;
    if (low !== null) {
      this.pos += 6;
      return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
    }
    return unit;
  }

  private characterClass(): number[] {
    const negate = this.classOpening();
    const ranges: number[] = [];
    while (this.peek() !== "]") {
      if (this.pos >= this.src.length) throw new Error("unclosed character class");
      const from = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos++;
        const to = this.classAtom();
        if (isSingle(from) && isSingle(to)) {
          ranges.push(from[0]!, to[0]!);
        } else {
          // Annex B: a class escape as a range end makes `-` a literal.
          ranges.push(...from, 0x2d, 0x2d, ...to);
        }
      } else ranges.push(...from);
    }
    this.pos++; // ]
    return negate ? complement(ranges, this.max) : normalize(ranges);
  }

  private classAtom(): number[] {
    if (this.peek() === "\\") return this.characterEscape(true);
    return this.literal(this.readChar());
  }
}

function isSingle(set: number[]): boolean {
  return set.length === 2 && set[0] === set[1];
}

// ---------------------------------------------------------------- compiler

function compile(node: Node, unicode: boolean): CompiledPattern {
  const code: number[] = [];
  const sets: number[][] = [];
  const setIndex = new Map<string, number>();
  const emit = (op: number, a = 0, b = 0): number => {
    code.push(op, a, b);
    return code.length / 3 - 1;
  };
  const patch = (pc: number, slot: 1 | 2, target: number) => {
    code[pc * 3 + slot] = target;
  };
  const here = () => code.length / 3;
  const gen = (n: Node): void => {
    if (here() > MAX_PROGRAM) return; // planPattern falls back to the native engine
    switch (n.t) {
      case "set": {
        const key = n.ranges.join(",");
        let index = setIndex.get(key);
        if (index === undefined) {
          index = sets.length;
          sets.push(n.ranges);
          setIndex.set(key, index);
        }
        emit(OP.char, index);
        return;
      }
      case "assert":
        emit(OP.assert, n.kind);
        return;
      case "seq":
        for (const item of n.items) gen(item);
        return;
      case "alt": {
        const jumps: number[] = [];
        for (let i = 0; i < n.alts.length - 1; i++) {
          const split = emit(OP.split);
          patch(split, 1, here());
          gen(n.alts[i]!);
          jumps.push(emit(OP.jump));
          patch(split, 2, here());
        }
        gen(n.alts[n.alts.length - 1]!);
        for (const j of jumps) patch(j, 1, here());
        return;
      }
      case "group":
        gen(n.node);
        return;
      case "look":
      case "backref":
      case "atomic":
        throw new Error("lookaround, backreferences and atomic groups run on the native RegExp");
      case "rep": {
        for (let i = 0; i < n.min; i++) gen(n.node);
        if (n.max === Infinity) {
          const split = emit(OP.split);
          patch(split, 1, here());
          gen(n.node);
          emit(OP.jump, split);
          patch(split, 2, here());
        } else {
          const splits: number[] = [];
          for (let i = n.min; i < n.max; i++) {
            const split = emit(OP.split);
            patch(split, 1, here());
            splits.push(split);
            gen(n.node);
          }
          for (const s of splits) patch(s, 2, here());
        }
        return;
      }
    }
  };
  gen(node);
  emit(OP.match);
  return { code, sets, unicode, anchored: startsAnchored(node) };
}

/** Whether every way through the pattern begins with `^`. */
function startsAnchored(n: Node): boolean {
  switch (n.t) {
    case "assert": return n.kind === ASSERT.start;
    case "set": return false;
    case "seq": return n.items.length > 0 && startsAnchored(n.items[0]!);
    case "alt": return n.alts.every(startsAnchored);
    case "rep": return n.min > 0 && startsAnchored(n.node);
    case "group": case "atomic": return startsAnchored(n.node);
    case "look": case "backref": return false;
  }
}

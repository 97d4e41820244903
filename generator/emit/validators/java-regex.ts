// Reads @patterns written in Java's regex dialect (java.util.regex.Pattern), which real AWS
// models use because Smithy's reference implementation checks patterns with it: inline flags
// `(?i)` `(?s)` (whole-pattern or scoped), quantified anchors (`…${2,64}`), `\p{Alpha}`-style
// POSIX classes, `\Q…\E`, `\A` `\z` `\Z`, class unions and intersections (`[a-z&&[^e]]`).
// The result is the same tree the ECMAScript reader makes, with Java's meanings built in (ASCII
// `\s`, `$` before a final line break, case folding as sets), so it compiles to the same
// linear-time matcher (or, with lookaround, backreferences or atomic groups, into ECMAScript
// source for the native RegExp). Constructs with no sound translation throw Untranslatable.

import { PatternReader } from "./pattern-reader.js";
import { ASSERT, type Node } from "./regex-tree.js";
import { caseFold, complement, DIGIT, intersect, MAX_CODE_POINT, normalize, unicodeProperty, WORD } from "./char-sets.js";

/** A Java construct the generated validators cannot check; the message names it. */
export class Untranslatable extends Error {}

/** Java letters after `\` that ECMAScript reads as something else (or, outside `u` mode, as the letter itself). */
const JAVA_ONLY_ESCAPES = /\\[pPQEzZAGhHRXeaNV]/;

/**
 * The Java-only construct in a pattern that ECMAScript (outside `u` mode) accepts with another
 * meaning, or undefined. `\p{Print}` is a property in Java but `p{Print}` to Annex B.
 */
export function javaOnlySyntax(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      if (JAVA_ONLY_ESCAPES.test(pattern.slice(i, i + 2))) return `the escape ${pattern.slice(i, i + 2)}`;
      i++;
    } else if (inClass) {
      if (c === "[") return "a nested character class";
      if (c === "&" && pattern[i + 1] === "&") return "a character class intersection";
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
      if (pattern[i + 1] === "^") i++;
      if (pattern[i + 1] === "]") i++; // ES: `[]` is empty; Java: a leading `]` is literal. Either way not a nesting.
    }
  }
  return undefined;
}

// The flags Java lets a pattern set inline. Those without a case here are rejected where they matter.
interface Flags {
  readonly i: boolean; // CASE_INSENSITIVE
  readonly u: boolean; // UNICODE_CASE
  readonly s: boolean; // DOTALL
  readonly m: boolean; // MULTILINE
  readonly d: boolean; // UNIX_LINES
  readonly U: boolean; // UNICODE_CHARACTER_CLASS
}

const NO_FLAGS: Flags = { i: false, u: false, s: false, m: false, d: false, U: false };

// Java's line terminators: what `.` skips and what `$` may stand before.
const JAVA_LINE_TERMINATORS = [0x0a, 0x0a, 0x0d, 0x0d, 0x85, 0x85, 0x2028, 0x2029];
const JAVA_SPACE = [0x09, 0x0d, 0x20, 0x20];
const HORIZONTAL_SPACE = normalize([0x09, 0x09, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x180e, 0x180e, 0x2000, 0x200a, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000]);
const VERTICAL_SPACE = normalize([0x0a, 0x0d, 0x85, 0x85, 0x2028, 0x2029]);

const ALPHA = [0x41, 0x5a, 0x61, 0x7a];
const PUNCT = [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e];
/** Java's POSIX classes (US-ASCII only, as without UNICODE_CHARACTER_CLASS). */
const POSIX: Readonly<Record<string, readonly number[]>> = {
  Lower: [0x61, 0x7a],
  Upper: [0x41, 0x5a],
  ASCII: [0x00, 0x7f],
  Alpha: ALPHA,
  Digit: DIGIT,
  Alnum: normalize([...ALPHA, ...DIGIT]),
  Punct: PUNCT,
  Graph: normalize([...ALPHA, ...DIGIT, ...PUNCT]),
  Print: normalize([...ALPHA, ...DIGIT, ...PUNCT, 0x20, 0x20]),
  Blank: [0x09, 0x09, 0x20, 0x20],
  Cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  XDigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
  Space: JAVA_SPACE,
};

/** Parses a Java-dialect pattern. Throws Untranslatable, or an Error for a pattern Java rejects too. */
export function parseJavaPattern(src: string): Node {
  return new JavaParser(src).parse();
}

class JavaParser extends PatternReader {
  private flags: Flags = NO_FLAGS;
  private groups = 0;
  private lookbehinds = 0;
  /** Capturing groups already closed: a backreference inside its own group differs between the dialects. */
  private readonly closed = new Set<number>();
  private readonly names = new Map<string, number>();

  parse(): Node {
    const node = this.disjunction();
    if (this.pos < this.src.length) throw new Error(`unmatched ) at ${this.pos}`);
    checkBackreferences(node);
    return node;
  }

  private fail(message: string): never {
    throw new Error(`${message} at ${this.pos}`);
  }

  protected term(): Node {
    const c = this.peek()!;
    switch (c) {
      case "^":
        this.pos++;
        if (!this.flags.m) return { t: "assert", kind: ASSERT.start };
        if (this.flags.d) throw new Untranslatable("`^` under Java's UNIX_LINES flag (?d) is not translated");
        return { t: "assert", kind: ASSERT.javaLineStart };
      case "$":
        this.pos++;
        return this.dollar(this.flags.m);
      case ".":
        this.pos++;
        if (this.flags.s) return { t: "set", ranges: [0, MAX_CODE_POINT] };
        if (this.flags.d) throw new Untranslatable("`.` under Java's UNIX_LINES flag (?d) is not translated");
        return { t: "set", ranges: complement(JAVA_LINE_TERMINATORS, MAX_CODE_POINT) };
      case "[":
        return { t: "set", ranges: this.characterClass() };
      case "(":
        return this.group();
      case "\\":
        return this.escape();
      case "*": case "+": case "?": case "{":
        return this.fail("dangling quantifier");
      default:
        return this.set(this.literal(this.readChar()));
    }
  }

  /** Java's `$` (and `\Z`, never multiline): the end, or before a line break that ends the input, or any line's end. */
  private dollar(multiline: boolean): Node {
    if (this.flags.d) throw new Untranslatable("`$` under Java's UNIX_LINES flag (?d) is not translated");
    return { t: "assert", kind: multiline ? ASSERT.javaLineEnd : ASSERT.javaEnd };
  }

  /** A set as the current flags read it: case-folded under (?i). */
  private set(ranges: number[]): Node {
    return { t: "set", ranges: this.fold(ranges) };
  }

  private fold(ranges: number[]): number[] {
    return this.flags.i ? caseFold(ranges, this.flags.u) : ranges;
  }

  private group(): Node {
    this.pos++; // (
    const saved = this.flags;
    let node: Node;
    if (this.peek() !== "?") {
      const index = ++this.groups;
      node = { t: "group", index, node: this.disjunction() };
    } else {
      const rest = this.src.slice(this.pos + 1);
      const named = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(rest);
      const flagged = /^([idmsuxUc]*)(?:-([idmsuxUc]*))?([:)])/.exec(rest);
      if (rest.startsWith(":")) {
        this.pos += 2;
        node = this.disjunction();
      } else if (named !== null) {
        this.pos += 1 + named[0].length;
        const index = ++this.groups;
        this.names.set(named[1]!, index);
        node = { t: "group", index, node: this.disjunction() };
      } else if (/^(=|!|<=|<!)/.test(rest)) {
        const kind = /^(=|!|<=|<!)/.exec(rest)![0];
        this.pos += 1 + kind.length;
        const behind = kind.startsWith("<");
        if (behind) this.lookbehinds++;
        node = { t: "look", behind, negate: kind.endsWith("!"), node: this.disjunction() };
        if (behind) this.lookbehinds--;
      } else if (rest.startsWith(">")) {
        this.pos += 2;
        node = this.atomic(this.disjunction());
      } else if (flagged !== null && (flagged[1] !== "" || flagged[2] !== undefined)) {
        this.pos += 1 + flagged[0].length;
        const flags = this.applyFlags(flagged[1]!, flagged[2] ?? "");
        if (flagged[3] === ")") {
          // `(?i)`: the rest of the enclosing group reads with these flags.
          this.flags = flags;
          return { t: "seq", items: [] };
        }
        this.flags = flags;
        node = this.disjunction();
      } else {
        return this.fail("unknown group construct");
      }
    }
    if (this.peek() !== ")") this.fail("unclosed group");
    this.pos++;
    this.flags = saved;
    if (node.t === "group") this.closed.add(node.index);
    return node;
  }

  private applyFlags(on: string, off: string): Flags {
    const next: Record<string, boolean> = { ...this.flags };
    for (const [letters, value] of [[on, true], [off, false]] as const) {
      for (const f of letters) {
        if (f === "x") throw new Untranslatable("Java's COMMENTS flag (?x) is not translated");
        if (f === "c") throw new Untranslatable("Java's CANON_EQ flag (?c) is not translated");
        next[f] = value;
      }
    }
    return next as unknown as Flags;
  }

  protected quantified(atom: Node): Node {
    const bounds = this.quantifierBounds();
    if (bounds === "none") return atom;
    if (bounds === "malformed") return this.fail("malformed counted repetition");
    if (bounds.max < bounds.min) this.fail("counted repetition with max below min");
    const possessive = this.peek() === "+";
    if (possessive || this.peek() === "?") this.pos++; // laziness does not change whether a match exists
    // A repeated zero-width assertion holds once or, when it may repeat zero times, always.
    if (atom.t === "assert" || atom.t === "look") return bounds.min === 0 ? { t: "seq", items: [] } : atom;
    const rep: Node = { t: "rep", node: atom, ...bounds };
    return possessive ? this.atomic(rep) : rep; // `X*+` is `(?>X*)`
  }

  /** An atomic group: it runs on the native RegExp, which can express it (regex-tree.ts). */
  private atomic(node: Node): Node {
    // Inside a lookbehind ECMAScript matches backwards, where the emulation does not hold.
    if (this.lookbehinds > 0) throw new Untranslatable("an atomic group or possessive quantifier inside a lookbehind is not translated");
    return { t: "atomic", node };
  }

  private readChar(): number {
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private literal(cp: number): number[] {
    return [cp, cp];
  }

  private escape(): Node {
    const c = this.peek(1);
    if (c === undefined) return this.fail("trailing backslash");
    switch (c) {
      case "b": case "B":
        this.pos += 2;
        if (this.flags.U) throw new Untranslatable("`\\b` under Java's UNICODE_CHARACTER_CLASS flag (?U) is not translated");
        return { t: "assert", kind: c === "b" ? ASSERT.wordBoundary : ASSERT.notWordBoundary };
      case "A": case "G": // \G is where the search began: the start, for the one search a validator runs
        this.pos += 2;
        return { t: "assert", kind: ASSERT.start };
      case "z":
        this.pos += 2;
        return { t: "assert", kind: ASSERT.end };
      case "Z":
        this.pos += 2;
        return this.dollar(false);
      case "Q":
        return this.quoted();
      case "k": {
        const m = /^\\k<([A-Za-z][A-Za-z0-9]*)>/.exec(this.src.slice(this.pos));
        const index = m === null ? undefined : this.names.get(m[1]!);
        if (index === undefined) return this.fail("backreference to an unknown group");
        this.pos += m![0].length;
        return this.backreference(index);
      }
      case "R": case "X": case "N":
        throw new Untranslatable(`Java's \\${c} is not translated`);
    }
    if (/[1-9]/.test(c)) {
      this.pos += 2;
      let index = Number(c);
      // Java reads more digits while they still name an existing group.
      while (/[0-9]/.test(this.peek() ?? "") && index * 10 + Number(this.peek()) <= this.groups) index = index * 10 + Number(this.src[this.pos++]);
      if (index > this.groups) return this.fail("backreference to a group that does not exist yet");
      return this.backreference(index);
    }
    return this.set(this.characterEscape());
  }

  private backreference(index: number): Node {
    if (this.flags.i) throw new Untranslatable("a backreference under (?i) is not translated");
    if (!this.closed.has(index)) throw new Untranslatable("a backreference inside its own group is not translated");
    return { t: "backref", index };
  }

  /** `\Q…\E`: every character literal. */
  private quoted(): Node {
    this.pos += 2;
    const end = this.src.indexOf("\\E", this.pos);
    const text = this.src.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.src.length : end + 2;
    return { t: "seq", items: [...text].map((ch) => this.set(this.literal(ch.codePointAt(0)!))) };
  }

  /** A character or class escape (pos at the backslash) as a set. */
  private characterEscape(): number[] {
    this.pos++;
    const c = this.src[this.pos]!;
    this.pos++;
    const unicodeClasses = (what: string) => {
      if (this.flags.U) throw new Untranslatable(`\\${what} under Java's UNICODE_CHARACTER_CLASS flag (?U) is not translated`);
    };
    switch (c) {
      case "d": unicodeClasses(c); return DIGIT;
      case "D": unicodeClasses(c); return complement(DIGIT, MAX_CODE_POINT);
      case "w": unicodeClasses(c); return WORD;
      case "W": unicodeClasses(c); return complement(WORD, MAX_CODE_POINT);
      case "s": unicodeClasses(c); return JAVA_SPACE;
      case "S": unicodeClasses(c); return complement(JAVA_SPACE, MAX_CODE_POINT);
      case "h": return HORIZONTAL_SPACE;
      case "H": return complement(HORIZONTAL_SPACE, MAX_CODE_POINT);
      case "v": return VERTICAL_SPACE;
      case "V": return complement(VERTICAL_SPACE, MAX_CODE_POINT);
      case "t": return this.literal(0x09);
      case "n": return this.literal(0x0a);
      case "r": return this.literal(0x0d);
      case "f": return this.literal(0x0c);
      case "a": return this.literal(0x07);
      case "e": return this.literal(0x1b);
      case "0": {
        const oct = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(this.src.slice(this.pos));
        if (oct === null) return this.fail("\\0 without octal digits");
        this.pos += oct[0].length;
        return this.literal(parseInt(oct[0], 8));
      }
      case "x": {
        const m = /^(?:([0-9A-Fa-f]{2})|\{([0-9A-Fa-f]+)\})/.exec(this.src.slice(this.pos));
        if (m === null) return this.fail("malformed \\x escape");
        this.pos += m[0].length;
        const cp = parseInt(m[1] ?? m[2]!, 16);
        if (cp > MAX_CODE_POINT) return this.fail("\\x{…} beyond Unicode");
        return this.literal(cp);
      }
      case "u": {
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
        if (m === null) return this.fail("malformed \\u escape");
        this.pos += 4;
        const unit = parseInt(m[0], 16);
        const low = unit >= 0xd800 && unit <= 0xdbff ? /^\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})/.exec(this.src.slice(this.pos)) : null;
        if (low !== null) {
          this.pos += 6;
          return this.literal(0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00));
        }
        return this.literal(unit);
      }
      case "c": {
        const ch = this.peek();
        if (ch === undefined) return this.fail("\\c at the end");
        this.pos++;
        return this.literal(ch.charCodeAt(0) ^ 64);
      }
      case "p": case "P": {
        const set = this.property();
        return c === "p" ? set : complement(set, MAX_CODE_POINT);
      }
    }
    // Java lets any other non-letter, non-digit stand for itself; an undefined letter is an error.
    if (/[A-Za-z0-9]/.test(c)) return this.fail(`unknown escape \\${c}`);
    this.pos--;
    return this.literal(this.readChar());
  }

  /** The body of `\p{…}` or `\pL` (pos after the `p`). */
  private property(): number[] {
    let name: string;
    if (this.peek() === "{") {
      const close = this.src.indexOf("}", this.pos);
      if (close < 0) return this.fail("unclosed \\p{");
      name = this.src.slice(this.pos + 1, close);
      this.pos = close + 1;
    } else {
      name = this.src[this.pos] ?? "";
      this.pos++;
    }
    const posix = POSIX[name];
    if (posix !== undefined && this.flags.U) throw new Untranslatable(`\\p{${name}} under Java's UNICODE_CHARACTER_CLASS flag (?U) is not translated`);
    if (posix !== undefined) return [...posix];
    const set = javaUnicodeProperty(name);
    if (set === undefined) throw new Untranslatable(`the property \\p{${name}} is not translated`);
    return set;
  }

  private characterClass(): number[] {
    const negate = this.classOpening();
    let acc: number[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return this.fail("unclosed character class");
      if (c === "]" && !first) break;
      first = false;
      if (c === "[") {
        acc.push(...this.characterClass());
      } else if (c === "&" && this.peek(1) === "&") {
        this.pos += 2;
        const right = this.classOperand();
        acc = intersect(normalize(acc), right, MAX_CODE_POINT);
      } else {
        acc.push(...this.classRange());
      }
    }
    this.pos++; // ]
    const set = normalize(acc);
    return negate ? complement(set, MAX_CODE_POINT) : set;
  }

  /** The right side of `&&`: items up to the next `&&` or the closing `]`. */
  private classOperand(): number[] {
    const out: number[] = [];
    while (this.peek() !== "]" && !(this.peek() === "&" && this.peek(1) === "&")) {
      if (this.peek() === undefined) return this.fail("unclosed character class");
      out.push(...(this.peek() === "[" ? this.characterClass() : this.classRange()));
    }
    return normalize(out);
  }

  /** One class atom or `a-b` range, case-folded under (?i). */
  private classRange(): number[] {
    const from = this.classAtom();
    if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "[" && this.peek(1) !== undefined && from.single) {
      const save = this.pos;
      this.pos++;
      const to = this.classAtom();
      if (!to.single) {
        this.pos = save; // `[a-\d]`: Java rejects it
        return this.fail("illegal character range");
      }
      if (to.set[0]! < from.set[0]!) return this.fail("illegal character range");
      return this.fold([from.set[0]!, to.set[0]!]);
    }
    return this.fold(from.set);
  }

  private classAtom(): { set: number[]; single: boolean } {
    if (this.peek() === "\\") {
      if (this.peek(1) === "Q") {
        const node = this.quoted();
        const set = normalize(node.t === "seq" ? node.items.flatMap((n) => (n.t === "set" ? n.ranges : [])) : []);
        return { set, single: false };
      }
      const escaped = this.peek(1) ?? "";
      const set = this.characterEscape();
      return { set, single: !/[dDwWsShHvVpP]/.test(escaped) };
    }
    return { set: this.literal(this.readChar()), single: true };
  }
}

/**
 * A Java backreference to a group that took no part in the match fails; ECMAScript's matches the
 * empty string. They agree when the group always takes part (it sits in no alternative, optional
 * repetition or negative lookaround), so only such backreferences are translated.
 */
function checkBackreferences(root: Node): void {
  const certain = new Set<number>();
  const refs: number[] = [];
  const walk = (n: Node, always: boolean): void => {
    switch (n.t) {
      case "group":
        if (always) certain.add(n.index);
        return walk(n.node, always);
      case "backref": refs.push(n.index); return;
      case "seq": return n.items.forEach((item) => walk(item, always));
      case "alt": return n.alts.forEach((alt) => walk(alt, false));
      case "rep": return walk(n.node, always && n.min > 0);
      case "look": return walk(n.node, always && !n.negate);
      case "atomic": return walk(n.node, always);
      case "set": case "assert": return;
    }
  };
  walk(root, true);
  if (refs.some((index) => !certain.has(index))) {
    throw new Untranslatable("a backreference to a group that may take no part in the match is not translated (Java fails it, ECMAScript matches it empty)");
  }
}

/**
 * Java's Unicode property names as the host engine knows them: general categories (`L`, `IsLu`,
 * `gc=Lu`), scripts (`IsLatin`, `sc=Latin`) and binary properties (`IsAlphabetic`). Blocks
 * (`InGreek`) and the `java…` methods have no ECMAScript equivalent.
 */
function javaUnicodeProperty(name: string): number[] | undefined {
  const keyed = /^(gc|general_category|sc|script|blk|block)=(.+)$/i.exec(name);
  if (keyed !== null) {
    const key = keyed[1]!.toLowerCase();
    if (key === "blk" || key === "block") return undefined;
    return unicodeProperty(`${key.startsWith("g") ? "General_Category" : "Script"}=${keyed[2]}`);
  }
  if (name.startsWith("In") || name.startsWith("java")) return undefined;
  const bare = name.replace(/^Is/, "");
  return unicodeProperty(bare) ?? unicodeProperty(`Script=${bare}`) ?? unicodeProperty(`General_Category=${bare}`);
}

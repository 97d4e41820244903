// The layout step for emitted TypeScript: re-indents, normalizes spacing and blank lines, and
// breaks lines over 100 columns at bracket groups. It only ever changes whitespace, so the
// token sequence is the generator's own; it is a fixed point (layout(layout(x)) === layout(x)).
//
// Indentation is the classic bracket rule: brackets left open at the end of a line indent the
// following lines one level; a line starting with a closer sits at its opener's line. A line
// after one ending with an operator (`=`, `=>`, `&&`, `|`, ternary `?`/`:`, …), or a line
// starting with one (`| A`, `? b`, `.then()`), is a continuation: one extra level. Inside a
// `switch`, lines after a `case`/`default` label get one extra level.

import { BLOCK_COMMENT, CLOSE, IDENT, LINE_COMMENT, OPEN, PUNCT, lexTypeScript, type Tokens } from "./tokens.js";

const WIDTH = 100;

// A line ending with one of these continues on the next line.
const TRAILING_OPERATORS = new Set([
  "=", "+=", "-=", "*=", "/=", "%=", "**=", "&&=", "||=", "??=", "|=", "&=", "^=", "<<=", ">>=", ">>>=",
  "=>", "?", ":", "&&", "||", "??", "+", "-", "*", "/", "%", "**", "|", "&", "^",
  "===", "!==", "==", "!=", "<=", ">=",
]);
// A line starting with one of these continues the line before.
const LEADING_OPERATORS = new Set(["|", "&", "&&", "||", "??", "?", ":", ".", "?."]);

const CHAIN_TERNARY = 1;
const CHAIN_UNION = 4;
const CHAIN_INTERSECTION = 5;
const CHAIN_NONE = 99;
const chainRank = (op: string): number => {
  switch (op) {
    case "||":
    case "??":
      return 2;
    case "&&":
      return 3;
    case "|":
      return CHAIN_UNION;
    case "&":
      return CHAIN_INTERSECTION;
    case "+":
      return 6;
    default:
      return CHAIN_NONE;
  }
};
/** Whether a token of this kind can end an operand, making the operator after it binary. */
const operandEnds = (kind: number): boolean => kind !== PUNCT && kind !== OPEN && kind !== LINE_COMMENT && kind !== BLOCK_COMMENT;

const INDENTS: string[] = [""];
const indentText = (level: number): string => {
  while (INDENTS.length <= level) INDENTS.push("  ".repeat(INDENTS.length));
  return INDENTS[level]!;
};

/**
 * Lays out the TypeScript the generator emitted. Throws, naming file:line:column, when the code
 * has an unterminated string, template, comment or regex or unbalanced brackets (a generator bug).
 */
export function layoutTypeScript(code: string, file: string): string {
  return new Layout(lexTypeScript(code, file)).run();
}

class Layout {
  private readonly code: string;
  private readonly kind: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly space: Uint8Array;
  private readonly multiline: Uint8Array;
  private readonly match: Int32Array;
  private readonly lines: string[] = [];

  // Open brackets at the current line, innermost last, with per-opener facts indexed by token.
  private readonly stack: Int32Array;
  private depth = 0;
  /** Indent level of the line holding the opener. */
  private readonly openerLine: Int32Array;
  /** The frame's statement continues on the next line (one extra level). */
  private readonly cont: Uint8Array;
  /** 1: a `switch` body; 2: one after its first `case` label. */
  private readonly switchBody: Uint8Array;
  private rootCont = 0;
  /** Closers that must start a line because their opener's group was broken. */
  private readonly forced: Uint8Array;
  private prevEndsWithBrace = false;
  private columns: Int32Array;

  constructor(private readonly t: Tokens) {
    this.code = t.code;
    this.kind = t.kind;
    this.start = t.start;
    this.end = t.end;
    this.space = t.space;
    this.multiline = t.multiline;
    this.match = t.match;
    this.stack = new Int32Array(t.count + 1);
    this.openerLine = new Int32Array(t.count);
    this.cont = new Uint8Array(t.count);
    this.switchBody = new Uint8Array(t.count);
    this.forced = new Uint8Array(t.count);
    this.columns = new Int32Array(64);
  }

  run(): string {
    const { count, breaks } = this.t;
    let a = 0;
    while (a < count) {
      let b = a + 1;
      while (b < count && breaks[b] === 0) b++;
      this.line(a, b, breaks[a]! >= 2);
      a = b;
    }
    return this.lines.length === 0 ? "" : this.lines.join("\n") + "\n";
  }

  private text(i: number): string {
    return this.code.slice(this.start[i]!, this.end[i]!);
  }

  private isPunct(i: number, c: number): boolean {
    return this.kind[i] === PUNCT && this.code.charCodeAt(this.start[i]!) === c && this.end[i] === this.start[i]! + 1;
  }

  /** Whether a space goes before token `i` (not the first of its line). */
  private spaced(i: number): boolean {
    if (this.space[i] === 0) return false;
    if (this.isPunct(i, 44) || this.isPunct(i, 59)) return false;
    return !(this.kind[i] === CLOSE && this.match[i] === i - 1);
  }

  /** Lays out tokens [a, b), one input line or a piece of one. */
  private line(a: number, b: number, blank: boolean): void {
    let hasMultiline = false;
    for (let i = a; i < b; i++) {
      if (i > a && this.forced[i] === 1) {
        this.line(a, i, blank);
        this.line(i, b, false);
        return;
      }
      if (this.multiline[i] === 1) hasMultiline = true;
    }
    const indent = this.indentOf(a);
    const text = hasMultiline ? this.renderMultiline(a, b, indent) : this.render(a, b);
    if (!hasMultiline && indent * 2 + text.length > WIDTH && this.split(a, b, indent, blank)) return;

    const first = this.kind[a]!;
    const startsWithBrace = first === CLOSE && this.code.charCodeAt(this.start[a]!) === 125;
    if (blank && this.lines.length > 0 && !this.prevEndsWithBrace && !startsWithBrace) this.lines.push("");
    this.lines.push(indentText(indent) + text);
    const last = this.kind[b - 1]!;
    this.prevEndsWithBrace = last === OPEN && this.code.charCodeAt(this.start[b - 1]!) === 123;
    this.advance(a, b, indent);
  }

  private indentOf(a: number): number {
    if (this.kind[a] === CLOSE) return this.openerLine[this.match[a]!]!;
    const top = this.depth > 0 ? this.stack[this.depth - 1]! : -1;
    let level = top < 0 ? 0 : this.openerLine[top]! + 1;
    if (top >= 0 && this.switchBody[top] !== 0) {
      if (this.isCaseLabel(a)) return level;
      if (this.switchBody[top] === 2) level++;
    }
    const cont = top < 0 ? this.rootCont : this.cont[top]!;
    if (cont === 1 || (this.kind[a] === PUNCT && LEADING_OPERATORS.has(this.text(a)))) level++;
    return level;
  }

  private isCaseLabel(a: number): boolean {
    if (this.kind[a] !== IDENT) return false;
    const word = this.text(a);
    return word === "case" || word === "default";
  }

  /** Updates the bracket stack and continuation state after emitting line [a, b). */
  private advance(a: number, b: number, indent: number): void {
    let opened = 0;
    for (let i = a; i < b; i++) {
      const k = this.kind[i];
      if (k === OPEN) {
        this.stack[this.depth++] = i;
        this.openerLine[i] = indent;
        this.cont[i] = 0;
        this.switchBody[i] = this.isSwitchBody(i) ? 1 : 0;
        opened++;
      } else if (k === CLOSE) {
        this.depth--;
        if (opened > 0) opened--;
      }
    }
    if (opened > 0) return;
    const top = this.depth > 0 ? this.stack[this.depth - 1]! : -1;
    if (top >= 0 && this.switchBody[top] !== 0 && this.isCaseLabel(a)) this.switchBody[top] = 2;
    let last = b - 1;
    while (last >= a && (this.kind[last] === LINE_COMMENT || this.kind[last] === BLOCK_COMMENT)) last--;
    if (last < a) return; // a comment line changes nothing
    const cont = this.kind[last] === PUNCT && TRAILING_OPERATORS.has(this.text(last)) && !(this.isPunct(last, 58) && this.isCaseLabel(a)) ? 1 : 0;
    if (top < 0) this.rootCont = cont;
    else this.cont[top] = cont;
  }

  /** `switch (…) {`: the brace after the parenthesis after `switch`. */
  private isSwitchBody(i: number): boolean {
    if (this.code.charCodeAt(this.start[i]!) !== 123 || i < 3 || this.kind[i - 1] !== CLOSE) return false;
    const paren = this.match[i - 1]!;
    return paren > 0 && this.kind[paren - 1] === IDENT && this.text(paren - 1) === "switch";
  }

  /** Tokens [a, b) with normalized spacing, slicing runs whose spacing is already right. */
  private render(a: number, b: number): string {
    const code = this.code;
    let out = "";
    let run = this.start[a]!;
    for (let i = a + 1; i < b; i++) {
      const want = this.spaced(i) ? 1 : 0;
      const prevEnd = this.end[i - 1]!;
      const gap = this.start[i]! - prevEnd;
      if (gap === want && (want === 0 || code.charCodeAt(prevEnd) === 32)) continue;
      out += code.slice(run, prevEnd);
      if (want === 1) out += " ";
      run = this.start[i]!;
    }
    return out + code.slice(run, this.end[b - 1]!);
  }

  /** Like render, re-indenting the `*` lines of multi-line block comments under the line. */
  private renderMultiline(a: number, b: number, indent: number): string {
    let out = "";
    for (let i = a; i < b; i++) {
      if (i > a && this.spaced(i)) out += " ";
      const text = this.text(i);
      out += this.kind[i] === BLOCK_COMMENT && this.multiline[i] === 1 ? reindentComment(text, indentText(indent) + " ") : text;
    }
    return out;
  }

  /**
   * Breaks the over-long line [a, b) at a bracket group: after the opener, one line per
   * top-level item, the closer on its own line. Returns false when no group can be broken.
   */
  private split(a: number, b: number, indent: number, blank: boolean): boolean {
    const col = this.columnsOf(a, b, indent);
    const lineEnd = col[b - a - 1]! + this.end[b - 1]! - this.start[b - 1]!;
    const endCol = (i: number) => col[i - a]! + this.end[i]! - this.start[i]!;
    let group = -1;
    // The outermost group that runs past the width: closed on this line, or left open with
    // items after its opener.
    for (let i = a; i < b && col[i - a]! < WIDTH; i++) {
      if (this.kind[i] !== OPEN) continue;
      const m = this.match[i]!;
      if (m === i + 1) continue;
      if (m < b ? endCol(m) > WIDTH : i < b - 1) {
        group = i;
        break;
      }
    }
    // A chain of operators at the line's top level is the outer structure when the group lies
    // in one of its operands (`key: a == null ? undefined : f(…)`).
    const chain = this.chain(a, b);
    const assign = chain.assign;
    // Cutting after `=` when the right-hand side then fits on the next line.
    const rhsFits = assign >= 0 && assign + 1 < b && (indent + 1) * 2 + lineEnd - col[assign + 1 - a]! <= WIDTH;
    if (group >= 0 && chain.cuts.length > 0 && chain.first < group) {
      return this.splitAt(a, b, rhsFits && assign < chain.first ? [assign + 1] : chain.cuts, blank);
    }
    if (group < 0) {
      if (rhsFits) return this.splitAt(a, b, [assign + 1], blank);
      // A group whose closer and the rest of the line fit once it is broken (a signature's
      // parameters before a long return type).
      for (let i = a; i < b && col[i - a]! < WIDTH; i++) {
        const m = this.match[i]!;
        if (this.kind[i] === OPEN && m < b && m > i + 1 && indent * 2 + lineEnd - col[m - a]! <= WIDTH) {
          group = i;
          break;
        }
      }
    }
    if (group < 0) {
      if (chain.cuts.length > 0) return this.splitAt(a, b, chain.cuts, blank);
      if (assign >= 0 && assign + 1 < b) return this.splitAt(a, b, [assign + 1], blank);
      // Last, the rightmost top-level group that starts within the width: the rest of the line
      // moves to its closer's line, where it can break again (`if (…) f(…)` that ends at 100).
      for (let i = a; i < b && col[i - a]! < WIDTH; i++) {
        if (this.kind[i] !== OPEN) continue;
        const m = this.match[i]!;
        if (m > i + 1 && m < b) group = i;
        if (m >= b) break;
        i = m;
      }
      if (group < 0) return false;
    }
    // Hug a last item that is an object, array or arrow function body: `f(a, {` … `})`.
    for (;;) {
      const m = this.match[group]!;
      if (m >= b) break;
      const seps = this.separators(group, m);
      const lastSep = seps.length > 0 && seps[seps.length - 1] === m - 1 ? seps.length - 2 : seps.length - 1;
      const s = lastSep < 0 ? group + 1 : seps[lastSep]! + 1;
      const c = this.code.charCodeAt(this.start[s]!);
      let hug = -1;
      if (this.kind[s] === OPEN && (c === 123 || c === 91) && this.match[s] === m - 1) hug = s;
      else if (this.kind[m - 1] === CLOSE && this.code.charCodeAt(this.start[m - 1]!) === 125) {
        const body = this.match[m - 1]!;
        if (body > s && this.kind[body - 1] === PUNCT && this.text(body - 1) === "=>") hug = body;
      }
      if (hug < 0 || this.match[hug] === hug + 1 || col[hug - a]! + 1 > WIDTH) break;
      group = hug;
    }

    const m = this.match[group]!;
    const itemsEnd = Math.min(m, b);
    this.line(a, group + 1, blank);
    let s = group + 1;
    for (const sep of this.separators(group, itemsEnd)) {
      this.line(s, sep + 1, false);
      s = sep + 1;
    }
    if (s < itemsEnd) this.line(s, itemsEnd, false);
    if (m < b) this.line(m, b, false);
    else this.forced[m] = 1;
    return true;
  }

  /** Lays out [a, b) as pieces starting at each cut. */
  private splitAt(a: number, b: number, cuts: readonly number[], blank: boolean): boolean {
    let s = a;
    for (const cut of cuts) {
      this.line(s, cut, s === a && blank);
      s = cut;
    }
    this.line(s, b, false);
    return true;
  }

  /**
   * The operator chain at the top level of [a, b) (outside brackets and type arguments) with
   * the loosest binding: a ternary (cut before `?` and its `:`), `||`/`??`, `&&` (cut after),
   * `|`, `&` (cut before, as unions are written), `+` (cut after). `first` is its first operator;
   * `assign` the first top-level `=`.
   */
  private chain(a: number, b: number): { first: number; cuts: number[]; assign: number } {
    const code = this.code;
    let best = CHAIN_NONE;
    let cuts: number[] = [];
    let first = -1;
    let question = -1;
    let ternaries = 0;
    let angles = 0;
    let assign = -1;
    for (let i = a; i < b; i++) {
      const k = this.kind[i];
      if (k === OPEN) {
        if (this.match[i]! >= b) break;
        i = this.match[i]!;
        continue;
      }
      if (k !== PUNCT || i === a) continue;
      const c = code.charCodeAt(this.start[i]!);
      const length = this.end[i]! - this.start[i]!;
      if (c === 60 && length === 1 && this.space[i] === 0 && this.kind[i - 1] === IDENT) angles++;
      else if (c === 62 && angles > 0 && code.charCodeAt(this.end[i]! - 1) === 62) angles = Math.max(0, angles - length);
      if (angles > 0) continue;
      if (length === 1 && c === 61) {
        if (assign < 0) assign = i;
        continue;
      }
      if (length === 1 && c === 63) {
        if (ternaries++ === 0 && question < 0) question = i;
        continue;
      }
      if (length === 1 && c === 58 && ternaries > 0) {
        if (--ternaries === 0 && question >= 0 && best > CHAIN_TERNARY) {
          best = CHAIN_TERNARY;
          first = question;
          cuts = [question, i];
        }
        continue;
      }
      const rank = chainRank(this.text(i));
      if (rank === CHAIN_NONE || rank > best || !operandEnds(this.kind[i - 1]!)) continue;
      if (rank < best) {
        best = rank;
        first = i;
        cuts = [];
      }
      const cut = rank === CHAIN_UNION || rank === CHAIN_INTERSECTION ? i : i + 1;
      if (cut < b) cuts.push(cut);
    }
    return { first, cuts, assign };
  }

  /**
   * The top-level separators of the group opened at `o`, up to `end`: commas, and semicolons
   * in braces (type literals, blocks). Commas between type arguments (`Record<K, V>`, a `<`
   * right after a name) do not separate.
   */
  private separators(o: number, end: number): number[] {
    const code = this.code;
    const semicolons = code.charCodeAt(this.start[o]!) === 123;
    const found: number[] = [];
    let angles = 0;
    for (let i = o + 1; i < end; i++) {
      const k = this.kind[i];
      if (k === OPEN) {
        if (this.match[i]! >= end) break;
        i = this.match[i]!;
      } else if (k === PUNCT) {
        const c = code.charCodeAt(this.start[i]!);
        const length = this.end[i]! - this.start[i]!;
        if (c === 60 && length === 1 && this.space[i] === 0 && this.kind[i - 1] === IDENT) angles++;
        else if (c === 62 && angles > 0 && code.charCodeAt(this.end[i]! - 1) === 62) angles = Math.max(0, angles - length);
        else if (angles === 0 && length === 1 && (c === 44 || (semicolons && c === 59))) found.push(i);
      }
    }
    return found;
  }

  /** Start column of each token of [a, b) as rendered at `indent` (index i - a). */
  private columnsOf(a: number, b: number, indent: number): Int32Array {
    if (this.columns.length < b - a) this.columns = new Int32Array(Math.max(b - a, this.columns.length * 2));
    const col = this.columns;
    col[0] = indent * 2;
    for (let i = a + 1; i < b; i++) {
      col[i - a] = col[i - a - 1]! + this.end[i - 1]! - this.start[i - 1]! + (this.spaced(i) ? 1 : 0);
    }
    return col;
  }
}

/** A block comment's lines after the first that start with `*`, put under `prefix`. */
function reindentComment(text: string, prefix: string): string {
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    let j = 0;
    while (j < line.length && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
    if (line.charCodeAt(j) === 42) lines[i] = prefix + line.slice(j);
  }
  return lines.join("\n");
}

// The parsed form of a @pattern that both dialect readers (ECMAScript, Java) produce and the
// compiler turns into a matcher program or, where it cannot, into ECMAScript source.

import { MAX_CODE_POINT } from "./char-sets.js";

/** Instruction opcodes; the runtime in templates/partials/validator-regex.hbs uses the same numbers. */
export const OP = { char: 0, split: 1, jump: 2, assert: 3, match: 4 } as const;
/**
 * Assertion kinds of OP.assert. `javaEnd` is Java's `$`: the end, or before a line break that
 * ends the input; `javaLineStart`/`javaLineEnd` are Java's `^`/`$` under MULTILINE.
 */
export const ASSERT = { start: 0, end: 1, wordBoundary: 2, notWordBoundary: 3, javaEnd: 4, javaLineStart: 5, javaLineEnd: 6 } as const;

export type Node =
  | { readonly t: "set"; readonly ranges: number[] }
  | { readonly t: "assert"; readonly kind: number }
  | { readonly t: "seq"; readonly items: Node[] }
  | { readonly t: "alt"; readonly alts: Node[] }
  | { readonly t: "rep"; readonly node: Node; readonly min: number; readonly max: number }
  // Only the Java reader makes these; the ECMAScript reader leaves such patterns to the native RegExp.
  | { readonly t: "group"; readonly index: number; readonly node: Node }
  | { readonly t: "look"; readonly behind: boolean; readonly negate: boolean; readonly node: Node }
  | { readonly t: "backref"; readonly index: number }
  /** Java's `(?>…)` and possessive quantifiers: once it has matched, it never gives anything back. */
  | { readonly t: "atomic"; readonly node: Node };

/** Whether the tree needs a backtracking engine (lookaround, backreferences). */
export function needsBacktracking(n: Node): boolean {
  switch (n.t) {
    case "look": case "backref": case "atomic": return true;
    case "set": case "assert": return false;
    case "seq": return n.items.some(needsBacktracking);
    case "alt": return n.alts.some(needsBacktracking);
    case "rep": case "group": return needsBacktracking(n.node);
  }
}

/**
 * ECMAScript source (for the `u` flag) with the tree's meaning: how a Java pattern with
 * lookaround, backreferences or atomic groups runs on the native RegExp. An atomic group X is
 * `(?=(X))\N`: a lookahead never backtracks into what it matched, and the backreference then
 * consumes exactly that. Its extra group shifts later group numbers, so backreferences are
 * renumbered.
 */
export function toEcmaSource(root: Node): string {
  const numbers = new Map<number, number>(); // the pattern's group number → its number in the source
  let groups = 0;
  const source = (n: Node): string => {
    switch (n.t) {
      case "group": {
        numbers.set(n.index, ++groups);
        return `(${source(n.node)})`;
      }
      case "atomic": {
        const index = ++groups;
        return `(?=(${source(n.node)}))\\${index}(?:)`;
      }
      case "backref": return `\\${numbers.get(n.index)!}(?:)`;
      case "seq": return n.items.map((item) => (item.t === "alt" ? `(?:${source(item)})` : source(item))).join("");
      case "alt": return n.alts.map(source).join("|");
      case "rep": return `(?:${source(n.node)})${quantifier(n.min, n.max)}`;
      case "look": return `(?${n.behind ? "<" : ""}${n.negate ? "!" : "="}${source(n.node)})`;
      default: return leafSource(n);
    }
  };
  return source(root);
}

function quantifier(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

function leafSource(n: Node): string {
  switch (n.t) {
    case "set": return classSource(n.ranges);
    case "assert":
      switch (n.kind) {
        case ASSERT.start: return "^";
        case ASSERT.end: return "$";
        case ASSERT.wordBoundary: return "\\b";
        case ASSERT.notWordBoundary: return "\\B";
        case ASSERT.javaLineStart: return "(?!$)(?:^|(?<=[\\n\\u0085\\u2028\\u2029])|(?<=\\r)(?!\\n))";
        case ASSERT.javaLineEnd: return "(?:$|(?=[\\r\\u0085\\u2028\\u2029])|(?<!\\r)(?=\\n))";
        default: return "(?:$|(?=[\\r\\u0085\\u2028\\u2029]$)|(?<!\\r)(?=\\n$)|(?=\\r\\n$))";
      }
    default: throw new Error(`not a leaf: ${n.t}`);
  }
}

function classSource(ranges: readonly number[]): string {
  if (ranges.length === 2 && ranges[0] === 0 && ranges[1] === MAX_CODE_POINT) return "[^]";
  const hex = (c: number) => `\\u{${c.toString(16)}}`;
  let body = "";
  for (let i = 0; i < ranges.length; i += 2) body += ranges[i] === ranges[i + 1] ? hex(ranges[i]!) : `${hex(ranges[i]!)}-${hex(ranges[i + 1]!)}`;
  return `[${body}]`;
}

// The parsed form of a @pattern that both dialect readers (ECMAScript, Java) produce and the
// compiler turns into a matcher program or, where it cannot, into ECMAScript source.

import { MAX_CODE_POINT } from "./char-sets.js";

/** Instruction opcodes; the runtime in templates/partials/validator-regex.hbs uses the same numbers. */
export const OP = { char: 0, split: 1, jump: 2, assert: 3, match: 4 } as const;
/**
 * Assertion kinds of OP.assert. `javaEnd` is Java's `$`: the end, or before a line break that
 * ends the input.
 */
export const ASSERT = { start: 0, end: 1, wordBoundary: 2, notWordBoundary: 3, javaEnd: 4 } as const;

export type Node =
  | { readonly t: "set"; readonly ranges: number[] }
  | { readonly t: "assert"; readonly kind: number }
  | { readonly t: "seq"; readonly items: Node[] }
  | { readonly t: "alt"; readonly alts: Node[] }
  | { readonly t: "rep"; readonly node: Node; readonly min: number; readonly max: number }
  // Only the Java reader makes these; the ECMAScript reader leaves such patterns to the native RegExp.
  | { readonly t: "group"; readonly index: number; readonly node: Node }
  | { readonly t: "look"; readonly behind: boolean; readonly negate: boolean; readonly node: Node }
  | { readonly t: "backref"; readonly index: number };

/** Whether the tree needs a backtracking engine (lookaround, backreferences). */
export function needsBacktracking(n: Node): boolean {
  switch (n.t) {
    case "look": case "backref": return true;
    case "set": case "assert": return false;
    case "seq": return n.items.some(needsBacktracking);
    case "alt": return n.alts.some(needsBacktracking);
    case "rep": case "group": return needsBacktracking(n.node);
  }
}

/**
 * ECMAScript source (for the `u` flag) with the tree's meaning: how a Java pattern with
 * lookaround or backreferences runs on the native RegExp. Capturing groups keep their numbers.
 */
export function toEcmaSource(n: Node): string {
  switch (n.t) {
    case "set": return classSource(n.ranges);
    case "assert":
      switch (n.kind) {
        case ASSERT.start: return "^";
        case ASSERT.end: return "$";
        case ASSERT.wordBoundary: return "\\b";
        case ASSERT.notWordBoundary: return "\\B";
        default: return "(?:$|(?=[\\r\\u0085\\u2028\\u2029]$)|(?<!\\r)(?=\\n$)|(?=\\r\\n$))";
      }
    case "seq": return n.items.map((item) => (item.t === "alt" ? `(?:${toEcmaSource(item)})` : toEcmaSource(item))).join("");
    case "alt": return n.alts.map(toEcmaSource).join("|");
    case "rep": {
      const q = n.max === Infinity ? (n.min === 0 ? "*" : n.min === 1 ? "+" : `{${n.min},}`) : n.min === 0 && n.max === 1 ? "?" : n.min === n.max ? `{${n.min}}` : `{${n.min},${n.max}}`;
      return `(?:${toEcmaSource(n.node)})${q}`;
    }
    case "group": return `(${toEcmaSource(n.node)})`;
    case "look": return `(?${n.behind ? "<" : ""}${n.negate ? "!" : "="}${toEcmaSource(n.node)})`;
    case "backref": return `\\${n.index}(?:)`;
  }
}

function classSource(ranges: readonly number[]): string {
  if (ranges.length === 2 && ranges[0] === 0 && ranges[1] === MAX_CODE_POINT) return "[^]";
  const hex = (c: number) => `\\u{${c.toString(16)}}`;
  let body = "";
  for (let i = 0; i < ranges.length; i += 2) body += ranges[i] === ranges[i + 1] ? hex(ranges[i]!) : `${hex(ranges[i]!)}-${hex(ranges[i + 1]!)}`;
  return `[${body}]`;
}

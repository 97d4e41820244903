// What the two dialect readers (ECMAScript in regex.ts, Java in java-regex.ts) share: the
// recursive descent over alternatives and sequences, and the bounds of a quantifier. Each
// dialect supplies its own atoms and what a quantifier does to them.

import type { Node } from "./regex-tree.js";

/** A quantifier's bounds; "malformed" for a `{` that starts no counted repetition. */
export type Bounds = { readonly min: number; readonly max: number } | "none" | "malformed";

export abstract class PatternReader {
  protected pos = 0;

  constructor(protected readonly src: string) {}

  /** One atom: a character, a set, a group, an escape or an assertion. */
  protected abstract term(): Node;
  /** `atom` with the quantifier that follows it, if any. */
  protected abstract quantified(atom: Node): Node;

  protected peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** Consumes a character class's `[` and its `^`, if any: true when the class is negated. */
  protected classOpening(): boolean {
    this.pos++; // [
    if (this.peek() !== "^") return false;
    this.pos++;
    return true;
  }

  protected disjunction(): Node {
    const alts = [this.alternative()];
    while (this.peek() === "|") {
      this.pos++;
      alts.push(this.alternative());
    }
    return alts.length === 1 ? alts[0]! : { t: "alt", alts };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      items.push(this.quantified(this.term()));
    }
    return { t: "seq", items };
  }

  /** Reads `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}` at the position (not the lazy/possessive suffix). */
  protected quantifierBounds(): Bounds {
    const c = this.peek();
    let bounds: { min: number; max: number };
    if (c === "*") bounds = { min: 0, max: Infinity };
    else if (c === "+") bounds = { min: 1, max: Infinity };
    else if (c === "?") bounds = { min: 0, max: 1 };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m === null) return "malformed";
      const min = Number(m[1]);
      bounds = { min, max: m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]) };
      this.pos += m[0].length - 1;
    } else return "none";
    this.pos++;
    return bounds;
  }
}

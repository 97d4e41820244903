// The CBOR value mapping (rpcv2Cbor): JsonCode's per-shape functions, with the scalars CBOR
// carries natively. Floats (NaN and the infinities too), timestamps (tag 1, whatever
// @timestampFormat says), blobs (byte strings) and big integers go to the encoder as they are;
// a bigDecimal's text becomes a decimal fraction (tag 4). Reading checks each of these types
// (runtime/rpcv2cbor/body.ts), so a value of the wrong CBOR type never reaches the output.
// Member names are always the member names (@jsonName is JSON's).
//
// A client reads a response straight from the bytes (`rd_` functions over the decoder's item
// reader, runtime/cbor/decode.ts): members go into the output as they are read, without the
// decoded map of each structure and union, the same checks made. Error bodies and the server
// read decoded values (`de_`).

import type { Member, Shape } from "../../../model/model.js";
import { isUnit, JsonCode, type Direction } from "../json/json-code.js";
import { defaultExpression, defaultValue, isJsonIdentity, isSparse, literalKey } from "../json/values.js";

/** The runtime/rpcv2cbor reader of each scalar type that CBOR carries natively. */
export const CBOR_READERS: Readonly<Record<string, string>> = {
  float: "cborFloat", double: "cborFloat", timestamp: "cborTimestamp", blob: "cborBlob",
  bigInteger: "cborBigInteger", bigDecimal: "cborBigDecimal",
};

/** Shapes read by an `rd_` function of their own. */
const hasReader = (shape: Shape): boolean =>
  (shape.type === "structure" && !isUnit(shape)) || shape.type === "union" || shape.type === "list" || shape.type === "map";

export class CborCode extends JsonCode {
  /** A CBOR-ready value for the non-null `expr`. */
  override toJson(target: Shape, expr: string, member?: Member): string {
    if (target.type === "bigDecimal") return `${this.runtime.use("toCborDecimal")}(${expr})`;
    return CBOR_READERS[target.type] !== undefined ? expr : super.toJson(target, expr, member);
  }

  /** A model value for the non-null decoded CBOR value `expr`. */
  override fromJson(target: Shape, expr: string, member?: Member): string {
    const reader = CBOR_READERS[target.type];
    return reader === undefined ? super.fromJson(target, expr, member) : `${this.runtime.use(reader)}(${expr})`;
  }

  /** An expression reading a message of `shape` (a structure) from `body`, an empty body being an empty map. */
  messageReader(shape: Shape, body: string): string {
    return `${this.runtime.use("readCborMessage")}(${body}, ${this.shapeFunction("rd", shape)})`;
  }

  /** An expression reading a value of `target` (reached through `member`) at the reader's position, at nesting `d`. */
  private readValue(target: Shape, member: Member | undefined): string {
    if (target.type === "structure" && isUnit(target)) return `(${this.readItem(target)}, {})`;
    if (hasReader(target)) return `${this.shapeFunction("rd", target)}(d + 1)`;
    return this.fromJson(target, this.readItem(target), member);
  }

  /** The call reading one item of a scalar `target`: strings (the commonest members) and timestamps skip the general item dispatch. */
  private readItem(target: Shape): string {
    const reader = target.type === "string" || target.type === "enum" ? "readText" : target.type === "timestamp" ? "readTimestamp" : "readItem";
    return `${this.runtime.use(reader)}(d)`;
  }

  /**
   * The statement setting member `m` of `o` from the next item, left unset by a null: a scalar
   * is read whole (a null reads as null), a structure, union or collection by its function.
   */
  private readMemberStatement(m: Member): string {
    const target = this.index.target(m);
    if (!this.readsThroughV(m)) {
      return `if (!${this.runtime.use("readNull")}()) ${this.write("o", m.name, this.readValue(target, m))}`;
    }
    return `if ((v = ${this.readItem(target)}) != null) ${this.write("o", m.name, this.fromJson(target, "v", m))}`;
  }

  /** Whether a member is read into the structure reader's `v` first (it has no reader of its own). */
  private readsThroughV(m: Member): boolean {
    const target = this.index.target(m);
    return !(hasReader(target) || (target.type === "structure" && isUnit(target)));
  }

  protected override functionCode(direction: Direction, shape: Shape, name: string): string {
    if (direction !== "rd") return super.functionCode(direction, shape, name);
    const rt = this.runtime;
    const type = this.typeOf(shape);
    const loop = (head: "readMapHead" | "readArrayHead") => `for (let n = ${rt.use(head)}(d), i = 0; ${rt.use("readNext")}(n, i); i++) {`;
    // Imported only by the functions that read them (an unused import fails noUnusedLocals).
    const key = () => `${rt.use("readKey")}()`;
    const isNull = () => `${rt.use("readNull")}()`;
    switch (shape.type) {
      case "structure": {
        const cases = shape.members.flatMap((m, i) => [
          `      case ${i}: // ${this.wireName(m)}`,
          `        ${this.readMemberStatement(m)}`,
          "        break;",
        ]);
        const defaults = shape.members.flatMap((m) => {
          const fallback = defaultValue(m);
          return fallback === undefined ? [] : [`  if (${this.read("o", m.name)} === undefined) ${this.write("o", m.name, defaultExpression(this.index.target(m), fallback.value))}`];
        });
        if (cases.length === 0) {
          return [`function ${name}(d: number): ${type} {`, `  ${loop("readMapHead")}`, `    ${key()};`, `    ${rt.use("readItem")}(d);`, "  }", `  return {} as ${type};`, "}"].join("\n");
        }
        // Members are matched by the bytes of their names; the next in model order is tried first (`k`).
        const names = `${name}$members`;
        return [
          `const ${names} = ${rt.use("memberNames")}(${JSON.stringify(shape.members.map((m) => this.wireName(m)))});`,
          "",
          `function ${name}(d: number): ${type} {`,
          `  const o = {} as ${type};`,
          ...(shape.members.some((m) => this.readsThroughV(m)) ? ["  let v: any;"] : []),
          `  for (let n = ${rt.use("readMapHead")}(d), i = 0, k = 0; ${rt.use("readNext")}(n, i); i++, k++) {`,
          `    switch ((k = ${rt.use("readMember")}(${names}, k))) {`,
          ...cases,
          "      default:",
          `        ${rt.use("readItem")}(d);`,
          "    }",
          "  }",
          ...defaults,
          "  return o;",
          "}",
        ].join("\n");
      }
      case "union": {
        const cases = shape.members.map((m) => `      case ${JSON.stringify(this.wireName(m))}: o = { ${literalKey(m.name)}: ${this.readValue(this.index.target(m), m)} }; break;`);
        return [
          `function ${name}(d: number): ${type} {`,
          `  let o: ${type} | undefined;`,
          `  ${loop("readMapHead")}`,
          `    const k = ${key()};`,
          `    if (${isNull()}) continue;`,
          "    switch (k) {",
          ...cases,
          // A member this version does not know: kept as the decoded value, as `unknownMember` keeps it.
          `      default: o = { $unknown: [k, ${rt.use("readItem")}(d)] } as ${type};`,
          "    }",
          "  }",
          `  return o ?? ({} as ${type});`,
          "}",
        ].join("\n");
      }
      case "list": case "map": {
        const value = this.readValue(this.collectionValue(shape), this.collectionMember(shape));
        const list = shape.type === "list";
        const put = list ? undefined : rt.use("put");
        const add = (v: string) => (list ? `o.push(${v});` : `${put}(o, k, ${v});`);
        return [
          `function ${name}(d: number): ${type} {`,
          `  const o: ${type} = ${list ? "[]" : "{}"};`,
          `  ${loop(list ? "readArrayHead" : "readMapHead")}`,
          ...(list ? [] : [`    const k = ${key()};`]),
          // A dense collection drops nulls, as the decoded-value reading does; a sparse one keeps them.
          `    if (${isNull()}) ${isSparse(shape) ? `{\n      ${add("null")}\n      continue;\n    }` : "continue;"}`,
          `    ${add(value)}`,
          "  }",
          "  return o;",
          "}",
        ].join("\n");
      }
      default:
        throw new Error(`internal: no CBOR reader function for ${shape.type} ${shape.id}`);
    }
  }

  protected override isIdentity(shape: Shape, direction: Direction): boolean {
    return isJsonIdentity(shape) || (direction === "se" && shape.type !== "bigDecimal" && CBOR_READERS[shape.type] !== undefined);
  }
}

// Straight-line code that reads a request's JSON values into model values, strictly: a server
// must reject what a lenient client would accept (restJson1 malformed-request tests), so every
// value is checked against its shape — strings are strings, integers are integers in range,
// timestamps in their one format, dense lists and maps hold no null, a union has exactly one
// known member — and missing members with a @default get it. One `de_` function per structure,
// union, list and map; the checks throw, and the handler answers 400 SerializationException.

import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import type { SymbolProvider } from "../../../symbols/symbol-provider.js";
import { ShapeFunctions, type ShapeFunction } from "../shape-functions.js";
import { isUnit } from "./json-code.js";
import { defaultExpression, defaultValue, isSparse, jsonName, literalKey, readProperty, timestampFormat, writeProperty } from "./values.js";
import type { FileImports } from "../../../codegen/file-imports.js";

/** The range of each integer shape type (long: as far as a double can tell). */
export const INTEGER_RANGES: Readonly<Record<string, readonly [string, string]>> = {
  byte: ["-128", "127"],
  short: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  intEnum: ["-2147483648", "2147483647"],
  long: ["-9223372036854775808", "9223372036854775807"],
};

/**
 * `expr` typed as the enum's named type when `target` is an enum (its values are checked by the
 * validators, as Smithy servers do: an unknown value is a ValidationException, not malformed).
 */
export function asEnum(expr: string, target: Shape, file: FileImports): string {
  const type = file.type(target);
  return type === "string" || type === "number" ? expr : `(${expr} as ${type})`;
}

export class StrictJson {
  private readonly functions = new ShapeFunctions();

  constructor(
    private readonly index: ShapeIndex,
    private readonly symbols: SymbolProvider,
    protected readonly runtime: FileImports,
    /** Whether member names on the wire are their @jsonName (restJson1) or always the member name (awsJson). */
    private readonly honourJsonName = true,
  ) {}

  private wireName(m: Member): string {
    return this.honourJsonName ? jsonName(m) : m.name;
  }

  /** The `de_` functions written so far, sorted by name. */
  shapeFunctions(): ShapeFunction[] {
    return this.functions.sorted();
  }

  /** A model value of `target` from the non-null JSON value `expr`; the code throws when it does not fit. */
  fromJson(target: Shape, expr: string, member?: Member): string {
    const h = this.runtime;
    switch (target.type) {
      case "string": case "enum": return asEnum(`${h.use("jsonString")}(${expr})`, target, this.runtime);
      case "boolean": return `${h.use("jsonBoolean")}(${expr})`;
      case "byte": case "short": case "integer": case "long": case "intEnum": {
        const [min, max] = INTEGER_RANGES[target.type]!;
        return asEnum(`${h.use("jsonInteger")}(${expr}, ${min}, ${max})`, target, this.runtime);
      }
      case "float": case "double": return `${h.use("jsonFloat")}(${expr})`;
      case "bigInteger": return `${h.use("fromBig")}(${expr}, true)`;
      case "bigDecimal": return `${h.use("fromBig")}(${expr}, false)`;
      case "timestamp": {
        const format = timestampFormat(member, target, "epoch-seconds");
        if (format === "epoch-seconds") return `${h.use("jsonEpochSeconds")}(${expr})`;
        return format === "date-time" ? `${h.use("jsonDateTime")}(${expr})` : `${h.use("fromHttpDate")}(${expr})`;
      }
      case "blob": return `${h.use("jsonBlob")}(${expr})`;
      case "document": return expr;
      case "structure":
        return isUnit(target) ? `${h.use("jsonUnit")}(${expr})` : `${this.shapeFunction(target)}(${expr})`;
      case "list": case "map": case "union":
        return `${this.shapeFunction(target)}(${expr})`;
      default:
        throw new Error(`internal: ${target.type} ${target.id} has no JSON reader`);
    }
  }

  /** Statements setting `target.Member` from the JSON properties of `source`: null is absent, absent is the @default. */
  readMembers(members: readonly Member[], source: string, target: string): string[] {
    return members.map((m) => {
      const shape = this.index.target(m);
      const value = readProperty(source, this.wireName(m), () => this.runtime.use("own"));
      const converted = this.fromJson(shape, value, m);
      const fallback = defaultValue(m);
      if (fallback !== undefined) {
        return this.write(target, m.name, `${value} != null ? ${converted} : ${defaultExpression(shape, fallback.value)}`);
      }
      return `if (${value} != null) ${this.write(target, m.name, converted)}`;
    });
  }

  private write(target: string, key: string, value: string): string {
    return writeProperty(target, key, value, () => this.runtime.use("put"));
  }

  /** The name of the `de_` function of `shape`, writing it on first use. */
  private shapeFunction(shape: Shape): string {
    return this.functions.nameOf(shape.id, () => this.symbols.shapeFunction("de", shape), (name) => this.readerOf(shape, name));
  }

  private readerOf(shape: Shape, name: string): string {
    const type = this.runtime.type(shape);
    const h = this.runtime;
    const malformed = h.use("malformed");
    switch (shape.type) {
      case "structure":
      {
        const members = this.readMembers(shape.members, "s", "o");
        return [
          `function ${name}(v: unknown): ${type} {`,
          // With no members the value is still checked: it must be an object.
          members.length === 0 ? `  ${h.use("jsonObject")}(v);` : `  const s = ${h.use("jsonObject")}(v);`,
          `  const o = {} as ${type};`,
          ...members.map((line) => `  ${line}`),
          "  return o;",
          "}",
        ].join("\n");
      }
      case "union": {
        const cases = shape.members.map((m) => {
          const value = this.fromJson(this.index.target(m), "x", m);
          return `      case ${JSON.stringify(this.wireName(m))}: o = { ${literalKey(m.name)}: ${value} }; break;`;
        });
        return [
          `function ${name}(v: unknown): ${type} {`,
          `  const s = ${h.use("jsonObject")}(v);`,
          `  let o: ${type} | undefined;`,
          "  for (const k of Object.keys(s)) {",
          "    const x = s[k];",
          // `__type` is how some JSON protocols name the shape; it is no member.
          `    if (x == null || k === "__type") continue;`,
          `    if (o !== undefined) throw ${malformed}("a union has more than one member set");`,
          "    switch (k) {",
          ...cases,
          `      default: throw ${malformed}("a union member is not one of the model's");`,
          "    }",
          "  }",
          `  if (o === undefined) throw ${malformed}("a union has no member set");`,
          "  return o;",
          "}",
        ].join("\n");
      }
      case "list": {
        const item = this.fromJson(this.index.target(shape.members[0]!), "x", shape.members[0]);
        const push = isSparse(shape)
          ? `o.push(x == null ? null : ${item});`
          : `{\n    if (x == null) throw ${malformed}("a list item is null");\n    o.push(${item});\n  }`;
        return `function ${name}(v: unknown): ${type} {\n  const o: ${type} = [];\n  for (const x of ${h.use("jsonArray")}(v)) ${push}\n  return o;\n}`;
      }
      case "map": {
        const put = h.use("put");
        const value = this.fromJson(this.index.target(shape.members[1]!), "x", shape.members[1]);
        const set = isSparse(shape)
          ? `${put}(o, k, x == null ? null : ${value});`
          : `if (x == null) throw ${malformed}("a map value is null");\n    ${put}(o, k, ${value});`;
        return [
          `function ${name}(v: unknown): ${type} {`,
          `  const s = ${h.use("jsonObject")}(v);`,
          `  const o: ${type} = {};`,
          "  for (const k of Object.keys(s)) {",
          "    const x = s[k];",
          `    ${set}`,
          "  }",
          "  return o;",
          "}",
        ].join("\n");
      }
      default:
        throw new Error(`internal: no JSON reader function for ${shape.type} ${shape.id}`);
    }
  }
}

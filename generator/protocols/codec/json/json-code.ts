// Straight-line code that turns model values into JSON-ready values and back: one `se_`/`de_`
// function per structure, union, and list or map that needs converting, and an expression for
// every other value. Member names on the wire are their @jsonName (unless the protocol ignores
// it, as awsJson does); timestamps default to
// epoch-seconds; blobs are base64; NaN and the infinities are strings; null members are omitted.

import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import type { SymbolProvider } from "../../../symbols/symbol-provider.js";
import type { FileImports } from "../../../codegen/file-imports.js";
import { ShapeFunctions, type ShapeFunction } from "../shape-functions.js";
import {
  defaultExpression, defaultValue, isJsonIdentity, isSparse, jsonName, literalKey, readProperty, timestampFormat,
  writeProperty, type TimestampFormat,
} from "./values.js";

/** The helpers that write and read each timestamp format (also used for headers, query and labels). */
export const TO_TIMESTAMP: Record<TimestampFormat, string> = {
  "epoch-seconds": "epochSeconds", "date-time": "dateTime", "http-date": "httpDate",
};
export const FROM_TIMESTAMP: Record<TimestampFormat, string> = {
  "epoch-seconds": "fromEpochSeconds", "date-time": "fromDateTime", "http-date": "fromHttpDate",
};

export type { ShapeFunction };

/** Serializer, deserializer of decoded values, or (CBOR) reader of the input item by item. */
export type Direction = "se" | "de" | "rd";

export class JsonCode {
  private readonly functions = new ShapeFunctions();

  constructor(
    protected readonly index: ShapeIndex,
    private readonly symbols: SymbolProvider,
    protected readonly runtime: FileImports,
    /**
     * Whether nested structures are written with the @default of every member left unset: a
     * server's responses always are; a client's requests only when asked (`populateDefaults`),
     * since AWS SDKs send only what the caller set.
     */
    readonly populateDefaults: boolean,
    /** Whether member names on the wire are their @jsonName (restJson1) or always the member name (awsJson). */
    private readonly honourJsonName = true,
  ) {}

  /** The JSON property name of a member for this protocol. */
  wireName(m: Member): string {
    return this.honourJsonName ? jsonName(m) : m.name;
  }

  /** The per-shape functions written so far, sorted by name. */
  shapeFunctions(): ShapeFunction[] {
    return this.functions.sorted();
  }

  /** A JSON-ready value for the non-null `expr`, a value of `target` reached through `member`. */
  toJson(target: Shape, expr: string, member?: Member): string {
    const rt = this.runtime;
    switch (target.type) {
      case "float": case "double": return `${rt.use("num")}(${expr})`;
      case "bigInteger": case "bigDecimal": return `${rt.use("bigJson")}(${expr})`;
      case "timestamp": return `${rt.use(TO_TIMESTAMP[timestampFormat(member, target, "epoch-seconds")])}(${expr})`;
      case "blob": return `${rt.use("toBase64")}(${expr})`;
      case "list": {
        if (!this.isIdentity(this.item(target), "se")) return `${this.shapeFunction("se", target)}(${expr})`;
        return isSparse(target) ? expr : `${rt.use("dense")}(${expr})`;
      }
      case "map": {
        if (!this.isIdentity(this.mapValue(target), "se")) return `${this.shapeFunction("se", target)}(${expr})`;
        return isSparse(target) ? expr : `${rt.use("denseMap")}(${expr})`;
      }
      case "structure":
        return isUnit(target) ? "{}" : `${this.shapeFunction("se", target)}(${expr})`;
      case "union":
        return `${this.shapeFunction("se", target)}(${expr})`;
      default:
        return expr;
    }
  }

  /** A model value for the non-null JSON value `expr` of `target` reached through `member`. */
  fromJson(target: Shape, expr: string, member?: Member): string {
    const rt = this.runtime;
    switch (target.type) {
      case "float": case "double": return `${rt.use("fromNum")}(${expr})`;
      case "bigInteger": return `${rt.use("fromBig")}(${expr}, true)`;
      case "bigDecimal": return `${rt.use("fromBig")}(${expr}, false)`;
      case "timestamp": return `${rt.use(FROM_TIMESTAMP[timestampFormat(member, target, "epoch-seconds")])}(${expr})`;
      case "blob": return `${rt.use("fromBase64")}(${expr})`;
      case "list": {
        if (!this.isIdentity(this.item(target), "de")) return `${this.shapeFunction("de", target)}(${expr})`;
        return isSparse(target) ? expr : `${rt.use("dense")}(${expr})`;
      }
      case "map": {
        if (!this.isIdentity(this.mapValue(target), "de")) return `${this.shapeFunction("de", target)}(${expr})`;
        return isSparse(target) ? expr : `${rt.use("denseMap")}(${expr})`;
      }
      case "structure":
        return isUnit(target) ? "{}" : `${this.shapeFunction("de", target)}(${expr})`;
      case "union":
        return `${this.shapeFunction("de", target)}(${expr})`;
      default:
        return expr;
    }
  }

  /**
   * An object literal with the JSON properties of `members` read from `source`; null and
   * undefined members become undefined, which JSON.stringify leaves out. `defaults` fills
   * missing members that have a @default (never for top-level input, per the protocol tests).
   */
  objectLiteral(members: readonly Member[], source: string, defaults: boolean): string {
    const properties = members.map((m) => {
      const target = this.index.target(m);
      const value = this.read(source, m.name);
      if (m.traits.has("smithy.api#idempotencyToken")) {
        return `${literalKey(this.wireName(m))}: ${this.toJson(target, `(${value} ?? ${this.runtime.use("uuid")}())`, m)}`;
      }
      const fallback = defaults && !m.traits.has("smithy.api#clientOptional") ? defaultValue(m) : undefined;
      if (fallback !== undefined) {
        const defaulted = `(${value} ?? ${defaultExpression(target, fallback.value)})`;
        return `${literalKey(this.wireName(m))}: ${this.toJson(target, defaulted, m)}`;
      }
      const converted = this.toJson(target, value, m);
      return `${literalKey(this.wireName(m))}: ${converted === value ? `${value} ?? undefined` : `${value} == null ? undefined : ${converted}`}`;
    });
    return `{ ${properties.join(", ")} }`;
  }

  /** Statements setting `target.Member` from the JSON properties of `source` that are not null. */
  readMembers(members: readonly Member[], source: string, target: string): string[] {
    return members.map((m) => {
      const shape = this.index.target(m);
      const value = this.read(source, this.wireName(m));
      const converted = this.fromJson(shape, value, m);
      const fallback = defaultValue(m);
      if (fallback !== undefined) {
        return this.write(target, m.name, `${value} != null ? ${converted} : ${defaultExpression(shape, fallback.value)}`);
      }
      return `if (${value} != null) ${this.write(target, m.name, converted)}`;
    });
  }

  /** `source.key`, safe for keys that Object.prototype also has. */
  read(source: string, key: string): string {
    return readProperty(source, key, () => this.runtime.use("own"));
  }

  write(target: string, key: string, value: string): string {
    return writeProperty(target, key, value, () => this.runtime.use("put"));
  }

  /** Whether values of `shape` cross the wire unchanged in `direction` (a codec over another media type says otherwise). */
  protected isIdentity(shape: Shape, _direction: Direction): boolean {
    return isJsonIdentity(shape);
  }

  /** The TypeScript type of values of `shape`, recording named types used. */
  typeOf(shape: Shape): string {
    return this.runtime.type(shape);
  }

  /**
   * The statements of a list's or map's function: a loop converting each non-null item or value
   * of `v` (a sparse collection keeps its nulls); a value that is not a list or object is
   * returned as is. A serializer never changes the caller's value: it returns it when nothing in
   * it changes, else a copy (of a map, a spread copy whose values are then replaced, which is
   * faster than adding keys to an empty object one by one). A deserializer converts in place, since its value is fresh from JSON.parse.
   * Either way each key is already an own property when it is set, so a key `__proto__` stays an
   * own property.
   */
  private collection(shape: Shape, direction: Direction): string {
    const member = this.collectionMember(shape);
    const target = this.index.target(member);
    const sparse = isSparse(shape);
    if (direction === "de") {
      const convert = (x: string) => this.fromJson(target, x, member);
      if (shape.type === "list") {
        if (sparse) {
          return ["if (!Array.isArray(v)) return v;", `for (let i = 0; i < v.length; i++) v[i] = v[i] == null ? null : ${convert("v[i]")};`, "return v;"].join("\n  ");
        }
        return [
          "if (!Array.isArray(v)) return v;",
          "let length = 0;",
          `for (const item of v) if (item != null) v[length++] = ${convert("item")};`,
          // Setting the length is a call into the engine: only when nulls were dropped.
          "if (length < v.length) v.length = length;",
          "return v;",
        ].join("\n  ");
      }
      return [
        `if (typeof v !== "object" || v === null) return v;`,
        "for (const key in v) {",
        "  const value = v[key];",
        // A union or collection that stays as parsed is not written back (a store costs more than the test).
        canReturnInput(target)
          ? `  if (value != null) {\n      const item = ${convert("value")};\n      if (item !== value) v[key] = item;\n    }`
          : `  if (value != null) v[key] = ${convert("value")};`,
        ...(sparse ? [] : ["  else delete v[key];"]),
        "}",
        "return v;",
      ].join("\n  ");
    }
    const convert = (x: string) => this.toJson(target, x, member);
    if (!canReturnInput(target)) {
      // Every item or value changes: a new collection (a map as a copy whose values are then replaced).
      if (shape.type === "list") {
        return [
          "if (!Array.isArray(v)) return v;",
          "const list: unknown[] = [];",
          `for (const item of v) if (item != null) list.push(${convert("item")});${sparse ? " else list.push(null);" : ""}`,
          "return list;",
        ].join("\n  ");
      }
      return [
        `if (typeof v !== "object" || v === null) return v;`,
        "const map: Record<string, unknown> = { ...v };",
        "for (const key in map) {",
        "  const value = v[key];",
        `  if (value != null) map[key] = ${convert("value")};`,
        `  else ${sparse ? "map[key] = null" : "delete map[key]"};`,
        "}",
        "return map;",
      ].join("\n  ");
    }
    // A copy is made only once an item or value changes (or a null is dropped): until then the
    // caller's collection is its own JSON, as most collections of unions stay.
    if (shape.type === "list") {
      return [
        "if (!Array.isArray(v)) return v;",
        "let list: unknown[] | undefined;",
        "for (let i = 0; i < v.length; i++) {",
        "  const item = v[i];",
        ...(sparse
          ? [
            `  const json = item == null ? null : ${convert("item")};`,
            "  if (list === undefined && json !== item) list = v.slice(0, i);",
            "  if (list !== undefined) list.push(json);",
          ]
          : [
            `  const json = item == null ? undefined : ${convert("item")};`,
            "  if (list === undefined && (json === undefined || json !== item)) list = v.slice(0, i);",
            "  if (list !== undefined && json !== undefined) list.push(json);",
          ]),
        "}",
        "return list ?? v;",
      ].join("\n  ");
    }
    return [
      `if (typeof v !== "object" || v === null) return v;`,
      "let map: Record<string, unknown> | undefined;",
      "for (const key in v) {",
      "  const value = v[key];",
      `  const json = value == null ? ${sparse ? "null" : "undefined"} : ${convert("value")};`,
      "  if (json === value) continue;",
      "  map ??= { ...v };",
      sparse ? "  map[key] = json;" : "  if (json === undefined) delete map[key];\n    else map[key] = json;",
      "}",
      "return map ?? v;",
    ].join("\n  ");
  }

  protected collectionMember(shape: Shape): Member {
    return shape.members[shape.type === "list" ? 0 : 1]!;
  }

  protected collectionValue(shape: Shape): Shape {
    return this.index.target(this.collectionMember(shape));
  }

  private item(list: Shape): Shape {
    return this.index.target(list.members[0]!);
  }

  private mapValue(map: Shape): Shape {
    return this.index.target(map.members[1]!);
  }

  /** The name of the se_/de_ function of `shape`, writing it on first use. */
  protected shapeFunction(direction: Direction, shape: Shape): string {
    return this.functions.nameOf(`${direction}:${shape.id}`, () => this.symbols.shapeFunction(direction, shape), (name) => this.functionCode(direction, shape, name));
  }

  /** The code of the function `name` of `shape`. */
  protected functionCode(direction: Direction, shape: Shape, name: string): string {
    if (direction === "rd") throw new Error(`internal: the JSON code has no item reader for ${shape.id}`);
    return direction === "se" ? this.serializerOf(shape, name) : this.deserializerOf(shape, name);
  }

  /**
   * A loop over a union value's keys with a case per member (`key` the member's key in `v`): the
   * set member is found by one switch on its key, not by reading every member in turn. A member
   * set to null falls through to the next key. A member whose value and key cross the wire
   * unchanged (for a serializer, also a collection or union that comes back as it was) returns `v`
   * itself when it is the value's only key (a serializer's JSON is then the caller's value, a
   * deserializer's output the parsed object), so no object is copied.
   */
  private unionCases(shape: Shape, direction: "se" | "de"): string {
    const cases = shape.members.map((m) => {
      const [from, to] = direction === "se" ? [m.name, this.wireName(m)] : [this.wireName(m), m.name];
      const value = this.read("v", from);
      const target = this.index.target(m);
      const converted = direction === "se" ? this.toJson(target, value, m) : this.fromJson(target, value, m);
      const only = () => `${this.runtime.use("hasOneKey")}(v)`;
      let set = `return { ${literalKey(to)}: ${converted} };`;
      if (from === to && converted === value) set = `return ${only()} ? v : { ${literalKey(to)}: ${value} };`;
      else if (direction === "se" && from === to && canReturnInput(target)) {
        // A collection or union that comes back unchanged leaves the whole value unchanged.
        set = `{\n        const json = ${converted};\n        return json === ${value} && ${only()} ? v : { ${literalKey(to)}: json };\n      }`;
      }
      return `    case ${JSON.stringify(from)}:\n      if (${value} != null) ${set}\n      break;`;
    });
    return `for (const key in v) {\n    switch (key) {\n${cases.join("\n")}\n    }\n  }`;
  }

  private serializerOf(shape: Shape, name: string): string {
    const type = this.typeOf(shape);
    switch (shape.type) {
      case "structure":
        return `function ${name}(v: ${type}): Record<string, unknown> {\n  return ${this.objectLiteral(shape.members, "v", this.populateDefaults)};\n}`;
      case "union": {
        const cases = this.unionCases(shape, "se");
        return `function ${name}(v: ${type}): unknown {\n  ${cases}\n  return v.$unknown === undefined ? {} : { [v.$unknown[0]]: v.$unknown[1] };\n}`;
      }
      case "list": case "map":
        return `function ${name}(v: ${type}): unknown {\n  ${this.collection(shape, "se")}\n}`;
      default:
        throw new Error(`internal: no JSON serializer function for ${shape.type} ${shape.id}`);
    }
  }

  private deserializerOf(shape: Shape, name: string): string {
    const type = this.typeOf(shape);
    switch (shape.type) {
      case "structure":
        return `function ${name}(v: any): ${type} {\n  const o = {} as ${type};\n  ${this.readMembers(shape.members, "v", "o").join("\n  ")}\n  return o;\n}`;
      case "union": {
        const cases = this.unionCases(shape, "de");
        return `function ${name}(v: any): ${type} {\n  ${cases}\n  return ${this.runtime.use("unknownMember")}(v);\n}`;
      }
      case "list": case "map":
        return `function ${name}(v: any): ${type} {\n  ${this.collection(shape, "de")}\n}`;
      default:
        throw new Error(`internal: no JSON deserializer function for ${shape.type} ${shape.id}`);
    }
  }
}

/** Whether the se_/de_ function of `shape` may return its argument itself (unchanged unions and collections do). */
const canReturnInput = (shape: Shape): boolean => shape.type === "union" || shape.type === "list" || shape.type === "map";

export const isUnit = (shape: Shape): boolean => shape.traits.has("smithy.api#unitType") || shape.id === "smithy.api#Unit";

// Straight-line code that reads model values out of parsed XML (runtime/xml/reader.ts elements),
// for any protocol whose bodies are XML (aws-xml-serialization.rst.template): one `de_` function
// per structure and union, the children of an element read in one pass with a `switch` on their
// names. Element names are the members' @xmlName (else the member name); @xmlAttribute members
// are attributes; lists and maps are wrapped (`member`, `entry`/`key`/`value`, or the @xmlName of
// their members) unless @xmlFlattened; timestamps default to date-time, blobs are base64.
// Namespaces play no part in reading. Where the members sit (a response wrapper, an HTTP
// payload) is the protocol's business: it hands an element to readMembers or to value.

import type { FileImports } from "../../../codegen/file-imports.js";
import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import type { SymbolProvider } from "../../../symbols/symbol-provider.js";
import { isUnit } from "../json/json-code.js";
import { ShapeFunctions, type ShapeFunction } from "../shape-functions.js";
import { defaultExpression, defaultValue, literalKey, readProperty, timestampFormat, writeProperty } from "../json/values.js";

const FROM_TEXT: Record<"date-time" | "epoch-seconds" | "http-date", string> = {
  "date-time": "parseDateTime", "epoch-seconds": "parseEpochSeconds", "http-date": "parseHttpDate",
};

/** The element (or attribute) name of a member: its @xmlName, else its name. */
export function xmlName(m: Member, fallback = m.name): string {
  const name = m.traits.get("smithy.api#xmlName");
  return typeof name === "string" ? name : fallback;
}

export const isFlattened = (m: Member): boolean => m.traits.has("smithy.api#xmlFlattened");
export const isAttribute = (m: Member): boolean => m.traits.has("smithy.api#xmlAttribute");

export class XmlReadCode {
  private readonly functions = new ShapeFunctions();

  constructor(
    private readonly index: ShapeIndex,
    private readonly symbols: SymbolProvider,
    private readonly runtime: FileImports,
  ) {}

  /** The per-shape functions written so far, sorted by name. */
  shapeFunctions(): ShapeFunction[] {
    return this.functions.sorted();
  }

  /** The runtime's name of the element type, for the signatures a protocol writes. */
  elementType(): string {
    return this.runtime.use("XmlElement");
  }

  /**
   * Statements setting the properties of `target` from the child elements and attributes of the
   * element `element` for `members`; missing members with a @default get it.
   */
  readMembers(members: readonly Member[], element: string, target: string): string[] {
    const cases: string[] = [];
    const statements: string[] = [];
    for (const m of members) {
      const shape = this.index.target(m);
      const key = m.name;
      if (isAttribute(m)) {
        statements.push(`{ const a = ${element}.attributes[${JSON.stringify(xmlName(m))}]; if (a !== undefined) ${this.write(target, key, this.fromText(shape, "a", m))} }`);
        continue;
      }
      cases.push(`case ${JSON.stringify(xmlName(m))}: ${this.childStatement(m, shape, target)} break;`);
    }
    if (cases.length > 0) {
      statements.unshift(`for (const c of ${element}.children) {\n    switch (c.name) {\n      ${cases.join("\n      ")}\n    }\n  }`);
    }
    for (const m of members) {
      const fallback = defaultValue(m);
      if (fallback === undefined) continue;
      const shape = this.index.target(m);
      statements.push(`if (${this.read(target, m.name)} === undefined) ${this.write(target, m.name, defaultExpression(shape, fallback.value))}`);
    }
    return statements;
  }

  /** A value of `target` (reached through `member`) read from the element `element`. */
  value(target: Shape, element: string, member?: Member): string {
    switch (target.type) {
      case "structure":
        return isUnit(target) ? "{}" : `${this.shapeFunction(target)}(${element})`;
      case "union":
        return `${this.shapeFunction(target)}(${element})`;
      case "list": {
        const item = target.members[0]!;
        return `${this.runtime.use("xmlList")}(${element}, ${JSON.stringify(xmlName(item, "member"))}, ${this.reader(item)})`;
      }
      case "map": {
        const [key, value] = target.members as [Member, Member];
        return `${this.runtime.use("xmlMap")}(${element}, "entry", ${this.entryArgs(key, value)})`;
      }
      default:
        return this.fromText(target, `${element}.text`, member);
    }
  }

  /** A scalar value of `target` from the text expression `text`. */
  fromText(target: Shape, text: string, member?: Member): string {
    const rt = this.runtime;
    switch (target.type) {
      case "string": return target.traits.has("smithy.api#enum") ? `${text} as ${this.typeOf(target)}` : text;
      case "enum": return `${text} as ${this.typeOf(target)}`;
      case "boolean": return `${rt.use("parseBooleanText")}(${text})`;
      case "byte": case "short": case "integer": case "long": return `${rt.use("parseIntegerText")}(${text})`;
      case "intEnum": return `${rt.use("parseIntegerText")}(${text}) as ${this.typeOf(target)}`;
      case "float": case "double": return `${rt.use("parseFloatText")}(${text})`;
      case "bigInteger": return `BigInt(${text}.trim())`;
      case "bigDecimal": return `${text}.trim()`;
      case "timestamp": return `${rt.use(FROM_TEXT[timestampFormat(member, target, "date-time")])}(${text})`;
      case "blob": return `${rt.use("parseBase64")}(${text})`;
      default:
        throw new Error(`${target.id}: a ${target.type} cannot be read from XML`);
    }
  }

  /** The TypeScript type of values of `shape`, recording named types used. */
  typeOf(shape: Shape): string {
    return this.runtime.type(shape);
  }

  /** What a member's child element `c` adds to `target`: the value, or one more item or entry of a flattened collection. */
  private childStatement(m: Member, shape: Shape, target: string): string {
    if (isFlattened(m) && shape.type === "list") {
      const item = shape.members[0]!;
      return `${this.collection(target, m.name, "[]", this.typeOf(shape))}.push(${this.value(this.index.target(item), "c", item)});`;
    }
    if (isFlattened(m) && shape.type === "map") {
      const [key, value] = shape.members as [Member, Member];
      return `${this.runtime.use("xmlMapEntry")}(${this.collection(target, m.name, "{}", this.typeOf(shape))}, c, ${this.entryArgs(key, value)});`;
    }
    return this.write(target, m.name, this.value(shape, "c", m));
  }

  /** `"key", "value", reader` of a map's entries. */
  private entryArgs(key: Member, value: Member): string {
    return `${JSON.stringify(xmlName(key, "key"))}, ${JSON.stringify(xmlName(value, "value"))}, ${this.reader(value)}`;
  }

  /** The collection property `key` of `target`, created empty on first use. */
  private collection(target: string, key: string, empty: string, type: string): string {
    if (key in Object.prototype) return `${this.runtime.use("slot")}(${target}, ${JSON.stringify(key)}, ${empty} as ${type})`;
    return `(${readProperty(target, key, () => "")} ??= ${empty})`;
  }

  /** A function reading an item or map value element: a shape function by name, else an arrow. */
  private reader(member: Member): string {
    const target = this.index.target(member);
    if (target.type === "string" && !target.traits.has("smithy.api#enum")) return this.runtime.use("xmlText");
    const value = this.value(target, "x", member);
    const call = /^([A-Za-z_$][\w$]*)\(x\)$/.exec(value);
    return call !== null ? call[1]! : `(x: ${this.elementType()}) => ${value}`;
  }

  private read(source: string, key: string): string {
    return readProperty(source, key, () => this.runtime.use("own"));
  }

  private write(target: string, key: string, value: string): string {
    return writeProperty(target, key, value, () => this.runtime.use("put"));
  }

  /** The name of the de_ function of a structure or union, writing it on first use. */
  private shapeFunction(shape: Shape): string {
    return this.functions.nameOf(shape.id, () => this.symbols.shapeFunction("de", shape), (name) => this.readerFunction(shape, name));
  }

  private readerFunction(shape: Shape, name: string): string {
    const type = this.typeOf(shape);
    const e = this.elementType();
    let body: string;
    if (shape.type === "structure") {
      body = `const o = {} as ${type};\n  ${this.readMembers(shape.members, "e", "o").join("\n  ")}\n  return o;`;
    } else {
      const cases = shape.members.map((m) => {
        const target = this.index.target(m);
        // A flattened collection member is every child of that name, not just this one.
        const value = isFlattened(m) && (target.type === "list" || target.type === "map")
          ? this.flattenedInUnion(m, target)
          : this.value(target, "c", m);
        return `case ${JSON.stringify(xmlName(m))}: return { ${literalKey(m.name)}: ${value} };`;
      });
      body = `for (const c of e.children) {\n    switch (c.name) {\n      ${cases.join("\n      ")}\n    }\n  }\n  return ${this.runtime.use("xmlUnknownMember")}(e);`;
    }
    return `function ${name}(e: ${e}): ${type} {\n  ${body}\n}`;
  }

  private flattenedInUnion(m: Member, target: Shape): string {
    if (target.type === "list") return `${this.runtime.use("xmlList")}(e, ${JSON.stringify(xmlName(m))}, ${this.reader(target.members[0]!)})`;
    const [key, value] = target.members as [Member, Member];
    return `${this.runtime.use("xmlMap")}(e, ${JSON.stringify(xmlName(m))}, ${this.entryArgs(key, value)})`;
  }
}

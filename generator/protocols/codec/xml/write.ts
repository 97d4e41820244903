// Straight-line code that turns model values into XML elements (aws-xml-serialization.rst and the
// XML traits of protocol-traits.rst): one `se_` function per structure, union, list and map,
// building the element tree runtime/xml/writer.ts serializes. Element names are the member name
// or its @xmlName; @xmlAttribute members are attributes of their structure's element; lists wrap
// their items in `member` (or the list member's @xmlName) unless @xmlFlattened; maps write
// `entry` elements with `key` and `value` (or their @xmlName); an @xmlNamespace of a member is an
// `xmlns` attribute on each element written for it, one of a structure counts only at the root.
// Timestamps default to date-time, blobs are base64, null members and items are left out.

import type { FileImports } from "../../../codegen/file-imports.js";
import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import { nameOf } from "../../../model/shape-id.js";
import type { SymbolProvider } from "../../../symbols/symbol-provider.js";
import { ShapeFunctions, type ShapeFunction } from "../shape-functions.js";
import { literalKey, readProperty, timestampFormat } from "../json/values.js";
import { isAttribute, isFlattened, xmlName } from "./xml-read-code.js";

/** The root element name of a shape: its @xmlName, else its shape name. */
function rootName(shape: Shape): string {
  const name = shape.traits.get("smithy.api#xmlName");
  return typeof name === "string" ? name : nameOf(shape.id);
}

/** The attribute `@xmlNamespace` declares, as an object literal entry (`xmlns: "uri"`, `"xmlns:p": "uri"`). */
export function namespaceEntry(subject: Member | Shape): string | undefined {
  const ns = subject.traits.get("smithy.api#xmlNamespace") as { uri?: unknown; prefix?: unknown } | undefined;
  if (typeof ns?.uri !== "string") return undefined;
  const attribute = typeof ns.prefix === "string" && ns.prefix !== "" ? `xmlns:${ns.prefix}` : "xmlns";
  return `${literalKey(attribute)}: ${JSON.stringify(ns.uri)}`;
}

export class XmlWriteCode {
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

  /**
   * The XML text of a request body whose root element holds `members` of `source`: named by the
   * input shape's @xmlName or shape name, with its @xmlNamespace or else the service's. The
   * members are written by a `body_<Input>` function (the input's own `se_` would write all of them).
   */
  documentBody(input: Shape, members: readonly Member[], source: string, service: Shape): string {
    const fn = this.functions.nameOf(`body:${input.id}`, () => this.symbols.shapeFunction("body", input), (name) => this.structureFunction(name, this.runtime.type(input), members));
    const attributes = namespaceEntry(input) ?? namespaceEntry(service);
    const root = `${fn}(${source}, ${JSON.stringify(rootName(input))}${attributes === undefined ? "" : `, { ${attributes} }`})`;
    return `${this.runtime.use("writeXml")}(${root})`;
  }

  /**
   * The XML text of a structure or union `@httpPayload` (a non-null `expr`): the root named by the
   * member's @xmlName, else the target's, else the target's shape name; its namespace the
   * member's, else the target's, else the service's.
   */
  payloadBody(member: Member, target: Shape, expr: string, service: Shape): string {
    const name = member.traits.has("smithy.api#xmlName") ? xmlName(member) : rootName(target);
    const attributes = namespaceEntry(member) ?? namespaceEntry(target) ?? namespaceEntry(service);
    return `${this.runtime.use("writeXml")}(${this.shapeFunction(target)}(${expr}, ${JSON.stringify(name)}${attributes === undefined ? "" : `, { ${attributes} }`}))`;
  }

  /** XML text for the non-null scalar `expr` of `target` reached through `member`. */
  text(target: Shape, expr: string, member?: Member): string {
    const rt = this.runtime;
    switch (target.type) {
      case "string": case "enum": case "bigDecimal":
        return expr;
      case "float": case "double":
        return `${rt.use("formatFloat")}(${expr})`;
      case "timestamp": {
        const format = timestampFormat(member, target, "date-time");
        if (format === "epoch-seconds") return `String(${rt.use("epochSeconds")}(${expr}))`;
        return `${rt.use(format === "date-time" ? "dateTime" : "httpDate")}(${expr})`;
      }
      case "blob":
        return `${rt.use("toBase64")}(${expr})`;
      default:
        return `String(${expr})`;
    }
  }

  /**
   * The element named `name` (an expression) for the non-null `expr` of `target`; `attributes`
   * is an object literal's entries (a namespace) or undefined.
   */
  private element(target: Shape, expr: string, member: Member, name: string, attributes: string | undefined): string {
    const attrs = attributes === undefined ? "" : `, { ${attributes} }`;
    switch (target.type) {
      case "structure": case "union":
        return `${this.shapeFunction(target)}(${expr}, ${name}${attrs})`;
      case "list": {
        const item = target.members[0]!;
        return `${this.runtime.use("xmlElement")}(${name}, ${this.shapeFunction(target)}(${expr}, ${JSON.stringify(xmlName(item, "member"))})${attrs})`;
      }
      case "map":
        return `${this.runtime.use("xmlElement")}(${name}, ${this.shapeFunction(target)}(${expr}, "entry")${attrs})`;
      default:
        return `${this.runtime.use("xmlElement")}(${name}, ${this.text(target, expr, member)}${attrs})`;
    }
  }

  /** Statements adding the members of `source` to the children `c` and the attributes `a`. */
  private memberStatements(members: readonly Member[], source: string): string[] {
    return members.map((m) => {
      const target = this.index.target(m);
      const value = readProperty(source, m.name, () => this.runtime.use("own"));
      const name = JSON.stringify(xmlName(m));
      if (isAttribute(m)) return `if (${value} != null) a[${name}] = ${this.text(target, value, m)};`;
      if (isFlattened(m) && (target.type === "list" || target.type === "map")) {
        return `if (${value} != null) c.push(...${this.shapeFunction(target)}(${value}, ${name}));`;
      }
      return `if (${value} != null) c.push(${this.element(target, value, m, name, namespaceEntry(m))});`;
    });
  }

  private structureFunction(name: string, type: string, members: readonly Member[]): string {
    const XmlElement = this.runtime.use("XmlElement");
    const statements = this.memberStatements(members, "v");
    return [
      `function ${name}(v: ${type}, name: string, a: Record<string, string> = {}): ${XmlElement} {`,
      `  const c: ${XmlElement}[] = [];`,
      ...statements.map((s) => `  ${s}`),
      `  return ${this.runtime.use("xmlElement")}(name, c, a);`,
      `}`,
    ].join("\n");
  }

  /** The name of the se_ function of `shape`, writing it on first use. */
  private shapeFunction(shape: Shape): string {
    return this.functions.nameOf(shape.id, () => this.symbols.shapeFunction("se", shape), (name) => this.functionOf(shape, name));
  }

  private functionOf(shape: Shape, name: string): string {
    const type = this.runtime.type(shape);
    const XmlElement = this.runtime.use("XmlElement");
    switch (shape.type) {
      case "structure": case "union":
        return this.structureFunction(name, type, shape.members);
      case "list": {
        // Items are named by the caller: `member` (or @xmlName) when wrapped, the structure member's name when flattened.
        const item = shape.members[0]!;
        const element = this.element(this.index.target(item), "x", item, "name", namespaceEntry(item));
        return [
          `function ${name}(v: ${type}, name: string): ${XmlElement}[] {`,
          `  const c: ${XmlElement}[] = [];`,
          `  for (const x of v) if (x != null) c.push(${element});`,
          `  return c;`,
          `}`,
        ].join("\n");
      }
      case "map": {
        // Entries are named by the caller: `entry` when wrapped, the structure member's name when flattened.
        const [key, value] = shape.members as [Member, Member];
        const keyElement = this.element(this.index.target(key), "k", key, JSON.stringify(xmlName(key, "key")), namespaceEntry(key));
        const valueElement = this.element(this.index.target(value), "x", value, JSON.stringify(xmlName(value, "value")), namespaceEntry(value));
        return [
          `function ${name}(v: ${type}, name: string): ${XmlElement}[] {`,
          `  const c: ${XmlElement}[] = [];`,
          `  for (const k of Object.keys(v)) {`,
          `    const x = v[k];`,
          `    if (x != null) c.push(${this.runtime.use("xmlElement")}(name, [${keyElement}, ${valueElement}]));`,
          `  }`,
          `  return c;`,
          `}`,
        ].join("\n");
      }
      default:
        throw new Error(`internal: no XML serializer function for ${shape.type} ${shape.id}`);
    }
  }
}

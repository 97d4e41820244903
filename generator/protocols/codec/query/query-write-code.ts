// Straight-line code that writes model values as the form pairs of an awsQuery or ec2Query
// request (aws-query-serialization.rst.template): one `se_` function per structure and union,
// called with the key prefix of its members (`""` at the top, `A.B.` below); lists and maps are
// loops inlined where they are written. The dialects differ only in key names, decided here at
// generation time: awsQuery keys are the @xmlName or member name, lists wrapped in `member` (or
// the list member's @xmlName) unless @xmlFlattened, an empty list sent as `Key=`; ec2Query keys
// are the @ec2QueryName, else the @xmlName or member name capitalised, lists always flattened
// and an empty list not sent. Null items and map values are skipped without using up an index.

import type { FileImports } from "../../../codegen/file-imports.js";
import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import type { SymbolProvider } from "../../../symbols/symbol-provider.js";
import { ShapeFunctions, type ShapeFunction } from "../shape-functions.js";
import { readProperty, timestampFormat } from "../json/values.js";
import { isFlattened, xmlName } from "../xml/xml-read-code.js";

export type QueryDialect = "awsQuery" | "ec2Query";

const TO_TEXT: Record<"date-time" | "epoch-seconds" | "http-date", string> = {
  "date-time": "formatDateTime", "epoch-seconds": "formatEpochSeconds", "http-date": "formatHttpDate",
};

/** Text that stands for itself inside a template literal. */
const literalText = (s: string): string => s.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);

export class QueryWriteCode {
  private readonly functions = new ShapeFunctions();

  constructor(
    private readonly index: ShapeIndex,
    private readonly symbols: SymbolProvider,
    private readonly runtime: FileImports,
    private readonly dialect: QueryDialect,
  ) {}

  /** The per-shape functions written so far, sorted by name. */
  shapeFunctions(): ShapeFunction[] {
    return this.functions.sorted();
  }

  /** Statements adding the pairs of `value`, a structure of `shape`, to the form `form` (nothing for a structure without members). */
  writeInput(shape: Shape, value: string, form: string): string[] {
    return shape.members.length === 0 ? [] : [`${this.shapeFunction(shape)}(${form}, "", ${value});`];
  }

  /** The key segment of a structure or union member. */
  memberKey(m: Member): string {
    if (this.dialect === "awsQuery") return xmlName(m);
    const ec2 = m.traits.get("aws.protocols#ec2QueryName");
    if (typeof ec2 === "string") return ec2;
    const name = xmlName(m);
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  /**
   * Statements writing the non-null `value` of `target` (reached through `member`) under the key
   * `key` (a template literal's text); `depth` keeps loop variables of nested collections apart.
   */
  private write(target: Shape, member: Member | undefined, key: string, value: string, depth: number): string {
    const rt = this.runtime;
    switch (target.type) {
      case "structure": case "union":
        return target.members.length === 0 ? "" : `${this.shapeFunction(target)}(f, \`${key}.\`, ${value});`;
      case "list": {
        const item = target.members[0]!;
        const flat = this.dialect === "ec2Query" || (member !== undefined && isFlattened(member));
        const [l, x, n] = [`l${depth}`, `x${depth}`, `n${depth}`];
        const itemKey = flat ? `${key}.\${${n}}` : `${key}.${literalText(xmlName(item, "member"))}.\${${n}}`;
        const empty = this.dialect === "awsQuery" ? `if (${l}.length === 0) f.add(\`${key}\`, "");\n  ` : "";
        const body = this.write(this.index.target(item), item, itemKey, x, depth + 1);
        return `{\n  const ${l} = ${value};\n  ${empty}let ${n} = 0;\n  for (const ${x} of ${l}) if (${x} != null) {\n    ${n}++;\n    ${body}\n  }\n}`;
      }
      case "map": {
        const [keyMember, valueMember] = target.members as [Member, Member];
        const flat = member !== undefined && isFlattened(member);
        const [m, k, x, n] = [`m${depth}`, `k${depth}`, `x${depth}`, `n${depth}`];
        const entry = flat ? `${key}.\${${n}}` : `${key}.entry.\${${n}}`;
        const keyText = `${entry}.${literalText(xmlName(keyMember, "key"))}`;
        const valueText = `${entry}.${literalText(xmlName(valueMember, "value"))}`;
        const body = this.write(this.index.target(valueMember), valueMember, valueText, x, depth + 1);
        return `{\n  const ${m} = ${value};\n  let ${n} = 0;\n  for (const ${k} of Object.keys(${m})) {\n    const ${x} = ${m}[${k}];\n    if (${x} == null) continue;\n    ${n}++;\n    f.add(\`${keyText}\`, ${k});\n    ${body}\n  }\n}`;
      }
      case "string": case "enum": return `f.add(\`${key}\`, ${value});`;
      case "boolean": case "byte": case "short": case "integer": case "long": case "intEnum": case "bigInteger": case "bigDecimal":
        return `f.add(\`${key}\`, String(${value}));`;
      case "float": case "double": return `f.add(\`${key}\`, ${rt.use("formatFloat")}(${value}));`;
      case "timestamp": return `f.add(\`${key}\`, ${rt.use(TO_TEXT[timestampFormat(member, target, "date-time")])}(${value}));`;
      case "blob": return `f.add(\`${key}\`, ${rt.use("formatBase64")}(${value}));`;
      default:
        throw new Error(`${target.id}: a ${target.type} cannot be written in a query request`);
    }
  }

  /** The name of the se_ function of a structure or union, writing it on first use. */
  private shapeFunction(shape: Shape): string {
    return this.functions.nameOf(shape.id, () => this.symbols.shapeFunction("se", shape), (name) => this.writerFunction(shape, name));
  }

  private writerFunction(shape: Shape, name: string): string {
    const statements = shape.members.flatMap((m) => {
      const target = this.index.target(m);
      const read = readProperty("v", m.name, () => this.runtime.use("own"));
      const key = `\${p}${literalText(this.memberKey(m))}`;
      if (m.traits.has("smithy.api#idempotencyToken")) return [this.write(target, m, key, `(${read} ?? ${this.runtime.use("uuid")}())`, 0)];
      const statement = this.write(target, m, key, read, 0);
      // A structure without members writes nothing.
      return statement === "" ? [] : [`if (${read} != null) ${statement}`];
    });
    const type = this.runtime.type(shape);
    const form = this.runtime.use("QueryForm");
    return `function ${name}(f: ${form}, p: string, v: ${type}): void {\n  ${statements.join("\n  ")}\n}`;
  }
}

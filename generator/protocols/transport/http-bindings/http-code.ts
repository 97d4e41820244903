// Expressions for values that travel as text in the HTTP message: URI labels, query parameters
// and headers (http-bindings.rst). Timestamps default to date-time in labels and the query and to
// http-date in headers; strings with @mediaType are base64 in headers; lists repeat the query key
// or become one comma-separated header.

import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import { FROM_TIMESTAMP, TO_TIMESTAMP } from "../../codec/json/json-code.js";
import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import { timestampFormat, type TimestampFormat } from "../../codec/json/values.js";

export type TextLocation = "label" | "query" | "header";

const DEFAULT_FORMAT: Record<TextLocation, TimestampFormat> = { label: "date-time", query: "date-time", header: "http-date" };

export class HttpCode {
  constructor(
    private readonly index: ShapeIndex,
    private readonly runtime: RuntimeImports,
    /** The TypeScript type of a shape's values (enums are named types: header text is cast to them). */
    private readonly typeOf: (shape: Shape) => string,
  ) {}

  /**
   * A function expression turning one scalar of `target` into text, or undefined when the value
   * is already a string (`String` is then the converter).
   */
  private converter(target: Shape, member: Member | undefined, location: TextLocation): string | undefined {
    const rt = this.runtime;
    switch (target.type) {
      case "string": case "enum":
        return location === "header" && target.traits.has("smithy.api#mediaType") ? rt.use("toBase64") : undefined;
      case "timestamp": {
        const format = timestampFormat(member, target, DEFAULT_FORMAT[location]);
        return format === "epoch-seconds" ? `(d: Date) => String(${rt.use("epochSeconds")}(d))` : rt.use(TO_TIMESTAMP[format]);
      }
      default:
        return undefined;
    }
  }

  /** Text for the non-null scalar `expr` of `target`; `what` names it in the error for a non-scalar. */
  toText(target: Shape, expr: string, member: Member | undefined, location: TextLocation, what = `${location} ${member?.name ?? "value"}`): string {
    const converter = this.converter(target, member, location);
    const text = `${this.runtime.use("scalarText")}(${expr}, ${JSON.stringify(what)})`;
    if (converter === undefined) return text;
    if (target.type === "timestamp") return /^[A-Za-z_$][\w$]*$/.test(converter) ? `${converter}(${expr})` : `(${converter})(${expr})`;
    return `${converter}(${text})`;
  }

  /** The header value of the non-null `expr` (a scalar or a list), checked for line breaks. */
  header(member: Member, name: string, expr: string): string {
    const target = this.index.target(member);
    const quotedName = JSON.stringify(name);
    if (target.type !== "list") {
      const value = target.type === "timestamp" || target.traits.has("smithy.api#mediaType") ? this.toText(target, expr, member, "header") : expr;
      return `${this.runtime.use("header")}(${value}, ${quotedName})`;
    }
    const itemMember = target.members[0]!;
    const item = this.index.target(itemMember);
    const converter = this.converter(item, itemMember, "header");
    // http-date values hold a comma, and are not quoted (as AWS SDK v3 does).
    const quote = item.type !== "timestamp";
    const args = [expr, quotedName, ...(converter === undefined && quote ? [] : [converter ?? "undefined", String(quote)])];
    return `${this.runtime.use("headerList")}(${args.join(", ")})`;
  }

  /** The query value of the non-null `expr`: a string, or a string[] for a list. */
  query(member: Member, expr: string): string {
    const target = this.index.target(member);
    if (target.type !== "list") return this.toText(target, expr, member, "query");
    const itemMember = target.members[0]!;
    const converter = this.converter(this.index.target(itemMember), itemMember, "query");
    return `${this.runtime.use("queryList")}(${expr}${converter === undefined ? "" : `, ${converter}`})`;
  }

  /** A percent-encoded URI label; throws at run time when the value is missing or empty. */
  label(member: Member, expr: string, greedy: boolean): string {
    const target = this.index.target(member);
    const value = target.type === "timestamp" ? `(${expr} == null ? undefined : ${this.toText(target, expr, member, "label")})` : expr;
    return `${this.runtime.use(greedy ? "greedyLabel" : "label")}(${value}, ${JSON.stringify(member.name)})`;
  }

  /** The model value of header text `expr` (a string) for `member`. */
  fromHeader(member: Member, expr: string): string {
    const target = this.index.target(member);
    const isEnum = (s: Shape) => s.type === "enum" || s.type === "intEnum" || s.traits.has("smithy.api#enum");
    if (target.type !== "list") {
      const value = this.fromText(target, member, expr);
      return isEnum(target) ? `(${value} as ${this.typeOf(target)})` : value;
    }
    const itemMember = target.members[0]!;
    const item = this.index.target(itemMember);
    const dates = item.type === "timestamp" && timestampFormat(itemMember, item, "http-date") === "http-date";
    const split = `${this.runtime.use(dates ? "splitDates" : "splitHeader")}(${expr})`;
    const convert = this.fromText(item, itemMember, "x");
    const list = convert === "x" ? split : `${split}.map((x) => ${convert})`;
    return isEnum(item) ? `(${list} as ${this.typeOf(target)})` : list;
  }

  private fromText(target: Shape, member: Member, expr: string): string {
    const rt = this.runtime;
    switch (target.type) {
      case "string": case "enum":
        return target.traits.has("smithy.api#mediaType") ? `${rt.use("fromUtf8")}(${rt.use("fromBase64")}(${expr}))` : expr;
      case "boolean": return `${expr}.toLowerCase() === "true"`;
      case "byte": case "short": case "integer": case "long": case "float": case "double": case "intEnum":
        return `Number(${expr})`;
      case "bigInteger": return `${rt.use("fromBig")}(${expr}, true)`;
      case "bigDecimal": return `${rt.use("fromBig")}(${expr}, false)`;
      case "timestamp": return `${rt.use(FROM_TIMESTAMP[timestampFormat(member, target, "http-date")])}(${expr})`;
      default:
        throw new Error(`internal: ${target.type} ${target.id} cannot be read from a header`);
    }
  }
}

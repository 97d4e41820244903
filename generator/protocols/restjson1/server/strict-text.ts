// Expressions that read request values carried as text — URI labels, query parameters and
// headers (http-bindings.rst) — strictly: booleans are exactly `true`/`false`, numbers are
// decimal without trailing text and in range, timestamps are in the member's one format
// (date-time in labels and the query, http-date in headers by default), strings with a
// @mediaType are base64 in headers. What does not fit throws (400 SerializationException).

import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import { timestampFormat } from "../../codec/json/values.js";
import type { FileImports } from "../../../codegen/file-imports.js";
import { asEnum, INTEGER_RANGES } from "../../codec/json/strict-json.js";

export type TextLocation = "label" | "query" | "header";

export class StrictText {
  constructor(
    private readonly index: ShapeIndex,
    private readonly runtime: FileImports,
  ) {}

  /** The model value of the text `expr` (a string) of a scalar `member`. */
  scalar(member: Member, expr: string, location: TextLocation): string {
    return this.fromText(this.index.target(member), member, expr, location);
  }

  /** A text payload `expr` as a value of `target`, a string or enum shape. */
  payload(target: Shape, expr: string): string {
    return asEnum(expr, target, this.runtime);
  }

  /** The model value of a header: a scalar, or a list split on its commas. */
  header(member: Member, expr: string): string {
    const target = this.index.target(member);
    if (target.type !== "list") return this.fromText(target, member, expr, "header");
    const itemMember = target.members[0]!;
    const item = this.index.target(itemMember);
    const dates = item.type === "timestamp" && timestampFormat(itemMember, item, "http-date") === "http-date";
    const split = `${this.runtime.use(dates ? "splitDates" : "splitHeader")}(${expr})`;
    const convert = this.fromText(item, itemMember, "x", "header");
    return convert === "x" ? split : `${split}.map((x) => ${convert})`;
  }

  /** The model value of a query parameter from its values `expr` (a string[]): the first, or all for a list. */
  query(member: Member, expr: string): string {
    const target = this.index.target(member);
    if (target.type !== "list") return this.fromText(target, member, `${expr}[0]!`, "query");
    const itemMember = target.members[0]!;
    const convert = this.fromText(this.index.target(itemMember), itemMember, "x", "query");
    return convert === "x" ? expr : `${expr}.map((x) => ${convert})`;
  }

  private fromText(target: Shape, member: Member, expr: string, location: TextLocation): string {
    const h = this.runtime;
    switch (target.type) {
      case "string": case "enum":
        if (location === "header" && target.traits.has("smithy.api#mediaType")) return `${h.use("fromUtf8")}(${h.use("jsonBlob")}(${expr}))`;
        return asEnum(expr, target, this.runtime);
      case "boolean": return `${h.use("textBoolean")}(${expr})`;
      case "byte": case "short": case "integer": case "long": case "intEnum": {
        const [min, max] = INTEGER_RANGES[target.type]!;
        return asEnum(`${h.use("textInteger")}(${expr}, ${min}, ${max})`, target, this.runtime);
      }
      case "float": case "double": return `${h.use("textFloat")}(${expr})`;
      case "bigInteger": return `${h.use("fromBig")}(${expr}, true)`;
      case "bigDecimal": return `${h.use("fromBig")}(${expr}, false)`;
      case "timestamp": {
        const format = timestampFormat(member, target, location === "header" ? "http-date" : "date-time");
        if (format === "epoch-seconds") return `${h.use("fromEpochSeconds")}(${expr})`;
        return format === "date-time" ? `${h.use("jsonDateTime")}(${expr})` : `${h.use("fromHttpDate")}(${expr})`;
      }
      default:
        throw new Error(`internal: ${target.type} ${target.id} cannot be read from text`);
    }
  }
}

// The body of each operation's request reader: the Accept and Content-Type checks the
// restJson1 malformed-request tests require, then labels (percent-decoded), query parameters,
// headers, prefix headers and the payload or JSON document, every value checked strictly.

import type { EmitContext } from "../../../emit/context.js";
import type { Member, Shape } from "../../../model/model.js";
import type { RequestBindings, ResponseBindings } from "../../transport/http-bindings/bindings.js";
import { defaultExpression, defaultValue, writeProperty } from "../../codec/json/values.js";
import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import type { StrictJson } from "../../codec/json/strict-json.js";
import type { StrictText } from "./strict-text.js";

/**
 * The Content-Type a request must carry: a media type, "*" for anything (a blob payload without
 * @mediaType), or undefined when nothing is modeled in the body and the header must be absent.
 */
export function requestContentType(b: RequestBindings, ctx: EmitContext): string | undefined {
  if (b.payload !== undefined) return payloadMediaType(ctx.index.target(b.payload)) ?? "*";
  // An input structure without members is an empty JSON document (RestJsonEmptyInputAndEmptyOutputWithJson);
  // one whose members are all bound to the URI or headers has no body.
  if (b.body.length > 0 || (b.input !== undefined && b.input.members.length === 0)) return "application/json";
  return undefined;
}

/** The Content-Type of a response body, which the Accept header must admit; undefined when any will do. */
export function responseContentType(b: ResponseBindings, ctx: EmitContext): string | undefined {
  if (b.payload !== undefined) return payloadMediaType(ctx.index.target(b.payload));
  return b.shape === undefined ? undefined : "application/json";
}

/** restJson1's Content-Type table: @mediaType, else by type; a blob without @mediaType has none. */
export function payloadMediaType(target: Shape): string | undefined {
  const mediaType = target.traits.get("smithy.api#mediaType");
  if (typeof mediaType === "string") return mediaType;
  switch (target.type) {
    case "string": case "enum": return "text/plain";
    case "blob": return undefined;
    default: return "application/json";
  }
}

/** A media type as the runtime compares it: lower case, without parameters. */
const essence = (mediaType: string): string => mediaType.split(";")[0]!.trim().toLowerCase();

export interface ReaderParts {
  readonly json: StrictJson;
  readonly text: StrictText;
  readonly runtime: RuntimeImports;
}

/** Statements reading `h` (its headers), `q` (its query), `labels` and `body` into `o`, the input. */
export function readerStatements(b: RequestBindings, accept: string | undefined, ctx: EmitContext, parts: ReaderParts): string[] {
  const { json, text, runtime } = parts;
  const write = (m: Member, value: string) => writeProperty("o", m.name, value, () => runtime.use("put"));
  // A query parameter or header that is absent takes the member's @default, as body members do.
  const orDefault = (m: Member) => {
    const d = defaultValue(m);
    return d === undefined ? "" : ` else ${write(m, defaultExpression(ctx.index.target(m), d.value))}`;
  };
  const lines: string[] = [];
  if (accept !== undefined) lines.push(`${runtime.use("checkAccept")}(h, ${JSON.stringify(essence(accept))});`);
  const contentType = requestContentType(b, ctx);
  lines.push(`${runtime.use("checkContentType")}(h, body, ${contentType === undefined ? "undefined" : JSON.stringify(essence(contentType))});`);

  const labels = b.path.filter((s) => s.kind === "label");
  labels.forEach((s, i) => lines.push(write(s.member, text.scalar(s.member, `${runtime.use("uriLabel")}(labels[${i}]!)`, "label"))));

  for (const { member, name } of b.query) {
    lines.push(`{ const s = q[${JSON.stringify(name)}]; if (s !== undefined) ${write(member, text.query(member, "s"))}${orDefault(member)} }`);
  }
  if (b.queryParams !== undefined) {
    const map = ctx.index.target(b.queryParams);
    const listValued = ctx.index.target(map.members[1]!).type === "list";
    lines.push(write(b.queryParams, `${runtime.use("allQueryParams")}(q, ${listValued})`));
  }

  for (const { member, name } of b.headers) {
    lines.push(`{ const s = h[${JSON.stringify(name)}]; if (s !== undefined) ${write(member, text.header(member, "s"))}${orDefault(member)} }`);
  }
  if (b.prefixHeaders !== undefined) {
    lines.push(write(b.prefixHeaders.member, `${runtime.use("readPrefixHeaders")}(h, ${JSON.stringify(b.prefixHeaders.prefix)})`));
  }

  if (b.payload !== undefined) {
    lines.push(...payloadStatements(b.payload, ctx, parts, write));
  } else if (contentType !== undefined) {
    const members = json.readMembers(b.body, "d", "o");
    // With no members the body is still read: it must be a JSON document.
    lines.push(members.length === 0 ? `${runtime.use("jsonDocument")}(body);` : `const d = ${runtime.use("jsonDocument")}(body);`, ...members);
  }
  return lines;
}

function payloadStatements(member: Member, ctx: EmitContext, parts: ReaderParts, write: (m: Member, value: string) => string): string[] {
  const { json, text, runtime } = parts;
  const target = ctx.index.target(member);
  switch (target.type) {
    case "blob":
      return [`const p = ${runtime.use("bodyBytes")}(body);`, `if (p.length > 0) ${write(member, "p")}`];
    case "string": case "enum":
      return [`const p = ${runtime.use("bodyText")}(body);`, `if (p !== "") ${write(member, text.payload(target, "p"))}`];
    default: {
      const read = runtime.use(target.type === "structure" ? "jsonStructurePayload" : "jsonBodyValue");
      return [`const p = ${read}(body);`, `if (p !== undefined) ${write(member, json.fromJson(target, "p", member))}`];
    }
  }
}

// Responses a server sends: an operation's output (status from @httpResponseCode or @http code,
// bound headers, payload or JSON document with @default values filled) and its modeled errors
// (@httpError status, `x-amzn-errortype` with the shape name, the members in a JSON document).
// The JSON and header values are written by the client's writers (JsonCode, HttpCode): the wire
// format is the same in both directions.

import type { EmitContext } from "../../../emit/context.js";
import { httpBindings } from "../../../index/http-bindings.js";
import { errorStatus } from "../../../model/errors.js";
import { errorData } from "../../server/emit-server.js";
import type { Member, Shape } from "../../../model/model.js";
import { nameOf } from "../../../model/shape-id.js";
import { successCode, type ResponseBindings } from "../../transport/http-bindings/bindings.js";
import type { HttpCode } from "../../transport/http-bindings/http-code.js";
import type { JsonCode } from "../../codec/json/json-code.js";
import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import { readProperty } from "../../codec/json/values.js";
import { payloadMediaType } from "./request.js";

export interface WriterParts {
  readonly json: JsonCode;
  readonly http: HttpCode;
  readonly runtime: RuntimeImports;
  /** `JSON.stringify`, or the helper that keeps big numbers' digits. */
  readonly stringify: string;
}

/** Statements filling `headers` from the bound members of `source`, and the `$respond` call's arguments after them. */
export function outputWriter(op: Shape, ctx: EmitContext, parts: WriterParts): { statements: string[]; respond: string } {
  const b = httpBindings(ctx.index, ctx.closure).response(op.output);
  const read = (m: Member) => readProperty("output", m.name, () => parts.runtime.use("own"));
  const statements = headerStatements(b, "output", parts);
  const code = String(successCode(op));
  const status = b.statusCode === undefined ? code : `${read(b.statusCode)} ?? ${code}`;
  const { body, contentType } = outputBody(b, ctx, parts, read);
  return { statements, respond: [status, "headers", body, ...(contentType === undefined ? [] : [JSON.stringify(contentType)])].join(", ") };
}

function outputBody(b: ResponseBindings, ctx: EmitContext, parts: WriterParts, read: (m: Member) => string): { body: string; contentType: string | undefined } {
  const { json, stringify } = parts;
  if (b.payload === undefined) {
    // Unit output has an empty body; any structure is a JSON document, `{}` when empty (RestJsonEmptyInputAndEmptyOutput).
    if (b.shape === undefined) return { body: `""`, contentType: undefined };
    return { body: `${stringify}(${json.objectLiteral(b.body, "output", true)})`, contentType: "application/json" };
  }
  // An unset payload is an empty body (RestJsonHttpPayloadWithStructureAndEmptyResponseBody).
  const target = ctx.index.target(b.payload);
  const value = read(b.payload);
  const contentType = payloadMediaType(target) ?? "application/octet-stream";
  switch (target.type) {
    case "structure": case "union": case "document":
      return { body: `${value} == null ? "" : ${stringify}(${json.toJson(target, value, b.payload)})`, contentType };
    default:
      return { body: `${value} ?? ""`, contentType };
  }
}

/** `headers[name] = …` for each bound header of `source`; prefix headers first, so a named header wins. */
function headerStatements(b: ResponseBindings, source: string, parts: WriterParts): string[] {
  const { http, runtime } = parts;
  const read = (m: Member) => readProperty(source, m.name, () => runtime.use("own"));
  const lines: string[] = [];
  if (b.prefixHeaders !== undefined) {
    const { member, prefix } = b.prefixHeaders;
    lines.push(`if (${read(member)} != null) ${runtime.use("prefixHeaders")}(headers, ${JSON.stringify(prefix)}, ${read(member)});`);
  }
  for (const { member, name } of b.headers) {
    lines.push(`if (${read(member)} != null) headers[${JSON.stringify(name)}] = ${http.header(member, name, read(member))};`);
  }
  return lines;
}

/** The response writer of one error shape: `e` is an instance of its class. */
export function errorWriter(error: Shape, ctx: EmitContext, parts: WriterParts): { statements: string[]; respond: string } {
  const b = httpBindings(ctx.index, ctx.closure).response(error.id);
  const headers = headerStatements(b, "v", parts);
  // `v` only when a header or the body reads a member.
  const statements = headers.length > 0 || b.body.length > 0 ? [`const v = ${errorData(error)};`, ...headers] : [];
  const body = `${parts.stringify}(${parts.json.objectLiteral(b.body, "v", true)})`;
  return { statements, respond: `${errorStatus(error)}, headers, ${body}, "application/json"` };
}

/** The value of `x-amzn-errortype`: the shape name alone (aws-restjson1-protocol.rst). */
export const errorType = (error: Shape): string => nameOf(error.id);

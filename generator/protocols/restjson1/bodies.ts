// restJson1's body rules over the JSON codec (aws-restjson1-protocol.rst): which payloads are
// JSON documents and their content types, event streams in both directions, a response body read
// as JSON, text, bytes or a stream, and an error's members from its JSON body and bindings.

import type { EmitContext } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import type { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { httpBindings } from "../../index/http-bindings.js";
import type { RequestBindings, ResponseBindings } from "../transport/http-bindings/bindings.js";
import { EventStreamCode } from "../eventstream/event-stream.js";
import type { HttpCode } from "../transport/http-bindings/http-code.js";
import { errorBindingValue, type PropertyCode, responseBindingStatements, type RequestBody } from "../transport/http-bindings/operation-code.js";
import type { BodyParts, HttpBodies } from "../transport/http-bindings/client.js";
import type { JsonCode } from "../codec/json/json-code.js";
import { jsonCodec, jsonStringify } from "../codec/json/codec.js";
import { defaultExpression, defaultValue, jsonName, literalKey } from "../codec/json/values.js";

/** How a successful response body is read before the operation's reader sees it. */
type BodyKind = "none" | "json" | "value" | "text" | "bytes" | "stream";

export function restJson1Bodies({ ctx, runtime, writer: json, http, props }: BodyParts<JsonCode, JsonCode>): HttpBodies {
  // Big numbers are JSON numbers with more digits than a double holds: they need `stringify`.
  const stringify = jsonStringify(ctx, runtime);
  const streams = new EventStreamCode(ctx.index, json, runtime, jsonCodec.eventPayloads(ctx, runtime, "application/json"));
  return {
    shapesComment: "JSON-ready values from model values (se_) and back (de_; lists and maps are converted in place, as the parsed JSON they get is their own).",
    bodyType: () => "any",
    requestBody: (b) => requestBody(b, json, stringify, streams, ctx),
    responseBody: (_op, b) => readerBody(b, json, http, runtime, props, streams, ctx),
    errorEntry: (error) => errorCase(error, json, http, runtime, ctx),
    streamFunctions: () => streams.functions(),
    streamNames: () => streams.names(),
  };
}

/** The request body expression and its default content-type (spec: restJson1 Content-Type table). */
function requestBody(b: RequestBindings, json: JsonCode, stringify: string, streams: EventStreamCode, ctx: EmitContext): RequestBody {
  if (b.payload === undefined) {
    if (b.body.length === 0) return { body: "undefined", contentType: undefined };
    return { body: `${stringify}(${json.objectLiteral(b.body, "input", false)})`, contentType: "application/json" };
  }
  const target = ctx.index.target(b.payload);
  const value = json.read("input", b.payload.name);
  if (isEventStream(target)) return { body: streams.requestBody(b.payload, value), contentType: "application/vnd.amazon.eventstream" };
  const mediaType = target.traits.get("smithy.api#mediaType");
  const typed = (body: string, fallback: string) => ({ body, contentType: typeof mediaType === "string" ? mediaType : fallback });
  switch (target.type) {
    case "structure":
      // An unset structure payload is still an empty JSON object (RestJsonHttpWithEmptyStructurePayload).
      return typed(`${stringify}(${value} == null ? {} : ${json.toJson(target, value, b.payload)})`, "application/json");
    case "union": case "document":
      return typed(`${value} == null ? undefined : ${stringify}(${json.toJson(target, value, b.payload)})`, "application/json");
    case "blob":
      return typed(`${value} ?? undefined`, "application/octet-stream");
    default:
      return typed(`${value} ?? undefined`, "text/plain");
  }
}

/** How a reader turns the body (a string or bytes) into `v`, per kind of body. */
function bodyRead(kind: BodyKind, runtime: RuntimeImports): string {
  switch (kind) {
    case "json": return `${runtime.use("jsonBody")}(body)`;
    case "value": return `${runtime.use("valueBody")}(body)`;
    case "text": return `${runtime.use("textOf")}(body) || undefined`;
    case "bytes": return `${runtime.use("bytesBody")}(body)`;
    case "none": case "stream": return "";
  }
}

function readerBody(b: ResponseBindings, json: JsonCode, http: HttpCode, runtime: RuntimeImports, props: PropertyCode, streams: EventStreamCode, ctx: EmitContext) {
  const statements = responseBindingStatements(b, http, runtime, props);
  let kind: BodyKind = "none";
  if (b.payload !== undefined && isEventStream(ctx.index.target(b.payload))) {
    // The body is the stream itself: read as it arrives, never collected.
    kind = "stream";
    // A stream's initial response must be whole: a @required member missing means it is not one (protocol tests).
    for (const { member, name } of b.headers.filter((x) => x.member.traits.has("smithy.api#required"))) {
      statements.push(`if (${json.read("o", member.name)} === undefined) throw new Error(${JSON.stringify(`the initial response has no ${member.name} (header ${name})`)});`);
    }
    statements.push(json.write("o", b.payload.name, streams.responseStream(b.payload)));
  } else if (b.payload !== undefined) {
    const shape = ctx.index.target(b.payload);
    kind = shape.type === "blob" ? "bytes" : shape.type === "string" || shape.type === "enum" ? "text" : "value";
    const value = kind === "value" ? json.fromJson(shape, "v", b.payload) : "v";
    statements.push(`if (v !== undefined) ${json.write("o", b.payload.name, value)}`);
  } else if (b.body.length > 0) {
    kind = "json";
    statements.push(...json.readMembers(b.body, "v", "o"));
  }
  // The parameters up to the last one the reader uses (unused ones would stay in a bundle): the
  // headers for header bindings, the response for its status code or a stream, the metadata for a stream.
  const params: Array<[used: boolean, param: () => string]> = [
    [true, () => `body: ${kind === "stream" ? "unknown" : "string | Uint8Array"}`],
    [b.headers.length > 0 || b.prefixHeaders !== undefined, () => `h: ${runtime.smithyType("HeaderBag")}`],
    [b.statusCode !== undefined || kind === "stream", () => `r: ${runtime.smithyType("HttpResponse")}`],
    [kind === "stream", () => `$metadata: ${runtime.smithyType("ResponseMetadata")}`],
  ];
  while (!params[params.length - 1]![0]) params.pop();
  return {
    readerStatements: statements,
    readerParams: params.map(([, param]) => param()).join(", "),
    bodyRead: bodyRead(kind, runtime),
    streamOutput: kind === "stream",
  };
}

/**
 * One entry of the service's error table: the class, its fault, and a function giving what the
 * body and headers hold for its members (and `$retryable`), when it has any.
 */
function errorCase(error: Shape, json: JsonCode, http: HttpCode, runtime: FileImports, ctx: EmitContext) {
  const bindings = httpBindings(ctx.index, ctx.closure).response(error.id);
  const message = messageMember(error);
  // A message member with its own JSON name is read from there, before the usual `message`.
  const wireMessage = message === undefined || ["message", "Message"].includes(jsonName(message)) ? undefined : jsonName(message);
  const retryable = errorRetryable(error);
  const fields: string[] = [
    ...(wireMessage === undefined ? [] : [`message: ${json.read("b", wireMessage)} ?? message`]),
    ...(retryable === undefined ? [] : [`$retryable: ${retryable}`]),
  ];
  // Which of the entry's parameters (body, headers, response, message) its members read.
  const uses = { b: wireMessage !== undefined, h: false, r: false, message: wireMessage !== undefined };
  for (const m of error.members) {
    if (m === message) continue;
    const target = ctx.index.target(m);
    const bound = errorBindingValue(m, bindings, http, runtime);
    let value: string;
    if (bound !== undefined) {
      uses[bound.reads] = true;
      value = bound.value;
    } else {
      uses.b = true;
      const raw = json.read("b", jsonName(m));
      const fallback = defaultValue(m);
      const converted = json.fromJson(target, raw, m);
      value = fallback !== undefined
        ? `${raw} != null ? ${converted} : ${defaultExpression(target, fallback.value)}`
        : converted === raw ? `${raw} ?? undefined` : `${raw} == null ? undefined : ${converted}`;
    }
    fields.push(`${literalKey(m.name)}: ${value}`);
  }
  const object = fields.join(", ");
  // Only the parameters up to the last one used: the others would be dead weight in a bundle.
  const params = (["b", "h", "r", "message"] as const).filter((_, i, all) => all.slice(i).some((p) => uses[p]));
  const members = fields.length === 0 ? "" : `, (${params.join(", ")}) => ({ ${object} })`;
  return { code: literalKey(nameOf(error.id)), entry: `[${runtime.errorClass(error)}, "${errorFault(error)}"${members}]` };
}

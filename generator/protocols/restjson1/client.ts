// src/protocol.ts for a restJson1 client: `serialize<Op>Request` and `deserialize<Op>Response`
// for every operation, the error table of the service and the per-shape JSON functions they
// call; what they use of the runtime is imported from src/runtime/. Builds a view model;
// templates/protocol-http-bindings.ts.hbs lays it out.

import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { operationDoc } from "../../emit/docs.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { operationFileNames, protocolFileTypes } from "../protocol-file-types.js";
import type { ClientOperation } from "../index.js";
import { RuntimeImports } from "../../codegen/runtime-imports.js";
import { httpBindings } from "../../index/http-bindings.js";
import type { RequestBindings, ResponseBindings } from "../transport/http-bindings/bindings.js";
import { EventStreamCode, jsonEventPayloads } from "../eventstream/event-stream.js";
import { HttpCode } from "../transport/http-bindings/http-code.js";
import { errorBindingValue, PropertyCode, requestCode, responseBindingStatements, type RequestBody } from "../transport/http-bindings/operation-code.js";
import { JsonCode } from "../codec/json/json-code.js";
import { defaultExpression, defaultValue, jsonName, literalKey } from "../codec/json/values.js";

/** How a successful response body is read before the operation's reader sees it. */
type BodyKind = "none" | "json" | "value" | "text" | "bytes" | "stream";

export function emitRestJson1Client(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new RuntimeImports((name) => symbols.isClaimed(name));
  const json = new JsonCode(index, symbols, runtime, ctx.options.populateDefaults === true);
  const http = new HttpCode(index, runtime, (shape) => json.typeOf(shape));
  const props = new PropertyCode(runtime);
  // Big numbers are JSON numbers with more digits than a double holds: they need `stringify`.
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? runtime.use("stringify")
    : "JSON.stringify";
  const streams = new EventStreamCode(index, json, runtime, jsonEventPayloads(runtime, stringify));

  const bindings = httpBindings(index, closure);
  const operations = closure.operations.map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, closure.service);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    json.uses.add(inputType);
    json.uses.add(outputType);
    const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string } | undefined;
    const request = bindings.request(op);
    const response = bindings.response(op.output);
    const route = http_ === undefined ? "" : `: ${http_.method} ${http_.uri}`;
    const labels = request.path.some((segment) => segment.kind === "label") ? " Throws when a URI label is missing or empty." : "";
    return {
      name: opName, serialize, deserialize, inputType, outputType, reader: `read${opName}Output`,
      serializeDoc: operationDoc(op, `Serializes a ${opName} request${route}.${labels}`),
      deserializeDoc: operationDoc(op, `The ${opName} output of a 2xx response; otherwise rejects with the service's error for the response.`),
      ...requestCode(request, http, runtime, props, requestBody(request, json, stringify, streams, ctx)),
      ...readerBody(response, json, http, runtime, props, streams, ctx),
    };
  });

  // One entry per code: two errors named alike (from different namespaces) share a code on the wire.
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => shapeName(e) === shapeName(error)) === i)
    .map((error) => errorCase(error, json, http, runtime, ctx));
  const base = symbols.serviceExceptionName;

  const errorClasses = closure.errors.map((e) => symbols.name(e));
  const localNames = new Set([...json.shapeFunctions().map((f) => f.name), ...streams.names(), ...operations.map((o) => o.reader), "ERRORS"]);
  const modelTypes = protocolFileTypes({ service: closure.service, symbols, runtime, uses: json.uses, errorClasses: [...errorClasses, base], localNames });
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
  };

  const content = render("protocol-http-bindings.ts", {
    header: header(ctx),
    protocolId: "aws.protocols#restJson1",
    shapesComment: "JSON-ready values from model values (se_) and back (de_; lists and maps are converted in place, as the parsed JSON they get is their own).",
    bodyType: "any",
    runtimeImports: runtime.importLines(),
    errorImports: `import { ${[base, ...errorClasses].sort().join(", ")} } from "./errors.js";`,
    modelImports: modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
    ...names,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    streamFunctions: streams.functions(),
    errors,
  }, closure.service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}

const shapeName = (shape: Shape): string => shape.id.slice(shape.id.indexOf("#") + 1);

/** An operation's client functions; the operation's own name (`_Headers` is only the type-safe spelling of a type name). */
function operationNames(op: Shape, service: Shape) {
  const opName = service.rename?.get(op.id) ?? nameOf(op.id);
  return { opName, serialize: `serialize${opName}Request`, deserialize: `deserialize${opName}Response` };
}

/** Every operation, as the client runtime calls its serde. */
export function clientOperations(ctx: EmitContext): ClientOperation[] {
  return ctx.closure.operations.map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx.closure.service);
    return { op, name: opName, serialize, deserialize };
  });
}

/** The exported names of protocol.ts, reserved before emitting. */
export function clientNames(ctx: EmitContext): Array<[string, string]> {
  return clientOperations(ctx).flatMap(({ op, serialize, deserialize }) =>
    [[serialize, `the request serializer of ${op.id}`], [deserialize, `the response deserializer of ${op.id}`]] as Array<[string, string]>);
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
function errorCase(error: Shape, json: JsonCode, http: HttpCode, runtime: RuntimeImports, ctx: EmitContext) {
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
  return { code: literalKey(shapeName(error)), entry: `[${ctx.symbols.name(error)}, "${errorFault(error)}"${members}]` };
}

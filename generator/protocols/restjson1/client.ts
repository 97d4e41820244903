// src/protocol.ts for a restJson1 client: `serialize<Op>Request` and `deserialize<Op>Response`
// for every operation, the error table of the service and the per-shape JSON functions they
// call; what they use of the runtime is imported from src/runtime/. Builds a view model;
// templates/protocol-restjson1.ts.hbs lays it out.

import { CodegenError } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { operationDoc } from "../../emit/docs.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Member, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { RuntimeImports } from "../../codegen/runtime-imports.js";
import { httpBindings } from "../../index/http-bindings.js";
import type { RequestBindings, ResponseBindings } from "../transport/http-bindings/bindings.js";
import { EventStreamCode } from "../eventstream/event-stream.js";
import { HttpCode } from "../transport/http-bindings/http-code.js";
import { JsonCode } from "../codec/json/json-code.js";
import { defaultExpression, defaultValue, jsonName, literalKey } from "../codec/json/values.js";

/** How a successful response body is read before the operation's reader sees it. */
type BodyKind = "none" | "json" | "value" | "text" | "bytes" | "stream";

export function emitRestJson1Client(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new RuntimeImports((name) => symbols.isClaimed(name));
  const json = new JsonCode(index, symbols, runtime, ctx.options.populateDefaults === true);
  const http = new HttpCode(index, runtime, (shape) => json.typeOf(shape));
  // Big numbers are JSON numbers with more digits than a double holds: they need `stringify`.
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? runtime.use("stringify")
    : "JSON.stringify";
  const streams = new EventStreamCode(index, json, runtime, stringify);

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
      ...serializerBody(request, json, http, runtime, stringify, streams, ctx),
      ...readerBody(response, json, http, runtime, streams, ctx),
    };
  });

  // One entry per code: two errors named alike (from different namespaces) share a code on the wire.
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => shapeName(e) === shapeName(error)) === i)
    .map((error) => errorCase(error, json, http, runtime, ctx));
  const base = symbols.serviceExceptionName;

  const errorClasses = closure.errors.map((e) => symbols.name(e));
  const localNames = new Set([...json.shapeFunctions().map((f) => f.name), ...streams.names(), ...operations.map((o) => o.reader), "ERRORS"]);
  const modelTypes = [...json.uses].filter((u) => symbols.moduleOf(u) === "models").sort();
  for (const imported of [...modelTypes, ...errorClasses, base]) {
    if (localNames.has(imported)) {
      throw new CodegenError([{ shape: closure.service.id, message: `the shape name ${imported} collides with a function of the generated protocol.ts; rename the shape with the service "rename" property` }]);
    }
  }
  for (const type of json.uses) if (symbols.moduleOf(type) === "@smithy/types") runtime.smithyType(type.replace(/^__/, ""));
  const names = operations.length === 0 ? {} : {
    Endpoint: runtime.smithyType("Endpoint"),
    HttpRequest: runtime.smithyType("HttpRequest"),
    HttpResponse: runtime.smithyType("HttpResponse"),
    MetadataBearer: runtime.smithyType("MetadataBearer"),
    URL: runtime.use("URL"),
    request: runtime.use("request"),
    receive: runtime.use("receive"),
    ServiceErrors: runtime.use("ServiceErrors"),
  };

  const content = render("protocol-restjson1.ts", {
    header: header(ctx),
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

/** The exported names of protocol.ts, reserved before emitting. */
export function clientNames(ctx: EmitContext): Array<[string, string]> {
  return ctx.closure.operations.flatMap((op) => {
    const { serialize, deserialize } = operationNames(op, ctx.closure.service);
    return [[serialize, `the request serializer of ${op.id}`], [deserialize, `the response deserializer of ${op.id}`]] as Array<[string, string]>;
  });
}

function serializerBody(b: RequestBindings, json: JsonCode, http: HttpCode, runtime: RuntimeImports, stringify: string, streams: EventStreamCode, ctx: EmitContext) {
  const read = (m: Member) => json.read("input", m.name);
  const isToken = (m: Member) => m.traits.has("smithy.api#idempotencyToken");
  const statements: string[] = [];

  const path = b.path.length === 0
    ? `"/"`
    : b.path.map((s) => (s.kind === "literal" ? JSON.stringify(s.text) : http.label(s.member, read(s.member), s.greedy))).join(" + ");

  const literals = b.queryLiterals.map(([k, v]) => `${literalKey(k)}: ${JSON.stringify(v)}`);
  const hasQuery = b.query.length > 0 || b.queryParams !== undefined;
  for (const { member, name } of b.query) {
    const target = `query[${JSON.stringify(name)}]`;
    if (isToken(member)) statements.push(`${target} = ${read(member)} ?? ${runtime.use("uuid")}();`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.query(member, read(member))};`);
  }
  // After the named parameters: a named parameter wins over the same key in the map.
  if (b.queryParams !== undefined) {
    statements.push(`if (${read(b.queryParams)} != null) ${runtime.use("queryParams")}(query, ${read(b.queryParams)});`);
  }

  const checksum = b.checksumRequired && (b.payload !== undefined || b.body.length > 0);
  const hasHeaders = b.headers.length > 0 || b.prefixHeaders !== undefined || checksum;
  // Before the named headers: a named header wins over the same name from the prefix map.
  if (b.prefixHeaders !== undefined) {
    const { member, prefix } = b.prefixHeaders;
    statements.push(`if (${read(member)} != null) ${runtime.use("prefixHeaders")}(headers, ${JSON.stringify(prefix)}, ${read(member)});`);
  }
  for (const { member, name } of b.headers) {
    const target = `headers[${JSON.stringify(name)}]`;
    if (isToken(member)) statements.push(`${target} = ${http.header(member, name, `(${read(member)} ?? ${runtime.use("uuid")}())`)};`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.header(member, name, read(member))};`);
  }

  const requested = requestBody(b, json, stringify, streams, ctx);
  const { contentType } = requested;
  let body = requested.body;
  if (checksum && body !== "undefined") {
    // @httpChecksumRequired: the body is made first, its MD5 goes in a header.
    statements.push(`const body = ${body};`, `if (body !== undefined) headers["content-md5"] = ${runtime.use("contentMd5")}(body);`);
    body = "body";
  }
  const host = b.hostPrefix?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${read(p.member)}, ${JSON.stringify(p.member.name)})`)).join(" + ");
  const args = [
    "endpoint",
    JSON.stringify(b.method),
    statements.length > 0 ? "path" : path,
    hasQuery ? "query" : `{ ${literals.join(", ")} }`,
    hasHeaders ? "headers" : "{}",
    body,
  ];
  if (contentType !== undefined || host !== undefined) args.push(contentType === undefined ? "undefined" : JSON.stringify(contentType));
  if (host !== undefined) args.push(host);
  // The path comes first so a missing label fails before any other work.
  const setup = [
    ...(statements.length > 0 ? [`const path = ${path};`] : []),
    ...(hasQuery ? [`const query: ${runtime.smithyType("QueryParameterBag")} = { ${literals.join(", ")} };`] : []),
    ...(hasHeaders ? [`const headers: ${runtime.smithyType("HeaderBag")} = {};`] : []),
  ];
  return { serializeStatements: [...setup, ...statements], requestArgs: args.join(", ") };
}

/** The request body expression and its default content-type (spec: restJson1 Content-Type table). */
function requestBody(b: RequestBindings, json: JsonCode, stringify: string, streams: EventStreamCode, ctx: EmitContext): { body: string; contentType: string | undefined } {
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

function readerBody(b: ResponseBindings, json: JsonCode, http: HttpCode, runtime: RuntimeImports, streams: EventStreamCode, ctx: EmitContext) {
  const statements: string[] = [];
  for (const { member, name } of b.headers) {
    statements.push(`{ const s = h[${JSON.stringify(name)}]; if (s !== undefined) ${json.write("o", member.name, http.fromHeader(member, "s"))} }`);
  }
  if (b.prefixHeaders !== undefined) {
    statements.push(json.write("o", b.prefixHeaders.member.name, `${runtime.use("readPrefixHeaders")}(h, ${JSON.stringify(b.prefixHeaders.prefix)})`));
  }
  if (b.statusCode !== undefined) statements.push(json.write("o", b.statusCode.name, "r.statusCode"));
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
    const headerBinding = bindings.headers.find((h) => h.member === m);
    let value: string;
    if (headerBinding !== undefined) {
      uses.h = true;
      const raw = `h[${JSON.stringify(headerBinding.name)}]!`;
      const converted = http.fromHeader(m, raw);
      value = `h[${JSON.stringify(headerBinding.name)}] === undefined ? undefined : ${converted}`;
    } else if (bindings.prefixHeaders?.member === m) {
      uses.h = true;
      value = `${runtime.use("readPrefixHeaders")}(h, ${JSON.stringify(bindings.prefixHeaders.prefix)})`;
    } else if (bindings.statusCode === m) {
      uses.r = true;
      value = "r.statusCode";
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

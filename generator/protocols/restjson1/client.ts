// src/protocol.ts for a restJson1 client: `serialize<Op>Request` and `deserialize<Op>Response`
// for every operation, the error dispatch of the service, the per-shape JSON functions they call,
// and the runtime helpers they use. Builds a view model; templates/protocol-restjson1.ts.hbs
// lays it out.

import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../emit/errors.js";
import { isEventStream, type Member, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { IMPORTED } from "../../symbols/symbol-provider.js";
import { requestBindings, responseBindings, type RequestBindings, type ResponseBindings } from "./bindings.js";
import { EventStreamCode } from "./event-stream.js";
import { HttpCode } from "./http-code.js";
import { JsonCode } from "./json-code.js";
import { Helpers, HELPERS } from "./runtime.js";
import { defaultExpression, defaultValue, jsonName, literalKey } from "./values.js";

/** The @smithy/types names the file imports, aliased so shape names cannot shadow them. */
const SMITHY_TYPES = {
  Endpoint: "__Endpoint",
  HeaderBag: "__HeaderBag",
  HttpRequest: "__HttpRequest",
  HttpResponse: IMPORTED.HttpResponse,
  MetadataBearer: "__MetadataBearer",
  QueryParameterBag: "__QueryParameterBag",
  ResponseMetadata: IMPORTED.ResponseMetadata,
} as const;

/** How a successful response body is read before the operation's reader sees it. */
type BodyKind = "none" | "json" | "value" | "text" | "bytes" | "stream";

export function emitRestJson1Client(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const helpers = new Helpers();
  // `receive` copies the response headers with `put`: a `__proto__` header stays a header.
  helpers.use("put");
  const json = new JsonCode(index, symbols, helpers, ctx.options.populateDefaults === true);
  const http = new HttpCode(index, helpers, (shape) => json.typeOf(shape));
  // Big numbers are JSON numbers with more digits than a double holds: they need `stringify`.
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? helpers.use("stringify")
    : "JSON.stringify";
  const streams = new EventStreamCode(index, json, helpers, stringify);
  const problems: Diagnostic[] = [];
  const kinds = new Set<BodyKind>();

  const operations = closure.operations.map((op) => {
    // The operation's own name: `_Headers` is only the type-safe spelling of a type name.
    const opName = closure.service.rename?.get(op.id) ?? nameOf(op.id);
    const serialize = `serialize${opName}Request`;
    const deserialize = `deserialize${opName}Response`;
    symbols.claim(serialize, `the request serializer of ${op.id}`, problems);
    symbols.claim(deserialize, `the response deserializer of ${op.id}`, problems);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    json.uses.add(inputType);
    json.uses.add(outputType);
    const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string } | undefined;
    const base = { doc: http_ === undefined ? "" : `${http_.method} ${http_.uri}`, name: opName, serialize, deserialize, inputType, outputType, reader: `read${opName}Output` };
    const request = requestBindings(index, op);
    const response = responseBindings(index, op.output);
    return {
      ...base,
      hasLabels: request.path.some((segment) => segment.kind === "label"),
      ...serializerBody(request, json, http, helpers, stringify, streams, ctx),
      ...readerBody(response, json, http, helpers, streams, ctx, kinds),
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  // One entry per code: two errors named alike (from different namespaces) share a code on the wire.
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => shapeName(e) === shapeName(error)) === i)
    .map((error) => errorCase(error, json, http, helpers, ctx));
  const base = symbols.serviceExceptionName;

  const errorClasses = closure.errors.map((e) => symbols.name(e));
  const localNames = new Set([
    ...json.shapeFunctions().map((f) => f.name), ...streams.names(), ...operations.map((o) => o.reader), "toError", ...HELPERS,
    ...RUNTIME_LOCALS,
  ]);
  const modelTypes = [...json.uses].filter((u) => symbols.moduleOf(u) === "models").sort();
  for (const imported of [...modelTypes, ...errorClasses, base]) {
    if (localNames.has(imported)) {
      throw new CodegenError([{ shape: closure.service.id, message: `the shape name ${imported} collides with a function of the generated protocol.ts; rename the shape with the service "rename" property` }]);
    }
  }

  const content = render("protocol-restjson1.ts", {
    header: header(ctx),
    smithyImports: `import type { ${Object.entries(SMITHY_TYPES).map(([from, as]) => `${from} as ${as}`).join(", ")} } from "@smithy/types";`,
    errorImports: `import { ${[base, ...errorClasses].sort().join(", ")} } from "./errors.js";`,
    modelImports: modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
    ...SMITHY_TYPES,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    streamFunctions: streams.functions(),
    errors,
    // Whether reading a modeled error's members can throw (a bad date or base64, say).
    errorsConvert: errors.some((e) => e.converts),
    helpers: helpers.flags(),
    // Host prefixes and greedy labels cost code only in the services that have them.
    hostPrefix: operations.some((o) => "hostPrefix" in o && o.hostPrefix),
    greedy: operations.some((o) => "greedy" in o && o.greedy),
    bodyKinds: { json: kinds.has("json"), value: kinds.has("value"), bytes: kinds.has("bytes") },
    eventStreams: { any: streams.writes || streams.reads, writes: streams.writes, reads: streams.reads, headers: streams.readsHeaders },
    utf8: kinds.has("bytes") || helpers.has("toBase64") || helpers.has("contentMd5") || streams.writes || streams.reads,
  }, closure.service.id);
  return { path: "src/protocol.ts", content };
}

const shapeName = (shape: Shape): string => shape.id.slice(shape.id.indexOf("#") + 1);

/** Module-level names of the runtime template besides the helpers (checked against imports). */
const RUNTIME_LOCALS = [
  "URL", "TextDecoder", "TextEncoder", "crypto", "Target", "target", "lastEndpoint", "lastTarget", "request",
  "nodeBuffer", "byteLength", "decoder", "utf8", "receive", "unreadable", "settled", "raise", "collect", "textOf", "jsonBody", "valueBody", "bytesBody", "errorCode", "B64", "BIG", "ERRORS", "ErrorEntry",
  "CRC_TABLE", "HEADER_SIZES", "crc32", "EventHeader", "eventMessage", "headerBytes", "eventStream", "EventMessage", "EventReaders", "eventJson",
  "events", "malformed", "messages", "decodeMessage", "headerValue", "eventHeader", "MAX_MESSAGE", "firstUint32", "join",
];

function serializerBody(b: RequestBindings, json: JsonCode, http: HttpCode, helpers: Helpers, stringify: string, streams: EventStreamCode, ctx: EmitContext) {
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
    if (isToken(member)) statements.push(`${target} = ${read(member)} ?? ${helpers.use("uuid")}();`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.query(member, read(member))};`);
  }
  // After the named parameters: a named parameter wins over the same key in the map.
  if (b.queryParams !== undefined) {
    statements.push(`if (${read(b.queryParams)} != null) ${helpers.use("queryParams")}(query, ${read(b.queryParams)});`);
  }

  const checksum = b.checksumRequired && (b.payload !== undefined || b.body.length > 0);
  const hasHeaders = b.headers.length > 0 || b.prefixHeaders !== undefined || checksum;
  // Before the named headers: a named header wins over the same name from the prefix map.
  if (b.prefixHeaders !== undefined) {
    const { member, prefix } = b.prefixHeaders;
    statements.push(`if (${read(member)} != null) ${helpers.use("prefixHeaders")}(headers, ${JSON.stringify(prefix)}, ${read(member)});`);
  }
  for (const { member, name } of b.headers) {
    const target = `headers[${JSON.stringify(name)}]`;
    if (isToken(member)) statements.push(`${target} = ${http.header(member, name, `(${read(member)} ?? ${helpers.use("uuid")}())`)};`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.header(member, name, read(member))};`);
  }

  const requested = requestBody(b, json, stringify, streams, ctx);
  const { contentType } = requested;
  let body = requested.body;
  if (checksum && body !== "undefined") {
    // @httpChecksumRequired: the body is made first, its MD5 goes in a header.
    statements.push(`const body = ${body};`, `if (body !== undefined) headers["content-md5"] = ${helpers.use("contentMd5")}(body);`);
    body = "body";
  }
  const host = b.hostPrefix?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${helpers.use("hostLabel")}(${read(p.member)}, ${JSON.stringify(p.member.name)})`)).join(" + ");
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
    ...(hasQuery ? [`const query: ${SMITHY_TYPES.QueryParameterBag} = { ${literals.join(", ")} };`] : []),
    ...(hasHeaders ? [`const headers: ${SMITHY_TYPES.HeaderBag} = {};`] : []),
  ];
  return {
    serializeStatements: [...setup, ...statements],
    requestArgs: args.join(", "),
    hostPrefix: host !== undefined,
    greedy: b.path.some((s) => s.kind === "label" && s.greedy),
  };
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
const BODY_READERS: Record<BodyKind, string> = {
  none: "", json: "jsonBody(body)", value: "valueBody(body)", text: "textOf(body) || undefined", bytes: "bytesBody(body)", stream: "",
};

function readerBody(b: ResponseBindings, json: JsonCode, http: HttpCode, helpers: Helpers, streams: EventStreamCode, ctx: EmitContext, kinds: Set<BodyKind>) {
  const statements: string[] = [];
  for (const { member, name } of b.headers) {
    statements.push(`{ const s = h[${JSON.stringify(name)}]; if (s !== undefined) ${json.write("o", member.name, http.fromHeader(member, "s"))} }`);
  }
  if (b.prefixHeaders !== undefined) {
    statements.push(json.write("o", b.prefixHeaders.member.name, `${helpers.use("readPrefixHeaders")}(h, ${JSON.stringify(b.prefixHeaders.prefix)})`));
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
  kinds.add(kind);
  const code = statements.join("\n");
  // The parameters up to the last one the reader uses: unused ones would stay in a bundle.
  const params = [
    `body: ${kind === "stream" ? "unknown" : "string | Uint8Array"}`, `h: ${SMITHY_TYPES.HeaderBag}`, `r: ${SMITHY_TYPES.HttpResponse}`, `$metadata: ${SMITHY_TYPES.ResponseMetadata}`,
  ];
  const used = (param: string) => new RegExp(`(?<![\\w$])${param.slice(0, param.indexOf(":")).replace("$", "\\$")}\\b`).test(code);
  while (params.length > 1 && !used(params[params.length - 1]!)) params.pop();
  return {
    readerStatements: statements,
    readerParams: params.join(", "),
    bodyRead: BODY_READERS[kind],
    streamOutput: kind === "stream",
  };
}

/**
 * One entry of the service's error table: the class, its fault, and a function giving what the
 * body and headers hold for its members (and `$retryable`), when it has any.
 */
function errorCase(error: Shape, json: JsonCode, http: HttpCode, helpers: Helpers, ctx: EmitContext) {
  const bindings = responseBindings(ctx.index, error.id);
  const message = messageMember(error);
  // A message member with its own JSON name is read from there, before the usual `message`.
  const wireMessage = message === undefined || ["message", "Message"].includes(jsonName(message)) ? undefined : jsonName(message);
  const retryable = errorRetryable(error);
  const fields: string[] = [
    ...(wireMessage === undefined ? [] : [`message: ${json.read("b", wireMessage)} ?? message`]),
    ...(retryable === undefined ? [] : [`$retryable: ${retryable}`]),
  ];
  let converts = false;
  for (const m of error.members) {
    if (m === message) continue;
    const target = ctx.index.target(m);
    const headerBinding = bindings.headers.find((h) => h.member === m);
    let value: string;
    if (headerBinding !== undefined) {
      const raw = `h[${JSON.stringify(headerBinding.name)}]!`;
      const converted = http.fromHeader(m, raw);
      converts ||= converted !== raw;
      value = `h[${JSON.stringify(headerBinding.name)}] === undefined ? undefined : ${converted}`;
    } else if (bindings.prefixHeaders?.member === m) {
      value = `${helpers.use("readPrefixHeaders")}(h, ${JSON.stringify(bindings.prefixHeaders.prefix)})`;
    } else if (bindings.statusCode === m) {
      value = "r.statusCode";
    } else {
      const raw = json.read("b", jsonName(m));
      const fallback = defaultValue(m);
      const converted = json.fromJson(target, raw, m);
      converts ||= converted !== raw;
      value = fallback !== undefined
        ? `${raw} != null ? ${converted} : ${defaultExpression(target, fallback.value)}`
        : converted === raw ? `${raw} ?? undefined` : `${raw} == null ? undefined : ${converted}`;
    }
    fields.push(`${literalKey(m.name)}: ${value}`);
  }
  const object = fields.join(", ");
  // Only the parameters up to the last one used: the others would be dead weight in a bundle.
  const params = ["b", "h", "r", "message"];
  while (params.length > 0 && !new RegExp(`\\b${params[params.length - 1]}\\b`).test(object)) params.pop();
  const members = fields.length === 0 ? "" : `, (${params.join(", ")}) => ({ ${object} })`;
  return { code: literalKey(shapeName(error)), entry: `[${ctx.symbols.name(error)}, "${errorFault(error)}"${members}]`, converts };
}

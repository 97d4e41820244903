// src/protocol.ts for an awsJson1_0 / awsJson1_1 client (aws-json.rst.template): every request
// is POST / with `X-Amz-Target: <service name>.<operation name>` and the whole input as a JSON
// document (`{}` without input), member names as modeled (@jsonName ignored), timestamps as
// epoch seconds; responses are JSON documents, errors named by `__type` (see
// runtime/awsjson/errors.ts). Shares the JSON code and the HTTP client runtime with restJson1;
// event streams are ../eventstream/rpc-event-stream.ts's.

import { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { usesEventStream } from "../../index/event-streams.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { operationFileNames, protocolFileTypes } from "../protocol-file-types.js";
import { compareNames, operationErrors } from "../../index/shape-index.js";
import type { ClientOperation } from "../index.js";
import { parseHostPrefix, UNIT } from "../transport/http-bindings/bindings.js";
import { JsonCode } from "../codec/json/json-code.js";
import { defaultExpression, defaultValue, literalKey } from "../codec/json/values.js";
import { awsQueryErrorCode, isQueryCompatible, type AwsJsonVersion } from "./quirks.js";
import { jsonEventPayloads, type EventPayloadCodec } from "../eventstream/event-stream.js";
import { EVENT_STREAM_CONTENT_TYPE, RpcEventStreams } from "../eventstream/rpc-event-stream.js";

/**
 * What an RPC protocol says on the wire besides the shapes' values: awsJson and rpcv2Cbor share
 * the client (one POST per operation, the whole input as one document, errors by `__type`) and
 * differ only in these.
 */
export interface RpcWire {
  readonly protocolId: string;
  /** One line for the file's header comment: how a request is sent. */
  readonly summary: string;
  readonly contentType: string;
  /** The value mapping that writes the `se_`/`de_` functions. */
  readonly codec: (ctx: EmitContext, runtime: RuntimeImports, populateDefaults: boolean) => JsonCode;
  readonly path: (serviceName: string, operationName: string) => string;
  /** The request headers as a TypeScript object literal; `outputStream` when the response is an event stream. */
  readonly headers: (target: string, queryCompatible: boolean, outputStream: boolean) => string;
  /** The body: `literal` is the object literal of the input's members, undefined when it has none; `unit` when the input is Unit. */
  readonly body: (literal: string | undefined, unit: boolean, ctx: EmitContext, runtime: RuntimeImports) => string;
  /** The runtime function reading a response body into an object. */
  readonly bodyReader: string;
  /** An expression reading the whole output from `body` at once, when the codec reads bytes straight into shapes. */
  readonly outputReader?: ((codec: JsonCode, output: Shape) => string) | undefined;
  /** Whether an error's awsQuery code (`@awsQueryError`) names it too, in a query-compatible service. */
  readonly queryCodesNameErrors: boolean;
  /** The expression finding an error response's code (undefined when none) from `headers` and the body's document `body`. */
  readonly errorCode: (runtime: RuntimeImports, queryCompatible: boolean) => string;
  /** More entries of each operation's error table (a binary codec's `document` reader). */
  readonly errorTable?: ((runtime: RuntimeImports) => string[]) | undefined;
  /** How an event stream's payload documents are written and read (their `:content-type` is `contentType`). */
  readonly eventPayloads: (ctx: EmitContext, runtime: RuntimeImports) => EventPayloadCodec;
}

/** awsJson's wire: POST / with `X-Amz-Target`, JSON documents, errors as SDK v3 finds them. */
export const awsJsonWire = (version: AwsJsonVersion): RpcWire => ({
  protocolId: `aws.protocols#awsJson${version.replace(".", "_")}`,
  summary: "Every request is POST / with `X-Amz-Target: <service>.<operation>`; bodies are JSON documents.",
  contentType: `application/x-amz-json-${version}`,
  codec: (ctx, runtime, populateDefaults) => new JsonCode(ctx.index, ctx.symbols, runtime, populateDefaults, false),
  path: () => "/",
  headers: (target, queryCompatible) => `{ "x-amz-target": ${JSON.stringify(target)}${queryCompatible ? `, "x-amzn-query-mode": "true"` : ""} }`,
  body: (literal, _unit, ctx, runtime) => (literal === undefined ? `"{}"` : `${jsonStringify(ctx, runtime)}(${literal})`),
  bodyReader: "jsonBody",
  queryCodesNameErrors: true,
  errorCode: (runtime, queryCompatible) => `${runtime.use(queryCompatible ? "queryCompatibleErrorCode" : "awsJsonErrorCode")}(headers, body)`,
  eventPayloads: (ctx, runtime) => jsonEventPayloads(runtime, jsonStringify(ctx, runtime), `application/x-amz-json-${version}`),
});

/** How an operation's requests are sent, for doc comments: `/service/S/operation/O`, or `/ with X-Amz-Target: S.O`. */
export function routeOf(wire: RpcWire, serviceName: string, operationName: string): string {
  const path = wire.path(serviceName, operationName);
  return path === "/" ? `/ with \`X-Amz-Target: ${serviceName}.${operationName}\`` : path;
}

/** `JSON.stringify`, or the runtime's `stringify` when big numbers must be written as JSON numbers. */
export function jsonStringify(ctx: EmitContext, runtime: RuntimeImports): string {
  return [...ctx.closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal") ? runtime.use("stringify") : "JSON.stringify";
}

export function emitAwsJsonClient(version: AwsJsonVersion, ctx: EmitContext): EmittedFile {
  return emitRpcClient(awsJsonWire(version), ctx);
}

/** src/protocol.ts of an RPC protocol client. */
export function emitRpcClient(wire: RpcWire, ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new RuntimeImports((name) => symbols.isClaimed(name));
  const json = wire.codec(ctx, runtime, ctx.options.populateDefaults === true);
  const serviceName = nameOf(closure.service.id);
  const queryCompatible = isQueryCompatible(closure.service);
  const contentType = wire.contentType;
  const problems: Diagnostic[] = [];
  const streams = new RpcEventStreams(ctx, json, runtime, wire.eventPayloads(ctx, runtime));

  const operations = closure.operations.map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    json.uses.add(inputType);
    json.uses.add(outputType);
    const input = index.shape(op.input!);
    const output = index.shape(op.output!);
    // @endpoint(hostPrefix): literal text and @hostLabel members before the endpoint's host.
    const host = parseHostPrefix(op, input.members, problems)
      ?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${json.read("input", p.member.name)}, ${JSON.stringify(p.member.name)})`))
      .join(" + ");
    const target = `${serviceName}.${nameOf(op.id)}`;
    const [inputStream, outputStream] = [streams.inputStream(op), streams.outputStream(op)];
    const headers = wire.headers(target, queryCompatible, outputStream !== undefined);
    // Top-level input members get no @default filled in (the protocol tests send only what is set).
    const literal = () => (input.members.length > 0 ? json.objectLiteral(input.members, "input", false) : undefined);
    const body = inputStream === undefined ? wire.body(literal(), op.input === UNIT, ctx, runtime) : streams.requestBody(op, inputStream);
    const path = JSON.stringify(wire.path(serviceName, nameOf(op.id)));
    const bodyType = inputStream === undefined ? contentType : EVENT_STREAM_CONTENT_TYPE;
    const args = [`endpoint`, `"POST"`, path, `{}`, headers, body, JSON.stringify(bodyType), ...(host === undefined ? [] : [host])];
    const errorTable = `errorsOf${opName}`;
    const stream = outputStream === undefined ? undefined : streams.response(op, outputStream, opName, outputType, errorTable);
    const whole = output.members.length > 0 && stream === undefined ? wire.outputReader?.(json, output) : undefined;
    const readerStatements = stream?.readerStatements ?? (whole === undefined ? json.readMembers(output.members, "v", "o") : []);
    const bodyRead = stream === undefined && readerStatements.length > 0 ? `${runtime.use(wire.bodyReader)}(body)` : "";
    return {
      name: opName,
      errorTable,
      errorCodes: errorCodes(op, ctx, streams.errors(op)),
      target,
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: `read${opName}Output`,
      usesInput: input.members.length > 0,
      requestArgs: args.join(", "),
      route: routeOf(wire, serviceName, nameOf(op.id)),
      bodyRead,
      readWhole: whole ?? "",
      readerParams: stream?.readerParams ?? `${bodyRead !== "" || whole !== undefined ? "body" : "_body"}: string | Uint8Array`,
      readerStatements,
      initialResponse: stream?.initialResponse ?? "",
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  // An entry per error some operation can return; each operation's table names only its own.
  const returned = new Set(operations.flatMap((o) => o.errorCodes.map((c) => c.error)));
  const errors = closure.errors.filter((e) => returned.has(e)).map((error) => errorEntry(error, json, ctx));
  const queryCodes = queryCompatible && wire.queryCodesNameErrors ? queryCodeAliases(closure.errors) : [];
  const base = symbols.serviceExceptionName;
  const errorClasses = closure.errors.filter((e) => returned.has(e)).map((e) => symbols.name(e));
  const localNames = new Set([
    ...json.shapeFunctions().map((f) => f.name), ...streams.names(), ...operations.flatMap((o) => [o.reader, o.errorTable]), ...errors.map((e) => e.name),
    "errorCodeOf", "QUERY_CODES",
  ]);
  const modelTypes = protocolFileTypes({ service: closure.service, symbols, runtime, uses: json.uses, errorClasses: [...errorClasses, base], localNames });
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    HeaderBag: runtime.smithyType("HeaderBag"),
    // Imported only when an error entry is written (an unused import fails noUnusedLocals).
    ...(errors.length > 0 ? { ErrorEntry: runtime.use("ErrorEntry") } : {}),
    errorCode: wire.errorCode(runtime, queryCompatible),
  };
  const errorTable = operations.length === 0 ? [] : wire.errorTable?.(runtime) ?? [];

  const content = render("protocol-awsjson.ts", {
    header: header(ctx),
    protocolId: wire.protocolId,
    summary: wire.summary,
    serviceName,
    runtimeImports: runtime.importLines(),
    errorImports: `import { ${[base, ...errorClasses].sort().join(", ")} } from "./errors.js";`,
    modelImports: modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
    ...names,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    streamFunctions: streams.functions(),
    errors,
    queryCodes,
    errorTable,
  }, closure.service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}


/** An operation's TypeScript name (a service `rename` applies; X-Amz-Target keeps the modeled name) and its serde functions. */
export function operationNames(op: Shape, ctx: EmitContext) {
  const opName = ctx.closure.service.rename?.get(op.id) ?? nameOf(op.id);
  return { opName, serialize: `serialize${opName}Request`, deserialize: `deserialize${opName}Response` };
}

/**
 * The operations protocol.ts serves, as the client runtime calls them: every one in the RPC
 * protocols (emitRpcClient); in those that share this and have no event streams yet (awsQuery,
 * restXml), those without.
 */
export function clientOperations(ctx: EmitContext, eventStreams = false): ClientOperation[] {
  return ctx.closure.operations.filter((op) => eventStreams || !usesEventStream(ctx.index, op)).map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx);
    return { op, name: opName, serialize, deserialize };
  });
}

/** The operations of an RPC protocol's client, event-stream ones too. */
export const rpcClientOperations = (ctx: EmitContext): ClientOperation[] => clientOperations(ctx, true);

/** The names protocol.ts declares, reserved before any emitter runs. */
export function clientNames(ctx: EmitContext, operations = clientOperations(ctx)): Array<[string, string]> {
  return operations.flatMap(({ op, serialize, deserialize }) =>
    [[serialize, `the request serializer of ${op.id}`], [deserialize, `the response deserializer of ${op.id}`]] as Array<[string, string]>);
}

/**
 * A query-compatible service's awsQuery codes (`@awsQueryError`) and the error each names, for
 * the codes that are not also an error's shape name (SDK v3 tries the shape name first).
 */
function queryCodeAliases(errors: readonly Shape[]): { code: string; name: string }[] {
  const names = new Set(errors.map((e) => nameOf(e.id)));
  const aliases = new Map<string, string>();
  for (const error of errors) {
    const code = awsQueryErrorCode(error);
    if (code !== undefined && !names.has(code) && !aliases.has(code)) aliases.set(code, nameOf(error.id));
  }
  return [...aliases].map(([code, name]) => ({ code: JSON.stringify(code), name: JSON.stringify(name) }));
}

/**
 * The errors an operation can return, by code: the shape name (the wire carries no namespace, so
 * of two errors alike the first by shape id wins).
 */
function errorCodes(op: Shape, ctx: EmitContext, streamErrors: readonly Shape[]): { code: string; error: Shape; entry: string }[] {
  const byCode = new Map<string, Shape>();
  const ids = [...new Set([...operationErrors(ctx.closure, op), ...streamErrors.map((e) => e.id)])];
  const errors = ids.sort(compareNames).map((id) => ctx.index.shape(id));
  for (const error of errors) if (!byCode.has(nameOf(error.id))) byCode.set(nameOf(error.id), error);
  return [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, error]) => ({ code: literalKey(code), error, entry: entryName(error, ctx) }));
}

const entryName = (error: Shape, ctx: EmitContext): string => `entryOf${ctx.symbols.name(error)}`;

/** The error table entry of an error: its class, its fault, and a function reading its members from the body. */
function errorEntry(error: Shape, json: JsonCode, ctx: EmitContext) {
  const message = messageMember(error);
  const retryable = errorRetryable(error);
  const fields: string[] = retryable === undefined ? [] : [`$retryable: ${retryable}`];
  let readsBody = false;
  for (const m of error.members) {
    if (m === message) continue;
    readsBody = true;
    const target = ctx.index.target(m);
    const raw = json.read("b", m.name);
    const converted = json.fromJson(target, raw, m);
    const fallback = defaultValue(m);
    const value = fallback !== undefined
      ? `${raw} != null ? ${converted} : ${defaultExpression(target, fallback.value)}`
      : converted === raw ? `${raw} ?? undefined` : `${raw} == null ? undefined : ${converted}`;
    fields.push(`${literalKey(m.name)}: ${value}`);
  }
  const members = fields.length === 0 ? "" : `, (${readsBody ? "b" : ""}) => ({ ${fields.join(", ")} })`;
  return { name: entryName(error, ctx), value: `[${ctx.symbols.name(error)}, "${errorFault(error)}"${members}]` };
}

// src/protocol.ts for an awsJson1_0 / awsJson1_1 client (aws-json.rst.template): every request
// is POST / with `X-Amz-Target: <service name>.<operation name>` and the whole input as a JSON
// document (`{}` without input), member names as modeled (@jsonName ignored), timestamps as
// epoch seconds; responses are JSON documents, errors named by `__type` (see
// runtime/awsjson/errors.ts). Shares the JSON code and the HTTP client runtime with restJson1.

import { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { operationFileNames } from "../protocol-file-types.js";
import { compareNames, operationErrors } from "../../index/shape-index.js";
import type { ClientOperation } from "../index.js";
import { parseHostPrefix, UNIT } from "../transport/http-bindings/bindings.js";
import { JsonCode } from "../codec/json/json-code.js";
import { defaultExpression, defaultValue, literalKey } from "../codec/json/values.js";
import { awsQueryErrorCode, isQueryCompatible, type AwsJsonVersion } from "./quirks.js";

/**
 * What an RPC protocol says on the wire besides the shapes' values: awsJson and rpcv2Cbor share
 * the client (one POST per operation, the whole input as one document, errors by `__type`) and
 * differ only in these.
 */
export interface RpcWire {
  readonly protocolId: string;
  /** The protocol's short name, for comments. */
  readonly name: string;
  /** One line for the file's header comment: how a request is sent. */
  readonly summary: string;
  readonly contentType: string;
  /** The value mapping that writes the `se_`/`de_` functions. */
  readonly codec: (ctx: EmitContext, runtime: FileImports, populateDefaults: boolean) => JsonCode;
  readonly path: (serviceName: string, operationName: string) => string;
  /** The request headers as a TypeScript object literal. */
  readonly headers: (target: string, queryCompatible: boolean) => string;
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
}

/** awsJson's wire: POST / with `X-Amz-Target`, JSON documents, errors as SDK v3 finds them. */
export const awsJsonWire = (version: AwsJsonVersion): RpcWire => ({
  protocolId: `aws.protocols#awsJson${version.replace(".", "_")}`,
  name: "awsJson",
  summary: "Every request is POST / with `X-Amz-Target: <service>.<operation>`; bodies are JSON documents.",
  contentType: `application/x-amz-json-${version}`,
  codec: (ctx, runtime, populateDefaults) => new JsonCode(ctx.index, ctx.symbols, runtime, populateDefaults, false),
  path: () => "/",
  headers: (target, queryCompatible) => `{ "x-amz-target": ${JSON.stringify(target)}${queryCompatible ? `, "x-amzn-query-mode": "true"` : ""} }`,
  body: (literal, _unit, ctx, runtime) => (literal === undefined ? `"{}"` : `${jsonStringify(ctx, runtime)}(${literal})`),
  bodyReader: "jsonBody",
  queryCodesNameErrors: true,
  errorCode: (runtime, queryCompatible) => `${runtime.use(queryCompatible ? "queryCompatibleErrorCode" : "awsJsonErrorCode")}(headers, body)`,
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
  const runtime = new FileImports(symbols, "protocol");
  const json = wire.codec(ctx, runtime, ctx.options.populateDefaults === true);
  const serviceName = nameOf(closure.service.id);
  const queryCompatible = isQueryCompatible(closure.service);
  const contentType = wire.contentType;
  const problems: Diagnostic[] = [];

  const streaming = closure.operations.filter((op) => usesEventStream(ctx, op));
  const operations = closure.operations.filter((op) => !streaming.includes(op)).map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx);
    const inputType = runtime.inputType(op);
    const outputType = runtime.outputType(op);
    const input = index.shape(op.input!);
    const output = index.shape(op.output!);
    // @endpoint(hostPrefix): literal text and @hostLabel members before the endpoint's host.
    const host = parseHostPrefix(op, input.members, problems)
      ?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${json.read("input", p.member.name)}, ${JSON.stringify(p.member.name)})`))
      .join(" + ");
    const target = `${serviceName}.${nameOf(op.id)}`;
    const headers = wire.headers(target, queryCompatible);
    // Top-level input members get no @default filled in (the protocol tests send only what is set).
    const literal = input.members.length > 0 ? json.objectLiteral(input.members, "input", false) : undefined;
    const body = wire.body(literal, op.input === UNIT, ctx, runtime);
    const path = JSON.stringify(wire.path(serviceName, nameOf(op.id)));
    const args = [`endpoint`, `"POST"`, path, `{}`, headers, body, JSON.stringify(contentType), ...(host === undefined ? [] : [host])];
    const whole = output.members.length > 0 ? wire.outputReader?.(json, output) : undefined;
    const readerStatements = whole === undefined ? json.readMembers(output.members, "v", "o") : [];
    return {
      name: opName,
      errorTable: `errorsOf${opName}`,
      errorCodes: errorCodes(op, ctx),
      target,
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: `read${opName}Output`,
      usesInput: input.members.length > 0,
      requestArgs: args.join(", "),
      route: routeOf(wire, serviceName, nameOf(op.id)),
      bodyRead: readerStatements.length > 0 ? `${runtime.use(wire.bodyReader)}(body)` : "",
      readWhole: whole ?? "",
      readerStatements,
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  // An entry per error some operation can return; each operation's table names only its own.
  const returned = new Set(operations.flatMap((o) => o.errorCodes.map((c) => c.error)));
  const errors = closure.errors.filter((e) => returned.has(e)).map((error) => errorEntry(error, json, runtime, ctx));
  const queryCodes = queryCompatible && wire.queryCodesNameErrors ? queryCodeAliases(closure.errors) : [];
  const base = runtime.serviceException();
  const localNames = new Set([
    ...json.shapeFunctions().map((f) => f.name), ...operations.flatMap((o) => [o.reader, o.errorTable]), ...errors.map((e) => e.name),
    "errorCodeOf", "QUERY_CODES",
  ]);
  runtime.checkLocals(localNames, closure.service, "protocol.ts");
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
    protocolName: wire.name,
    serviceName,
    notServed: streaming.map((op) => nameOf(op.id)).join(", "),
    runtimeImports: runtime.importLines(),
    localImports: runtime.localImportLines(),
    ...names,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    errors,
    queryCodes,
    errorTable,
  }, closure.service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}

/**
 * Event streams over awsJson are not specified yet (aws-json.rst.template: "TODO"); such
 * operations (Kinesis's SubscribeToShard) get no serde, and the protocol file says so.
 */
export const usesEventStream = (ctx: EmitContext, op: Shape): boolean =>
  [op.input, op.output].some((id) => ctx.index.shape(id!).members.some((m) => isEventStream(ctx.index.target(m))));

/** An operation's TypeScript name (a service `rename` applies; X-Amz-Target keeps the modeled name) and its serde functions. */
export function operationNames(op: Shape, ctx: EmitContext) {
  const opName = ctx.closure.service.rename?.get(op.id) ?? nameOf(op.id);
  return { opName, serialize: `serialize${opName}Request`, deserialize: `deserialize${opName}Response` };
}

/** The operations protocol.ts serves (event-stream ones have no serde yet), as the client runtime calls them. */
export function clientOperations(ctx: EmitContext): ClientOperation[] {
  return ctx.closure.operations.filter((op) => !usesEventStream(ctx, op)).map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx);
    return { op, name: opName, serialize, deserialize };
  });
}

/** The names protocol.ts declares, reserved before any emitter runs. */
export function clientNames(ctx: EmitContext): Array<[string, string]> {
  return clientOperations(ctx).flatMap(({ op, serialize, deserialize }) =>
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
function errorCodes(op: Shape, ctx: EmitContext): { code: string; error: Shape; entry: string }[] {
  const byCode = new Map<string, Shape>();
  const errors = operationErrors(ctx.closure, op).sort(compareNames).map((id) => ctx.index.shape(id));
  for (const error of errors) if (!byCode.has(nameOf(error.id))) byCode.set(nameOf(error.id), error);
  return [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, error]) => ({ code: literalKey(code), error, entry: entryName(error, ctx) }));
}

const entryName = (error: Shape, ctx: EmitContext): string => `entryOf${ctx.symbols.name(error)}`;

/** The error table entry of an error: its class, its fault, and a function reading its members from the body. */
function errorEntry(error: Shape, json: JsonCode, file: FileImports, ctx: EmitContext) {
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
  return { name: entryName(error, ctx), value: `[${file.errorClass(error)}, "${errorFault(error)}"${members}]` };
}

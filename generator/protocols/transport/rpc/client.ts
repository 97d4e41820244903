// src/protocol.ts for a client of an RPC protocol whose documents are one value (awsJson1_0,
// awsJson1_1: aws-json.rst.template; rpcv2Cbor: smithy-rpc-v2-cbor.rst): every request is one
// POST (the transport says where and with which headers) with the whole input as one document
// of the codec, member names as modeled; responses are documents, errors named by the protocol's
// error-code rule. Event streams are ../../eventstream/rpc-event-stream.ts's.

import { FileImports } from "../../../codegen/file-imports.js";
import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../../model/errors.js";
import type { Shape } from "../../../model/model.js";
import { nameOf } from "../../../model/shape-id.js";
import { render } from "../../../render/templates.js";
import { compareNames, operationErrors } from "../../../index/shape-index.js";
import { UNIT } from "../http-bindings/bindings.js";
import type { JsonCode } from "../../codec/json/json-code.js";
import { defaultExpression, defaultValue, literalKey } from "../../codec/json/values.js";
import type { DocumentCodec } from "../../codec/codec.js";
import type { Protocol } from "../../protocol.js";
import type { RpcTransport } from "../transport.js";
import { clientFileImports, operationFileNames, hostPrefix, operationSetup, servedOperations } from "../../client-operation.js";
import { awsQueryErrorCode, isQueryCompatible } from "../../awsjson/quirks.js";
import { rpcRequestArgs } from "./rpc.js";
import { EVENT_STREAM_CONTENT_TYPE, RpcEventStreams } from "../../eventstream/rpc-event-stream.js";

/** What an RPC protocol says besides its transport and codec. */
export interface RpcQuirks {
  /** The requests' Content-Type (awsJson's own; rpcv2Cbor's is its codec's). */
  readonly contentType: string;
  /** Whether a member's @jsonName names it on the wire (no RPC protocol does). */
  readonly honourJsonName: boolean;
  /** The expression finding an error response's code (undefined when none) from `headers` and the body's document `body`. */
  readonly errorCode: (runtime: RuntimeImports, queryCompatible: boolean) => string;
  /** Whether an error's awsQuery code (`@awsQueryError`) names it too, in a query-compatible service. */
  readonly queryCodesNameErrors: boolean;
}

/** awsJson and rpcv2Cbor: an RPC transport and a document codec (JSON, CBOR). */
export type RpcProtocol = Protocol<RpcTransport, DocumentCodec, RpcQuirks>;

/** src/protocol.ts of an RPC protocol client. */
export function emitRpcClient(protocol: RpcProtocol, ctx: EmitContext): EmittedFile {
  const { closure, symbols } = ctx;
  const { transport, codec, quirks } = protocol;
  const runtime = new FileImports(symbols, "protocol");
  const json = codec.code(ctx, runtime, { populateDefaults: ctx.options.populateDefaults === true, honourJsonName: quirks.honourJsonName }).writer;
  const serviceName = nameOf(closure.service.id);
  const queryCompatible = isQueryCompatible(closure.service);
  const problems: Diagnostic[] = [];

  const streams = new RpcEventStreams(ctx, json, runtime, codec.eventPayloads(ctx, runtime, quirks.contentType));

  const served = servedOperations(ctx, protocol.eventStreams);
  const operations = served.map((op) => {
    const { name, serialize, deserialize, inputType, outputType, reader, input, output } = operationSetup(op, ctx, runtime);
    const host = hostPrefix(op, input.members, runtime, problems);
    const [inputStream, outputStream] = [streams.inputStream(op), streams.outputStream(op)];
    // Top-level input members get no @default filled in (the protocol tests send only what is set).
    const literal = () => (input.members.length > 0 ? json.objectLiteral(input.members, "input", false) : undefined);
    const body = inputStream === undefined ? codec.documentBody(literal(), op.input === UNIT, ctx, runtime) : streams.requestBody(op, inputStream);
    const bodyType = inputStream === undefined ? quirks.contentType : EVENT_STREAM_CONTENT_TYPE;
    const errorTable = `errorsOf${name}`;
    const stream = outputStream === undefined ? undefined : streams.response(op, outputStream, name, outputType, errorTable);
    const whole = output.members.length > 0 && stream === undefined ? codec.outputReader?.(json, output) : undefined;
    const readerStatements = stream?.readerStatements ?? (whole === undefined ? json.readMembers(output.members, "v", "o") : []);
    const bodyRead = stream === undefined && readerStatements.length > 0 ? `${runtime.use(codec.bodyReader)}(body)` : "";
    return {
      name,
      errorTable,
      errorCodes: errorCodes(op, ctx, streams.errors(op)),
      serialize,
      deserialize,
      inputType,
      outputType,
      reader,
      usesInput: input.members.length > 0,
      requestArgs: rpcRequestArgs(transport, serviceName, nameOf(op.id), queryCompatible, body, bodyType, host, outputStream !== undefined),
      route: transport.route(serviceName, nameOf(op.id)),
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
  const errors = closure.errors.filter((e) => returned.has(e)).map((error) => errorEntry(error, json, runtime, ctx));
  const queryCodes = queryCompatible && quirks.queryCodesNameErrors ? queryCodeAliases(closure.errors) : [];
  const localNames = new Set([
    ...json.shapeFunctions().map((f) => f.name), ...streams.names(), ...operations.flatMap((o) => [o.reader, o.errorTable]), ...errors.map((e) => e.name),
    "errorCodeOf", "QUERY_CODES",
  ]);
  const imports = clientFileImports(ctx, runtime, localNames);
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    HeaderBag: runtime.smithyType("HeaderBag"),
    // Imported only when an error entry is written (an unused import fails noUnusedLocals).
    ...(errors.length > 0 ? { ErrorEntry: runtime.use("ErrorEntry") } : {}),
    // "Unknown" when the response names no error; an awsQuery code stands for the error it names.
    errorCodeOf: `${runtime.use("errorCodeName")}(${quirks.errorCode(runtime, queryCompatible)}${queryCodes.length > 0 ? ", QUERY_CODES" : ""})`,
  };
  const document = codec.errorDocument;
  const errorTable = operations.length === 0 || document === undefined ? [] : [`${document.key}: ${runtime.use(document.reader)},`];

  const content = render("protocol-awsjson.ts", {
    header: header(ctx),
    protocolId: protocol.traitId,
    summary: transport.summary,
    serviceName,
    runtimeImports: runtime.importLines(),
    ...imports,
    ...names,
    operations,
    shapeFunctions: json.shapeFunctions(),
    streamFunctions: streams.functions(),
    errors,
    queryCodes,
    errorTable,
  }, closure.service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
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
 * The errors an operation can return (its output stream's exception events too), by code: the shape name (the wire carries no namespace, so
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

// src/server.ts for any protocol: per operation `deserialize<Op>Request`, `serialize<Op>Response`
// and `serialize<Op>Error`; `create<Service>Handler`, which routes, reads, validates with the
// generated validators, calls the operation and writes its output or modeled error; and
// `createNodeListener` for node:http. What is the same for every protocol is here: the served
// operations, their errors, names and imports, and the handler's shape. A protocol
// (`ServerProtocol`) gives the routing and the bodies of the readers and writers; the plumbing
// the generated code calls is runtime/server/.

import { jsonStringify } from "../codec/json/codec.js";
import { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { docComment, operationDoc } from "../../emit/docs.js";
import { messageMember } from "../../model/errors.js";
import { usesEventStream } from "../../index/event-streams.js";
import { operationErrors } from "../../index/shape-index.js";
import type { Shape } from "../../model/model.js";
import { render } from "../../render/templates.js";
import { JsonCode } from "../codec/json/json-code.js";
import { StrictJson } from "../codec/json/strict-json.js";
import { literalKey } from "../codec/json/values.js";
import { nameOf, UNIT } from "../../model/shape-id.js";

/** The writers a protocol's server code is made with, shared by all its operations. */
export interface ServerParts {
  readonly runtime: FileImports;
  /** JSON-ready (or the codec's) values from output (`se_`), as the client writes them. */
  readonly json: JsonCode;
  /** Model values from the request document, checked (`de_`). */
  readonly strict: StrictJson;
  /** `JSON.stringify`, or the helper that keeps big numbers' digits. */
  readonly stringify: string;
}

/** An operation's protocol-specific code. */
export interface OperationCode {
  /** The `case` label the handler's switch takes it by. */
  readonly caseKey: string;
  /** The handler's expression reading the input from `request` (with what `route` declared). */
  readonly readCall: string;
  /** What `deserialize<Op>Request` does, for its TSDoc (the operation's documentation follows). */
  readonly deserializeDoc: string;
  /** The body of `deserialize<Op>Request`'s `try`: ends by returning the input. */
  readonly deserializeStatements: readonly string[];
  /** The parameters of the reader (which fills `o`, the input). */
  readonly readerParams: string;
  readonly readerStatements: readonly string[];
  /** The parameter name of `serialize<Op>Response` (`_output` when unread). */
  readonly serializeParam: string;
  /** Whether the serializer can throw (it writes headers from values). */
  readonly serializeThrows: boolean;
  readonly writerStatements: readonly string[];
  /** The arguments of its `respond` call. */
  readonly respond: string;
}

/** The response writer of an error shape, given `e`, an instance of its class. */
export interface ErrorWriterCode {
  /** `e`, or `_e` when the writer does not read it. */
  readonly param: string;
  readonly statements: readonly string[];
  readonly respond: string;
}

export interface ServerProtocol {
  /** The protocol trait id, for the file's header comment. */
  readonly protocolId: string;
  /** How the handler finds the operation, for the header comment ("routes by …"). */
  readonly routing: string;
  /** The doc comment lines of the handler. */
  readonly handlerDoc: readonly string[];
  /** The expression of the protocol's `ErrorDocuments` (runtime/server/response.ts), which writes the errors it sends itself. */
  errorDocuments(runtime: RuntimeImports): string;
  /** Whether JSON member names are their @jsonName (restJson1) or the member names (awsJson). */
  readonly honourJsonName: boolean;
  /** The value mappings of another media type than JSON (rpcv2Cbor's): the writer of `se_` and the strict reader of `de_`. */
  readonly codec?: { readonly write: typeof JsonCode; readonly read: typeof StrictJson } | undefined;
  /** The protocol's code, made once the shared writers exist. */
  code(ctx: EmitContext, parts: ServerParts, served: readonly Shape[]): ProtocolCode;
}

export interface ProtocolCode {
  /** The handler's statements before its switch (they may return early). */
  readonly route: readonly string[];
  /** What the handler's switch is on. */
  readonly switchOn: string;
  /** The handler's answer when no case matched. */
  readonly unrouted: string;
  operation(op: Shape, index: number): OperationCode;
  errorWriter(error: Shape): ErrorWriterCode;
  /** Module-level declarations after the operations' code (the route table). */
  tables(): string[];
}

export function emitServer(ctx: EmitContext, protocol: ServerProtocol): EmittedFile {
  const { index, closure, symbols } = ctx;
  const names = fixedNames(symbols.serviceName);

  const runtime = new FileImports(symbols);
  // A server writes every @default into its responses, as the spec and its protocol tests ask.
  const { write, read } = protocol.codec ?? { write: JsonCode, read: StrictJson };
  const json = new write(index, symbols, runtime, true, protocol.honourJsonName);
  const strict = new read(index, symbols, runtime, protocol.honourJsonName);
  const stringify = jsonStringify(ctx, runtime);
  const served = servedOperations(ctx);
  const code = protocol.code(ctx, { runtime, json, strict, stringify }, served);

  const errorClasses = new Map<string, Shape>();
  const operations = served.map((op, i) => {
    const name = symbols.name(op);
    const inputType = runtime.inputType(op);
    const outputType = runtime.outputType(op);
    const errors = operationErrors(closure, op).map((id) => index.shape(id));
    for (const e of errors) errorClasses.set(e.id, e);
    const guards = errors.map((e) => `${runtime.guard(e)}(e)`);
    const protocolCode = code.operation(op, i);
    return {
      name,
      // The operation as modeled, for the error hook.
      shapeName: JSON.stringify(nameOf(op.id)),
      ...operationFunctions(name),
      reader: `$read${name}`,
      inputType,
      outputType,
      errorUnion: runtime.errorUnion(op),
      validator: op.input === undefined || op.input === UNIT || index.shape(op.input).members.length === 0 ? "" : runtime.assertion(op.input),
      // One guard per line, as a person writes a long condition.
      modeled: guards.length > 1 ? `\n${guards.join(" ||\n")}\n` : guards.join(""),
      errorCases: errors.map((e) => ({ code: JSON.stringify(nameOf(e.id)), writer: errorWriterName(ctx, e) })),
      ...protocolCode,
      doc: docComment(op.traits),
      deserializeDoc: operationDoc(op, protocolCode.deserializeDoc),
      serializeDoc: operationDoc(op, `The response of a successful ${name}.${protocolCode.serializeThrows ? " Throws when the output cannot be written (a header value with a line break)." : ""}`),
      serializeErrorDoc: operationDoc(op, `The response of a modeled error of ${name}.`),
    };
  });
  const errorWriters = [...errorClasses.values()].map((e) => ({ className: runtime.shape(e), writer: errorWriterName(ctx, e), ...code.errorWriter(e) }));
  const tables = code.tables();

  const errorDocuments = protocol.errorDocuments(runtime);
  const validates = operations.some((o) => o.validator !== "");
  const handlerRuntime = ["requestErrorResponse", "asRequestError", "internalFailure", "respond", "nodeListenerFactory", ...(validates ? ["validationResponse"] : [])];
  const rt = Object.fromEntries(handlerRuntime.map((n) => [n, runtime.use(n)]));
  runtime.exportAs("RequestError", names.RequestError);
  runtime.exportAs("NodeRequestLike");
  runtime.exportAs("NodeResponseLike");
  const HttpRequest = runtime.smithyType("HttpRequest");
  const HttpResponse = runtime.smithyType("HttpResponse");

  const shapeFunctions = [...strict.shapeFunctions(), ...json.shapeFunctions()];
  runtime.checkLocals(new Set(shapeFunctions.map((f) => f.name)), closure.service, "server.ts");

  const content = render("server.ts", {
    header: header(ctx),
    imports: [runtime.importLines(), runtime.localImportLines()].filter((lines) => lines !== "").join("\n") + `\n\n${runtime.exportLines()}`,
    HttpRequest,
    HttpResponse,
    ...names,
    protocolId: protocol.protocolId,
    routing: protocol.routing,
    handlerDoc: protocol.handlerDoc,
    errorDocuments,
    route: code.route,
    switchOn: code.switchOn,
    unrouted: code.unrouted,
    rt,
    operations,
    errorWriters,
    tables,
    shapeFunctions,
  }, closure.service.id);
  return { path: "src/server.ts", content, runtime: runtime.modules() };
}

/** The operations a server serves: event streams are client-side only so far (no route: 404). */
export function servedOperations(ctx: EmitContext): Shape[] {
  return ctx.closure.operations.filter((op) => !usesEventStream(ctx.index, op));
}

/**
 * The expression of an error's members as data, for `e`, an instance of its class: the message
 * member is the Error's own `message`, and an empty one was never set.
 */
export function errorData(error: Shape): string {
  const message = messageMember(error);
  return message === undefined ? "e" : `{ ...e, ${literalKey(message.name)}: e.message === "" ? undefined : e.message }`;
}

const errorWriterName = (ctx: EmitContext, error: Shape): string => `$error${ctx.symbols.name(error)}`;

/** The names server.ts declares whatever the model. */
function fixedNames(service: string) {
  return {
    RequestError: `${service}RequestError`,
    Operations: `${service}Operations`,
    HandlerOptions: `${service}HandlerOptions`,
    createHandler: `create${service}Handler`,
    createNodeListener: "createNodeListener",
    NodeRequestLike: "NodeRequestLike",
    NodeResponseLike: "NodeResponseLike",
  };
}

/** An operation's exported server functions, by its TypeScript name. */
const operationFunctions = (name: string) => ({ deserialize: `deserialize${name}Request`, serialize: `serialize${name}Response`, serializeError: `serialize${name}Error` });

/** The names server.ts exports, reserved before any emitter runs. */
export function serverNames(ctx: EmitContext): Array<[string, string]> {
  const { closure, symbols } = ctx;
  const fixed = Object.entries(fixedNames(symbols.serviceName)).map(([what, name]): [string, string] => [name, `the server's ${what} of ${closure.service.id}`]);
  return [...fixed, ...servedOperations(ctx).flatMap((op) => {
    const fns = operationFunctions(symbols.name(op));
    return [
      [fns.deserialize, `the request deserializer of ${op.id}`], [fns.serialize, `the response serializer of ${op.id}`],
      [fns.serializeError, `the error serializer of ${op.id}`],
    ] as Array<[string, string]>;
  })];
}

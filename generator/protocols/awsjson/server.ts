// src/server.ts for an RPC protocol server (awsJson1_0 / awsJson1_1, rpcv2Cbor: see RpcWire): per
// operation `deserialize<Op>Request`, `serialize<Op>Response` and `serialize<Op>Error`;
// `create<Service>Handler`, which routes by X-Amz-Target (runtime/awsjson/rpc.ts) or by path
// (runtime/rpcv2cbor/rpc.ts), reads the document strictly, validates with the generated
// validators, calls the operation and writes its output or modeled error (`__type`: the shape id
// in awsJson 1.0 and rpcv2Cbor, the shape name in 1.1; `x-amzn-query-error` for query-compatible
// services); and `createNodeListener` for node:http. Shares the strict readers and the server
// plumbing with restJson1.

import { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, messageMember } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { IMPORTED } from "../../symbols/symbol-provider.js";
import { JsonCode } from "../codec/json/json-code.js";
import { UNIT } from "../transport/http-bindings/bindings.js";
import { ServerHelpers } from "../restjson1/server/helpers.js";
import { literalKey } from "../codec/json/values.js";
import { awsJsonWire, routeOf, usesEventStream, type RpcWire } from "./client.js";
import { awsQueryErrorCode, isQueryCompatible, type AwsJsonVersion } from "./quirks.js";

const SMITHY_TYPES = {
  HeaderBag: "__HeaderBag",
  HttpRequest: "__HttpRequest",
  HttpResponse: IMPORTED.HttpResponse,
  QueryParameterBag: "__QueryParameterBag",
} as const;
const DOCUMENT_TYPE = { DocumentType: IMPORTED.DocumentType } as const;

/** Module-level names of the server templates that are not `$`-prefixed (checked against imports). */
const TEMPLATE_LOCALS = new Set(["TextDecoder", "decoder"]);

export function emitAwsJsonServer(version: AwsJsonVersion, ctx: EmitContext): EmittedFile {
  return emitRpcServer(awsJsonWire(version), ctx);
}

/** src/server.ts of an RPC protocol server. */
export function emitRpcServer(wire: RpcWire, ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const service = symbols.serviceName;
  const serviceName = nameOf(closure.service.id);
  const contentType = wire.contentType;
  const names = fixedNames(service);

  const runtime = new RuntimeImports((name) => symbols.isClaimed(name) || TEMPLATE_LOCALS.has(name));
  // The server templates read bodies as bytes and count them, and route with the RPC transport.
  runtime.use("utf8");
  runtime.use("byteLength");
  const router = runtime.use(wire.server.router);
  runtime.use("RpcRoutingFailure");
  // The protocol's own error responses are CBOR messages too.
  if (wire.server.cbor) runtime.use("cborMessage");
  const serverHelpers = new ServerHelpers(runtime);
  // A server writes every @default into its responses, as the spec and its protocol tests ask.
  const json = wire.codec(ctx, runtime, true);
  const strict = wire.server.strict(ctx, serverHelpers, json.uses);
  const document = wire.server.document(runtime, serverHelpers);

  const errorClasses = new Map<string, Shape>();
  // Event streams are not part of awsJson's spec yet ("TODO" there): such operations are not
  // served (the handler answers 404 UnknownOperationException), as the client has no serde for them.
  const served = closure.operations.filter((op) => !usesEventStream(ctx, op));
  const operations = served.map((op) => {
    const name = symbols.name(op);
    const fns = operationFunctions(name);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    json.uses.add(inputType);
    json.uses.add(outputType);
    const input = index.shape(op.input!);
    const output = index.shape(op.output!);
    const errors = [...new Set([...(op.errors ?? []), ...(closure.service.errors ?? [])])].map((id) => index.shape(id));
    for (const e of errors) errorClasses.set(e.id, e);
    return {
      name,
      // X-Amz-Target names the operation as modeled, whatever its TypeScript name.
      shapeName: JSON.stringify(nameOf(op.id)),
      route: routeOf(wire, serviceName, nameOf(op.id)),
      ...fns,
      reader: `$read${name}`,
      inputType,
      outputType,
      errorUnion: `${name}Error`,
      readerStatements: strict.readMembers(input.members, "d", "o"),
      hasOutput: output.members.length > 0,
      // A modeled output is always a JSON object (AwsJson10EmptyInputAndEmptyOutputSendJsonObject); no
      // modeled output is an empty body, its Content-Type still sent (AwsJson10ServiceRespondsWithNoPayload).
      body: op.output === UNIT ? `""` : wire.body(output.members.length > 0 ? json.objectLiteral(output.members, "output", true) : undefined, false, ctx, runtime),
      headers: op.output === UNIT && wire.server.unitContentType ? `{ "content-type": ${JSON.stringify(contentType)} }` : "{}",
      validator: input.members.length === 0 ? "" : `assertValid${symbols.name(input)}`,
      // One guard per line, as a person writes a long condition.
      modeled: errors.length > 1 ? `\n${errors.map((e) => `is${symbols.name(e)}(e)`).join(" ||\n")}\n` : errors.map((e) => `is${symbols.name(e)}(e)`).join(""),
      errorCases: errors.map((e) => ({ code: JSON.stringify(nameOf(e.id)), writer: `$error${symbols.name(e)}` })),
    };
  });

  const queryCompatible = isQueryCompatible(closure.service);
  const errorWriters = [...errorClasses.values()].map((e) => errorWriter(e, wire, queryCompatible, json, runtime, ctx));

  const shapeFunctions = [...strict.shapeFunctions(), ...json.shapeFunctions()];
  const errorNames = [...errorClasses.values()].map((e) => symbols.name(e));
  const errorData = [...json.uses].filter((u) => symbols.moduleOf(u) === "errors");
  const errorTypes = [...new Set([...errorNames, ...errorData, ...operations.map((o) => o.errorUnion)])].sort();
  const guards = errorNames.map((n) => `is${n}`).sort();
  const validators = [...new Set(operations.map((o) => o.validator).filter((v) => v !== ""))].sort();
  const modelTypes = [...json.uses].filter((u) => symbols.moduleOf(u) === "models").sort();
  const locals = new Set([...shapeFunctions.map((f) => f.name), ...TEMPLATE_LOCALS]);
  for (const imported of [...modelTypes, ...errorTypes, ...guards, ...validators]) {
    if (locals.has(imported)) {
      throw new CodegenError([{ shape: closure.service.id, message: `the shape name ${imported} collides with a function of the generated server.ts; rename the shape with the service "rename" property` }]);
    }
  }

  const content = render("server-awsjson.ts", {
    header: header(ctx),
    imports: [
      `import type { ${Object.entries({ ...SMITHY_TYPES, ...(json.uses.has(IMPORTED.DocumentType) ? DOCUMENT_TYPE : {}) }).sort().map(([from, as]) => `${from} as ${as}`).join(", ")} } from "@smithy/types";`,
      runtime.importLines(),
      errorTypes.length === 0 ? "" : `import type { ${errorTypes.join(", ")} } from "./errors.js";`,
      guards.length === 0 ? "" : `import { ${guards.join(", ")} } from "./errors.js";`,
      modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
      validators.length === 0 ? "" : `import { ${validators.join(", ")} } from "./validators.js";`,
    ].filter((line) => line !== "").join("\n"),
    ...SMITHY_TYPES,
    ...names,
    protocolId: wire.protocolId,
    serviceName,
    router,
    routerArgs: wire.server.routerArgs(closure.service),
    document,
    cbor: wire.server.cbor,
    contentType,
    rpc: true,
    validates: validators.length > 0,
    operations,
    errorWriters,
    shapeFunctions,
    runtime: runtime.names(),
    server: serverHelpers.flags(),
  }, closure.service.id);
  return { path: "src/server.ts", content, runtime: runtime.modules() };
}

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

const operationFunctions = (name: string) => ({ deserialize: `deserialize${name}Request`, serialize: `serialize${name}Response`, serializeError: `serialize${name}Error` });

/** The names server.ts declares, reserved before any emitter runs. */
export function serverNames(ctx: EmitContext): Array<[string, string]> {
  const { closure, symbols } = ctx;
  const fixed = Object.entries(fixedNames(symbols.serviceName)).map(([what, name]): [string, string] => [name, `the server's ${what} of ${closure.service.id}`]);
  return [...fixed, ...closure.operations.filter((op) => !usesEventStream(ctx, op)).flatMap((op) => {
    const fns = operationFunctions(symbols.name(op));
    return [
      [fns.deserialize, `the request deserializer of ${op.id}`], [fns.serialize, `the response serializer of ${op.id}`],
      [fns.serializeError, `the error serializer of ${op.id}`],
    ] as Array<[string, string]>;
  })];
}

/**
 * The response writer of one error shape: its status (`@httpError`, else 400 for a client fault
 * and 500 for a server one), `__type`, and its members in the body.
 */
function errorWriter(error: Shape, wire: RpcWire, queryCompatible: boolean, json: JsonCode, runtime: RuntimeImports, ctx: EmitContext) {
  const message = messageMember(error);
  const members = error.members;
  // The message member is the Error's own `message`; an empty one was never set.
  const view = members.length === 0 ? "" : message === undefined ? "e" : `{ ...e, ${literalKey(message.name)}: e.message === "" ? undefined : e.message }`;
  const httpError = error.traits.get("smithy.api#httpError");
  const fault = errorFault(error);
  const status = typeof httpError === "number" ? httpError : fault === "server" ? 500 : 400;
  const type = wire.server.errorType(error);
  const fields = members.length === 0 ? "" : `, ${json.objectLiteral(members, "v", true).slice(2, -2)}`;
  const queryCode = awsQueryErrorCode(error) ?? nameOf(error.id);
  return {
    className: ctx.symbols.name(error),
    writer: `$error${ctx.symbols.name(error)}`,
    readsError: members.length > 0,
    view,
    status,
    headers: queryCompatible ? `"x-amzn-query-error": ${JSON.stringify(`${queryCode};${fault === "client" ? "Sender" : "Receiver"}`)}` : "",
    body: wire.body(`{ __type: ${JSON.stringify(type)}${fields} }`, false, ctx, runtime),
  };
}

// src/protocol.ts for an awsJson1_0 / awsJson1_1 client (aws-json.rst.template): every request
// is POST / with `X-Amz-Target: <service name>.<operation name>` and the whole input as a JSON
// document (`{}` without input), member names as modeled (@jsonName ignored), timestamps as
// epoch seconds; responses are JSON documents, errors named by `__type` (see
// runtime/awsjson/errors.ts). Shares the JSON code and the HTTP client runtime with restJson1.

import { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import type { ClientOperation } from "../index.js";
import { parseHostPrefix } from "../transport/http-bindings/bindings.js";
import { JsonCode } from "../codec/json/json-code.js";
import { defaultExpression, defaultValue, literalKey } from "../codec/json/values.js";
import { awsQueryErrorCode, isQueryCompatible, type AwsJsonVersion } from "./quirks.js";

export function emitAwsJsonClient(version: AwsJsonVersion, ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new RuntimeImports((name) => symbols.isClaimed(name));
  const json = new JsonCode(index, symbols, runtime, ctx.options.populateDefaults === true, false);
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? runtime.use("stringify")
    : "JSON.stringify";
  const serviceName = nameOf(closure.service.id);
  const queryCompatible = isQueryCompatible(closure.service);
  const contentType = `application/x-amz-json-${version}`;
  const problems: Diagnostic[] = [];

  const streaming = closure.operations.filter((op) => usesEventStream(ctx, op));
  const operations = closure.operations.filter((op) => !streaming.includes(op)).map((op) => {
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
    const headers = `{ "x-amz-target": ${JSON.stringify(target)}${queryCompatible ? `, "x-amzn-query-mode": "true"` : ""} }`;
    // Top-level input members get no @default filled in (the protocol tests send only what is set).
    const body = input.members.length > 0 ? `${stringify}(${json.objectLiteral(input.members, "input", false)})` : `"{}"`;
    const args = [`endpoint`, `"POST"`, `"/"`, `{}`, headers, body, JSON.stringify(contentType), ...(host === undefined ? [] : [host])];
    const readerStatements = json.readMembers(output.members, "v", "o");
    return {
      name: opName,
      target,
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: `read${opName}Output`,
      usesInput: input.members.length > 0,
      requestArgs: args.join(", "),
      bodyRead: readerStatements.length > 0 ? `${runtime.use("jsonBody")}(body)` : "",
      readerStatements,
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => nameOf(e.id) === nameOf(error.id)) === i)
    .map((error) => errorCase(error, json, ctx));
  const queryCodes = queryCompatible ? queryCodeAliases(closure.errors) : [];
  const base = symbols.serviceExceptionName;
  const errorClasses = closure.errors.map((e) => symbols.name(e));
  const localNames = new Set([...json.shapeFunctions().map((f) => f.name), ...operations.map((o) => o.reader), "ERRORS", "QUERY_CODES"]);
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
    awsJsonErrorCode: runtime.use("awsJsonErrorCode"),
  };

  const content = render("protocol-awsjson.ts", {
    header: header(ctx),
    protocolId: `aws.protocols#awsJson${version.replace(".", "_")}`,
    serviceName,
    notServed: streaming.map((op) => nameOf(op.id)).join(", "),
    queryCompatible,
    runtimeImports: runtime.importLines(),
    errorImports: `import { ${[base, ...errorClasses].sort().join(", ")} } from "./errors.js";`,
    modelImports: modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
    ...names,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    errors,
    queryCodes,
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

/** One entry of the error table, under its shape name (the wire carries no namespace, so the first of two alike wins): the class, its fault, and a function reading its members from the body. */
function errorCase(error: Shape, json: JsonCode, ctx: EmitContext) {
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
  return { code: literalKey(nameOf(error.id)), entry: `[${ctx.symbols.name(error)}, "${errorFault(error)}"${members}]` };
}

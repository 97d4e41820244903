// src/protocol.ts for an awsJson1_0 / awsJson1_1 client (aws-json.rst.template): every request
// is POST / with `X-Amz-Target: <service name>.<operation name>` and the whole input as a JSON
// document (`{}` without input), member names as modeled (@jsonName ignored), timestamps as
// epoch seconds; responses are JSON documents, errors named by `__type` (see
// runtime/awsjson/errors.ts). Shares the JSON code and the HTTP runtime with restJson1.

import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../emit/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { IMPORTED } from "../../symbols/symbol-provider.js";
import { parseHostPrefix } from "../restjson1/bindings.js";
import { JsonCode } from "../restjson1/json-code.js";
import { Helpers, HELPERS } from "../restjson1/runtime.js";
import { defaultExpression, defaultValue, literalKey } from "../restjson1/values.js";
import { runtimeFile } from "../runtime-files.js";
import { awsQueryErrorCode, isQueryCompatible, type AwsJsonVersion } from "./quirks.js";

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

/** Module-level names of the template and the HTTP runtime besides the helpers (checked against imports). */
const RUNTIME_LOCALS = [
  "URL", "TextDecoder", "TextEncoder", "crypto", "Target", "target", "lastEndpoint", "lastTarget", "request",
  "nodeBuffer", "byteLength", "decoder", "utf8", "receive", "unreadable", "settled", "raise", "collect", "textOf", "jsonBody",
  "B64", "BIG", "ERRORS", "ErrorEntry", "QUERY_CODES", "toError", "awsJsonErrorCode",
];

export function emitAwsJsonClient(version: AwsJsonVersion, ctx: EmitContext): EmittedFile[] {
  const { index, closure, symbols } = ctx;
  const helpers = new Helpers();
  // `receive` copies the response headers with `put`: a `__proto__` header stays a header.
  helpers.use("put");
  const json = new JsonCode(index, symbols, helpers, false);
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? helpers.use("stringify")
    : "JSON.stringify";
  const serviceName = nameOf(closure.service.id);
  const problems: Diagnostic[] = [];

  // Event streams over awsJson are not specified yet (aws-json.rst.template: "TODO"); such
  // operations (Kinesis's SubscribeToShard) get no serde, and the file says so.
  const streaming = closure.operations.filter((op) => [op.input, op.output].some((id) => index.shape(id!).members.some((m) => isEventStream(index.target(m)))));
  const operations = closure.operations.filter((op) => !streaming.includes(op)).map((op) => {
    // X-Amz-Target names the shapes as modeled: a service `rename` changes only TypeScript names.
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
    const input = index.shape(op.input!);
    const output = index.shape(op.output!);
    const hasInput = input.members.length > 0;
    // @endpoint(hostPrefix): literal text and @hostLabel members before the endpoint's host.
    const hostPrefix = parseHostPrefix(op, input.members, problems)
      ?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${helpers.use("hostLabel")}(${json.read("input", p.member.name)}, ${JSON.stringify(p.member.name)})`))
      .join(" + ");
    return {
      name: opName,
      target: `${serviceName}.${nameOf(op.id)}`,
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: `read${opName}Output`,
      hasInput: hasInput || (hostPrefix?.includes("input") ?? false),
      hostPrefix: hostPrefix === undefined ? "" : `, ${hostPrefix}`,
      // Top-level input members get no @default filled in (the protocol tests send only what is set).
      body: hasInput ? `${stringify}(${json.objectLiteral(input.members, "input", false)})` : `"{}"`,
      readerStatements: json.readMembers(output.members, "v", "o"),
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  const queryCompatible = isQueryCompatible(closure.service);
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => nameOf(e.id) === nameOf(error.id)) === i)
    .map((error) => errorCase(error, json, ctx));
  const queryCodes = queryCompatible ? queryCodeAliases(closure.errors) : [];
  const base = symbols.serviceExceptionName;
  const errorClasses = closure.errors.map((e) => symbols.name(e));
  const localNames = new Set([...json.shapeFunctions().map((f) => f.name), ...operations.map((o) => o.reader), ...HELPERS, ...RUNTIME_LOCALS]);
  const modelTypes = [...json.uses].filter((u) => symbols.moduleOf(u) === "models").sort();
  for (const imported of [...modelTypes, ...errorClasses, base]) {
    if (localNames.has(imported)) {
      throw new CodegenError([{ shape: closure.service.id, message: `the shape name ${imported} collides with a function of the generated protocol.ts; rename the shape with the service "rename" property` }]);
    }
  }

  const content = render("protocol-awsjson.ts", {
    header: header(ctx),
    protocolId: `aws.protocols#awsJson${version.replace(".", "_")}`,
    serviceName,
    notServed: streaming.map((op) => nameOf(op.id)).join(", "),
    contentType: `application/x-amz-json-${version}`,
    queryCompatible,
    smithyImports: `import type { ${Object.entries(SMITHY_TYPES).map(([from, as]) => `${from} as ${as}`).join(", ")} } from "@smithy/types";`,
    errorImports: `import { ${[base, ...errorClasses].sort().join(", ")} } from "./errors.js";`,
    modelImports: modelTypes.length === 0 ? "" : `import type { ${modelTypes.join(", ")} } from "./models.js";`,
    ...SMITHY_TYPES,
    ServiceException: base,
    operations,
    shapeFunctions: json.shapeFunctions(),
    errors,
    queryCodes,
    errorsConvert: errors.some((e) => e.converts),
    helpers: helpers.flags(),
    rpcErrorCode: true,
    hostPrefix: operations.some((o) => o.hostPrefix !== ""),
    bodyKinds: { json: operations.some((o) => o.readerStatements.length > 0) },
    eventStreams: { any: false, writes: false, reads: false, headers: false },
    utf8: helpers.has("toBase64"),
  }, closure.service.id);
  return [{ path: "src/protocol.ts", content }, runtimeFile("awsjson/errors.ts")];
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
  let converts = false;
  for (const m of error.members) {
    if (m === message) continue;
    const target = ctx.index.target(m);
    const raw = json.read("b", m.name);
    const converted = json.fromJson(target, raw, m);
    converts ||= converted !== raw;
    const fallback = defaultValue(m);
    const value = fallback !== undefined
      ? `${raw} != null ? ${converted} : ${defaultExpression(target, fallback.value)}`
      : converted === raw ? `${raw} ?? undefined` : `${raw} == null ? undefined : ${converted}`;
    fields.push(`${literalKey(m.name)}: ${value}`);
  }
  const members = fields.length === 0 ? "" : `, (b) => ({ ${fields.join(", ")} })`;
  return { code: literalKey(nameOf(error.id)), entry: `[${ctx.symbols.name(error)}, "${errorFault(error)}"${members}]`, converts };
}

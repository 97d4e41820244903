// src/server.ts for a restJson1 server: per operation `deserialize<Op>Request`,
// `serialize<Op>Response` and `serialize<Op>Error`; the route table; `create<Service>Handler`,
// which routes, reads, validates with the generated validators, calls the operation and writes
// its output or modeled error; and `createNodeListener` for node:http. Builds a view model;
// templates/server.ts.hbs and the restjson1-server-* partials lay it out.

import { CodegenError } from "../../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../../emit/context.js";
import { isEventStream, type Shape } from "../../../model/model.js";
import type { ShapeIndex } from "../../../index/shape-index.js";
import { render } from "../../../render/templates.js";
import { IMPORTED } from "../../../symbols/symbol-provider.js";
import { requestBindings, responseBindings, UNIT } from "../../transport/http-bindings/bindings.js";
import { HttpCode } from "../../transport/http-bindings/http-code.js";
import { JsonCode } from "../../codec/json/json-code.js";
import { RuntimeImports } from "../../../codegen/runtime-imports.js";
import { ServerHelpers } from "./helpers.js";
import { readerStatements, responseContentType } from "./request.js";
import { errorType, errorWriter, outputWriter, type WriterParts } from "./response.js";
import { routeLiteral, routeOf, routePriority } from "./routes.js";
import { StrictJson } from "./strict-json.js";
import { StrictText } from "./strict-text.js";

/** The @smithy/types names the file imports, aliased so shape names cannot shadow them. */
const SMITHY_TYPES = {
  HeaderBag: "__HeaderBag",
  HttpRequest: "__HttpRequest",
  HttpResponse: IMPORTED.HttpResponse,
  QueryParameterBag: "__QueryParameterBag",
} as const;
const DOCUMENT_TYPE = { DocumentType: IMPORTED.DocumentType } as const;

/** Module-level names of the server templates that are not `$`-prefixed (checked against imports). */
const TEMPLATE_LOCALS = new Set(["TextDecoder", "decoder"]);

export function emitRestJson1Server(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const service = symbols.serviceName;
  const names = fixedNames(service);

  const runtime = new RuntimeImports((name) => symbols.isClaimed(name) || TEMPLATE_LOCALS.has(name));
  // The server templates read bodies as bytes and count them.
  runtime.use("utf8");
  runtime.use("byteLength");
  const serverHelpers = new ServerHelpers(runtime);
  // A server writes every @default into its responses, as the spec and its protocol tests ask.
  const json = new JsonCode(index, symbols, runtime, true);
  const http = new HttpCode(index, runtime, (shape) => json.typeOf(shape));
  const strict = new StrictJson(index, symbols, serverHelpers, json.uses);
  const text = new StrictText(index, symbols, serverHelpers, json.uses);
  // Big numbers are JSON numbers with more digits than a double holds: they need `stringify`.
  const stringify = [...closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal")
    ? runtime.use("stringify")
    : "JSON.stringify";
  const writer: WriterParts = { json, http, runtime, stringify };

  const errorClasses = new Map<string, Shape>();
  // Event streams are client-side only so far: their operations are not served (no route: 404).
  const served = closure.operations.filter((op) => !usesEventStream(index, op));
  const requests = served.map((op) => requestBindings(index, op));
  const routes = served.map((op, i) => routeOf(op, requests[i]!));
  const operations = served.map((op, i) => {
    const name = symbols.name(op);
    const fns = operationFunctions(name);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    json.uses.add(inputType);
    json.uses.add(outputType);
    const accept = responseContentType(responseBindings(index, op.output), ctx);
    const output = outputWriter(op, ctx, writer);
    // The service's errors can be returned by every operation (service-types.rst).
    const errors = [...new Set([...(op.errors ?? []), ...(closure.service.errors ?? [])])].map((id) => index.shape(id));
    for (const e of errors) errorClasses.set(e.id, e);
    const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string };
    return {
      index: i,
      name,
      shapeName: JSON.stringify(name),
      doc: `${http_.method} ${http_.uri}`,
      ...fns,
      reader: `$read${name}`,
      inputType,
      outputType,
      errorUnion: `${name}Error`,
      readerStatements: readerStatements(requests[i]!, accept, ctx, { json: strict, text, helpers: serverHelpers }),
      writerStatements: output.statements,
      respond: output.respond,
      validator: op.input === undefined || op.input === UNIT ? "" : `assertValid${symbols.name(op.input)}`,
      // One guard per line, as a person writes a long condition.
      modeled: errors.length > 1 ? `\n${errors.map((e) => `is${symbols.name(e)}(e)`).join(" ||\n")}\n` : errors.map((e) => `is${symbols.name(e)}(e)`).join(""),
      errorCases: errors.map((e) => ({ code: JSON.stringify(errorType(e)), writer: `$error${symbols.name(e)}` })),
    };
  });

  const errorWriters = [...errorClasses.values()].map((e) => ({
    className: symbols.name(e),
    writer: `$error${symbols.name(e)}`,
    errorType: JSON.stringify(errorType(e)),
    ...errorWriter(e, ctx, writer),
  }));

  const shapeFunctions = [...strict.shapeFunctions(), ...json.shapeFunctions()];
  const errorNames = [...errorClasses.values()].map((e) => symbols.name(e));
  // Error shapes also appear as data (event-stream union members): their types come from errors.ts too.
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

  const content = render("server.ts", {
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
    service,
    routes: routes.map((r, i) => ({ literal: routeLiteral(r), name: symbols.name(served[i]!) })),
    priority: routePriority(routes).join(", "),
    operations,
    errorWriters,
    shapeFunctions,
    runtime: runtime.names(),
    server: serverHelpers.flags(),
    validates: validators.length > 0,
  }, closure.service.id);
  return { path: "src/server.ts", content, runtime: runtime.modules() };
}

/** The server's own exported names for a service named `service`. */
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

/** An operation's server functions, by its type-safe name. */
function operationFunctions(name: string) {
  return { deserialize: `deserialize${name}Request`, serialize: `serialize${name}Response`, serializeError: `serialize${name}Error` };
}

/** The exported names of server.ts, reserved before emitting. */
export function serverNames(ctx: EmitContext): Array<[string, string]> {
  const { closure, symbols } = ctx;
  const fixed = Object.entries(fixedNames(symbols.serviceName)).map(([what, name]): [string, string] => [name, `the server's ${what} of ${closure.service.id}`]);
  const served = closure.operations.filter((op) => !usesEventStream(ctx.index, op));
  return [...fixed, ...served.flatMap((op) => {
    const fns = operationFunctions(symbols.name(op));
    return [
      [fns.deserialize, `the request deserializer of ${op.id}`], [fns.serialize, `the response serializer of ${op.id}`],
      [fns.serializeError, `the error serializer of ${op.id}`],
    ] as Array<[string, string]>;
  })];
}

/** An operation whose input or output has an event stream member. */
function usesEventStream(index: ShapeIndex, op: Shape): boolean {
  return [op.input, op.output].some((id) => id !== undefined && id !== UNIT && index.shape(id).members.some((m) => isEventStream(index.target(m))));
}

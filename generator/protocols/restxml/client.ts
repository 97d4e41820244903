// src/protocol.ts for a restXml client (aws-restxml-protocol.rst): the HTTP bindings of restJson1
// (transport/http-bindings) with XML documents as bodies (codec/xml), errors read from
// `<ErrorResponse><Error>` or S3's unwrapped `<Error>` by their `<Code>`, and
// `aws.customizations#s3UnwrappedXmlOutput` (the root element is the output's one member).
// Event streams over restXml are not specified yet (the spec's "TODO"): such operations (S3's
// SelectObjectContent) get no serde, and the file says so.

import { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { operationFileNames } from "../protocol-file-types.js";
import { literalKey } from "../codec/json/values.js";
import { XmlReadCode } from "../codec/xml/xml-read-code.js";
import { XmlWriteCode } from "../codec/xml/write.js";
import { requestBindings, responseBindings, type RequestBindings, type ResponseBindings } from "../transport/http-bindings/bindings.js";
import { HttpCode } from "../transport/http-bindings/http-code.js";
import { endpointLabels } from "./s3.js";
import { errorBindingValue, PropertyCode, requestCode, responseBindingStatements, type RequestBody } from "../transport/http-bindings/operation-code.js";

export const S3_UNWRAPPED = "aws.customizations#s3UnwrappedXmlOutput";

export function emitRestXmlClient(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new FileImports(symbols, "protocol");
  const writer = new XmlWriteCode(index, symbols, runtime);
  const reader = new XmlReadCode(index, symbols, runtime);
  const http = new HttpCode(index, runtime, (shape) => reader.typeOf(shape));
  const props = new PropertyCode(runtime);
  const service = closure.service;

  const streaming = closure.operations.filter((op) => usesEventStream(ctx, op));
  const operations = closure.operations.filter((op) => !streaming.includes(op)).map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, service);
    const inputType = runtime.inputType(op);
    const outputType = runtime.outputType(op);
    const request = requestBindings(index, op, endpointLabels(service));
    const response = responseBindings(index, op.output);
    const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string };
    return {
      name: opName, serialize, deserialize, inputType, outputType, reader: `read${opName}Output`,
      serializeDoc: `/** Serializes a ${opName} request: ${http_.method} ${http_.uri}. */`,
      deserializeDoc: `/** The ${opName} output of a 2xx response; otherwise rejects with the service's error for the response. */`,
      ...requestCode(request, http, runtime, props, requestBody(request, writer, props, service, ctx)),
      ...readerBody(op, response, reader, http, runtime, props, ctx),
    };
  });

  // One entry per code: two errors named alike (from different namespaces) share a code on the wire.
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => nameOf(e.id) === nameOf(error.id)) === i)
    .map((error) => errorCase(error, reader, http, runtime, ctx));
  const base = runtime.serviceException();
  const shapeFunctions = [...writer.shapeFunctions(), ...reader.shapeFunctions()];
  const localNames = new Set([...shapeFunctions.map((f) => f.name), ...operations.map((o) => o.reader), "ERRORS"]);
  runtime.checkLocals(localNames, service, "protocol.ts");
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    errorBody: runtime.use("xmlErrorBody"),
    bodyType: operations.some((o) => o.bodyRead !== "") ? reader.elementType() : "never",
  };
  const notServed = streaming.map((op) => nameOf(op.id)).join(", ");

  const content = render("protocol-http-bindings.ts", {
    header: header(ctx),
    protocolId: `aws.protocols#restXml${notServed === "" ? "" : ` (no serde for ${notServed}: event streams over restXml are not specified yet)`}`,
    shapesComment: "XML elements from model values (se_) and back (de_).",
    runtimeImports: runtime.importLines(),
    localImports: runtime.localImportLines(),
    ...names,
    ServiceException: base,
    operations,
    shapeFunctions: shapeFunctions.sort((a, b) => (a.name < b.name ? -1 : 1)),
    streamFunctions: [],
    errors,
  }, service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}

const usesEventStream = (ctx: EmitContext, op: Shape): boolean =>
  [op.input, op.output].some((id) => id !== undefined && id !== "smithy.api#Unit" && ctx.index.shape(id).members.some((m) => isEventStream(ctx.index.target(m))));

function operationNames(op: Shape, service: Shape) {
  const opName = service.rename?.get(op.id) ?? nameOf(op.id);
  return { opName, serialize: `serialize${opName}Request`, deserialize: `deserialize${opName}Response` };
}

/** The exported names of protocol.ts, reserved before emitting. */
export function clientNames(ctx: EmitContext): Array<[string, string]> {
  return ctx.closure.operations.filter((op) => !usesEventStream(ctx, op)).flatMap((op) => {
    const { serialize, deserialize } = operationNames(op, ctx.closure.service);
    return [[serialize, `the request serializer of ${op.id}`], [deserialize, `the response deserializer of ${op.id}`]] as Array<[string, string]>;
  });
}

/** The request body and its default content type (the restXml Content-Type table). */
function requestBody(b: RequestBindings, writer: XmlWriteCode, props: PropertyCode, service: Shape, ctx: EmitContext): RequestBody {
  if (b.payload === undefined) {
    if (b.body.length === 0) return { body: "undefined", contentType: undefined };
    return { body: writer.documentBody(b.input!, b.body, "input", service), contentType: "application/xml" };
  }
  const target = ctx.index.target(b.payload);
  const value = props.read("input", b.payload.name);
  const mediaType = target.traits.get("smithy.api#mediaType");
  const typed = (body: string, fallback: string) => ({ body, contentType: typeof mediaType === "string" ? mediaType : fallback });
  switch (target.type) {
    case "structure": case "union":
      return typed(`${value} == null ? undefined : ${writer.payloadBody(b.payload, target, value, service)}`, "application/xml");
    case "blob":
      return typed(`${value} ?? undefined`, "application/octet-stream");
    default:
      return typed(`${value} ?? undefined`, "text/plain");
  }
}

/** A reader's body (`v`, an element, when it reads XML) and its statements. */
function readerBody(op: Shape, b: ResponseBindings, reader: XmlReadCode, http: HttpCode, runtime: RuntimeImports, props: PropertyCode, ctx: EmitContext) {
  const statements = responseBindingStatements(b, http, runtime, props);
  let bodyRead = "";
  if (b.payload !== undefined) {
    const shape = ctx.index.target(b.payload);
    const value = shape.type === "blob" ? `${runtime.use("bytesBody")}(body)!`
      : shape.type === "string" || shape.type === "enum" ? `${runtime.use("textOf")}(body)${shape.type === "enum" ? ` as ${reader.typeOf(shape)}` : ""}`
      : reader.value(shape, `${runtime.use("readXml")}(body)`, b.payload);
    // An empty body is no payload.
    statements.push(`if (body.length > 0) ${props.write("o", b.payload.name, value)}`);
  } else if (b.body.length > 0) {
    bodyRead = `${runtime.use("xmlBody")}(body)`;
    const unwrapped = ctx.index.shape(op.output!).traits.has(S3_UNWRAPPED) || op.traits.has(S3_UNWRAPPED);
    if (unwrapped && b.body.length === 1) {
      // s3UnwrappedXmlOutput: the root element is the value of the one member; an empty one
      // (GetBucketLocation's us-east-1) is no value, as SDK v3 reads it.
      const m = b.body[0]!;
      statements.push(`if (v.text !== "" || v.children.length > 0) ${props.write("o", m.name, reader.value(ctx.index.target(m), "v", m))}`);
    } else {
      statements.push(...reader.readMembers(b.body, "v", "o"));
    }
  }
  const params: Array<[used: boolean, param: () => string]> = [
    [true, () => "body: string | Uint8Array"],
    [b.headers.length > 0 || b.prefixHeaders !== undefined, () => `h: ${runtime.smithyType("HeaderBag")}`],
    [b.statusCode !== undefined, () => `r: ${runtime.smithyType("HttpResponse")}`],
  ];
  while (params.length > 1 && !params[params.length - 1]![0]) params.pop();
  return { readerStatements: statements, readerParams: params.map(([, param]) => param()).join(", "), bodyRead, streamOutput: false };
}

/**
 * One entry of the error table: the class, its fault, and a function reading its members from
 * the `<Error>` element (`b`), the headers and the status code, when it has any.
 */
function errorCase(error: Shape, reader: XmlReadCode, http: HttpCode, runtime: FileImports, ctx: EmitContext) {
  const bindings = responseBindings(ctx.index, error.id);
  const message = messageMember(error);
  const retryable = errorRetryable(error);
  const statements: string[] = retryable === undefined ? [] : [`o.$retryable = ${retryable};`];
  const uses = { b: false, h: false, r: false };
  for (const m of error.members) {
    const bound = errorBindingValue(m, bindings, http, runtime);
    if (bound === undefined) continue;
    uses[bound.reads] = true;
    statements.push(`o[${JSON.stringify(m.name)}] = ${bound.value};`);
  }
  const bodyMembers = bindings.body.filter((m) => m !== message);
  if (bodyMembers.length > 0) {
    uses.b = true;
    statements.unshift(...reader.readMembers(bodyMembers, "b", "o"));
  }
  if (statements.length === 0) return { code: literalKey(nameOf(error.id)), entry: `[${runtime.errorClass(error)}, "${errorFault(error)}"]` };
  const params = (["b", "h", "r"] as const).filter((_, i, all) => all.slice(i).some((p) => uses[p]));
  const typed = params.map((p) => (p === "b" ? `b: ${reader.elementType()}` : p === "h" ? `h: ${runtime.smithyType("HeaderBag")}` : `r: ${runtime.smithyType("HttpResponse")}`));
  const fn = `(${typed.join(", ")}) => {\n      const o: Record<string, any> = {};\n      ${statements.join("\n      ")}\n      return o;\n    }`;
  return { code: literalKey(nameOf(error.id)), entry: `[${runtime.errorClass(error)}, "${errorFault(error)}", ${fn}]` };
}

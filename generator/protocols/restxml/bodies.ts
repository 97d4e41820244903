// restXml's body rules over the XML codec (aws-restxml-protocol.rst): a document body's root
// named by the input, structure and union payloads as XML, others as bytes or text; responses
// read as XML (with `aws.customizations#s3UnwrappedXmlOutput`: the root element is the output's
// one member); an error's members from its `<Error>` element and bindings.

import type { EmitContext } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import type { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { literalKey } from "../codec/json/values.js";
import type { XmlReadCode } from "../codec/xml/xml-read-code.js";
import type { XmlWriteCode } from "../codec/xml/write.js";
import { responseBindings, type RequestBindings, type ResponseBindings } from "../transport/http-bindings/bindings.js";
import type { HttpCode } from "../transport/http-bindings/http-code.js";
import { errorBindingValue, type PropertyCode, responseBindingStatements, type RequestBody } from "../transport/http-bindings/operation-code.js";
import type { BodyParts, HttpBodies } from "../transport/http-bindings/client.js";

const S3_UNWRAPPED = "aws.customizations#s3UnwrappedXmlOutput";

export function restXmlBodies({ ctx, runtime, writer, reader, http, props }: BodyParts<XmlWriteCode, XmlReadCode>): HttpBodies {
  const service = ctx.closure.service;
  return {
    shapesComment: "XML elements from model values (se_) and back (de_).",
    bodyType: () => reader.elementType(),
    requestBody: (b) => requestBody(b, writer, props, service, ctx),
    responseBody: (op, b) => readerBody(op, b, reader, http, runtime, props, ctx),
    errorEntry: (error) => errorCase(error, reader, http, runtime, ctx),
    streamFunctions: () => [],
    streamNames: () => [],
  };
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

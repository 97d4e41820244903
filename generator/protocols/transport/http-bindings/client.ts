// src/protocol.ts for a client of an HTTP-bindings protocol (restJson1, restXml): per operation
// a serializer (path, query and headers from the bindings, operation-code.ts, around the body the
// protocol's codec writes) and a deserializer (headers and status code from the bindings, the
// body read by the codec), and the service's error table. The protocol's body rules (which
// payloads are documents, their content types, how an error's members are read, event streams)
// are its `HttpBodies`; templates/protocol-http-bindings.ts.hbs lays the file out.

import { FileImports } from "../../../codegen/file-imports.js";
import { header, type EmitContext, type EmittedFile } from "../../../emit/context.js";
import { operationDoc } from "../../../emit/docs.js";
import type { Shape } from "../../../model/model.js";
import { nameOf } from "../../../model/shape-id.js";
import { render } from "../../../render/templates.js";
import { httpBindings } from "../../../index/http-bindings.js";
import type { Protocol } from "../../protocol.js";
import type { Codec, ShapeCode } from "../../codec/codec.js";
import type { ShapeFunction } from "../../codec/json/json-code.js";
import type { HttpBindingsTransport } from "../transport.js";
import { clientFileImports, operationFileNames, operationSetup, servedOperations } from "../../client-operation.js";
import { requestBindings, type RequestBindings, type ResponseBindings } from "./bindings.js";
import { HttpCode } from "./http-code.js";
import { PropertyCode, requestCode, type RequestBody } from "./operation-code.js";

/** A codec's reader as the HTTP bindings need it: it names the TypeScript type of a bound value. */
export interface TypedReader extends ShapeCode {
  typeOf(shape: Shape): string;
}

/** What an operation's output reader does with the body, besides the bound headers and status code. */
export interface ResponseBody {
  readonly readerStatements: string[];
  readonly readerParams: string;
  /** The expression reading the body into `v` ("" when the reader takes no document). */
  readonly bodyRead: string;
  /** Whether the output holds an event stream read as the body arrives. */
  readonly streamOutput: boolean;
}

/** A protocol's body rules over its codec, for one file. */
export interface HttpBodies {
  /** What the file's `se_`/`de_` functions convert, for its comment. */
  readonly shapesComment: string;
  /** The type of `v`, the document a reader reads (called only when some reader reads one). */
  bodyType(): string;
  requestBody(b: RequestBindings): RequestBody;
  responseBody(op: Shape, b: ResponseBindings): ResponseBody;
  /** An error table entry: the code the wire names the error by, and its class, fault and members. */
  errorEntry(error: Shape): { code: string; entry: string };
  /** The event-stream functions the file holds, and the names they declare. */
  streamFunctions(): string[];
  streamNames(): string[];
}

/** What the layers hand a protocol's `HttpBodies`. */
export interface BodyParts<W, R> {
  readonly ctx: EmitContext;
  readonly runtime: FileImports;
  readonly writer: W;
  readonly reader: R;
  readonly http: HttpCode;
  readonly props: PropertyCode;
}

export interface HttpQuirks<W extends ShapeCode, R extends TypedReader> {
  /** Whether a member's @jsonName names it on the wire. */
  readonly honourJsonName: boolean;
  /**
   * Whether the serializer and deserializer carry the operation's documentation (and the
   * serializer says when a URI label is missing): restJson1's do; restXml's do not yet.
   */
  readonly operationDocs: boolean;
  /**
   * The runtime function finding the error code in a JSON error response (restJson1's rules); a
   * table names it so that a bundle keeps only its protocol's. None when the codec reads error
   * documents itself (`errorDocument`).
   */
  readonly errorCode?: string | undefined;
  readonly bodies: (parts: BodyParts<W, R>) => HttpBodies;
}

export type HttpProtocol<W extends ShapeCode, R extends TypedReader> = Protocol<HttpBindingsTransport, Codec<W, R>, HttpQuirks<W, R>>;

export function emitHttpBindingsClient<W extends ShapeCode, R extends TypedReader>(protocol: HttpProtocol<W, R>, ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const { transport, codec, quirks } = protocol;
  const service = closure.service;
  const runtime = new FileImports(symbols, "protocol");
  const { writer, reader } = codec.code(ctx, runtime, { populateDefaults: ctx.options.populateDefaults === true, honourJsonName: quirks.honourJsonName });
  const http = new HttpCode(index, runtime, (shape) => reader.typeOf(shape));
  const props = new PropertyCode(runtime);
  const bodies = quirks.bodies({ ctx, runtime, writer, reader, http, props });

  const bindings = httpBindings(index, closure);
  const labels = transport.endpointLabels(service);
  const served = servedOperations(ctx, protocol.eventStreams);
  const streaming = closure.operations.filter((op) => !served.includes(op));
  const operations = served.map((op) => {
    const { name, serialize, deserialize, inputType, outputType, reader: readerName } = operationSetup(op, ctx, runtime);
    const request = labels.size === 0 ? bindings.request(op) : requestBindings(index, op, labels);
    const response = bindings.response(op.output);
    const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string } | undefined;
    return {
      name, serialize, deserialize, inputType, outputType, reader: readerName,
      ...documentation(op, name, http_, request, quirks.operationDocs),
      ...requestCode(request, http, runtime, props, bodies.requestBody(request)),
      ...bodies.responseBody(op, response),
    };
  });

  // One entry per code: two errors named alike (from different namespaces) share a code on the wire.
  const errors = closure.errors
    .filter((error, i, all) => all.findIndex((e) => nameOf(e.id) === nameOf(error.id)) === i)
    .map((error) => bodies.errorEntry(error));
  const shapeFunctions: ShapeFunction[] = ((writer as ShapeCode) === reader ? writer.shapeFunctions() : [...writer.shapeFunctions(), ...reader.shapeFunctions()])
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const localNames = new Set([...shapeFunctions.map((f) => f.name), ...bodies.streamNames(), ...operations.map((o) => o.reader), "ERRORS"]);
  const imports = clientFileImports(ctx, runtime, localNames);
  const document = codec.errorDocument;
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    ...(quirks.errorCode === undefined ? {} : { errorCode: runtime.use(quirks.errorCode) }),
    ...(document === undefined ? {} : { errorDocument: `${document.key}: ${runtime.use(document.reader)},` }),
    bodyType: operations.some((o) => o.bodyRead !== "") ? bodies.bodyType() : "never",
  };
  const notServed = streaming.map((op) => nameOf(op.id)).join(", ");

  const content = render("protocol-http-bindings.ts", {
    header: header(ctx),
    protocolId: `${protocol.traitId}${notServed === "" ? "" : ` (no serde for ${notServed}: event streams over ${protocol.name} are not specified yet)`}`,
    shapesComment: bodies.shapesComment,
    runtimeImports: runtime.importLines(),
    ...imports,
    ...names,
    operations,
    shapeFunctions,
    streamFunctions: bodies.streamFunctions(),
    errors,
  }, service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}

/** The doc comments of an operation's serializer and deserializer. */
function documentation(op: Shape, name: string, http: { method: string; uri: string } | undefined, request: RequestBindings, operationDocs: boolean) {
  const serialize = `Serializes a ${name} request${http === undefined ? "" : `: ${http.method} ${http.uri}`}.`;
  const deserialize = `The ${name} output of a 2xx response; otherwise rejects with the service's error for the response.`;
  if (!operationDocs) return { serializeDoc: `/** ${serialize} */`, deserializeDoc: `/** ${deserialize} */` };
  const labels = request.path.some((segment) => segment.kind === "label") ? " Throws when a URI label is missing or empty." : "";
  return { serializeDoc: operationDoc(op, `${serialize}${labels}`), deserializeDoc: operationDoc(op, deserialize) };
}

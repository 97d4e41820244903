// What every protocol's client file (src/protocol.ts) sets up per operation, whatever its
// transport and codec: the operation's names and types, its host prefix, which operations are
// served, the file's imports of model types and error classes, and the runtime names every
// serializer and deserializer uses.

import type { FileImports } from "../codegen/file-imports.js";
import type { RuntimeImports } from "../codegen/runtime-imports.js";
import type { Diagnostic } from "../diagnostics.js";
import type { EmitContext } from "../emit/context.js";
import type { Member, Shape } from "../model/model.js";
import { usesEventStream } from "../index/event-streams.js";
import { nameOf } from "../model/shape-id.js";
import type { ClientOperation } from "./index.js";
import { parseHostPrefix } from "./transport/http-bindings/bindings.js";
import { readProperty } from "./codec/json/values.js";

/** An operation's TypeScript name (a service `rename` applies; the wire keeps the modeled name) and its serde functions. */
export function operationNames(op: Shape, service: Shape) {
  const opName = service.rename?.get(op.id) ?? nameOf(op.id);
  return { opName, serialize: `serialize${opName}Request`, deserialize: `deserialize${opName}Response` };
}

/**
 * The operations protocol.ts serves: all of them when the protocol frames event streams, else
 * those without one (such an operation gets no serde, and the file says so).
 */
export function servedOperations(ctx: EmitContext, eventStreams: boolean): Shape[] {
  return eventStreams ? [...ctx.closure.operations] : ctx.closure.operations.filter((op) => !usesEventStream(ctx.index, op));
}

/** The served operations as the client runtime calls their serde. */
export function clientOperations(ctx: EmitContext, eventStreams: boolean): ClientOperation[] {
  return servedOperations(ctx, eventStreams).map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx.closure.service);
    return { op, name: opName, serialize, deserialize };
  });
}

/** The names protocol.ts exports, reserved before any emitter runs. */
export function clientNames(ctx: EmitContext, eventStreams: boolean): Array<[string, string]> {
  return clientOperations(ctx, eventStreams).flatMap(({ op, serialize, deserialize }) =>
    [[serialize, `the request serializer of ${op.id}`], [deserialize, `the response deserializer of ${op.id}`]] as Array<[string, string]>);
}

/** An operation as a client file's emitter starts from. */
export interface OperationSetup {
  readonly op: Shape;
  /** Its TypeScript name. */
  readonly name: string;
  readonly serialize: string;
  readonly deserialize: string;
  readonly inputType: string;
  readonly outputType: string;
  /** The file-local function reading its output. */
  readonly reader: string;
  readonly input: Shape;
  readonly output: Shape;
}

/** The operation's names and types (recorded as the file's imports). */
export function operationSetup(op: Shape, ctx: EmitContext, file: FileImports): OperationSetup {
  const { opName, serialize, deserialize } = operationNames(op, ctx.closure.service);
  const inputType = file.inputType(op);
  const outputType = file.outputType(op);
  return { op, name: opName, serialize, deserialize, inputType, outputType, reader: `read${opName}Output`, input: ctx.index.shape(op.input!), output: ctx.index.shape(op.output!) };
}

/**
 * The host of an RPC operation's `@endpoint(hostPrefix)`: literal text and @hostLabel members
 * of `input`, before the endpoint's host (an expression, undefined without one). The HTTP
 * bindings read it with the other bindings (bindings.ts).
 */
export function hostPrefix(op: Shape, members: readonly Member[], runtime: RuntimeImports, problems: Diagnostic[]): string | undefined {
  return parseHostPrefix(op, members, problems)
    ?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${readProperty("input", p.member.name, () => runtime.use("own"))}, ${JSON.stringify(p.member.name)})`))
    .join(" + ");
}

/**
 * The file's import lines of what its code named from errors.ts (with the service exception)
 * and models.ts; throws when one is named like a function of the file (`localNames`).
 */
export function clientFileImports(ctx: EmitContext, file: FileImports, localNames: ReadonlySet<string>) {
  const ServiceException = file.serviceException();
  file.checkLocals(localNames, ctx.closure.service, "protocol.ts");
  return { localImports: file.localImportLines(), ServiceException };
}

/** The names every protocol file's serializers and deserializers use, recorded as runtime imports. */
export function operationFileNames(runtime: RuntimeImports) {
  return {
    Endpoint: runtime.smithyType("Endpoint"),
    HttpRequest: runtime.smithyType("HttpRequest"),
    HttpResponse: runtime.smithyType("HttpResponse"),
    MetadataBearer: runtime.smithyType("MetadataBearer"),
    URL: runtime.use("URL"),
    request: runtime.use("request"),
    receive: runtime.use("receive"),
    ServiceErrors: runtime.use("ServiceErrors"),
  };
}

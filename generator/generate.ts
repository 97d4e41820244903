// The pipeline from a loaded model to the formatted files of one package, all in memory:
// index → closure → symbols → emitters → layout. Writing is a separate step, so a failure
// anywhere here leaves the disk untouched.

import { CodegenError } from "./diagnostics.js";
import { SOURCE_EMITTERS } from "./emit/emitters.js";
import { emitPackageFiles } from "./emit/package-files.js";
import type { EmitContext, EmittedFile, GenerateOptions } from "./emit/context.js";
import { layoutTypeScript } from "./format/layout.js";
import { ShapeIndex, serviceClosure } from "./index/shape-index.js";
import type { Model } from "./model/model.js";
import { SymbolProvider } from "./symbols/symbol-provider.js";
import { runtimeDependencies, runtimeFiles } from "./emit/runtime-files.js";
import { clientNames, emitClient } from "./client/emit-client.js";
import { endpointNames } from "./client/endpoints/emit-endpoints.js";
import { clientOperationsOf, emitProtocol, emitServerProtocol, protocolOf, unsupportedProtocolNote } from "./protocols/index.js";

export interface GenerateInput {
  readonly model: Model;
  /** Model file names as the header should show them. */
  readonly modelFiles: readonly string[];
  /** Service shape id; may be omitted when the model has exactly one service. */
  readonly service?: string | undefined;
  /** Only these operations (by name) and what they need. */
  readonly operations?: readonly string[] | undefined;
  readonly options: GenerateOptions;
}

export async function generatePackage(input: GenerateInput): Promise<EmittedFile[]> {
  const index = new ShapeIndex(input.model);
  const service = pickService(index, input.service, [...new Set(input.modelFiles)].sort().join(", "));
  const closure = serviceClosure(index, service, input.operations);
  const symbols = new SymbolProvider(index, closure);
  const modelFiles = [...new Set(input.modelFiles)].sort();
  const ctx: EmitContext = { index, closure, symbols, options: input.options, modelFiles };
  const files = emitFiles(ctx);
  const formatted = files.map((f) => (f.path.endsWith(".ts") ? { path: f.path, content: layoutTypeScript(f.content, f.path) } : f));
  // The runtime modules the sources import, with what those import, copied as they are written.
  const runtime = runtimeFiles(files.flatMap((f) => f.runtime ?? []));
  return [...formatted, ...runtime].map(({ path, content }) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The package's own files as emitted, before layout: the sources, then the package files. */
export function emitFiles(ctx: EmitContext): EmittedFile[] {
  // The service's protocol is chosen here; emit/ knows no protocol.
  const service = ctx.closure.service;
  const protocol = protocolOf(service, ctx.options.protocol);
  // The client (src/client.ts), when the protocol's serde is one the client runtime can call.
  const clientOperations = clientOperationsOf(ctx);
  if (protocol !== undefined) ctx.symbols.reserve(protocol.names(ctx));
  if (clientOperations !== undefined) ctx.symbols.reserve(clientNames(ctx, clientOperations));
  ctx.symbols.reserve(endpointNames(ctx));
  const emitters = [...SOURCE_EMITTERS, emitProtocol, emitServerProtocol, ...(clientOperations === undefined ? [] : [() => emitClient(ctx, clientOperations)])];
  const sources = emitters.map((emit) => emit(ctx)).filter((f) => f !== undefined);
  const modules = sources.map((f) => f.path.replace(/^src\//, "").replace(/\.ts$/, ""));
  const dependencies = runtimeDependencies(sources.flatMap((f) => f.runtime ?? []));
  return [...sources, ...emitPackageFiles(ctx, modules, { traitId: protocol?.traitId, note: unsupportedProtocolNote(ctx.index.model, service, ctx.options.protocol) }, dependencies)];
}

function pickService(index: ShapeIndex, id: string | undefined, file: string) {
  const services = index.services();
  if (id !== undefined) {
    const match = services.find((s) => s.id === id || s.id.endsWith(`#${id}`));
    if (match === undefined) {
      throw new CodegenError([{ file, message: `no service ${id} in the model (services: ${services.map((s) => s.id).join(", ") || "none"})` }]);
    }
    return match;
  }
  if (services.length === 1) return services[0]!;
  throw new CodegenError([{
    file,
    message: services.length === 0
      ? "the model has no service shape to generate a package for"
      : `the model has ${services.length} services; choose one with --service (${services.map((s) => s.id).join(", ")})`,
  }]);
}

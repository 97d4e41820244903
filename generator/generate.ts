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

  const sources = SOURCE_EMITTERS.flatMap((emit) => emit(ctx) ?? []);
  const modules = sources.filter((f) => !f.path.startsWith("src/runtime/")).map((f) => f.path.replace(/^src\//, "").replace(/\.ts$/, ""));
  const files = [...sources, ...emitPackageFiles(ctx, modules)];
  const formatted = files.map((f) => (f.path.endsWith(".ts") ? { path: f.path, content: layoutTypeScript(f.content, f.path) } : f));
  return formatted.sort((a, b) => (a.path < b.path ? -1 : 1));
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

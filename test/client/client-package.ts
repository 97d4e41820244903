// A generated package with its client: the generator's files, src/client.ts from the client
// emitter and the client runtime copied to src/runtime/client/ (what the pipeline will do once
// the runtime-copy step lands), written to a temporary folder and loaded.

import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import ts from "typescript";
import { emitClient } from "../../generator/client/emit-client.js";
import type { EmitContext, EmittedFile, GenerateOptions } from "../../generator/emit/context.js";
import type { Model } from "../../generator/model/model.js";
import { layoutTypeScript } from "../../generator/format/layout.js";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import { projectRoot } from "../../generator/project-root.js";
import { SymbolProvider } from "../../generator/symbols/symbol-provider.js";
import { DEFAULT_OPTIONS, generate } from "../helpers/codegen.js";

/**
 * The runtime modules `source` imports from ./runtime/, closed over their own relative imports,
 * as src/runtime/<path>.ts (what a package gets: the modules its code uses, nothing else).
 */
export function runtimeFilesFor(source: string): EmittedFile[] {
  const root = join(projectRoot(), "runtime");
  const found = new Map<string, string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    const content = readFileSync(join(root, path), "utf8");
    found.set(path, content);
    for (const [, spec] of content.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) visit(posix.join(posix.dirname(path), `${spec}.ts`));
  };
  for (const [, spec] of source.matchAll(/from "\.\/runtime\/([^"]+)\.js"/g)) visit(`${spec}.ts`);
  return [...found].map(([path, content]) => ({ path: `src/runtime/${path}`, content }));
}

/** What the client emitter receives for the model's one service (as the pipeline builds it). */
export function clientContext(model: Model, options: GenerateOptions = DEFAULT_OPTIONS): EmitContext {
  const index = new ShapeIndex(model);
  const closure = serviceClosure(index, index.services()[0]!);
  return { index, closure, symbols: new SymbolProvider(index, closure), options, modelFiles: ["test.json"] };
}

/** The package of `models` (paths from the project root) with its client, client and server sides. */
export async function clientPackage(models: string[], options: Partial<GenerateOptions> = {}): Promise<EmittedFile[]> {
  const merged = { ...DEFAULT_OPTIONS, targets: ["client", "server"] as const, ...options };
  const files = await generate(models, { options: merged });
  const client = emitClient(clientContext(await loadModelFiles(models), merged));
  const withClient = files.map((f) => (f.path === "src/index.ts" ? { ...f, content: `${f.content}export * from "./client.js";\n` } : f));
  const runtime = runtimeFilesFor(client.content).filter((r) => !files.some((f) => f.path === r.path));
  return [...withClient, { path: client.path, content: layoutTypeScript(client.content, client.path) }, ...runtime];
}

/**
 * Writes the package to a temporary folder (each src/**.ts transpiled beside it) that reaches the
 * project's node_modules (for @smithy/signature-v4), and imports its index.
 */
export async function loadClientPackage<T>(files: readonly EmittedFile[]): Promise<{ mod: T; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "client-package-"));
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    if (f.path.endsWith(".ts")) {
      const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true };
      writeFileSync(target.replace(/\.ts$/, ".js"), ts.transpileModule(f.content, { compilerOptions: options }).outputText);
    }
  }
  symlinkSync(join(projectRoot(), "node_modules"), join(dir, "node_modules"), "dir");
  return { mod: (await import(join(dir, "src", "index.js"))) as T, dir };
}

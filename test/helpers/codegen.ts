// Test helpers: generate a package in memory from model JSON, type-check it, and load its code
// (transpiled with TypeScript) so tests can call what the generator emitted.

import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import type { EmittedFile, GenerateOptions } from "../../generator/emit/context.js";
import { generatePackage } from "../../generator/generate.js";
import { loadModel, loadModelFiles, type ModelSource } from "../../generator/load/load.js";
import type { Model } from "../../generator/model/model.js";
import { typecheckPackage } from "../../generator/typecheck/typecheck.js";
import type { ExtraChecks } from "../../generator/typecheck/flags.js";

export const DEFAULT_OPTIONS: GenerateOptions = { optionality: "client", packageName: "test-package", packageVersion: "0.0.0" };

/** A model from JSON objects: `{ "a.json": { smithy: "2.0", shapes: {...} } }`. */
export function modelFromJson(docs: Record<string, unknown>): Model {
  const sources: ModelSource[] = Object.entries(docs).map(([file, doc]) => ({ file, text: JSON.stringify(doc, null, 2) }));
  return loadModel(sources);
}

export async function generate(
  model: Model | string[],
  extra: { service?: string; operations?: string[]; options?: Partial<GenerateOptions> } = {},
): Promise<EmittedFile[]> {
  const loaded = Array.isArray(model) ? await loadModelFiles(model) : model;
  return generatePackage({
    model: loaded,
    modelFiles: Array.isArray(model) ? model.map((m) => m.split("/").pop()!) : ["test.json"],
    service: extra.service,
    operations: extra.operations,
    options: { ...DEFAULT_OPTIONS, ...extra.options },
  });
}

export const typecheck = (files: readonly EmittedFile[], label = "test-package", extra?: ExtraChecks) => typecheckPackage(files, label, extra);

export function fileOf(files: readonly EmittedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`);
  return file.content;
}

/**
 * Writes the package to a fresh temporary folder with each src/*.ts transpiled to .js beside
 * it, linked to this project's node_modules (a signing client imports @smithy/signature-v4 on
 * its first send), and imports its index. Returns the module and the folder.
 */
export async function loadGenerated<T = Record<string, unknown>>(files: readonly EmittedFile[]): Promise<{ mod: T; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "codegen-test-"));
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    if (f.path.endsWith(".ts")) {
      const js = ts.transpileModule(f.content, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      }).outputText;
      writeFileSync(target.replace(/\.ts$/, ".js"), js);
    }
  }
  symlinkSync(join(import.meta.dirname, "..", "..", "node_modules"), join(dir, "node_modules"), "dir");
  const mod = (await import(join(dir, "src", "index.js"))) as T;
  return { mod, dir };
}

/** The shared reference folder (../shared), or undefined when this clone has none. */
export const SHARED_DIR: string | undefined = (() => {
  const dir = join(import.meta.dirname, "..", "..", "..", "shared");
  return existsSync(dir) ? dir : undefined;
})();

export const SHARED_MISSING = "../shared is absent (a fresh clone elsewhere): tests that read the reference models and corpora are skipped";

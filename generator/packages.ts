// From model paths to packages in memory: which packages to make (every model in models/ by
// default) and their files. Shared by the CLI and the golden tests, so both see the same bytes.

import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { CodegenError } from "./diagnostics.js";
import type { EmittedFile, GenerateOptions } from "./emit/context.js";
import { generatePackage } from "./generate.js";
import { loadModelFiles, MODEL_EXTENSIONS } from "./load/load.js";
import { typecheckPackage } from "./typecheck/typecheck.js";

export interface PackageJob {
  readonly models: readonly string[];
  readonly out: string;
  readonly name: string;
}

export interface PackageSettings {
  readonly service?: string | undefined;
  readonly operations?: readonly string[] | undefined;
  readonly optionality: GenerateOptions["optionality"];
  readonly packageName?: string | undefined;
  readonly packageVersion?: string | undefined;
  readonly typecheck: boolean;
}

/** The given models into `out`, or, without models, every model file in `modelsDir` into generated/<name>. */
export async function planPackages(models: readonly string[] | undefined, out: string | undefined, modelsDir = "models"): Promise<PackageJob[]> {
  if (models !== undefined && models.length > 0) {
    const name = modelName(models[0]!);
    return [{ models, out: out ?? join("generated", name), name }];
  }
  const entries = await readdir(modelsDir).catch(() => {
    throw new CodegenError([{ file: modelsDir, message: "no --model given and there is no models/ folder here" }]);
  });
  const files = entries.filter((e) => MODEL_EXTENSIONS.includes(extname(e))).sort();
  if (files.length === 0) throw new CodegenError([{ file: modelsDir, message: "no --model given and models/ holds no model files" }]);
  return files.map((f) => ({ models: [join(modelsDir, f)], out: join(join(modelsDir, ".."), "generated", modelName(f)), name: modelName(f) }));
}

/** Generates (and optionally type-checks) every package in memory; throws before any is written. */
export async function generatePackages(jobs: readonly PackageJob[], settings: PackageSettings): Promise<Array<{ job: PackageJob; files: EmittedFile[] }>> {
  const results = [];
  for (const job of jobs) {
    const model = await loadModelFiles(job.models);
    const files = await generatePackage({
      model,
      modelFiles: job.models.map((m) => basename(m)),
      service: settings.service,
      operations: settings.operations,
      options: {
        optionality: settings.optionality,
        packageName: settings.packageName ?? job.name,
        packageVersion: settings.packageVersion ?? "0.1.0",
      },
    });
    if (settings.typecheck) await typecheckPackage(files, job.out);
    results.push({ job, files });
  }
  return results;
}

export function modelName(path: string): string {
  return basename(path, extname(path));
}

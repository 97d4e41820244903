// From model paths to packages in memory: which packages to make (every model in models/ by
// default) and their files. Shared by the CLI and the golden tests, so both see the same bytes.
// The pipeline (handlebars, the layout step, the type-check) is imported only when a package is generated,
// so a run that finds everything up to date never loads it.

import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { CodegenError, type Diagnostic } from "./diagnostics.js";
import type { EmittedFile, GenerateOptions } from "./emit/context.js";
import type { Model } from "./model/model.js";

export interface PackageJob {
  readonly models: readonly string[];
  readonly out: string;
  readonly name: string;
}

export interface PackageSettings {
  readonly service?: string | undefined;
  readonly operations?: readonly string[] | undefined;
  /** Keep only the operations carrying one of these tags (smithy-build's includeShapesByTag). */
  readonly includeTags?: readonly string[] | undefined;
  /** Drop the operations carrying one of these tags (excludeShapesByTag). */
  readonly excludeTags?: readonly string[] | undefined;
  readonly optionality: GenerateOptions["optionality"];
  /** The protocol sides to emit (default: client only). */
  readonly targets?: GenerateOptions["targets"];
  readonly populateDefaults?: boolean | undefined;
  readonly protocol?: string | undefined;
  readonly packageName?: string | undefined;
  readonly packageVersion?: string | undefined;
  readonly typecheck: boolean;
  /** Unknown traits are warnings, not errors. */
  readonly allowUnknownTraits?: boolean | undefined;
}

/** The given models into `out`, or, without models, every model file in `modelsDir` into generated/<name>. */
export async function planPackages(models: readonly string[] | undefined, out: string | undefined, modelsDir = "models"): Promise<PackageJob[]> {
  if (models !== undefined && models.length > 0) {
    const name = modelName(models[0]!);
    return [{ models, out: out ?? join("generated", name), name }];
  }
  const { MODEL_EXTENSIONS } = await import("./load/load.js");
  const entries = await readdir(modelsDir).catch(() => {
    throw new CodegenError([{ file: modelsDir, message: "no --model given and there is no models/ folder here" }]);
  });
  const files = entries.filter((e) => MODEL_EXTENSIONS.includes(extname(e))).sort();
  if (files.length === 0) throw new CodegenError([{ file: modelsDir, message: "no --model given and models/ holds no model files" }]);
  return files.map((f) => ({ models: [join(modelsDir, f)], out: join(join(modelsDir, ".."), "generated", modelName(f)), name: modelName(f) }));
}

/** Generates (and optionally type-checks) every package in memory (the check runs on staged copies); throws before any is written. */
export async function generatePackages(
  jobs: readonly PackageJob[],
  settings: PackageSettings,
): Promise<Array<{ job: PackageJob; files: EmittedFile[]; warnings: Diagnostic[] }>> {
  const [{ loadModelFiles }, { generatePackage }, { typecheckPackage }] = await Promise.all([
    import("./load/load.js"), import("./generate.js"), import("./typecheck/typecheck.js"),
  ]);
  const results = [];
  // The checker is a separate process: a package is checked while the next one is generated.
  // Each check's failure is caught at once (an unhandled rejection would end the process), and
  // every check has ended (and removed its staging folder) before this returns or throws.
  const checks: Array<Promise<unknown>> = [];
  let failed: unknown[];
  try {
    for (const job of jobs) {
      const warnings: Diagnostic[] = [];
      const model = await loadModelFiles(job.models, { allowUnknownTraits: settings.allowUnknownTraits, warnings });
      const files = await generatePackage({
        model,
        modelFiles: job.models.map((m) => basename(m)),
        service: settings.service,
        operations: await selectOperations(model, settings),
        options: {
          optionality: settings.optionality,
          targets: settings.targets,
          populateDefaults: settings.populateDefaults,
          protocol: settings.protocol,
          packageName: settings.packageName ?? job.name,
          packageVersion: settings.packageVersion ?? "0.1.0",
        },
      });
      if (settings.typecheck) checks.push(typecheckPackage(files, job.out).then(() => undefined, (e: unknown) => e ?? new Error("internal: check failed")));
      results.push({ job, files, warnings });
    }
  } finally {
    failed = (await Promise.all(checks)).filter((e) => e !== undefined);
  }
  const other = failed.find((e) => !(e instanceof CodegenError));
  if (other !== undefined) throw other;
  if (failed.length > 0) throw new CodegenError((failed as CodegenError[]).flatMap((e) => e.diagnostics));
  return results;
}

/** The operations to generate: those named, narrowed by the tag filters (ids of the service's operations). */
async function selectOperations(model: Model, settings: PackageSettings): Promise<readonly string[] | undefined> {
  const { includeTags, excludeTags } = settings;
  if (includeTags === undefined && excludeTags === undefined) return settings.operations;
  const { ShapeIndex, serviceClosure } = await import("./index/shape-index.js");
  const index = new ShapeIndex(model);
  const wanted = settings.service;
  const services = index.services().filter((s) => wanted === undefined || s.id === wanted || s.id.endsWith(`#${wanted}`));
  // Without exactly one service, leave the choice (and its error message) to the pipeline.
  if (services.length !== 1) return settings.operations;
  const tagsOf = (id: string) => {
    const tags = model.shapes.get(id)?.traits.get("smithy.api#tags");
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
  };
  const selected = serviceClosure(index, services[0]!, settings.operations).operations.map((op) => op.id).filter((id) => {
    const tags = tagsOf(id);
    return (includeTags === undefined || tags.some((t) => includeTags.includes(t))) && !tags.some((t) => excludeTags?.includes(t));
  });
  if (selected.length === 0) {
    const rule = [includeTags && `tagged ${includeTags.join(" or ")}`, excludeTags && `not tagged ${excludeTags.join(" or ")}`].filter(Boolean).join(" and ");
    throw new CodegenError([{ shape: services[0]!.id, message: `no operation of the service is ${rule}` }]);
  }
  return selected;
}

export function modelName(path: string): string {
  return basename(path, extname(path));
}

// One run of `codegen generate`: for each package, skip it when its stamp shows nothing changed
// (without loading the pipeline), else generate every stale package in memory (one failure
// means nothing is written), compare each with its previous version's public API, then write
// them and their stamps.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ApiDiff } from "../api-diff/compare.js";
import type { PackageConfig } from "../config/config.js";
import type { EmittedFile } from "../emit/context.js";
import { listPackageFiles } from "../write/files.js";
import { inputsHash, readStamp, stampHolds, writeStamp } from "../write/stamp.js";
import { commitWrite, planWrite, type WritePlan } from "../write/write.js";
import type { Output } from "./output.js";
import { resolvePlans, type PackagePlan } from "./plans.js";

export interface PackageOutcome {
  readonly name: string;
  readonly out: string;
  /** Found up to date from its stamp alone, without generating. */
  readonly fromStamp: boolean;
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
  /** Public API changes against the package this run replaced (when there was one). */
  readonly api?: ApiDiff | undefined;
}

export interface RunResult {
  readonly configFile?: string | undefined;
  readonly plans: readonly PackagePlan[];
  readonly outcomes: readonly PackageOutcome[];
  /** Some file differs from what the generator emits (what --check fails on). */
  readonly differs: boolean;
}

export interface RunRequest {
  readonly flags: PackageConfig;
  readonly config: string | undefined;
  readonly check: boolean;
  /** Regenerate even when the stamp says the package is up to date. */
  readonly force: boolean;
}

export async function runGenerate(request: RunRequest, output: Output): Promise<RunResult> {
  const { configFile, plans } = await resolvePlans(request.flags, request.config);
  const done = output.progress(`generating ${plans.map((p) => p.job.name).join(", ")}…`);
  try {
    const outcomes = await generateAll(plans, request, output);
    return { configFile, plans, outcomes, differs: outcomes.some((o) => o.written.length + o.removed.length > 0) };
  } finally {
    done();
  }
}

async function generateAll(plans: readonly PackagePlan[], { check, force }: RunRequest, output: Output): Promise<PackageOutcome[]> {
  const fresh = new Map<PackagePlan, PackageOutcome>();
  const stale: Array<{ plan: PackagePlan; inputs: string | undefined }> = [];
  for (const plan of plans) {
    const { job, settings } = plan;
    // Type-checking changes no byte of the output; the stamp records it separately.
    const { typecheck, ...shaping } = settings;
    const inputs = await inputsHash(job.models, { name: job.name, settings: shaping });
    const stamp = await readStamp(job.out);
    if (!force && (await stampHolds(job.out, stamp, inputs, typecheck))) {
      fresh.set(plan, { name: job.name, out: job.out, fromStamp: true, written: [], removed: [], unchanged: Object.keys(stamp!.files).length });
    } else {
      stale.push({ plan, inputs });
    }
  }

  // Everything is generated (and type-checked) before anything is written.
  const { generatePackages } = await import("../packages.js");
  const generated: Array<{ plan: PackagePlan; inputs: string | undefined; write: WritePlan }> = [];
  for (const { plan, inputs } of stale) {
    const [result] = await generatePackages([plan.job], plan.settings);
    output.warnings(result!.warnings);
    generated.push({ plan, inputs, write: await planWrite(plan.job.out, result!.files) });
  }

  const reports = new Map<PackagePlan, ApiDiff>();
  if (!check) {
    for (const { plan, write } of generated) {
      if (!plan.apiReport || !write.existed || write.written.length + write.removed.length === 0) continue;
      const { compareApis } = await import("../api-diff/compare.js");
      reports.set(plan, await compareApis(await readPackage(plan.job.out), write.files));
    }
    for (const { plan, inputs, write } of generated) {
      await commitWrite(write);
      if (inputs !== undefined) await writeStamp(plan.job.out, inputs, plan.settings.typecheck, write.files);
    }
  }

  return plans.map((plan) => {
    const known = fresh.get(plan);
    if (known !== undefined) return known;
    const { write } = generated.find((g) => g.plan === plan)!;
    return { name: plan.job.name, out: plan.job.out, fromStamp: false, written: write.written, removed: write.removed, unchanged: write.unchanged, api: reports.get(plan) };
  });
}

/** The TypeScript files of the package on disk: the previous version's public API. */
async function readPackage(outDir: string): Promise<EmittedFile[]> {
  const paths = (await listPackageFiles(outDir)).filter((p) => p.endsWith(".ts"));
  return Promise.all(paths.map(async (path) => ({ path, content: await readFile(join(outDir, path), "utf8") })));
}

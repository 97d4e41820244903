// `codegen diff`: generate the package from an old and a new model in memory, extract both
// public APIs with ts-morph and list what breaks downstream code and what is additive.
// Exit code 1 when anything breaks, for CI.

import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { ApiDiff } from "../api-diff/compare.js";
import { modelsAtRevision, relabel } from "../api-diff/git-models.js";
import { changelogFragment, changeLines, releaseType, summaryLine } from "../api-diff/report.js";
import type { PackageConfig } from "../config/config.js";
import { generationFlags, parseCommandArgs, UsageError } from "./args.js";
import { Output } from "./output.js";
import { resolvePlans, type PackagePlan } from "./plans.js";

export const DIFF_HELP = `Usage: codegen diff --from <old model file | git revision> [--to <new model file>...] [options]

Generates the package from both models in memory, compares their public TypeScript APIs and
lists the changes that break code written against the old package (removed operations, types,
members, errors, enum values or union variants; members that became required; changed types)
and those that are additive.

--from is a model file or folder (repeatable), or a git revision: the models at the same paths
in that revision (HEAD, main, v1.2.0, HEAD~1), or <rev>:<path> for one file as git show reads it.
Without --to, the new side is the packages of codegen.config.json / smithy-build.json, or every
model in models/.

Options:
  --from <path|rev>      the old model (required)
  --to <path>            the new model (repeatable: several files form one model)
  --config <file>        the configuration file
  --service <id>         the service, when the model has several
  --operation <name>     only this operation (repeatable)
  --target <side>        "client" or "server" (repeatable)
  --optionality <mode>   "client" or "authoritative"
  --markdown             print a Markdown changelog fragment (a changeset) instead of the list
  --changelog <file>     also write that fragment to a file
  --json                 print one JSON document
  --quiet                print only breaking changes
  -h, --help             show this help

Exit codes: 0 nothing breaks, 1 breaking changes, 2 bad input.`;

interface Compared {
  readonly plan: PackagePlan;
  readonly from: string;
  readonly to: string;
  readonly diff: ApiDiff;
}

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    from: { type: "string", multiple: true },
    to: { type: "string", multiple: true },
    config: { type: "string" },
    service: { type: "string" },
    operation: { type: "string", multiple: true },
    target: { type: "string", multiple: true },
    optionality: { type: "string" },
    markdown: { type: "boolean", default: false },
    changelog: { type: "string" },
    json: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; give models with --from and --to`);
  if (values.from === undefined) throw new UsageError("--from is required: the old model file, or a git revision");
  const { optionality, targets } = generationFlags(values);
  const flags: PackageConfig = { models: values.to, service: values.service, operations: values.operation, optionality, targets };
  const { plans } = await resolvePlans(flags, values.config);
  const from = values.from;
  const fromFiles = from.every((f) => existsSync(f));
  if (fromFiles && plans.length > 1) throw new UsageError(`--from names model files, but there are ${plans.length} packages to compare; give --to too, or a git revision`);
  if (!fromFiles && from.length > 1) throw new UsageError(`--from ${from.find((f) => !existsSync(f))}: no such model file (a git revision is given alone)`);

  const { generatePackages } = await import("../packages.js");
  const { compareApis } = await import("../api-diff/compare.js");
  const compared: Compared[] = [];
  for (const plan of plans) {
    const settings = { ...plan.settings, typecheck: false };
    const old = fromFiles ? { models: from, labels: new Map<string, string>(), dispose: async () => undefined } : await modelsAtRevision(from[0]!, plan.job.models);
    try {
      const [before] = await generatePackages([{ ...plan.job, models: old.models }], settings).catch((e: unknown) => {
        throw relabel(e, old.labels);
      });
      const [after] = await generatePackages([plan.job], settings);
      compared.push({ plan, from: from.join(", "), to: plan.job.models.join(", "), diff: await compareApis(before!.files, after!.files) });
    } finally {
      await old.dispose();
    }
  }

  const breaking = compared.some((c) => c.diff.breaking.length > 0);
  const exitCode = breaking ? 1 : 0;
  const fragment = changelogFragment(compared.map((c) => ({ packageName: packageNameOf(c.plan), diff: c.diff })));
  if (values.changelog !== undefined) await writeFile(values.changelog, fragment);
  const output = new Output({ json: values.json, quiet: values.quiet });
  output.document({
    command: "diff",
    ok: !breaking,
    exitCode,
    packages: compared.map((c) => ({
      name: c.plan.job.name, packageName: packageNameOf(c.plan), from: c.from, to: c.to,
      release: releaseType(c.diff), breaking: c.diff.breaking, additive: c.diff.additive,
    })),
  });
  if (values.markdown) {
    if (!values.json) process.stdout.write(fragment);
    return exitCode;
  }
  for (const c of compared) {
    const bad = c.diff.breaking.length > 0;
    output.line(`${c.plan.job.name}: ${bad ? output.paint("red", summaryLine(c.diff)) : summaryLine(c.diff)} (${c.from} → ${c.to})`, bad);
    const shown = values.quiet ? { breaking: c.diff.breaking, additive: [] } : c.diff;
    for (const line of changeLines(shown, (s, t) => output.paint(s === "breaking" ? "red" : "green", t))) output.line(line, true);
  }
  return exitCode;
}

const packageNameOf = (plan: PackagePlan) => plan.settings.packageName ?? plan.job.name;

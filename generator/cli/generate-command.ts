// `codegen generate`: model files → packages on disk.

import { join } from "node:path";
import { generatePackages, planPackages } from "../packages.js";
import { writePackage } from "../write/write.js";
import { parseCommandArgs, UsageError } from "./args.js";

export const GENERATE_HELP = `Usage: codegen generate [--model <file|folder>...] [--out <dir>] [options]

Generates a TypeScript package from a Smithy model (JSON AST).

Without --model, every model file in models/ is generated into generated/<model name>/.

Options:
  --model <path>         a model file or a folder of them (repeatable: several files form one model)
  --out <dir>            the package folder to write (default: generated/<model name>)
  --service <id>         the service to generate, when the model has several
  --operation <name>     only this operation and what it needs (repeatable)
  --package-name <name>  the npm package name (default: the model name)
  --package-version <v>  the npm package version (default: 0.1.0)
  --optionality <mode>   "client" (default; Smithy 2.0 client rules) or "authoritative" (@required is trusted)
  --check                write nothing; exit 1 and list the files that would change
  --no-typecheck         skip the in-memory type-check of the emitted code (faster)
  --quiet                print nothing on success
  -h, --help             show this help

Exit codes: 0 done, 1 --check found differences, 2 bad input (model, flags or files).`;

export async function generateCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    model: { type: "string", multiple: true },
    out: { type: "string" },
    service: { type: "string" },
    operation: { type: "string", multiple: true },
    "package-name": { type: "string" },
    "package-version": { type: "string" },
    optionality: { type: "string", default: "client" },
    check: { type: "boolean", default: false },
    "no-typecheck": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    log(GENERATE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; give model files with --model`);
  const optionality = values.optionality;
  if (optionality !== "client" && optionality !== "authoritative") {
    throw new UsageError(`--optionality must be "client" or "authoritative", not "${optionality}"`);
  }
  if (values.out !== undefined && values.model === undefined) {
    throw new UsageError("--out needs --model (without --model every model in models/ goes to generated/<name>)");
  }
  const jobs = await planPackages(values.model, values.out);
  if (jobs.length > 1 && values["package-name"] !== undefined) throw new UsageError("--package-name needs a single model");

  // Generate and check everything in memory first: one bad model means nothing is written.
  const results = await generatePackages(jobs, {
    service: values.service,
    operations: values.operation,
    optionality,
    packageName: values["package-name"],
    packageVersion: values["package-version"],
    typecheck: !values["no-typecheck"],
  });

  let differs = false;
  for (const { job, files } of results) {
    const result = await writePackage(job.out, files, values.check);
    const changes = [...result.written.map((p) => `${values.check ? "would write" : "wrote"} ${join(job.out, p)}`),
      ...result.removed.map((p) => `${values.check ? "would remove" : "removed"} ${join(job.out, p)}`)];
    if (changes.length > 0) differs = true;
    if (!values.quiet || values.check) for (const line of changes) log(line);
    if (!values.quiet && changes.length === 0) log(`${job.out}: up to date (${result.unchanged} files)`);
  }
  return values.check && differs ? 1 : 0;
}

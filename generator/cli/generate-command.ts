// `codegen generate`: model files → packages on disk, once or on every change (--watch).

import { join } from "node:path";
import type { PackageConfig } from "../config/config.js";
import { changeLines, summaryLine } from "../api-diff/report.js";
import { generationFlags, parseCommandArgs, UsageError } from "./args.js";
import { runGenerate, type RunRequest, type RunResult } from "./generate-run.js";
import { Output } from "./output.js";
import { watchAndGenerate } from "./watch.js";

export const GENERATE_HELP = `Usage: codegen generate [--model <file|folder>...] [--out <dir>] [options]

Generates a TypeScript package from a Smithy model (JSON AST).

Settings come from the flags, and from codegen.config.json (or a smithy-build.json with a
"typescript-codegen" plugin) in the current folder when there is one; flags override the file.
Without either, every model file in models/ is generated into generated/<model name>/.

Options:
  --config <file>        the configuration file (codegen.config.json or smithy-build.json)
  --model <path>         a model file or a folder of them (repeatable: several files form one model)
  --out <dir>            the package folder to write (default: generated/<model name>)
  --service <id>         the service to generate, when the model has several
  --operation <name>     only this operation and what it needs (repeatable)
  --package-name <name>  the npm package name (default: the model name)
  --package-version <v>  the npm package version (default: 0.1.0)
  --target <side>        "client" (default) or "server" (repeatable); server alone implies --optionality authoritative
  --optionality <mode>   "client" (default; Smithy 2.0 client rules) or "authoritative" (@required is trusted)
  --protocol <name>      the protocol of a service that declares several: rpcv2Cbor, awsJson1_1… or the
                         trait id (default: the first it declares of restJson1, awsJson1_0, awsJson1_1,
                         restXml, awsQuery, ec2Query, rpcv2Cbor)
  --populate-defaults    clients send the @default of every input member left unset (spec-strict; default: only what the caller set)
  --check                write nothing; exit 1 and list the files that would change
  --watch                regenerate whenever a model or the configuration changes (Ctrl-C stops)
  --force                regenerate even when the package is known to be up to date
  --no-typecheck         skip the type-check of the emitted code (faster)
  --no-api-report        do not compare the public API with the package being replaced
  --allow-unknown-traits a trait neither in the model nor known is a warning, not an error
  --json                 print one JSON document per run (newline-delimited with --watch)
  --quiet                print nothing on success
  -h, --help             show this help

A run whose inputs have not changed is answered from a stamp kept in the package's
node_modules/.cache/ and writes nothing. See docs/cli.md.

Exit codes: 0 done, 1 --check found differences, 2 bad input (model, flags, configuration or files).`;

export async function generateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    config: { type: "string" },
    model: { type: "string", multiple: true },
    out: { type: "string" },
    service: { type: "string" },
    operation: { type: "string", multiple: true },
    "package-name": { type: "string" },
    "package-version": { type: "string" },
    target: { type: "string", multiple: true },
    optionality: { type: "string" },
    "populate-defaults": { type: "boolean", default: false },
    protocol: { type: "string" },
    check: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    "no-typecheck": { type: "boolean", default: false },
    "no-api-report": { type: "boolean", default: false },
    "allow-unknown-traits": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  const output = new Output({ json: values.json, quiet: values.quiet });
  if (values.help) {
    process.stdout.write(`${GENERATE_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; give model files with --model`);
  const { optionality, targets } = generationFlags(values);
  if (values.watch && values.check) throw new UsageError("--watch and --check do not go together");
  const flags: PackageConfig = {
    models: values.model,
    out: values.out,
    service: values.service,
    operations: values.operation,
    packageName: values["package-name"],
    packageVersion: values["package-version"],
    optionality,
    targets,
    populateDefaults: values["populate-defaults"] ? true : undefined,
    protocol: values.protocol,
    typecheck: values["no-typecheck"] ? false : undefined,
    apiReport: values["no-api-report"] ? false : undefined,
    allowUnknownTraits: values["allow-unknown-traits"] ? true : undefined,
  };
  const request: RunRequest = { flags, config: values.config, check: values.check, force: values.force };
  if (values.watch) {
    return watchAndGenerate(request, output, {
      print: (result) => printRun(result, output, false),
      fail: (e) => output.failure(e, "generate", GENERATE_HELP),
    });
  }
  const result = await runGenerate(request, output);
  printRun(result, output, values.check);
  return values.check && result.differs ? 1 : 0;
}

function printRun(result: RunResult, output: Output, check: boolean): void {
  output.document({
    command: "generate",
    ok: !(check && result.differs),
    exitCode: check && result.differs ? 1 : 0,
    check,
    packages: result.outcomes.map((o) => ({
      name: o.name,
      out: o.out,
      upToDate: o.written.length + o.removed.length === 0,
      fromStamp: o.fromStamp,
      written: o.written,
      removed: o.removed,
      unchanged: o.unchanged,
      api: o.api === undefined ? null : { breaking: o.api.breaking, additive: o.api.additive },
    })),
  });
  for (const o of result.outcomes) {
    const lines = [
      ...o.written.map((p) => `${output.paint("green", check ? "would write" : "wrote")} ${join(o.out, p)}`),
      ...o.removed.map((p) => `${output.paint("red", check ? "would remove" : "removed")} ${join(o.out, p)}`),
    ];
    for (const line of lines) output.line(line, check);
    if (lines.length === 0) output.line(`${o.out}: up to date (${o.unchanged} files)`);
    if (o.api !== undefined && (o.api.breaking.length > 0 || o.api.additive.length > 0)) {
      const breaking = o.api.breaking.length > 0;
      output.line(`${o.out}: public API ${breaking ? output.paint("red", summaryLine(o.api)) : summaryLine(o.api)} since the previous version`, breaking);
      for (const line of changeLines(o.api, (s, t) => output.paint(s === "breaking" ? "red" : "green", t))) output.line(line, breaking);
    }
  }
}

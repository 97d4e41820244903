// Command-line parsing shared by the commands: node's parseArgs with errors turned into usage
// errors (exit code 2) that name the bad flag.

import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Optionality, Target } from "../emit/context.js";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The --optionality and --target flags that generate and diff share, checked. */
export function generationFlags(values: { optionality?: string | undefined; target?: string[] | undefined }): {
  optionality: Optionality | undefined;
  targets: Target[] | undefined;
} {
  const optionality = values.optionality;
  if (optionality !== undefined && optionality !== "client" && optionality !== "authoritative") {
    throw new UsageError(`--optionality must be "client" or "authoritative", not "${optionality}"`);
  }
  const targets = values.target?.map((t): Target => {
    if (t !== "client" && t !== "server") throw new UsageError(`--target must be "client" or "server", not "${t}"`);
    return t;
  });
  return { optionality, targets };
}

// Command-line parsing shared by the commands: node's parseArgs with errors turned into usage
// errors (exit code 2) that name the bad flag.

import { parseArgs, type ParseArgsConfig } from "node:util";

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

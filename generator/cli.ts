// The command-line entry: dispatches to a command and turns errors into exit codes
// (0 ok, 1 check failed, 2 bad input, 3 internal error).

import { CodegenError } from "./diagnostics.js";
import { UsageError } from "./cli/args.js";
import { generateCommand, GENERATE_HELP } from "./cli/generate-command.js";
import { astCommand } from "./cli/ast-command.js";

const HELP = `Usage: codegen <command> [options]

Commands:
  generate   generate TypeScript packages from Smithy models (see: codegen generate --help)
  ast        print a model (JSON AST or IDL) as Smithy JSON AST
  help       show this help

Run "codegen <command> --help" for the options of a command.`;

const COMMANDS: Record<string, (argv: string[], log: (line: string) => void) => Promise<number>> = {
  generate: generateCommand,
  ast: astCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    log(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    process.stderr.write(`codegen: unknown command "${command}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await run(rest, log);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`codegen ${command}: ${e.message}\n\n${command === "generate" ? GENERATE_HELP : HELP}\n`);
      return 2;
    }
    if (e instanceof CodegenError) {
      process.stderr.write(`${e.message}\n${e.diagnostics.length} problem${e.diagnostics.length === 1 ? "" : "s"}${command === "generate" ? "; nothing was written" : ""}.\n`);
      return 2;
    }
    process.stderr.write(`codegen: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return 3;
  }
}

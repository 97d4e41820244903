// The command-line entry: dispatches to a command and turns errors into exit codes
// (0 ok, 1 check or diff failed, 2 bad input, 3 internal error).

import { Output } from "./cli/output.js";

interface CommandModule {
  readonly help: string;
  readonly run: (argv: string[], log: (line: string) => void) => Promise<number>;
}

interface Command {
  /** One line for the top-level help. */
  readonly summary: string;
  /** Writes files: a failure says that nothing was written. */
  readonly writes: boolean;
  /** Only the command that runs is loaded, so an up-to-date `generate` stays fast. */
  readonly load: () => Promise<CommandModule>;
}

// A new command is one entry here and its module under cli/.
const COMMANDS: Record<string, Command> = {
  generate: {
    summary: "generate TypeScript packages from Smithy models",
    writes: true,
    load: async () => {
      const m = await import("./cli/generate-command.js");
      return { help: m.GENERATE_HELP, run: m.generateCommand };
    },
  },
  ast: {
    summary: "print a model (JSON AST or IDL) as Smithy JSON AST",
    writes: false,
    load: async () => {
      const m = await import("./cli/ast-command.js");
      return { help: m.AST_HELP, run: m.astCommand };
    },
  },
  diff: {
    summary: "compare the public API generated from two models; exit 1 on breaking changes",
    writes: false,
    load: async () => {
      const m = await import("./cli/diff-command.js");
      return { help: m.DIFF_HELP, run: m.diffCommand };
    },
  },
};

const HELP = `Usage: codegen <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join("\n")}
  help       show this help

Run "codegen <command> --help" for the options of a command.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`codegen: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  let help = HELP;
  try {
    const module = await command.load();
    help = module.help;
    return await module.run(rest, log);
  } catch (e) {
    // Flags are not parsed yet when parsing itself fails, so --json and --quiet are looked up raw.
    const output = new Output({ json: rest.includes("--json"), quiet: rest.includes("--quiet") });
    return output.failure(e, name, help, { writes: command.writes });
  }
}

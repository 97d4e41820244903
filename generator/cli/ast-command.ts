// `codegen ast <file|folder…>`: loads a model (JSON AST or IDL) and prints it as Smithy JSON
// AST, without the prelude. Syntax errors print `file:line:column: message` on stderr, exit 2;
// references are not checked, so one file of a larger model prints too.

import { loadModelFiles } from "../load/load.js";
import { modelToAst } from "../model/to-ast.js";
import { parseCommandArgs, UsageError } from "./args.js";

export const AST_HELP = `Usage: codegen ast <model file or folder>...

Loads the model (Smithy JSON AST .json or IDL .smithy files; a folder stands for every model
file under it) and prints it as Smithy JSON AST on stdout, without the prelude. References to
shapes the given files do not define (another file's, say) are printed as written: full
validation is the job of \`generate\`.

Options:
  -h, --help   show this help

Exit codes: 0 printed, 2 invalid model (errors as file:line:column: message on stderr).`;

export async function astCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: "boolean", short: "h", default: false } });
  if (values.help) {
    log(AST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("give at least one model file or folder");
  const model = await loadModelFiles(positionals, { validate: false });
  log(JSON.stringify(modelToAst(model), null, 2));
  return 0;
}

// Public entry of the Smithy IDL parser: one .smithy file in, its JSON AST out.

import { parseIdlText, type IdlParseOptions, type IdlParseResult } from "./parser.js";

export type * from "./ast.js";
export { IdlSyntaxError } from "./lexer.js";
export type { IdlParseOptions, IdlParseResult, SourceLocation } from "./parser.js";
export { PRELUDE_NAMES } from "./prelude-names.js";

/**
 * Parses one IDL file. Relative shape IDs resolve against the file's `use` statements, the
 * shapes it defines (or `options.knownShapes` in its namespace), the prelude, and finally its
 * own namespace.
 * @throws IdlSyntaxError for syntax errors and errors detectable within the file.
 */
export function parseIdl(text: string, file: string, options?: IdlParseOptions): IdlParseResult {
  return parseIdlText(text, file, options);
}

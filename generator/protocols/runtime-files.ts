// Runtime modules (runtime/**/*.ts, type-checked and unit-tested with the project) copied into a
// generated package under src/runtime/, where its modules import them: the package keeps zero
// runtime dependencies, and a bundler drops what an operation does not call.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmittedFile } from "../emit/context.js";
import { projectRoot } from "../project-root.js";

const copies = new Map<string, EmittedFile>();

/** The package file for `runtime/<module>` (e.g. "awsjson/errors.ts"), read once per run. */
export function runtimeFile(module: string): EmittedFile {
  let file = copies.get(module);
  if (file === undefined) {
    const text = readFileSync(join(projectRoot(), "runtime", module), "utf8");
    file = { path: `src/runtime/${module}`, content: `// Copied by smithy-ts-codegen from runtime/${module}. Do not edit.\n${text}` };
    copies.set(module, file);
  }
  return file;
}

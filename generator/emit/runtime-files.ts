// src/runtime/: a copy of each runtime module the package's code imports, closed over the
// modules' own imports, so the package has no runtime dependencies.

import { runtimeClosure, runtimeIndex } from "../codegen/runtime-modules.js";
import type { EmittedFile } from "./context.js";

export function runtimeFiles(imported: Iterable<string>): EmittedFile[] {
  const { modules } = runtimeIndex();
  return runtimeClosure(imported).map((path) => ({
    path: `src/runtime/${path}.ts`,
    content: `// A copy of smithy-ts-codegen's runtime/${path}.ts, written by the generator: do not edit.\n${modules.get(path)!.source}`,
  }));
}

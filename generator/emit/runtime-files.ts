// src/runtime/: a copy of each runtime module the package's code imports, closed over the
// modules' own imports, so the package carries its runtime; and the npm packages those copies
// import values from (the client's signer: @smithy/signature-v4), which become the package's
// dependencies at the version the generator itself depends on.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runtimeClosure, runtimeIndex, runtimePackages } from "../codegen/runtime-modules.js";
import { projectRoot } from "../project-root.js";
import type { EmittedFile } from "./context.js";

export function runtimeFiles(imported: Iterable<string>): EmittedFile[] {
  const { modules } = runtimeIndex();
  return runtimeClosure(imported).map((path) => ({
    path: `src/runtime/${path}.ts`,
    content: `// A copy of smithy-ts-codegen's runtime/${path}.ts, written by the generator: do not edit.\n${modules.get(path)!.source}`,
  }));
}

/** The dependencies of the runtime copied for `imported`: each package at the generator's own version. */
export function runtimeDependencies(imported: Iterable<string>): Record<string, string> {
  const packages = runtimePackages(runtimeClosure(imported));
  if (packages.length === 0) return {};
  const own = (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {};
  return Object.fromEntries(packages.map((name) => {
    const version = own[name];
    if (version === undefined) throw new Error(`internal: the runtime imports ${name}, which the generator's package.json does not list in dependencies`);
    return [name, version];
  }));
}

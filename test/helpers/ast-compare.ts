// Comparing Smithy JSON AST documents as the IDL conformance corpus implies.

import { readdirSync } from "node:fs";
import { join } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The expected files come from Smithy's semantic model, where some forms are equivalent: an
 * absent `shapes` map and empty one, empty member maps / lists and absent ones, and operation
 * input/output targeting `smithy.api#Unit` and no input/output. Canonicalize both sides.
 */
export function canonical(model: object): Json {
  const copy = JSON.parse(JSON.stringify(model)) as { [key: string]: Json };
  copy.shapes ??= {};
  for (const shape of Object.values(copy.shapes as Record<string, Record<string, Json>>)) {
    for (const [key, value] of Object.entries(shape)) {
      const empty = Array.isArray(value) ? value.length === 0 : typeof value === "object" && value !== null && Object.keys(value).length === 0;
      if (key !== "type" && empty) delete shape[key];
    }
    for (const io of ["input", "output"]) {
      if ((shape[io] as { target?: string } | undefined)?.target === "smithy.api#Unit") delete shape[io];
    }
  }
  return copy;
}


/** Every .smithy file under a folder, sorted. */
export function smithyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".smithy"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

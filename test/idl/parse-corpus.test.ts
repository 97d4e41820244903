// Every .smithy file of the trait definitions and the restJson1 protocol tests parses on its
// own (relative IDs defined in sibling files resolve to the file's namespace).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseIdl } from "../../generator/idl/index.js";

const SHARED = fileURLToPath(new URL("../../../shared/smithy", import.meta.url));
const DIRS = ["traits", "protocol-tests/restJson1"].map((d) => join(SHARED, d));
const HAVE_CORPUS = DIRS.every((d) => existsSync(d));

function smithyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".smithy"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

if (HAVE_CORPUS) {
  describe("IDL parse corpus", () => {
    for (const file of DIRS.flatMap(smithyFiles)) {
      const name = relative(SHARED, file);
      it(name, () => {
        const { ast, locations } = parseIdl(readFileSync(file, "utf8"), name);
        expect(Object.keys(ast.shapes).length).toBeGreaterThan(0);
        for (const id of Object.keys(ast.shapes)) expect(locations.has(id)).toBe(true);
      });
    }
  });
} else {
  describe.skip("IDL parse corpus: skipped, ../shared/smithy is not available", () => {
    it("needs the corpus", () => {});
  });
}

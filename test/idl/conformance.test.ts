// Smithy's IDL conformance corpus: every valid file parses to its expected JSON AST, every
// invalid file is rejected (at the reported line and column when the file states one).

import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IdlSyntaxError, parseIdl } from "../../generator/idl/index.js";
import { canonical, smithyFiles, type Json } from "../helpers/ast-compare.js";

const ROOT = fileURLToPath(new URL("../../../shared/smithy/idl-conformance", import.meta.url));
const HAVE_CORPUS = existsSync(ROOT);

/**
 * Invalid files (relative to invalid/) that only semantic model validation can reject, each
 * with the reason. Empty: every invalid file is rejected by the parser itself.
 */
export const NEEDS_MODEL_VALIDATION: ReadonlyArray<readonly [file: string, reason: string]> = [];


function expectedPosition(source: string): { line: number; column: number } | undefined {
  const match = /^\/\/.*Syntax error at line (\d+), column (\d+)/.exec(source);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Share of the words of the file's leading comment (the reference error message) that also
 * appear in our message: guards against rejecting a file for an unrelated reason.
 */
function messageOverlap(source: string, message: string): number {
  const expected = words((source.split("\n")[0] ?? "").replace(/\| Model$/, ""));
  const actual = new Set(words(message));
  return expected.filter((w) => actual.has(w)).length / expected.length;
}

describe.skipIf(!HAVE_CORPUS)("IDL conformance: valid files", () => {
  const dir = join(ROOT, "valid");
  for (const file of HAVE_CORPUS ? smithyFiles(dir) : []) {
    const name = relative(dir, file);
    it(name, () => {
      const { ast } = parseIdl(readFileSync(file, "utf8"), name);
      const expectedFile = file.replace(/\.smithy$/, ".json");
      // Files without an expected AST (e.g. `*.flattened.smithy`) must still parse.
      if (!existsSync(expectedFile)) return;
      const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as Record<string, Json>;
      expect(canonical(ast)).toEqual(canonical(expected));
    });
  }
});

describe.skipIf(!HAVE_CORPUS)("IDL conformance: invalid files", () => {
  const dir = join(ROOT, "invalid");
  for (const file of HAVE_CORPUS ? smithyFiles(dir) : []) {
    const name = relative(dir, file);
    const source = readFileSync(file, "utf8");
    const deferred = NEEDS_MODEL_VALIDATION.find(([f]) => f === name);
    if (deferred) {
      // Parsing may succeed or fail; a failure must still be a proper syntax error.
      it(`${name} (needs model validation: ${deferred[1]})`, () => {
        try {
          parseIdl(source, name);
        } catch (e) {
          expect(e).toBeInstanceOf(IdlSyntaxError);
        }
      });
      continue;
    }
    it(name, () => {
      let error: unknown;
      try {
        parseIdl(source, name);
      } catch (e) {
        error = e;
      }
      expect(error, "expected the file to be rejected").toBeInstanceOf(IdlSyntaxError);
      const position = expectedPosition(source);
      const { line, column, message } = error as IdlSyntaxError;
      if (position) expect({ line, column }).toEqual(position);
      else expect(messageOverlap(source, message), message).toBeGreaterThanOrEqual(0.75);
    });
  }
});

if (!HAVE_CORPUS) {
  describe.skip("IDL conformance: skipped, ../shared/smithy/idl-conformance is not available", () => {
    it("needs the corpus", () => {});
  });
}

// @pattern is an unanchored ECMAScript search. The generated validators run patterns on a
// linear-time engine of their own; here it must agree with the host's RegExp on random strings,
// for patterns covering the ECMAScript syntax and for every pattern of the shared AWS models.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson, SHARED_DIR } from "../helpers/codegen.js";
import { javaOnlySyntax } from "../../generator/emit/validators/java-regex.js";
import { validatorFiles, type Validate } from "./load.js";
import { runs } from "../helpers/property-runs.js";

const SYNTAX = [
  "^[a-m]+$", "\\w+", "^\\d{2,4}-\\d*$", "a|b|^c$", "^(ab|a)(c|bcd)$", "x{3}", "^.{0,3}$", ".", "^$", "\\bfoo\\b", "\\Bo\\B",
  "[^a-c\\s]", "[\\d-z]", "[\\w.-]+@[\\w.-]+", "^[^]$", "[]", "(?:ab)+?c", "(?<word>z+)y", "^\\p{L}+$", "\\P{Lu}", "^\\p{Script=Greek}",
  "😀{2}", "^[😀-😂]$", "\\u{1F600}", "\\x41\\u0042", "\\cJ", "^\\S+\\s?$", "[\\b]", "^a?b??c*d+?$", "((a|b)*c)+$", "^(a+)+$", "\\$\\^\\.\\*",
  "^[A-Za-z0-9_\\-\\ ]+$", "\\d\\D\\w\\W", "^\\t\\n\\r\\v\\f\\0", "[\\u0041-\\u005A]{2}", "a{2,}$", "^(?:x|)$", "]", "{", "a{,3}", "\\-", "(a)\\1",
];

function awsPatterns(): string[] {
  if (SHARED_DIR === undefined) return [];
  const dir = join(SHARED_DIR, "models", "aws");
  const found = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    JSON.parse(readFileSync(join(dir, file), "utf8"), (key, value: unknown) => {
      if (key === "smithy.api#pattern" && typeof value === "string") found.add(value);
      return value;
    });
  }
  // Patterns read in Java's dialect (DynamoDB's `\p{Print}`) are tested in java-patterns.test.ts.
  return [...found].filter((p) => compiles(p, "u") || javaOnlySyntax(p) === undefined).sort();
}

/** A service whose input has one member per pattern: p0, p1, … */
function patternModel(patterns: readonly string[]) {
  const shapes: Record<string, unknown> = {
    "t#S": { type: "service", version: "1", operations: [{ target: "t#Op" }] },
    "t#Op": { type: "operation", input: { target: "t#In" }, output: { target: "smithy.api#Unit" } },
    "t#In": {
      type: "structure",
      members: Object.fromEntries(patterns.map((p, i) => [`p${i}`, { target: "smithy.api#String", traits: { "smithy.api#pattern": p } }])),
    },
  };
  return modelFromJson({ "patterns.json": { smithy: "2.0", shapes } });
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

async function agreesWithRegExp(patterns: readonly string[]) {
  const { mod } = await loadGenerated(validatorFiles(await generate(patternModel(patterns))));
  const validate = mod.validateIn as Validate;
  const natives = patterns.map((p) => new RegExp(p, compiles(p, "u") ? "u" : ""));
  const alphabet = fc.constantFrom("a", "b", "c", "x", "y", "z", "A", "Z", "0", "1", "9", "_", "-", " ", ".", "@", "\n", "\t", "é", "Ω", "😀", "😂", "\ud800", "\u000b", "$", "^", "]", "{");
  fc.assert(
    fc.property(fc.string({ unit: alphabet, maxLength: 10 }), (s) => {
      const value = Object.fromEntries(patterns.map((_, i) => [`p${i}`, s]));
      const failing = new Set(validate(value).map((f) => Number(f.path.slice(2))));
      patterns.forEach((p, i) => {
        expect(failing.has(i), `pattern ${JSON.stringify(p)} on ${JSON.stringify(s)}`).toBe(!natives[i]!.test(s));
      });
    }),
    { numRuns: runs(3000) },
  );
}

describe("@pattern matching", () => {
  it(`agrees with RegExp on ${SYNTAX.length} patterns covering the syntax`, async () => {
    await agreesWithRegExp(SYNTAX);
  }, 60_000);

  it.skipIf(SHARED_DIR === undefined)("agrees with RegExp on every pattern of the shared AWS models", async () => {
    const patterns = awsPatterns();
    expect(patterns.length).toBeGreaterThan(40);
    await agreesWithRegExp(patterns);
  }, 60_000);

  it("matches strings drawn from the patterns themselves", async () => {
    const patterns = ["^[A-Z]{2}-\\d+$", "^arn:aws:[a-z0-9-]+:\\d{12}$", "^(\\w+\\.)*\\w+$", "^\\p{L}[\\p{L}\\d ]{0,5}$"];
    const { mod } = await loadGenerated(validatorFiles(await generate(patternModel(patterns))));
    const validate = mod.validateIn as Validate;
    patterns.forEach((p, i) => {
      fc.assert(fc.property(fc.stringMatching(new RegExp(p, "u")), (s) => {
        expect(validate({ [`p${i}`]: s })).toEqual([]);
      }), { numRuns: runs(300) });
    });
  });
});

// @patterns in Java's regex dialect (what Smithy's Java tooling accepts, so what real AWS models
// carry): each construct is compiled and run by the generated validators and compared with the
// meaning java.util.regex.Pattern gives it, on tiny hand-picked inputs. Constructs without a
// translation leave that one check out with a warning naming the file, shape and pattern.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import fc from "fast-check";
import { javaOnlySyntax, parseJavaPattern } from "../../generator/emit/validators/java-regex.js";
import { toEcmaSource } from "../../generator/emit/validators/regex-tree.js";
import { planPattern } from "../../generator/emit/validators/regex.js";
import { parseIdl } from "../../generator/idl/index.js";
import { generate, loadGenerated, modelFromJson, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { validatorFiles, type Validate } from "./load.js";

/** Pattern, strings Java's Matcher.find() accepts, strings it rejects. */
const CASES: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  // Whole-pattern flags.
  ["(?i)^[a-z]+$", ["abc", "ABC", "aBc"], ["ab1", ""]],
  ["(?i)^é$", ["é"], ["É"]], // Java's (?i) folds US-ASCII only...
  ["(?iu)^é$", ["é", "É"], ["e"]], // ...unless UNICODE_CASE is on too
  ["(?s)^a.b$", ["a\nb", "a\rb", "axb"], ["ab"]],
  ["(?i)^a.b$", ["axb", "AXB"], ["a\nb", "a\u0085b", "a\u2028b"]], // Java's `.` skips \u0085 as well
  // Scoped flags: a group, a flag in the middle (kept across later alternatives), a lookahead.
  ["^(?i:ab)c$", ["abc", "ABc"], ["ABC"]],
  ["^(?:a(?i)b|c)$", ["ab", "aB", "c", "C"], ["AB"]],
  ["^(?!(?i)aws:)[a-zA-Z:]+$", ["foo", "awsx"], ["aws:x", "AWS:x", "Aws:"]],
  ["^(?!(?i)a)b$", ["b"], ["B"]], // the flag ends with the lookahead's group
  ["^(?-i:a)(?i)b$", ["aB"], ["AB"]],
  // A quantified `$` (zero-width: repeated it still holds once; optional it always holds).
  ["^[a-z]*${2,64}", ["abc", ""], ["ab1"]],
  ["^a${0,3}b", ["ab"], ["a"]],
  // Java's `$`, `\Z`, `\z`, `\A`, `\G`.
  ["(?i)^a$", ["a", "a\n", "a\r\n", "a\r", "a\u2028"], ["a\n\n", "a\nb", "\na"]],
  ["\\Aab\\Z", ["ab", "ab\n"], ["xab", "ab\n\n"]],
  ["\\Aab\\z", ["ab"], ["ab\n"]],
  ["\\Ga", ["ab"], ["ba"]],
  // MULTILINE: `^`/`$` at every line's start and end; `\r\n` is one break; `^` never at the very end.
  ["(?m)^b", ["a\nb", "b", "a\r\nb", "a\rb", "a\u2028b"], ["ab"]],
  ["(?m)a$", ["a\nb", "a", "ba\r\n", "a\u0085"], ["ab"]],
  ["(?m)^$", ["a\n\nb", "\n"], ["", "a", "a\n"]],
  ["(?m)\\r^\\n", [], ["\r\n"]],
  ["(?m)\\r$\\n", [], ["\r\n"]],
  ["(?m)^a\\Z", ["a", "a\n", "b\na"], ["a\nb"]],
  // POSIX and Unicode properties, Java's ASCII `\s`, `\h`, `\v`.
  ["^\\p{Alnum}+$", ["abC1"], ["é", "a_", "p{Alnum}"]],
  ["^\\p{Print}+$", ["a b~", "p{Print}"], ["\t", "é", "a\u007f"]],
  ["^\\p{IsAlphabetic}+$", ["aé"], ["1"]],
  ["^\\p{IsLatin}\\p{IsGreek}$", ["aΩ"], ["Ωa"]],
  ["^\\pL\\PL$", ["a1"], ["ab"]],
  ["^[\\p{Digit}\\p{Lower}]+$", ["a1"], ["A"]],
  ["(?i)^\\s$", [" ", "\t", "\u000b"], ["\u00a0", "\u2028"]],
  ["^\\h\\v$", ["\u00a0\u2028", " \n"], ["\n "]],
  // Quoting, Java-only escapes.
  ["^\\Q.*[\\E$", [".*["], ["ab"]],
  ["^[\\Q-]\\E]+$", ["-]"], ["a"]],
  ["^\\e\\a\\x{1F600}\\0101$", ["\u001b\u0007😀A"], ["x"]],
  // Character class union and intersection.
  ["^[a-z&&[^e]]+$", ["abc"], ["e", "abe"]],
  ["^[a[0-9]]+$", ["a1"], ["b"]],
  ["^[a-z&&[def]&&[^d]]$", ["e", "f"], ["d", "a"]],
  ["(?i)^[^a]$", ["b"], ["a", "A"]],
  // Lookaround and backreferences run on the native RegExp, translated.
  ["(?s)^(a)\\1.$", ["aa\n"], ["ab\n"]],
  ["(?i)^(?<=^)x(?=y)", ["xy", "Xy"], ["xz"]],
  ["(?s)^(?<w>a)\\k<w>$", ["aa"], ["ab"]],
  // Atomic groups and possessive quantifiers never give back what they matched.
  ["^(?>a|ab)c", ["ac"], ["abc"]], // commits to `a`: never retries `ab`
  ["^a*+a", [], ["aaa", "a"]],
  ["^[a-z]++:", ["ab:"], ["ab", ":"]],
  ["^(x)(?>(y))\\2\\1$", ["xyyx"], ["xx", "xyx"]], // group numbers survive the emulation's extra group
  ["^a{1,2}+a$", ["aaa"], ["aa"]],
];

/** Patterns with no translation, and what the warning says. */
const UNTRANSLATABLE: ReadonlyArray<readonly [string, RegExp]> = [
  ["(?<=(?>a))b", /atomic group or possessive quantifier inside a lookbehind/],
  ["(?<=a*+)b", /atomic group or possessive quantifier inside a lookbehind/],
  ["(?s)^(x)(y)?\\2$", /may take no part in the match/],
  ["(?s)^(?:(x)|y)\\1$", /may take no part in the match/],
  ["(?s)^(a\\1)$", /inside its own group/],
  ["(?x)^a b$", /COMMENTS/],
  ["(?m)(?d)^a", /UNIX_LINES/],
  ["(?d)^a.$", /UNIX_LINES/],
  ["(?U)^\\w$", /UNICODE_CHARACTER_CLASS/],
  ["^\\p{InGreek}$", /property/],
  ["^\\p{javaLowerCase}$", /property/],
  ["^\\R$", /\\R/],
  ["(?i)(a)\\1", /backreference under \(\?i\)/],
  ["(?i)(?<n>a)\\k<n>", /backreference under \(\?i\)/],
];

/** A service whose input has one member per pattern: p0, p1, …, and a length-limited `other`. */
function patternModel(patterns: readonly string[]) {
  const shapes: Record<string, unknown> = {
    "t#S": { type: "service", version: "1", operations: [{ target: "t#Op" }] },
    "t#Op": { type: "operation", input: { target: "t#In" }, output: { target: "smithy.api#Unit" } },
    "t#In": {
      type: "structure",
      members: {
        ...Object.fromEntries(patterns.map((p, i) => [`p${i}`, { target: "smithy.api#String", traits: { "smithy.api#pattern": p, "smithy.api#length": { max: 5 } } }])),
        other: { target: "smithy.api#String", traits: { "smithy.api#length": { max: 1 } } },
      },
    },
  };
  return modelFromJson({ "java.json": { smithy: "2.0", shapes } });
}

async function validatorFor(patterns: readonly string[]) {
  const warnings: Diagnostic[] = [];
  const files = await generate(patternModel(patterns), { options: { warn: (d: Diagnostic) => warnings.push(d) } });
  const { mod } = await loadGenerated(validatorFiles(files));
  return { validate: mod.validateIn as Validate, warnings, files };
}

describe("Java-dialect @patterns", () => {
  it("are read as Java only where ECMAScript cannot read them, or would misread them", () => {
    expect(javaOnlySyntax("^\\p{Print}+$")).toBe("the escape \\p");
    expect(javaOnlySyntax("^[a[0-9]]$")).toBe("a nested character class");
    expect(javaOnlySyntax("^[a&&b]$")).toBe("a character class intersection");
    expect(javaOnlySyntax("^[A-Za-z0-9_\\-\\ ]+$")).toBeUndefined();
    expect(planPattern("^[a-z]+$")).toMatchObject({ kind: "vm", program: { unicode: true } });
    // Valid ECMAScript keeps ECMAScript's meaning (Smithy's spec): `\p{Alpha}` is Unicode's
    // Alphabetic property there (Java's is ASCII letters), `\s` takes in U+00A0.
    expect(javaOnlySyntax("^\\p{Alpha}$")).toBe("the escape \\p");
    expect(planPattern("^\\p{Alpha}$")).toMatchObject({ kind: "vm", program: { unicode: true } });
  });

  it("(?iu) folds every case mapping the engine knows (its table stops at U+20000: nothing above is cased)", () => {
    for (let cp = 0x20000; cp <= 0x10ffff; cp++) {
      const s = String.fromCodePoint(cp);
      if (s.toUpperCase() !== s || s.toLowerCase() !== s) throw new Error(`U+${cp.toString(16)} has a case mapping`);
    }
  });

  it("reject what neither dialect accepts, naming both readings", () => {
    expect(() => planPattern("(?i")).toThrow(/not a regular expression: as ECMAScript .*; as Java: /);
    expect(() => planPattern("(?i)a{2,1}")).toThrow(/as Java: counted repetition/);
    expect(() => planPattern("(?i)\\y")).toThrow(/as Java: unknown escape/);
  });

  it(`match as Java does, construct by construct (${CASES.length} patterns)`, async () => {
    const { validate, warnings } = await validatorFor(CASES.map(([p]) => p));
    expect(warnings).toEqual([]);
    CASES.forEach(([pattern, yes, no], i) => {
      const fails = (s: string) => validate({ [`p${i}`]: s }).some((f) => f.path === `/p${i}` && f.constraint === "pattern");
      for (const s of yes) expect(fails(s), `${JSON.stringify(pattern)} should accept ${JSON.stringify(s)}`).toBe(false);
      for (const s of no) expect(fails(s), `${JSON.stringify(pattern)} should reject ${JSON.stringify(s)}`).toBe(true);
    });
  }, 60_000);

  it("agree, on random strings, with the ECMAScript translation of the same reading (matcher vs RegExp)", async () => {
    const patterns = CASES.map(([p]) => p);
    const { validate } = await validatorFor(patterns);
    const natives = patterns.map((p) => new RegExp(toEcmaSource(parseJavaPattern(p)), "u"));
    // The hand-picked expectations hold for the translation too.
    CASES.forEach(([p, yes, no], i) => {
      for (const s of yes) expect(natives[i]!.test(s), `${p} on ${JSON.stringify(s)}`).toBe(true);
      for (const s of no) expect(natives[i]!.test(s), `${p} on ${JSON.stringify(s)}`).toBe(false);
    });
    // Pieces of the cases' own inputs, so that random strings reach their interesting corners.
    const piece = fc.constantFrom("a", "b", "e", "ab", "aws:", "A", "AWS:", "x", "y", "1", ":", " ", "\t", "\u000b", "\n", "\r", "\r\n", "\u0085", "\u2028", "é", "É", "Ω", "😀", ".*[", "-]", "\u001b");
    const input = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(input, (s) => {
        const value = Object.fromEntries(patterns.map((_, i) => [`p${i}`, s]));
        const failing = new Set(validate(value).filter((f) => f.constraint === "pattern").map((f) => Number(f.path.slice(2))));
        natives.forEach((re, i) => expect(failing.has(i), `${patterns[i]} on ${JSON.stringify(s)}`).toBe(!re.test(s)));
      }),
      { numRuns: Number(process.env["REGEX_PROPERTY_RUNS"] ?? 500), seed: 11 },
    );
  }, 60_000);

  it("leave out only the check they cannot translate, with a warning naming file, shape and pattern", async () => {
    const patterns = UNTRANSLATABLE.map(([p]) => p);
    const { validate, warnings, files } = await validatorFor(patterns);
    expect(warnings).toHaveLength(patterns.length);
    UNTRANSLATABLE.forEach(([pattern, reason], i) => {
      const w = warnings.find((d) => d.shape === `t#In$p${i}`);
      expect(w, pattern).toBeDefined();
      expect(w!.file).toBe("java.json");
      expect(w!.line).toBeGreaterThan(0);
      expect(w!.message).toContain(JSON.stringify(pattern));
      expect(w!.message).toMatch(reason);
      // The pattern is not checked; the member's @length still is.
      expect(validate({ [`p${i}`]: "zzz" })).toEqual([]);
      expect(validate({ [`p${i}`]: "zzzzzz" }).map((f) => f.constraint)).toEqual(["length"]);
    });
    expect(validate({ other: "ab" }).map((f) => f.path)).toEqual(["/other"]);
    const validators = files.find((f) => f.path === "src/validators.ts")!.content;
    for (const p of patterns) expect(validators).not.toContain(JSON.stringify(p).slice(1, -1));
  }, 60_000);
});

describe("the warning for an untranslatable @pattern", () => {
  it("goes to stderr as `warning: file:line:column: shape: …` when no handler is given", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await generate(patternModel(["^(?x)a"]));
    } finally {
      spy.mockRestore();
    }
    expect(written.join("")).toMatch(/^warning: java\.json:\d+:\d+: t#In\$p0: @pattern "\^\(\?x\)a" is not checked: Java's COMMENTS flag/m);
  });
});

/** Every @pattern of the shared AWS models and protocol-test models, with the file it is in. */
function sharedPatterns(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: unknown, file: string) => {
    JSON.stringify(value, (key, v: unknown) => {
      if (key === "smithy.api#pattern" && typeof v === "string" && !found.has(v)) found.set(v, file);
      return v;
    });
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) visit(JSON.parse(readFileSync(path, "utf8")), path);
      else if (name.endsWith(".smithy")) visit(parseIdl(readFileSync(path, "utf8"), path).ast, path);
    }
  };
  walk(join(SHARED_DIR!, "models", "aws"));
  walk(join(SHARED_DIR!, "smithy", "protocol-tests"));
  return found;
}

describe.skipIf(SHARED_DIR === undefined)(`@patterns of the shared models${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  it("all compile, or are left out with a warning; those in Java's dialect are the ones listed", async () => {
    const patterns = sharedPatterns();
    expect(patterns.size).toBeGreaterThan(80);
    const java: string[] = [];
    let skipped = 0;
    for (const [pattern, file] of patterns) {
      let plan;
      try {
        plan = planPattern(pattern);
      } catch (e) {
        throw new Error(`${file}: ${JSON.stringify(pattern)}: ${(e as Error).message}`);
      }
      if (plan.kind === "skip") skipped++;
      let ecma = true;
      try {
        new RegExp(pattern, "u");
      } catch {
        ecma = false;
      }
      if (!ecma && javaOnlySyntax(pattern) !== undefined) java.push(pattern);
    }
    // The constructs found: DynamoDB's `\p{Print}` (a POSIX class; Annex B would read `p{Print}`).
    expect(java).toEqual(["^\\p{Print}+$"]);
    // Generating validators for all of them fails on none and warns once per pattern left out.
    const { warnings } = await validatorFor([...patterns.keys()]);
    expect(warnings).toHaveLength(skipped);
  }, 60_000);
});

// Broken models (test/fixtures/bad/): each fails with a CodegenError that names the file, the
// shape id and what is wrong, and the CLI exits 2 and writes nothing. Bad JSON text is built
// here rather than kept as files, so no tool in the repository trips over it.

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { loadModel } from "../../generator/load/load.js";
import { generate } from "../helpers/codegen.js";

const root = join(import.meta.dirname, "..", "..");
const bad = (name: string) => `test/fixtures/bad/${name}`;

interface Case {
  readonly file: string;
  /** The shape or member id the message must name (undefined: the problem has none). */
  readonly shape: string | undefined;
  /** What the message must say. */
  readonly says: RegExp;
  /** Other ids the message must name (both sides of a conflict). */
  readonly alsoNames?: readonly string[];
}

const CASES: readonly Case[] = [
  { file: "dangling-target.json", shape: "example.bad#GetThingInput$Payload", says: /targets example\.bad#Missing, which is not defined/ },
  { file: "list-recursion.json", shape: "ex#Nested", says: /lists and maps form a cycle without a structure or union: ex#Nested -> ex#Nested/ },
  { file: "duplicate-member.json", shape: "example.bad#GetThingInput", says: /duplicate key "Name"/ },
  { file: "members-differ-in-case.json", shape: "example.bad#GetThingInput", says: /members "name" and "Name" differ only in case/ },
  { file: "unknown-shape-type.json", shape: "example.bad#Widget", says: /unknown shape type "struct"/ },
  { file: "unknown-property.json", shape: "example.bad#Widget", says: /unknown property "documentation" for a structure/ },
  { file: "length-on-boolean.json", shape: "example.bad#Flag", says: /smithy\.api#length cannot be applied to a boolean/ },
  { file: "httplabel-on-shape.json", shape: "example.bad#Label", says: /smithy\.api#httpLabel cannot be applied to a string/ },
  { file: "length-wrong-value.json", shape: "example.bad#Name", says: /smithy\.api#length has an invalid value: min: expected an integer, found "1"/ },
  { file: "timestamp-format-unknown.json", shape: "example.bad#When", says: /smithy\.api#timestampFormat has an invalid value: .*"iso-8601"/ },
  { file: "unknown-trait.json", shape: "example.bad#Name", says: /unknown trait smithy\.api#documentaton/ },
  { file: "input-not-structure.json", shape: "example.bad#GetThing", says: /input must reference a structure, but example\.bad#Name is a string/ },
  { file: "service-lists-structure.json", shape: "example.bad#Service", says: /operations must reference an operation, but example\.bad#GetThingInput is a structure/ },
  { file: "error-without-error-trait.json", shape: "example.bad#GetThing", says: /example\.bad#Oops is listed as an error but has no @error trait/ },
  { file: "intenum-without-values.json", shape: "example.bad#Level$HIGH", says: /intEnum member HIGH must have an integer @enumValue/ },
  { file: "intenum-non-integer.json", shape: "example.bad#Level$HALF", says: /intEnum member HALF must have an integer @enumValue/ },
  { file: "enum-empty-value.json", shape: "example.bad#Color$NONE", says: /enum member NONE must have a non-empty string @enumValue/ },
  { file: "enum-without-members.json", shape: "example.bad#Color", says: /an enum must have members/ },
  { file: "duplicate-enum-values.json", shape: "example.bad#Color$CRIMSON", says: /enum members RED and CRIMSON have the same value "red"/ },
  { file: "duplicate-enum-trait-values.json", shape: "example.bad#Shade", says: /@enum lists the value "light" twice/ },
  { file: "conflicting-definitions", shape: "example.bad#Widget", says: /defined twice with different definitions \(also at .*conflicting-definitions\/a\.json:\d+\)/ },
  { file: "redefines-prelude.json", shape: "smithy.api#String", says: /is a string in the Smithy prelude, not an? integer/ },
  { file: "apply-missing-shape.json", shape: "example.bad#Ghost", says: /apply targets a shape that does not exist/ },
  { file: "apply-missing-member.json", shape: "example.bad#GetThingInput$Ghost", says: /apply targets a member that does not exist/ },
  { file: "mixin-cycle.json", shape: "example.bad#CycleA", says: /mixins form a cycle/ },
  { file: "mixin-without-mixin-trait.json", shape: "example.bad#Widget", says: /example\.bad#Common is used as a mixin but has no @mixin trait/ },
  {
    file: "mixin-member-conflict.json", shape: "example.bad#Widget", says: /both define member Size, with different targets/,
    alsoNames: ["example.bad#A1", "example.bad#A2"],
  },
  { file: "member-targets-mixin.json", shape: "example.bad#GetThingInput$Common", says: /targets the mixin example\.bad#Common/ },
  { file: "member-targets-unit.json", shape: "example.bad#GetThingInput$Nothing", says: /targets smithy\.api#Unit, which only union members/ },
  { file: "member-targets-operation.json", shape: "example.bad#GetThingInput$Call", says: /targets an operation example\.bad#GetThing; members must target data shapes/ },
  { file: "relative-target.json", shape: "example.bad#GetThingInput", says: /member "Id" must target an absolute shape id, found "String"/ },
  { file: "list-without-member.json", shape: "example.bad#Names", says: /a list must define "member"/ },
  {
    file: "case-insensitive-ids.json", shape: "example.bad#WIDGET", says: /differ only in case/,
    alsoNames: ["example.bad#Widget"],
  },
  {
    file: "closure-case-clash.json", shape: "example.bad.legacy#item", says: /conflicts with example\.bad#Item in the closure of example\.bad#Service; give one of them a service "rename"/,
  },
  { file: "rename-invalid-identifier.json", shape: "example.bad#Service", says: /rename of example\.bad#Widget to "Not-Valid" is not a valid identifier/ },
  { file: "rename-operation.json", shape: "example.bad#Service", says: /rename of example\.bad#GetThing: an operation cannot be renamed/ },
  { file: "error-member-builtin.json", shape: "example.bad#Failure$stack", says: /error member stack collides with the stack property every error instance has/ },
  { file: "no-service.json", shape: undefined, says: /the model has no service shape/ },
  { file: "unsupported-version.json", shape: undefined, says: /"smithy" must give the IDL version "1\.0" or "2\.0", found "3\.0"/ },
];

async function failure(run: () => Promise<unknown>): Promise<CodegenError> {
  const result = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(result instanceof CodegenError)) throw new Error(`expected a CodegenError, got ${result === undefined ? "success" : String(result)}`);
  return result;
}

describe("bad models", () => {
  it("has at least 15 of them", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)("$file: a clear error naming the file and the shape", async ({ file, shape, says, alsoNames }) => {
    const error = await failure(() => generate([bad(file)]));
    const message = error.message;
    expect(message).toMatch(says);
    // The file: the path as given for load errors, or the model file name for generation errors.
    const fileName = file.endsWith(".json") ? file : `${file}/b.json`;
    expect(message).toContain(fileName);
    if (shape !== undefined) expect(message).toContain(shape);
    for (const id of alsoNames ?? []) expect(message).toContain(id);
    // Every diagnostic points into a model file (not at the generator's own code).
    for (const d of error.diagnostics) expect(d.file, d.message).toMatch(/\.json/);
  });

  it("reports every problem of a model at once, each with its line", async () => {
    const text = JSON.stringify({
      smithy: "2.0",
      shapes: {
        "ex#A": { type: "structure", members: { x: { target: "ex#Missing" } } },
        "ex#B": { type: "boolean", traits: { "smithy.api#length": { min: 1 } } },
        "ex#C": { type: "structure", members: {}, traits: { "ex#unknown": {} } },
      },
    }, null, 2);
    const error = await failure(async () => loadModel([{ file: "many.json", text }]));
    expect(error.diagnostics.map((d) => d.shape).sort()).toEqual(["ex#A$x", "ex#B", "ex#C"]);
    for (const d of error.diagnostics) expect(d.line).toBeGreaterThan(1);
  });
});

describe("bad JSON", () => {
  const valid = JSON.stringify({ smithy: "2.0", shapes: { "ex#A": { type: "structure", members: {} } } }, null, 2);

  /** Line and column (1-based) of the first occurrence of `needle` in `text`. */
  const position = (text: string, needle: string, from = 0) => {
    const offset = text.indexOf(needle, from);
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  it("a syntax error gives the line and column of the bad character", async () => {
    // Drop the comma after "type": "structure".
    const text = valid.replace('"structure",', '"structure"');
    const error = await failure(async () => loadModel([{ file: "broken.json", text }]));
    const at = position(text, '"members"');
    expect(error.diagnostics[0]).toMatchObject({ file: "broken.json", ...at });
    expect(error.message).toContain(`broken.json:${at.line}:${at.column}: `);
    expect(error.message).toMatch(/invalid JSON: expected ',' or '}', found '"'/);
    // The source line and a caret under the column, as compilers show them.
    expect(error.message).toContain(`\n  ${text.split("\n")[at.line - 1]}\n  ${" ".repeat(at.column - 1)}^`);
  });

  it.each([
    ["an empty file", "", /invalid JSON: unexpected end of input/],
    ["an unterminated string", '{ "smithy": "2.0', /invalid JSON: unterminated string/],
    ["a trailing comma", '{ "smithy": "2.0", }', /invalid JSON: expected a key in quotes, found '}'/],
    ["text after the value", '{ "smithy": "2.0" } x', /invalid JSON: unexpected 'x' after the JSON value/],
    ["a comment", '{ // no comments in JSON\n "smithy": "2.0" }', /invalid JSON: expected a key in quotes, found '\/'/],
    ["not an object", '["smithy"]', /a Smithy JSON AST model must be a JSON object/],
  ])("%s", async (_name, text, says) => {
    const error = await failure(async () => loadModel([{ file: "broken.json", text }]));
    expect(error.message).toMatch(says);
    expect(error.message).toMatch(/^broken\.json(:\d+:\d+)?: /);
  });

  it("a duplicate key names the shape, the place and the key", async () => {
    const text = valid.replace('"members": {}', '"members": {},\n      "type": "union"');
    const error = await failure(async () => loadModel([{ file: "dup.json", text }]));
    const at = position(text, '"type"', text.indexOf('"members"'));
    expect(error.diagnostics[0]).toMatchObject({ file: "dup.json", shape: "ex#A", ...at });
    expect(error.message).toMatch(/duplicate key "type" \(at \/shapes\/ex#A\)/);
  });
});

describe("the CLI with a bad model", () => {
  const exec = promisify(execFile);
  const codegen = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [join(root, "bin", "codegen.js"), ...args], { cwd: root });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  };

  const dir = mkdtempSync(join(tmpdir(), "codegen-bad-"));
  mkdirSync(join(dir, "models"));
  const syntaxError = join(dir, "models", "syntax-error.json");
  writeFileSync(syntaxError, '{\n  "smithy": "2.0"\n  "shapes": {}\n}\n');

  it.each([
    [bad("dangling-target.json"), /dangling-target\.json:\d+:\d+: example\.bad#GetThingInput\$Payload: .*not defined/],
    [bad("duplicate-member.json"), /duplicate-member\.json:18:9: .*duplicate key "Name"/],
    [bad("conflicting-definitions"), /example\.bad#Widget: shape is defined twice/],
    [bad("error-member-builtin.json"), /example\.bad#Failure\$stack: error member stack collides/],
    [bad("no-service.json"), /no-service\.json: the model has no service shape/],
    [syntaxError, /syntax-error\.json:3:3: invalid JSON: expected ',' or '}', found '"'/],
  ])("%s: exit code 2, the problem on stderr, no output folder", async (model, says) => {
    const out = join(mkdtempSync(join(dir, "out-")), "pkg");
    const r = await codegen(["generate", "--model", model, "--out", out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

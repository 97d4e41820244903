// An unknown trait (neither in the model nor a trait of the Smithy distribution) stops
// `generate` by default; --allow-unknown-traits, or allowUnknownTraits in codegen.config.json,
// makes it a warning on stderr naming file, line, shape and trait, and the package is written.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codegen, tmp, writeJson } from "./helpers.js";

function project(): { dir: string } {
  const dir = tmp();
  writeJson(join(dir, "svc.json"), {
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }] },
      "ex#Get": { type: "operation", input: { target: "ex#GetInput" }, output: { target: "smithy.api#Unit" }, traits: { "acme.custom#audited": {} } },
      "ex#GetInput": { type: "structure", members: { Name: { target: "smithy.api#String" } } },
    },
  });
  return { dir };
}

const WARNING = /^svc\.json:\d+:\d+: ex#Get: warning: unknown trait acme\.custom#audited is ignored/m;

describe("generate with an unknown trait", () => {
  it("fails by default naming file, line, shape and trait, and writes nothing", () => {
    const { dir } = project();
    const r = codegen(["generate", "--model", "svc.json", "--out", "pkg", "--no-typecheck"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svc\.json:\d+:\d+: ex#Get: unknown trait acme\.custom#audited: it is not defined in the model nor known to the generator/m);
    expect(existsSync(join(dir, "pkg"))).toBe(false);
  });

  it("--allow-unknown-traits: a warning on stderr, and the package is written", () => {
    const { dir } = project();
    const r = codegen(["generate", "--model", "svc.json", "--out", "pkg", "--no-typecheck", "--allow-unknown-traits", "--quiet"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(WARNING);
    expect(existsSync(join(dir, "pkg", "src", "models.ts"))).toBe(true);
  });

  it("allowUnknownTraits in codegen.config.json does the same", () => {
    const { dir } = project();
    writeJson(join(dir, "codegen.config.json"), { models: ["svc.json"], out: "pkg", typecheck: false, allowUnknownTraits: true });
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(WARNING);
    expect(existsSync(join(dir, "pkg", "src", "models.ts"))).toBe(true);
  });
});

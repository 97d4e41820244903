// The CLI as users run it: the built bin/codegen.js in a subprocess.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const MODEL = join(root, "models", "apigatewayv2-create-route.json");

function codegen(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, "bin", "codegen.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "codegen-cli-"));

describe("codegen CLI", () => {
  it("prints help for the tool and for generate", () => {
    const top = codegen(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*generate/);
    const gen = codegen(["generate", "--help"]);
    expect(gen.code).toBe(0);
    for (const flag of ["--model", "--out", "--check", "--no-typecheck", "--optionality"]) expect(gen.stdout).toContain(flag);
  });

  it("rejects an unknown command or flag with exit code 2 and the usage", () => {
    expect(codegen(["frobnicate"]).code).toBe(2);
    const r = codegen(["generate", "--modle", MODEL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--modle/);
    expect(r.stderr).toMatch(/Usage: codegen generate/);
  });

  it("generates a package, then finds it up to date and rewrites nothing", () => {
    const out = join(tmp(), "pkg");
    const first = codegen(["generate", "--model", MODEL, "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("wrote");
    for (const f of ["package.json", "tsconfig.json", "src/index.ts", "src/models.ts", "src/errors.ts"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const before = statSync(join(out, "src", "models.ts")).mtimeMs;
    const second = codegen(["generate", "--model", MODEL, "--out", out, "--no-typecheck"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/up to date/);
    expect(statSync(join(out, "src", "models.ts")).mtimeMs).toBe(before);
  });

  it("--check lists the files that differ, exits 1 and writes nothing", () => {
    const out = join(tmp(), "pkg");
    expect(codegen(["generate", "--model", MODEL, "--out", out, "--no-typecheck"]).code).toBe(0);
    const models = join(out, "src", "models.ts");
    writeFileSync(models, "// edited by hand\n");
    writeFileSync(join(out, "src", "stale.ts"), "export {};\n");
    const check = codegen(["generate", "--model", MODEL, "--out", out, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`would write ${models}`);
    expect(check.stdout).toContain("would remove");
    expect(readFileSync(models, "utf8")).toBe("// edited by hand\n");
    const fix = codegen(["generate", "--model", MODEL, "--out", out, "--no-typecheck"]);
    expect(fix.code).toBe(0);
    expect(existsSync(join(out, "src", "stale.ts"))).toBe(false);
    expect(codegen(["generate", "--model", MODEL, "--out", out, "--check"]).code).toBe(0);
  });

  it("without --model regenerates every model in models/ into generated/", () => {
    const project = tmp();
    cpSync(join(root, "models"), join(project, "models"), { recursive: true });
    const r = codegen(["generate", "--no-typecheck"], project);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(project, "generated", "apigatewayv2-create-route", "src", "models.ts"), "utf8")).toBe(
      readFileSync(join(root, "generated", "apigatewayv2-create-route", "src", "models.ts"), "utf8"),
    );
  });

  it("refuses to write into a folder it did not generate", () => {
    const out = tmp();
    writeFileSync(join(out, "notes.txt"), "mine");
    const r = codegen(["generate", "--model", MODEL, "--out", out, "--no-typecheck"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write/);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
  });

  it("a broken model exits 2, names the problem and writes nothing", () => {
    const dir = tmp();
    const model = join(dir, "broken.json");
    writeFileSync(model, JSON.stringify({ smithy: "2.0", shapes: { "a.b#S": { type: "service", operations: [{ target: "a.b#Missing" }] } } }));
    const out = join(dir, "out");
    const r = codegen(["generate", "--model", model, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:1:\d+: a\.b#S: operations references a\.b#Missing, which is not defined/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);
  });
});

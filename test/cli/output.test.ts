// Exit codes and output of the built CLI: 0 ok, 1 check failed, 2 bad input; --json documents
// for machines; --quiet; colour only on a terminal (or when forced); a progress line only for
// runs longer than a second.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { codegen, CREATE_ROUTE, tmp } from "./helpers.js";

const ESC = /\x1b\[/;

describe("exit codes", () => {
  it("0 when done, 1 when --check finds differences, 2 for bad flags, models and commands", () => {
    const out = join(tmp(), "pkg");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck"]).code).toBe(0);
    writeFileSync(join(out, "src", "models.ts"), "// stale\n");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--check", "--no-typecheck"]).code).toBe(1);
    expect(codegen(["generate", "--optionality", "sometimes"]).code).toBe(2);
    expect(codegen(["generate", "--target", "browser"]).code).toBe(2);
    expect(codegen(["generate", "--watch", "--check"]).code).toBe(2);
    expect(codegen(["generate", "--model", join(tmp(), "missing.json"), "--out", out]).code).toBe(2);
    expect(codegen(["frobnicate"]).code).toBe(2);
    expect(codegen([]).code).toBe(2);
    expect(codegen(["diff", "--help"]).code).toBe(0);
  });
});

describe("--json", () => {
  it("prints exactly one JSON document describing the run", () => {
    const out = join(tmp(), "pkg");
    const r = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(doc).toMatchObject({ command: "generate", ok: true, exitCode: 0, check: false });
    expect(doc.packages).toHaveLength(1);
    expect(doc.packages[0]).toMatchObject({ name: "apigatewayv2-create-route", out, upToDate: false, fromStamp: false, removed: [], unchanged: 0, api: null });
    expect(doc.packages[0].written).toEqual(expect.arrayContaining(["package.json", "src/index.ts", "src/models.ts", "src/errors.ts"]));
    expect(r.stderr).toBe("");
  });

  it("reports bad input as a document with the diagnostics and exit code 2", () => {
    const dir = tmp();
    const model = join(dir, "broken.json");
    writeFileSync(model, '{ "smithy": "2.0", "shapes": { "a.b#S": { "type": "service", "operations": [{ "target": "a.b#Nope" }] } } }');
    const r = codegen(["generate", "--model", model, "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: "generate", ok: false, exitCode: 2, error: { kind: "input" } });
    expect(doc.error.diagnostics[0]).toMatchObject({ file: model, line: 1, shape: "a.b#S" });
    expect(doc.error.diagnostics[0].message).toMatch(/a\.b#Nope/);
    expect(r.stderr).toBe("");

    const usage = codegen(["generate", "--json", "--modle", "x"]);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ ok: false, exitCode: 2, error: { kind: "usage" } });
    expect(JSON.parse(usage.stdout).error.message).toMatch(/--modle/);
  });

  it("--check --json marks the document failed and lists what would change", () => {
    const out = join(tmp(), "pkg");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck"]).code).toBe(0);
    writeFileSync(join(out, "src", "errors.ts"), "// stale\n");
    const r = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--check", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 1, check: true, packages: [{ written: ["src/errors.ts"], removed: [] }] });
  });
});

describe("--quiet", () => {
  it("prints nothing on success, but still lists what --check finds", () => {
    const out = join(tmp(), "pkg");
    const r = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
    writeFileSync(join(out, "src", "models.ts"), "// stale\n");
    const check = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--quiet", "--check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`would write ${join(out, "src", "models.ts")}\n`);
  });
});

describe("colour", () => {
  it("none when the output is not a terminal, none with NO_COLOR, some with FORCE_COLOR", () => {
    const run = (env: Record<string, string>) => codegen(["generate", "--model", CREATE_ROUTE, "--out", join(tmp(), "pkg"), "--no-typecheck"], { env });
    const piped = run({});
    expect(piped.stdout).toMatch(/^wrote /m);
    expect(piped.stdout).not.toMatch(ESC);
    expect(run({ NO_COLOR: "1" }).stdout).not.toMatch(ESC);
    const forced = run({ FORCE_COLOR: "1" });
    expect(forced.stdout).toMatch(/\x1b\[32mwrote\x1b\[39m /);
  });
});

describe.skipIf(!SHARED_DIR)("progress line", () => {
  const model = join(SHARED_DIR ?? "", "models", "aws", "apigatewayv2-2018-11-29.json");

  it("appears on stderr when a run takes more than a second, and not when the run is quick", () => {
    // Four of the largest shared models, each generated and type-checked in one run (the models/
    // folder of a project): well over a second.
    const dir = tmp();
    const models = ["api-gateway-2015-07-09", "apigatewayv2-2018-11-29", "app-mesh-2019-01-25", "appsync-2017-07-25"];
    mkdirSync(join(dir, "models"));
    for (const m of models) copyFileSync(join(SHARED_DIR ?? "", "models", "aws", `${m}.json`), join(dir, "models", `${m}.json`));
    const started = performance.now();
    const slow = codegen(["generate"], { cwd: dir });
    const seconds = (performance.now() - started) / 1000;
    expect(slow.code, slow.stderr).toBe(0);
    expect(seconds).toBeGreaterThan(1.2);
    expect(slow.stderr).toBe(`generating ${models.join(", ")}…\n`);

    // The same run again is answered from the stamp. Timed from outside, a run under a second
    // (node's start included) must show no progress line; a busy machine gets a few tries.
    let quick: { stderr: string; seconds: number } | undefined;
    for (let attempt = 0; attempt < 5 && quick === undefined; attempt++) {
      const start = performance.now();
      const r = codegen(["generate"], { cwd: dir });
      expect(r.stdout).toMatch(/up to date/);
      const s = (performance.now() - start) / 1000;
      if (s < 1) quick = { stderr: r.stderr, seconds: s };
    }
    expect(quick, "no run under a second: the machine is too busy to tell").toBeDefined();
    expect(quick!.stderr).toBe("");
  });

  it("is never printed with --json or --quiet", () => {
    const dir = tmp();
    const json = codegen(["generate", "--model", model, "--out", join(dir, "a"), "--json"]);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe("");
    const quiet = codegen(["generate", "--model", model, "--out", join(dir, "b"), "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(readFileSync(join(dir, "b", "package.json"), "utf8")).toMatch(/"name": "apigatewayv2-2018-11-29"/);
  });
});

if (!SHARED_DIR) console.log(SHARED_MISSING);

describe("--help", () => {
  it("names the default protocol order the generator applies, every protocol it supports", async () => {
    const { PROTOCOLS } = await import("../../generator/protocols/index.js");
    const order = [...PROTOCOLS.keys()].map((id) => id.slice(id.indexOf("#") + 1)).join(", ");
    const help = codegen(["generate", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain(`the first it declares of ${order})`);
    const docs = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
    expect(docs).toContain(`the first the service declares of ${order} `);
  });
});

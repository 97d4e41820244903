// The generator as a build step: a run with nothing to do writes nothing and loads nothing
// heavy; a change rewrites only files whose bytes change; the stamp is never trusted blindly;
// an interrupted run leaves every file either old or new.

import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { codegen, CREATE_ROUTE, FORBID_PIPELINE, startCodegen, tmp } from "./helpers.js";

const STAMP = join("node_modules", ".cache", "smithy-ts-codegen", "stamp.json");

/** Every file under dir (relative), including the stamp. */
function snapshot(dir: string): Map<string, { bytes: string; mtime: number }> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => {
    const path = join(e.parentPath, e.name);
    return [relative(dir, path).split(sep).join("/"), { bytes: readFileSync(path, "utf8"), mtime: statSync(path).mtimeMs }];
  }));
}

/** A copy of the CreateRoute model whose documentation of ApiId says `doc`. */
function createRouteWithDoc(dir: string, doc: string, name = "apigatewayv2-create-route.json"): string {
  const text = readFileSync(CREATE_ROUTE, "utf8").replace("Identifier of the API in which the route is created.", doc);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const json = (stdout: string) => JSON.parse(stdout) as { packages: Array<{ fromStamp: boolean; upToDate: boolean; written: string[]; removed: string[] }> };

describe("incremental generation", () => {
  it("a no-change run is answered from the stamp: writes nothing and loads no part of the pipeline", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    const first = codegen(["generate", "--model", CREATE_ROUTE, "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(out, STAMP))).toBe(true);
    const before = snapshot(out);

    const again = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--json"], { node: FORBID_PIPELINE });
    expect(again.code, again.stderr).toBe(0);
    expect(json(again.stdout).packages[0]).toMatchObject({ fromStamp: true, upToDate: true, written: [], removed: [] });
    expect(snapshot(out)).toEqual(before);

    // The guard is real: a run that has to generate does load the pipeline and fails under it.
    const stale = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--package-version", "2.0.0"], { node: FORBID_PIPELINE });
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/the pipeline was loaded/);
  });

  it("--check on an up-to-date package is answered from the stamp too; without the stamp it compares and writes nothing", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out]).code).toBe(0);
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--check"], { node: FORBID_PIPELINE }).code).toBe(0);
    rmSync(join(out, "node_modules"), { recursive: true });
    const check = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--check", "--no-typecheck"]);
    expect(check.code, check.stdout).toBe(0);
    expect(existsSync(join(out, "node_modules"))).toBe(false);
  });

  it("a model edit rewrites exactly the files whose bytes change", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    const model = createRouteWithDoc(dir, "Identifier of the API in which the route is created.");
    expect(codegen(["generate", "--model", model, "--out", out, "--no-typecheck"]).code).toBe(0);
    const before = snapshot(out);

    createRouteWithDoc(dir, "The API that receives the new route.");
    const r = codegen(["generate", "--model", model, "--out", out, "--no-typecheck", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const after = snapshot(out);
    const changed = [...after.keys()].filter((p) => !p.startsWith("node_modules/") && after.get(p)!.bytes !== before.get(p)?.bytes);
    expect(changed).toContain("src/models.ts");
    expect(json(r.stdout).packages[0]!.written.sort()).toEqual(changed.sort());
    for (const [path, file] of after) {
      if (!changed.includes(path) && !path.startsWith("node_modules/")) expect(file.mtime, `${path} was rewritten`).toBe(before.get(path)!.mtime);
    }
  });

  it("the stamp is not trusted when a generated file was edited, removed or joined by another", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    const args = ["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--json"];
    expect(codegen(args).code).toBe(0);
    const errors = readFileSync(join(out, "src", "errors.ts"), "utf8");

    writeFileSync(join(out, "src", "errors.ts"), `${errors}// edited\n`);
    expect(json(codegen(args).stdout).packages[0]).toMatchObject({ fromStamp: false, written: ["src/errors.ts"], removed: [] });
    expect(readFileSync(join(out, "src", "errors.ts"), "utf8")).toBe(errors);

    rmSync(join(out, "src", "errors.ts"));
    expect(json(codegen(args).stdout).packages[0]).toMatchObject({ fromStamp: false, written: ["src/errors.ts"] });

    writeFileSync(join(out, "src", "extra.ts"), "export {};\n");
    expect(json(codegen(args).stdout).packages[0]).toMatchObject({ fromStamp: false, written: [], removed: ["src/extra.ts"] });
    expect(json(codegen(args).stdout).packages[0]).toMatchObject({ fromStamp: true });
  });

  it("a run that asks for the type-check does not trust a stamp written without it", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck"]).code).toBe(0);
    const checked = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--json"]);
    expect(json(checked.stdout).packages[0]).toMatchObject({ fromStamp: false, upToDate: true });
    expect(json(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--json"]).stdout).packages[0]).toMatchObject({ fromStamp: true });
  });

  it("--force regenerates despite the stamp, and still rewrites nothing that is unchanged", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck"]).code).toBe(0);
    const before = snapshot(out);
    const r = codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck", "--force", "--json"]);
    expect(json(r.stdout).packages[0]).toMatchObject({ fromStamp: false, upToDate: true, written: [], removed: [] });
    expect(snapshot(out)).toEqual(before);
  });

  it("temporary files left by an interrupted run are removed, never reported, never block the write", () => {
    const dir = tmp();
    const out = join(dir, "pkg");
    const model = createRouteWithDoc(dir, "First.");
    expect(codegen(["generate", "--model", model, "--out", out, "--no-typecheck"]).code).toBe(0);
    const leftover = join(out, "src", ".models.ts.99999.codegen-tmp");
    writeFileSync(leftover, "half a fi");
    createRouteWithDoc(dir, "Second.");
    const r = codegen(["generate", "--model", model, "--out", out, "--no-typecheck", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout).packages[0]!.removed).toEqual([]);
    expect(existsSync(leftover)).toBe(false);
  });
});

describe("interrupted runs", () => {
  it("a run killed at any moment leaves each file with its old or its new bytes; the next run completes it", async () => {
    const dir = tmp();
    // The two versions differ in their documentation, which reaches several files.
    const oldModel = createRouteWithDoc(dir, "Old documentation.", "old.json");
    const newModel = createRouteWithDoc(dir, "New documentation.", "new.json");
    const expected = (model: string) => {
      const ref = join(dir, `ref-${model.endsWith("old.json") ? "old" : "new"}`);
      expect(codegen(["generate", "--model", model, "--out", ref, "--no-typecheck", "--package-name", "pkg"]).code).toBe(0);
      return snapshot(ref);
    };
    const versions = [expected(oldModel), expected(newModel)];
    const out = join(dir, "pkg");
    const generate = (model: string) => ["generate", "--model", model, "--out", out, "--no-typecheck", "--package-name", "pkg", "--no-api-report"];
    expect(codegen(generate(oldModel)).code).toBe(0);

    // How long a run takes here, so the kills land across the whole run, writes included.
    const started = performance.now();
    expect(codegen(generate(newModel)).code).toBe(0);
    const duration = performance.now() - started;

    // Kills from early in generation to after a normal run's end: some runs are cut short, some
    // finish (so the package flips between versions), any may be cut while writing.
    const kills = 10;
    const seen = new Set<number>();
    for (let i = 0; i < kills; i++) {
      const child = startCodegen(generate(i % 2 === 0 ? oldModel : newModel));
      const closed = new Promise((resolve) => child.on("close", resolve));
      const delay = duration * (0.3 + 1.9 * (i / (kills - 1)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill(i % 3 === 2 ? "SIGINT" : "SIGKILL");
      await closed;
      for (const [path, file] of snapshot(out)) {
        if (path.startsWith("node_modules/") || path.endsWith(".codegen-tmp")) continue;
        const candidates = versions.map((v) => v.get(path)?.bytes);
        expect(candidates, `${path} after kill ${i} at ${Math.round(delay)} ms`).toContain(file.bytes);
        if (path === "src/models.ts") seen.add(candidates.indexOf(file.bytes));
      }
    }
    expect([...seen].sort(), "the kills never let a run finish: the test did not exercise writes").toEqual([0, 1]);
    expect(codegen(generate(newModel)).code).toBe(0);
    const final = snapshot(out);
    for (const [path, file] of versions[1]!) if (!path.startsWith("node_modules/")) expect(final.get(path)?.bytes, path).toBe(file.bytes);
    expect([...final.keys()].filter((p) => p.endsWith(".codegen-tmp"))).toEqual([]);
    expect(codegen([...generate(newModel), "--check"]).code).toBe(0);
  }, 300_000);
});

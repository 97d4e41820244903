// Every committed package is a good npm package: it builds with its own build script (tsc →
// JS + .d.ts) in an empty folder outside any project with only its declared dependencies, and
// publint and arethetypeswrong find nothing wrong. The packages are ESM-only, as the contract
// says, so attw runs with its esm-only profile (CommonJS consumers use import()).

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isolatedPackage, runScript } from "../helpers/isolated-package.js";

const root = join(import.meta.dirname, "..", "..");
const bin = (pkg: string, path: string) => join(root, "node_modules", pkg, path);
const packages = readdirSync(join(root, "generated"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

it("generated/ holds packages", () => {
  expect(packages).toContain("apigatewayv2-create-route");
});

describe.each(packages)("generated/%s as an npm package", (name) => {
  let dir = "";
  let build: ReturnType<typeof runScript>;

  beforeAll(() => {
    // A copy in an empty folder outside any project, only its declared dependencies installed.
    dir = isolatedPackage(join(root, "generated", name), name);
    build = runScript(dir, "build");
  }, 120_000);

  it("sits where no folder above it has node_modules (nothing found by accident)", () => {
    for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) expect(existsSync(join(d, "node_modules")), d).toBe(false);
  });

  it("builds JS and declarations with its own build script", () => {
    expect(build.stdout + build.stderr).toBe("");
    expect(build.status).toBe(0);
    const sources = readdirSync(join(dir, "src")).filter((f) => f.endsWith(".ts"));
    expect(sources).toContain("index.ts");
    for (const f of sources.flatMap((s) => [s.replace(/\.ts$/, ".js"), s.replace(/\.ts$/, ".d.ts")])) expect(existsSync(join(dir, "dist", f)), f).toBe(true);
  });

  it("passes publint", async () => {
    const { publint } = await import("publint");
    const { messages } = await publint({ pkgDir: dir, level: "suggestion", strict: true });
    expect(messages).toEqual([]);
  });

  it("passes arethetypeswrong (esm-only profile)", () => {
    // attw exits non-zero when the profile's resolutions have a problem.
    const run = spawnSync(process.execPath, [bin("@arethetypeswrong/cli", "dist/index.js"), "--pack", ".", "--profile", "esm-only", "--no-color"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/node16 \(from ESM\)\s*│\s*🟢 \(ESM\)/);
    expect(run.stdout).toMatch(/bundler\s*│\s*🟢/);
  }, 60_000);
});

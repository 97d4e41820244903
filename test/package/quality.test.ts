// The committed CreateRoute package is a good npm package: it builds with its own build script
// (tsc → JS + .d.ts), and publint and arethetypeswrong find nothing wrong. The package is
// ESM-only, as the contract says, so attw runs with its esm-only profile (CommonJS consumers
// use import()).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const bin = (pkg: string, path: string) => join(root, "node_modules", pkg, path);
let dir = "";

describe("generated/apigatewayv2-create-route as an npm package", () => {
  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), "pkg-quality-")), "pkg");
    cpSync(join(root, "generated", "apigatewayv2-create-route"), dir, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src.slice(root.length)),
    });
    // The build needs its dev dependencies; link the ones this project already has.
    mkdirSync(join(dir, "node_modules", "@smithy"), { recursive: true });
    symlinkSync(join(root, "node_modules", "@smithy", "types"), join(dir, "node_modules", "@smithy", "types"), "dir");
    symlinkSync(join(root, "node_modules", "typescript"), join(dir, "node_modules", "typescript"), "dir");
    execFileSync("npm", ["run", "-s", "build"], { cwd: dir, stdio: "pipe" });
  }, 120_000);

  it("builds JS and declarations with its own build script", () => {
    for (const f of ["index.js", "index.d.ts", "models.d.ts", "errors.js"]) expect(existsSync(join(dir, "dist", f)), f).toBe(true);
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

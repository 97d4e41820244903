// Commands are tree-shakable: an esbuild bundle of the whole apigatewayv2 package's client with
// one command holds that operation's serde only, each further command adds its own, and the
// aggregated class pulls every operation (as in SDK v3).

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/project-root.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

async function writeModel(): Promise<string> {
  const files = await clientPackage([join(SHARED_DIR!, "models", "aws", "apigatewayv2-2018-11-29.json")], { targets: ["client"] });
  const dir = mkdtempSync(join(tmpdir(), "client-shaking-"));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  symlinkSync(join(projectRoot(), "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function bundle(dir: string, names: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(", ")} } from "./src/client.ts";`, resolveDir: dir, loader: "ts" },
    bundle: true, minify: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(SHARED_DIR === undefined)(`apigatewayv2's client tree-shakes per command (${SHARED_DIR === undefined ? SHARED_MISSING : "72 operations"})`, () => {
  it("one command carries its own request path only; a second adds its own; the aggregated class has all", async () => {
    const dir = await writeModel();
    const one = await bundle(dir, ["ApiGatewayV2Client", "CreateRouteCommand"]);
    expect(one).toContain("/routes");
    expect(one).not.toContain("/domainnames");
    expect(one).not.toContain("/vpclinks");
    const two = await bundle(dir, ["ApiGatewayV2Client", "CreateRouteCommand", "GetVpcLinksCommand"]);
    expect(two).toContain("/vpclinks");
    expect(two).not.toContain("/domainnames");
    // A further JSON operation (GetVpcLinks: its request, its output and the VpcLink shape) adds
    // under 1 KB gzipped, the budget.
    expect(gzipSync(two).length - gzipSync(one).length).toBeLessThan(1_024);
    const all = await bundle(dir, ["ApiGatewayV2"]);
    expect(all).toContain("/domainnames");
    expect(all.length).toBeGreaterThan(one.length * 2);
  }, 120_000);
});

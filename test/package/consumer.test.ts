// A downstream package (test/consumer) installs the built CreateRoute package, type-checks
// against its public entry under strict NodeNext settings, and runs: a request, a validation
// failure, a 201 response and a 404 NotFoundException, as the model and restJson1 define them.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isolatedPackage, runScript } from "../helpers/isolated-package.js";

const root = join(import.meta.dirname, "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
let consumer = "";
let lines: Record<string, unknown>[] = [];

describe("a consumer of generated/apigatewayv2-create-route", () => {
  beforeAll(() => {
    // The package, built with its own build script and only its declared dependencies.
    const pkg = isolatedPackage(join(root, "generated", "apigatewayv2-create-route"), "apigatewayv2-create-route");
    const build = runScript(pkg, "build");
    if (build.status !== 0) throw new Error(`the package's build failed:\n${build.stdout}${build.stderr}`);
    // The consumer beside it, with its dev dependency @types/node linked and its file: dependency
    // installed as npm installs one: a link to the package folder.
    consumer = join(dirname(pkg), "consumer");
    cpSync(join(root, "test", "consumer"), consumer, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
    mkdirSync(join(consumer, "node_modules", "@types"), { recursive: true });
    symlinkSync(join(root, "node_modules", "@types", "node"), join(consumer, "node_modules", "@types", "node"), "dir");
    symlinkSync(pkg, join(consumer, "node_modules", "apigatewayv2-create-route"), "dir");
  }, 120_000);

  it("type-checks and compiles against the package's public entry", () => {
    const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: consumer, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);

  it("runs", () => {
    const out = execFileSync(process.execPath, ["dist/main.js"], { cwd: consumer, encoding: "utf8" });
    lines = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l["step"])).toEqual(["serialize", "validate", "created", "not-found"]);
  });

  it("serializes CreateRoute as POST /v2/apis/{ApiId}/routes with the JSON names of the model", () => {
    const step = lines.find((l) => l["step"] === "serialize")!;
    expect(step).toMatchObject({ method: "POST", hostname: "apigateway.us-east-1.amazonaws.com", path: "/v2/apis/a1b2c3/routes" });
    // ApiId is the URI label, so it is not in the body; the other members use their jsonName.
    expect(JSON.parse(step["body"] as string)).toEqual({ routeKey: "GET /pets", authorizationType: "NONE", apiKeyRequired: false });
  });

  it("validates: a complete request passes, one without the required RouteKey fails", () => {
    const step = lines.find((l) => l["step"] === "validate")!;
    expect(step["good"]).toEqual([]);
    expect(step["bad"]).toEqual([{ path: "/RouteKey", constraint: "required" }]);
  });

  it("reads a 201 response into the output and its metadata", () => {
    expect(lines.find((l) => l["step"] === "created")).toEqual({ step: "created", routeId: "r1", routeKey: "GET /pets", status: 201, requestId: "req-1" });
  });

  it("rejects a 404 NotFoundException, caught by class and by its guard", () => {
    expect(lines.find((l) => l["step"] === "not-found")).toEqual({
      step: "not-found",
      thrown: true,
      byClass: true,
      byGuard: true,
      resourceType: "Api",
      message: "Invalid API identifier specified",
    });
  });
});

// The server target as a package: which files each target set emits, that server.ts has no
// runtime dependency, that a server-only package (authoritative optionality) type-checks, and
// that its declarations emit and it serves from node:http in a consumer's TypeScript (with
// @types/node), the handler's context typed end to end.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EmittedFile, Target } from "../../generator/emit/context.js";
import { fileOf, generate, typecheck } from "../helpers/codegen.js";
import { installDeclaredDependencies } from "../helpers/isolated-package.js";

const root = join(import.meta.dirname, "..", "..");
const MODEL = join(root, "models", "apigatewayv2-create-route.json");
const tscBin = join(root, "node_modules", "typescript", "bin", "tsc");
const withTargets = (targets?: Target[], optionality: "client" | "authoritative" = "client") =>
  generate([MODEL], { options: targets === undefined ? { optionality } : { targets, optionality } });
const paths = (files: readonly EmittedFile[]) => files.map((f) => f.path).filter((p) => p.startsWith("src/"));

describe("targets", () => {
  it("client by default: no server.ts", async () => {
    expect(paths(await withTargets())).not.toContain("src/server.ts");
  });

  it("server alone: server.ts re-exported from index.ts, no client protocol.ts", async () => {
    const files = await withTargets(["server"]);
    expect(paths(files)).toContain("src/server.ts");
    expect(paths(files)).not.toContain("src/protocol.ts");
    expect(fileOf(files, "src/index.ts")).toContain('export * from "./server.js";');
  });

  it("both: protocol.ts and server.ts", async () => {
    const files = await withTargets(["client", "server"]);
    expect(paths(files)).toEqual(expect.arrayContaining(["src/protocol.ts", "src/server.ts"]));
  });

  it("`codegen generate --target server` writes the server package (type-checked, authoritative optionality)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "server-cli-")), "pkg");
    const run = spawnSync(process.execPath, [join(root, "bin", "codegen.js"), "generate", "--model", MODEL, "--out", out, "--target", "server", "--quiet", "--no-api-report"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, "src")).sort()).toEqual(["errors.ts", "index.ts", "models.ts", "runtime", "server.ts", "validators.ts"]);
    // Authoritative: a @required member of the input is no longer `| undefined`.
    expect(readFileSync(join(out, "src", "models.ts"), "utf8")).toMatch(/^\s*RouteKey: string;$/m);
  }, 60_000);
});

describe("server.ts", () => {
  it("imports nothing at run time but the package's own modules (@smithy/types only as types)", async () => {
    const server = fileOf(await withTargets(["server"]), "src/server.ts");
    const imports = [...server.matchAll(/^import (type )?\{[^}]*\} from "([^"]+)";/gm)].map((m) => [Boolean(m[1]), m[2]!] as const);
    expect(imports.length).toBeGreaterThan(0);
    for (const [typeOnly, from] of imports) expect(from.startsWith("./") || (typeOnly && from === "@smithy/types"), from).toBe(true);
    expect(server).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it("a server-only package with authoritative optionality type-checks", async () => {
    await typecheck(await withTargets(["server"], "authoritative"), "server-authoritative");
  }, 120_000);
});

describe("the package in a consumer's TypeScript", () => {
  it("emits declarations, and createServer(createNodeListener(handler)) type-checks with @types/node", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "server-pkg-")), "pkg");
    for (const f of await withTargets(["client", "server"])) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    // What the package declares (@smithy/types, @types/node, the client's @smithy/signature-v4…).
    installDeclaredDependencies(dir);
    writeFileSync(join(dir, "consumer.ts"), CONSUMER);
    // One program: the package's declarations are emitted (exported API naming no private type)
    // and the consumer is checked against them. That the package needs no Node types is checked
    // by every type-check of the emitted code (lib ES2022, no types).
    const tsc = spawnSync(process.execPath, [tscBin, "--declaration", "--emitDeclarationOnly", "--outDir", "types", "--strict", "--exactOptionalPropertyTypes",
      "--noUncheckedIndexedAccess", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", "consumer.ts"], { cwd: dir, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    expect(existsSync(join(dir, "types", "src", "server.d.ts"))).toBe(true);
  }, 120_000);
});

const CONSUMER = `
import { createServer } from "node:http";
import { createApiGatewayV2Handler, createNodeListener, NotFoundException, type CreateRouteInput } from "./src/index.js";

const handler = createApiGatewayV2Handler({
  CreateRoute: async (input: CreateRouteInput) => {
    if (input.ApiId === "gone") throw new NotFoundException({ $metadata: {}, message: "no such API" });
    return { RouteId: "r1", RouteKey: input.RouteKey };
  },
});
createServer(createNodeListener(handler)).close();
void handler({ method: "GET", protocol: "http:", hostname: "h", path: "/", headers: {} });

const withUser = createApiGatewayV2Handler<{ user: string }>({ CreateRoute: async (_input, context) => ({ RouteId: context.user }) });
createServer(createNodeListener(withUser, { context: (req) => ({ user: String(req.headers["x-user"]) }), maxBodyBytes: 4096 })).close();
// @ts-expect-error a handler that takes a context needs the listener to make one
createNodeListener(withUser);
// @ts-expect-error an operation must return its output type
createApiGatewayV2Handler({ CreateRoute: async () => ({ RouteId: 42 }) });
`;

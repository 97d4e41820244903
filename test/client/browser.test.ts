// The generated client in a real browser: the CreateRoute package's client, bundled by esbuild for
// the browser, runs in headless Chromium against the generated server on 127.0.0.1 (the same
// origin serves the page, so no CORS is involved). The server recomputes every signature, so a
// request the browser signed wrongly (WebCrypto hashing, fetch's headers) is refused. The page
// reports what it saw by POSTing it back. Needs Debian's `chromium` (.ci/run installs it); skipped
// with a message when it is missing.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyingSignatures } from "../runtime/client/sigv4-server.js";
import { close, createRouteImplementation, listen, type CreateRoutePackage } from "../server/create-route-package.js";
import { loadGenerated } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

const CHROMIUM = ["chromium", "chromium-browser", "google-chrome"].find((c) => spawnSync(c, ["--version"]).status === 0);
if (CHROMIUM === undefined) console.warn("test/client/browser.test.ts skipped: no chromium on PATH (Debian: apt-get install chromium)");

/** The page's program: the package's client used as a browser user would, results POSTed back. */
const PAGE_PROGRAM = `
import { ApiGatewayV2, ApiGatewayV2Client, CreateRouteCommand, TooManyRequestsException } from "./src/index.ts";
const report = (result) => fetch("/__result", { method: "POST", body: JSON.stringify(result) });
const credentials = { accessKeyId: "AKIDBROWSER", secretAccessKey: "browser-secret" };
(async () => {
  const client = new ApiGatewayV2Client({ region: "eu-west-1", endpoint: location.origin, credentials, maxAttempts: 1 });
  const output = await client.send(new CreateRouteCommand({ ApiId: "b1", RouteKey: "GET /pets" }));
  const caught = await new ApiGatewayV2({ region: "eu-west-1", endpoint: location.origin, credentials, maxAttempts: 1 })
    .createRoute({ ApiId: "busy", RouteKey: "$default" }).catch((e) => e);
  const aborter = new AbortController();
  aborter.abort();
  const aborted = await client.send(new CreateRouteCommand({ ApiId: "b2", RouteKey: "$default" }), { abortSignal: aborter.signal }).catch((e) => e);
  await report({
    userAgent: navigator.userAgent,
    output: { RouteId: output.RouteId, RouteKey: output.RouteKey, status: output.$metadata.httpStatusCode, attempts: output.$metadata.attempts },
    error: { name: caught.name, isClass: caught instanceof TooManyRequestsException, status: caught.$metadata?.httpStatusCode },
    aborted: aborted?.name,
  });
})().catch((e) => report({ failure: String(e && e.stack || e) }));
`;

const SECRETS: Record<string, string> = { AKIDBROWSER: "browser-secret" };

let server: Server;
let endpoint: string;
let browser: ChildProcess | undefined;
let bundle: string;
const refused: string[] = [];
let result: Promise<Record<string, any>>;

beforeAll(async () => {
  if (CHROMIUM === undefined) return;
  const files = await clientPackage(["models/apigatewayv2-create-route.json"]);
  const { mod, dir } = await loadGenerated<CreateRoutePackage>(files);
  writeFileSync(join(dir, "page.js"), PAGE_PROGRAM);
  const built = await build({ entryPoints: [join(dir, "page.js")], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
  bundle = built.outputFiles[0]!.text;
  const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) });
  const checked = verifyingSignatures(handler, SECRETS, refused);
  const api = mod.createNodeListener(checked) as (req: IncomingMessage, res: ServerResponse) => void;
  let reported!: (value: Record<string, any>) => void;
  result = new Promise((resolve) => (reported = resolve));
  ({ server, endpoint } = await listen((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/__page") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script type="module" src="/__bundle.js"></script>');
    if (req.url === "/__bundle.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    if (req.url === "/favicon.ico") return void res.writeHead(404).end();
    if (req.url === "/__result") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => { res.writeHead(204).end(); reported(JSON.parse(body)); });
      return;
    }
    api(req, res);
  }));
  browser = spawn(CHROMIUM, ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", `--user-data-dir=${join(dir, "chromium-profile")}`, `${endpoint}/__page`], { stdio: "ignore" });
}, 120_000);

afterAll(async () => {
  browser?.kill("SIGKILL");
  if (server !== undefined) await close(server);
});

describe.skipIf(CHROMIUM === undefined)("the generated client in headless Chromium", () => {
  it("bundles for the browser without Node built-ins", () => {
    expect(bundle).not.toMatch(/from\s*["']node:/);
    expect(bundle).not.toMatch(/require\(["']node:/);
  });

  it("sends a SigV4-signed command the server verifies, gets modeled errors as classes, honours abort", async () => {
    const seen = await Promise.race([result, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the page reported nothing in 60 s")), 60_000))]);
    expect(seen.failure).toBeUndefined();
    expect(seen.userAgent).toMatch(/HeadlessChrome|Chrome/);
    expect(seen.output).toEqual({ RouteId: "route-of-b1", RouteKey: "GET /pets", status: 201, attempts: 1 });
    expect(seen.error).toEqual({ name: "TooManyRequestsException", isClass: true, status: 429 });
    expect(seen.aborted).toBe("AbortError");
    expect(refused).toEqual([]);
  }, 90_000);
});

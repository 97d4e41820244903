// The client against AWS SDK v3's @aws-sdk/client-apigatewayv2, measured in the same run:
//  - bundle: esbuild (bundle, minify, browser, ESM) + gzip of `<Service>Client` + one command +
//    env credentials (ours: the CreateRoute package with its client; the SDK: its client and
//    CreateRouteCommand, whose default credential chain includes the environment). Target ≤ 15 KB.
//  - cold start: import + construct the client in a fresh node (median of runs).
//  - throughput: CreateRoute sent in-process with a stub transport (signing, retries' bookkeeping,
//    serde), sequentially. Target ≥ 4× the SDK.
// The package is generated from the built generator into node_modules/.cache/ (to resolve
// @smithy/signature-v4 from the project), with the client runtime copied into src/runtime/client/.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transformSync } from "esbuild";
import { commandSeconds, fmt, median, report } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIR = join(ROOT, "node_modules", ".cache", "client-bench");
const BUNDLE_TARGET = 15 * 1024;
const SPEED_TARGET = 4;

async function writePackage() {
  const { loadModelFiles } = await import(join(ROOT, "dist/load/load.js"));
  const { generatePackage } = await import(join(ROOT, "dist/generate.js"));
  const { ShapeIndex, serviceClosure } = await import(join(ROOT, "dist/index/shape-index.js"));
  const { SymbolProvider } = await import(join(ROOT, "dist/symbols/symbol-provider.js"));
  const { emitClient } = await import(join(ROOT, "dist/client/emit-client.js"));
  const modelFile = join(ROOT, "models/apigatewayv2-create-route.json");
  const model = await loadModelFiles([modelFile]);
  const options = { optionality: "client", packageName: "apigatewayv2-create-route", packageVersion: "0.1.0", targets: ["client"] };
  const files = await generatePackage({ model, modelFiles: ["apigatewayv2-create-route.json"], options });
  const index = new ShapeIndex(model);
  const closure = serviceClosure(index, index.services()[0]);
  files.push(emitClient({ index, closure, symbols: new SymbolProvider(index, closure), options, modelFiles: ["apigatewayv2-create-route.json"] }));
  const runtime = join(ROOT, "runtime/client");
  for (const f of readdirSync(runtime)) files.push({ path: `src/runtime/client/${f}`, content: readFileSync(join(runtime, f), "utf8") });
  rmSync(DIR, { recursive: true, force: true });
  for (const f of files) {
    const target = join(DIR, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    // JavaScript beside each module, as the package's build would give, for the node measurements.
    if (f.path.endsWith(".ts")) writeFileSync(target.replace(/\.ts$/, ".js"), transformSync(f.content, { loader: "ts", format: "esm", target: "es2022" }).code);
  }
}

async function gzipped(contents) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "js", sourcefile: "entry.js" },
    bundle: true, minify: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Sequential sends per second of `send` for about `ms`. */
async function round(send, ms) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await send();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

/** Medians of sends/s of `a` and `b`, their rounds interleaved so the machine's load hits both alike. */
async function interleaved(a, b, { rounds = 7, ms = 300 } = {}) {
  await round(a, ms);
  await round(b, ms);
  const [fa, fb] = [[], []];
  for (let r = 0; r < rounds; r++) {
    fa.push(await round(a, ms));
    fb.push(await round(b, ms));
  }
  return [median(fa), median(fb)];
}

export default async function run() {
  await writePackage();
  const src = pathToFileURL(join(DIR, "src")).href;
  const ok = [];

  const ours = await gzipped(`import { ApiGatewayV2Client, CreateRouteCommand } from ${JSON.stringify(join(DIR, "src", "client.ts"))}; export { ApiGatewayV2Client, CreateRouteCommand };`);
  const sdk = await gzipped(`import { ApiGatewayV2Client, CreateRouteCommand } from "@aws-sdk/client-apigatewayv2"; export { ApiGatewayV2Client, CreateRouteCommand };`);
  console.log(`     bundle: ours ${ours.raw} B minified, ${ours.gzip} B gzipped; SDK ${sdk.raw} B minified, ${sdk.gzip} B gzipped`);
  ok.push(report("client + one command + env credentials, esbuild min+gz", `${ours.gzip} B = ${(ours.gzip / sdk.gzip).toFixed(3)}× the SDK's ${sdk.gzip} B`, `≤ ${BUNDLE_TARGET} B`, ours.gzip <= BUNDLE_TARGET));

  const construct = (from) => `const m = await import(${JSON.stringify(from)}); new m.ApiGatewayV2Client({ region: "us-east-1" });`;
  const ourCold = commandSeconds(["--input-type=module", "-e", construct(`${src}/client.js`)], { runs: 7, cwd: ROOT });
  const sdkCold = commandSeconds(["--no-warnings", "--input-type=module", "-e", construct("@aws-sdk/client-apigatewayv2")], { runs: 7, cwd: ROOT });
  const bare = commandSeconds(["--input-type=module", "-e", "0"], { runs: 7, cwd: ROOT });
  const coldRatio = (ourCold - bare) / (sdkCold - bare);
  ok.push(report("import + construct in a fresh node (minus node's own start)", `ours ${((ourCold - bare) * 1000).toFixed(0)} ms, SDK ${((sdkCold - bare) * 1000).toFixed(0)} ms = ${coldRatio.toFixed(2)}×`, "≤ 0.25×", coldRatio <= 0.25));

  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const body = new TextEncoder().encode('{"routeId":"r1","routeKey":"$default","apiKeyRequired":false}');
  const stub = { handle: async () => ({ response: { statusCode: 201, headers: { "content-type": "application/json" }, body: body.slice() } }) };
  const input = { ApiId: "a1b2c3", RouteKey: "GET /pets/{petId}", Target: "integrations/abc" };
  const our = await import(`${src}/client.js`);
  const ourClient = new our.ApiGatewayV2Client({ region: "us-east-1", credentials, endpoint: "https://apigateway.us-east-1.amazonaws.com", requestHandler: stub });
  const theirs = await import("@aws-sdk/client-apigatewayv2");
  const { HttpResponse } = await import("@smithy/core/transport");
  const sdkStub = { handle: async () => ({ response: new HttpResponse({ statusCode: 201, headers: { "content-type": "application/json" }, body: body.slice() }) }), updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}) };
  const sdkClient = new theirs.ApiGatewayV2Client({ region: "us-east-1", credentials, requestHandler: sdkStub });
  const [ourOps, sdkOps] = await interleaved(
    () => ourClient.send(new our.CreateRouteCommand(input)),
    () => sdkClient.send(new theirs.CreateRouteCommand(input)),
  );
  ok.push(report("CreateRoute sends/s in-process with a stub transport", `ours ${fmt(ourOps)}/s, SDK ${fmt(sdkOps)}/s = ${(ourOps / sdkOps).toFixed(2)}×`, `≥ ${SPEED_TARGET}×`, ourOps / sdkOps >= SPEED_TARGET));
  return ok.every(Boolean);
}

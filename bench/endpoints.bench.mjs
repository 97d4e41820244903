// Endpoint resolution: the resolver the generator compiles from apigatewayv2's rule set, against
// AWS SDK v3's for the same service (@aws-sdk/client-apigatewayv2's rule set as a binary decision
// diagram, run by @smithy/core's decideEndpoint; cached by its EndpointCache) and against
// evaluating the model's rule set with @smithy/core's rules-engine interpreter (what
// @smithy/util-endpoints was): speed uncached and cached, and the esbuild min+gz size of each for
// apigatewayv2 and s3. Targets: ours no slower than the SDK's, uncached and cached.

import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fmt, opsPerSecond, report } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const models = join(root, "..", "shared", "models", "aws");
const SDK_RESOLVER = join(root, "node_modules", "@aws-sdk", "client-apigatewayv2", "dist-es", "endpoint", "endpointResolver.js");
const PARAMS = { Region: "us-west-2", UseFIPS: false, UseDualStack: false };

/** The generated src/endpoints.ts (and its runtime) of a shared model, written to a temp folder. */
async function generatedEndpoints(model, dir) {
  const { loadModelFiles } = await import(join(dist, "load", "load.js"));
  const { ShapeIndex, serviceClosure } = await import(join(dist, "index", "shape-index.js"));
  const { SymbolProvider } = await import(join(dist, "symbols", "symbol-provider.js"));
  const { emitEndpoints } = await import(join(dist, "client", "endpoints", "emit-endpoints.js"));
  const { runtimeFiles } = await import(join(dist, "emit", "runtime-files.js"));
  const path = join(models, model);
  const index = new ShapeIndex(await loadModelFiles([path]));
  const closure = serviceClosure(index, index.services()[0], undefined);
  const options = { optionality: "client", packageName: "x", packageVersion: "0.0.0" };
  const ctx = { index, closure, symbols: new SymbolProvider(index, closure), options, modelFiles: [basename(path)] };
  const endpoints = emitEndpoints(ctx);
  for (const file of [endpoints, ...runtimeFiles(endpoints.runtime ?? [])]) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  const ruleSet = JSON.parse(readFileSync(path, "utf8")).shapes;
  return { entry: join(dir, "src", "endpoints.ts"), ruleSet: Object.values(ruleSet).find((s) => s.type === "service").traits["smithy.rules#endpointRuleSet"] };
}

async function bundle(contents, { minify, platform = "browser" }) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, minify, platform, format: "esm", target: "es2022", write: false, logLevel: "silent",
  });
  return result.outputFiles[0].contents;
}

const gz = async (contents) => gzipSync(await bundle(contents, { minify: true }), { level: 9 }).length;

/** The rules-engine interpreter over a rule set (the AWS functions registered as the SDK does). */
const interpreter = (ruleSet) => [
  `import { resolveEndpoint, customEndpointFunctions } from "@smithy/core/endpoints";`,
  `import { awsEndpointFunctions } from "@aws-sdk/core/client";`,
  `customEndpointFunctions.aws = awsEndpointFunctions;`,
  `const ruleSet = ${JSON.stringify(ruleSet)};`,
  `export const evaluate = (endpointParams) => resolveEndpoint(ruleSet, { endpointParams });`,
].join("\n");

async function load(contents, dir, name) {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, await bundle(contents, { minify: false, platform: "node" }));
  return import(pathToFileURL(file).href);
}

export default async function run() {
  if (!existsSync(models)) {
    console.log("     skipped: ../shared/models/aws is absent (the rule sets measured are the shared models')");
    return true;
  }
  const dir = mkdtempSync(join(tmpdir(), "endpoints-bench-"));
  const apigw = await generatedEndpoints("apigatewayv2-2018-11-29.json", join(dir, "apigw"));
  const s3 = await generatedEndpoints("s3-2006-03-01.json", join(dir, "s3"));

  const ours = await load(`export { resolveEndpoint } from ${JSON.stringify(apigw.entry)};\nexport { PARTITIONS } from ${JSON.stringify(join(dirname(apigw.entry), "runtime", "endpoints", "partitions-data.ts"))};`, dir, "ours");
  const sdk = await load([
    `export { defaultEndpointResolver } from ${JSON.stringify(SDK_RESOLVER)};`,
    `export { bdd } from ${JSON.stringify(join(dirname(SDK_RESOLVER), "bdd.js"))};`,
    `export { decideEndpoint } from "@smithy/core/endpoints";`,
  ].join("\n"), dir, "sdk");
  const interp = await load(interpreter(apigw.ruleSet), dir, "interpreter");

  const same = (a, b) => a.url.href === b.url.href && JSON.stringify(a.properties ?? {}) === JSON.stringify(b.properties ?? {});
  const sdkUncached = () => sdk.decideEndpoint(sdk.bdd, { endpointParams: PARAMS });
  if (!same(ours.resolveEndpoint(PARAMS), sdkUncached()) || !same(ours.resolveEndpoint(PARAMS), interp.evaluate(PARAMS))) {
    throw new Error("the resolvers disagree on the benchmark's parameters");
  }
  // Passing the partition data explicitly takes the uncached path (the data could differ per call).
  const options = { partitions: ours.PARTITIONS };
  const uncached = {
    ours: opsPerSecond(() => ours.resolveEndpoint(PARAMS, options)),
    sdk: opsPerSecond(sdkUncached),
    interpreter: opsPerSecond(() => interp.evaluate(PARAMS)),
  };
  const cached = {
    ours: opsPerSecond(() => ours.resolveEndpoint(PARAMS)),
    sdk: opsPerSecond(() => sdk.defaultEndpointResolver(PARAMS)),
  };
  const us = (ops) => `${(1e6 / ops).toFixed(2)} µs`;
  console.log(`     uncached: ours ${us(uncached.ours)}, SDK (BDD) ${us(uncached.sdk)}, interpreter ${us(uncached.interpreter)} (${fmt(uncached.ours)} / ${fmt(uncached.sdk)} / ${fmt(uncached.interpreter)} ops/s)`);
  console.log(`     cached:   ours ${us(cached.ours)}, SDK ${us(cached.sdk)}`);

  const sizes = {
    apigw: { ours: await gz(`export { resolveEndpoint } from ${JSON.stringify(apigw.entry)};`), sdk: await gz(`export { defaultEndpointResolver } from ${JSON.stringify(SDK_RESOLVER)};`), interpreter: await gz(interpreter(apigw.ruleSet)) },
    s3: { ours: await gz(`export { resolveEndpoint } from ${JSON.stringify(s3.entry)};`), interpreter: await gz(interpreter(s3.ruleSet)) },
  };
  console.log(`     min+gz apigatewayv2: ours ${sizes.apigw.ours} B, SDK (BDD) ${sizes.apigw.sdk} B, interpreter + rule set ${sizes.apigw.interpreter} B`);
  console.log(`     min+gz s3:           ours ${sizes.s3.ours} B, interpreter + rule set ${sizes.s3.interpreter} B`);

  const a = uncached.ours / uncached.sdk;
  const b = cached.ours / cached.sdk;
  console.log(`     ratios: uncached ${a.toFixed(2)}× the SDK's speed (${(uncached.ours / uncached.interpreter).toFixed(2)}× the interpreter's), cached ${b.toFixed(2)}×; size ${(sizes.apigw.ours / sizes.apigw.sdk).toFixed(2)}× the SDK's (apigatewayv2), ${(sizes.s3.ours / sizes.s3.interpreter).toFixed(2)}× the interpreter's (s3)`);
  const okA = report("endpoint resolution uncached vs SDK", `${a.toFixed(2)}×`, "≥ 1×", a >= 1);
  const okB = report("endpoint resolution cached vs SDK", `${b.toFixed(2)}×`, "≥ 1×", b >= 1);
  return okA && okB;
}

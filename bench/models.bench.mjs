// Generator speed on real models: CLI wall time (median of runs, `--force` so the up-to-date
// stamp is not used, no type-check, client and server) for the whole apigatewayv2 model and for
// each of the twenty shared AWS models, every protocol (each its own package; the figure is the sum), then the
// pipeline's steps timed in process on apigatewayv2 to name the slowest.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { commandSeconds, median, report } from "./lib.mjs";

const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "bin", "codegen.js");
const awsDir = join(root, "..", "shared", "models", "aws");

export default async function run() {
  if (!existsSync(awsDir)) {
    console.log("skip models: ../shared is absent");
    return true;
  }
  const out = mkdtempSync(join(tmpdir(), "bench-models-"));
  const baseline = commandSeconds(["-e", ""], { cwd: root });
  const ratio = (s) => `${s.toFixed(3)} s = ${(s / baseline).toFixed(1)}× an empty node start`;
  const generate = (model, runs) =>
    commandSeconds([cli, "generate", "--model", model, "--out", join(out, basename(model, ".json")), "--target", "client", "--target", "server", "--no-typecheck", "--quiet", "--force"], { cwd: root, runs });

  const apigw = join(awsDir, "apigatewayv2-2018-11-29.json");
  const models = readdirSync(awsDir).filter((f) => f.endsWith(".json")).sort();
  const seconds = new Map(models.map((f) => [f, generate(join(awsDir, f), 3)]));
  let ok = true;
  if (seconds.has(basename(apigw))) {
    const one = seconds.get(basename(apigw));
    ok = report("generate apigatewayv2 (whole model, client+server), CLI wall", ratio(one), "≤ 1.5 s", one <= 1.5);
  }
  let total = 0;
  for (const [f, s] of seconds) {
    console.log(`     ${f}: ${ratio(s)}`);
    total += s;
  }
  ok = report(`generate all ${models.length} shared models, sum of CLI walls`, ratio(total), "≤ 6 s", total <= 6) && ok;
  // The figure before ../shared grew: the restJson1 models alone (the others get no serde or server).
  const restJson1 = [...seconds].filter(([f]) => readFileSync(join(awsDir, f), "utf8").includes('"aws.protocols#restJson1"'));
  console.log(`     of which the ${restJson1.length} restJson1 models: ${ratio(restJson1.reduce((sum, [, s]) => sum + s, 0))}`);

  const steps = await stepSeconds(apigw, join(out, "steps"));
  const slowest = (entries) => entries.sort((a, b) => b[1] - a[1])[0][0];
  const all = Object.entries(steps);
  console.log(`     apigatewayv2 steps in process: ${all.map(([k, s]) => `${k} ${(s / baseline).toFixed(2)}×`).join(", ")} (× an empty node start)`);
  console.log(`     slowest step: ${slowest(all)}; slowest without the type-check (the CLI path above): ${slowest(all.filter(([k]) => k !== "type-check"))}`);
  return ok;
}

/**
 * Median seconds of each pipeline step, after one warm-up pass. generatePackage emits and
 * lays out together, so `format` is the layout step re-run on its output (a fixed point, the same work) and `emit` the difference.
 */
async function stepSeconds(model, outDir) {
  const { loadModelFiles } = await import(join(root, "dist", "load", "load.js"));
  const { generatePackage } = await import(join(root, "dist", "generate.js"));
  const { layoutTypeScript } = await import(join(root, "dist", "format", "layout.js"));
  const { typecheckPackage } = await import(join(root, "dist", "typecheck", "typecheck.js"));
  const { planWrite, commitWrite } = await import(join(root, "dist", "write", "write.js"));
  const options = { optionality: "client", targets: ["client", "server"], packageName: "bench", packageVersion: "0.0.0" };
  const times = { load: [], generate: [], format: [], write: [] };
  let files = [];
  for (let r = 0; r < 4; r++) {
    const t0 = performance.now();
    const loaded = await loadModelFiles([model]);
    const t1 = performance.now();
    files = await generatePackage({ model: loaded, modelFiles: [basename(model)], options });
    const t2 = performance.now();
    for (const f of files) if (f.path.endsWith(".ts")) layoutTypeScript(f.content, f.path);
    const t3 = performance.now();
    await commitWrite(await planWrite(`${outDir}-${r}`, files));
    const t4 = performance.now();
    if (r === 0) continue;
    times.load.push(t1 - t0);
    times.generate.push(t2 - t1);
    times.format.push(t3 - t2);
    times.write.push(t4 - t3);
  }
  const t = performance.now();
  await typecheckPackage(files, "apigatewayv2");
  const typecheck = performance.now() - t;
  const format = median(times.format);
  return {
    load: median(times.load) / 1000,
    emit: Math.max(0, median(times.generate) - format) / 1000,
    format: format / 1000,
    "type-check": typecheck / 1000,
    write: median(times.write) / 1000,
  };
}

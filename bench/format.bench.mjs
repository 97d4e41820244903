// Layout speed, cold: a fresh node process lays out the raw emitted TypeScript of the whole
// apigatewayv2 model (client + server, about 1 MB; the CreateRoute model without ../shared), and
// another fresh process formats the same text with prettier (standalone + babel-ts, its fastest
// in-process set-up; prettier formatted the output before the layout step replaced it, and stays
// a devDependency as this baseline). Module loading is timed apart from formatting. Target: the
// layout step is at least 10× faster cold, the reason it replaced prettier (see README).

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { median, report } from "./lib.mjs";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist");

async function rawFiles(modelPath) {
  const { loadModelFiles } = await import(join(dist, "load", "load.js"));
  const { ShapeIndex, serviceClosure } = await import(join(dist, "index", "shape-index.js"));
  const { SymbolProvider } = await import(join(dist, "symbols", "symbol-provider.js"));
  const { SOURCE_EMITTERS } = await import(join(dist, "emit", "emitters.js"));
  const { emitPackageFiles } = await import(join(dist, "emit", "package-files.js"));
  const index = new ShapeIndex(await loadModelFiles([modelPath]));
  const closure = serviceClosure(index, index.services()[0], undefined);
  const options = { optionality: "client", targets: ["client", "server"], packageName: "x", packageVersion: "0.0.0" };
  const ctx = { index, closure, symbols: new SymbolProvider(index, closure), options, modelFiles: [basename(modelPath)] };
  const sources = SOURCE_EMITTERS.flatMap((emit) => emit(ctx) ?? []);
  const modules = sources.filter((f) => !f.path.startsWith("src/runtime/")).map((f) => f.path.replace(/^src\//, "").replace(/\.ts$/, ""));
  return [...sources, ...emitPackageFiles(ctx, modules)].filter((f) => f.path.endsWith(".ts"));
}

// Runs in the fresh process: loads the formatter, formats every file once, prints the timings.
const CHILD = `
import { readFileSync } from "node:fs";
const [which, corpus, dist] = process.argv.slice(1);
const files = JSON.parse(readFileSync(corpus, "utf8"));
let t = performance.now();
let format;
if (which === "layout") {
  const { layoutTypeScript } = await import(dist + "/format/layout.js");
  format = async (code, file) => layoutTypeScript(code, file);
} else {
  const prettier = await import("prettier/standalone");
  const plugins = [await import("prettier/plugins/estree"), await import("prettier/plugins/babel")];
  format = (code) => prettier.format(code, { parser: "babel-ts", plugins, printWidth: 100 });
}
const load = performance.now() - t;
t = performance.now();
let chars = 0;
for (const f of files) chars += (await format(f.content, f.path)).length;
console.log(JSON.stringify({ load, format: performance.now() - t, chars }));
`;

function cold(which, corpus, runs) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD, which, corpus, dist], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${which} run failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout));
  }
  return { load: median(results.map((x) => x.load)), format: median(results.map((x) => x.format)) };
}

export default async function run() {
  const shared = join(root, "..", "shared", "models", "aws", "apigatewayv2-2018-11-29.json");
  const whole = existsSync(shared);
  if (!whole) console.log("skip apigatewayv2: ../shared is absent; timing the CreateRoute model's output");
  const files = await rawFiles(whole ? shared : join(root, "models", "apigatewayv2-create-route.json"));
  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  const corpus = join(mkdtempSync(join(tmpdir(), "bench-format-")), "corpus.json");
  writeFileSync(corpus, JSON.stringify(files.map((f) => ({ path: f.path, content: f.content }))));

  const layout = cold("layout", corpus, 5);
  const prettier = cold("prettier", corpus, 3);
  const mbps = bytes / 1e6 / (layout.format / 1000);
  console.log(`${whole ? "apigatewayv2" : "CreateRoute"} raw output: ${(bytes / 1e6).toFixed(2)} MB in ${files.length} files`);
  console.log(`layout, fresh process: load ${layout.load.toFixed(1)} ms, format ${layout.format.toFixed(1)} ms`);
  console.log(`prettier, fresh process: load ${prettier.load.toFixed(1)} ms, format ${prettier.format.toFixed(1)} ms`);
  const speedup = (prettier.format + prettier.load) / (layout.format + layout.load);
  return report("layout vs prettier, fresh process", `${speedup.toFixed(1)}× faster (${mbps.toFixed(1)} MB/s)`, "≥ 10×", speedup >= 10);
}

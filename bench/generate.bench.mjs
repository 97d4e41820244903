// Generator speed: CLI wall time (median of runs) for the CreateRoute model and the whole
// apigatewayv2 model, every artifact: first the default path users take (with the type-check
// that guarantees broken code is never written), then `--no-typecheck`. Each is a ratio to an
// empty `node -e 0` start measured in the same run. `--force` ignores the up-to-date stamp, so
// every run does the whole pipeline (bench/incremental measures the stamp). Then the type-check
// alone on the whole apigatewayv2 package: the native compiler against the in-memory ts-morph
// program it replaced (still used by the api-diff), in one process.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandSeconds, median, report } from "./lib.mjs";

export default async function run() {
  const root = new URL("..", import.meta.url).pathname;
  const out = mkdtempSync(join(tmpdir(), "bench-gen-"));
  const cli = join(root, "bin", "codegen.js");
  const baseline = commandSeconds(["-e", "0"], { cwd: root });
  console.log(`empty node start (node -e 0): ${baseline.toFixed(3)} s`);
  // [name, model, target for the default path, target with --no-typecheck], as × an empty node start.
  const cases = [["CreateRoute", join(root, "models", "apigatewayv2-create-route.json"), 10, 10]];
  const shared = join(root, "..", "shared", "models", "aws", "apigatewayv2-2018-11-29.json");
  if (existsSync(shared)) cases.push(["apigatewayv2 (whole model)", shared, 12, 12]);
  else console.log("skip apigatewayv2: ../shared is absent");
  let ok = true;
  try {
    for (const [name, model, defaultTarget, fastTarget] of cases) {
      for (const [path, flags, target] of [["default", [], defaultTarget], ["--no-typecheck", ["--no-typecheck"], fastTarget]]) {
        const dir = join(out, `${name.replace(/\W+/g, "-")}-${flags.length}`);
        const s = commandSeconds([cli, "generate", "--model", model, "--out", dir, ...flags, "--quiet", "--force"], { cwd: root });
        const ratio = s / baseline;
        ok = report(`generate ${name}, ${path}, CLI wall`, `${s.toFixed(3)} s = ${ratio.toFixed(1)}× an empty node start`, `≤ ${target}×`, ratio <= target) && ok;
      }
    }
    if (existsSync(shared)) await compareCheckers(join(out, `${cases[1][0].replace(/\W+/g, "-")}-0`), root);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return ok;
}

/** The emitted package's type-check: native (what generate runs) vs ts-morph in memory. */
async function compareCheckers(pkg, root) {
  const { typecheckPackage } = await import(join(root, "dist", "typecheck", "typecheck.js"));
  const { virtualProject } = await import(join(root, "dist", "typecheck", "virtual-project.js"));
  const files = readdirSync(join(pkg, "src")).map((f) => ({ path: `src/${f}`, content: readFileSync(join(pkg, "src", f), "utf8") }));
  const time = async (fn, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      times.push((performance.now() - start) / 1000);
    }
    return median(times);
  };
  const native = await time(() => typecheckPackage(files, "bench"), 5);
  const morph = await time(async () => {
    const { project, base } = await virtualProject(".typecheck/bench");
    for (const f of files) project.createSourceFile(join(base, f.path), f.content, { overwrite: true });
    if (project.getPreEmitDiagnostics().length > 0) throw new Error("ts-morph found errors");
  }, 3);
  report("type-check of the apigatewayv2 package, native vs ts-morph", `${native.toFixed(3)} s vs ${morph.toFixed(3)} s = ${(morph / native).toFixed(1)}× faster`, "informational", true);
}

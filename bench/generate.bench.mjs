// Generator speed: CLI wall time (median of runs) for the CreateRoute model and the whole
// apigatewayv2 model, every artifact: first the default path users take (with the type-check
// that guarantees broken code is never written), then `--no-typecheck`. Each is a ratio to an
// empty `node -e 0` start measured in the same run. `--force` ignores the up-to-date stamp, so
// every run does the whole pipeline (bench/incremental measures the stamp).

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandSeconds, report } from "./lib.mjs";

export default async function run() {
  const root = new URL("..", import.meta.url).pathname;
  const out = mkdtempSync(join(tmpdir(), "bench-gen-"));
  const cli = join(root, "bin", "codegen.js");
  const baseline = commandSeconds(["-e", "0"], { cwd: root });
  console.log(`empty node start (node -e 0): ${baseline.toFixed(3)} s`);
  // [name, model, target for the default path, target with --no-typecheck], in seconds.
  const cases = [["CreateRoute", join(root, "models", "apigatewayv2-create-route.json"), 0.5, 0.5]];
  const shared = join(root, "..", "shared", "models", "aws", "apigatewayv2-2018-11-29.json");
  if (existsSync(shared)) cases.push(["apigatewayv2 (whole model)", shared, 0.6, 0.5]);
  else console.log("skip apigatewayv2: ../shared is absent");
  let ok = true;
  try {
    for (const [name, model, defaultTarget, fastTarget] of cases) {
      for (const [path, flags, target] of [["default", [], defaultTarget], ["--no-typecheck", ["--no-typecheck"], fastTarget]]) {
        const dir = join(out, `${name.replace(/\W+/g, "-")}-${flags.length}`);
        const s = commandSeconds([cli, "generate", "--model", model, "--out", dir, ...flags, "--quiet", "--force"], { cwd: root });
        ok = report(`generate ${name}, ${path}, CLI wall`, `${s.toFixed(3)} s = ${(s / baseline).toFixed(1)}× an empty node start`, `≤ ${target} s`, s <= target) && ok;
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return ok;
}

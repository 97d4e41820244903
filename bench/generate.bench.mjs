// Generator speed: CLI wall time (median of runs) for the CreateRoute model and the whole
// apigatewayv2 model, every artifact, without the in-memory type-check. `--force` ignores the
// up-to-date stamp, so every run does the whole pipeline (bench/incremental measures the stamp).

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandSeconds, report } from "./lib.mjs";

export default async function run() {
  const root = new URL("..", import.meta.url).pathname;
  const out = mkdtempSync(join(tmpdir(), "bench-gen-"));
  const cli = join(root, "bin", "codegen.js");
  const baseline = commandSeconds(["-e", ""], { cwd: root });
  const cases = [["CreateRoute", join(root, "models", "apigatewayv2-create-route.json"), 0.5]];
  const shared = join(root, "..", "shared", "models", "aws", "apigatewayv2-2018-11-29.json");
  if (existsSync(shared)) cases.push(["apigatewayv2 (whole model)", shared, 1.5]);
  else console.log("skip apigatewayv2: ../shared is absent");
  let ok = true;
  for (const [name, model, target] of cases) {
    const s = commandSeconds([cli, "generate", "--model", model, "--out", join(out, name.replace(/\W+/g, "-")), "--no-typecheck", "--quiet", "--force"], { cwd: root });
    ok = report(`generate ${name}, CLI wall`, `${s.toFixed(3)} s = ${(s / baseline).toFixed(1)}× an empty node start`, `≤ ${target} s`, s <= target) && ok;
  }
  return ok;
}

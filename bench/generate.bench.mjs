// Generator speed: CLI wall time (median of runs) for the CreateRoute model and the whole
// apigatewayv2 model, types and errors, without the in-memory type-check.

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
    const s = commandSeconds([cli, "generate", "--model", model, "--out", join(out, name.replace(/\W+/g, "-")), "--no-typecheck", "--quiet"], { cwd: root });
    ok = report(`generate ${name}, CLI wall`, `${s.toFixed(3)} s = ${(s / baseline).toFixed(1)}× an empty node start`, `≤ ${target} s`, s <= target) && ok;
  }
  return ok;
}

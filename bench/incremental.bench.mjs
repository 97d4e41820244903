// The generator as a build step: wall time of a run with nothing to do (the model and settings
// unchanged since the last run), which must stay close to an empty node start, and of a run
// after a one-line model edit (regenerate, type-check, compare the public API, write).

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandSeconds, report } from "./lib.mjs";

export default async function run() {
  const root = new URL("..", import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), "bench-incremental-"));
  const cli = join(root, "bin", "codegen.js");
  const model = join(dir, "apigatewayv2-create-route.json");
  const original = readFileSync(join(root, "models", "apigatewayv2-create-route.json"), "utf8");
  writeFileSync(model, original);
  const out = join(dir, "pkg");
  const generate = ["generate", "--model", model, "--out", out, "--quiet"];

  const baseline = commandSeconds(["-e", ""], { cwd: root });
  commandSeconds([cli, ...generate], { cwd: root, runs: 1 });
  const noChange = commandSeconds([cli, ...generate], { cwd: root });
  const check = commandSeconds([cli, ...generate, "--check"], { cwd: root });

  // Alternate two versions of one documentation string, so every run has a change to write.
  let flip = 0;
  const edits = [];
  for (let i = 0; i < 3; i++) {
    writeFileSync(model, original.replace("Identifier of the API in which the route is created.", `Identifier of the API (edit ${flip++}).`));
    edits.push(commandSeconds([cli, ...generate], { cwd: root, runs: 1 }));
  }
  const edit = edits.sort((a, b) => a - b)[1];

  const ratio = (s) => `${s.toFixed(3)} s = ${(s / baseline).toFixed(1)}× an empty node start (${baseline.toFixed(3)} s)`;
  let ok = report("no-change generate, CreateRoute, CLI wall", ratio(noChange), "≤ 0.3 s", noChange <= 0.3);
  ok = report("no-change generate --check, CreateRoute, CLI wall", ratio(check), "≤ 0.3 s", check <= 0.3) && ok;
  report("generate after a doc edit (type-check + API report + write), CLI wall", ratio(edit), "informational", true);
  return ok;
}

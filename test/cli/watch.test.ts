// `codegen generate --watch`, run as a subprocess: regenerates on model and configuration
// changes, debounced, survives a bad edit, and stops cleanly on SIGTERM.

import type { ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CREATE_ROUTE, startCodegen, tmp } from "./helpers.js";

const DOC = "Identifier of the API in which the route is created.";

/** Collects a running watcher's output and waits for lines. */
class Watcher {
  stdout = "";
  stderr = "";
  exit: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (this.stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (this.stderr += d));
    this.exit = new Promise((resolve) => child.on("close", (code) => resolve(code)));
  }

  /** Waits until `stream` has matched `pattern` `count` times in all. */
  async until(pattern: RegExp, count = 1, stream: "stdout" | "stderr" = "stdout", timeoutMs = 45_000): Promise<void> {
    const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
    const deadline = Date.now() + timeoutMs;
    while ((this[stream].match(global)?.length ?? 0) < count) {
      if (this.child.exitCode !== null) throw new Error(`the watcher exited (${this.child.exitCode}):\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} ×${count} on ${stream}:\n${this.stdout}\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  count(pattern: RegExp, stream: "stdout" | "stderr" = "stdout"): number {
    return this[stream].match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))?.length ?? 0;
  }
}

let running: Watcher | undefined;
afterEach(() => {
  if (running?.child.exitCode === null) running.child.kill("SIGKILL");
  running = undefined;
});

const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

describe("generate --watch", () => {
  it("regenerates on a model change, keeps running after a bad edit, regenerates when it is fixed", async () => {
    const dir = tmp();
    const model = join(dir, "routes.json");
    const original = readFileSync(CREATE_ROUTE, "utf8");
    writeFileSync(model, original);
    const out = join(dir, "pkg");
    const w = (running = new Watcher(startCodegen(["generate", "--watch", "--model", model, "--out", out, "--no-typecheck"])));
    await w.until(/^watching 1 path/m);
    expect(w.stdout).toContain(`wrote ${join(out, "src", "models.ts")}`);

    writeFileSync(model, original.replace(DOC, "First edit."));
    await w.until(/^watching/m, 2);
    expect(readFileSync(join(out, "src", "models.ts"), "utf8")).toContain("First edit.");

    writeFileSync(model, "{ \"smithy\": \"2.0\", ");
    await w.until(/routes\.json:1:\d+: invalid JSON/, 1, "stderr");
    await w.until(/^watching/m, 3);
    expect(w.child.exitCode).toBe(null);
    expect(readFileSync(join(out, "src", "models.ts"), "utf8")).toContain("First edit.");

    writeFileSync(model, original.replace(DOC, "Fixed."));
    await w.until(/^watching/m, 4);
    expect(readFileSync(join(out, "src", "models.ts"), "utf8")).toContain("Fixed.");

    w.child.kill("SIGTERM");
    expect(await w.exit).toBe(0);
  });

  it("a burst of saves is one regeneration; a file replaced by rename is still seen", async () => {
    const dir = tmp();
    const model = join(dir, "routes.json");
    const original = readFileSync(CREATE_ROUTE, "utf8");
    writeFileSync(model, original);
    const w = (running = new Watcher(startCodegen(["generate", "--watch", "--model", model, "--out", join(dir, "pkg"), "--no-typecheck"])));
    await w.until(/^watching/m);

    for (let i = 0; i < 5; i++) writeFileSync(model, original.replace(DOC, `Burst ${i}.`));
    await w.until(/^watching/m, 2);
    await settle();
    expect(w.count(/^watching/m)).toBe(2);
    expect(readFileSync(join(dir, "pkg", "src", "models.ts"), "utf8")).toContain("Burst 4.");

    // Editors often save by writing a new file and renaming it over the old one.
    writeFileSync(join(dir, "routes.json.new"), original.replace(DOC, "Renamed into place."));
    const { renameSync } = await import("node:fs");
    renameSync(join(dir, "routes.json.new"), model);
    await w.until(/^watching/m, 3);
    expect(readFileSync(join(dir, "pkg", "src", "models.ts"), "utf8")).toContain("Renamed into place.");
  });

  it("regenerates when the configuration file changes, and reports a bad configuration without stopping", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "routes.json"), readFileSync(CREATE_ROUTE, "utf8"));
    const config = (extra: object) => writeFileSync(join(dir, "codegen.config.json"), JSON.stringify({ models: ["routes.json"], out: "pkg", typecheck: false, ...extra }, null, 2));
    config({ packageVersion: "1.0.0" });
    const w = (running = new Watcher(startCodegen(["generate", "--watch"], { cwd: dir })));
    await w.until(/^watching 2 paths/m);
    expect(JSON.parse(readFileSync(join(dir, "pkg", "package.json"), "utf8")).version).toBe("1.0.0");

    config({ packageVersion: "not a version" });
    await w.until(/\$\.packageVersion: "not a version" does not match/, 1, "stderr");
    await w.until(/^watching/m, 2);

    config({ packageVersion: "1.1.0" });
    await w.until(/^wrote pkg\/package\.json/m);
    await w.until(/^watching/m, 3);
    expect(JSON.parse(readFileSync(join(dir, "pkg", "package.json"), "utf8")).version).toBe("1.1.0");
    w.child.kill("SIGINT");
    expect(await w.exit).toBe(0);
  });

  it("--json prints one JSON document per run", async () => {
    const dir = tmp();
    const model = join(dir, "routes.json");
    const original = readFileSync(CREATE_ROUTE, "utf8");
    writeFileSync(model, original);
    const w = (running = new Watcher(startCodegen(["generate", "--watch", "--json", "--model", model, "--out", join(dir, "pkg"), "--no-typecheck"])));
    await w.until(/"command":"generate"/);
    writeFileSync(model, "nope");
    await w.until(/"command":"generate"/, 2);
    const docs = w.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(docs.map((d) => [d.ok, d.exitCode])).toEqual([[true, 0], [false, 2]]);
    expect(docs[1].error.diagnostics[0].file).toBe(model);
  });
});

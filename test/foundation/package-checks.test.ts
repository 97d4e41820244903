// generatePackages checks each package while it generates the next: every failed check is
// reported together, a bad model still wins with its own error, and nothing is left running.

import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { generatePackages } from "../../generator/packages.js";

const checked: string[] = [];
vi.mock("../../generator/typecheck/typecheck.js", () => ({
  // A stand-in checker: slow, and failing for every package whose folder name starts with "bad".
  typecheckPackage: async (_files: unknown, label: string) => {
    await new Promise((r) => setTimeout(r, 50));
    checked.push(label);
    if (label.split("/").pop()!.startsWith("bad")) throw new CodegenError([{ file: label, message: "does not type-check" }]);
  },
}));

const model = join(import.meta.dirname, "..", "..", "models", "apigatewayv2-create-route.json");
const settings = { optionality: "client", typecheck: true } as const;
const job = (out: string, models = [model]) => ({ models, out, name: "routes" });

describe("generatePackages with the type-check", () => {
  it("reports the failed checks of every package together, after all of them ended", async () => {
    checked.length = 0;
    const run = generatePackages([job("bad-a"), job("good"), job("bad-b")], settings);
    await expect(run).rejects.toThrow(CodegenError);
    const error = (await run.catch((e: unknown) => e)) as CodegenError;
    expect(error.diagnostics.map((d) => d.file)).toEqual(["bad-a", "bad-b"]);
    expect(checked.sort()).toEqual(["bad-a", "bad-b", "good"]);
  });

  it("a bad model after a failed check throws the model's error, once every check has ended", async () => {
    checked.length = 0;
    const run = generatePackages([job("bad-a"), job("next", [join(import.meta.dirname, "missing.json")])], settings);
    await expect(run).rejects.toThrow(/missing\.json/);
    expect(checked).toEqual(["bad-a"]);
  });

  it("returns every package when every check passes", async () => {
    const results = await generatePackages([job("one"), job("two")], settings);
    expect(results.map((r) => r.job.out)).toEqual(["one", "two"]);
  });
});

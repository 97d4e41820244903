// generated/ is golden output: regenerating every model in memory must give the committed
// bytes exactly, and generating twice must give the same bytes.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePackages, planPackages } from "../../generator/packages.js";

const root = join(import.meta.dirname, "..", "..");
const STALE = "generated/ is stale: run `npm run generate` and commit the result";

function filesOnDisk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => !p.startsWith("node_modules/") && !p.startsWith("dist/"))
    .sort();
}

describe("golden output", async () => {
  const jobs = await planPackages(undefined, undefined, join(root, "models"));
  const first = await generatePackages(jobs, { optionality: "client", typecheck: true });

  it("covers every model in models/", () => {
    expect(jobs.map((j) => j.name)).toContain("apigatewayv2-create-route");
    expect(readdirSync(join(root, "generated")).sort()).toEqual(jobs.map((j) => j.name).sort());
  });

  for (const { job, files } of first) {
    it(`${job.name}: generated/ matches the generator byte for byte`, () => {
      expect(filesOnDisk(job.out), STALE).toEqual(files.map((f) => f.path));
      for (const file of files) {
        expect(readFileSync(join(job.out, file.path), "utf8"), `${STALE} (${file.path})`).toBe(file.content);
      }
    });
  }

  it("generating twice gives identical bytes", async () => {
    const second = await generatePackages(jobs, { optionality: "client", typecheck: false });
    expect(second).toEqual(first);
  });
});

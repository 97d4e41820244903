// Templates are precompiled by the build (generator/render/precompile.ts). The built CLI must
// take that path, and it must emit exactly what compiling the templates from source emits.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTemplateSources } from "../../generator/render/template-sources.js";

const root = join(import.meta.dirname, "..", "..");
const golden = join(root, "generated", "apigatewayv2-create-route");

function files(dir: string, sub = ""): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(sub, e.name)) : [join(sub, e.name)],
  );
}

describe("precompiled templates", () => {
  it("the build holds every template and partial with the digest of its current source", async () => {
    const built = await import(join(root, "dist", "render", "precompiled-templates.js"));
    const { templates, partials } = readTemplateSources();
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) expect(built.templates[t.name]?.digest, t.name).toBe(t.digest);
    for (const p of partials) expect(built.partials[p.name]?.digest, p.name).toBe(p.digest);
  });

  it("the built CLI (precompiled) writes the golden package that the sources (compiled) produce", () => {
    const out = join(mkdtempSync(join(tmpdir(), "codegen-precompiled-")), "pkg");
    const model = join(root, "models", "apigatewayv2-create-route.json");
    const r = spawnSync(process.execPath, [join(root, "bin", "codegen.js"), "generate", "--model", model, "--out", out, "--no-typecheck", "--quiet"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const expected = files(golden).filter((f) => !f.startsWith("node_modules"));
    expect(files(out).filter((f) => !f.startsWith("node_modules")).sort()).toEqual(expected.sort());
    for (const f of expected) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(golden, f), "utf8"));
  });
});

// The IDL feeds the same loader as the JSON AST: the conformance corpus through the whole load
// step (merge with __shared.json, 1.0 semantics, apply, mixins) printed back as JSON AST, the
// round trip IDL → model → JSON AST → model, the protocol-test corpus as one model, and the CLI.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel, loadModelFiles, type ModelSource } from "../../generator/load/load.js";
import { modelToAst } from "../../generator/model/to-ast.js";
import { canonical, smithyFiles } from "../helpers/ast-compare.js";
import { generate, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";

const root = join(import.meta.dirname, "..", "..");
const corpus = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "smithy", "idl-conformance");
/** Files whose round trip cannot hold, with the reason. */
const NO_ROUND_TRIP: Record<string, string> = {
  "traits.smithy": "its bigDecimal literals exceed a double: they load as Infinity, which JSON writes as null",
};

const read = (file: string): ModelSource => ({ file, text: readFileSync(file, "utf8") });

/** The file with its folder's __shared.json, and the ids that file contributes (left out of comparisons). */
function sourcesOf(file: string): { sources: ModelSource[]; sharedIds: string[] } {
  const shared = join(dirname(file), "__shared.json");
  if (!existsSync(shared)) return { sources: [read(file)], sharedIds: [] };
  const ids = Object.keys((JSON.parse(readFileSync(shared, "utf8")) as { shapes?: object }).shapes ?? {});
  return { sources: [read(file), read(shared)], sharedIds: ids };
}

function astOf(sources: ModelSource[], leaveOut: string[] = []) {
  const ast = modelToAst(loadModel(sources));
  for (const id of leaveOut) delete ast.shapes[id];
  return ast;
}

describe.skipIf(corpus === undefined)(`IDL through the loader (${corpus === undefined ? SHARED_MISSING : "conformance corpus"})`, () => {
  const valid = corpus === undefined ? [] : smithyFiles(join(corpus, "valid"));
  for (const file of valid) {
    const name = relative(join(corpus!, "valid"), file);
    const expected = file.replace(/\.smithy$/, ".json");
    if (existsSync(expected)) {
      it(`loads ${name} to its expected JSON AST`, () => {
        const { sources, sharedIds } = sourcesOf(file);
        expect(canonical(astOf(sources, sharedIds))).toEqual(canonical(JSON.parse(readFileSync(expected, "utf8")) as object));
      });
    }
    it.skipIf(name in NO_ROUND_TRIP)(`round-trips ${name}: IDL → model → JSON AST → model${name in NO_ROUND_TRIP ? ` (skipped: ${NO_ROUND_TRIP[name]})` : ""}`, () => {
      const { sources } = sourcesOf(file);
      const first = astOf(sources);
      const again = astOf([{ file: "roundtrip.json", text: JSON.stringify(first) }]);
      expect(again).toEqual(first);
    });
  }
});

describe.skipIf(SHARED_DIR === undefined)("protocol-test corpus as one model", () => {
  it("loads every .smithy file under protocol-tests/ with the trait definition files", async () => {
    const model = await loadModelFiles([join(SHARED_DIR!, "smithy", "protocol-tests"), join(SHARED_DIR!, "smithy", "traits")]);
    expect(model.shapes.get("aws.protocoltests.restjson#RestJson")?.type).toBe("service");
    expect(model.shapes.get("aws.protocoltests.restjson#HttpPayloadTraits")?.type).toBe("operation");
  });
});

describe("IDL models in the CLI", () => {
  const codegen = (args: string[]) => spawnSync(process.execPath, [join(root, "bin", "codegen.js"), ...args], { encoding: "utf8" });
  const dir = mkdtempSync(join(tmpdir(), "idl-cli-"));
  const model = join(dir, "weather.smithy");
  writeFileSync(
    model,
    [
      '$version: "2"',
      "namespace example.weather",
      "/// A tiny weather service.",
      "service Weather { version: \"2006-03-01\", operations: [GetCity] }",
      "@readonly",
      "operation GetCity {",
      "    input := { @required cityId: String }",
      "    output := { name: String, @range(min: -90, max: 90) latitude: Float }",
      "    errors: [NoSuchCity]",
      "}",
      '@error("client")',
      "structure NoSuchCity { message: String }",
      "",
    ].join("\n"),
  );

  it("ast prints the model as JSON AST without the prelude", () => {
    const r = codegen(["ast", model]);
    expect(r.status, r.stderr).toBe(0);
    const ast = JSON.parse(r.stdout) as { smithy: string; shapes: Record<string, { type: string }> };
    expect(ast.smithy).toBe("2.0");
    expect(ast.shapes["example.weather#GetCityInput"]?.type).toBe("structure");
    expect(Object.keys(ast.shapes).some((id) => id.startsWith("smithy.api#"))).toBe(false);
  });

  it("ast reports an invalid model as file:line:column: message and exits 2", () => {
    const bad = join(dir, "bad.smithy");
    writeFileSync(bad, '$version: "2"\nnamespace a.b\n\nstructure Foo {\n    bar: \n}\n');
    const r = codegen(["ast", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: `));
    expect(r.stdout).toBe("");
  });

  it("generate accepts .smithy files and folders of them", async () => {
    const out = join(dir, "pkg");
    const r = codegen(["generate", "--model", dir.concat("/weather.smithy"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, "src", "models.ts"), "utf8")).toMatch(/export interface GetCityInput \{\s*\n\s*cityId: string \| undefined;/);
    const files = await generate([model]);
    await typecheck(files);
  });
});

// The validators of every shared AWS model generate, load, accept the inputs of the models'
// @examples (where a model has them), and report exactly the required members of each operation
// input for an empty object. (They type-check under the strict flags with the whole package in
// test/foundation/aws-models.test.ts.)

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModelFiles } from "../../generator/load/load.js";
import type { Model, Shape } from "../../generator/model/model.js";
import { fileOf, generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { validatorFiles, type Validate } from "./load.js";

const dir = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const models = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** An @examples input (Smithy node values) as the runtime value the generated types describe. */
function fromNode(model: Model, shape: Shape, node: unknown): unknown {
  if (node === null || node === undefined) return node;
  const target = (id: string) => model.shapes.get(id)!;
  switch (shape.type) {
    case "timestamp": return new Date(typeof node === "number" ? node * 1000 : String(node));
    case "blob": return new TextEncoder().encode(String(node));
    case "bigInteger": return BigInt(node as number);
    case "bigDecimal": return String(node);
    case "list": return (node as unknown[]).map((x) => fromNode(model, target(shape.members[0]!.target), x));
    case "map": return Object.fromEntries(Object.entries(node as object).map(([k, v]) => [k, fromNode(model, target(shape.members[1]!.target), v)]));
    case "structure": case "union": {
      const out: Record<string, unknown> = {};
      for (const m of shape.members) if (m.name in (node as object)) out[m.name] = fromNode(model, target(m.target), (node as Record<string, unknown>)[m.name]);
      return out;
    }
    default: return node;
  }
}

describe.skipIf(dir === undefined)(`validators of the shared AWS models (${dir === undefined ? SHARED_MISSING : `${models.length} models`})`, () => {
  for (const file of models) {
    it(`${file}: generate, validate examples and empty inputs`, async () => {
      const path = join(dir!, file);
      const model = await loadModelFiles([path]);
      const files = validatorFiles(await generate([path]));
      const source = fileOf(files, "src/validators.ts");
      const { mod } = await loadGenerated(files);
      const operations = [...model.shapes.values()].filter((s) => s.type === "operation" && s.input !== undefined && s.input !== "smithy.api#Unit");
      expect(operations.length).toBeGreaterThan(0);
      let examples = 0;
      for (const op of operations) {
        const input = model.shapes.get(op.input!)!;
        const name = input.id.slice(input.id.indexOf("#") + 1);
        const validate = (mod[`validate${name}`] ?? mod[`validate_${name}`]) as Validate | undefined;
        expect(validate, `validate${name} in ${file}`).toBeTypeOf("function");
        const required = input.members.filter((m) => m.traits.has("smithy.api#required")).map((m) => `/${m.name}`);
        expect(validate!({}).map((f) => `${f.path} ${f.constraint}`)).toEqual(required.map((p) => `${p} required`));
        for (const example of (op.traits.get("smithy.api#examples") as Array<{ title: string; input?: unknown; error?: unknown }> | undefined) ?? []) {
          if (example.input === undefined || example.error !== undefined) continue;
          examples++;
          expect(validate!(fromNode(model, input, example.input)), `${op.id} example "${example.title}"`).toEqual([]);
        }
      }
      expect(source).toContain("export function validate");
      // Nested aggregates are called, not inlined at every use, so no check function grows with
      // the depth of the model (app-mesh's largest was 100 kB when they were inlined, now 7 kB).
      const largest = Math.max(...source.split(/\n(?=function \$check)/).slice(1).map((f) => f.slice(0, f.indexOf("\n}\n") + 2).length));
      expect(largest, `largest check function of ${file}`).toBeLessThan(20_000);
      console.log(`${file}: ${operations.length} operation inputs, ${examples} @examples inputs accepted`);
    }, 180_000);
  }
});

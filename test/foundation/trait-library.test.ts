// The generator knows every trait of the Smithy distribution (generator/model/trait-library.ts).
// With ../shared present, every trait its definition files define is in the table with the
// same selector and value form, and nothing else is; and a model that applies each trait of the
// table, with a value of its form, loads without the definition files.

import { join } from "node:path";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { describe, expect, it } from "vitest";
import { loadModel, loadModelFiles } from "../../generator/load/load.js";
import type { Shape, ShapeType } from "../../generator/model/model.js";
import { coarseSelector, KNOWN_TRAITS, LIBRARY_SHAPES, type ValueSchema } from "../../generator/model/prelude.js";
import { TRAIT_LIBRARY } from "../../generator/model/trait-library.js";
import { traitValueSchema } from "../../generator/model/trait-schema.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";

const TRAITS_DIR = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "smithy", "traits");

describe.skipIf(TRAITS_DIR === undefined)(`the trait table against Smithy's definition files (${TRAITS_DIR ?? SHARED_MISSING})`, () => {
  it("holds every trait they define, with the same selector and value form, and no other", async () => {
    const model = await loadModelFiles([TRAITS_DIR!]);
    const defined = [...model.shapes.values()].filter((s) => s.traits.has("smithy.api#trait"));
    const table = new Map(TRAIT_LIBRARY.map(([id, selector, value]) => [id, { selector, value }]));
    expect(defined.length).toBeGreaterThan(150);
    for (const shape of defined) {
      const selector = (shape.traits.get("smithy.api#trait") as { selector?: string }).selector ?? "*";
      expect(table.get(shape.id), shape.id).toEqual({ selector: selector.replace(/\s+/g, " "), value: traitValueSchema(model, shape) });
      expect(KNOWN_TRAITS.get(shape.id)?.value, shape.id).toEqual(traitValueSchema(model, shape));
    }
    expect([...table.keys()].sort()).toEqual(defined.map((s) => s.id).sort());
    for (const id of LIBRARY_SHAPES) expect(model.shapes.has(id), id).toBe(true);
  });
});

/** A value of the form `schema` asks for, as small as it can be. */
function valueOf(schema: ValueSchema): unknown {
  switch (schema) {
    case "annotation": return {};
    case "string": case "any": return "x";
    case "boolean": return true;
    case "integer": case "number": return 1;
    case "shapeId": case "shapeRef": return "smithy.api#String";
  }
  if ("list" in schema) return [];
  if ("map" in schema) return {};
  if ("enum" in schema) return schema.enum[0];
  return Object.fromEntries((schema.required ?? []).map((name) => [name, valueOf(schema.struct[name]!)]));
}

/** A JSON AST shape of the given type, with `traits` on the shape or on its member. */
function shapeOf(type: ShapeType, traits: Record<string, unknown>, on: "shape" | "member", memberTarget = "smithy.api#String"): Record<string, unknown> {
  const member = (target: string, extra: Record<string, unknown> = {}) => ({ target, ...(on === "member" ? { traits: { ...extra, ...traits } } : extra) });
  const own = on === "shape" ? { traits } : {};
  switch (type) {
    case "list": return { type, member: member(memberTarget), ...own };
    case "map": return { type, key: { target: "smithy.api#String" }, value: member(memberTarget), ...own };
    case "structure": case "union": return { type, members: { m: member(memberTarget) }, ...own };
    case "enum": return { type, members: { A: member("smithy.api#Unit") }, ...own };
    case "intEnum": return { type, members: { A: member("smithy.api#Unit", { "smithy.api#enumValue": 1 }) }, ...own };
    case "service": return { type, version: "1", ...own };
    case "operation": return { type, input: { target: "smithy.api#Unit" }, output: { target: "smithy.api#Unit" }, ...own };
    default: return { type, ...own };
  }
}

const TARGET_OF: Partial<Record<ShapeType, string>> = {
  string: "smithy.api#String", blob: "smithy.api#Blob", boolean: "smithy.api#Boolean", timestamp: "smithy.api#Timestamp",
  document: "smithy.api#Document", byte: "smithy.api#Byte", short: "smithy.api#Short", integer: "smithy.api#Integer",
  long: "smithy.api#Long", float: "smithy.api#Float", double: "smithy.api#Double", bigInteger: "smithy.api#BigInteger",
  bigDecimal: "smithy.api#BigDecimal", list: "t#List", map: "t#Map", structure: "t#Structure", union: "t#Union", enum: "t#Enum",
};
/** The aggregate shapes members above may target. */
const TARGETS = {
  "t#List": { type: "list", member: { target: "smithy.api#String" } },
  "t#Map": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
  "t#Structure": { type: "structure", members: {} },
  "t#Union": { type: "union", members: { a: { target: "smithy.api#String" } } },
  "t#Enum": { type: "enum", members: { A: { target: "smithy.api#Unit" } } },
};

describe("every trait of the table", () => {
  it("loads when a model applies it where its selector allows, with a value of its form", () => {
    const shapes: Record<string, unknown> = { ...TARGETS };
    for (const [i, [id]] of TRAIT_LIBRARY.entries()) {
      const { value, selector } = KNOWN_TRAITS.get(id)!;
      const traits = { [id]: valueOf(value) };
      const shapeType = selector?.shapes?.[0];
      if (selector === undefined || shapeType !== undefined) {
        shapes[`t#S${i}`] = shapeOf(shapeType ?? "structure", traits, "shape");
      } else {
        const owner = selector.memberOf?.[0] ?? "structure";
        const target = selector.members?.flatMap((t) => (t === "*" ? [] : [TARGET_OF[t]])).find((t) => t !== undefined);
        shapes[`t#S${i}`] = shapeOf(owner, traits, "member", target);
      }
    }
    const model = loadModel([{ file: "every-trait.json", text: JSON.stringify({ smithy: "2.0", shapes }, null, 1) }]);
    const applied = [...model.shapes.values()].flatMap((s: Shape) => [...s.traits.keys(), ...s.members.flatMap((m) => [...m.traits.keys()])]);
    for (const [id] of TRAIT_LIBRARY) expect(applied, id).toContain(id);
  });
});

/** A service whose shapes carry the given traits (shape name → trait id → value). */
function serviceWith(traits: { service?: object; operation?: object; resource?: object; member?: object }) {
  return JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], resources: [{ target: "ex#Thing" }], traits: traits.service ?? {} },
      "ex#Thing": { type: "resource", traits: traits.resource ?? {} },
      "ex#Get": { type: "operation", input: { target: "ex#GetInput" }, output: { target: "smithy.api#Unit" }, traits: traits.operation ?? {} },
      "ex#GetInput": { type: "structure", members: { Name: { target: "smithy.api#String", traits: traits.member ?? {} } } },
    },
  }, null, 1);
}

describe("traits of the trait libraries in real AWS models", () => {
  it("IAM and CloudFormation traits load without the definition files", () => {
    const model = loadModel([{
      file: "aws.json",
      text: serviceWith({
        service: {
          "aws.iam#defineConditionKeys": { "ex:Name": { type: "String", documentation: "d" } },
          "aws.iam#disableConditionKeyInference": {},
          "aws.iam#supportedPrincipalTypes": ["Root", "IAMUser"],
        },
        operation: { "aws.iam#iamAction": { documentation: "Grants permission" }, "aws.iam#conditionKeys": ["ex:Name"] },
        resource: { "aws.cloudformation#cfnResource": { name: "Thing" } },
        member: { "aws.cloudformation#cfnMutability": "read" },
      }),
    }]);
    expect(model.shapes.get("ex#Get")?.traits.get("aws.iam#iamAction")).toEqual({ documentation: "Grants permission" });
  });

  it("a library trait with a value of the wrong form, or on a shape its selector excludes, is an error naming the shape", () => {
    const load = (traits: Parameters<typeof serviceWith>[0]) => () => loadModel([{ file: "aws.json", text: serviceWith(traits) }]);
    expect(load({ member: { "aws.cloudformation#cfnMutability": "sometimes" } })).toThrow(
      /aws\.json:\d+:\d+: ex#GetInput\$Name: trait aws\.cloudformation#cfnMutability has an invalid value: expected one of full, create-and-read, create, read, write, found "sometimes"/,
    );
    expect(load({ resource: { "aws.iam#iamAction": {} } })).toThrow(/ex#Thing: trait aws\.iam#iamAction cannot be applied to a resource/);
  });
});

describe("an unknown trait", () => {
  const text = serviceWith({ operation: { "aws.iam#iamActoin": {} } });

  it("is an error by default, naming file, line, shape and trait", () => {
    expect(() => loadModel([{ file: "typo.json", text }])).toThrow(/typo\.json:\d+:\d+: ex#Get: unknown trait aws\.iam#iamActoin/);
  });

  it("is a warning naming file, line, shape and trait with allowUnknownTraits, and the model loads", () => {
    const warnings: Diagnostic[] = [];
    const model = loadModel([{ file: "typo.json", text }], { allowUnknownTraits: true, warnings });
    expect(model.shapes.has("ex#Get")).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ file: "typo.json", line: expect.any(Number), shape: "ex#Get", message: expect.stringMatching(/^warning: unknown trait aws\.iam#iamActoin is ignored/) })]);
  });
});

describe("the enforced form of a library selector", () => {
  it.each([
    ["service", { shapes: ["service"] }],
    [":test(service, resource, operation)", { shapes: ["service", "resource", "operation"] }],
    ["structure > member", { shapes: [], members: ["*"], memberOf: ["structure"] }],
    [":test(string, member > string)", { shapes: ["string"], members: ["string"] }],
    ["blob[trait|streaming]", { shapes: ["blob"] }],
  ])("%s is enforced", (selector, expected) => {
    expect(coarseSelector(selector)).toEqual(expected);
  });

  it.each(["*", "operation -[input]-> structure > member", ":not(member)", "service [trait|xmlNamespace]", ":is(structure, union) > member"])(
    "%s is not enforced (accepted anywhere)",
    (selector) => {
      expect(coarseSelector(selector)).toBeUndefined();
    },
  );
});

// The load step (generator/load): JSON AST 1.0 upgrade, mixins, apply, merging files, the
// prelude, and where errors point. Expectations come from the Smithy spec (mixins.rst,
// json-ast.rst, model.rst "Prelude" and "Merging models").

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { loadModel, loadModelFiles } from "../../generator/load/load.js";
import type { Model, Shape } from "../../generator/model/model.js";
import { modelFromJson } from "../helpers/codegen.js";

const doc = (shapes: Record<string, unknown>, smithy = "2.0") => ({ smithy, shapes });

function shape(model: Model, id: string): Shape {
  const s = model.shapes.get(id);
  if (s === undefined) throw new Error(`no shape ${id}`);
  return s;
}

function member(model: Model, id: string) {
  const [shapeId, name] = id.split("$") as [string, string];
  const m = shape(model, shapeId).members.find((x) => x.name === name);
  if (m === undefined) throw new Error(`no member ${id}`);
  return m;
}

function loadError(docs: Record<string, unknown>): CodegenError {
  try {
    modelFromJson(docs);
  } catch (e) {
    if (e instanceof CodegenError) return e;
    throw e;
  }
  throw new Error("the model loaded without an error");
}

describe("JSON AST 1.0", () => {
  const model = modelFromJson({
    "v1.json": doc({
      "ex#Names": { type: "set", member: { target: "smithy.api#String" } },
      "ex#Count": { type: "integer" },
      "ex#BoxedCount": { type: "integer", traits: { "smithy.api#box": {} } },
      "ex#Flag": { type: "boolean" },
      "ex#Holder": {
        type: "structure",
        members: {
          names: { target: "ex#Names" },
          count: { target: "ex#Count" },
          boxedMember: { target: "ex#Count", traits: { "smithy.api#box": {} } },
          boxedTarget: { target: "ex#BoxedCount" },
          primitive: { target: "smithy.api#PrimitiveLong" },
          boxedPrelude: { target: "smithy.api#Integer" },
          flag: { target: "ex#Flag" },
          text: { target: "smithy.api#String" },
        },
      },
    }, "1.0"),
  });

  it("reads a set as a list with @uniqueItems", () => {
    const names = shape(model, "ex#Names");
    expect(names.type).toBe("list");
    expect(names.traits.has("smithy.api#uniqueItems")).toBe(true);
    expect(names.members.map((m) => [m.name, m.target])).toEqual([["member", "smithy.api#String"]]);
  });

  it("gives non-boxed numbers and booleans their zero @default, on shapes and members", () => {
    expect(shape(model, "ex#Count").traits.get("smithy.api#default")).toBe(0);
    expect(shape(model, "ex#Flag").traits.get("smithy.api#default")).toBe(false);
    expect(shape(model, "ex#BoxedCount").traits.has("smithy.api#default")).toBe(false);
    expect(member(model, "ex#Holder$count").traits.get("smithy.api#default")).toBe(0);
    expect(member(model, "ex#Holder$flag").traits.get("smithy.api#default")).toBe(false);
    expect(member(model, "ex#Holder$primitive").traits.get("smithy.api#default")).toBe(0);
    for (const boxed of ["boxedMember", "boxedTarget", "boxedPrelude", "text", "names"]) {
      expect(member(model, `ex#Holder$${boxed}`).traits.has("smithy.api#default"), boxed).toBe(false);
    }
  });

  it("leaves 2.0 documents as written", () => {
    const v2 = modelFromJson({ "v2.json": doc({ "ex#Count": { type: "integer" } }) });
    expect(shape(v2, "ex#Count").traits.has("smithy.api#default")).toBe(false);
  });
});

describe("mixins", () => {
  const model = modelFromJson({
    "mixins.json": doc({
      "ex#Base": {
        type: "structure",
        traits: {
          "smithy.api#mixin": { localTraits: ["smithy.api#private"] },
          "smithy.api#private": {},
          "smithy.api#tags": ["base"],
          "smithy.api#documentation": "Base docs",
        },
        members: {
          id: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#documentation": "Generic id" } },
          created: { target: "smithy.api#Timestamp" },
        },
      },
      "ex#Audited": {
        type: "structure",
        traits: { "smithy.api#mixin": {}, "smithy.api#tags": ["audited"], "smithy.api#sensitive": {} },
        members: { auditor: { target: "smithy.api#String" } },
      },
      "ex#Thing": {
        type: "structure",
        mixins: [{ target: "ex#Base" }, { target: "ex#Audited" }],
        traits: { "smithy.api#documentation": "Thing docs" },
        members: {
          id: { target: "smithy.api#String", traits: { "smithy.api#documentation": "The thing's id" } },
          name: { target: "smithy.api#String" },
        },
      },
      "ex#Other": { type: "structure", mixins: [{ target: "ex#Base" }], members: {} },
      "ex#Thing$created": { type: "apply", traits: { "smithy.api#documentation": "When the thing was made" } },
    }),
  });

  it("copies the members, mixin members first, as members of the shape that uses them", () => {
    const thing = shape(model, "ex#Thing");
    expect(thing.members.map((m) => m.name)).toEqual(["id", "created", "auditor", "name"]);
    expect(thing.members.map((m) => m.id)).toEqual(["ex#Thing$id", "ex#Thing$created", "ex#Thing$auditor", "ex#Thing$name"]);
    expect(thing.mixins).toEqual([]);
  });

  it("copies member traits; a redefined member's own traits take precedence", () => {
    const id = member(model, "ex#Thing$id");
    expect(id.traits.has("smithy.api#required")).toBe(true);
    expect(id.traits.get("smithy.api#documentation")).toBe("The thing's id");
    expect(member(model, "ex#Other$id").traits.get("smithy.api#documentation")).toBe("Generic id");
  });

  it("applies to a mixed-in member change only that shape's copy", () => {
    expect(member(model, "ex#Thing$created").traits.get("smithy.api#documentation")).toBe("When the thing was made");
    expect(member(model, "ex#Other$created").traits.has("smithy.api#documentation")).toBe(false);
    expect(member(model, "ex#Base$created").traits.has("smithy.api#documentation")).toBe(false);
  });

  it("copies shape traits except @mixin and localTraits; later mixins and the shape's own win", () => {
    const thing = shape(model, "ex#Thing");
    expect(thing.traits.has("smithy.api#mixin")).toBe(false);
    expect(thing.traits.has("smithy.api#private")).toBe(false);
    expect(thing.traits.get("smithy.api#sensitive")).toEqual({});
    expect(thing.traits.get("smithy.api#tags")).toEqual(["audited"]);
    expect(thing.traits.get("smithy.api#documentation")).toBe("Thing docs");
    expect(shape(model, "ex#Other").traits.get("smithy.api#documentation")).toBe("Base docs");
    // The mixin itself keeps its traits.
    expect(shape(model, "ex#Base").traits.has("smithy.api#private")).toBe(true);
  });

  it("flattens mixins of mixins", () => {
    const chained = modelFromJson({
      "chain.json": doc({
        "ex#A": { type: "structure", traits: { "smithy.api#mixin": {}, "smithy.api#tags": ["a"] }, members: { a: { target: "smithy.api#String" } } },
        "ex#B": { type: "structure", mixins: [{ target: "ex#A" }], traits: { "smithy.api#mixin": {} }, members: { b: { target: "smithy.api#String" } } },
        "ex#C": { type: "structure", mixins: [{ target: "ex#B" }], members: { c: { target: "smithy.api#String" } } },
      }),
    });
    expect(shape(chained, "ex#C").members.map((m) => m.name)).toEqual(["a", "b", "c"]);
    expect(shape(chained, "ex#C").traits.get("smithy.api#tags")).toEqual(["a"]);
  });

  it("rejects a redefined member with another target", () => {
    const error = loadError({
      "m.json": doc({
        "ex#A": { type: "structure", traits: { "smithy.api#mixin": {} }, members: { a: { target: "smithy.api#String" } } },
        "ex#B": { type: "structure", mixins: [{ target: "ex#A" }], members: { a: { target: "smithy.api#Integer" } } },
      }),
    });
    expect(error.message).toMatch(/ex#B\$a: member a redefines a mixin member with a different target/);
  });
});

describe("apply", () => {
  it("adds traits to shapes and members; lists concatenate, equal values are fine", () => {
    const model = modelFromJson({
      "a.json": doc({
        "ex#Thing": { type: "structure", traits: { "smithy.api#tags": ["one"] }, members: { name: { target: "smithy.api#String" } } },
      }),
      "b.json": doc({
        "ex#Thing": { type: "apply", traits: { "smithy.api#tags": ["two"], "smithy.api#documentation": "Docs from b" } },
        "ex#Thing$name": { type: "apply", traits: { "smithy.api#required": {} } },
      }),
      "c.json": doc({ "ex#Thing": { type: "apply", traits: { "smithy.api#documentation": "Docs from b" } } }),
    });
    expect(shape(model, "ex#Thing").traits.get("smithy.api#tags")).toEqual(["one", "two"]);
    expect(shape(model, "ex#Thing").traits.get("smithy.api#documentation")).toBe("Docs from b");
    expect(member(model, "ex#Thing$name").traits.has("smithy.api#required")).toBe(true);
  });

  it("rejects two different values of one trait", () => {
    const error = loadError({
      "a.json": doc({ "ex#Thing": { type: "string", traits: { "smithy.api#documentation": "A" } } }),
      "b.json": doc({ "ex#Thing": { type: "apply", traits: { "smithy.api#documentation": "B" } } }),
    });
    expect(error.diagnostics[0]).toMatchObject({ file: "b.json", shape: "ex#Thing" });
    expect(error.message).toMatch(/trait smithy\.api#documentation conflicts/);
  });
});

describe("several files", () => {
  const thing = { type: "structure", members: { name: { target: "smithy.api#String" } } };

  it("accept the same shape defined identically in two files", () => {
    const model = modelFromJson({
      "a.json": doc({ "ex#Thing": thing, "ex#A": { type: "string" } }),
      "b.json": doc({ "ex#Thing": thing, "ex#B": { type: "string" } }),
    });
    expect(shape(model, "ex#Thing").members.map((m) => m.name)).toEqual(["name"]);
    expect(model.shapes.has("ex#A") && model.shapes.has("ex#B")).toBe(true);
  });

  it("reject the same shape defined differently, naming both places", () => {
    const error = loadError({
      "a.json": doc({ "ex#Thing": thing }),
      "b.json": doc({ "ex#Thing": { ...thing, traits: { "smithy.api#documentation": "different" } } }),
    });
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ file: "b.json", shape: "ex#Thing" });
    expect(error.message).toMatch(/defined twice with different definitions \(also at a\.json:\d+\)/);
  });

  it("load a folder as all the model files under it", async () => {
    await expect(loadModelFiles(["test/fixtures/bad/conflicting-definitions"])).rejects.toThrow(/a\.json[\s\S]*b\.json|b\.json[\s\S]*a\.json/);
  });
});

describe("the prelude", () => {
  const model = modelFromJson({ "empty.json": doc({}) });

  it("holds Smithy's simple shapes and Unit", () => {
    const expected: Record<string, string> = {
      String: "string", Blob: "blob", BigInteger: "bigInteger", BigDecimal: "bigDecimal", Timestamp: "timestamp",
      Document: "document", Boolean: "boolean", Byte: "byte", Short: "short", Integer: "integer", Long: "long",
      Float: "float", Double: "double", PrimitiveBoolean: "boolean", PrimitiveByte: "byte", PrimitiveShort: "short",
      PrimitiveInteger: "integer", PrimitiveLong: "long", PrimitiveFloat: "float", PrimitiveDouble: "double", Unit: "structure",
    };
    for (const [name, type] of Object.entries(expected)) expect(shape(model, `smithy.api#${name}`).type, name).toBe(type);
    expect(shape(model, "smithy.api#Unit").traits.has("smithy.api#unitType")).toBe(true);
    expect(shape(model, "smithy.api#Unit").members).toEqual([]);
  });

  it("gives the Primitive* shapes a zero default and the others none", () => {
    expect(shape(model, "smithy.api#PrimitiveBoolean").traits.get("smithy.api#default")).toBe(false);
    for (const name of ["PrimitiveByte", "PrimitiveShort", "PrimitiveInteger", "PrimitiveLong", "PrimitiveFloat", "PrimitiveDouble"]) {
      expect(shape(model, `smithy.api#${name}`).traits.get("smithy.api#default"), name).toBe(0);
    }
    for (const name of ["Boolean", "Integer", "Long", "String"]) {
      expect(shape(model, `smithy.api#${name}`).traits.has("smithy.api#default"), name).toBe(false);
    }
  });

  it("lets members target prelude shapes", () => {
    const m = modelFromJson({ "m.json": doc({ "ex#S": { type: "structure", members: { at: { target: "smithy.api#Timestamp" } } } }) });
    expect(member(m, "ex#S$at").target).toBe("smithy.api#Timestamp");
  });
});

describe("error positions", () => {
  /** 1-based line and column of the `n`th occurrence of `needle`. */
  function positionOf(text: string, needle: string, n = 1) {
    let offset = -1;
    for (let i = 0; i < n; i++) offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`no ${needle} in the text`);
    const lines = text.slice(0, offset).split("\n");
    return { line: lines.length, column: lines.at(-1)!.length + 1 };
  }

  async function diagnosticsOf(path: string) {
    try {
      await loadModelFiles([path]);
    } catch (e) {
      if (e instanceof CodegenError) return { text: readFileSync(path, "utf8"), diagnostics: e.diagnostics };
      throw e;
    }
    throw new Error(`${path} loaded without an error`);
  }

  it("a dangling target points at the member", async () => {
    const path = "test/fixtures/bad/dangling-target.json";
    const { text, diagnostics } = await diagnosticsOf(path);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: path, shape: "example.bad#GetThingInput$Payload", ...positionOf(text, '"Payload"') });
    expect(diagnostics[0]!.sourceLine).toBe(text.split("\n")[diagnostics[0]!.line! - 1]);
  });

  it("a duplicate member points at its second definition", async () => {
    const path = "test/fixtures/bad/duplicate-member.json";
    const { text, diagnostics } = await diagnosticsOf(path);
    expect(diagnostics[0]).toMatchObject({ file: path, ...positionOf(text, '"Name"', 2) });
  });

  it("a trait on the wrong shape points at the shape", async () => {
    const path = "test/fixtures/bad/length-on-boolean.json";
    const { text, diagnostics } = await diagnosticsOf(path);
    // The shape's definition object starts right after its key.
    const key = positionOf(text, '"example.bad#Flag"');
    expect(diagnostics[0]).toMatchObject({ line: key.line, column: key.column + '"example.bad#Flag": '.length });
  });

  it("a syntax error points at the character", () => {
    const text = '{\n  "smithy": "2.0",\n  "shapes": {\n    "ex#A": { "type": "string" ]\n  }\n}\n';
    try {
      loadModel([{ file: "s.json", text }]);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(CodegenError);
      expect((e as CodegenError).diagnostics[0]).toMatchObject({ file: "s.json", ...positionOf(text, "]") });
    }
  });
});

// A generated file's imports are made from what its emitter named by reference: model types
// from models.ts, error classes and guards from errors.ts (a type-only name as `import type`, a
// value in its own declaration), nothing from the file itself, and a clash with one of the
// file's own declarations refused with the shape to rename.

import { describe, expect, it } from "vitest";
import { FileImports } from "../../generator/codegen/file-imports.js";
import { ShapeIndex, serviceClosure } from "../../generator/index/shape-index.js";
import { SymbolProvider } from "../../generator/symbols/symbol-provider.js";
import { modelFromJson } from "../helpers/codegen.js";

const model = modelFromJson({
  "imports.json": {
    smithy: "2.0",
    shapes: {
      "ex#Service": { type: "service", version: "1", operations: [{ target: "ex#Put" }] },
      "ex#Put": { type: "operation", input: { target: "ex#PutInput" }, output: { target: "ex#PutOutput" }, errors: [{ target: "ex#Missing" }] },
      "ex#PutInput": { type: "structure", members: { item: { target: "ex#Item" }, doc: { target: "smithy.api#Document" } }, traits: { "smithy.api#input": {} } },
      "ex#PutOutput": { type: "structure", members: {}, traits: { "smithy.api#output": {} } },
      "ex#Item": { type: "structure", members: { colour: { target: "ex#Colour" }, tags: { target: "ex#Tags" } } },
      "ex#Tags": { type: "list", member: { target: "ex#Colour" } },
      "ex#Colour": { type: "enum", members: { RED: { target: "smithy.api#Unit" } } },
      "ex#Missing": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
    },
  },
});
const index = new ShapeIndex(model);
const closure = serviceClosure(index, index.shape("ex#Service"));
const symbols = new SymbolProvider(index, closure);
const shape = (id: string) => index.shape(id);

describe("FileImports", () => {
  it("imports the named types a type expression mentions, and @smithy/types ones aliased", () => {
    const file = new FileImports(symbols);
    expect(file.memberType(shape("ex#Item").members[1]!)).toBe("Colour[]");
    expect(file.type(shape("ex#PutInput"))).toBe("PutInput");
    expect(file.memberType(shape("ex#PutInput").members[1]!)).toBe("__DocumentType");
    expect(file.localImportLines()).toBe(`import type { Colour, PutInput } from "./models.js";`);
    expect(file.importLines()).toBe(`import type { DocumentType as __DocumentType } from "@smithy/types";`);
  });

  it("writes an error used as a value in its own declaration, after the names used as types only", () => {
    const file = new FileImports(symbols);
    const put = shape("ex#Put");
    expect(file.errorUnion(put)).toBe("PutError");
    expect(file.guard(shape("ex#Missing"))).toBe("isMissing");
    expect(file.shape(shape("ex#Missing"))).toBe("Missing");
    expect(file.errorClass(shape("ex#Missing"))).toBe("Missing");
    expect(file.inputType(put)).toBe("PutInput");
    expect(file.localImportLines()).toBe([
      `import type { PutError } from "./errors.js";`,
      `import { Missing, isMissing } from "./errors.js";`,
      `import type { PutInput } from "./models.js";`,
    ].join("\n"));
  });

  it("imports nothing from the module it is", () => {
    const file = new FileImports(symbols, "models");
    file.type(shape("ex#Item"));
    file.type(shape("ex#Missing"));
    expect(file.localImportLines()).toBe(`import type { Missing } from "./errors.js";`);
  });

  it("refuses an imported name the file declares itself, naming the service", () => {
    const file = new FileImports(symbols);
    file.type(shape("ex#Item"));
    expect(() => file.checkLocals(new Set(["Item"]), closure.service, "protocol.ts")).toThrow(/ex#Service.*Item collides with a function of the generated protocol\.ts/s);
    expect(() => file.checkLocals(new Set(["se_Item"]), closure.service, "protocol.ts")).not.toThrow();
  });
});

// Names the validators add (validate<Shape>, assertValid<Shape>, <Shape>Schema,
// ValidationException, ValidationFailure, StandardSchemaV1) are planned by the symbol provider:
// a model shape that holds one keeps it, and the validator's name takes the fallback (the
// service-prefixed form for the contract's fixed names, else a `_2` suffix).

import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { fileOf, generate, loadGenerated, modelFromJson, typecheck } from "../helpers/codegen.js";
import { thrown, validatorFiles, type Validate } from "./load.js";

function service(shapes: Record<string, unknown>, errors: string[] = []) {
  return modelFromJson({
    "names.json": {
      smithy: "2.0",
      shapes: {
        "n#Svc": { type: "service", version: "1", operations: [{ target: "n#Put" }], traits: { "aws.api#service": { sdkId: "Name Test" } } },
        "n#Put": { type: "operation", input: { target: "n#PutInput" }, output: { target: "smithy.api#Unit" }, errors: errors.map((target) => ({ target })) },
        ...shapes,
      },
    },
  });
}

const structure = (members: Record<string, string>, traits: Record<string, unknown> = {}) => ({
  type: "structure",
  members: Object.fromEntries(Object.entries(members).map(([name, target]) => [name, { target }])),
  traits,
});

describe("names of the generated validators", () => {
  it("a model's own ValidationException keeps its name; the validators' exception takes the service prefix", async () => {
    const files = await generate(service({
      "n#PutInput": { type: "structure", members: { name: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } } },
      "n#ValidationException": structure({ message: "smithy.api#String" }, { "smithy.api#error": "client" }),
    }, ["n#ValidationException"]));
    const own = validatorFiles(files);
    await typecheck(own, "validators-names");
    const { mod } = await loadGenerated(own);
    const error = thrown(() => (mod.assertValidPutInput as (v: unknown) => void)({}));
    expect(error).toBeInstanceOf(mod.NameTestValidationException as new () => Error);
    expect(error?.name).toBe("NameTestValidationException");
    expect(fileOf(files, "src/errors.ts")).toMatch(/export class ValidationException extends/);
  });

  it("a shape holding a validator's name keeps it; the validator's takes the numbered fallback", async () => {
    const files = validatorFiles(await generate(service({
      "n#PutInput": structure({ item: "n#Item", schema: "n#ItemSchema" }),
      "n#Item": structure({ id: "smithy.api#String" }),
      "n#ItemSchema": structure({}),
    })));
    await typecheck(files, "validators-schema-clash");
    const { mod } = await loadGenerated(files);
    const schema = mod.ItemSchema_2 as { "~standard": { validate: (v: unknown) => unknown } };
    expect(schema["~standard"].validate({ id: 1 })).toMatchObject({ issues: [{ message: expect.stringContaining("must be of type string") }] });
    expect(fileOf(files, "src/models.ts")).toMatch(/export interface ItemSchema \{/);
  });

  it("shapes named after globals validate under their escaped names", async () => {
    const files = validatorFiles(await generate(service({ "n#PutInput": structure({ value: "n#Object" }), "n#Object": structure({ Date: "smithy.api#Timestamp" }) })));
    await typecheck(files, "validators-globals");
    const { mod } = await loadGenerated(files);
    expect((mod.validate_Object as Validate)({ Date: "x" })).toEqual([
      { path: "/Date", constraint: "type", message: "Value at '/Date' failed to satisfy constraint: Member must be of type timestamp" },
    ]);
  });

  it("a list that recurses through lists alone is rejected, as Smithy requires", () => {
    // Smithy: a recursive reference path must pass through a structure or union.
    expect(() =>
      service({
        "n#PutInput": { type: "structure", members: { nested: { target: "n#Nested" } } },
        "n#Nested": { type: "list", member: { target: "n#Nested" } },
      }),
    ).toThrow(/lists and maps form a cycle without a structure or union: n#Nested -> n#Nested/);
  });

  it("an operation without input still gets the shared declarations", async () => {
    const files = await generate(modelFromJson({
      "unit.json": {
        smithy: "2.0",
        shapes: {
          "u#Svc": { type: "service", version: "1", operations: [{ target: "u#Ping" }] },
          "u#Ping": { type: "operation", input: { target: "smithy.api#Unit" }, output: { target: "smithy.api#Unit" } },
        },
      },
    }));
    expect(fileOf(files, "src/validators.ts")).toContain("export class ValidationException extends ValidationError");
    expect(fileOf(files, "src/validators.ts")).not.toContain("export function validate");
  });

  it("an invalid @pattern fails generation naming the shape", async () => {
    const model = service({ "n#PutInput": structure({ code: "n#Code" }), "n#Code": { type: "string", traits: { "smithy.api#pattern": "([a-z]" } } });
    const error = await generate(model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as Error).message).toMatch(/n#Code: @pattern is not a regular expression: as ECMAScript .*; as Java: unclosed group .*"\(\[a-z\]"/);
  });
});

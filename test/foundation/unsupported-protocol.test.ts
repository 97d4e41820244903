// A service whose protocol has no plugin (one the model defines itself, with @protocolDefinition)
// still gets types, errors and validators, compiles, and says in its index that the protocol is
// not supported: never a crash.

import { describe, expect, it } from "vitest";
import { fileOf, generate, modelFromJson, typecheck } from "../helpers/codegen.js";

const model = (protocol: string) =>
  modelFromJson({
    "m.json": {
      smithy: "2.0",
      shapes: {
        "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Put" }], traits: { [protocol]: {} } },
        "ex#Put": { type: "operation", input: { target: "ex#PutInput" }, errors: [{ target: "ex#Oops" }] },
        "ex#PutInput": {
          type: "structure",
          traits: { "smithy.api#input": {} },
          members: { Name: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#length": { min: 1 } } } },
        },
        "ex#myProtocol": { type: "structure", traits: { "smithy.api#trait": { selector: "service" }, "smithy.api#protocolDefinition": {} } },
        "ex#Oops": { type: "structure", traits: { "smithy.api#error": "client" }, members: { Message: { target: "smithy.api#String" } } },
      },
    },
  });

describe("a protocol without a plugin", () => {
  for (const protocol of ["ex#myProtocol"]) {
    it(`${protocol}: types, errors and validators, and a note`, async () => {
      const files = await generate(model(protocol));
      await typecheck(files);
      const paths = files.map((f) => f.path);
      expect(paths.filter((p) => !p.startsWith("src/runtime/"))).toEqual(["package.json", "src/errors.ts", "src/index.ts", "src/models.ts", "src/validators.ts", "tsconfig.json"]);
      // The only runtime is what the validators call and the error classes' base.
      expect(paths.filter((p) => p.startsWith("src/runtime/") && !p.startsWith("src/runtime/validators/"))).toEqual(["src/runtime/client/service-exception.ts"]);
      expect(fileOf(files, "src/index.ts")).toContain(`// Note: protocol ${protocol} is not supported: this package has types, errors and validators, without serializers.`);
      expect(fileOf(files, "src/validators.ts")).toContain("export function validatePutInput");
    });
  }
});

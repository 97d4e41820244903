// Member optionality as the contract states it, in both modes.

import { describe, expect, it } from "vitest";
import { fileOf, generate, modelFromJson, typecheck } from "../helpers/codegen.js";

const member = (traits: Record<string, unknown> = {}, target = "smithy.api#String") => ({ target, traits });
const model = () =>
  modelFromJson({
    "m.json": {
      smithy: "2.0",
      shapes: {
        "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Op" }] },
        "ex#Op": { type: "operation", input: { target: "ex#OpInput" }, output: { target: "ex#OpOutput" } },
        "ex#OpInput": {
          type: "structure",
          traits: { "smithy.api#input": {} },
          members: {
            Required: member({ "smithy.api#required": {} }),
            Defaulted: member({ "smithy.api#default": "x" }),
            Plain: member(),
          },
        },
        "ex#OpOutput": {
          type: "structure",
          traits: { "smithy.api#output": {} },
          members: {
            Required: member({ "smithy.api#required": {} }),
            ClientOptional: member({ "smithy.api#required": {}, "smithy.api#clientOptional": {} }),
            Defaulted: member({ "smithy.api#default": 0 }, "smithy.api#Integer"),
            Plain: member(),
          },
        },
      },
    },
  });

/** The property signature of a member inside an interface, as emitted. */
function signature(source: string, iface: string, name: string): string {
  const body = source.slice(source.indexOf(`export interface ${iface} {`));
  const line = body.split("\n").find((l) => l.trim().startsWith(`${name}:`) || l.trim().startsWith(`${name}?:`));
  return line?.trim() ?? "(missing)";
}

describe("member optionality", () => {
  it("client mode follows Smithy 2.0 client rules", async () => {
    const files = await generate(model());
    await typecheck(files);
    const src = fileOf(files, "src/models.ts");
    expect(signature(src, "OpInput", "Required")).toBe("Required: string | undefined;");
    expect(signature(src, "OpInput", "Defaulted")).toBe("Defaulted?: string | undefined;");
    expect(signature(src, "OpInput", "Plain")).toBe("Plain?: string | undefined;");
    expect(signature(src, "OpOutput", "Required")).toBe("Required: string;");
    expect(signature(src, "OpOutput", "ClientOptional")).toBe("ClientOptional: string | undefined;");
    expect(signature(src, "OpOutput", "Defaulted")).toBe("Defaulted: number;");
    expect(signature(src, "OpOutput", "Plain")).toBe("Plain?: string | undefined;");
  });

  it("authoritative mode trusts @required and @default everywhere", async () => {
    const files = await generate(model(), { options: { optionality: "authoritative" } });
    await typecheck(files);
    const src = fileOf(files, "src/models.ts");
    expect(signature(src, "OpInput", "Required")).toBe("Required: string;");
    expect(signature(src, "OpInput", "Defaulted")).toBe("Defaulted: string;");
    expect(signature(src, "OpOutput", "ClientOptional")).toBe("ClientOptional: string;");
    expect(signature(src, "OpOutput", "Plain")).toBe("Plain?: string | undefined;");
  });
});

// The protocol plugin as part of the generator: which services get a protocol.ts, and clear
// errors (naming the shape) for models that break the HTTP binding rules.

import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { PROTOCOLS, protocolOf } from "../../generator/protocols/index.js";
import { generate, modelFromJson } from "../helpers/codegen.js";
import { operation, structure } from "./support/fixture-model.js";

const service = (traits: Record<string, unknown>, shapes: Record<string, unknown>) => ({
  smithy: "2.0",
  shapes: {
    "test.restjson#Svc": { type: "service", version: "1", operations: [{ target: "test.restjson#Op" }], traits },
    ...shapes,
  },
});
const restJson1 = { "aws.protocols#restJson1": {} };

async function problems(shapes: Record<string, unknown>): Promise<string> {
  try {
    await generate(modelFromJson({ "bad.json": service(restJson1, shapes) }));
  } catch (e) {
    expect(e).toBeInstanceOf(CodegenError);
    return (e as Error).message;
  }
  throw new Error("generation succeeded");
}

describe("protocol plugins", () => {
  it("are keyed by their trait id; a service without a supported protocol gets no protocol.ts", async () => {
    expect([...PROTOCOLS.keys()]).toContain("aws.protocols#restJson1");
    const shapes = { "test.restjson#Op": operation("GET", "/op") };
    expect(protocolOf(modelFromJson({ "a.json": service(restJson1, shapes) }).shapes.get("test.restjson#Svc")!)?.traitId).toBe("aws.protocols#restJson1");
    const files = await generate(modelFromJson({ "a.json": service({}, shapes) }));
    expect(files.map((f) => f.path)).not.toContain("src/protocol.ts");
    expect(files.find((f) => f.path === "src/index.ts")!.content).not.toContain("./protocol.js");
  });
});

describe("models that break the restJson1 binding rules fail with the shape named", () => {
  it("an operation without @http", async () => {
    const message = await problems({ "test.restjson#Op": { type: "operation" } });
    expect(message).toMatch(/test\.restjson#Op: restJson1 needs an @http trait/);
  });

  it("a URI label without an @httpLabel member, and an @httpLabel member without a URI label", async () => {
    const message = await problems({
      "test.restjson#Op": operation("GET", "/things/{id}", "In"),
      "test.restjson#In": structure({ other: ["smithy.api#String", { "smithy.api#httpLabel": {}, "smithy.api#required": {} }] }),
    });
    expect(message).toMatch(/test\.restjson#Op: the URI label \{id\} needs an input member id with @httpLabel/);
    expect(message).toMatch(/test\.restjson#In\$other: @httpLabel member other has no \{other\} label/);
  });

  it("@httpPayload on a list, @httpPrefixHeaders on a map of integers", async () => {
    const message = await problems({
      "test.restjson#Op": operation("POST", "/op", "In"),
      "test.restjson#In": structure({
        items: ["List", { "smithy.api#httpPayload": {} }],
        meta: ["IntMap", { "smithy.api#httpPrefixHeaders": "x-m-" }],
      }),
      "test.restjson#List": { type: "list", member: { target: "smithy.api#String" } },
      "test.restjson#IntMap": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#Integer" } },
    });
    expect(message).toMatch(/test\.restjson#In\$items: restJson1 only allows @httpPayload on a structure, union, document, string or blob member \(got list\)/);
    expect(message).toMatch(/test\.restjson#In\$meta: @httpPrefixHeaders must target a map of strings/);
  });

  it("@httpHeader on a structure (the loader's trait check or the binding check)", async () => {
    const message = await problems({
      "test.restjson#Op": operation("POST", "/op", "In"),
      "test.restjson#In": structure({ nested: ["In2", { "smithy.api#httpHeader": "x-n" }] }),
      "test.restjson#In2": structure({}),
    });
    expect(message).toMatch(/test\.restjson#In\$nested: .*httpHeader.*structure/);
  });
});

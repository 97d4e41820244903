// Generated names are planned before emitting: per-shape serde functions (se_/de_) by the symbol
// provider for the whole closure at once (shape-id order, never a name a model shape has), and a
// protocol's exported functions reserved up front, every clash reported at once.

import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { fileOf, generate, loadGenerated, modelFromJson } from "../helpers/codegen.js";

const times = () => ({ type: "list", member: { target: "smithy.api#Timestamp" } });

function model(order: "ab" | "ba") {
  const lists = { "a.ns#Times": times(), "b.ns#Times": times() };
  const members = order === "ab" ? { first: { target: "a.ns#Times" }, second: { target: "b.ns#Times" } } : { first: { target: "b.ns#Times" }, second: { target: "a.ns#Times" } };
  return {
    smithy: "2.0",
    shapes: {
      "a.ns#Svc": { type: "service", version: "1", operations: [{ target: "a.ns#Op" }], traits: { "aws.protocols#restJson1": {} } },
      "a.ns#Op": { type: "operation", input: { target: "a.ns#OpInput" }, traits: { "smithy.api#http": { method: "POST", uri: "/", code: 200 } } },
      "a.ns#OpInput": { type: "structure", members: { ...members, clash: { target: "a.ns#se_Times" } }, traits: { "smithy.api#input": {} } },
      // A model shape with the name the first function would take.
      "a.ns#se_Times": { type: "structure", members: { v: { target: "smithy.api#String" } } },
      ...lists,
    },
  };
}

describe("se_/de_ function names", () => {
  it("do not depend on the order shapes are used in, and skip names a model shape has", async () => {
    const [ab, ba] = await Promise.all((["ab", "ba"] as const).map(async (order) => fileOf(await generate(modelFromJson({ "m.json": model(order) })), "src/protocol.ts")));
    for (const protocol of [ab, ba]) {
      expect(protocol).toContain("function se_Times_2(");
      expect(protocol).toContain("function se_Times_3(");
      expect(protocol).not.toMatch(/function se_Times\(/);
    }
    // a.ns#Times sorts first: it is se_Times_2 in both.
    expect(ab).toMatch(/first: input\.first == null \? undefined : se_Times_2\(/);
    expect(ba).toMatch(/second: input\.second == null \? undefined : se_Times_2\(/);
    const { mod } = await loadGenerated<Record<string, (...a: unknown[]) => any>>(await generate(modelFromJson({ "m.json": model("ab") })));
    const body = JSON.parse(mod["serializeOpRequest"]!({ first: [new Date(1000)], second: [new Date(2000)], clash: { v: "x" } }, "https://e").body);
    expect(body).toEqual({ first: [1], second: [2], clash: { v: "x" } });
  });
});

describe("a protocol's exported names", () => {
  it("are reserved before emitting: shapes holding them fail together, naming both owners", async () => {
    const m = model("ab");
    const shapes = m.shapes as Record<string, unknown>;
    for (const name of ["serializeOpRequest", "deserializeOpResponse"]) shapes[`a.ns#${name}`] = { type: "structure", members: {} };
    (shapes["a.ns#OpInput"] as { members: Record<string, unknown> }).members["x"] = { target: "a.ns#serializeOpRequest" };
    (shapes["a.ns#OpInput"] as { members: Record<string, unknown> }).members["y"] = { target: "a.ns#deserializeOpResponse" };
    const error = await generate(modelFromJson({ "m.json": m })).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as Error).message).toContain("generated name serializeOpRequest is needed by both a.ns#serializeOpRequest and the request serializer of a.ns#Op");
    expect((error as Error).message).toContain("generated name deserializeOpResponse is needed by both a.ns#deserializeOpResponse and the response deserializer of a.ns#Op");
  });
});

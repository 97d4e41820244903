// generator/index/http-bindings.ts: a service's HTTP bindings are computed and checked once, and a
// model that breaks the binding rules in several operations gets every problem in one error.

import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { httpBindings } from "../../generator/index/http-bindings.js";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import { modelFromJson } from "../helpers/codegen.js";
import { operation, structure } from "../serde/support/fixture-model.js";

const NS = "test.restjson";

function closureOf(shapes: Record<string, unknown>) {
  const index = new ShapeIndex(modelFromJson({ "bindings.json": { smithy: "2.0", shapes } }));
  return { index, closure: serviceClosure(index, index.shape(`${NS}#Svc`)) };
}

const service = (ops: string[]) => ({ type: "service", version: "1", operations: ops.map((op) => ({ target: `${NS}#${op}` })), traits: { "aws.protocols#restJson1": {} } });

describe("HTTP bindings, once per service", () => {
  it("reports the problems of every operation in one CodegenError", () => {
    const { index, closure } = closureOf({
      [`${NS}#Svc`]: service(["A", "B"]),
      [`${NS}#A`]: operation("GET", "/a/{missing}", "AInput"),
      [`${NS}#AInput`]: structure({}, { "smithy.api#input": {} }),
      [`${NS}#B`]: operation("GET", "/b", "BInput"),
      [`${NS}#BInput`]: structure({ id: ["smithy.api#String", { "smithy.api#httpLabel": {}, "smithy.api#required": {} }] }, { "smithy.api#input": {} }),
    });
    let error: unknown;
    try {
      httpBindings(index, closure);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodegenError);
    const messages = (error as CodegenError).diagnostics.map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringContaining("{missing}"),
      expect.stringContaining("@httpLabel member id"),
    ]));
  });

  it("computes a closure's bindings once: client and server read the same objects", () => {
    const { index, closure } = closureOf({
      [`${NS}#Svc`]: service(["A"]),
      [`${NS}#A`]: operation("PUT", "/a/{id}", "AInput"),
      [`${NS}#AInput`]: structure({ id: ["smithy.api#String", { "smithy.api#httpLabel": {}, "smithy.api#required": {} }], body: "smithy.api#String" }, { "smithy.api#input": {} }),
    });
    const op = index.shape(`${NS}#A`);
    const first = httpBindings(index, closure);
    expect(httpBindings(index, closure)).toBe(first);
    expect(first.request(op)).toBe(first.request(op));
    expect(first.request(op).path.filter((s) => s.kind === "label").map((s) => s.member.name)).toEqual(["id"]);
    expect(first.request(op).body.map((m) => m.name)).toEqual(["body"]);
  });
});

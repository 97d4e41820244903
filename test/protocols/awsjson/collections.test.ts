// Lists and maps whose items are converted (here timestamps): a serializer builds new
// collections and leaves the caller's value as it was; a deserializer converts the parsed JSON
// in place; nulls are dropped unless the collection is sparse; a `__proto__` key stays an own
// property both ways.

import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../../helpers/codegen.js";

const NS = "test.collections";
const members = {
  times: { target: `${NS}#Times` }, sparseTimes: { target: `${NS}#SparseTimes` },
  timeMap: { target: `${NS}#TimeMap` }, sparseTimeMap: { target: `${NS}#SparseTimeMap` },
};
const model = {
  smithy: "2.0",
  shapes: {
    [`${NS}#Svc`]: { type: "service", version: "1", operations: [{ target: `${NS}#Echo` }], traits: { "aws.protocols#awsJson1_1": {} } },
    [`${NS}#Echo`]: { type: "operation", input: { target: `${NS}#EchoInput` }, output: { target: `${NS}#EchoOutput` } },
    [`${NS}#EchoInput`]: { type: "structure", members, traits: { "smithy.api#input": {} } },
    [`${NS}#EchoOutput`]: { type: "structure", members, traits: { "smithy.api#output": {} } },
    [`${NS}#Times`]: { type: "list", member: { target: "smithy.api#Timestamp" } },
    [`${NS}#SparseTimes`]: { type: "list", member: { target: "smithy.api#Timestamp" }, traits: { "smithy.api#sparse": {} } },
    [`${NS}#TimeMap`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#Timestamp" } },
    [`${NS}#SparseTimeMap`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#Timestamp" }, traits: { "smithy.api#sparse": {} } },
  },
};

let mod: Record<string, any>;
beforeAll(async () => {
  ({ mod } = await loadGenerated(await generate(modelFromJson({ "collections.json": model }))));
}, 60_000);

describe("awsJson lists and maps of converted values", () => {
  it("serializes into new collections, leaving the caller's value unchanged", () => {
    const protoMap = JSON.parse('{"__proto__": null, "b": null}');
    protoMap.__proto__ = new Date(1000); // an own property: JSON.parse made it one
    const input = {
      times: [new Date(1000), null, new Date(2000)], sparseTimes: [null, new Date(3000)],
      timeMap: { a: new Date(4000), gone: null }, sparseTimeMap: protoMap,
    };
    const before = { ...input, times: [...input.times], sparseTimes: [...input.sparseTimes], timeMap: { ...input.timeMap } };
    const body = mod.serializeEchoRequest(input, "https://example.com").body as string;
    expect(body).toBe('{"times":[1,2],"sparseTimes":[null,3],"timeMap":{"a":4},"sparseTimeMap":{"__proto__":1,"b":null}}');
    expect(input).toEqual(before);
    expect(input.sparseTimeMap).toBe(protoMap);
    expect(Object.keys(protoMap)).toEqual(["__proto__", "b"]);
    expect(Object.getOwnPropertyDescriptor(protoMap, "__proto__")?.value).toEqual(new Date(1000));
  });

  it("deserializes the parsed body in place: nulls dropped unless sparse, __proto__ an own key", async () => {
    const body = '{"times":[1,null,2],"sparseTimes":[null,3],"timeMap":{"a":4,"gone":null},"sparseTimeMap":{"__proto__":5,"b":null}}';
    const output = await mod.deserializeEchoResponse({ statusCode: 200, headers: {}, body });
    expect(output.times).toEqual([new Date(1000), new Date(2000)]);
    expect(output.sparseTimes).toEqual([null, new Date(3000)]);
    expect(output.timeMap).toEqual({ a: new Date(4000) });
    expect(Object.keys(output.sparseTimeMap)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(output.sparseTimeMap)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(output.sparseTimeMap, "__proto__")?.value).toEqual(new Date(5000));
    expect(output.sparseTimeMap.b).toBeNull();
  });
});

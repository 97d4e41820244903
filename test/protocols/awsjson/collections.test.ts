// Lists and maps whose items are converted (here timestamps, and unions): a serializer builds new
// collections, or returns the caller's when nothing in it changes, and leaves the caller's value
// as it was; a deserializer converts the parsed JSON in place; nulls are dropped unless the
// collection is sparse; a `__proto__` key stays an own property both ways.

import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../../helpers/codegen.js";

const NS = "test.collections";
const members = {
  times: { target: `${NS}#Times` }, sparseTimes: { target: `${NS}#SparseTimes` },
  timeMap: { target: `${NS}#TimeMap` }, sparseTimeMap: { target: `${NS}#SparseTimeMap` },
  values: { target: `${NS}#Values` }, sparseValues: { target: `${NS}#SparseValues` },
  valueMap: { target: `${NS}#ValueMap` }, sparseValueMap: { target: `${NS}#SparseValueMap` },
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
    // A union whose member `s` crosses JSON unchanged, `t` does not, and `l` does when its items do.
    [`${NS}#Value`]: { type: "union", members: { s: { target: "smithy.api#String" }, t: { target: "smithy.api#Timestamp" }, l: { target: `${NS}#Values` } } },
    [`${NS}#Values`]: { type: "list", member: { target: `${NS}#Value` } },
    [`${NS}#SparseValues`]: { type: "list", member: { target: `${NS}#Value` }, traits: { "smithy.api#sparse": {} } },
    [`${NS}#ValueMap`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: `${NS}#Value` } },
    [`${NS}#SparseValueMap`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: `${NS}#Value` }, traits: { "smithy.api#sparse": {} } },
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

  it("returns collections of unions that do not change as they are, and copies those that do", () => {
    const values = [{ s: "a" }, { s: "b" }, { l: [{ s: "c" }] }];
    const valueMap = { x: { s: "a" }, y: { s: "b" } };
    const unchanged = { values, valueMap, sparseValues: [{ s: "a" }, null], sparseValueMap: { x: { s: "a" }, y: null } };
    let written: any;
    const stringify = JSON.stringify;
    JSON.stringify = (v: unknown) => ((written = v), stringify(v));
    try {
      mod.serializeEchoRequest(unchanged, "https://example.com");
    } finally {
      JSON.stringify = stringify;
    }
    expect(written.values).toBe(values);
    expect(written.values[0]).toBe(values[0]);
    expect(written.values[2]).toBe(values[2]);
    expect(written.valueMap).toBe(valueMap);
    expect(written.sparseValues).toBe(unchanged.sparseValues);
    expect(written.sparseValueMap).toBe(unchanged.sparseValueMap);

    // A null dropped, a member converted, a union with a second (null) key, an undefined item of a
    // sparse list: each makes a copy, and the caller's value stays as it was.
    const changing = {
      values: [{ s: "a" }, null, { t: new Date(1000) }, { s: "b", t: null }, { l: [{ t: new Date(3000) }] }],
      valueMap: { a: { s: "a" }, gone: null, b: { t: new Date(2000) } },
      sparseValues: [{ s: "a" }, undefined, null],
      sparseValueMap: { a: { s: "a" }, b: { t: null, s: "c" } },
    };
    const before = structuredClone(changing);
    const body = mod.serializeEchoRequest(changing, "https://example.com").body as string;
    expect(JSON.parse(body)).toEqual({
      values: [{ s: "a" }, { t: 1 }, { s: "b" }, { l: [{ t: 3 }] }],
      valueMap: { a: { s: "a" }, b: { t: 2 } },
      sparseValues: [{ s: "a" }, null, null],
      sparseValueMap: { a: { s: "a" }, b: { s: "c" } },
    });
    expect(changing).toEqual(before);
  });

  it("deserializes unions in place when they hold one key, and copies those with more", async () => {
    const body = '{"values":[{"s":"a"},null,{"t":1},{"s":"b","t":null},{"__type":"x","s":"c"},{"l":[{"t":3},null]}],"valueMap":{"a":{"s":"a"},"b":{"t":2}}}';
    const output = await mod.deserializeEchoResponse({ statusCode: 200, headers: {}, body });
    expect(output.values).toEqual([{ s: "a" }, { t: new Date(1000) }, { s: "b" }, { s: "c" }, { l: [{ t: new Date(3000) }] }]);
    expect(output.valueMap).toEqual({ a: { s: "a" }, b: { t: new Date(2000) } });
  });
});

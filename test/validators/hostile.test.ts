// Hostile values never make a validator throw or hang: prototype keys, cycles, huge lists and
// strings, evil patterns on long input, prototype-less objects, getters that throw.

import { beforeAll, describe, expect, it } from "vitest";
import { fixturePackage, validatorOf, type Validate } from "./load.js";

const at = (path: string, rule: string) => `Value at '${path}' failed to satisfy constraint: Member ${rule}`;
let validate: Validate;
beforeAll(async () => {
  validate = await validatorOf("every-constraint", "Everything");
});

/** Runs fn and returns its result with the time it took, in ms. */
function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

describe("hostile input", () => {
  it("__proto__ and constructor keys from JSON.parse are plain members, not the prototype", () => {
    const value = JSON.parse('{"id":"a","__proto__":"x","constructor":{"polluted":true},"labels":{"__proto__":0,"constructor":1}}');
    expect(validate(value)).toEqual([
      { path: "/labels", constraint: "pattern", message: at("/labels", "must satisfy regular expression pattern: ^[a-z]+$") },
      { path: "/labels/__proto__", constraint: "range", message: at("/labels/__proto__", "must be between 1 and 100, inclusive") },
      { path: "/constructor", constraint: "type", message: at("/constructor", "must be of type string") },
      { path: "/__proto__", constraint: "type", message: at("/__proto__", "must be of type integer") },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("inherited members do not count: a member named constructor or toString is absent on a plain object", () => {
    expect(validate({ id: "a" })).toEqual([]);
  });

  it("a prototype-less root and class instances", () => {
    const root = Object.assign(Object.create(null) as object, { id: "a", tree: Object.assign(Object.create(null) as object, { value: "v" }) });
    expect(validate(root)).toEqual([]);
    class Request {
      id = "a";
      get count(): number {
        return 5;
      }
    }
    expect(validate(new Request())).toEqual([]);
  });

  it("a cycle in a recursive value is reported, not followed", () => {
    const tree: Record<string, unknown> = { value: "root" };
    tree.left = tree;
    tree.children = [tree, { value: "leaf", right: tree }];
    const [failures, ms] = timed(() => validate({ id: "a", tree }));
    expect(failures).toEqual(
      ["/tree/children/0", "/tree/children/1/right", "/tree/left"].map((path) => ({ path, constraint: "type", message: at(path, "must not contain a reference cycle") })),
    );
    expect(ms).toBeLessThan(1000);
  });

  it("a cycle in a document or a uniqueItems list does not hang", () => {
    const doc: Record<string, unknown> = { a: 1 };
    doc.self = doc;
    const point: Record<string, unknown> = { x: 1 };
    point.label = point;
    const [failures] = timed(() => validate({ id: "a", doc, points: [point, point] }));
    expect(failures.map((f) => `${f.path} ${f.constraint}`)).toEqual(["/doc type", "/points/0/label type", "/points/1/label type"]);
  });

  it("values nested deeper than the limit stop with a failure instead of overflowing the stack", () => {
    let tree: Record<string, unknown> = { value: "leaf" };
    for (let i = 0; i < 100_000; i++) tree = { value: "n", left: tree };
    const failures = validate({ id: "a", tree });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toMatch(/^Value at '\/tree(\/left){1000}' failed to satisfy constraint: Member must not be nested more than 1000 levels deep$/);
  });

  it("100k-element lists and maps, 1 MB strings, in well under a second", () => {
    const big = "x".repeat(1 << 20);
    const tags = Array.from({ length: 100_000 }, (_, i) => `t${i % 1000}`);
    const labels = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${"a".repeat(i % 7)}`, 1]));
    const points = Array.from({ length: 100_000 }, (_, i) => ({ x: i }));
    const [failures, ms] = timed(() => validate({ id: big, code: big, secret: big, tags, labels, points, doc: tags, toString: "\ud83d".repeat(1 << 19) }));
    expect(failures.map((f) => `${f.path} ${f.constraint}`)).toEqual([
      "/id length",
      "/code length",
      "/code pattern",
      "/secret pattern",
      "/tags length",
      "/tags uniqueItems",
      "/labels length",
      "/toString length",
    ]);
    expect(ms).toBeLessThan(3000);
  });

  it("an evil pattern on a long input is linear (protocol test RestJsonMalformedPatternReDOSString, scaled up)", async () => {
    const evil = await validatorOf("pattern", "MalformedPatternInput");
    const [failures, ms] = timed(() => evil({ evilString: `${"0".repeat(200_000)}!` }));
    expect(failures.map((f) => f.path)).toEqual(["/evilString"]);
    expect(ms).toBeLessThan(2000);
    expect(evil({ evilString: "0".repeat(200_000) })).toEqual([]);
  });

  it("a getter or proxy that throws gives a failure, not an exception", async () => {
    const trap = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
    const failure = [{ path: "", constraint: "type", message: at("", "must be a readable value") }];
    expect(validate(trap)).toEqual(failure);
    expect(validate({ id: "a", labels: trap })).toEqual(failure);
    const { mod } = await fixturePackage("every-constraint");
    expect(() => (mod.assertValidEverything as (v: unknown) => void)(trap)).toThrow("1 validation error detected.");
  });

  it("a validator that calls itself from a getter (re-entrancy) keeps both results apart", () => {
    let inner: unknown;
    const value = {
      get id() {
        inner = validate({ count: 0 });
        return "a";
      },
    };
    expect(validate(value)).toEqual([]);
    expect((inner as unknown[]).length).toBe(2);
  });
});

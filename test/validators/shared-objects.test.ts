// A value graph that reuses objects without a cycle (a DAG) costs its distinct objects, not its
// paths: a 40-deep chain whose every level points at the next one three times has 3^40 paths.
// Work is counted as property reads through a Proxy, a step budget rather than a clock.

import { beforeAll, describe, expect, it } from "vitest";
import { fixturePackage, thrown, validatorOf, type Validate } from "./load.js";

const tooShort = (path: string) => `Value with length 0 at '${path}' failed to satisfy constraint: Member must have length greater than or equal to 1`;
const cycle = (path: string) => `Value at '${path}' failed to satisfy constraint: Member must not contain a reference cycle`;
/** The failure cap of one validate call (README, "Deliberate choices"). */
const CAP = 10_000;
const DEPTH = 40;

let validate: Validate;
let assertValid: (value: unknown) => void;
beforeAll(async () => {
  validate = await validatorOf("shared-objects", "PutGraphInput");
  assertValid = (await fixturePackage("shared-objects")).mod.assertValidPutGraphInput as (value: unknown) => void;
});

/** Wraps objects (deeply, once each) in proxies that count every property read into `counter.reads`. */
function counted(counter: { reads: number }) {
  const wrapped = new Map<object, object>();
  const wrap = <T>(value: T): T => {
    if (typeof value !== "object" || value === null) return value;
    let proxy = wrapped.get(value);
    if (proxy === undefined) {
      proxy = new Proxy(value, {
        get(target, key, receiver) {
          counter.reads++;
          return wrap(Reflect.get(target, key, receiver) as unknown);
        },
      });
      wrapped.set(value, proxy);
    }
    return proxy as T;
  };
  return wrap;
}

/** `{ root }` where each of DEPTH levels has `left`, `right` and `children: [x]` all pointing at the same next level. */
function chain(leaf: Record<string, unknown>): Record<string, unknown> {
  let node = leaf;
  for (let i = 0; i < DEPTH; i++) node = { name: `n${i}`, left: node, right: node, children: [node] };
  return { root: node };
}

describe("objects shared without a cycle", () => {
  it("a 40-deep DAG with 3^40 paths is valid, in work linear in its objects", () => {
    const counter = { reads: 0 };
    const value = counted(counter)(chain({ name: "leaf" }));
    expect(validate(value)).toHaveLength(0);
    // Each level is read once: four members of the node, then the list's length and item (and
    // a few reads Array.isArray and the loop make), about ten reads per level.
    expect(counter.reads).toBeGreaterThan(DEPTH);
    expect(counter.reads).toBeLessThan(20 * (DEPTH + 1));
  });

  it("the same DAG with an invalid leaf stops at the failure cap, in work bounded by it", () => {
    const counter = { reads: 0 };
    const value = counted(counter)(chain({ name: "" }));
    const failures = validate(value);
    expect(failures).toHaveLength(CAP);
    // Depth first, `left` first: the first failure is the leaf reached by 40 `left`s.
    expect(failures[0]!.message).toBe(tooShort(`/root${"/left".repeat(DEPTH)}/name`));
    expect(failures.every((f) => f.constraint === "length" && f.path.endsWith("/name"))).toBe(true);
    // Every failing path is found by re-reading at most its last few levels: bounded by the cap, not the 3^40 paths.
    expect(counter.reads).toBeLessThan(20 * CAP);
    const error = thrown(() => assertValid(chain({ name: "" })));
    expect(error?.message.startsWith(`${CAP} validation errors detected. ${tooShort(`/root${"/left".repeat(DEPTH)}/name`)}; `)).toBe(true);
  });

  it("a shared failing object is reported at every path it is reached by", () => {
    const bad = { name: "" };
    expect(validate({ root: { name: "r", left: bad, right: bad, children: [bad, { name: "ok", left: bad }] } })).toEqual(
      ["/root/left/name", "/root/right/name", "/root/children/0/name", "/root/children/1/left/name"].map((path) => ({
        path,
        constraint: "length",
        message: tooShort(path),
      })),
    );
  });

  it("a valid object shared with a failing one's subtree does not hide the failure", () => {
    const ok = { name: "ok" };
    const failures = validate({ root: { name: "r", left: ok, right: { name: "x", left: ok, right: { name: "" } } } });
    expect(failures.map((f) => f.path)).toEqual(["/root/right/right/name"]);
  });
});

describe("shared objects in documents and @uniqueItems lists", () => {
  it("a 40-deep document DAG is a document, in work linear in its objects", () => {
    let doc: unknown = { leaf: true };
    for (let i = 0; i < DEPTH; i++) doc = { a: doc, b: [doc, doc] };
    const counter = { reads: 0 };
    expect(validate(counted(counter)({ root: { name: "r" }, doc }))).toEqual([]);
    expect(counter.reads).toBeLessThan(20 * (DEPTH + 1));
  });

  it("@uniqueItems compares two 40-deep DAGs by value, in work linear in their objects", () => {
    const leaf = { name: "leaf" };
    const counter = { reads: 0 };
    const failures = validate(counted(counter)({ root: leaf, distinct: [chain(leaf).root, chain({ name: "leaf" }).root] }));
    expect(failures).toEqual([
      { path: "/distinct", constraint: "uniqueItems", message: "Value at '/distinct' failed to satisfy constraint: Member must have unique values" },
    ]);
    // Two chains, each walked by the checks and again (members read twice) for its key.
    expect(counter.reads).toBeLessThan(60 * (DEPTH + 1));
    expect(validate({ root: leaf, distinct: [chain(leaf).root, chain({ name: "other" }).root] })).toEqual([]);
  });
});

describe("trees and cycles, unchanged", () => {
  it("a tree without sharing reports every failure at every path", () => {
    const tree = (depth: number): Record<string, unknown> =>
      depth === 0 ? { name: "" } : { name: `d${depth}`, left: tree(depth - 1), right: tree(depth - 1), children: [tree(depth - 1)] };
    const paths: string[] = [];
    const walk = (path: string, depth: number) => {
      if (depth === 0) return void paths.push(`${path}/name`);
      walk(`${path}/left`, depth - 1);
      walk(`${path}/right`, depth - 1);
      walk(`${path}/children/0`, depth - 1);
    };
    walk("/root", 3);
    expect(paths).toHaveLength(27);
    expect(validate({ root: tree(3) })).toEqual(paths.map((path) => ({ path, constraint: "length", message: tooShort(path) })));
  });

  it("a cycle is still reported where it closes, also through a shared object", () => {
    const loop: Record<string, unknown> = { name: "loop" };
    loop.right = loop;
    expect(validate({ root: { name: "r", left: loop, right: loop, children: [loop] } })).toEqual(
      ["/root/left/right", "/root/right/right", "/root/children/0/right"].map((path) => ({ path, constraint: "type", message: cycle(path) })),
    );
    const self: Record<string, unknown> = { name: "self" };
    self.children = [self];
    expect(validate({ root: self }).map((f) => f.message)).toEqual([cycle("/root/children/0")]);
  });
});

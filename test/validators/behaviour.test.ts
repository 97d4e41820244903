// What the protocol tests do not pin: type checks of every kind, unions with exactly one member,
// ranges of bigInteger/bigDecimal, intEnum, member traits over target traits, collecting every
// failure, the exception and the Standard Schema objects. Type messages use the SDK's phrasing
// ("Value at '<path>' failed to satisfy constraint: Member must be of type <smithy type>").

import { beforeAll, describe, expect, it } from "vitest";
import { fixturePackage, thrown, validatorOf, type Validate } from "./load.js";

const at = (path: string, rule: string) => `Value at '${path}' failed to satisfy constraint: Member ${rule}`;
const typeFailure = (path: string, type: string) => ({ path, constraint: "type", message: at(path, `must be of type ${type}`) });
const VALID = { id: "abc" };

let validate: Validate;
beforeAll(async () => {
  validate = await validatorOf("every-constraint", "Everything");
});

describe("type checks", () => {
  const cases: Array<[member: string, wrong: unknown, type: string]> = [
    ["code", 12, "string"],
    ["flag", "true", "boolean"],
    ["tiny", 1.5, "byte"],
    ["tiny", 128, "byte"],
    ["small", 32768, "short"],
    ["small", "1", "short"],
    ["count", 2 ** 31, "integer"],
    ["big", 2 ** 63, "long"],
    ["big", Number.NaN, "long"],
    ["ratio", "0.5", "float"],
    ["precise", 1n, "double"],
    ["huge", 5, "bigInteger"],
    ["exact", 0.5, "bigDecimal"],
    ["exact", "1.2.3", "bigDecimal"],
    ["exact", "", "bigDecimal"],
    ["when", "2024-01-01T00:00:00Z", "timestamp"],
    ["when", new Date(Number.NaN), "timestamp"],
    ["payload", "AAAA", "blob"],
    ["payload", [1, 2], "blob"],
    ["doc", undefined, "document"],
    ["doc", { a: [1, { b: () => 1 }] }, "document"],
    ["doc", 10n, "document"],
    ["color", 1, "string"],
    ["level", "LOW", "integer"],
    ["level", 1.5, "integer"],
    ["tags", "a", "list"],
    ["tags", { 0: "a" }, "list"],
    ["labels", ["a"], "map"],
    ["labels", "a", "map"],
    ["shape", "circle", "union"],
    ["shape", [], "union"],
    ["tree", [], "structure"],
    ["tree", 5, "structure"],
  ];
  for (const [member, wrong, type] of cases) {
    it(`${member}: ${typeof wrong === "bigint" ? `${wrong}n` : JSON.stringify(wrong) ?? String(wrong)} is not a ${type}`, () => {
      const failures = validate({ ...VALID, [member]: wrong });
      if (member === "doc" && wrong === undefined) expect(failures).toEqual([]); // undefined is absence, not a document
      else expect(failures).toEqual([typeFailure(`/${member}`, type)]);
    });
  }

  it("accepts a value of every kind", () => {
    const value = {
      id: "a", code: "AB-12", secret: "s3cr3tly", flag: false, tiny: 10, small: -100, count: 1, big: 1000000, ratio: 0.5,
      precise: Number.NaN, huge: -1000n, exact: "99.50", when: new Date(0), payload: new Uint8Array([1, 2, 3, 4]),
      doc: { a: [1, "x", null, true, { b: {} }] }, color: "green", legacy: "cyan", level: 10, tags: ["a", "b"],
      labels: { x: 1, y: 100 }, holes: ["a", null], maybe: { k: null, j: "red" }, points: [{ x: 1 }, { x: 1, y: 2 }],
      shape: { square: { x: 0 } }, tree: { value: "root", children: [{ value: "leaf" }], left: { value: "l" } },
      constructor: "c", ["__proto__"]: 3, toString: "ts",
    };
    expect(validate(value)).toEqual([]);
  });

  it("a structure, map or union may be a class instance or have no prototype", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const labels = Object.assign(Object.create(null) as object, { a: 1 });
    expect(validate({ ...VALID, points: [new Point(1)], labels, shape: Object.assign(Object.create(null) as object, { circle: 5 }) })).toEqual([]);
  });

  it("null items of a dense list or map are failures, of a sparse one they are not", () => {
    expect(validate({ ...VALID, tags: ["a", null], labels: { a: null }, holes: [null], maybe: { k: null } })).toEqual([
      { path: "/tags/1", constraint: "type", message: at("/tags/1", "must not be null") },
      { path: "/labels/a", constraint: "type", message: at("/labels/a", "must not be null") },
    ]);
  });

  it("a union has exactly one member set", () => {
    const one = { path: "/shape", constraint: "type", message: at("/shape", "must have exactly one member set") };
    expect(validate({ ...VALID, shape: {} })).toEqual([one]);
    expect(validate({ ...VALID, shape: { circle: null } })).toEqual([one]);
    expect(validate({ ...VALID, shape: { circle: 5, name: "AB-1" } })).toEqual([one]);
    expect(validate({ ...VALID, shape: { circle: 500, name: "AB-1" } })).toEqual([
      { path: "/shape/circle", constraint: "range", message: at("/shape/circle", "must be between 1 and 100, inclusive") },
      one,
    ]);
  });

  it("the root must be an object", () => {
    for (const root of [null, undefined, "x", 1, []]) expect(validate(root)).toEqual([typeFailure("", "structure")]);
  });
});

describe("constraints beyond the protocol tests", () => {
  it("bigInteger and bigDecimal ranges compare exactly", () => {
    expect(validate({ ...VALID, huge: 1000n, exact: "0.1" })).toEqual([]);
    expect(validate({ ...VALID, huge: 1001n, exact: "0.0999999999999999999999" })).toEqual([
      { path: "/huge", constraint: "range", message: at("/huge", "must be between -1000 and 1000, inclusive") },
      { path: "/exact", constraint: "range", message: at("/exact", "must be between 0.1 and 99.5, inclusive") },
    ]);
    expect(validate({ ...VALID, exact: "9.95e1" })).toEqual([]);
    expect(validate({ ...VALID, exact: "9.950001E+1" })).toHaveLength(1);
    expect(validate({ ...VALID, exact: "-0.5" })).toHaveLength(1);
    expect(validate({ ...VALID, exact: "1e999999999" })).toHaveLength(1);
  });

  it("range on float and integer kinds; NaN is outside every range", () => {
    expect(validate({ ...VALID, ratio: 1.5, small: -101, big: 1000001 }).map((f) => f.message)).toEqual([
      at("/small", "must be greater than or equal to -100"),
      at("/big", "must be less than or equal to 1000000"),
      at("/ratio", "must be between 0 and 1, inclusive"),
    ]);
    expect(validate({ ...VALID, ratio: Number.NaN })).toEqual([{ path: "/ratio", constraint: "range", message: at("/ratio", "must be between 0 and 1, inclusive") }]);
  });

  it("intEnum and the @enum trait", () => {
    expect(validate({ ...VALID, level: 5, legacy: "black" })).toEqual([
      { path: "/legacy", constraint: "enum", message: at("/legacy", "must satisfy enum value set: [cyan, magenta, yellow]") },
      { path: "/level", constraint: "enum", message: at("/level", "must satisfy enum value set: [1, 10]") },
    ]);
  });

  it("internal enum values are accepted but not listed", async () => {
    const v = await validatorOf("enum", "MalformedEnumInput");
    expect(v({ string: "ghi", stringWithEnumTrait: "ghi" })).toEqual([]);
  });

  it("string length counts code points: a surrogate pair once, a lone surrogate once", () => {
    expect(validate({ ...VALID, id: "👍".repeat(8) })).toEqual([]);
    expect(validate({ ...VALID, id: "\ud83d".repeat(8) })).toEqual([]);
    expect(validate({ ...VALID, id: "👍".repeat(9) })).toEqual([
      { path: "/id", constraint: "length", message: "Value with length 9 at '/id' failed to satisfy constraint: Member must have length between 1 and 8, inclusive" },
    ]);
  });

  it("a member's constraint supersedes the same trait of its target; other traits of both apply", async () => {
    const v = await validatorOf("length", "MalformedLengthOverrideInput");
    // LengthString allows 2..8, the member 4..6: a value of 1 fails the member's bounds only.
    expect(v({ string: "a" }).map((f) => f.message)).toEqual(["Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 4 and 6, inclusive"]);
    // Code: @pattern and @length on the target, both apply.
    expect(validate({ ...VALID, code: "x".repeat(13) }).map((f) => f.constraint)).toEqual(["length", "pattern"]);
  });

  it("uniqueItems compares structures by value, ignoring member order and absent members", () => {
    const dup = { path: "/points", constraint: "uniqueItems", message: at("/points", "must have unique values") };
    expect(validate({ ...VALID, points: [{ x: 1, y: 2 }, { y: 2, x: 1, label: undefined }] })).toEqual([dup]);
    expect(validate({ ...VALID, points: [{ x: 1, y: 2 }, { x: 1, y: 3 }] })).toEqual([]);
    expect(validate({ ...VALID, points: [{ x: 1, label: "1" }, { x: 1, label: 1 }] })).toEqual([typeFailure("/points/1/label", "string")]);
    expect(validate({ ...VALID, tags: ["a", "b", "a"] })).toEqual([{ path: "/tags", constraint: "uniqueItems", message: at("/tags", "must have unique values") }]);
  });

  it("map keys are checked and reported at the map's path", () => {
    expect(validate({ ...VALID, labels: { Bad: 1 } })).toEqual([
      { path: "/labels", constraint: "pattern", message: at("/labels", "must satisfy regular expression pattern: ^[a-z]+$") },
    ]);
  });
});

describe("collecting every failure", () => {
  it("reports all failures, nested ones with JSON-pointer paths, and the N-errors summary", async () => {
    const value = { code: "x", tags: ["", "a", "b", "c"], tree: { value: "", children: [{ children: [] }] }, labels: { a: 0 } };
    const failures = validate(value);
    expect(failures).toEqual([
      { path: "/id", constraint: "required", message: at("/id", "must not be null") },
      { path: "/code", constraint: "pattern", message: at("/code", "must satisfy regular expression pattern: ^[A-Z]{2}-\\d+$") },
      { path: "/tags", constraint: "length", message: "Value with length 4 at '/tags' failed to satisfy constraint: Member must have length less than or equal to 3" },
      { path: "/tags/0", constraint: "length", message: "Value with length 0 at '/tags/0' failed to satisfy constraint: Member must have length between 1 and 8, inclusive" },
      { path: "/labels/a", constraint: "range", message: at("/labels/a", "must be between 1 and 100, inclusive") },
      { path: "/tree/value", constraint: "length", message: "Value with length 0 at '/tree/value' failed to satisfy constraint: Member must have length between 1 and 8, inclusive" },
      { path: "/tree/children/0/value", constraint: "required", message: at("/tree/children/0/value", "must not be null") },
    ]);
    const { mod } = await fixturePackage("every-constraint");
    const error = thrown(() => (mod.assertValidEverything as (v: unknown) => void)(value)) as Error & { failures: unknown };
    expect(error).toBeInstanceOf(mod.ValidationException as new () => Error);
    expect(error.name).toBe("ValidationException");
    expect(error.failures).toEqual(failures);
    expect(error.message).toBe(`7 validation errors detected. ${failures.map((f) => f.message).join("; ")}`);
  });

  it("assertValid returns quietly for a valid value", async () => {
    const { mod } = await fixturePackage("every-constraint");
    expect(thrown(() => (mod.assertValidEverything as (v: unknown) => void)(VALID))).toBeUndefined();
  });
});

describe("sensitive members", () => {
  it("never echo the value in a message", () => {
    const secret = "TOP-SECRET-VALUE";
    const failures = validate({ ...VALID, secret });
    expect(failures.map((f) => f.constraint)).toEqual(["pattern"]);
    expect(JSON.stringify(failures)).not.toContain(secret);
    expect(JSON.stringify(validate({ ...VALID, secret: "s3c" }))).not.toContain("s3c\"");
  });
});

describe("Standard Schema v1", () => {
  it("exposes version, vendor and validate with issues and paths", async () => {
    const { mod } = await fixturePackage("every-constraint");
    const schema = mod.EverythingSchema as { "~standard": { version: number; vendor: string; validate: (v: unknown) => unknown } };
    expect(schema["~standard"].version).toBe(1);
    expect(schema["~standard"].vendor).toBe("smithy-ts-codegen");
    const value = { id: "abc", count: 5 };
    expect(schema["~standard"].validate(value)).toEqual({ value });
    expect(schema["~standard"].validate({ count: 0, tree: { value: "" } })).toEqual({
      issues: [
        { message: at("/id", "must not be null"), path: ["id"] },
        { message: at("/count", "must be between 1 and 100, inclusive"), path: ["count"] },
        { message: "Value with length 0 at '/tree/value' failed to satisfy constraint: Member must have length between 1 and 8, inclusive", path: ["tree", "value"] },
      ],
    });
    expect(schema["~standard"].validate("x")).toEqual({ issues: [{ message: at("", "must be of type structure"), path: [] }] });
  });
});

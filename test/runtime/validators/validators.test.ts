// runtime/validators: what generated validators call, each module directly.

import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_FAILURES } from "../../../generator/emit/validators/checks.js";
import { planPattern } from "../../../generator/emit/validators/regex.js";
import { standardSchema, ValidationError, validationSummary, VALIDATOR_VENDOR } from "../../../runtime/validators/exception.js";
import { addFailure, addFailureAt, failureSite, joinPath, type FailureRule } from "../../../runtime/validators/failures.js";
import { MAX_VALIDATION_FAILURES, MAX_VALUE_DEPTH } from "../../../runtime/validators/limits.js";
import { searchPattern, type PatternProgram } from "../../../runtime/validators/pattern.js";
import { uniqueItems } from "../../../runtime/validators/unique-items.js";
import { compareDecimal, isDecimal, isDocument, stringLengthFailure } from "../../../runtime/validators/values.js";

const LENGTH: FailureRule = { constraint: "length", tail: "' failed to satisfy constraint: Member must have length between 1 and 2" };

describe("limits", () => {
  it("are the numbers the generator writes into its checks", () => {
    expect(MAX_VALIDATION_FAILURES).toBe(MAX_FAILURES);
    expect(MAX_VALUE_DEPTH).toBe(MAX_DEPTH);
  });
});

describe("failures", () => {
  it("the list is made on the first failure; paths join prefix, key and suffix", () => {
    const f = addFailure(undefined, "/a", 3, "/b", LENGTH);
    expect(f).toEqual([{ path: "/a3/b", constraint: "length", message: `Value at '/a3/b${LENGTH.tail}` }]);
    expect(addFailure(f, "", "", "/c", LENGTH, 5)).toBe(f);
    expect(f[1]!.message).toBe(`Value with length 5 at '/c${LENGTH.tail}`);
  });

  it("a site keeps its message at the root once built, and builds the path below it", () => {
    const site = failureSite("/name", LENGTH);
    const [first] = addFailureAt(undefined, "", "", site);
    const [second] = addFailureAt(undefined, "", "", site);
    expect(second!.message).toBe(first!.message);
    expect(site.root).toBe(first!.message);
    expect(addFailureAt(undefined, "/list/", 2, site)[0]!.path).toBe("/list/2/name");
  });

  it("stop collecting at the cap", () => {
    const full = Array.from({ length: MAX_VALIDATION_FAILURES }, () => ({ path: "", constraint: "type" as const, message: "" }));
    expect(addFailure(full, "", "", "/x", LENGTH)).toHaveLength(MAX_VALIDATION_FAILURES);
    expect(addFailureAt(full, "", "", failureSite("/x", LENGTH))).toHaveLength(MAX_VALIDATION_FAILURES);
  });

  it("joinPath builds nothing at the root", () => {
    expect(joinPath("", "", "/s")).toBe("/s");
    expect(joinPath("/p", "k", "/s")).toBe("/pk/s");
  });
});

describe("exception and Standard Schema", () => {
  it("the message is Smithy's summary; failures are kept; subclasses stay instances", () => {
    const failures = addFailure(addFailure(undefined, "", "", "/a", LENGTH), "", "", "/b", LENGTH);
    class PackageValidationException extends ValidationError {
      override readonly name = "PackageValidationException" as const;
    }
    const e = new PackageValidationException(failures);
    expect(e).toBeInstanceOf(PackageValidationException);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.failures).toBe(failures);
    expect(e.message).toBe(`2 validation errors detected. ${failures[0]!.message}; ${failures[1]!.message}`);
    expect(validationSummary(failures.slice(0, 1))).toBe(`1 validation error detected. ${failures[0]!.message}`);
  });

  it("a Standard Schema gives the value back, or issues with paths split into keys", () => {
    const schema = standardSchema<{ a: string }>((v) => ((v as { a?: unknown }).a === "ok" ? [] : addFailure(undefined, "", "", "/a/0", LENGTH)));
    expect(schema["~standard"]).toMatchObject({ version: 1, vendor: VALIDATOR_VENDOR });
    expect(schema["~standard"].validate({ a: "ok" })).toEqual({ value: { a: "ok" } });
    expect(schema["~standard"].validate({ a: "no" })).toEqual({ issues: [{ message: `Value at '/a/0${LENGTH.tail}`, path: ["a", "0"] }] });
  });
});

describe("values", () => {
  it("string length counts code points, not UTF-16 units", () => {
    expect(stringLengthFailure("ab", 1, 2)).toBe(-1);
    expect(stringLengthFailure("😀😀", 1, 2)).toBe(-1);
    expect(stringLengthFailure("😀😀😀", 1, 2)).toBe(3);
    expect(stringLengthFailure("", 1, 2)).toBe(0);
  });

  it("documents are JSON values without cycles, nested up to the limit", () => {
    expect(isDocument({ a: [1, "x", null, { b: true }] }, [], new Set())).toBe(true);
    for (const bad of [undefined, () => 1, 1n, { a: Symbol() }]) expect(isDocument(bad, [], new Set())).toBe(false);
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    expect(isDocument(cycle, [], new Set())).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_VALUE_DEPTH; i++) deep = [deep];
    expect(isDocument(deep, [], new Set())).toBe(false);
  });

  it("decimals compare by value, whatever their form", () => {
    expect(isDecimal("-1.5e3")).toBe(true);
    for (const bad of ["", ".", "1e", "1.2.3", "0x1", " 1"]) expect(isDecimal(bad)).toBe(false);
    expect(compareDecimal("1.50", "1.5")).toBe(0);
    expect(compareDecimal("-0", "0.000")).toBe(0);
    expect(compareDecimal("1e2", "99.999999999999999999")).toBeGreaterThan(0);
    expect(compareDecimal("-2", "-10")).toBeGreaterThan(0);
    expect(compareDecimal("123456789012345678901234567890", "123456789012345678901234567891")).toBeLessThan(0);
  });
});

describe("unique items", () => {
  it("Smithy value equality: members in any order, absent members ignored, blobs and dates by value", () => {
    expect(uniqueItems([{ a: 1, b: 2 }, { b: 2, a: 1 }])).toBe(false);
    expect(uniqueItems([{ a: 1, c: null }, { a: 1 }])).toBe(false);
    expect(uniqueItems([new Uint8Array([1]), new Uint8Array([1])])).toBe(false);
    expect(uniqueItems([new Date(5), new Date(5)])).toBe(false);
    expect(uniqueItems([[1, [2]], [1, [3]]])).toBe(true);
    expect(uniqueItems(["1", 1])).toBe(true);
  });

  it("a value holding a cycle equals nothing, not even itself", () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(uniqueItems([cycle, cycle])).toBe(true);
  });

  it("a shared object (a DAG) is keyed once: many references stay fast", () => {
    const leaf = { x: Array.from({ length: 100 }, (_, i) => i) };
    let level: unknown = leaf;
    for (let i = 0; i < 40; i++) level = [level, level];
    expect(uniqueItems([level, [level]])).toBe(true);
  });
});

describe("patterns", () => {
  const program = (pattern: string): PatternProgram => {
    const planned = planPattern(pattern);
    if (planned.kind !== "vm") throw new Error(`${pattern} is not compiled to the VM`);
    return planned.program;
  };

  it("search anywhere in the string, anchored only by ^ and $", () => {
    expect(searchPattern(program("[0-9]+"), "ab12")).toBe(true);
    expect(searchPattern(program("^[0-9]+$"), "ab12")).toBe(false);
    expect(searchPattern(program("^[a-z]+$"), "abc")).toBe(true);
  });

  it("runs in linear time on a pattern that backtracking engines take exponential time on", () => {
    const start = performance.now();
    expect(searchPattern(program("^(a+)+$"), `${"a".repeat(5000)}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

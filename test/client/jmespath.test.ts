// The JMESPath compiler for waiter acceptors: the language's semantics on the specification's
// examples (field access, indexes, list / object / flatten / filter projections, pipes, or / and
// / not, comparisons, literals, length and contains), clear refusals of what it does not support,
// and every waiter of every shared AWS model compiled to code that runs.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compileJmespath, JMESPATH_HELPERS, JmespathError } from "../../generator/client/jmespath.js";
import { matcherCode } from "../../generator/client/waiters.js";
import * as helpers from "../../runtime/client/jmespath.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";

const helperValues = JMESPATH_HELPERS.map((name) => (helpers as Record<string, unknown>)[name]);

function evaluate(expression: string, data: unknown): unknown {
  const code = compileJmespath(expression, "root");
  return new Function(...JMESPATH_HELPERS, "root", `return ${code};`)(...helperValues, data);
}

const people = { people: [{ first: "James", last: "d", age: 30 }, { first: "Jacob", last: "e", age: 20 }, { first: "Jayden", last: "f", age: 40 }, { missing: "different" }] };

describe("JMESPath semantics", () => {
  it.each<[string, unknown, unknown]>([
    ["a", { a: "foo", b: "bar" }, "foo"],
    ["a", { b: 1 }, null],
    ["a.b.c.d", { a: { b: { c: { d: "value" } } } }, "value"],
    ["a.b.c", { a: "not an object" }, null],
    ['"with space"', { "with space": 1 }, 1],
    ["[1]", ["a", "b", "c"], "b"],
    ["[-1]", ["a", "b", "c"], "c"],
    ["[5]", ["a"], null],
    ["a.b[0].c", { a: { b: [{ c: 1 }, { c: 2 }] } }, 1],
    ["people[*].first", people, ["James", "Jacob", "Jayden"]],
    ["people[*].first | [0]", people, "James"],
    ["people[*]", { people: [1, null, 2] }, [1, null, 2].filter((x) => x !== null)],
    ["ops.*.numArgs", { ops: { functionA: { numArgs: 2 }, functionB: { numArgs: 3 }, functionC: { variadic: true } } }, [2, 3]],
    ["reservations[*].instances[*].state", { reservations: [{ instances: [{ state: "running" }, { state: "stopped" }] }, { instances: [{ state: "terminated" }] }] }, [["running", "stopped"], ["terminated"]]],
    ["reservations[].instances[].state", { reservations: [{ instances: [{ state: "running" }, { state: "stopped" }] }, { instances: [{ state: "terminated" }] }] }, ["running", "stopped", "terminated"]],
    ["[]", [1, [2, 3], [4, [5]]], [1, 2, 3, 4, [5]]],
    ["people[?age > `20`].first", people, ["James", "Jayden"]],
    ["people[?first == 'Jacob'].age | [0]", people, 20],
    ["people[?age >= `30` && first != 'James'].first", people, ["Jayden"]],
    ["people[?!age].missing", people, ["different"]],
    ["a || b", { a: null, b: "b" }, "b"],
    ["a || b", { a: [], b: "b" }, "b"],
    ["a && b", { a: "a", b: "b" }, "b"],
    ["a && b", { a: "", b: "b" }, ""],
    ["!a", { a: {} }, true],
    ["a == b", { a: { x: [1, 2] }, b: { x: [1, 2] } }, true],
    ["a < b", { a: "x", b: "y" }, null],
    ["a < `2`", { a: 1 }, true],
    ["`\"lit\"`", {}, "lit"],
    ["'it\\'s'", {}, "it's"],
    ["length(a)", { a: "héllo😀" }, 6],
    ["length(a[?b])", { a: [{ b: true }, { b: false }, { b: 1 }] }, 2],
    ["contains(a, 'x')", { a: ["y", "x"] }, true],
    ["contains(a, 'ell')", { a: "hello" }, true],
    ["(a || b).c", { b: { c: 3 } }, 3],
    ["@", 7, 7],
    ["a[?@ == `1`]", { a: [1, 2, 1] }, [1, 1]],
  ])("%s", (expression, data, expected) => {
    expect(evaluate(expression, data)).toEqual(expected);
  });

  it.each([
    ["a[0:2]", "slices are not supported"],
    ["a.[b, c]", "multi-select lists ([a, b]) are not supported"],
    ["[a, b]", "multi-select lists ([a, b]) are not supported"],
    ["a.{b: c}", "multi-select hashes ({…}) are not supported"],
    ["sort_by(a, &b)", "expression references (&…) are not supported"],
    ["keys(a)", "the function keys() is not supported"],
    ["length(a, b)", "length() takes 1 argument(s), got 2"],
    ["a.", "unexpected the end, expected a field name"],
    ["a b", 'unexpected "b" at 2'],
    ["`{bad`", "is not JSON"],
    ["'open", "unterminated ' starting at 0"],
  ])("refuses %s: %s", (expression, message) => {
    expect(() => compileJmespath(expression, "root")).toThrow(JmespathError);
    expect(() => compileJmespath(expression, "root")).toThrow(message);
  });
});

describe.skipIf(SHARED_DIR === undefined)(`every waiter of every shared model compiles and runs (${SHARED_DIR === undefined ? SHARED_MISSING : "../shared/models/aws"})`, () => {
  const dir = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws");
  const waiters: [string, string, { state: string; matcher: Record<string, any> }[]][] = [];
  for (const file of SHARED_DIR === undefined ? [] : readdirSync(dir)) {
    const shapes = JSON.parse(readFileSync(join(dir, file), "utf8")).shapes as Record<string, { traits?: Record<string, any> }>;
    for (const [id, shape] of Object.entries(shapes)) {
      for (const [name, waiter] of Object.entries((shape.traits?.["smithy.waiters#waitable"] ?? {}) as Record<string, { acceptors: never[] }>)) waiters.push([file, `${id} ${name}`, waiter.acceptors]);
    }
  }

  it("finds the shared models' waiters", () => {
    expect(waiters.length).toBe(8);
  });

  it.each(waiters)("%s: %s", (_file, _waiter, acceptors) => {
    const body = acceptors.map((a) => `if (${matcherCode(a.matcher as never)}) return ${JSON.stringify(a.state)};`).join("\n") + "\nreturn undefined;";
    const js = ts.transpile(`(input: any, output: any, error: any) => { const io = { input, output }; void io; ${body} }`, { target: ts.ScriptTarget.ES2022 });
    const accept = new Function(...JMESPATH_HELPERS, `return ${js.trim().replace(/;$/, "")};`)(...helperValues) as (i: unknown, o: unknown, e: unknown) => string | undefined;
    // Each acceptor fires on a value built to match it, unless an earlier acceptor claims it first.
    for (const [i, acceptor] of acceptors.entries()) {
      const m = acceptor.matcher;
      let output: unknown;
      let error: unknown;
      if (m["output"] !== undefined) output = nest(m["output"].path, m["output"].comparator === "booleanEquals" ? m["output"].expected === "true" : m["output"].expected);
      else if (m["errorType"] !== undefined) error = { name: String(m["errorType"]).replace(/^.*#/, "") };
      else if (m["success"] !== undefined) m["success"] ? (output = {}) : (error = { name: "Any" });
      const decided = accept({}, output, error);
      const first = acceptors.findIndex((a, j) => j <= i && accept({}, output, error) === a.state);
      expect(decided, `acceptor ${i + 1}`).toBe(acceptors[first]!.state);
    }
    if (!acceptors.some((a) => a.matcher["success"] === true)) expect(accept({}, { unrelated: true }, undefined)).toBeUndefined();
  });
});

/** `{ a: { b: value } }` for the path `a.b` (the shared models' waiters use plain field paths). */
function nest(path: string, value: unknown): unknown {
  return path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

// The generated router against http-bindings.rst: the specificity routing examples (literal
// before label, label before greedy label, path before query literals), greedy labels in the
// middle of a path, optional trailing slashes, query literals, 404 and 405; and models a server
// cannot route are refused at generation.

import { beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { generate, loadGenerated, modelFromJson, typecheck } from "../helpers/codegen.js";

const NS = "example.routing";

/** A restJson1 service with one operation per [name, method, uri]; every label is a required string. */
function routingModel(routes: ReadonlyArray<readonly [string, string, string]>) {
  const shapes: Record<string, unknown> = {
    [`${NS}#Routes`]: {
      type: "service",
      version: "2024-01-01",
      operations: routes.map(([name]) => ({ target: `${NS}#${name}` })),
      traits: { "aws.protocols#restJson1": {} },
    },
  };
  for (const [name, method, uri] of routes) {
    const labels = [...uri.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
    shapes[`${NS}#${name}`] = { type: "operation", input: { target: `${NS}#${name}Input` }, traits: { "smithy.api#http": { method, uri } } };
    shapes[`${NS}#${name}Input`] = {
      type: "structure",
      traits: { "smithy.api#input": {} },
      members: Object.fromEntries(labels.map((l) => [l, { target: "smithy.api#String", traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} } }])),
    };
  }
  return modelFromJson({ "routes.json": { smithy: "2.0", shapes } });
}

const ROUTES = [
  // http-bindings.rst, routing example 1 (GET) and 2 (POST: the third pattern has a query literal).
  ["Example1A", "GET", "/abc/bcd/{xyz}"],
  ["Example1B", "GET", "/abc/{xyz}/cde"],
  ["Example1C", "GET", "/{xyz}/bcd/cde"],
  ["Example2A", "POST", "/abc/bcd/{xyz}"],
  ["Example2B", "POST", "/abc/{xyz}/cde"],
  ["Example2C", "POST", "/{xyz}/bcd/cde?def=efg"],
  // Routing example 3 (PUT): greedy labels, one in the middle of the path.
  ["Example3A", "PUT", "/abc/{xyz+}/bcd"],
  ["Example3B", "PUT", "/abc/{xyz+}"],
  // Query literals: a key alone, and a key with a value.
  ["KeyOnly", "DELETE", "/things?flag"],
  ["KeyValue", "DELETE", "/things?kind=old"],
  ["Plain", "DELETE", "/things"],
] as const;

type Handler = (request: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body?: string }>;
let handle: Handler;
let called: Array<[string, unknown]> = [];

beforeAll(async () => {
  const files = await generate(routingModel(ROUTES), { options: { targets: ["server"] } });
  await typecheck(files, "routing");
  const { mod } = await loadGenerated<Record<string, (...args: unknown[]) => unknown>>(files);
  const operations = new Proxy({}, { get: (_t, name: string) => async (input: unknown) => (called.push([name, input]), {}) });
  handle = mod["createRoutesHandler"]!(operations) as Handler;
}, 120_000);

async function route(method: string, path: string, query: Record<string, string | null> = {}) {
  called = [];
  const response = await handle({ method, protocol: "http:", hostname: "localhost", path, query, headers: {}, body: "" });
  return { status: response.statusCode, operation: called[0]?.[0], input: called[0]?.[1], response };
}

describe("specificity routing (http-bindings.rst)", () => {
  it.each([
    ["GET", "/abc/bcd/cde", "Example1A", { xyz: "cde" }],
    ["GET", "/abc/foo/cde", "Example1B", { xyz: "foo" }],
    ["GET", "/foo/bcd/cde", "Example1C", { xyz: "foo" }],
    ["PUT", "/abc/foo/bar/bcd", "Example3A", { xyz: "foo/bar" }],
    ["PUT", "/abc/foo/bar/baz", "Example3B", { xyz: "foo/bar/baz" }],
    ["PUT", "/abc/foo/bcd/bar/bcd", "Example3A", { xyz: "foo/bcd/bar" }],
  ])("%s %s → %s", async (method, path, operation, input) => {
    expect(await route(method, path)).toMatchObject({ status: 200, operation, input });
  });

  it("path specificity wins over query literals (example 2)", async () => {
    expect(await route("POST", "/abc/bcd/cde", { def: "efg" })).toMatchObject({ operation: "Example2A" });
    expect(await route("POST", "/abc/foo/cde", { def: "efg" })).toMatchObject({ operation: "Example2B" });
    expect(await route("POST", "/foo/bcd/cde", { def: "efg" })).toMatchObject({ operation: "Example2C" });
    // Without its query literal the path is only GET's: 405.
    expect(await route("POST", "/foo/bcd/cde")).toMatchObject({ status: 405, operation: undefined });
  });

  it("query literals: a key alone matches any value, a key=value only that value; more literals first", async () => {
    expect(await route("DELETE", "/things", { flag: null })).toMatchObject({ operation: "KeyOnly" });
    expect(await route("DELETE", "/things", { flag: "yes" })).toMatchObject({ operation: "KeyOnly" });
    expect(await route("DELETE", "/things", { kind: "old" })).toMatchObject({ operation: "KeyValue" });
    expect(await route("DELETE", "/things", { kind: "new" })).toMatchObject({ operation: "Plain" });
  });
});

describe("paths", () => {
  it("a trailing slash is optional; a missing or extra segment does not match", async () => {
    expect(await route("GET", "/abc/bcd/cde/")).toMatchObject({ operation: "Example1A" });
    expect(await route("GET", "/abc")).toMatchObject({ status: 404 });
    expect(await route("GET", "/x/bcd/cde/y")).toMatchObject({ status: 404 });
  });

  it("a greedy label takes at least one segment", async () => {
    expect(await route("PUT", "/abc/bcd")).toMatchObject({ operation: "Example3B", input: { xyz: "bcd" } });
    expect(await route("PUT", "/abc")).toMatchObject({ status: 404 });
  });

  it("labels are percent-decoded after the path is split; a greedy label keeps its slashes", async () => {
    expect(await route("GET", "/abc/bcd/a%2Fb%20c")).toMatchObject({ operation: "Example1A", input: { xyz: "a/b c" } });
    expect(await route("PUT", "/abc/a%20b/c/bcd")).toMatchObject({ operation: "Example3A", input: { xyz: "a b/c" } });
  });

  it("an empty segment is no label", async () => {
    expect(await route("GET", "//bcd/cde")).toMatchObject({ status: 404 });
  });

  it("a label that is not valid percent-encoding: 400 SerializationException", async () => {
    const { status, response } = await route("GET", "/abc/bcd/%E0%A4%A");
    expect([status, response.headers["x-amzn-errortype"]]).toEqual([400, "SerializationException"]);
  });

  it("404 UnknownOperationException for no route; 405 with no body when only another method has it", async () => {
    const notFound = await route("GET", "/nothing/here");
    expect(notFound.status).toBe(404);
    expect(notFound.response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    expect(notFound.response.body).toBe("{}");
    const wrongMethod = await route("PATCH", "/abc/bcd/cde");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.response.body ?? "").toBe("");
  });
});

describe("models a server cannot route", () => {
  it("a label that shares its segment with text is refused, naming the operation", async () => {
    const model = routingModel([["Partial", "GET", "/files/{name}.txt"]]);
    const error = await generate(model, { options: { targets: ["server"] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect(String(error)).toMatch(/example\.routing#Partial: .*\{name\}\.txt/);
  });
});

// A member with @default that is absent from the request takes its default on the server, in
// every location (Smithy's "default value" rules apply to the input structure, whatever binds
// the member): body members, and here the @httpQuery and @httpHeader members.

import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson, typecheck } from "../helpers/codegen.js";

const NS = "example.defaults";
const model = modelFromJson({
  "defaults.json": {
    smithy: "2.0",
    shapes: {
      [`${NS}#Defaults`]: { type: "service", version: "2024-01-01", operations: [{ target: `${NS}#Get` }], traits: { "aws.protocols#restJson1": {} } },
      [`${NS}#Get`]: { type: "operation", input: { target: `${NS}#GetInput` }, traits: { "smithy.api#http": { method: "GET", uri: "/things" }, "smithy.api#readonly": {} } },
      [`${NS}#GetInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: {
          limit: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "limit", "smithy.api#default": 25 } },
          order: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "order", "smithy.api#default": "asc" } },
          verbose: { target: "smithy.api#Boolean", traits: { "smithy.api#httpHeader": "x-verbose", "smithy.api#default": false } },
          tag: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "x-tag" } },
        },
      },
    },
  },
});

type Handler = (request: unknown) => Promise<{ statusCode: number }>;
let handle: Handler;
let received: unknown;

beforeAll(async () => {
  const files = await generate(model, { options: { targets: ["server"] } });
  await typecheck(files, "defaults");
  const { mod } = await loadGenerated<Record<string, (operations: unknown) => Handler>>(files);
  handle = mod["createDefaultsHandler"]!({ Get: async (input: unknown) => ((received = input), {}) });
}, 120_000);

const get = async (query: Record<string, string>, headers: Record<string, string>) => {
  received = undefined;
  const r = await handle({ method: "GET", protocol: "http:", hostname: "localhost", path: "/things", query, headers, body: "" });
  return { status: r.statusCode, input: received };
};

describe("server: @default on query and header members", () => {
  it("absent query parameters and headers take their defaults; members without one stay absent", async () => {
    expect(await get({}, {})).toEqual({ status: 200, input: { limit: 25, order: "asc", verbose: false } });
  });

  it("values that are present win over the defaults", async () => {
    expect(await get({ limit: "3", order: "desc" }, { "x-verbose": "true", "x-tag": "t" })).toEqual({
      status: 200,
      input: { limit: 3, order: "desc", verbose: true, tag: "t" },
    });
  });
});

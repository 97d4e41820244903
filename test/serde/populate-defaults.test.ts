// Issue 14 §6: a client request carries only what the caller set (and the idempotency tokens it
// fills in), as AWS SDK v3 and botocore do; `populateDefaults` turns on the Smithy spec's
// population of nested @default members. Reading a response fills missing @defaults either way.

import { describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../helpers/codegen.js";

const NS = "example.defaults#";
const ref = (target: string) => ({ target: target.includes("#") ? target : `${NS}${target}` });
const def = (target: string, value: unknown) => ({ ...ref(target), traits: { "smithy.api#default": value } });

function model() {
  return {
    smithy: "2.0",
    shapes: {
      [`${NS}Backup`]: { type: "service", version: "2024-01-01", operations: [ref("UpdateSelection")], traits: { "aws.protocols#restJson1": {} } },
      [`${NS}UpdateSelection`]: {
        type: "operation", input: ref("UpdateSelectionInput"), output: ref("UpdateSelectionOutput"),
        traits: { "smithy.api#http": { method: "PUT", uri: "/selection", code: 200 }, "smithy.api#idempotent": {} },
      },
      [`${NS}UpdateSelectionInput`]: {
        type: "structure", traits: { "smithy.api#input": {} },
        members: { TopLevel: def("smithy.api#Integer", 5), Selection: ref("Selection") },
      },
      [`${NS}UpdateSelectionOutput`]: { type: "structure", traits: { "smithy.api#output": {} }, members: { Selection: ref("Selection") } },
      [`${NS}Selection`]: {
        type: "structure",
        members: {
          Name: ref("smithy.api#String"),
          WindowHours: def("smithy.api#Integer", 0),
          Disabled: def("smithy.api#Boolean", false),
          Tags: def("Tags", []),
          Token: { ...ref("smithy.api#String"), traits: { "smithy.api#idempotencyToken": {} } },
          Limit: { ...ref("smithy.api#Integer"), traits: { "smithy.api#default": 3, "smithy.api#clientOptional": {} } },
        },
      },
      [`${NS}Tags`]: { type: "list", member: ref("smithy.api#String") },
    },
  };
}

type Fn = (...args: unknown[]) => any;

async function client(populateDefaults?: boolean): Promise<Record<string, Fn>> {
  const files = await generate(modelFromJson({ "defaults.json": model() }), populateDefaults === undefined ? {} : { options: { populateDefaults } });
  return (await loadGenerated<Record<string, Fn>>(files)).mod;
}

const bodyOf = (mod: Record<string, Fn>, input: unknown) => JSON.parse(mod["serializeUpdateSelectionRequest"]!(input, "https://example.com").body);

describe("@default members of a request", () => {
  it("by default, only what the caller set goes out, plus the idempotency token the client fills in", async () => {
    const mod = await client();
    const body = bodyOf(mod, { Selection: { Name: "daily" } });
    expect(Object.keys(body)).toEqual(["Selection"]);
    expect(body.Selection).toEqual({ Name: "daily", Token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Values the caller did set, even the default ones, are sent.
    expect(bodyOf(mod, { Selection: { Disabled: false, WindowHours: 0, Tags: [] } }).Selection).toMatchObject({ Disabled: false, WindowHours: 0, Tags: [] });
  });

  it("populateDefaults writes every nested @default the caller left unset, not @clientOptional ones; the top level stays as set", async () => {
    const mod = await client(true);
    const body = bodyOf(mod, { Selection: { Name: "daily" } });
    expect(Object.keys(body)).toEqual(["Selection"]);
    expect(body.Selection).toEqual({ Name: "daily", WindowHours: 0, Disabled: false, Tags: [], Token: expect.any(String) });
    expect(bodyOf(mod, { Selection: { Disabled: true } }).Selection.Disabled).toBe(true);
  });

  it("a response is read with its missing @default members filled in, with or without the option", async () => {
    for (const mod of [await client(), await client(true)]) {
      const output = await mod["deserializeUpdateSelectionResponse"]!({ statusCode: 200, headers: {}, body: '{"Selection":{"Name":"daily"}}' });
      expect(output.Selection).toEqual({ Name: "daily", WindowHours: 0, Disabled: false, Tags: [], Limit: 3 });
    }
  });
});

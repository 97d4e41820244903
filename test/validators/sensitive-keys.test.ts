// @sensitive data never appears in a failure: messages hold no values, and a failure path names a
// sensitive map key by a placeholder. A key is sensitive when its member or shape is, when the map
// is, or when the map lies inside a @sensitive shape or member.

import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../helpers/codegen.js";
import { validatorFiles, type Validate } from "./load.js";

const NS = "test.sensitive";
const id = (name: string) => `${NS}#${name}`;
const SECRET = "s3cr3t-key";
const PLACEHOLDER = "***SensitiveInformation***";

/** A map of `key` to a string of length 1..3, so a long value fails at the path of its key. */
const map = (key: string, traits: Record<string, unknown> = {}) => ({
  type: "map", key: { target: id(key) }, value: { target: id("Short") }, traits,
});

const MODEL = {
  smithy: "2.0",
  shapes: {
    [id("Service")]: { type: "service", version: "1", operations: [{ target: id("Op") }], traits: { "aws.protocols#restJson1": {} } },
    [id("Op")]: { type: "operation", input: { target: id("Input") }, output: { target: "smithy.api#Unit" }, traits: { "smithy.api#http": { method: "POST", uri: "/" } } },
    [id("Input")]: {
      type: "structure",
      members: {
        plain: { target: id("PlainMap") },
        secretKeys: { target: id("SecretKeyMap") },
        secretMap: { target: id("SecretMap") },
        viaMember: { target: id("MemberMap"), traits: { "smithy.api#sensitive": {} } },
        inside: { target: id("Secrets") },
      },
      traits: { "smithy.api#input": {} },
    },
    [id("Short")]: { type: "string", traits: { "smithy.api#length": { min: 1, max: 3 } } },
    [id("Key")]: { type: "string" },
    [id("SecretKey")]: { type: "string", traits: { "smithy.api#sensitive": {} } },
    [id("PlainMap")]: map("Key"),
    [id("SecretKeyMap")]: map("SecretKey"),
    [id("SecretMap")]: map("Key", { "smithy.api#sensitive": {} }),
    [id("MemberMap")]: map("Key"),
    [id("InnerMap")]: map("Key"),
    [id("Secrets")]: { type: "structure", members: { tags: { target: id("InnerMap") } }, traits: { "smithy.api#sensitive": {} } },
  },
};

let validate: Validate;
beforeAll(async () => {
  const files = validatorFiles(await generate(modelFromJson({ "sensitive.json": MODEL })));
  const { mod } = await loadGenerated(files);
  validate = mod["validateInput"] as Validate;
});

describe("sensitive map keys in failure paths", () => {
  it("a plain map's key is in the path", () => {
    expect(validate({ plain: { [SECRET]: "toolong" } }).map((f) => f.path)).toEqual([`/plain/${SECRET}`]);
  });

  it.each([
    ["a @sensitive key shape", "secretKeys", "/secretKeys"],
    ["a @sensitive map", "secretMap", "/secretMap"],
    ["a map reached through a @sensitive member", "viaMember", "/viaMember"],
    ["a map inside a @sensitive structure", "inside", "/inside/tags"],
  ])("%s: the key is replaced by a placeholder", (_, member, at) => {
    const value = member === "inside" ? { inside: { tags: { [SECRET]: "toolong" } } } : { [member]: { [SECRET]: "toolong" } };
    const failures = validate(value);
    expect(failures.map((f) => f.path)).toEqual([`${at}/${PLACEHOLDER}`]);
    expect(failures[0]!.message).toBe(`Value with length 7 at '${at}/${PLACEHOLDER}' failed to satisfy constraint: Member must have length between 1 and 3, inclusive`);
    expect(JSON.stringify(failures)).not.toContain(SECRET);
  });
});

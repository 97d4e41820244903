// fast-check arbitraries derived from a Smithy model: operation inputs as a user would pass them
// (unicode and awkward strings, empty collections, nulls for absent members, dates with
// milliseconds), and the JSON a service would send for an output or an error structure.

import fc from "fast-check";
import type { ShapeIndex } from "../../../generator/index/shape-index.js";
import type { Member, Shape } from "../../../generator/model/model.js";

const MAX_DEPTH = 3;

/** Strings that exercise encoding: separators, escapes, non-ASCII, astral characters, prototype names. */
const AWKWARD = ["", " ", "a/b", "a b?c#d&e=f", "%2F", "+", "ü", "日本", "😀", "\u0000", "line\nbreak", 'quote"', "back\\slash", "__proto__", "constructor", "a,b"];

export const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom(...AWKWARD),
);
const nonEmptyText = text.filter((s) => s.length > 0);
const mapKey = fc.oneof(text, fc.constantFrom("__proto__", "constructor", "toString"));
/** Dates whose ISO form has a four-digit year, with milliseconds. */
export const date = fc.date({ noInvalidDate: true, min: new Date("0001-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z") });
/**
 * Dates a service sends. From year 100: the SDK reads years 0–99 as 1900–1999 (Date.UTC's rule),
 * a listed difference (docs/serde-differences.md) tested on its own.
 */
const wireDate = fc.date({ noInvalidDate: true, min: new Date("0100-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z") });
/**
 * Map keys a service sends. Without `__proto__`: the SDK drops that key from a map it reads, ours
 * keeps it (a listed difference, tested on its own).
 */
const wireKey = text.filter((k) => k !== "__proto__");

const jsonName = (m: Member) => (m.traits.get("smithy.api#jsonName") as string | undefined) ?? m.name;
const enumValues = (shape: Shape) => shape.members.map((m) => (m.traits.get("smithy.api#enumValue") ?? m.name) as string | number);

/** A value of `shape` as a TypeScript user passes it. */
export function inputValue(index: ShapeIndex, shape: Shape, depth = 0): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "string": return text;
    case "enum": return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(enumValues(shape) as string[])) }, { weight: 1, arbitrary: text });
    case "intEnum": return fc.oneof(fc.constantFrom(...(enumValues(shape) as number[])), fc.integer());
    case "boolean": return fc.boolean();
    case "byte": return fc.integer({ min: -128, max: 127 });
    case "short": return fc.integer({ min: -32768, max: 32767 });
    case "integer": return fc.integer();
    case "long": return fc.maxSafeInteger();
    case "float": case "double": return fc.double();
    case "timestamp": return date;
    case "blob": return fc.uint8Array({ maxLength: 8 });
    case "document": return fc.jsonValue({ maxDepth: 2 });
    case "list": {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      return fc.array(inputValue(index, index.target(shape.members[0]!), depth + 1), { maxLength: 3 });
    }
    case "map": {
      if (depth >= MAX_DEPTH) return fc.constant({});
      return fc.dictionary(mapKey, inputValue(index, index.target(shape.members[1]!), depth + 1), { maxKeys: 3 });
    }
    case "structure": {
      if (depth >= MAX_DEPTH) return fc.constant({});
      return fc.record(Object.fromEntries(shape.members.map((m) => [m.name, optional(inputValue(index, index.target(m), depth + 1))])), { requiredKeys: [] });
    }
    case "union": {
      if (depth >= MAX_DEPTH) return fc.constant({ $unknown: ["x", 1] });
      return fc.oneof(...shape.members.map((m) => fc.record({ [m.name]: inputValue(index, index.target(m), depth + 1) })));
    }
    default:
      throw new Error(`no input arbitrary for ${shape.type} ${shape.id}`);
  }
}

/** Absent, null (JS callers), or a value. */
function optional(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 6, arbitrary: value });
}

/**
 * An operation input: every @httpLabel member present and non-empty (an empty label is a
 * deliberate difference, tested apart), the other members absent, null or set.
 */
export function operationInput(index: ShapeIndex, input: Shape | undefined): fc.Arbitrary<Record<string, unknown>> {
  if (input === undefined) return fc.constant({});
  const entries = input.members.map((m) => {
    const value = inputValue(index, index.target(m));
    if (!m.traits.has("smithy.api#httpLabel")) return [m.name, optional(value)] as const;
    return [m.name, index.target(m).type === "string" ? nonEmptyText : value] as const;
  });
  const labels = input.members.filter((m) => m.traits.has("smithy.api#httpLabel")).map((m) => m.name);
  return fc.record(Object.fromEntries(entries), { requiredKeys: labels }) as fc.Arbitrary<Record<string, unknown>>;
}

/** The JSON a service sends for a value of `shape` (restJson1 wire form). */
export function wireValue(index: ShapeIndex, shape: Shape, member: Member | undefined, depth = 0): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "string": return text;
    case "enum": return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(enumValues(shape) as string[])) }, { weight: 1, arbitrary: text });
    case "intEnum": return fc.constantFrom(...(enumValues(shape) as number[]));
    case "boolean": return fc.boolean();
    case "byte": case "short": case "integer": return fc.integer({ min: -1000, max: 1000 });
    case "long": return fc.maxSafeInteger();
    case "float": case "double":
      return fc.oneof({ weight: 5, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.constantFrom("NaN", "Infinity", "-Infinity") });
    case "timestamp": {
      const format = member?.traits.get("smithy.api#timestampFormat") ?? shape.traits.get("smithy.api#timestampFormat") ?? "epoch-seconds";
      if (format === "date-time") return wireDate.map((d) => d.toISOString()).chain((iso) => fc.constantFrom(iso, iso.replace(/\.\d{3}Z$/, "Z")));
      if (format === "http-date") return wireDate.map((d) => d.toUTCString());
      return wireDate.map((d) => d.getTime() / 1000);
    }
    case "blob": return fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString("base64"));
    case "document": return fc.jsonValue({ maxDepth: 2 });
    case "list": {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      return fc.array(wireValue(index, index.target(shape.members[0]!), shape.members[0], depth + 1), { maxLength: 3 });
    }
    case "map": {
      if (depth >= MAX_DEPTH) return fc.constant({});
      return fc.dictionary(wireKey, wireValue(index, index.target(shape.members[1]!), shape.members[1], depth + 1), { maxKeys: 3, noNullPrototype: true });
    }
    case "structure": return wireObject(index, shape.members, depth + 1);
    case "union": {
      if (depth >= MAX_DEPTH) return fc.constant({});
      return fc.oneof(...shape.members.map((m) => fc.record({ [jsonName(m)]: wireValue(index, index.target(m), m, depth + 1) })));
    }
    default:
      throw new Error(`no wire arbitrary for ${shape.type} ${shape.id}`);
  }
}

/** A JSON object for `members`: each absent, null or set, plus sometimes a member this client does not know. */
export function wireObject(index: ShapeIndex, members: readonly Member[], depth = 0): fc.Arbitrary<Record<string, unknown>> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const known = fc.record(
    Object.fromEntries(members.map((m) => [jsonName(m), fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: wireValue(index, index.target(m), m, depth) })])),
    { requiredKeys: [] },
  );
  const unknown = fc.option(fc.record({ someNewMember: fc.jsonValue({ maxDepth: 1 }) }), { nil: undefined });
  return fc.tuple(known, unknown).map(([k, u]) => ({ ...u, ...k }));
}

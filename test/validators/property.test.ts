// Property test: on 10,000 random values per shape, valid and invalid, the generated validator
// reports the same failures as the reference checker (reference.ts), which interprets the
// model at run time. Values are drawn from the model too: near the bounds, matching and
// non-matching patterns, wrong types, nulls, duplicates.

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelFiles } from "../../generator/load/load.js";
import type { Member, Model, Shape } from "../../generator/model/model.js";
import { generate, loadGenerated } from "../helpers/codegen.js";
import { FIXTURES, validatorFiles, type Failure, type Validate } from "./load.js";
import { referenceCheck } from "./reference.js";
import { runs } from "../helpers/property-runs.js";

const RUNS = runs(10_000);
const MAX_DEPTH = 3;

/**
 * Values of the root shape, drawn from the model. `valid` mode keeps to the constraints (so
 * about half the values are valid); the other mode strays across every bound.
 */
function arbitraryFor(model: Model, rootId: string): fc.Arbitrary<unknown> {
  const shape = (id: string): Shape => model.shapes.get(id)!;
  const trait = <T>(member: Member | undefined, target: Shape, id: string): T | undefined =>
    (member !== undefined && member.traits.has(id) ? member.traits.get(id) : target.traits.get(id)) as T | undefined;
  const wrong = fc.oneof(fc.constant("x"), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.double());
  type Bounds = { min?: number; max?: number };

  const stringArb = (member: Member | undefined, target: Shape, valid: boolean): fc.Arbitrary<string> => {
    const length = trait<Bounds>(member, target, "smithy.api#length");
    const pattern = trait<string>(member, target, "smithy.api#pattern");
    const values = target.type === "enum"
      ? target.members.map((m) => m.traits.get("smithy.api#enumValue") as string)
      : (target.traits.get("smithy.api#enum") as Array<{ value: string }> | undefined)?.map((d) => d.value);
    const fits = (s: string) => {
      const n = [...s].length;
      return n >= (length?.min ?? 0) && n <= (length?.max ?? Infinity);
    };
    if (valid) {
      if (values !== undefined) return fc.constantFrom(...values);
      const base = pattern !== undefined ? fc.stringMatching(new RegExp(pattern, "u")) : fc.string({ unit: fc.constantFrom("a", "z", "😀"), minLength: length?.min ?? 0, maxLength: Math.min(length?.max ?? 10, 10) });
      return base.filter(fits);
    }
    const options: Array<fc.Arbitrary<string>> = [fc.string({ unit: fc.constantFrom("a", "B", "-", "7", "😀", "\ud800"), maxLength: (length?.max ?? 10) + 2 })];
    if (pattern !== undefined) options.push(fc.stringMatching(new RegExp(pattern, "u")));
    if (values !== undefined) options.push(fc.constantFrom(...values), fc.constantFrom(...values), fc.constantFrom(...values));
    return fc.oneof(...options);
  };

  const numberArb = (member: Member | undefined, target: Shape, valid: boolean): fc.Arbitrary<unknown> => {
    const range = trait<Bounds>(member, target, "smithy.api#range");
    const slack = valid ? 0 : 3;
    const lo = Math.max((range?.min ?? -50) - slack, -120);
    const hi = Math.min((range?.max ?? 50) + slack, 120);
    switch (target.type) {
      case "float": case "double":
        return valid ? fc.double({ min: lo, max: hi, noNaN: true }) : fc.oneof(fc.double({ min: lo, max: hi }), fc.constant(Number.NaN));
      case "bigInteger": return fc.bigInt(BigInt(Math.ceil(lo)), BigInt(Math.floor(hi)));
      case "bigDecimal": {
        const decimals = fc.double({ min: lo, max: hi, noNaN: true }).map((d) => d.toString());
        return valid ? decimals : fc.oneof(decimals, fc.constantFrom("1e1", "-.5", "0.10", "9.95E1", "1.", "abc"));
      }
      case "intEnum": {
        const values = target.members.map((m) => m.traits.get("smithy.api#enumValue") as number);
        return valid ? fc.constantFrom(...values) : fc.constantFrom(...values, 0, 2.5);
      }
      default: {
        const ints = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
        return valid ? ints : fc.oneof(ints, fc.constantFrom(1.5, -129, 128, 2 ** 31, 2 ** 63));
      }
    }
  };

  const valueArb = (member: Member | undefined, target: Shape, depth: number, valid: boolean): fc.Arbitrary<unknown> => {
    const sometimesWrong = (good: fc.Arbitrary<unknown>) => (valid ? good : fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: wrong, weight: 1 }));
    const length = trait<Bounds>(member, target, "smithy.api#length");
    switch (target.type) {
      case "string": case "enum": return sometimesWrong(stringArb(member, target, valid));
      case "boolean": return sometimesWrong(fc.boolean());
      case "timestamp": return sometimesWrong(fc.date({ noInvalidDate: valid }));
      case "blob": return sometimesWrong(fc.uint8Array({ minLength: valid ? (length?.min ?? 0) : 0, maxLength: (length?.max ?? 4) + (valid ? 0 : 2) }));
      case "document": return sometimesWrong(fc.jsonValue({ maxDepth: 2 }));
      case "list": case "map": {
        if (depth >= MAX_DEPTH) return fc.constant(target.type === "list" ? [] : {});
        const minLength = valid ? (length?.min ?? 0) : 0;
        const maxLength = Math.min((length?.max ?? 3) + (valid ? 0 : 2), 6);
        const itemMember = target.type === "list" ? target.members[0]! : target.members[1]!;
        const item = valid ? valueArb(itemMember, shape(itemMember.target), depth + 1, true) : itemArb(itemMember, depth + 1);
        if (target.type === "list") {
          if (valid) {
            const unique = trait(member, target, "smithy.api#uniqueItems") !== undefined;
            const list = fc.array(item, { minLength, maxLength });
            return unique ? list.map((xs) => xs.filter((x, i) => xs.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) === i)).filter((xs) => xs.length >= minLength) : list;
          }
          // Duplicate an item now and then so uniqueItems fails as well as passes.
          return sometimesWrong(fc.tuple(fc.array(item, { maxLength }), fc.boolean()).map(([xs, dup]) => (dup && xs.length > 0 ? [...xs, xs[0]] : xs)));
        }
        const keyMember = target.members[0]!;
        return sometimesWrong(fc.dictionary(stringArb(keyMember, shape(keyMember.target), valid), item, { minKeys: minLength, maxKeys: maxLength }));
      }
      case "structure": case "union": {
        if (depth >= MAX_DEPTH) return fc.constant(target.type === "union" ? { [target.members[0]!.name]: null } : {});
        const aggregate = (m: Member) => ["structure", "union", "list", "map"].includes(shape(m.target).type);
        // Valid values stop recursing one level early, so the depth cut never drops a required member.
        const kept = valid && depth + 2 >= MAX_DEPTH ? target.members.filter((m) => !aggregate(m) || m.traits.has("smithy.api#required")) : target.members;
        const members = Object.fromEntries(
          kept.map((m) => {
            const value = valueArb(m, shape(m.target), depth + 1, valid);
            return [m.name, valid ? value : fc.oneof({ arbitrary: value, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 })];
          }),
        );
        const required = target.members.filter((m) => m.traits.has("smithy.api#required")).map((m) => m.name);
        const one = fc.constantFrom(...kept.map((m) => m.name)).chain((name) => members[name]!.map((v) => ({ [name]: v })));
        const record = target.type === "union"
          ? valid ? one : fc.oneof(one, fc.record(members, { requiredKeys: [] }))
          : fc.record(members, { requiredKeys: valid ? required : [] });
        return depth === 0 ? record : sometimesWrong(record);
      }
      default: return sometimesWrong(numberArb(member, target, valid));
    }
  };
  const itemArb = (item: Member, depth: number) =>
    fc.oneof({ arbitrary: valueArb(item, shape(item.target), depth, false), weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });

  return fc.oneof(valueArb(undefined, shape(rootId), 0, true), valueArb(undefined, shape(rootId), 0, false));
}

/** Failures as comparable strings, order aside (the reference does not promise the generated order). */
const canonical = (failures: readonly Failure[]) => failures.map((f) => JSON.stringify([f.path, f.constraint, f.message])).sort();

async function agreement(modelFile: string, rootId: string, exported: string) {
  const model = await loadModelFiles([modelFile]);
  const { mod } = await loadGenerated(validatorFiles(await generate([modelFile])));
  const validate = mod[exported] as Validate;
  let valid = 0;
  // Counted over the runs only (fast-check may call the predicate again while shrinking).
  let invalid = 0;
  fc.assert(
    fc.property(arbitraryFor(model, rootId), (value) => {
      const expected = referenceCheck(model, rootId, value);
      if (expected.length === 0) valid++;
      else invalid++;
      expect(canonical(validate(value))).toEqual(canonical(expected));
    }),
    { numRuns: RUNS },
  );
  return { valid, invalid };
}

describe("generated validators agree with the reference checker", () => {
  it(`CreateRouteRequest, ${RUNS} values`, async () => {
    const { valid, invalid } = await agreement(join(import.meta.dirname, "..", "..", "models", "apigatewayv2-create-route.json"), "com.amazonaws.apigatewayv2#CreateRouteRequest", "validateCreateRouteRequest");
    // Both kinds must be well represented for the agreement to mean anything.
    expect(valid).toBeGreaterThan(RUNS / 4);
    expect(invalid).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it(`a structure with every constraint, ${RUNS} values`, async () => {
    const { valid, invalid } = await agreement(join(FIXTURES, "every-constraint.json"), "example.validation#Everything", "validateEverything");
    expect(valid).toBeGreaterThan(RUNS / 5);
    expect(invalid).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});

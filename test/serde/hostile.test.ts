// Hostile values never crash the generated serde with a TypeError: any response (status,
// headers, body of any type and any JSON in any member) resolves or rejects with the service
// exception; any member values given to a serializer give a request or a plain Error.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import type { Shape } from "../../generator/model/model.js";
import { nameOf } from "../../generator/model/shape-id.js";
import { generate, loadGenerated, modelFromJson } from "../helpers/codegen.js";
import { featureModel } from "./support/fixture-model.js";
import { runs } from "../helpers/property-runs.js";

type Fn = (...args: unknown[]) => any;

let mod: Record<string, Fn>;
let operations: Shape[];
let index: ShapeIndex;

beforeAll(async () => {
  const model = modelFromJson({ "features.json": featureModel() });
  index = new ShapeIndex(model);
  operations = [...serviceClosure(index, index.services()[0]!).operations];
  mod = (await loadGenerated<Record<string, Fn>>(await generate(model))).mod;
}, 120_000);

const jsonish = fc.anything({ maxDepth: 3, withBigInt: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: true, withDate: true, withNullPrototype: true, withObjectString: true });
const wireJson = fc.jsonValue({ maxDepth: 3 });
const headerName = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom("x-amzn-errortype", "X-Amzn-ErrorType", "x-text", "x-list", "x-count", "x-ratio", "x-on", "x-at", "x-dates", "x-json", "x-kind", "x-meta-a", "x-reason", "content-type", "__proto__"),
);

/** A body of any kind: text, JSON with any value in any member (by wire name), bytes, chunks, nothing. */
function body(op: Shape): fc.Arbitrary<unknown> {
  const output = op.output === undefined || op.output === "smithy.api#Unit" ? undefined : index.shape(op.output);
  const keys = [...(output?.members ?? []).map((m) => (m.traits.get("smithy.api#jsonName") as string | undefined) ?? m.name), "message", "code", "__type", "__proto__"];
  const object = fc.dictionary(fc.constantFrom(...keys), wireJson, { maxKeys: 5 }).map((o) => JSON.stringify(o));
  return fc.oneof(
    fc.string(),
    wireJson.map((v) => JSON.stringify(v)),
    object,
    object.map((s) => new TextEncoder().encode(s)),
    fc.uint8Array({ maxLength: 16 }),
    fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 3 }).map((chunks) => (async function* () { yield* chunks; })()),
    fc.constantFrom(undefined, null),
  );
}

describe("hostile values", () => {
  it("responses: any status, headers and body resolve or reject with the service exception", async () => {
    const Base = mod["FeaturesServiceException"] as unknown as new () => Error;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((op) => fc.record({
          op: fc.constant(op),
          statusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom(200, 201, 404, 500, NaN, -1)),
          headers: fc.dictionary(headerName, fc.string({ maxLength: 40 }), { maxKeys: 4 }),
          body: body(op),
        })),
        async ({ op, statusCode, headers, body }) => {
          const outcome = await (mod[`deserialize${nameOf(op.id)}Response`]!({ statusCode, headers, body }) as Promise<unknown>).then(
            () => undefined,
            (e: unknown) => e,
          );
          if (outcome === undefined) return;
          expect(outcome).not.toBeInstanceOf(TypeError);
          // Event stream operations reject with a plain Error: the only other kind allowed.
          if (!(outcome instanceof Base)) expect(String(outcome)).toMatch(/event stream/);
        },
      ),
      { numRuns: runs(1500) },
    );
  }, 120_000);

  it("requests: any member values give a request or a plain Error, never a TypeError", async () => {
    await fc.assert(
      fc.property(
        fc.constantFrom(...operations).chain((op) => {
          const input = op.input === undefined || op.input === "smithy.api#Unit" ? undefined : index.shape(op.input);
          return fc.record({
            op: fc.constant(op),
            input: fc.record(Object.fromEntries((input?.members ?? []).map((m) => [m.name, m.traits.has("smithy.api#httpLabel") ? fc.string({ minLength: 1 }) : jsonish])), { requiredKeys: [] }),
          });
        }),
        ({ op, input }) => {
          try {
            mod[`serialize${nameOf(op.id)}Request`]!(input, "https://example.com");
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            expect(e).not.toBeInstanceOf(TypeError);
            expect(e).not.toBeInstanceOf(RangeError);
          }
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});

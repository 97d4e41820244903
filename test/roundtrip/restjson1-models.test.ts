// Round trips through both halves of every restJson1 AWS model's package: an input the
// arbitraries derive from the model goes through the client's request serializer and the
// server's request deserializer and must come back equal; an output goes through the server's
// response serializer and the client's response deserializer and must come back equal.
// 100 fast-check runs per operation and direction, as the issue asks (about 55 s on a loaded
// 2-core machine, against 43 s for 10: most of it is generating the packages). ROUNDTRIP_RUNS
// overrides it, for a quick local run.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ShapeIndex, serviceClosure } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import type { Shape } from "../../generator/model/model.js";
import { inputValue, operationInput } from "../serde/support/arbitraries.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { comparable, hasUnknownUnionMember, skipReason } from "./normalize.js";
import { runs } from "../helpers/property-runs.js";

const RUNS = runs(Number(process.env["ROUNDTRIP_RUNS"] ?? 100));
const dir = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const models = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith(".json") && readFileSync(join(dir, f), "utf8").includes('"aws.protocols#restJson1"')).sort();

type Fn = (...args: unknown[]) => unknown;

describe.skipIf(dir === undefined)(`restJson1 round trips (${dir === undefined ? SHARED_MISSING : `${models.length} models, ${RUNS} runs each way`})`, () => {
  it("finds the restJson1 models", () => {
    expect(models.length).toBeGreaterThan(0);
  });

  for (const file of models) {
    describe(file, async () => {
      const model = await loadModelFiles([join(dir!, file)]);
      const index = new ShapeIndex(model);
      const service = index.services().find((s) => s.traits.has("aws.protocols#restJson1"))!;
      const { operations } = serviceClosure(index, service);
      let mod: Record<string, Fn> = {};
      beforeAll(async () => {
        const files = await generate(model, { service: service.id, options: { targets: ["client", "server"] } });
        mod = (await loadGenerated<Record<string, Fn>>(files)).mod;
      }, 300_000);

      for (const op of operations) {
        const name = op.id.slice(op.id.indexOf("#") + 1);
        const input = shapeOf(index, op.input);
        const output = shapeOf(index, op.output);
        const skip = skipReason(index, input, output);
        it.skipIf(skip !== undefined)(`${name}: input → client request → server input${skip ? ` (skipped: ${skip})` : ""}`, async () => {
          await fc.assert(
            fc.asyncProperty(operationInput(index, input).filter((v) => sendable(input, v)), async (value) => {
              const request = serialize(() => mod[`serialize${name}Request`]!(value, "https://example.com"));
              if (request === undefined) return;
              const back = (await mod[`deserialize${name}Request`]!(request)) as Record<string, unknown>;
              const [expected, actual] = comparable(index, input, value, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, includeErrorInReport: true },
          );
        });
        it.skipIf(skip !== undefined)(`${name}: output → server response → client output${skip ? ` (skipped: ${skip})` : ""}`, async () => {
          const arbitrary = output === undefined ? fc.constant({}) : inputValue(index, output);
          await fc.assert(
            fc.asyncProperty(arbitrary, async (value) => {
              const response = serialize(() => mod[`serialize${name}Response`]!(value));
              if (response === undefined) return;
              const { $metadata, ...back } = (await mod[`deserialize${name}Response`]!(response)) as Record<string, unknown>;
              expect($metadata).toBeDefined();
              const [expected, actual] = comparable(index, output, value as Record<string, unknown>, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, includeErrorInReport: true },
          );
        });
      }
    });
  }
});

/**
 * Inputs a client can send: no empty URI label (an empty enum label; the serializer throws, a
 * deliberate difference tested elsewhere) and no `$unknown` union member (a server rejects it).
 */
function sendable(input: Shape | undefined, value: Record<string, unknown>): boolean {
  const emptyLabel = (input?.members ?? []).some((m) => m.traits.has("smithy.api#httpLabel") && value[m.name] === "");
  return !emptyLabel && !hasUnknownUnionMember(value);
}

/**
 * The serializer's message, or undefined when it refused a header value with a line break
 * (HTTP cannot carry one; the contract says the serializers throw).
 */
function serialize(write: () => unknown): unknown {
  try {
    return write();
  } catch (e) {
    if (e instanceof Error && !(e instanceof TypeError) && /line break/.test(e.message)) return undefined;
    throw e;
  }
}

function shapeOf(index: ShapeIndex, id: string | undefined): Shape | undefined {
  return id === undefined || id === "smithy.api#Unit" ? undefined : index.shape(id);
}

// Round trips through both halves of every awsJson AWS model's package under ../shared (dynamodb,
// sqs, kinesis, pricing, resource-groups-tagging-api, kendra-ranking, …): an input derived from the model goes
// through the client's request serializer and the server's request deserializer and must come
// back equal; an output goes through the server's response serializer and the client's
// response deserializer and must come back equal. AWSJSON_ROUNDTRIP_RUNS fast-check runs per
// operation and direction (default 20; 100 for the full check).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ShapeIndex, serviceClosure } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import type { Shape } from "../../../generator/model/model.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { comparable, hasUnknownUnionMember, skipReason } from "../../roundtrip/normalize.js";
import { inputValue, operationInput } from "../../serde/support/arbitraries.js";

const RUNS = Number(process.env["AWSJSON_ROUNDTRIP_RUNS"] ?? 20);
const PROTOCOLS = ['"aws.protocols#awsJson1_0"', '"aws.protocols#awsJson1_1"'];
const dir = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const models = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith(".json") && PROTOCOLS.some((p) => readFileSync(join(dir, f), "utf8").includes(p))).sort();

type Fn = (...args: unknown[]) => unknown;

describe.skipIf(dir === undefined)(`awsJson round trips (${dir === undefined ? SHARED_MISSING : `${models.length} models, ${RUNS} runs each way`})`, () => {
  it("finds the awsJson models, the six of the issue among them", () => {
    for (const name of ["dynamodb", "sqs", "kinesis", "pricing", "resource-groups-tagging-api", "kendra-ranking"]) {
      expect(models.some((m) => m.startsWith(`${name}-2`)), name).toBe(true);
    }
  });

  for (const file of models) {
    describe(file, async () => {
      const model = await loadModelFiles([join(dir!, file)]);
      const index = new ShapeIndex(model);
      const service = index.services()[0]!;
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
            // A `$unknown` union member is not sendable: a server rejects it.
            fc.asyncProperty(operationInput(index, input).filter((v) => !hasUnknownUnionMember(v)), async (value) => {
              const request = mod[`serialize${name}Request`]!(value, "https://example.com");
              const back = (await mod[`deserialize${name}Request`]!(request)) as Record<string, unknown>;
              const [expected, actual] = comparable(index, input, value, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, seed: 15, includeErrorInReport: true },
          );
        });
        it.skipIf(skip !== undefined)(`${name}: output → server response → client output${skip ? ` (skipped: ${skip})` : ""}`, async () => {
          const arbitrary = output === undefined ? fc.constant({}) : inputValue(index, output);
          await fc.assert(
            fc.asyncProperty(arbitrary, async (value) => {
              const response = mod[`serialize${name}Response`]!(value);
              const { $metadata, ...back } = (await mod[`deserialize${name}Response`]!(response)) as Record<string, unknown>;
              expect($metadata).toBeDefined();
              const [expected, actual] = comparable(index, output, value as Record<string, unknown>, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, seed: 15, includeErrorInReport: true },
          );
        });
      }
    });
  }
});

function shapeOf(index: ShapeIndex, id: string | undefined): Shape | undefined {
  return id === undefined || id === "smithy.api#Unit" ? undefined : index.shape(id);
}

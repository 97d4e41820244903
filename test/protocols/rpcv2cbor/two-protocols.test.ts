// A service that declares two protocols: marketplace-entitlement-service (awsJson1_1 and
// rpcv2Cbor). The `protocol` option picks one (by name or trait id, from the flag or the config
// file), an undeclared one is a usage error (exit 2), and the package generated each way round
// trips every operation: input → client request → server input, and output → server response →
// client output. TWO_PROTOCOLS_RUNS fast-check runs per operation and direction (default 20).

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ShapeIndex, serviceClosure } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import type { Shape } from "../../../generator/model/model.js";
import { generate, fileOf, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { codegen, tmp, writeJson } from "../../cli/helpers.js";
import { comparable, hasUnknownUnionMember, skipReason } from "../../roundtrip/normalize.js";
import { inputValue, operationInput } from "../../serde/support/arbitraries.js";

const RUNS = Number(process.env["TWO_PROTOCOLS_RUNS"] ?? 20);
const MODEL = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws", "marketplace-entitlement-service-2017-01-11.json");
const found = MODEL !== undefined && existsSync(MODEL);

type Fn = (...args: unknown[]) => unknown;

describe.skipIf(!found)(`marketplace-entitlement-service, two protocols${found ? "" : ` (${SHARED_MISSING})`}`, () => {
  it("gets awsJson1_1 by default, and either protocol by name or trait id (flag or config file)", async () => {
    const model = await loadModelFiles([MODEL!]);
    const wire = async (protocol?: string) => fileOf(await generate(model, { options: protocol === undefined ? {} : { protocol } }), "src/protocol.ts");
    expect(await wire()).toContain(`"x-amz-target": "AWSMPEntitlementService.GetEntitlements"`);
    expect(await wire("awsJson1_1")).toBe(await wire());
    const cbor = await wire("rpcv2Cbor");
    expect(cbor).toContain(`"/service/AWSMPEntitlementService/operation/GetEntitlements"`);
    expect(await wire("smithy.protocols#rpcv2Cbor")).toBe(cbor);

    const dir = tmp();
    const flag = codegen(["generate", "--model", MODEL!, "--out", join(dir, "flag"), "--protocol", "rpcv2Cbor", "--no-typecheck", "--quiet"]);
    expect(flag.stderr).toBe("");
    expect(readFileSync(join(dir, "flag", "src", "protocol.ts"), "utf8")).toContain(`"smithy-protocol": "rpc-v2-cbor"`);
    writeJson(join(dir, "codegen.config.json"), { models: [MODEL!], out: "config", protocol: "rpcv2Cbor", typecheck: false });
    expect(codegen(["generate", "--quiet"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "config", "src", "protocol.ts"), "utf8")).toContain(`"smithy-protocol": "rpc-v2-cbor"`);
  }, 60_000);

  it("refuses a protocol the service does not declare (exit 2, naming those it does)", () => {
    const r = codegen(["generate", "--model", MODEL!, "--out", join(tmp(), "x"), "--protocol", "restXml", "--no-typecheck"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("protocol restXml is not a protocol the service declares; it declares awsJson1_1, rpcv2Cbor");
    expect(codegen(["generate", "--model", MODEL!, "--out", join(tmp(), "y"), "--protocol", "aws.protocols#awsJson1_0", "--no-typecheck"]).code).toBe(2);
  });

  for (const protocol of ["awsJson1_1", "rpcv2Cbor"]) {
    describe(`round trips over ${protocol} (${RUNS} runs each way)`, async () => {
      const model = found ? await loadModelFiles([MODEL!]) : undefined;
      const index = model === undefined ? undefined : new ShapeIndex(model);
      const operations = index === undefined ? [] : serviceClosure(index, index.services()[0]!).operations;
      let mod: Record<string, Fn> = {};
      beforeAll(async () => {
        mod = (await loadGenerated<Record<string, Fn>>(await generate(model!, { options: { targets: ["client", "server"], protocol } }))).mod;
      }, 120_000);

      for (const op of operations) {
        const name = op.id.slice(op.id.indexOf("#") + 1);
        const input = shapeOf(index!, op.input);
        const output = shapeOf(index!, op.output);
        const skip = skipReason(index!, input, output);
        it.skipIf(skip !== undefined)(`${name}: input → client request → server input`, async () => {
          await fc.assert(
            fc.asyncProperty(operationInput(index!, input).filter((v) => !hasUnknownUnionMember(v)), async (value) => {
              const request = mod[`serialize${name}Request`]!(value, "https://example.com");
              const back = (await mod[`deserialize${name}Request`]!(request)) as Record<string, unknown>;
              const [expected, actual] = comparable(index!, input, value, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, seed: 17, includeErrorInReport: true },
          );
        });
        it.skipIf(skip !== undefined)(`${name}: output → server response → client output`, async () => {
          await fc.assert(
            fc.asyncProperty(output === undefined ? fc.constant({}) : inputValue(index!, output), async (value) => {
              const response = mod[`serialize${name}Response`]!(value);
              const { $metadata, ...back } = (await mod[`deserialize${name}Response`]!(response)) as Record<string, unknown>;
              expect($metadata).toBeDefined();
              const [expected, actual] = comparable(index!, output, value as Record<string, unknown>, back);
              expect(actual).toEqual(expected);
            }),
            { numRuns: RUNS, seed: 17, includeErrorInReport: true },
          );
        });
      }
    });
  }
});

function shapeOf(index: ShapeIndex, id: string | undefined): Shape | undefined {
  return id === undefined || id === "smithy.api#Unit" ? undefined : index.shape(id);
}

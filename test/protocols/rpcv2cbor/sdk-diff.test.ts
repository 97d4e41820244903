// Differential test against AWS SDK for JavaScript v3 over rpcv2Cbor: the SDK's
// marketplace-entitlement-service client speaks awsJson1_1 (compared in
// test/protocols/awsjson/sdk-diff.test.ts), and is switched here to the SDK's own CBOR protocol
// (`protocol: AwsSmithyRpcV2CborProtocol`). Fast-check inputs are serialized by both (the CBOR
// bodies compared by decoded value); outputs and every modeled error, written by our generated
// server, are read by both. SDK_CBOR_DIFF_RUNS runs per direction (default 50).

import { join } from "node:path";
import { AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import { nameOf } from "../../../generator/model/shape-id.js";
import { decode } from "../../../runtime/cbor/index.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { inputValue, operationInput } from "../../serde/support/arbitraries.js";
import { comparableError, comparableOutput } from "../../serde/support/compare.js";
import { sdkReference } from "../awsjson/sdk.js";

const RUNS = Number(process.env["SDK_CBOR_DIFF_RUNS"] ?? 50);
const ENDPOINT = "https://entitlement.marketplace.us-east-1.amazonaws.com";
const MODEL = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws", "marketplace-entitlement-service-2017-01-11.json");

type Fn = (...args: unknown[]) => unknown;
interface Response { statusCode: number; headers: Record<string, string>; body: Uint8Array }

describe.skipIf(MODEL === undefined)(`marketplace-entitlement-service over rpcv2Cbor matches SDK v3's CBOR protocol${MODEL === undefined ? ` (${SHARED_MISSING})` : ""}`, async () => {
  const model = MODEL === undefined ? undefined : await loadModelFiles([MODEL]);
  const index = model === undefined ? undefined : new ShapeIndex(model);
  const closure = index === undefined ? undefined : serviceClosure(index, index.services()[0]!);
  const mod = model === undefined ? {} : (await loadGenerated<Record<string, Fn>>(await generate(model, { options: { targets: ["client", "server"], protocol: "rpcv2Cbor" } }))).mod;
  const sdk = sdkReference(await import("@aws-sdk/client-marketplace-entitlement-service"), "MarketplaceEntitlementServiceClient", ENDPOINT, { protocol: AwsSmithyRpcV2CborProtocol });

  for (const op of closure?.operations ?? []) {
    const name = nameOf(op.id);

    it(`${name}: requests (path, headers, body by decoded value)`, async () => {
      await fc.assert(
        fc.asyncProperty(operationInput(index!, index!.shape(op.input!)), async (value) => {
          const ours = mod[`serialize${name}Request`]!(value, ENDPOINT) as { method: string; path: string; headers: Record<string, string>; body: Uint8Array };
          const theirs = await sdk.request(name, value);
          expect(ours.method).toBe(theirs.method);
          expect(ours.path).toBe(theirs.path);
          for (const header of ["smithy-protocol", "accept", "content-type", "content-length"]) expect(ours.headers[header], header).toBe(theirs.headers[header]);
          expect(decode(ours.body)).toEqual(decode(theirs.bytes!));
        }),
        { numRuns: RUNS, seed: 21 },
      );
    }, 120_000);

    it(`${name}: responses written by our server (output and every modeled error) read alike`, async () => {
      const errors = [...new Set([...(op.errors ?? []), ...(closure!.service.errors ?? [])])].map((id) => index!.shape(id));
      const output = fc.record({ kind: fc.constant("output" as const), value: inputValue(index!, index!.shape(op.output!)) });
      const error = fc.constantFrom(...errors).chain((shape) =>
        fc.record({ kind: fc.constant("error" as const), shape: fc.constant(shape), message: fc.string({ maxLength: 20 }) }));
      await fc.assert(
        fc.asyncProperty(fc.oneof(output, error), async (c) => {
          const response = (c.kind === "output"
            ? mod[`serialize${name}Response`]!(c.value)
            : mod[`serialize${name}Error`]!(new (mod[nameOf(c.shape.id)] as unknown as new (o: object) => Error)({ message: c.message, $metadata: {} }))) as Response;
          const theirs = await sdk.response(name, {}, { statusCode: response.statusCode, headers: response.headers, body: response.body });
          const ours = await (mod[`deserialize${name}Response`]!({ ...response, body: response.body.slice() }) as Promise<unknown>).then(
            (out) => ({ output: out, error: undefined }),
            (e: unknown) => ({ output: undefined, error: e }),
          );
          if (c.kind === "output") {
            expect(theirs.error).toBeUndefined();
            expect(comparableOutput(ours.output)).toEqual(comparableOutput(theirs.output));
          } else {
            expect(comparableError(ours.error, [])).toEqual(comparableError(theirs.error, []));
          }
        }),
        { numRuns: RUNS, seed: 21 },
      );
    }, 120_000);
  }
});

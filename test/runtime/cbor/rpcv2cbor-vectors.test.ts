// runtime/cbor on the real test vectors: every application/cbor body of the rpcv2Cbor protocol
// compliance suite (requests and responses, operations and errors) decodes, re-encodes to bytes
// that decode to the same value, and decodes to what AWS SDK v3's codec reads from it.

import { join } from "node:path";
import { cbor } from "@smithy/core/cbor";
import { describe, expect, it } from "vitest";
import { loadModelFiles } from "../../../generator/load/load.js";
import { decode, encode } from "../../../runtime/cbor/index.js";
import { SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { fromSdk, normal } from "./arbitraries.js";

const RPCV2_CBOR = "smithy.protocols#rpcv2Cbor";
// SDK v3's decoder (@smithy/core 3.41.1) rejects indefinite-length map keys, which this body uses.
const SDK_CANNOT_READ = new Set(["request RpcV2CborSimpleScalarPropertiesUsingIndefiniteLength"]);

interface BodyCase {
  name: string;
  body: Uint8Array;
}

async function bodies(shared: string): Promise<BodyCase[]> {
  const model = await loadModelFiles([
    join(shared, "smithy", "protocol-tests", "rpcv2Cbor"),
    // The query-compatible cases name aws-config.smithy's vendor-params shape (the suite's README).
    join(shared, "smithy", "protocol-tests", "aws-config.smithy"),
    join(shared, "smithy", "traits"),
  ]);
  const out: BodyCase[] = [];
  for (const shape of model.shapes.values()) {
    for (const trait of ["smithy.test#httpRequestTests", "smithy.test#httpResponseTests"]) {
      const cases = (shape.traits.get(trait) ?? []) as { id: string; protocol: string; body?: string; bodyMediaType?: string }[];
      for (const c of cases) {
        if (c.protocol !== RPCV2_CBOR || c.bodyMediaType !== "application/cbor" || !c.body) continue;
        out.push({ name: `${trait.endsWith("RequestTests") ? "request" : "response"} ${c.id}`, body: Uint8Array.from(Buffer.from(c.body, "base64")) });
      }
    }
  }
  return out;
}

const cases = SHARED_DIR === undefined ? [] : await bodies(SHARED_DIR);

if (cases.length === 0) {
  describe.skip(`rpcv2Cbor test vectors (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));
} else {
  describe("runtime/cbor: rpcv2Cbor protocol-test bodies", () => {
    it("finds the suite's CBOR bodies", () => {
      expect(cases.length).toBeGreaterThan(60);
    });
    it.each(cases)("$name", ({ name, body }) => {
      const value = decode(body);
      if (SDK_CANNOT_READ.has(name)) expect(() => cbor.deserialize(body)).toThrow(/unexpected minor value 31/);
      else expect(value).toEqual(fromSdk(cbor.deserialize(body)));
      expect(decode(encode(value))).toEqual(normal(value));
    });
  });
}

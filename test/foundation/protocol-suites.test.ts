// The official protocol compliance suites of all seven protocols (../shared/smithy/protocol-tests)
// load, each on its own with what its README says it needs and the trait definition files, and
// each holds a service of its protocol with compliance cases. Only restJson1's cases are run
// (test/protocols/); the others must at least load.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModelFiles } from "../../generator/load/load.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";

const TESTS = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "smithy", "protocol-tests");
const SHARED_TYPES = "shared-types.smithy";
const AWS_CONFIG = "aws-config.smithy";

/** Suite folder → [protocol trait of its services, files of protocol-tests/ it needs besides its folder]. */
const SUITES: Record<string, readonly [string, readonly string[]]> = {
  restJson1: ["aws.protocols#restJson1", [SHARED_TYPES]],
  awsJson1_0: ["aws.protocols#awsJson1_0", [SHARED_TYPES, AWS_CONFIG]],
  awsJson1_1: ["aws.protocols#awsJson1_1", [SHARED_TYPES]],
  awsQuery: ["aws.protocols#awsQuery", [SHARED_TYPES, AWS_CONFIG]],
  ec2Query: ["aws.protocols#ec2Query", [SHARED_TYPES, AWS_CONFIG]],
  restXml: ["aws.protocols#restXml", [SHARED_TYPES, AWS_CONFIG]],
  restXmlWithNamespace: ["aws.protocols#restXml", []],
  rpcv2Cbor: ["smithy.protocols#rpcv2Cbor", [AWS_CONFIG]],
};
const CASE_TRAITS = ["smithy.test#httpRequestTests", "smithy.test#httpResponseTests"];

describe.skipIf(SHARED_DIR === undefined)(`protocol test suites (${SHARED_DIR === undefined ? SHARED_MISSING : "all seven protocols"})`, () => {
  for (const [folder, [protocol, needs]] of Object.entries(SUITES)) {
    it(`${folder} loads and has ${protocol} services with compliance cases`, async () => {
      const model = await loadModelFiles([join(TESTS, folder), ...needs.map((f) => join(TESTS, f)), join(SHARED_DIR!, "smithy", "traits")]);
      const shapes = [...model.shapes.values()];
      expect(shapes.filter((s) => s.type === "service" && s.traits.has(protocol)).length).toBeGreaterThan(0);
      expect(shapes.filter((s) => CASE_TRAITS.some((t) => s.traits.has(t))).length).toBeGreaterThan(0);
    }, 30_000);
  }
});

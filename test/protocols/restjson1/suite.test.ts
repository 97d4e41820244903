// The restJson1 compliance suite is read completely: every case of the four smithy.test
// traits, with unique ids, and parameterised malformed cases expanded.

import { describe, expect, it } from "vitest";
import { loadRestJsonSuites } from "../../helpers/protocol-tests.js";
import { SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";

describe.skipIf(SHARED_DIR === undefined)(`restJson1 suite inventory${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  it("reads request, response, malformed-request and event stream cases of every restJson1 service, with unique ids", async () => {
    const suites = await loadRestJsonSuites(SHARED_DIR!);
    expect(suites.map((s) => s.service.id).sort()).toEqual([
      "aws.protocoltests.restjson#RestJson",
      "aws.protocoltests.restjson.validation#RestJsonValidation",
      "com.amazonaws.apigateway#BackplaneControlService",
      "com.amazonaws.glacier#Glacier",
    ]);
    const all = { requests: suites.flatMap((s) => s.requests), responses: suites.flatMap((s) => s.responses), malformed: suites.flatMap((s) => s.malformed) };
    // Counted from the suite's .smithy files: 159 request cases, less the two server-only ones
    // of aws.protocoltests.misc#AcceptHeaderStarService, an operation no service binds;
    // 191 malformed cases before parameter expansion.
    expect(all.requests).toHaveLength(157);
    expect(all.responses).toHaveLength(116);
    expect(all.malformed.length).toBeGreaterThan(191);
    // event-stream.smithy: 100 eventStreamTests cases, 16 of them server-only.
    const streams = suites.flatMap((s) => s.streams);
    expect(streams).toHaveLength(100);
    expect(streams.filter((c) => c.testCase.appliesTo === "server")).toHaveLength(16);
    for (const list of [all.requests, all.responses, all.malformed, streams]) {
      const ids = list.map((c) => c.testCase.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const suite = { malformed: all.malformed };
    expect(suite.malformed.some((c) => c.testCase.id.startsWith("RestJsonBodyBooleanStringCoercion_case"))).toBe(true);
    expect(suite.malformed.every((c) => !JSON.stringify(c.testCase).includes(":S }"))).toBe(true);
  });
});

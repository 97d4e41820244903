// awsJson1_0 and awsJson1_1 protocol compliance, server side: every httpRequestTests case for
// servers reads the request into `params`, and every httpResponseTests case for servers
// (operations and errors) writes `params` to the expected response. (The suites have no
// malformed-request cases.) Test names are the case ids.

import { describe, expect, it } from "vitest";
import { nameOf } from "../../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../../helpers/codegen.js";
import { headerOf, jsonBodyEquals } from "../../helpers/http-compare.js";
import { loadProtocolSuites, toTypeScriptValue, type ProtocolCase, type ProtocolSuite } from "../../helpers/protocol-tests.js";
import { SERVER_SKIPS } from "./skips.js";

type Generated = Record<string, (...args: unknown[]) => unknown>;
interface Response { statusCode: number; headers: Record<string, string>; body?: string | Uint8Array }

const forServer = <T extends { appliesTo?: string }>(cases: ProtocolCase<T>[]) => cases.filter((c) => c.testCase.appliesTo !== "client");

for (const protocol of ["awsJson1_0", "awsJson1_1"] as const) {
  const suites: ProtocolSuite[] = SHARED_DIR === undefined ? [] : await loadProtocolSuites(SHARED_DIR, `aws.protocols#${protocol}`);
  if (suites.length === 0) describe.skip(`${protocol} server compliance (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));

  for (const suite of suites) {
    const requests = forServer(suite.requests);
    const responses = forServer(suite.responses);
    if (requests.length + responses.length === 0) continue;
    const service = nameOf(suite.service.id);

    describe(`${protocol} server (${service})`, async () => {
      // As `--target server` generates it: server alone, @required trusted (authoritative optionality).
      const files = await generate(suite.model, { service: suite.service.id, options: { targets: ["server"], optionality: "authoritative" } });
      const { mod } = await loadGenerated<Generated>(files);

      it(`${service} server package type-checks`, async () => {
        await typecheck(files, `${service}-server`, { noUnusedLocals: true });
      }, 120_000);

      if (requests.length > 0) describe(`${protocol} server requests`, () => {
        for (const { operation, testCase } of requests) {
          test(testCase.id, async () => {
            const deserialize = mod[`deserialize${nameOf(operation.id)}Request`]!;
            const expected = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
            const request = { method: testCase.method, protocol: "https:", hostname: "example.com", path: testCase.uri, query: {}, headers: testCase.headers ?? {}, body: testCase.body ?? "" };
            expect(await deserialize(request)).toEqual(expected);
          });
        }
      });

      if (responses.length > 0) describe(`${protocol} server responses`, () => {
        for (const { shape, operation, testCase } of responses) {
          test(testCase.id, async () => {
            const isError = shape.type === "structure";
            const params = toTypeScriptValue(suite.index, isError ? shape : suite.index.shape(operation.output!), testCase.params ?? {});
            const response = (isError
              ? mod[`serialize${nameOf(operation.id)}Error`]!(errorOf(mod, shape.id, params as Record<string, unknown>))
              : mod[`serialize${nameOf(operation.id)}Response`]!(params)) as Response;
            expect(response.statusCode).toBe(testCase.code);
            for (const [name, value] of Object.entries(testCase.headers ?? {})) expect(headerOf(response.headers, name), `header ${name}`).toBe(value);
            for (const name of testCase.forbidHeaders ?? []) expect(headerOf(response.headers, name), `forbidden header ${name}`).toBeUndefined();
            for (const name of testCase.requireHeaders ?? []) expect(headerOf(response.headers, name), `required header ${name}`).toBeDefined();
            if (testCase.body !== undefined && testCase.body !== "") jsonBodyEquals(response.body, testCase.body, testCase.bodyMediaType);
            if (testCase.body === "") expect(response.body ?? "").toHaveLength(0);
          });
        }
      });
    });
  }
}

/** A test case, with a skip reason from SERVER_SKIPS when it has one. */
function test(id: string, fn: () => Promise<void>): void {
  const skip = SERVER_SKIPS[id];
  it.skipIf(skip !== undefined)(skip === undefined ? id : `${id} (skipped: ${skip})`, fn);
}

/** An instance of the generated error class of `id` with the members of `params` (the message member as `message`). */
function errorOf(mod: Generated, id: string, params: Record<string, unknown>): unknown {
  const ErrorClass = mod[nameOf(id)] as unknown as new (options: Record<string, unknown>) => unknown;
  const options: Record<string, unknown> = { $metadata: {} };
  for (const [key, value] of Object.entries(params)) options[key.toLowerCase() === "message" ? "message" : key] = value;
  return new ErrorClass(options);
}

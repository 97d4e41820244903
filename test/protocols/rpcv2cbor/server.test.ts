// rpcv2Cbor protocol compliance, server side: every httpRequestTests case for servers reads the
// request into `params` (through the generated handler's routing too), and every
// httpResponseTests case for servers (operations and errors) writes `params` to the expected
// response (the CBOR body compared by decoded value). Test names are the case ids.

import { describe, expect, it } from "vitest";
import { nameOf } from "../../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../../helpers/codegen.js";
import { headerOf } from "../../helpers/http-compare.js";
import { loadProtocolSuites, toTypeScriptValue, type ProtocolCase, type ProtocolSuite } from "../../helpers/protocol-tests.js";
import { caseBytes, cborBodyEquals } from "./body.js";
import { SERVER_SKIPS } from "./skips.js";

type Generated = Record<string, (...args: unknown[]) => unknown>;
interface Response { statusCode: number; headers: Record<string, string>; body?: string | Uint8Array }

const forServer = <T extends { appliesTo?: string }>(cases: ProtocolCase<T>[]) => cases.filter((c) => c.testCase.appliesTo !== "client");
const suites: ProtocolSuite[] = SHARED_DIR === undefined ? [] : await loadProtocolSuites(SHARED_DIR, "smithy.protocols#rpcv2Cbor");
if (suites.length === 0) describe.skip(`rpcv2Cbor server compliance (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));

for (const suite of suites) {
  const requests = forServer(suite.requests);
  const responses = forServer(suite.responses);
  if (requests.length + responses.length === 0) continue;
  const service = nameOf(suite.service.id);

  describe(`rpcv2Cbor server (${service})`, async () => {
    // As `--target server` generates it: server alone, @required trusted (authoritative optionality).
    const files = await generate(suite.model, { service: suite.service.id, options: { targets: ["server"], optionality: "authoritative" } });
    const { mod } = await loadGenerated<Generated>(files);
    const createHandler = Object.keys(mod).find((name) => /^create\w+Handler$/.test(name))!;

    it(`${service} server package type-checks`, async () => {
      await typecheck(files, `${service}-server`, { noUnusedLocals: true });
    }, 120_000);

    if (requests.length > 0) describe("rpcv2Cbor server requests", () => {
      for (const { operation, testCase } of requests) {
        test(testCase.id, async () => {
          const expected = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
          const request = { method: testCase.method, protocol: "https:", hostname: "example.com", path: testCase.uri, query: {}, headers: lowerCase(testCase.headers ?? {}), body: caseBytes(testCase.body ?? "") };
          expect(await mod[`deserialize${nameOf(operation.id)}Request`]!(request)).toEqual(expected);
          // The handler routes it to the operation, which gets the same input.
          let received: unknown;
          const operations = new Proxy({}, { get: (_t, name) => async (input: unknown) => { received = [name, input]; return {}; } });
          await (mod[createHandler]!(operations) as (r: unknown) => Promise<Response>)(request);
          expect(received).toEqual([nameOf(operation.id), expected]);
        });
      }
    });

    if (responses.length > 0) describe("rpcv2Cbor server responses", () => {
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
          if (testCase.body !== undefined) cborBodyEquals(response.body, testCase.body);
        });
      }
    });
  });
}

/** A test case, with a skip reason from SERVER_SKIPS when it has one. */
function test(id: string, fn: () => Promise<void>): void {
  const skip = SERVER_SKIPS[id];
  it.skipIf(skip !== undefined)(skip === undefined ? id : `${id} (skipped: ${skip})`, fn);
}

/** Header names lower case, as node:http gives them. */
const lowerCase = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** An instance of the generated error class of `id` with the members of `params` (the message member as `message`). */
function errorOf(mod: Generated, id: string, params: Record<string, unknown>): unknown {
  const ErrorClass = mod[nameOf(id)] as unknown as new (options: Record<string, unknown>) => unknown;
  const options: Record<string, unknown> = { $metadata: {} };
  for (const [key, value] of Object.entries(params)) options[key.toLowerCase() === "message" ? "message" : key] = value;
  return new ErrorClass(options);
}

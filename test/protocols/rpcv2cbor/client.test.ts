// rpcv2Cbor protocol compliance, client side: every httpRequestTests case for clients serializes
// `params` to the expected request (the CBOR body compared by decoded value), and every
// httpResponseTests case for clients (operations and errors) deserializes to `params`. Test
// names are the case ids.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { nameOf } from "../../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../../helpers/codegen.js";
import { headerOf, stripMetadata } from "../../helpers/http-compare.js";
import { loadProtocolSuites, toTypeScriptValue, type ProtocolCase, type ProtocolSuite } from "../../helpers/protocol-tests.js";
import { caseBytes, cborBodyEquals } from "./body.js";
import { CLIENT_SKIPS, POPULATE_DEFAULTS_CASES } from "./skips.js";

type Generated = Record<string, (...args: unknown[]) => unknown>;

const forClient = <T extends { appliesTo?: string }>(cases: ProtocolCase<T>[]) => cases.filter((c) => c.testCase.appliesTo !== "server");
const suites: ProtocolSuite[] = SHARED_DIR === undefined ? [] : await loadProtocolSuites(SHARED_DIR, "smithy.protocols#rpcv2Cbor");
if (suites.length === 0) describe.skip(`rpcv2Cbor client compliance (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));

for (const suite of suites) {
  const requests = forClient(suite.requests);
  const responses = forClient(suite.responses);
  if (requests.length + responses.length === 0) continue;
  const service = nameOf(suite.service.id);

  describe(`rpcv2Cbor client (${service})`, async () => {
    const files = await generate(suite.model, { service: suite.service.id });
    const { mod } = await loadGenerated<Generated>(files);
    const populating = requests.filter((c) => POPULATE_DEFAULTS_CASES[c.testCase.id] !== undefined).map((c) => nameOf(c.operation.id));
    const populated = populating.length === 0
      ? undefined
      : (await loadGenerated<Generated>(await generate(suite.model, { service: suite.service.id, operations: populating, options: { populateDefaults: true } }))).mod;

    it(`${service} package type-checks`, async () => {
      await typecheck(files, service, { noUnusedLocals: true });
    }, 120_000);

    describe.runIf(requests.length > 0)("rpcv2Cbor client requests", () => {
      beforeAll(() => {
        vi.spyOn(globalThis.crypto, "randomUUID").mockReturnValue("00000000-0000-4000-8000-000000000000");
      });
      afterAll(() => {
        vi.restoreAllMocks();
      });
      for (const { operation, testCase } of requests) {
        const skip = CLIENT_SKIPS[testCase.id];
        it.skipIf(skip !== undefined)(skip === undefined ? testCase.id : `${testCase.id} (skipped: ${skip})`, async () => {
          const generated = POPULATE_DEFAULTS_CASES[testCase.id] === undefined ? mod : populated!;
          const serialize = generated[`serialize${nameOf(operation.id)}Request`]!;
          const input = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
          const request = (await serialize(input, `https://${testCase.host ?? "example.com"}`)) as {
            method: string; hostname: string; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: string | Uint8Array;
          };
          expect(request.method).toBe(testCase.method);
          expect(request.path).toBe(testCase.uri);
          expect(request.query ?? {}).toEqual({});
          if (testCase.resolvedHost !== undefined) expect(request.hostname).toBe(testCase.resolvedHost);
          for (const [name, value] of Object.entries(testCase.headers ?? {})) expect(headerOf(request.headers, name), `header ${name}`).toBe(value);
          for (const name of testCase.forbidHeaders ?? []) expect(headerOf(request.headers, name), `forbidden header ${name}`).toBeUndefined();
          for (const name of testCase.requireHeaders ?? []) expect(headerOf(request.headers, name), `required header ${name}`).toBeDefined();
          if (testCase.body !== undefined) cborBodyEquals(request.body, testCase.body);
        });
      }
    });

    describe.runIf(responses.length > 0)("rpcv2Cbor client responses", () => {
      for (const { shape, operation, testCase } of responses) {
        const skip = CLIENT_SKIPS[testCase.id];
        it.skipIf(skip !== undefined)(skip === undefined ? testCase.id : `${testCase.id} (skipped: ${skip})`, async () => {
          const deserialize = mod[`deserialize${nameOf(operation.id)}Response`]!;
          const response = { statusCode: testCase.code, headers: testCase.headers ?? {}, body: caseBytes(testCase.body ?? "") };
          const isError = shape.type === "structure";
          const expected = toTypeScriptValue(suite.index, isError ? shape : suite.index.shape(operation.output!), testCase.params ?? {});
          if (!isError) {
            expect(stripMetadata(await deserialize(response))).toEqual(expected);
            return;
          }
          const error = (await (deserialize(response) as Promise<unknown>).then(() => undefined, (e: unknown) => e)) as Record<string, unknown> | undefined;
          expect(error, "the deserializer must reject with the modeled error").toBeDefined();
          expect(error!["name"]).toBe(nameOf(shape.id));
          for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
            expect(error![key.toLowerCase() === "message" ? "message" : key], key).toEqual(value);
          }
        });
      }
    });
  });
}

// restJson1 protocol compliance, server side: every httpRequestTests case for servers reads
// the request into `params`, every httpResponseTests case for servers (operations and errors)
// writes `params` to the expected response, and every httpMalformedRequestTests case sent to
// the generated handler gets the expected status, headers and body. Test names are the case ids.

import { describe, expect, it } from "vitest";
import { nameOf } from "../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { bodyText, headerOf, jsonBodyEquals } from "../helpers/http-compare.js";
import { loadRestJsonSuites, toTypeScriptValue, type ProtocolCase, type ProtocolSuite } from "../helpers/protocol-tests.js";
import { SERVER_SKIPS } from "./skips.js";

type Generated = Record<string, (...args: unknown[]) => unknown>;
interface Response { statusCode: number; headers: Record<string, string>; body?: string | Uint8Array }

const suites: ProtocolSuite[] = SHARED_DIR === undefined ? [] : await loadRestJsonSuites(SHARED_DIR);
const forServer = <T extends { appliesTo?: string }>(cases: ProtocolCase<T>[]) => cases.filter((c) => c.testCase.appliesTo !== "client");

for (const suite of suites) {
  const requests = forServer(suite.requests);
  const responses = forServer(suite.responses);
  if (requests.length + responses.length + suite.malformed.length === 0) continue;
  const service = nameOf(suite.service.id);

  describe(`restJson1 server (${service})`, async () => {
    // As `--target server` generates it: server alone, @required trusted (authoritative optionality).
    const files = await generate(suite.model, { service: suite.service.id, options: { targets: ["server"], optionality: "authoritative" } });
    const { mod } = await loadGenerated<Generated>(files);

    it(`${service} server package type-checks`, async () => {
      await typecheck(files, `${service}-server`, { noUnusedLocals: true });
    }, 120_000);

    // Vitest fails a describe block without tests: each kind only where the service has cases.
    if (requests.length > 0) describe("restJson1 server requests", () => {
      for (const { operation, testCase } of requests) {
        test(testCase.id, async () => {
          const deserialize = mod[`deserialize${nameOf(operation.id)}Request`]!;
          const expected = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
          const request = httpRequest(testCase.method, testCase.uri, testCase.queryParams, testCase.headers, testCase.body);
          expect(await deserialize(request)).toEqual(expected);
        });
      }
    });

    if (responses.length > 0) describe("restJson1 server responses", () => {
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
          if (testCase.body !== undefined) jsonBodyEquals(response.body, testCase.body, testCase.bodyMediaType);
        });
      }
    });

    if (suite.malformed.length > 0) describe("restJson1 server malformed requests", () => {
      // Every operation answers {} if reached: a malformed request must be refused before that.
      const operations = new Proxy({}, { get: () => async () => ({}) });
      // create<Service>Handler: the service's name is its sdkId when it has one.
      const createHandler = Object.keys(mod).find((name) => /^create\w+Handler$/.test(name))!;
      const handle = mod[createHandler]!(operations) as (request: unknown) => Promise<Response>;
      for (const { testCase } of suite.malformed) {
        test(testCase.id, async () => {
          const { method, uri, queryParams, headers, body } = testCase.request;
          const response = await handle(httpRequest(method, uri, queryParams, headers, body));
          const expected = testCase.response;
          expect(response.statusCode).toBe(expected.code);
          for (const [name, value] of Object.entries(expected.headers ?? {})) expect(headerOf(response.headers, name), `header ${name}`).toBe(value);
          const assertion = expected.body?.assertion;
          // Without testParameters nothing is substituted (http-protocol-compliance-tests.rst), yet
          // RestJsonMalformedPatternReDOSString writes the pattern's `$` as `$$`, as in cases with
          // parameters; Smithy's generators format every expected string, which unescapes it.
          const contents = testCase.id.match(/_case\d+$/) === null ? assertion?.contents?.replace(/\$\$/g, "$") : assertion?.contents;
          if (contents !== undefined) jsonBodyEquals(response.body, contents, expected.body!.mediaType);
          if (assertion?.messageRegex !== undefined) {
            expect((JSON.parse(bodyText(response.body)) as { message: string }).message).toMatch(new RegExp(assertion.messageRegex));
          }
        });
      }
    });
  });
}

if (suites.length === 0) describe.skip(`restJson1 server compliance (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));

/** A test case, with a skip reason from SERVER_SKIPS when it has one. */
function test(id: string, fn: () => Promise<void>): void {
  const skip = SERVER_SKIPS[id];
  it.skipIf(skip !== undefined)(skip === undefined ? id : `${id} (skipped: ${skip})`, fn);
}

/** The @smithy/types HttpRequest of a test case: the path as sent, query parameters decoded (form encoding). */
function httpRequest(method: string, uri: string, queryParams: string[] = [], headers: Record<string, string> = {}, body = "") {
  const [path, inUri] = uri.split("?") as [string, string | undefined];
  const query: Record<string, string | string[] | null> = {};
  for (const param of [...(inUri === undefined ? [] : inUri.split("&")), ...queryParams]) {
    const eq = param.indexOf("=");
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, "%20"));
    const key = decode(eq < 0 ? param : param.slice(0, eq));
    const value = eq < 0 ? null : decode(param.slice(eq + 1));
    const before = query[key];
    query[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before ?? ""]), value ?? ""];
  }
  return { method, protocol: "https:", hostname: "example.com", path, query, headers, body };
}

/** An instance of the generated error class of `id` with the members of `params` (the message member as `message`). */
function errorOf(mod: Generated, id: string, params: Record<string, unknown>): unknown {
  const ErrorClass = mod[nameOf(id)] as unknown as new (options: Record<string, unknown>) => unknown;
  const options: Record<string, unknown> = { $metadata: {} };
  for (const [key, value] of Object.entries(params)) options[key.toLowerCase() === "message" ? "message" : key] = value;
  return new ErrorClass(options);
}

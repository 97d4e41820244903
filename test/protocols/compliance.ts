// The protocol compliance harness, one for every protocol (http-protocol-compliance-tests.rst):
// each protocol's client.test.ts and server.test.ts call it with what is theirs — the trait, the
// skipped cases and how a body of its media type compares. Client side: every httpRequestTests
// case for clients serializes `params` to the expected request, and every httpResponseTests case
// for clients (operations and errors) deserializes to `params`. Server side: every request case
// for servers reads the request into `params`, every response case writes `params` to the
// expected response, and every httpMalformedRequestTests case sent to the generated handler gets
// the expected status, headers and body. Test names are the case ids; suite names are
// `<protocol> <side> <kind>`, which compliance-reporter.ts counts.

import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { nameOf } from "../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { bodyText, decodeQuery, headerOf, jsonBodyEquals, splitParam, stripMetadata } from "../helpers/http-compare.js";
import { loadProtocolSuites, toTypeScriptValue, type ProtocolCase, type ProtocolSuite } from "../helpers/protocol-tests.js";

export interface ComplianceProtocol {
  /** As the report names it: `restJson1`, `awsJson1_0`. */
  readonly name: string;
  /** The protocol trait whose services' cases run. */
  readonly traitId: string;
  /** Cases that do not run, by id, each with its reason. */
  readonly skips: Readonly<Record<string, string>>;
  /** Client request cases that expect spec-strict @default population: run on operations generated with it. */
  readonly populateDefaultsCases?: Readonly<Record<string, string>> | undefined;
  /** Whether requests never carry a query string (RPC protocols). */
  readonly noQuery?: boolean | undefined;
  /** Compares a body with a case's expected body of `mediaType` (JSON as JSON when not given). */
  readonly bodyEquals?: ((actual: unknown, expected: string, mediaType: string | undefined) => void) | undefined;
  /** The body a case's `body` stands for, when it is not the text itself (rpcv2Cbor's are base64 bytes). */
  readonly caseBody?: ((body: string) => string | Uint8Array) | undefined;
  /** The report line a service's cases count on, when not `name` (restXml's RestXmlWithNamespace has its own). */
  readonly lineOf?: ((service: string) => string) | undefined;
  /** Whether each server request case also goes through the handler, which must route it to its operation with the same input. */
  readonly routesRequests?: boolean | undefined;
}

type Generated = Record<string, (...args: unknown[]) => unknown>;
interface Response { statusCode: number; headers: Record<string, string>; body?: string | Uint8Array }

const notFor = (side: "client" | "server") => <T extends { appliesTo?: string }>(cases: ProtocolCase<T>[]) =>
  cases.filter((c) => c.testCase.appliesTo !== side);
const forClient = notFor("server");
const forServer = notFor("client");

async function suitesOf(protocol: ComplianceProtocol, side: "client" | "server"): Promise<ProtocolSuite[]> {
  const suites = SHARED_DIR === undefined ? [] : await loadProtocolSuites(SHARED_DIR, protocol.traitId);
  if (suites.length === 0) describe.skip(`${protocol.name} ${side} compliance (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));
  return suites;
}

/** A case, skipped with its reason when the protocol lists one. */
function complianceCase(protocol: ComplianceProtocol, id: string, fn: () => Promise<void>): void {
  const skip = protocol.skips[id];
  it.skipIf(skip !== undefined)(skip === undefined ? id : `${id} (skipped: ${skip})`, fn);
}

/** The body of a case as sent. */
const caseBody = (protocol: ComplianceProtocol, body: string | undefined): string | Uint8Array =>
  protocol.caseBody === undefined ? body ?? "" : protocol.caseBody(body ?? "");

export async function clientCompliance(protocol: ComplianceProtocol): Promise<void> {
  const bodyEquals = protocol.bodyEquals ?? jsonBodyEquals;
  const populateDefaults = protocol.populateDefaultsCases ?? {};
  for (const suite of await suitesOf(protocol, "client")) {
    const requests = forClient(suite.requests);
    const responses = forClient(suite.responses);
    if (requests.length + responses.length === 0) continue;
    const service = nameOf(suite.service.id);
    const name = protocol.lineOf?.(service) ?? protocol.name;

    describe(`${name} client (${service})`, async () => {
      const files = await generate(suite.model, { service: suite.service.id });
      const { mod } = await loadGenerated<Generated>(files);
      const populating = requests.filter((c) => populateDefaults[c.testCase.id] !== undefined).map((c) => nameOf(c.operation.id));
      const populated = populating.length === 0
        ? undefined
        : (await loadGenerated<Generated>(await generate(suite.model, { service: suite.service.id, operations: populating, options: { populateDefaults: true } }))).mod;

      it(`${service} package type-checks`, async () => {
        await typecheck(files, service, { noUnusedLocals: true });
      }, 120_000);

      describe.runIf(requests.length > 0)(`${name} client requests`, () => {
        // The compliance spec: clients that fill idempotency tokens use this constant in the tests.
        beforeAll(() => {
          vi.spyOn(globalThis.crypto, "randomUUID").mockReturnValue("00000000-0000-4000-8000-000000000000");
        });
        afterAll(() => {
          vi.restoreAllMocks();
        });
        for (const { operation, testCase } of requests) {
          complianceCase(protocol, testCase.id, async () => {
            const generated = populateDefaults[testCase.id] === undefined ? mod : populated!;
            const serialize = generated[`serialize${nameOf(operation.id)}Request`]!;
            const input = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
            const host = testCase.host ?? "example.com";
            const serialized = (await serialize(input, `https://${host}`)) as SentRequest;
            // @requestCompression is the client's (compressed before signing): such a case checks the request the client sends.
            const compressed = operation.traits.has("smithy.api#requestCompression");
            const request = compressed ? await clientSends(generated, nameOf(operation.id), input, `https://${host}`) : serialized;
            expect(request.method).toBe(testCase.method);
            expect(request.path).toBe(testCase.uri);
            if (testCase.resolvedHost !== undefined) expect(request.hostname).toBe(testCase.resolvedHost);
            const query = decodeQuery(request.query ?? {});
            const expectedQuery = (testCase.queryParams ?? []).map(splitParam);
            for (const [key, value] of expectedQuery) expect(query.get(key), `query ${key}`).toContain(value);
            if (protocol.noQuery === true) expect([...query.keys()], "query").toEqual([]);
            for (const key of testCase.forbidQueryParams ?? []) expect(query.has(key), `forbidden query ${key}`).toBe(false);
            for (const key of testCase.requireQueryParams ?? []) expect(query.has(key), `required query ${key}`).toBe(true);
            for (const [header, value] of Object.entries(testCase.headers ?? {})) expect(headerOf(request.headers, header), `header ${header}`).toBe(value);
            for (const header of testCase.forbidHeaders ?? []) expect(headerOf(request.headers, header), `forbidden header ${header}`).toBeUndefined();
            for (const header of testCase.requireHeaders ?? []) expect(headerOf(request.headers, header), `required header ${header}`).toBeDefined();
            if (testCase.body !== undefined) bodyEquals(request.body, testCase.body, testCase.bodyMediaType);
            if (compressed) expectGzipOf(request, serialized);
          });
        }
      });

      describe.runIf(responses.length > 0)(`${name} client responses`, () => {
        for (const { shape, operation, testCase } of responses) {
          complianceCase(protocol, testCase.id, async () => {
            const deserialize = mod[`deserialize${nameOf(operation.id)}Response`]!;
            const response = { statusCode: testCase.code, headers: testCase.headers ?? {}, body: caseBody(protocol, testCase.body) };
            const isError = shape.type === "structure";
            const expected = toTypeScriptValue(suite.index, isError ? shape : suite.index.shape(operation.output!), testCase.params ?? {});
            if (!isError) {
              expect(stripMetadata(await deserialize(response))).toEqual(expected);
              return;
            }
            const error = (await (deserialize(response) as Promise<unknown>).then(
              () => undefined,
              (e: unknown) => e,
            )) as Record<string, unknown> | undefined;
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
}

export async function serverCompliance(protocol: ComplianceProtocol): Promise<void> {
  const bodyEquals = protocol.bodyEquals ?? jsonBodyEquals;
  for (const suite of await suitesOf(protocol, "server")) {
    const requests = forServer(suite.requests);
    const responses = forServer(suite.responses);
    if (requests.length + responses.length + suite.malformed.length === 0) continue;
    const service = nameOf(suite.service.id);
    const name = protocol.lineOf?.(service) ?? protocol.name;

    describe(`${name} server (${service})`, async () => {
      // As `--target server` generates it: server alone, @required trusted (authoritative optionality).
      const files = await generate(suite.model, { service: suite.service.id, options: { targets: ["server"], optionality: "authoritative" } });
      const { mod } = await loadGenerated<Generated>(files);
      // create<Service>Handler: the service's name is its sdkId when it has one.
      const createHandler = Object.keys(mod).find((key) => /^create\w+Handler$/.test(key))!;

      it(`${service} server package type-checks`, async () => {
        await typecheck(files, `${service}-server`, { noUnusedLocals: true });
      }, 120_000);

      // Vitest fails a describe block without tests: each kind only where the service has cases.
      if (requests.length > 0) describe(`${name} server requests`, () => {
        for (const { operation, testCase } of requests) {
          complianceCase(protocol, testCase.id, async () => {
            const deserialize = mod[`deserialize${nameOf(operation.id)}Request`]!;
            const expected = toTypeScriptValue(suite.index, suite.index.shape(operation.input!), testCase.params ?? {});
            const request = httpRequest(testCase.method, testCase.uri, testCase.queryParams, testCase.headers, caseBody(protocol, testCase.body));
            expect(await deserialize(request)).toEqual(expected);
            if (protocol.routesRequests !== true) return;
            let received: unknown;
            const operations = new Proxy({}, { get: (_t, op) => async (input: unknown) => { received = [op, input]; return {}; } });
            await (mod[createHandler]!(operations) as (r: unknown) => Promise<Response>)(request);
            expect(received, "the handler routes the request to its operation").toEqual([nameOf(operation.id), expected]);
          });
        }
      });

      if (responses.length > 0) describe(`${name} server responses`, () => {
        for (const { shape, operation, testCase } of responses) {
          complianceCase(protocol, testCase.id, async () => {
            const isError = shape.type === "structure";
            const params = toTypeScriptValue(suite.index, isError ? shape : suite.index.shape(operation.output!), testCase.params ?? {});
            const response = (isError
              ? mod[`serialize${nameOf(operation.id)}Error`]!(errorOf(mod, shape.id, params as Record<string, unknown>))
              : mod[`serialize${nameOf(operation.id)}Response`]!(params)) as Response;
            expect(response.statusCode).toBe(testCase.code);
            for (const [header, value] of Object.entries(testCase.headers ?? {})) expect(headerOf(response.headers, header), `header ${header}`).toBe(value);
            for (const header of testCase.forbidHeaders ?? []) expect(headerOf(response.headers, header), `forbidden header ${header}`).toBeUndefined();
            for (const header of testCase.requireHeaders ?? []) expect(headerOf(response.headers, header), `required header ${header}`).toBeDefined();
            if (testCase.body !== undefined) bodyEquals(response.body, testCase.body, testCase.bodyMediaType);
          });
        }
      });

      if (suite.malformed.length > 0) describe(`${name} server malformed requests`, () => {
        // Every operation answers {} if reached: a malformed request must be refused before that.
        const operations = new Proxy({}, { get: () => async () => ({}) });
        const handle = mod[createHandler]!(operations) as (request: unknown) => Promise<Response>;
        for (const { testCase } of suite.malformed) {
          complianceCase(protocol, testCase.id, async () => {
            const { method, uri, queryParams, headers, body } = testCase.request;
            const response = await handle(httpRequest(method, uri, queryParams, headers, body));
            const expected = testCase.response;
            expect(response.statusCode).toBe(expected.code);
            for (const [header, value] of Object.entries(expected.headers ?? {})) expect(headerOf(response.headers, header), `header ${header}`).toBe(value);
            const assertion = expected.body?.assertion;
            // Without testParameters nothing is substituted (http-protocol-compliance-tests.rst), yet
            // RestJsonMalformedPatternReDOSString writes the pattern's `$` as `$$`, as in cases with
            // parameters; Smithy's generators format every expected string, which unescapes it.
            const contents = testCase.id.match(/_case\d+$/) === null ? assertion?.contents?.replace(/\$\$/g, "$") : assertion?.contents;
            if (contents !== undefined) bodyEquals(response.body, contents, expected.body!.mediaType);
            if (assertion?.messageRegex !== undefined) {
              expect((JSON.parse(bodyText(response.body)) as { message: string }).message).toMatch(new RegExp(assertion.messageRegex));
            }
          });
        }
      });
    });
  }
}

type SentRequest = {
  method: string; hostname: string; path: string; query?: Record<string, string | string[] | null>;
  headers: Record<string, string>; body?: string | Uint8Array;
};

/**
 * The request the generated `<Service>Client` sends for `input` (with its default config, so
 * compressed as an operation's @requestCompression asks, and signed), taken from its handler.
 */
async function clientSends(mod: Generated, operation: string, input: unknown, endpoint: string): Promise<SentRequest> {
  const clientName = Object.keys(mod).find((key) => key.endsWith("Client") && typeof (mod[key] as { prototype?: { send?: unknown } }).prototype?.send === "function");
  const Client = mod[clientName!] as unknown as new (config: object) => { send(command: unknown): Promise<unknown> };
  const Command = mod[`${operation}Command`] as unknown as new (input: unknown) => unknown;
  let sent: SentRequest | undefined;
  const requestHandler = {
    handle: async (request: SentRequest) => {
      sent = request;
      return { response: { statusCode: 200, headers: {}, body: new Uint8Array(0) } };
    },
  };
  const client = new Client({ endpoint, region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" }, requestHandler, maxAttempts: 1 });
  // The empty response may not be the operation's: only the request matters here.
  await client.send(new Command(input)).catch(() => undefined);
  expect(sent, "the client sent a request").toBeDefined();
  return sent!;
}

/** A gzipped request: its body is the serializer's body gzipped, its content-length the compressed length. */
function expectGzipOf(request: SentRequest, serialized: SentRequest): void {
  expect(headerOf(request.headers, "content-encoding"), "content-encoding").toMatch(/(^|, )gzip$/);
  expect(request.body).toBeInstanceOf(Uint8Array);
  const body = request.body as Uint8Array;
  expect(headerOf(request.headers, "content-length"), "content-length").toBe(String(body.length));
  expect(bodyText(gunzipSync(body)), "the body gunzipped").toBe(bodyText(serialized.body));
}

/** The @smithy/types HttpRequest of a test case: the path as sent, query parameters decoded (form encoding). */
function httpRequest(method: string, uri: string, queryParams: string[] = [], headers: Record<string, string> = {}, body: string | Uint8Array = "") {
  const [path, inUri] = uri.split("?") as [string, string | undefined];
  const query: Record<string, string | string[] | null> = {};
  for (const [key, value] of [...(inUri === undefined ? [] : inUri.split("&")), ...queryParams].map(splitQueryParam)) {
    const before = query[key];
    query[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before ?? ""]), value ?? ""];
  }
  return { method, protocol: "https:", hostname: "example.com", path, query, headers, body };
}

/** `"k=v"` → decoded [key, value]; `"k"` alone has no value (null). */
function splitQueryParam(param: string): [string, string | null] {
  const [key, value] = splitParam(param);
  return [key, param.includes("=") ? value : null];
}

/** An instance of the generated error class of `id` with the members of `params` (the message member as `message`). */
function errorOf(mod: Generated, id: string, params: Record<string, unknown>): unknown {
  const ErrorClass = mod[nameOf(id)] as unknown as new (options: Record<string, unknown>) => unknown;
  const options: Record<string, unknown> = { $metadata: {} };
  for (const [key, value] of Object.entries(params)) options[key.toLowerCase() === "message" ? "message" : key] = value;
  return new ErrorClass(options);
}

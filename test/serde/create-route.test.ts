// The committed CreateRoute package (generated/apigatewayv2-create-route) against AWS SDK v3 on
// fixed cases: the full request, label escaping, error dispatch variants, and the deliberate
// differences (an empty label is refused; a body that is not JSON is a service exception).

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ApiGatewayV2ServiceException,
  deserializeCreateRouteResponse,
  NotFoundException,
  serializeCreateRouteRequest,
  TooManyRequestsException,
  type CreateRouteRequest,
} from "../../generated/apigatewayv2-create-route/src/index.js";
import { comparableError, comparableOutput, comparableRequest, plainRequest } from "./support/compare.js";
import { sdkRequest, sdkResponse, SDK_ENDPOINT, type CannedResponse } from "./support/sdk.js";

const PACKAGE = new URL("../../generated/apigatewayv2-create-route/", import.meta.url);

const FULL: CreateRouteRequest = {
  ApiId: "k2v9x1",
  RouteKey: "GET /owners/{id}",
  ApiKeyRequired: true,
  AuthorizationScopes: ["owners:read", "ünïcödé"],
  AuthorizationType: "CUSTOM",
  AuthorizerId: "zz9",
  ModelSelectionExpression: "$request.body.type",
  OperationName: "GetOwner",
  RequestModels: { "application/json": "Owner", "": "Empty" },
  RequestParameters: { "route.request.path.id": { Required: true }, "route.request.querystring.q": {} },
  RouteResponseSelectionExpression: "$default",
  Target: "integrations/7",
};

const serialize = (input: CreateRouteRequest) => plainRequest(serializeCreateRouteRequest(input, SDK_ENDPOINT) as unknown as Record<string, unknown>);

describe("CreateRoute request", () => {
  it("equals the SDK's: POST /v2/apis/{ApiId}/routes, application/json, content-length, body by jsonName", async () => {
    const ours = serialize(FULL);
    expect(ours).toMatchObject({ method: "POST", path: "/v2/apis/k2v9x1/routes", headers: { "content-type": "application/json" } });
    expect(ours.headers["content-length"]).toBe(String(Buffer.byteLength(ours.body!)));
    expect(comparableRequest(ours)).toEqual(comparableRequest(await sdkRequest("CreateRoute", FULL)));
  });

  it("escapes the label as the SDK does", async () => {
    const input = { ApiId: "a/b c?#%", RouteKey: "x" };
    expect(serialize(input).path).toBe("/v2/apis/a%2Fb%20c%3F%23%25/routes");
    expect(serialize(input).path).toBe((await sdkRequest("CreateRoute", input)).path);
  });

  it("sends what it is given: a missing required body member is not a serialization error (validators check that)", async () => {
    const input = { ApiId: "a", RouteKey: undefined };
    expect(serialize(input).body).toBe("{}");
    expect(comparableRequest(serialize(input))).toEqual(comparableRequest(await sdkRequest("CreateRoute", input)));
  });

  it("deliberately refuses an empty or missing ApiId, which the SDK would send as /v2/apis//routes", async () => {
    expect(() => serializeCreateRouteRequest({ ApiId: "", RouteKey: "x" }, SDK_ENDPOINT)).toThrow("the HTTP label ApiId is missing or empty");
    expect(() => serializeCreateRouteRequest({ ApiId: undefined, RouteKey: "x" }, SDK_ENDPOINT)).toThrow("the HTTP label ApiId is missing or empty");
    expect((await sdkRequest("CreateRoute", { ApiId: "", RouteKey: "x" })).path).toBe("/v2/apis//routes");
  });
});

describe("CreateRoute response", () => {
  const both = async (response: CannedResponse) => {
    const theirs = await sdkResponse("CreateRoute", { ApiId: "a", RouteKey: "k" }, response);
    const ours = await deserializeCreateRouteResponse({ ...response, headers: { ...response.headers } }).then(
      (output) => ({ output, error: undefined }),
      (error: unknown) => ({ output: undefined, error }),
    );
    return { ours, theirs };
  };

  it("reads a 201 like the SDK, whether the body is bytes, a string or a stream", async () => {
    const text = JSON.stringify({ routeId: "r1", routeKey: "GET /x", authorizationScopes: ["a"], requestParameters: { p: { required: false } }, apiGatewayManaged: true, unknownField: 1 });
    const headers = { "content-type": "application/json", "x-amzn-requestid": "req-1" };
    const { ours, theirs } = await both({ statusCode: 201, headers, body: text });
    expect(comparableOutput(ours.output)).toEqual(comparableOutput(theirs.output));
    const stream = (async function* () {
      yield new TextEncoder().encode(text.slice(0, 7));
      yield new TextEncoder().encode(text.slice(7));
    })();
    expect(await deserializeCreateRouteResponse({ statusCode: 201, headers, body: stream })).toEqual(ours.output);
    expect(await deserializeCreateRouteResponse({ statusCode: 201, headers, body: new TextEncoder().encode(text) })).toEqual(ours.output);
  });

  // Error-code discovery: each place a restJson1 client must look, and what wins.
  const cases: Array<[string, Record<string, string>, unknown, number]> = [
    ["x-amzn-errortype only", { "x-amzn-errortype": "ConflictException" }, { message: "m" }, 409],
    ["x-amzn-errortype with a URI", { "x-amzn-errortype": "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.apigatewayv2/" }, { message: "gone", resourceType: "Api" }, 404],
    ["body code only", {}, { code: "BadRequestException", message: "m" }, 400],
    ["body __type with a namespace", {}, { __type: "com.amazonaws.apigatewayv2#TooManyRequestsException", message: "m", limitType: "rate" }, 429],
    ["the header wins over __type", { "x-amzn-errortype": "NotFoundException" }, { __type: "ConflictException", message: "m" }, 404],
    ["an unknown code", { "x-amzn-errortype": "SomethingElse" }, { message: "m" }, 400],
    ["no code at all", {}, { message: "boom" }, 500],
    ["no message", { "x-amzn-errortype": "ConflictException" }, {}, 409],
  ];
  for (const [name, headers, body, statusCode] of cases) {
    it(`dispatches errors like the SDK: ${name}`, async () => {
      const { ours, theirs } = await both({ statusCode, headers: { "content-type": "application/json", "x-amzn-requestid": "e-1", ...headers }, body: JSON.stringify(body) });
      expect(ours.error).toBeInstanceOf(ApiGatewayV2ServiceException);
      expect(comparableError(ours.error, ["ResourceType", "LimitType"])).toEqual(comparableError(theirs.error, ["ResourceType", "LimitType"]));
    });
  }

  it("builds the modeled classes with their members, $response and request id", async () => {
    const response = { statusCode: 429, headers: { "x-amzn-errortype": "TooManyRequestsException", "x-amzn-requestid": "q" }, body: '{"message":"slow","limitType":"burst"}' };
    const error = await deserializeCreateRouteResponse(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error).toMatchObject({ name: "TooManyRequestsException", $fault: "client", message: "slow", LimitType: "burst", $metadata: { httpStatusCode: 429, requestId: "q" }, $response: response });
    expect(error).not.toHaveProperty("limitType");
  });

  it("a body that is not JSON: the header's code still names the error, and the raw text is kept", async () => {
    const { ours, theirs } = await both({ statusCode: 404, headers: { "x-amzn-errortype": "NotFoundException", "x-amzn-requestid": "n" }, body: "<html>not found</html>" });
    expect(ours.error).toBeInstanceOf(NotFoundException);
    expect(ours.error).toMatchObject({ $metadata: { httpStatusCode: 404, requestId: "n" }, $response: { body: "<html>not found</html>" } });
    // The SDK throws a SyntaxError from its JSON parser instead (a listed difference).
    expect((theirs.error as Error).name).toBe("SyntaxError");
  });
});

describe("the CreateRoute package", () => {
  it("one runtime dependency, the client's signer's: protocol.ts and the runtime import only types from @smithy/types and the package's own modules, the signer @smithy/signature-v4", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", PACKAGE), "utf8")) as Record<string, unknown>;
    expect(Object.keys(pkg["dependencies"] as object)).toEqual(["@smithy/signature-v4"]);
    const runtime = readdirSync(new URL("src/runtime/", PACKAGE), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => `src/runtime/${f}`);
    for (const file of ["src/protocol.ts", ...runtime]) {
      const source = readFileSync(new URL(file, PACKAGE), "utf8");
      const imports = [...source.matchAll(/^import (type )?\{[^}]*\} from "([^"]+)";/gm)].map((m) => [m[1] === "type " ? "type" : "value", m[2]!] as const);
      const allowed = (kind: string, from: string) =>
        /^\.\.?\/.*\.js$/.test(from) || (kind === "type" && from === "@smithy/types") || (file === "src/runtime/client/sigv4.ts" && from === "@smithy/signature-v4");
      for (const [kind, from] of imports) expect(allowed(kind, from), `${file}: ${from}`).toBe(true);
      expect(source).not.toMatch(/\brequire\(|\bimport\(/);
    }
    // The client loads the signer (and so the dependency) on its first send only.
    const client = readFileSync(new URL("src/client.ts", PACKAGE), "utf8");
    expect(client).toContain('await import("./runtime/client/sigv4.js")');
    expect(client).not.toMatch(/^import [^;]* from "\.\/runtime\/client\/sigv4\.js";$/m);
    expect(readFileSync(new URL("src/index.ts", PACKAGE), "utf8")).toContain('export * from "./protocol.js";');
  });
});

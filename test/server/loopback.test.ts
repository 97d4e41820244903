// End to end on 127.0.0.1: the generated CreateRoute server behind node:http, called with the
// generated client's serializer over fetch and read back with its deserializer — outputs, the
// four modeled errors, a validation failure, an unexpected failure, and routing errors.

import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { close, createRouteImplementation, createRoutePackage, listen, SECRET, send, type CreateRoutePackage, type WireResponse } from "./create-route-package.js";

let mod: CreateRoutePackage;
let server: Server;
let endpoint: string;
const unexpected: unknown[] = [];

beforeAll(async () => {
  mod = await createRoutePackage();
  const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) }, { onError: (e: unknown) => unexpected.push(e) });
  ({ server, endpoint } = await listen(mod.createNodeListener(handler)));
}, 120_000);

afterAll(() => close(server));

/** Sends CreateRoute as the generated client would and reads the response with its deserializer. */
async function createRoute(input: Record<string, unknown>): Promise<{ wire: WireResponse; result: Promise<Record<string, unknown>> }> {
  const wire = await send(mod.serializeCreateRouteRequest(input, endpoint));
  const result = mod.deserializeCreateRouteResponse(wire) as Promise<Record<string, unknown>>;
  result.catch(() => {});
  return { wire, result };
}

const full = {
  ApiId: "a1b2c3",
  RouteKey: "GET /pets/{petId}",
  AuthorizationType: "JWT",
  AuthorizationScopes: ["pets.read", "pets.write"],
  ApiKeyRequired: true,
  OperationName: "GetPet",
  RequestModels: { "application/json": "PetModel" },
  RequestParameters: { "route.request.header.Authorization": { Required: true } },
  Target: "integrations/abc123",
};

describe("CreateRoute over node:http on 127.0.0.1", () => {
  it("creates a route: 201 with the output the operation returned", async () => {
    const { wire, result } = await createRoute(full);
    expect(wire.statusCode).toBe(201);
    expect(wire.headers["content-type"]).toBe("application/json");
    const { ApiId: _apiId, ...echoed } = full;
    const output = await result;
    expect(output).toMatchObject({ ...echoed, RouteId: "route-of-a1b2c3", ApiGatewayManaged: false });
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201 });
  });

  it("creates a route from the required members alone", async () => {
    const { result } = await createRoute({ ApiId: "a1", RouteKey: "$default" });
    const { $metadata: _m, ...output } = await result;
    expect(output).toEqual({ RouteKey: "$default", RouteId: "route-of-a1", ApiGatewayManaged: false });
  });

  it.each([
    ["missing", 404, "NotFoundException", "no API missing", { ResourceType: "Api" }],
    ["conflict", 409, "ConflictException", "the route key is taken", {}],
    ["busy", 429, "TooManyRequestsException", "slow down", { LimitType: "rate" }],
    ["bad", 400, "BadRequestException", "the target is not an integration", {}],
  ])("ApiId %s: %i %s, the client's modeled error", async (apiId, status, name, message, members) => {
    const { wire, result } = await createRoute({ ...full, ApiId: apiId });
    expect(wire.statusCode).toBe(status);
    expect(wire.headers["x-amzn-errortype"]).toBe(name);
    const error = await result.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(mod[name] as new () => unknown);
    expect(error).toMatchObject({ name, message, ...members, $metadata: { httpStatusCode: status } });
  });

  it("a request that breaks the model's constraints: 400 ValidationException with Smithy's fieldList", async () => {
    const { wire, result } = await createRoute({ ApiId: "a1", RouteKey: undefined, OperationName: "", AuthorizationType: "BOGUS" });
    expect(wire.statusCode).toBe(400);
    expect(wire.headers["x-amzn-errortype"]).toBe("ValidationException");
    const fieldList = [
      { path: "/AuthorizationType", message: "Value at '/AuthorizationType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM, CUSTOM, JWT]" },
      { path: "/OperationName", message: "Value with length 0 at '/OperationName' failed to satisfy constraint: Member must have length between 1 and 64, inclusive" },
      { path: "/RouteKey", message: "Value at '/RouteKey' failed to satisfy constraint: Member must not be null" },
    ];
    const body = JSON.parse(wire.body) as { message: string; fieldList: typeof fieldList };
    expect(body.fieldList).toEqual(expect.arrayContaining(fieldList));
    expect(body.fieldList).toHaveLength(3);
    expect(body.message).toBe(`3 validation errors detected. ${body.fieldList.map((f) => f.message).join("; ")}`);
    // The client has no ValidationException shape: it rejects with the service exception, named by the error type.
    await expect(result).rejects.toMatchObject({ name: "ValidationException", message: body.message });
  });

  it("an unexpected failure: 500 InternalFailureException without its message; onError sees it", async () => {
    const { wire, result } = await createRoute({ ...full, ApiId: "boom" });
    expect(wire.statusCode).toBe(500);
    expect(wire.headers["x-amzn-errortype"]).toBe("InternalFailureException");
    expect(wire.body).toBe("{}");
    expect(wire.body).not.toContain("hunter2");
    await expect(result).rejects.toMatchObject({ name: "InternalFailureException", $fault: "server" });
    expect(unexpected).toEqual([new Error(SECRET)]);
  });

  it("routing: 404 UnknownOperationException for an unknown path, 405 for another method", async () => {
    const notFound = await fetch(`${endpoint}/v2/apis/a1/integrations`, { method: "POST" });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(await notFound.text()).toBe("{}");
    const wrongMethod = await fetch(`${endpoint}/v2/apis/a1/routes`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.text()).toBe("");
  });

  it("malformed requests: 400 SerializationException for JSON that is not an object, 415 without JSON content type", async () => {
    const post = (body: string, contentType?: string) =>
      fetch(`${endpoint}/v2/apis/a1/routes`, { method: "POST", body, headers: contentType === undefined ? {} : { "content-type": contentType } });
    const notObject = await post("[1, 2]", "application/json");
    expect([notObject.status, notObject.headers.get("x-amzn-errortype")]).toEqual([400, "SerializationException"]);
    const wrongType = await post(JSON.stringify({ routeKey: 42 }), "application/json");
    expect([wrongType.status, wrongType.headers.get("x-amzn-errortype")]).toEqual([400, "SerializationException"]);
    const text = await post("{}", "text/plain");
    expect([text.status, text.headers.get("x-amzn-errortype")]).toEqual([415, "UnsupportedMediaTypeException"]);
  });

  it("a label with reserved characters arrives percent-decoded", async () => {
    const { result } = await createRoute({ ApiId: "a b/c?d", RouteKey: "k" });
    await expect(result).resolves.toMatchObject({ RouteId: "route-of-a b/c?d" });
  });
});

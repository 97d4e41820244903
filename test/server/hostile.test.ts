// Hostile requests never crash the generated server or reach the operation: prototype keys,
// deep or huge JSON, bytes that are not UTF-8, bodies that are not bodies, bad percent-encoding;
// and the node:http listener's body limit, query parsing and failure handling.

import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../helpers/codegen.js";
import { close, createRouteImplementation, createRoutePackage, listen, type CreateRoutePackage } from "./create-route-package.js";

type Response = { statusCode: number; headers: Record<string, string>; body?: string | Uint8Array };
let mod: CreateRoutePackage;
let handle: (request: unknown) => Promise<Response>;
const inputs: unknown[] = [];

beforeAll(async () => {
  mod = await createRoutePackage();
  const implementation = createRouteImplementation(mod);
  handle = mod.createApiGatewayV2Handler({
    CreateRoute: async (input: Record<string, unknown>) => {
      inputs.push(input);
      return implementation(input);
    },
  });
}, 120_000);

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }, path = "/v2/apis/a1/routes") =>
  handle({ method: "POST", protocol: "http:", hostname: "localhost", path, query: {}, headers, body });
const errorType = (r: Response) => [r.statusCode, r.headers["x-amzn-errortype"]];

describe("hostile request bodies", () => {
  it("`__proto__` keys are plain members: nothing is polluted, the map keeps the key", async () => {
    const response = await post('{"routeKey":"k","requestModels":{"__proto__":"x"},"__proto__":{"polluted":true}}');
    expect(response.statusCode).toBe(201);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const models = (inputs.at(-1) as { RequestModels: Record<string, string> }).RequestModels;
    expect(Object.getPrototypeOf(models)).toBe(Object.prototype);
    expect(Object.keys(models)).toEqual(["__proto__"]);
    expect(JSON.parse(String(response.body)).requestModels).toEqual(JSON.parse('{"__proto__":"x"}'));
  });

  it("`constructor` and `toString` as map keys and unknown members are data, not Object's", async () => {
    const response = await post('{"routeKey":"k","requestModels":{"constructor":"c","toString":"t"},"hasOwnProperty":1}');
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(String(response.body)).requestModels).toEqual({ constructor: "c", toString: "t" });
  });

  it.each([
    ["JSON nested 100,000 deep", `{"routeKey":"k","requestParameters":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
    ["a string where an object goes", '{"routeKey":"k","requestParameters":"x"}'],
    ["null where an object goes", "null"],
    ["a number where a string goes", '{"routeKey":7}'],
    ["a list where a map goes", '{"routeKey":"k","requestModels":["a"]}'],
    ["a map with an object where a structure goes", '{"routeKey":"k","requestParameters":{"p":[]}}'],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["a body that is not a body", 42],
    ["an object as a body", { routeKey: "k" }],
  ])("%s: 400 SerializationException, the operation never runs", async (_what, body) => {
    const before = inputs.length;
    expect(errorType(await post(body))).toEqual([400, "SerializationException"]);
    expect(inputs.length).toBe(before);
  });

  it("a 1 MB member is answered with a validation failure, not a hang", async () => {
    const response = await post(JSON.stringify({ routeKey: "k", operationName: "x".repeat(1_000_000) }));
    expect(errorType(response)).toEqual([400, "ValidationException"]);
    expect(JSON.parse(String(response.body)).fieldList).toEqual([
      { path: "/OperationName", message: "Value with length 1000000 at '/OperationName' failed to satisfy constraint: Member must have length between 1 and 64, inclusive" },
    ]);
  });

  it("requests without headers, query or body objects are read, not crashed on", async () => {
    const response = await handle({ method: "POST", path: "/v2/apis/a1/routes", headers: null, query: null, body: null });
    expect(errorType(response)).toEqual([400, "ValidationException"]);
  });

  it("an async iterable body is read to its end", async () => {
    async function* chunks() {
      yield '{"route';
      yield new TextEncoder().encode('Key":"streamed"}');
    }
    const response = await post(chunks());
    expect(JSON.parse(String(response.body))).toMatchObject({ routeKey: "streamed" });
  });
});

describe("failures of the operation", () => {
  it("a thrown non-Error, and an onError hook that throws, still give a 500 without details", async () => {
    const failing = mod.createApiGatewayV2Handler(
      { CreateRoute: async () => { throw "a string"; } },
      { onError: () => { throw new Error("hook failed"); } },
    ) as typeof handle;
    const response = await failing({ method: "POST", protocol: "http:", hostname: "h", path: "/v2/apis/a/routes", headers: { "content-type": "application/json" }, body: '{"routeKey":"k"}' });
    expect(errorType(response)).toEqual([500, "InternalFailureException"]);
    expect(response.body).toBe("{}");
  });

  it("an output the serializer cannot write (not an object) is a 500", async () => {
    const bad = mod.createApiGatewayV2Handler({ CreateRoute: async () => null }) as typeof handle;
    const response = await bad({ method: "POST", protocol: "http:", hostname: "h", path: "/v2/apis/a/routes", headers: { "content-type": "application/json" }, body: '{"routeKey":"k"}' });
    expect(errorType(response)).toEqual([500, "InternalFailureException"]);
  });
});

describe("the node:http listener", () => {
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) });
    ({ server, endpoint } = await listen(mod.createNodeListener(handler, { maxBodyBytes: 1024 })));
  });

  afterAll(() => close(server));

  const send = (body: string, path = "/v2/apis/a1/routes") =>
    fetch(`${endpoint}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("answers 413 to a body over maxBodyBytes, and keeps serving", async () => {
    const tooBig = await send(JSON.stringify({ routeKey: "x".repeat(2000) }));
    expect([tooBig.status, tooBig.headers.get("x-amzn-errortype")]).toEqual([413, "RequestEntityTooLargeException"]);
    const fine = await send(JSON.stringify({ routeKey: "x".repeat(500) }));
    expect(fine.status).toBe(201);
  });

  it("a query string that is not valid percent-encoding: 400 SerializationException", async () => {
    const response = await send('{"routeKey":"k"}', "/v2/apis/a1/routes?x=%E0%A4%A");
    expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([400, "SerializationException"]);
  });

  it("a path label that is not valid percent-encoding: 400 SerializationException", async () => {
    const response = await send('{"routeKey":"k"}', "/v2/apis/%E0%A4%A/routes");
    expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([400, "SerializationException"]);
  });

  it("passes `context` what node:http gave it, and the handler passes it to the operation", async () => {
    const seen: string[] = [];
    const handler = mod.createApiGatewayV2Handler({
      CreateRoute: async (input: Record<string, unknown>, context: { url: string }) => {
        seen.push(context.url);
        return createRouteImplementation(mod)(input);
      },
    });
    const withContext = await listen(mod.createNodeListener(handler, { context: (req: { url: string }) => ({ url: req.url }) }));
    try {
      const response = await fetch(`${withContext.endpoint}/v2/apis/a1/routes?trace=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"routeKey":"k"}' });
      expect(response.status).toBe(201);
      expect(seen).toEqual(["/v2/apis/a1/routes?trace=1"]);
    } finally {
      await close(withContext.server);
    }
  });
});

describe("an output node:http cannot send", () => {
  it("a header value with a character outside Latin-1: 500, not a hung connection", async () => {
    const model = modelFromJson({
      "header.json": {
        smithy: "2.0",
        shapes: {
          "example.hostile#Headers": { type: "service", version: "1", operations: [{ target: "example.hostile#Get" }], traits: { "aws.protocols#restJson1": {} } },
          "example.hostile#Get": { type: "operation", output: { target: "example.hostile#GetOutput" }, traits: { "smithy.api#http": { method: "GET", uri: "/value" } } },
          "example.hostile#GetOutput": { type: "structure", members: { value: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "x-value" } } } },
        },
      },
    });
    const { mod: headers } = await loadGenerated<Record<string, (...args: unknown[]) => unknown>>(await generate(model, { options: { targets: ["server"] } }));
    const handler = headers["createHeadersHandler"]!({ Get: async () => ({ value: "price: 5 €" }) });
    const { server, endpoint } = await listen(headers["createNodeListener"]!(handler) as Parameters<typeof listen>[0]);
    try {
      const response = await fetch(`${endpoint}/value`);
      expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([500, "InternalFailureException"]);
      expect(await response.text()).toBe("{}");
    } finally {
      await close(server);
    }
  }, 60_000);
});

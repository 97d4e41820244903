// The client runtime end to end on 127.0.0.1: the generated CreateRoute package (client and
// server) behind node:http, every request's SigV4 signature recomputed on the server with
// @smithy/signature-v4 (a wrong one is refused), and faults injected in front of the server:
// 500 / 503, throttling, connection resets, slow responses, a skewed clock.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { EndpointV2, HttpRequest, HttpResponse } from "@smithy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Client, Command, type ClientConfig, type Interceptor } from "../../../runtime/client/client.js";
import { sigv4Signer } from "../../../runtime/client/sigv4.js";
import { signatureProblem } from "./sigv4-server.js";
import { close, createRouteImplementation, createRoutePackage, listen, type CreateRoutePackage } from "../../server/create-route-package.js";

const CREDENTIALS = { accessKeyId: "AKIDLOOPBACK", secretAccessKey: "loopback-secret", sessionToken: "loopback-token" };
const REGION = "us-west-2";
const SIGV4 = { signingName: "apigateway", load: async () => sigv4Signer };

type Fault = { status: number; code: string; headers?: Record<string, string> } | { reset: true } | { delayMs: number } | { slowBodyMs: number };

let mod: CreateRoutePackage;
let server: Server;
let endpoint: string;
let faults: Fault[] = [];
let seen: HttpRequest[] = [];
/** The headers of every request that reached the server, faulted or not. */
let arrived: IncomingMessage["headers"][] = [];
let serverClockOffset = 0;

class TestClient extends Client {
  constructor(config: ClientConfig = {}) {
    super({ region: REGION, credentials: CREDENTIALS, endpoint, ...config }, { sigv4: SIGV4, userAgent: "loopback-test/1" });
  }
}

class CreateRouteCommand extends Command<Record<string, unknown>, Record<string, unknown>> {
  constructor(input: Record<string, unknown>) {
    super(input, {
      name: "CreateRoute",
      serialize: mod.serializeCreateRouteRequest as never,
      deserialize: mod.deserializeCreateRouteResponse as never,
    });
  }
}

beforeAll(async () => {
  mod = await createRoutePackage();
  const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) });
  const checked = async (request: HttpRequest): Promise<HttpResponse> => {
    seen.push(request);
    const problem = await signatureProblem(request, CREDENTIALS, Date.now() + serverClockOffset);
    // Every response carries the server's clock (node:http would send the real one).
    const date = new Date(Date.now() + serverClockOffset).toUTCString();
    if (problem === undefined) {
      const response: HttpResponse = await handler(request);
      return { ...response, headers: { ...response.headers, date } };
    }
    return {
      statusCode: 403,
      headers: { "content-type": "application/json", "x-amzn-errortype": "InvalidSignatureException", date },
      body: JSON.stringify({ message: problem }),
    };
  };
  const listener = mod.createNodeListener(checked) as (req: IncomingMessage, res: ServerResponse) => void;
  ({ server, endpoint } = await listen((req, res) => {
    arrived.push(req.headers);
    const fault = faults.shift();
    if (fault === undefined) return listener(req, res);
    if ("reset" in fault) return req.socket.destroy();
    if ("delayMs" in fault) return void setTimeout(() => listener(req, res), fault.delayMs);
    if ("slowBodyMs" in fault) {
      res.writeHead(201, { "content-type": "application/json" });
      res.write('{"routeId":');
      return void setTimeout(() => res.end('"late"}'), fault.slowBodyMs);
    }
    res.writeHead(fault.status, { "content-type": "application/json", "x-amzn-errortype": fault.code, ...fault.headers });
    res.end(JSON.stringify({ message: `injected ${fault.code}` }));
  }));
}, 120_000);

afterAll(() => close(server));

beforeEach(() => {
  faults = [];
  seen = [];
  arrived = [];
  serverClockOffset = 0;
});

const input = { ApiId: "a1", RouteKey: "GET /pets" };

/** A logger that keeps the retry delays the client reports. */
function delays(): { logger: ClientConfig["logger"] & object; list: number[] } {
  const list: number[] = [];
  const ignore = () => {};
  return { list, logger: { debug: (m: unknown) => list.push(Number(/retrying in (\d+) ms/.exec(String(m))?.[1])), info: ignore, warn: ignore, error: ignore } };
}

async function failure(p: Promise<unknown>): Promise<Record<string, any>> {
  return p.then(() => expect.fail("the call succeeded"), (e: unknown) => e as Record<string, any>);
}

describe("client over loopback against the generated server", () => {
  it("sends a signed call the server verifies, with SDK v3's headers and $metadata", async () => {
    const output = await new TestClient().send(new CreateRouteCommand(input));
    expect(output).toMatchObject({ RouteKey: "GET /pets", RouteId: "route-of-a1", $metadata: { httpStatusCode: 201, attempts: 1, totalRetryDelay: 0 } });
    const headers = seen[0]!.headers;
    expect(headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/us-west-2\/apigateway\/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-user-agent, Signature=[0-9a-f]{64}$/);
    expect(headers["x-amz-security-token"]).toBe("loopback-token");
    expect(headers["amz-sdk-request"]).toBe("attempt=1; max=3");
    expect(headers["x-amz-user-agent"]).toBe("loopback-test/1");
  });

  it("the server refuses a wrong signature: wrong secret → 403 InvalidSignatureException, not retried", async () => {
    const client = new TestClient({ credentials: { accessKeyId: "AKIDLOOPBACK", secretAccessKey: "wrong" } });
    const error = await failure(client.send(new CreateRouteCommand(input)));
    expect(error).toMatchObject({ name: "InvalidSignatureException", $fault: "client", $metadata: { httpStatusCode: 403, attempts: 1 } });
    expect(error["message"]).toContain("does not match");
  });

  it("a tampered signed header is refused", async () => {
    const tamper: Interceptor = { beforeTransmit: (c) => void (c.request!.headers["amz-sdk-request"] = "attempt=9; max=9") };
    const error = await failure(new TestClient({ interceptors: [tamper] }).send(new CreateRouteCommand(input)));
    expect(error).toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } });
  });

  it("4xx modeled errors arrive as their classes, never retried", async () => {
    for (const [apiId, name] of [["missing", "NotFoundException"], ["conflict", "ConflictException"], ["bad", "BadRequestException"]] as const) {
      seen = [];
      const error = await failure(new TestClient().send(new CreateRouteCommand({ ...input, ApiId: apiId })));
      expect(error).toBeInstanceOf(mod[name] as new () => unknown);
      expect(error["$metadata"]).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
      expect(seen).toHaveLength(1);
    }
  });

  it("500 and 503 are retried with a new amz-sdk-request, the same invocation id; totalRetryDelay sums the delays", async () => {
    faults = [{ status: 500, code: "InternalFailure" }, { status: 503, code: "ServiceUnavailable" }];
    const { logger, list } = delays();
    const output = await new TestClient({ logger }).send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201, attempts: 3 });
    expect(list).toHaveLength(2);
    expect((output["$metadata"] as { totalRetryDelay: number }).totalRetryDelay).toBe(list[0]! + list[1]!);
    expect(list[0]).toBeLessThan(100); // full jitter under base · 2^0
    expect(list[1]).toBeLessThan(200);
    expect(arrived.map((h) => h["amz-sdk-request"])).toEqual(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    expect(new Set(arrived.map((h) => h["amz-sdk-invocation-id"])).size).toBe(1);
    expect(new Set(arrived.map((h) => h["authorization"])).size).toBe(3); // signed anew per attempt
  });

  it("gives up after maxAttempts with the last error and its attempts", async () => {
    faults = [{ status: 503, code: "ServiceUnavailable" }, { status: 503, code: "ServiceUnavailable" }, { status: 503, code: "ServiceUnavailable" }];
    const error = await failure(new TestClient({ maxAttempts: 2 }).send(new CreateRouteCommand(input)));
    expect(error).toMatchObject({ name: "ServiceUnavailable", $metadata: { httpStatusCode: 503, attempts: 2 } });
    expect(faults).toHaveLength(1);
  });

  it("a non-transient 5xx (501) is not retried, as SDK v3", async () => {
    faults = [{ status: 501, code: "NotImplemented" }];
    const error = await failure(new TestClient().send(new CreateRouteCommand(input)));
    expect(error["$metadata"]).toMatchObject({ httpStatusCode: 501, attempts: 1 });
  });

  it("throttling (ThrottlingException 400, 429 TooManyRequestsException) is retried with the throttling base", async () => {
    faults = [{ status: 400, code: "ThrottlingException" }, { status: 429, code: "TooManyRequestsException" }];
    const { logger, list } = delays();
    const output = await new TestClient({ logger }).send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ attempts: 3 });
    expect(list[0]).toBeLessThan(500);
    expect(list[1]).toBeLessThan(1000);
  });

  it("adaptive mode retries throttling too (its rate limiter is tested in retry.test.ts)", async () => {
    faults = [{ status: 429, code: "TooManyRequestsException" }, { status: 400, code: "ThrottlingException" }];
    const client = new TestClient({ retryMode: "adaptive" });
    const output = await client.send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201, attempts: 3 });
    // Once throttled, the limiter is on: later calls still go through.
    expect((await client.send(new CreateRouteCommand(input)))["$metadata"]).toMatchObject({ attempts: 1 });
  });

  it("connection resets are retried", async () => {
    faults = [{ reset: true }, { reset: true }];
    const output = await new TestClient().send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201, attempts: 3 });
  });

  it("a slow response times out per attempt (TimeoutError, retried), then succeeds", async () => {
    faults = [{ delayMs: 1_000 }];
    const started = Date.now();
    const output = await new TestClient({ requestHandler: { requestTimeout: 150 } }).send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ attempts: 2 });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("every attempt timing out fails with TimeoutError and the attempts made", async () => {
    faults = [{ delayMs: 600 }, { delayMs: 600 }, { delayMs: 600 }];
    const error = await failure(new TestClient().send(new CreateRouteCommand(input), { requestTimeout: 100 }));
    expect(error).toMatchObject({ name: "TimeoutError", $metadata: { attempts: 3 } });
  });

  it("abortSignal ends a slow call at once with AbortError, not retried", async () => {
    faults = [{ delayMs: 2_000 }];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(new TestClient().send(new CreateRouteCommand(input), { abortSignal: controller.signal }));
    expect(error["name"]).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("abortSignal also ends a response whose body is still arriving", async () => {
    faults = [{ slowBodyMs: 2_000 }];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(new TestClient().send(new CreateRouteCommand(input), { abortSignal: controller.signal }));
    expect(error["name"]).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("an already aborted signal sends nothing", async () => {
    const error = await failure(new TestClient().send(new CreateRouteCommand(input), { abortSignal: AbortSignal.abort() }));
    expect(error["name"]).toBe("AbortError");
    expect(seen).toHaveLength(0);
  });

  it("a skewed clock is corrected from the refusal's Date header and the call retried", async () => {
    serverClockOffset = 60 * 60_000;
    const client = new TestClient();
    const output = await client.send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201, attempts: 2 });
    expect(Math.abs(client.systemClockOffset - serverClockOffset)).toBeLessThan(5_000);
    seen = [];
    expect((await client.send(new CreateRouteCommand(input)))["$metadata"]).toMatchObject({ attempts: 1 });
  });

  it("interceptors run in order: serialization once, the rest per attempt", async () => {
    faults = [{ status: 503, code: "ServiceUnavailable" }];
    const log: string[] = [];
    const hook = (name: string) => (c: { attempt: number }) => void log.push(`${name}@${c.attempt}`);
    const interceptors: Interceptor[] = [{
      beforeSerialization: hook("serialize"),
      beforeSigning: hook("sign"),
      beforeTransmit: hook("transmit"),
      afterResponse: hook("response"),
      afterDeserialization: hook("deserialize"),
    }];
    await new TestClient({ interceptors }).send(new CreateRouteCommand(input));
    expect(log).toEqual([
      "serialize@0",
      "sign@1", "transmit@1", "response@1", "deserialize@1",
      "sign@2", "transmit@2", "response@2", "deserialize@2",
    ]);
  });

  it("endpoint rules plug in: the resolved URL and headers are used, its sigv4 auth scheme sets the signing scope", async () => {
    const asked: unknown[] = [];
    class RulesClient extends Client {
      constructor(config: ClientConfig) {
        super(config, {
          sigv4: SIGV4,
          userAgent: "loopback-test/1",
          resolveEndpoint: (config, operation, input) => {
            asked.push({ config: { region: config.region, endpoint: config.endpoint, useFipsEndpoint: config.useFipsEndpoint }, operation, input });
            return {
              url: new URL(`${endpoint}/`),
              headers: { "x-rules": ["a", "b"] },
              properties: { authSchemes: [{ name: "sigv4", signingName: "apigateway", signingRegion: "eu-central-1" }] },
            } as unknown as EndpointV2; // as rules give it: an auth scheme's fields are not under `properties`
          },
        });
      }
    }
    const client = new RulesClient({ region: async () => REGION, credentials: CREDENTIALS, useFipsEndpoint: true });
    const output = await client.send(new CreateRouteCommand(input));
    expect(output["$metadata"]).toMatchObject({ httpStatusCode: 201 });
    expect(asked).toEqual([{ config: { region: REGION, endpoint: undefined, useFipsEndpoint: true }, operation: "CreateRoute", input }]);
    expect(seen[0]!.headers["x-rules"]).toBe("a,b");
    expect(seen[0]!.headers["authorization"]).toContain("/eu-central-1/apigateway/aws4_request");
  });

  it("a user-supplied fetch is used", async () => {
    let calls = 0;
    const counting = ((url: string, init: never) => (calls++, fetch(url, init))) as ClientConfig["fetch"] & object;
    await new TestClient({ fetch: counting }).send(new CreateRouteCommand(input));
    expect(calls).toBe(1);
  });
});

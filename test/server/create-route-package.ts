// The CreateRoute package generated with both targets, loaded for the loopback tests: a server
// on 127.0.0.1 with an implementation of CreateRoute whose ApiId picks an outcome, and a client
// that sends the generated client serializer's requests over fetch.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generate, loadGenerated } from "../helpers/codegen.js";

type Fn = (...args: any[]) => any;
type ErrorClass = new (options: Record<string, unknown>) => Error;

/** What the tests use of the package (loaded untyped from a temporary folder). */
export interface CreateRoutePackage {
  readonly [name: string]: unknown;
  readonly createApiGatewayV2Handler: Fn;
  readonly createNodeListener: Fn;
  readonly serializeCreateRouteRequest: Fn;
  readonly deserializeCreateRouteResponse: Fn;
  readonly BadRequestException: ErrorClass;
  readonly ConflictException: ErrorClass;
  readonly NotFoundException: ErrorClass;
  readonly TooManyRequestsException: ErrorClass;
}

export async function createRoutePackage(): Promise<CreateRoutePackage> {
  const files = await generate(["models/apigatewayv2-create-route.json"], { options: { targets: ["client", "server"] } });
  return (await loadGenerated<CreateRoutePackage>(files)).mod;
}

/** The secret an unexpected failure carries: it must never reach a client. */
export const SECRET = "database password is hunter2";

/**
 * CreateRoute: ApiId "missing", "conflict", "busy" and "bad" throw the four modeled errors, "boom"
 * an unexpected error; any other ApiId creates the route: the input back, ApiId in the RouteId.
 */
export function createRouteImplementation(mod: CreateRoutePackage) {
  const $metadata = {};
  return async (input: Record<string, unknown>) => {
    switch (input["ApiId"]) {
      case "missing": throw new mod.NotFoundException({ $metadata, message: "no API missing", ResourceType: "Api" });
      case "conflict": throw new mod.ConflictException({ $metadata, message: "the route key is taken" });
      case "busy": throw new mod.TooManyRequestsException({ $metadata, message: "slow down", LimitType: "rate" });
      case "bad": throw new mod.BadRequestException({ $metadata, message: "the target is not an integration" });
      case "boom": throw new Error(SECRET);
    }
    const { ApiId: apiId, ...rest } = input;
    return { ...rest, RouteId: `route-of-${String(apiId)}`, ApiGatewayManaged: false };
  };
}

/** Starts `listener` on 127.0.0.1 on a free port. */
export async function listen(listener: Parameters<typeof createServer>[1]): Promise<{ server: Server; endpoint: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}

export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends an @smithy/types HttpRequest with fetch (fetch sets content-length and host itself). */
export async function send(request: {
  method: string; protocol: string; hostname: string; port?: number; path: string;
  query?: Record<string, string | string[] | null>; headers: Record<string, string>; body?: string;
}): Promise<WireResponse> {
  const url = new URL(`${request.protocol}//${request.hostname}${request.port === undefined ? "" : `:${request.port}`}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value ?? ""]) url.searchParams.append(key, v);
  }
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !["content-length", "host"].includes(name.toLowerCase())));
  const response = await fetch(url, { method: request.method, headers, body: request.body ?? null });
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

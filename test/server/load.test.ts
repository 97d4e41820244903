// Load on 127.0.0.1: 10,000 CreateRoute requests, 50 in flight, against the generated server
// behind node:http, each made by the generated client serializer, sent by node:http with a
// keep-alive agent (fetch costs the client three times the CPU, and both ends share one process)
// and read with the generated deserializer. Every response must be the right one, none may fail, the run is bounded in time,
// and the heap must come back to where it started. Memory: V8's gc is exposed at run time
// (v8.setFlagsFromString + a fresh context), so heap use is compared after a full collection,
// before and after the run, with 16 MiB of slack for the JIT and connection pools.

import { Agent, request as httpRequest, type Server } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { close, createRouteImplementation, createRoutePackage, listen, type CreateRoutePackage, type WireResponse } from "./create-route-package.js";

const REQUESTS = 10_000;
const IN_FLIGHT = 50;
const TIME_LIMIT_MS = 20_000;
const HEAP_SLACK = 16 * 1024 * 1024;

let mod: CreateRoutePackage;
let server: Server;
let endpoint: string;
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

beforeAll(async () => {
  mod = await createRoutePackage();
  const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) });
  ({ server, endpoint } = await listen(mod.createNodeListener(handler)));
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await close(server);
});

/** Sends an @smithy/types HttpRequest (path, query, headers and a string body) with node:http. */
function send(r: { method: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string>; body?: string }): Promise<WireResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(r.query ?? {})) for (const v of Array.isArray(value) ? value : [value ?? ""]) query.append(key, v);
  const path = query.size === 0 ? r.path : `${r.path}?${query}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${endpoint}${path}`, { method: r.method, headers: r.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ statusCode: res.statusCode!, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Sends requests [from, to) with `IN_FLIGHT` workers; returns the ones that were not answered right. */
async function run(from: number, to: number): Promise<string[]> {
  const wrong: string[] = [];
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next++;
      const input = { ApiId: `api${i}`, RouteKey: `GET /items/${i}`, AuthorizationScopes: ["items.read"], Target: `integrations/${i}` };
      try {
        const wire = await send(mod.serializeCreateRouteRequest(input, endpoint));
        const output = (await mod.deserializeCreateRouteResponse(wire)) as Record<string, unknown>;
        const right = wire.statusCode === 201 && output["RouteKey"] === input.RouteKey && output["RouteId"] === `route-of-api${i}`
          && output["Target"] === input.Target;
        if (!right) wrong.push(`request ${i}: ${wire.statusCode} ${wire.body}`);
      } catch (e) {
        wrong.push(`request ${i}: ${String(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return wrong;
}

it(`serves ${REQUESTS} requests, ${IN_FLIGHT} in flight, all right, in bounded time, with the heap back where it started`, async () => {
  expect(await run(0, 500)).toEqual([]); // warm-up: JIT, connection pool
  const before = heapAfterCollection();
  const start = performance.now();
  const wrong = await run(0, REQUESTS);
  const seconds = (performance.now() - start) / 1000;
  const after = heapAfterCollection();
  console.log(`server load: ${REQUESTS} requests in ${seconds.toFixed(2)} s, ${Math.round(REQUESTS / seconds)} requests/s; heap ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MiB`);
  expect(wrong).toEqual([]);
  expect(seconds * 1000).toBeLessThan(TIME_LIMIT_MS);
  expect(after - before).toBeLessThan(HEAP_SLACK);
}, 60_000);
